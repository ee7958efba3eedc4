"""HTML for the report's parts. Every value goes through ``esc``; the page loads nothing from outside."""

from __future__ import annotations

from html import escape

from listing_lint import links
from listing_lint.reporters._common import help_uri
from listing_lint.reporters.text import escape as escape_text
from listing_lint.reporters.html.facts import BundleFacts, Cell, Tile

STYLE = """
:root { --err:#b3261e; --warn:#8a5a00; --info:#0b57d0; --ok:#146c2e; --muted:#5f6368; --line:#dadce0; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #202124; background: #f8f9fa; }
header { background: #202124; color: #fff; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header .counts span { margin-right: 16px; }
main { padding: 16px 24px; max-width: 1200px; }
section.bundle, section.store { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 0 0 20px; }
h2 { margin: 0 0 8px; font-size: 18px; } h3 { margin: 16px 0 8px; font-size: 15px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; font-weight: 600; }
td.yes { color: var(--ok); } td.no { color: var(--err); font-weight: 600; } td.mismatch { background: #fce8e6; }
.lang { font-family: ui-monospace, monospace; font-size: 12px; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
figure.tile { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 6px; position: relative; background: #fff; }
figure.tile img.thumb { width: 100%; height: 138px; object-fit: contain; background: #f1f3f4; display: block; }
figure.tile .placeholder { width: 100%; height: 138px; display: flex; align-items: center; justify-content: center; background: #3c4043; color: #fff; font-size: 28px; }
figure.tile figcaption { font-size: 12px; word-break: break-all; margin-top: 4px; }
figure.main-video { outline: 3px solid var(--info); }
.badge { position: absolute; top: 10px; left: 10px; background: var(--info); color: #fff; font-size: 11px; font-weight: 700; padding: 2px 6px; border-radius: 4px; }
.order { position: absolute; top: 10px; right: 10px; background: rgba(0,0,0,.65); color: #fff; font-size: 11px; padding: 1px 5px; border-radius: 4px; }
.status-valid { color: var(--ok); } .status-expiring { color: var(--warn); } .status-expired, .status-not-yet-valid { color: var(--err); font-weight: 600; }
.sev-error { color: var(--err); font-weight: 600; } .sev-warning { color: var(--warn); font-weight: 600; } .sev-info { color: var(--info); }
pre.src { margin: 4px 0 0; padding: 4px 8px; background: #f1f3f4; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; }
table.findings { table-layout: fixed; } table.findings td { overflow-wrap: anywhere; }
table.findings th:nth-child(1) { width: 24%; } table.findings th:nth-child(2) { width: 16%; } table.findings th:nth-child(3) { width: 9%; }
pre.src mark { background: #fbbc0455; }
code { font-family: ui-monospace, monospace; }
"""

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def esc(value) -> str:
    """HTML-escaped, and every control character but tab and line break as a visible escape (``\\x1b``)."""
    text = str(value)
    if not text.isprintable():
        text = "".join(ch if ch in "\t\n" else escape_text(ch) for ch in text)
    return escape(text, quote=True)


def _cell(cell: Cell, expected: str) -> str:
    if not cell.present:
        text = "missing" + (f" ({cell.detail})" if cell.detail else "")
        return f'<td class="no" data-present="no">{esc(text)}</td>'
    classes = "yes mismatch" if cell.mismatch else "yes"
    lang = ""
    if cell.detected:
        lang = f' <span class="lang" data-detected="{esc(cell.detected)}">detected {esc(cell.detected)} {cell.confidence:.2f}</span>'
    elif expected:
        lang = ' <span class="lang">not judged</span>'
    detail = f' <span class="muted">{esc(cell.detail)}</span>' if cell.detail else ""
    return f'<td class="{classes}" data-present="yes">✓{detail}{lang}</td>'


def locale_matrix(facts: BundleFacts) -> str:
    if not facts.locales:
        return '<p class="muted">No locales to show (listing.json could not be read).</p>'
    rows = []
    for row in facts.locales:
        expected = row.locale.split("-")[0]
        rows.append(
            f'<tr data-locale="{esc(row.locale)}"><th scope="row">{esc(row.locale)}</th>'
            + _cell(row.title, expected)
            + _cell(row.page, expected)
            + _cell(row.alt, expected)
            + "</tr>"
        )
    left_out = ""
    if facts.locales_left_out:
        left_out = (f'<p class="muted left-out">{facts.locales_left_out:,} more locales are not shown '
                    "(html-report-max-locales); the findings below cover them all.</p>")
    return (
        f'<table class="locale-matrix"><caption class="muted">Language detection: {esc(facts.detector)}</caption>'
        "<thead><tr><th>locale</th><th>title</th><th>detail page</th><th>alt texts</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{left_out}"
    )


