"""SCH007 orphan-file — a media file, document or page in the bundle that nothing references.

What it checks: every image, video, PDF and HTML file inside a folder bundle is named by
listing.json (pages, media, posters, certificates, trademark papers, letters, experiment
variants) or embedded by a detail page (``img``/``video``/``source`` ``src``, ``srcset``, ``poster``,
local ``a href``). Other files (notes, spreadsheets) are left alone, and so is a file that a
reference names in other letter case (SCH003 says "did you mean" it) or that a broken reference
probably means (the same name elsewhere, or a close name of the same type in the same folder, like
``scene-7.jpg`` for a missing ``scene-07.jpg``): SCH003 or SCH004 reports that reference. Nor is
a file unreferenced only because the schema rejects the field that lists it (SCH002 reports that):
a file named anywhere in a rejected value (``"medias": [...]``, ``"certificates": {"file": ...}``),
and the pictures and videos when ``media`` is missing, misspelt or of the wrong type (or its
entries are, ``["media/a.jpg"]``), the pages and what they embed when ``detail_pages`` is, the
PDFs when ``certificates`` or ``brand`` is; nor a file that a URL written in a detail page that
could not be parsed points at (SCH001 reports the page: what it embeds is unknown). A folder inside the bundle with a listing.json of its own
(an old copy kept in ``v2/``) is one finding, at that listing.json, and its files are not orphans.
Past 50 orphans (a folder copied into the bundle), the first 50 by path are reported and the first
of them counts the rest and names the folders that hold most of them.
Why: an orphan is usually a renamed file whose reference was not updated, or a certificate the
listing forgot to declare; it also bloats every upload.
Fails:
    media/scene-10.jpg: photo 800x800    (no media entry or page names it)
Passes:
    media/scene-10.jpg: photo 800x800
    detail/es.html: <img src="../media/scene-10.jpg" alt="Un enchufe inteligente sobre un escritorio">
"""

import posixpath
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from urllib.parse import unquote

from listing_lint.api import Severity
from listing_lint.bundle.paths import is_url, stem
from listing_lint.rules.schema import rejected_page_entries

CODE, NAME, SEVERITY = "SCH007", "orphan-file", Severity.WARNING

IMAGES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
VIDEOS = (".mp4", ".mov", ".webm")
PAGES = (".html", ".htm")
CHECKED = IMAGES + VIDEOS + (".pdf",) + PAGES
#: the fields of listing.json that list files, their JSON type, and the files they list: when the
#: schema rejects one as a whole (a required one missing, one misspelt, one of the wrong type), its
#: files are unreferenced only because of that, and SCH002's finding is the one to fix
LISTS = (
    ("/media", list, IMAGES + VIDEOS),
    ("/detail_pages", dict, PAGES),
    ("/certificates", list, (".pdf",)),  # not pictures too: a real orphan in media/ would go unreported
    ("/brand", dict, (".pdf",)),
)
#: values looked at in places the schema rejects for the paths they name, and paths resolved (a hostile
#: listing has 100,000 of them; each path is a file-system lookup)
MAX_REJECTED_VALUES, MAX_REJECTED_PATHS = 200_000, 1_000
#: orphans reported one by one, each at its own path; the first finding counts the rest. A folder dumped
#: into a bundle (50,000 files) gave 50,000 findings for one root cause; a bundle someone keeps has a
#: handful. 50 is the report's default cap per rule and file (``max-findings-per-rule``)
MAX_LISTED_ORPHANS = 50


def referenced(bundle) -> set[str]:
    return _references(bundle)[0]


def _references(bundle) -> tuple[set[str], list[str]]:
    """The files something names, and the paths named that do not resolve to a file of the bundle."""
    broken: list[str] = []
    used = {bundle.manifest.rel}
    pages = list(bundle.page_files)
    for ref in bundle.references:
        if not ref.resolved.ok:
            broken.append(ref.resolved.rel or ref.ref)
        if ref.resolved.rel:
            used.add(ref.resolved.rel)
            if ref.kind == "variant-page":
                page = bundle.page(ref.ref)
                if page is not None:
                    pages.append(page)
    for page in pages:
        for value, resolved in _page_links(bundle, page):
            if not resolved.ok:
                broken.append(resolved.rel or value)
            if resolved.rel:
                used.add(resolved.rel)
    return used, broken


def _page_links(bundle, page):
    """``(value, resolved)`` for each local file ``page`` embeds or links (``Page.links``)."""
    for _, _, value in page.links():
        if not is_url(value):
            yield value, bundle.resolve(value, page.rel, url=True)


