"""Line lookups in a written listing.json, for exact (path, line, code) assertions."""


def line_after(builder, anchor: str, needle: str) -> int:
    """1-based line of the first ``needle`` after the first ``anchor`` in the bundle's listing.json."""
    text = (builder.dir / "listing.json").read_text(encoding="utf-8")
    start = text.index(anchor)
    return text[: text.index(needle, start)].count("\n") + 1


def manifest(builder) -> str:
    return f"{builder.rel}/listing.json"