def _tile(tile: Tile, position: int) -> str:
    classes = "tile main-video" if tile.main_video else "tile"
    badge = '<span class="badge">MAIN VIDEO</span>' if tile.main_video else ""
    if tile.thumb:
        alt = f"{tile.kind} {tile.file}" + (" (poster)" if tile.kind == "video" else "")
        picture = f'<img class="thumb" src="{tile.thumb}" alt="{esc(alt)}">'
    else:
        picture = f'<div class="placeholder" title="no preview">{"▶" if tile.kind == "video" else "?"}</div>'
    return (
        f'<figure class="{classes}" data-index="{tile.index}" data-kind="{esc(tile.kind)}">{badge}'
        f'<span class="order">{position}</span>{picture}'
        f"<figcaption>{esc(tile.file)}<br><span class=\"muted\">{esc(tile.kind)} · {esc(tile.role)}</span></figcaption></figure>"
    )


def gallery(facts: BundleFacts) -> str:
    if not facts.gallery and not facts.description_media:
        return '<p class="muted">No media.</p>'
    out = ""
    if facts.gallery:
        tiles = "".join(_tile(t, i + 1) for i, t in enumerate(facts.gallery))
        out += f'<div class="grid gallery">{tiles}</div>'
    else:
        out += '<p class="muted">Nothing is placed in the gallery.</p>'
    if facts.description_media:
        tiles = "".join(_tile(t, i + 1) for i, t in enumerate(facts.description_media))
        out += f'<h3>In the description</h3><div class="grid description-media">{tiles}</div>'
    if facts.media_left_out:
        out += (f'<p class="muted left-out">{facts.media_left_out:,} more media entries are not shown '
                "(html-report-max-media); the findings below cover them all.</p>")
    return out


def certificates(facts: BundleFacts, cert_findings: dict[int, list]) -> str:
    if not facts.certificates:
        return '<p class="muted">No markets or certificates declared.</p>'
    rows = []
    for market, certs in facts.certificates.items():
        if not certs:
            rows.append(f'<tr data-market="{esc(market)}"><th scope="row">{esc(market)}</th><td colspan="5" class="no status">no certificate</td></tr>')
            continue
        for c in certs:
            codes = ", ".join(sorted({f.code for f in cert_findings.get(c.index, [])}))
            rows.append(
                f'<tr data-market="{esc(market)}"><th scope="row">{esc(market)}</th><td>{esc(c.scheme)}</td>'
                f"<td>{esc(c.legislation)}</td><td>{esc(c.number)}</td>"
                f'<td class="status status-{esc(c.status)}">{esc(c.status_text)}</td><td>{esc(codes)}</td></tr>'
            )
    return (
        f'<table class="certificates"><caption class="muted">Status on {esc(facts.as_of)}</caption>'
        "<thead><tr><th>market</th><th>scheme</th><th>legislation</th><th>number</th><th>status</th><th>findings</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


SOURCE_CONTEXT = 80  # characters shown on each side of the marked part of a long line
SOURCE_MARK = 160  # characters of the marked part shown at most


def _source(line_text: str | None, f) -> str:
    if line_text is None:
        return ""
    text = line_text.rstrip("\n")
    start = (f.column or 1) - 1
    end = f.end_column - 1 if f.end_line == f.line and f.end_column and f.end_column - 1 > start else len(text)
    if not 0 <= start < len(text):
        start, end = 0, 0
    end = min(end, start + SOURCE_MARK)
    left = max(0, start - SOURCE_CONTEXT)
    right = min(len(text), end + SOURCE_CONTEXT)
    before = ("…" if left else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    marked = esc(before) + (f"<mark>{esc(text[start:end])}</mark>" if end > start else "") + esc(after)
    return f'<pre class="src"><span class="muted">{f.line}</span>  {marked}</pre>'


def _rule_cell(f) -> str:
    """The code links to the rule's published help when there is one; else it names the command that explains it."""
    url = help_uri(f.code, f.rule)
    label = f'{esc(f.code)} <span class="muted">{esc(f.rule)}</span>'
    if url:
        return f'<a href="{esc(url)}" rel="help noopener">{label}</a>'
    return f'<span title="{esc(links.rule_help_command(f.code))}">{label}</span>'


def findings(items: list, source_line) -> str:
    if not items:
        return '<p class="muted">No findings.</p>'
    rows = []
    for f in items:
        where = f.path + (f":{f.line}:{f.column or 1}" if f.line else "")
        rows.append(
            f'<tr class="finding" data-code="{esc(f.code)}"><td><code>{esc(where)}</code></td>'
            f'<td>{_rule_cell(f)}</td>'
            f'<td class="sev-{esc(f.severity)}">{esc(f.severity)}</td>'
            f"<td>{esc(f.message)}{_source(source_line(f), f)}</td></tr>"
        )
    return (
        '<table class="findings"><thead><tr><th>where</th><th>rule</th><th>severity</th><th>message</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
