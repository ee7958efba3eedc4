"""Session 17: the language server on the hostile page URLs of hostile-input rounds 7 and 8
(``srcset`` with tabs, a ``data:`` URL, percent-escaped ``..``, a Windows drive path, ``&#0;``,
``<picture><source srcset>``, ``<base href>``, a ``srcset`` of 30,000 candidates), typed into an
unsaved buffer. The server runs the rules the CLI runs: it must publish what ``check`` finds on the
same text saved, at the same lines, in bounded time, and keep answering."""

from __future__ import annotations

import asyncio
import time

import pytest
from lsprotocol import types as lsp
from lsp_helpers import diagnostics_for, open_doc, replace_all
from pytest_lsp import LanguageClient

from builder import findings

pytestmark = pytest.mark.asyncio

ES_PAGE = "listings/demo/detail/es.html"
ALT = 'alt="El enchufe en una cocina"'
HOSTILE = f"""<!doctype html>
<html lang="es"><head><meta charset="utf-8"><base href="https://elsewhere.example/"></head><body>
<h1>Enchufe inteligente X1</h1>
<p>Este enchufe inteligente convierte cualquier toma en una conectada y mide cuánta energía consumen tus aparatos.</p>
<img src="../media/scene-1.png" srcset="../media/scene-1.png\t1x,\n  ../../../../etc/passwd\t2x" {ALT}>
<img src="C:\\media\\scene-1.png" {ALT}><img src="data:image/png;base64,iVBORw0KGgo=" {ALT}>
<img src="%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd" {ALT}><img src="../media/scene&#0;1.png" {ALT}>
<picture><source srcset="https://i.imgur.com/wide.png 1200w"><img src="../media/scene-1.png" {ALT}></picture>
<p>Programa lámparas, calefactores y cafeteras desde la aplicación, o por voz con Alexa y Google Home.</p>
</body></html>
"""
SELECT = ["SCH", "MED010", "MED012"]


def _published(diags: list[lsp.Diagnostic]) -> list[tuple[str, int]]:
    return sorted((str(d.code), d.range.start.line + 1) for d in diags if str(d.code).startswith(("SCH", "MED010", "MED012")))


async def test_the_hostile_urls_of_a_page_are_published_as_check_finds_them(client: LanguageClient, repo):
    page = repo / ES_PAGE
    uri = open_doc(client, page, "html")
    await diagnostics_for(client, uri)
    replace_all(client, uri, HOSTILE, 2)
    diags = await diagnostics_for(client, uri, lambda d: "MED012" in [x.code for x in d], timeout=60)
    page.write_text(HOSTILE, encoding="utf-8")  # the same text saved, linted as `check` lints it
    expected = sorted((f.code, f.line) for f in findings(repo, select=SELECT, required_locales=["en", "es"]) if f.path == ES_PAGE)
    assert _published(diags) == expected
    assert expected == [("MED010", 7), ("MED010", 8), ("MED010", 9), ("MED012", 2), ("SCH004", 5), ("SCH004", 7), ("SCH004", 8)]
    messages = " ".join(d.message for d in diags)
    assert "\x1b" not in messages and "U+FFFD" in messages


async def test_a_srcset_of_30000_candidates_in_the_buffer_is_linted_in_bounded_time(client: LanguageClient, repo):
    page = repo / ES_PAGE
    uri = open_doc(client, page, "html")
    await diagnostics_for(client, uri)
    many = ", ".join(f"../media/scene-1.png?v={i} {i}w" for i in range(1, 30_001))
    text = page.read_text(encoding="utf-8").replace("<h1>", f'<img src="../media/scene-1.png" srcset="{many}, ../../x.png 1x" {ALT}>\n<h1>', 1)
    started = time.monotonic()
    replace_all(client, uri, text, 2)
    diags = await diagnostics_for(client, uri, lambda d: "SCH004" in [x.code for x in d], timeout=60)
    assert time.monotonic() - started < 30  # generous: a loaded 2-core machine; about 1 s alone
    assert [(d.code, d.range.start.line) for d in diags if d.code == "SCH004"] == [("SCH004", 2)]
    await asyncio.wait_for(client.text_document_hover_async(lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, 0))), 20)
