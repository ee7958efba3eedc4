"""SCH001 invalid-file — listing.json or store.json is not valid JSON or not UTF-8, or a detail page cannot be decoded.

What it checks: every listing.json (and ``*.listing.json``) and store.json parses as UTF-8 JSON
(a UTF-8 byte-order mark is accepted), and every detail-page file decodes as UTF-8 text. The
finding sits at the first bad byte or token, with line and column; a file in UTF-16 or UTF-32,
with or without a byte-order mark, is named as such at line 1. The mistakes people make writing
JSON by hand are named as such, at the character to change: a trailing comma (at the comma), a
comment, single or curly quotes, a bare word or Python's ``True``, a missing comma, a number with
a leading zero, a quote or backslash inside a string (``12" screen``, ``media\\scene.jpg``), an
empty file, a file cut short. A key given twice in one object (``"title"`` on line 3 and line 9,
or inside a media entry) is reported at the second, naming the others: JSON readers keep the last
(Python's, ours) or the first, or refuse the file (RFC 8259 §4: names SHOULD be unique), so the
value the marketplace reads is a guess.
Why: nothing else can be checked in a file that does not parse, and the marketplace rejects
such uploads; the position saves the seller from hunting for a stray comma.
Fails:
    listing.json = {"schema_version": "1", "id": "demo",}    (a trailing comma: line 1, column 37)
Passes:
    listing.json /id = "demo"
"""

from listing_lint.api import Severity

CODE, NAME, SEVERITY = "SCH001", "invalid-file", Severity.ERROR


def _at(file, line, column):
    from listing_lint.finding import Span

    return Span(file.display, line, column, line, column)


def _where(data, ptr: str) -> str:
    """``media[2].alt`` for the object at ``ptr`` in ``data``; "" for the top level."""
    from listing_lint.schema.messages import dotted

    parts: list = []
    node = data
    for token in ptr.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit():
            parts.append(int(token))
            node = node[int(token)] if int(token) < len(node) else None
        else:
            parts.append(token)
            node = node.get(token) if isinstance(node, dict) else None
    return dotted(parts) if parts else ""


def _times(n: int) -> str:
    return "twice" if n == 2 else f"{n:,} times"


def _places(file, offsets: list[int]) -> str:
    """``line 3 and line 9``; ``line 1, columns 5 and 40`` when all on one line; at most five named."""
    shown = [file.lines.position(o) for o in (offsets if len(offsets) <= 5 else offsets[:4] + offsets[-1:])]
    gap = ", …" if len(offsets) > 5 else ""
    if shown[0][0] == shown[-1][0]:  # in text order: the first and last on one line, all are
        cols = [str(c) for _, c in shown]
        return f"line {shown[0][0]}, columns {', '.join(cols[:-1])}{gap} and {cols[-1]}"
    words = [f"line {line}" for line, _ in shown]
    return f"{', '.join(words[:-1])}{gap} and {words[-1]}"


def duplicate_key_findings(ctx, file, data, repeated):
    """One finding per key given more than once in one object, at its second occurrence."""
    from listing_lint.schema.messages import name

    for ptr, key, offsets in repeated:
        where = _where(data, ptr)
        inside = f" in `{where}`" if where else ""
        fix = "delete one" if len(offsets) == 2 else "keep one and delete the others"
        given = f"`{name(key)}` is given {_times(len(offsets))}{inside} ({_places(file, offsets)})"
        yield ctx.finding(_at(file, *file.lines.position(offsets[1])), f"{given}; the last one wins: {fix}")


def _not_object(bundle) -> str:
    """What the top level holds instead, and what to do: a list around the one listing is the usual."""
    import json

    try:
        value = json.loads(bundle.manifest.text or "")
    except (ValueError, RecursionError):
        return ""
    if isinstance(value, list):
        listings = [v for v in value if isinstance(v, dict)]
        if len(value) == 1 and listings:
            return "; it holds a list ([…]) around one: delete the [ and ]"
        if len(listings) > 1:
            return f"; it holds a list of {len(listings):,} objects: a bundle is one listing, give each its own folder"
        return "; it holds a list ([…])"
    return ""


def check(bundle, ctx):
    problem = bundle.json_problem
    if problem is not None:
        yield ctx.finding(_at(bundle.manifest, problem.line, problem.column), problem.message)
        return
    if bundle.data is None:
        yield ctx.finding(_at(bundle.manifest, 1, 1), "listing.json must hold a JSON object ({…}) at the top level" + _not_object(bundle))
        return
    yield from duplicate_key_findings(ctx, bundle.manifest, bundle.data, bundle.duplicate_keys)
    for page in bundle.page_files:
        file = page.file
        if file is None:
            continue
        if file.too_large:
            yield ctx.finding(
                _at(file, 1, 1),
                f"page is {file.size:,} bytes, over the {file.max_text_bytes:,}-byte limit (max-text-bytes); it was not read",
            )
        elif file.decode_problem is not None:
            p = file.decode_problem
            yield ctx.finding(_at(file, p.line, p.column), p.message)
        elif page.parse_problem is not None:  # nesting past the parser's depth limit: the rest went unchecked
            p = page.parse_problem
            yield ctx.finding(_at(file, p.line, p.column), p.message)


def check_repo(repo, ctx):
    problem = repo.store_problem
    if repo.store is None:
        return
    if problem is not None:
        yield ctx.finding(_at(repo.store, problem.line, problem.column), problem.message)
    elif repo.store_data is None:
        yield ctx.finding(_at(repo.store, 1, 1), "store.json must hold a JSON object ({…}) at the top level")
    else:
        yield from duplicate_key_findings(ctx, repo.store, repo.store_data, repo.store_duplicate_keys)