def _meant(orphans: list[str], broken: list[str]) -> set[str]:
    """The orphans that a path which does not resolve probably names: for each such path, the file of the
    same name anywhere, else the closest name of the same type in the same folder (renamed ``scene-7.jpg``
    for ``scene-07.jpg``): one file each, so a real orphan beside it is still reported."""
    meant: set[str] = set()
    for path in broken[:200]:  # bounded on a hostile bundle; the first are the ones to fix
        folder, _, name = path.replace("\\", "/").lower().rpartition("/")
        folder = folder.removeprefix("./")
        same = [o for o in orphans if o.lower().rpartition("/")[2] == name]
        if same:
            meant.add(same[0])
            continue
        other = [o for o in orphans if stem(o) == stem(path.replace("\\", "/").removeprefix("./"))]
        if other:  # the extension left out or another one ("detail/fr", "detail/fr.htm"): SCH003 says "did you mean"
            meant.add(other[0])
            continue
        suffix = name.rpartition(".")[2]
        near = [
            (SequenceMatcher(None, name, o.lower().rpartition("/")[2]).ratio(), o)
            for o in orphans
            if o.lower().rpartition("/")[0] == folder and o.lower().rpartition(".")[2] == suffix
        ]
        best = max(near, default=(0.0, ""))
        if best[0] >= 0.8:
            meant.add(best[1])
    return meant


def _rejected_fields(bundle) -> tuple[tuple[str, ...], bool]:
    """The suffixes of files a field the schema rejects as a whole would list, and whether that
    field is ``detail_pages`` (then every page in the bundle is read for what it embeds)."""
    suffixes: tuple[str, ...] = ()
    pages = False
    for ptr, kind, files in LISTS:
        value = bundle.get(ptr)
        whole = bundle.schema_rejects_itself(ptr) and not isinstance(value, kind)
        # or its entries are no entries at all (["media/a.jpg", ...] for [{"file": ...}]): their posters are named nowhere
        items = isinstance(value, list) and any(
            not isinstance(item, dict) and bundle.schema_rejects_itself(f"{ptr}/{i}") for i, item in enumerate(value)
        )
        if whole or items:
            suffixes += files
            pages = pages or ptr == "/detail_pages"
    return suffixes, pages


def _named_where_rejected(bundle) -> set[str]:
    """Bundle files that a string at a place the schema rejects names (``"medias": [{"file": …}]``,
    ``"fiel": "media/a.jpg"``, ``"certificates": {"file": …}``): named, in the wrong place, which
    SCH002 reports. Bounded: at most ``MAX_REJECTED_VALUES`` values looked at, ``MAX_REJECTED_PATHS``
    paths resolved (each is a file-system lookup)."""
    named: set[str] = set()
    values, paths = MAX_REJECTED_VALUES, MAX_REJECTED_PATHS
    for ptr in sorted(bundle.rejected_pointers):
        stack = [bundle.get(ptr)]
        while stack and values > 0 and paths > 0:
            value = stack.pop()
            values -= 1
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str) and value.lower().endswith(CHECKED):
                paths -= 1
                resolved = bundle.resolve(value)
                if resolved.ok and resolved.rel:
                    named.add(resolved.rel)
        if values <= 0 or paths <= 0:
            break
    return named


def _embedded(bundle, rels) -> set[str]:
    """The files the pages ``rels`` embed or link."""
    used: set[str] = set()
    for rel in rels:
        page = bundle.page(rel)
        if page is not None:
            used.update(resolved.rel for _, resolved in _page_links(bundle, page) if resolved.rel)
    return used


