"""SCH004 path-outside-bundle — a path leaves the bundle: absolute, ``..``, or a symlink resolving outside.

What it checks: every path listing.json names (but an experiment variant's and an authorization
letter's, which ABT004 and BRD003 report with the variant or letter they belong to), and every relative ``src``/``srcset``/``href``/``poster`` in
a detail page (relative to the page, as a browser reads it), stays inside the bundle folder.
Nothing outside is opened.
Why: a bundle is uploaded as a unit; a file outside it is not uploaded, and a symlink to
``/etc/passwd`` in a pull request must not make CI read or quote it.
Fails:
    media/scene-07.jpg removed
    listing.json /media/8/file = "../other-product/media/scene-07.jpg"

    media/scene-07.jpg removed
    listing.json /media/8/file = "/home/me/Pictures/scene-07.jpg"
Passes:
    media/scene-07.jpg renamed to media/photos/scene-07.jpg
    listing.json /media/8/file = "media/photos/scene-07.jpg"
"""

from listing_lint.api import Severity
from listing_lint.bundle.paths import LEAVES_BUNDLE, is_url, problem_words
from listing_lint.rules.schema import OWNED_ELSEWHERE

CODE, NAME, SEVERITY = "SCH004", "path-outside-bundle", Severity.ERROR

LEAVING = LEAVES_BUNDLE


def check(bundle, ctx):
    for ref in bundle.references:
        if ref.resolved.problem in LEAVING and ref.kind not in OWNED_ELSEWHERE:
            reason = problem_words(ref.resolved.problem)
            yield ctx.finding(ref.pointer, f"path {ref.ref!r}: {reason}; keep every file inside the bundle folder")
    for page in bundle.page_files:
        for el, attr, value in page.links():
            if is_url(value) or value.startswith("#"):
                continue
            resolved = bundle.resolve(value, page.rel, url=True)
            if resolved.problem in LEAVING:
                reason = problem_words(resolved.problem, page.rel)  # a page's URLs are relative to it
                yield ctx.finding(page.span(el), f"{el.tag} {attr}={value!r}: {reason}; keep every file inside the bundle folder")
