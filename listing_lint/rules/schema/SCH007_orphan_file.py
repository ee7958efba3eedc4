"""SCH007 orphan-file — a media file, document or page in the bundle that nothing references.

What it checks: every image, video, PDF and HTML file inside a folder bundle is named by
listing.json (pages, media, posters, certificates, trademark papers, letters, experiment
variants) or embedded by a detail page (``img``/``video``/``source`` ``src``, ``poster``,
local ``a href``). Other files (notes, spreadsheets) are left alone, and so is a file that a
reference names in other letter case (SCH003 says "did you mean" it) or that a broken reference
probably means (the same name elsewhere, or a close name of the same type in the same folder, like
``scene-7.jpg`` for a missing ``scene-07.jpg``): SCH003 or SCH004 reports that reference.
Why: an orphan is usually a renamed file whose reference was not updated, or a certificate the
listing forgot to declare; it also bloats every upload.
Fails:
    media/scene-10.jpg: photo 800x800    (no media entry or page names it)
Passes:
    media/scene-10.jpg: photo 800x800
    detail/es.html: <img src="../media/scene-10.jpg" alt="Un enchufe inteligente sobre un escritorio">
"""

from difflib import SequenceMatcher

from listing_lint.api import Severity
from listing_lint.bundle.paths import is_url

CODE, NAME, SEVERITY = "SCH007", "orphan-file", Severity.WARNING

CHECKED = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".mp4", ".mov", ".webm", ".pdf", ".html", ".htm")
PAGE_ATTRS = (("img", "src"), ("source", "src"), ("video", "src"), ("video", "poster"), ("a", "href"))


def referenced(bundle) -> set[str]:
    return _references(bundle)[0]


def _references(bundle) -> tuple[set[str], list[str]]:
    """The files something names, and the paths named that do not resolve to a file of the bundle."""
    broken: list[str] = []
    used = {bundle.manifest.rel}
    pages = list(bundle.pages.values())
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
        for tag, attr in PAGE_ATTRS:
            for el in page.elements(tag):
                value = el.get(attr)
                if value and not is_url(value):
                    resolved = bundle.resolve(value, page.rel)
                    if not resolved.ok:
                        broken.append(resolved.rel or value)
                    if resolved.rel:
                        used.add(resolved.rel)
    return used, broken


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


def check(bundle, ctx):
    if bundle.single_file or bundle.data is None:
        return
    used, broken = _references(bundle)
    # a file named by a reference in other letter case is SCH003's "did you mean", not an orphan too
    twins = {r.resolved.rel.lower() for r in bundle.references if r.resolved.problem == "missing" and r.resolved.rel}
    orphans = [
        rel for rel in bundle.walk_files() if rel.lower().endswith(CHECKED) and rel not in used and rel.lower() not in twins
    ]
    meant = _meant(orphans, broken) if broken else set()
    for rel in orphans:
        if rel not in meant:
            file = bundle.file(rel)
            if file is not None:
                yield ctx.finding(file, f"{rel} is in the bundle but nothing references it; list it in listing.json, embed it, or delete it")
