"""Rule examples that run: the ``Fails:`` and ``Passes:`` of a rule's docstring, applied to a clean bundle.

The notation (docs/rule-examples.md) is one statement a line; a blank line starts the
next example of the same section. Paths are the bundle's own (``listing.json``, ``detail/es.html``,
``media/cover.jpg``), ``store.json`` is the repository's, ``../NAME/listing.json`` a second bundle
(a copy of the base one, id ``NAME``).

    detail/es.html: <p>This plug works with Alexa.</p>      adds the HTML at the end of the page's body
    detail/es.html = <html lang="en"><body><p>…</p></body></html>   the file's whole text
    listing.json /title/ru = "Умная розетка"                  sets a JSON pointer to a JSON value (/- appends)
    listing.json /responsible_person removed                  removes it
    media/scene-07.jpg removed                                removes a file of the bundle
    media/scene-07.jpg renamed to media/scene-7.jpg           moves it
    media/cover.jpg: photo 800x799                            a file made by the media factory (see ``media``)
    config required-locales = ["en", "es"]                    a config key for this example
    as of 2020-06-01                                          judged at this date (else 2026-11-25)
    (a remark)                                                ignored; also after a statement, two spaces before it

The base bundle (``base_bundle``) lints clean with every rule; an example changes one thing, so
a ``Fails:`` example must report its rule's code and nothing else, a ``Passes:`` example nothing.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import media_factory as mf
from builder import AS_OF, BundleBuilder, run_lint
from pdf_writer import pdf_bytes

TITLES = {"en": "Smart plug with energy monitor", "es": "Enchufe inteligente con medidor de consumo",
          "fr": "Prise connectée avec mesure de consommation", "ru": "Умная розетка с измерением потребления"}
PAGES = {
    "en": "<p>This smart plug measures how much energy your devices use.</p>",
    "es": "<p>Este enchufe inteligente mide cuánta energía consumen tus aparatos.</p>",
    "fr": "<p>Cette prise connectée mesure l'énergie consommée par vos appareils.</p>",
    "ru": "<p>Эта умная розетка измеряет, сколько энергии потребляют ваши приборы.</p>",
}
ALT = {"en": "A smart plug on a wooden desk next to a reading lamp",
       "es": "Un enchufe inteligente sobre un escritorio de madera junto a una lámpara",
       "fr": "Une prise connectée sur un bureau en bois à côté d'une lampe",
       "ru": "Умная розетка на деревянном столе рядом с лампой"}
RESPONSIBLE = {"market": "EU", "name": "Example EU Rep B.V.", "address": "Voorbeeldstraat 10, Amsterdam",
               "email": "eu@example.com"}
#: a Wi-Fi smart plug sold in the EU: its CE declaration is a scan (no text layer, so CMP013 reads nothing
#: until an example gives certs/ce.pdf a text)
PRODUCT = {
    "category": "consumer-electronics-accessories",
    "product_groups": ["radio", "internet-connected", "mains-powered"],
    "placed_on_market": "2026-02-01",
    "certificates": [{
        "scheme": "CE", "legislation": ["RED", "RED-DA", "RoHS"],
        "standards": ["EN 62368-1:2014+A11:2017", "ETSI EN 300 328 V2.2.2", "ETSI EN 301 489-17 V3.3.1",
                      "EN 18031-1:2024", "EN IEC 63000:2018"],
        "issued": "2026-01-20", "models": ["D1-EU"], "file": "certs/ce.pdf",
    }],
}
STORE: dict = {}  # store.json when an example first sets something in it
PAGE = "<!doctype html>\n<html lang=\"{locale}\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n{body}\n</body>\n</html>\n"


def experiment(locale: str) -> dict:
    return {"id": f"{locale}-hero", "locale": locale, "element": "main_image", "status": "planned",
            "hypothesis": "A scene photo as the main image raises the click-through rate",
            "primary_metric": "ctr", "variants": [{"id": "control"}, {"id": "scene"}], "traffic_split": [50, 50]}


def base_bundle(repo: Path, photos: list[bytes], video: bytes) -> BundleBuilder:
    """A premium listing in en/es/fr/ru that every rule passes."""
    b = BundleBuilder(repo)
    b.data.update(copy.deepcopy(PRODUCT))
    b.file("certs/ce.pdf", pdf_bytes(image_only=True))
    b.data["title"] = dict(TITLES)
    b.data["responsible_person"] = [dict(RESPONSIBLE)]
    b.data["experiments"] = [experiment(locale) for locale in ("es", "fr", "ru")]
    mf.premium(b, photos, {"wide.mp4": video})
    for item in b.data["media"]:
        if "alt" in item:
            item["alt"] = dict(ALT)
    for locale, body in PAGES.items():
        b.page(locale, PAGE.format(locale=locale, title=TITLES[locale], body=body))
    b.write()
    return b


# -- the notation --------------------------------------------------------------------------------
class NotationError(ValueError):
    """An example line the notation does not know: the example cannot run."""


REMARK = re.compile(r"\s{2,}\(.*\)\s*$")
SET = re.compile(r"^(?P<file>\S+\.json) (?P<ptr>/\S*) = (?P<value>.+)$")
REMOVE = re.compile(r"^(?P<file>\S+\.json) (?P<ptr>/\S*) removed$")
ADD_HTML = re.compile(r"^(?P<file>\S+\.html?): (?P<html>.+)$")
WHOLE = re.compile(r"^(?P<file>\S+) = (?P<text>.*)$")
MEDIA_LINE = re.compile(r"^(?P<file>\S+\.(?:jpe?g|png|webp|gif|mp4|mov|pdf|txt)): (?P<what>.+)$", re.I)
FILE_REMOVED = re.compile(r"^(?P<file>\S+) removed$")
RENAMED = re.compile(r"^(?P<file>\S+) renamed to (?P<new>\S+)$")
CONFIG = re.compile(r"^config (?P<key>[a-z0-9-]+) = (?P<value>.+)$")
AS_OF_LINE = re.compile(r"^as of (?P<date>\d{4}-\d{2}-\d{2})$")
SIZE = r"(?P<w>\d+)x(?P<h>\d+)"


@dataclass
class Example:
    rule: str
    kind: str  # "Fails" or "Passes"
    index: int
    lines: list[str]
    config: dict = field(default_factory=dict)
    as_of: date = AS_OF

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.kind.lower()}-{self.index}"


def examples_of(rule) -> list[Example]:
    out = []
    sections = rule.doc_sections()
    for kind in ("Fails", "Passes"):
        groups: list[list[str]] = [[]]
        for line in sections.get(kind, "").splitlines():
            if line.strip():
                groups[-1].append(line.strip())
            elif groups[-1]:
                groups.append([])
        out += [Example(rule.code, kind, i, g) for i, g in enumerate((g for g in groups if g), 1)]
    return out


def _json(text: str, where: str):
    try:
        value, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        raise NotationError(f"{where}: not a JSON value: {text!r} ({exc.msg})") from None
    if text[end:].strip():
        raise NotationError(f"{where}: text after the JSON value: {text[end:]!r}")
    return value


def _tokens(pointer: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def _set(doc, pointer: str, value, remove: bool = False):
    tokens = _tokens(pointer)
    if not tokens:
        return value
    node = doc
    for token in tokens[:-1]:
        if isinstance(node, list):
            node = node[int(token)]
        else:
            node = node.setdefault(token, {})
    last = tokens[-1]
    if isinstance(node, list):
        if remove:
            del node[int(last)]
        elif last == "-":
            node.append(value)
        else:
            node[int(last)] = value
    elif remove:
        del node[last]
    else:
        node[last] = value
    return doc


def _seed(rel: str) -> int:
    return zlib.crc32(rel.encode()) % 1000


def media(rel: str, what: str, bundle: Path) -> bytes:
    """A file from the media factory, by a few words (``photo 800x799``, ``video 640x360 75s`` …)."""
    fmt = {"png": "PNG", "webp": "WEBP", "gif": "GIF"}.get(rel.rsplit(".", 1)[-1].lower(), "JPEG")
    if m := re.fullmatch(rf"photo {SIZE}", what):
        im = mf.photo(seed=_seed(rel), shot=1, size=(int(m["w"]), int(m["h"])))
        return mf.encode(im.convert("RGB") if fmt != "PNG" else im, fmt)
    if m := re.fullmatch(rf"copy of (?P<src>\S+) at (?P<pct>\d+)%", what):
        from PIL import Image

        im = Image.open(bundle / m["src"])
        im.load()
        return mf.encode(mf.resized(im.convert("RGB"), int(m["pct"]) / 100), fmt)
    if what == "cmyk photo":
        return mf.cmyk_jpeg()
    if what == "png bytes":
        return mf.png_named_jpg()
    if what == "truncated photo":
        return mf.truncated_jpeg()
    if what == "empty file":
        return b""
    if m := re.fullmatch(rf"video {SIZE} (?P<s>\d+)s", what):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(rel).name
            return mf.video(path, int(m["w"]), int(m["h"]), seconds=int(m["s"]), fps=1, audio=False).read_bytes()
    if what == "scanned pdf":
        return pdf_bytes(image_only=True)
    if what.startswith("pdf "):
        return pdf_bytes([[line.strip() for line in _json("[" + what[4:] + "]", rel)]])
    raise NotationError(f"{rel}: no media factory for {what!r}")


class Applied:
    """An example written into a copy of the base repository."""

    def __init__(self, repo: Path, example: Example):
        self.repo = repo
        self.bundle = repo / "listings" / "demo"
        self.example = example

    def path(self, rel: str) -> Path:
        if rel == "store.json":
            return self.repo / "store.json"
        parts = rel.split("/")
        if parts[0] == ".." and len(parts) > 2 and ".." not in parts[1:]:
            name = parts[1]
            other = self.repo / "listings" / name
            if not other.exists():
                shutil.copytree(self.bundle, other)
                data = json.loads((other / "listing.json").read_text(encoding="utf-8"))
                data["id"] = name
                (other / "listing.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            return self.bundle / rel
        if ".." in rel.split("/") or rel.startswith("/"):
            raise NotationError(f"{rel}: outside the bundle")
        return self.bundle / rel

    def edit_json(self, rel: str, pointer: str, value=None, remove: bool = False) -> None:
        path = self.path(rel)
        doc = json.loads(path.read_text(encoding="utf-8")) if path.exists() else copy.deepcopy(STORE)
        doc = _set(doc, pointer, value, remove)
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def add_html(self, rel: str, html: str) -> None:
        path = self.path(rel)
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if "</body>" in text:
            path.write_text(text.replace("</body>", html + "\n</body>", 1), encoding="utf-8")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as out:
                out.write(html + "\n")

    def apply(self, line: str) -> None:
        statement = REMARK.sub("", line).strip()
        if statement.startswith("(") and statement.endswith(")"):
            return
        if m := CONFIG.match(statement):
            self.example.config[m["key"]] = _json(m["value"], statement)
        elif m := AS_OF_LINE.match(statement):
            self.example.as_of = date.fromisoformat(m["date"])
        elif m := REMOVE.match(statement):
            self.edit_json(m["file"], m["ptr"], remove=True)
        elif m := FILE_REMOVED.match(statement):
            self.path(m["file"]).unlink()
        elif m := RENAMED.match(statement):
            new = self.path(m["new"])
            new.parent.mkdir(parents=True, exist_ok=True)
            self.path(m["file"]).rename(new)
        elif m := SET.match(statement):
            self.edit_json(m["file"], m["ptr"], _json(m["value"], statement))
        elif m := MEDIA_LINE.match(statement):
            path = self.path(m["file"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(media(m["file"], m["what"].strip(), self.bundle))
        elif m := ADD_HTML.match(statement):
            self.add_html(m["file"], m["html"])
        elif m := WHOLE.match(statement):
            path = self.path(m["file"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(m["text"] + "\n", encoding="utf-8")
        else:
            raise NotationError(f"{self.example.id}: not a statement of the example notation: {line!r}")



def run_example(example: Example, base: Path, work: Path, select: list[str] | None = None) -> list:
    """Copy the base repository, apply the example's statements, lint with ``select`` (default: every rule): the findings."""
    repo = work / example.id
    shutil.copytree(base, repo)
    applied = Applied(repo, example)
    for line in example.lines:
        applied.apply(line)
    config = {k.replace("-", "_"): v for k, v in example.config.items()}
    return run_lint(repo, select=select, as_of=example.as_of, **config).findings