def check(bundle, ctx):
    if bundle.single_file or bundle.data is None:
        return
    used, broken = _references(bundle)
    files = list(bundle.walk_files())
    if bundle.rejected_pointers:  # one root cause, one finding: files a rejected field lists are SCH002's
        excused, all_pages = _rejected_fields(bundle)
        named = _named_where_rejected(bundle)
        pages = [rel for rel in files if rel.lower().endswith(PAGES)] if all_pages else []
        pages += [rel for rel in named if rel.lower().endswith(PAGES)]
        # the page files a rejected entry of detail_pages was meant to name ("fr": "" beside detail/fr.html)
        meant_pages = [rel for _, rels in rejected_page_entries(bundle, files).values() for rel in rels]
        named |= set(meant_pages)
        pages += meant_pages
        used = used | named | _embedded(bundle, [rel for rel in dict.fromkeys(pages) if rel not in used])
        if excused:
            used |= {rel for rel in files if rel.lower().endswith(excused)}
    # a file named by a reference in other letter case is SCH003's "did you mean", not an orphan too
    twins = {r.resolved.rel.lower() for r in bundle.references if r.resolved.problem == "missing" and r.resolved.rel}
    # a bundle inside the bundle (an old copy kept in "v2/", "old/"): one finding, at its listing.json,
    # not one per file it holds; it is not linted (discovery stops at the outer bundle)
    nested = [rel[: -len("/listing.json")] for rel in files if rel.endswith("/listing.json")]
    nested = [folder for folder in nested if not any(folder.startswith(other + "/") for other in nested)]
    for folder in nested:
        file = bundle.file(f"{folder}/listing.json")
        if file is not None:
            yield ctx.finding(file, f"{folder}/ is a bundle inside this bundle (it has its own listing.json): it is not linted as a bundle "
                                    "of its own and its files are not this listing's; move the folder out beside this one, or delete it")
    inside = tuple(folder + "/" for folder in nested)
    orphans = [
        rel for rel in files
        if rel.lower().endswith(CHECKED) and rel not in used and rel.lower() not in twins and not (inside and rel.startswith(inside))
    ]
    unread, unresolved = _unparsed_page_links(bundle, set(files)) if orphans else (set(), [])
    unread |= _namesakes(orphans, unresolved)
    meant = _meant(orphans, broken) if broken else set()
    orphans = sorted(rel for rel in orphans if rel not in meant and rel not in unread)
    listed, rest = orphans[:MAX_LISTED_ORPHANS], orphans[MAX_LISTED_ORPHANS:]
    lookalikes = _lookalikes(listed, used)
    for rel in listed:
        file = bundle.file(rel)
        if file is not None:
            message = f"{rel} is in the bundle but nothing references it; list it in listing.json, embed it, or delete it"
            if rel in lookalikes:
                message = (f"{rel!a} is in the bundle but nothing references it: {lookalikes[rel]!a}, which is referenced, has the "
                           "same letters in another Unicode form (one name composed, one decomposed), so the two look alike; delete this one")
            if rest and rel == listed[0]:
                message += _more(len(orphans), rest)
            yield ctx.finding(file, message)


#: a file's URL as a page writes it (``../media/scene%2001.png`` too); a URL starts only where a run of
#: URL characters does, so 5 MB without a separator is one attempt, not five million
_FILE_URL = re.compile(rb"(?<![^\s\"'<>=\\,()])[^\s\"'<>=\\,()]+\.(?:jpe?g|png|webp|gif|mp4|mov|webm|pdf|html?)\b", re.I)


def _unparsed_page_links(bundle, files: set[str]) -> tuple[set[str], list[str]]:
    """The files the URLs written in the detail pages that could not be parsed point at (read
    relative to the page, as a browser reads them), and those URLs that point at no file.

    A page SCH001 refuses (a NUL byte, 1,000 attributes on a tag) embeds files no rule can see, and
    "nothing references it; delete it" of the pictures it shows was a second finding, and a wrong
    one. Excusing every file whose *name* such a page writes also hid a real orphan of that name in
    another folder; a URL that points at no file excuses one file of its name (``_namesakes``).
    """
    used: set[str] = set()
    broken: list[str] = []
    for page in bundle.page_files:
        if page.file is None or page.root is not None:
            continue
        folder = posixpath.dirname(page.rel)
        for url in dict.fromkeys(_FILE_URL.findall(page.file.data)):
            text = unquote(url.decode("utf-8", "replace"))
            if is_url(text):
                continue
            rel = posixpath.normpath(posixpath.join(folder, text))
            if rel in files:
                used.add(rel)
            else:
                broken.append(rel)
    return used, broken


def _namesakes(orphans: list[str], paths: list[str]) -> set[str]:
    """For each path, the first orphan by path with its file name (letter case aside): one file each."""
    by_name: dict[str, str] = {}
    for rel in sorted(orphans, reverse=True):
        by_name[rel.rpartition("/")[2].lower()] = rel
    return {by_name[name] for path in paths if (name := path.rpartition("/")[2].lower()) in by_name}


def _lookalikes(orphans: list[str], used: set[str]) -> dict[str, str]:
    """The orphans whose name is a referenced file's in another Unicode form (``cafe\u0301.png``
    beside a referenced ``caf\u00e9.png``, both kept on Linux): "media/café.png … nothing references
    it" read as a false alarm about the very name listing.json holds."""
    if all(rel.isascii() for rel in orphans):
        return {}
    by_nfc = {unicodedata.normalize("NFC", rel): rel for rel in used if not rel.isascii()}
    return {rel: by_nfc[nfc] for rel in orphans if (nfc := unicodedata.normalize("NFC", rel)) in by_nfc and by_nfc[nfc] != rel}


def _more(total: int, rest: list[str]) -> str:
    """What the first orphan's finding says of the orphans not reported one by one."""
    folders = Counter(rel.rpartition("/")[0] + "/" if "/" in rel else "./" for rel in rest)
    where = ", ".join(f"{folder} ({count:,})" for folder, count in folders.most_common(3))
    return (f"; the bundle has {total:,} files nothing references: the first {MAX_LISTED_ORPHANS} are reported one by one, "
            f"and {len(rest):,} more after them are unreferenced too, most in {where} (a folder copied into the bundle?)")
