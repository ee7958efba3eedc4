"""Helpers for the language-server tests: a bundle to edit, and what a client does (a module name of its own:
every test folder has a ``conftest``, so ``from conftest import`` would find another one)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from lsprotocol import types as lsp
from pytest_lsp import LanguageClient, client_capabilities

from builder import AS_OF, BundleBuilder

ES = """<!doctype html>
<html lang="es_ES"><head><meta charset="utf-8"></head><body>
<h1>Enchufe inteligente X1</h1>
<p>Este enchufe inteligente convierte cualquier toma en una conectada y mide cuánta energía consumen tus aparatos.</p>
  <p>Precio: {{price}}</p>
<p>Programa lámparas, calefactores y cafeteras desde la aplicación, o por voz con Alexa y Google Home.</p>
</body></html>
"""

EN = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"></head><body>
<h1>Smart Plug X1</h1>
<p>This smart plug turns any socket into a connected one and measures how much energy your devices use.</p>
<p>Schedule lamps, heaters and coffee makers from the app, or by voice with Alexa and Google Home.</p>
</body></html>
"""


def make_bundle(repo: Path, bundle_id: str = "demo") -> BundleBuilder:
    b = BundleBuilder(repo, bundle_id)
    b.data["title"] = {"en": "Smart Plug X1 Wi-Fi with Energy Monitor", "es": "Enchufe inteligente X1 Wi-Fi con medidor de consumo"}
    b.data["locales"] = ["en", "es"]
    b.page("en", EN).page("es", ES)
    b.image("media/scene-1.png", role="scene", alt={"en": "The plug in a kitchen", "es": "El enchufe en una cocina"})
    b.write()
    (repo / "listing-lint.toml").write_text('required-locales = ["en", "es"]\n', encoding="utf-8")
    return b


def accept_registrations(client: LanguageClient) -> list[lsp.Registration]:
    """Answer client/registerCapability as VS Code does (the server asks it to watch files); the
    registrations are kept on ``client.registrations``."""
    if not hasattr(client, "registrations"):
        client.registrations = []

        @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def register(params: lsp.RegistrationParams) -> None:
            client.registrations.extend(params.registrations)

    return client.registrations


async def start(client: LanguageClient, root: Path) -> None:
    accept_registrations(client)
    await client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            initialization_options={"asOf": AS_OF.isoformat(), "debounceMs": 10},
        )
    )


def record(client: LanguageClient) -> list[tuple[str, int | None, list[str], float]]:
    """Every publication as (uri, version, codes, when) on ``client.published``, besides
    client.diagnostics; installed once per client."""
    if hasattr(client, "published"):
        return client.published
    client.published = []
    features = client.protocol.fm.features  # pytest-lsp's own handler stays: client.diagnostics is kept too
    keep = features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def published(params: lsp.PublishDiagnosticsParams):
        client.published.append((params.uri, params.version, [d.code for d in params.diagnostics], time.monotonic()))
        return keep(params)

    features[lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = published
    return client.published


# Every wait below polls: never ``asyncio.wait_for(client.wait_for_notification(...), timeout)``.
# A wait cut short by its timeout leaves pytest-lsp a cancelled future; the next notification of
# that method then fails to resolve it and is dropped before it is recorded (client.diagnostics
# keeps the old list). That made test_lsp_journeys_s13 fail in CI (stop 32): a clear never seen.


async def diagnostics_for(client: LanguageClient, uri: str, until=lambda diags: True, timeout: float = 60.0) -> list[lsp.Diagnostic]:
    """Wait until the server has published diagnostics for ``uri`` that satisfy ``until``."""
    deadline = time.monotonic() + timeout
    while True:
        diags = client.diagnostics.get(uri)
        if diags is not None and until(diags):
            return list(diags)
        assert time.monotonic() < deadline, f"no matching diagnostics for {uri} within {timeout} s; last: {diags!r}"
        await asyncio.sleep(0.02)


async def quiet(client: LanguageClient, seconds: float = 0.5) -> None:
    """Wait until nothing has been published for ``seconds``."""
    published = record(client)
    seen, since = len(published), time.monotonic()
    while time.monotonic() - since < seconds:
        await asyncio.sleep(0.02)
        if len(published) != seen:
            seen, since = len(published), time.monotonic()


def open_doc(client: LanguageClient, path: Path, language: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri=uri, language_id=language, version=version, text=path.read_text(encoding="utf-8")))
    )
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def apply_edit(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP edits (ASCII/BMP text: UTF-16 units are characters) as an editor would."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(p: lsp.Position) -> int:
        return starts[p.line] + p.character

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text
