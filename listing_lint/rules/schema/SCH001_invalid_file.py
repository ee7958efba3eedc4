"""SCH001 invalid-file — listing.json or store.json is not valid JSON or not UTF-8, or a detail page cannot be decoded.

What it checks: every listing.json (and ``*.listing.json``) and store.json parses as UTF-8 JSON
(a UTF-8 byte-order mark is accepted), and every detail-page file decodes as UTF-8 text. The
finding sits at the first bad byte or token, with line and column; a file in UTF-16 or UTF-32,
with or without a byte-order mark, is named as such at line 1. The mistakes people make writing
JSON by hand are named as such, at the character to change: a trailing comma (at the comma), a
comment, single or curly quotes, a bare word or Python's ``True``, a missing comma, a number with
a leading zero, a quote or backslash inside a string (``12" screen``, ``media\\scene.jpg``), an
empty file, a file cut short.
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


def check(bundle, ctx):
    problem = bundle.json_problem
    if problem is not None:
        yield ctx.finding(_at(bundle.manifest, problem.line, problem.column), problem.message)
        return
    if bundle.data is None:
        yield ctx.finding(_at(bundle.manifest, 1, 1), "listing.json must hold a JSON object ({…}) at the top level")
        return
    for page in bundle.pages.values():
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
