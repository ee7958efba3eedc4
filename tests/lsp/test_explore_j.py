from __future__ import annotations
import asyncio, json, os, sys, time
from pathlib import Path
import pytest, pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from builder import AS_OF, BundleBuilder
from lsp_helpers import EN, ES, accept_registrations, apply_edit, make_bundle, open_doc, replace_all, diagnostics_for, quiet, record
from listing_lint.config import load_config
from listing_lint.engine import make_settings, run

pytestmark = pytest.mark.asyncio
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "listing_lint", "server"])
ES_PAGE = "listings/demo/detail/es.html"

@pytest_lsp.fixture(config=SERVER)
async def bare(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()

async def init(c, root):
    accept_registrations(c)
    await c.initialize_session(lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
        initialization_options={"asOf": AS_OF.isoformat(), "debounceMs": 10}))

def check_view(repo):
    config = load_config(repo).with_overrides(cache=False)
    result = run(make_settings(config, [str(repo)], repo, AS_OF), [str(repo)])
    out = {}
    for f in result.findings:
        out.setdefault(f.path, []).append((f.code, (f.line or 1) - 1, (f.column or 1) - 1))
    return {k: sorted(v) for k, v in out.items()}

def server_view(c, repo):
    out = {}
    for uri, diags in c.diagnostics.items():
        if diags:
            rel = Path(uri[len("file://"):]).relative_to(repo).as_posix()
            out[rel] = sorted((d.code, d.range.start.line, d.range.start.character) for d in diags)
    return out

def compare(label, c, repo, only=None):
    s, k = server_view(c, repo), check_view(repo)
    if only is not None:
        s = {p: v for p, v in s.items() if p in only}; k = {p: v for p, v in k.items() if p in only}
    print(("SAME " if s == k else "DIFF ") + label)
    if s != k:
        for p in sorted(set(s) | set(k)):
            if s.get(p) != k.get(p):
                print("   ", p, "server", s.get(p), "check", k.get(p))

def save(c, path, text):
    path.write_text(text, encoding="utf-8")
    c.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(path.as_uri())))

def watched(c, *events):
    c.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams([lsp.FileEvent(p.as_uri(), t) for p, t in events]))

async def test_rename_picture(bare, tmp_path):
    b = make_bundle(tmp_path)
    page = ES.replace("</body>", '<img src="../media/scene-1.png" alt="El enchufe en una cocina">\n</body>')
    (b.dir / "detail/es.html").write_text(page, encoding="utf-8")
    record(bare); await init(bare, tmp_path)
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    await diagnostics_for(bare, uri); await quiet(bare, 1)
    compare("rename: start", bare, tmp_path)
    (b.dir / "media/scene-1.png").rename(b.dir / "media/scene-2.png")
    watched(bare, (b.dir / "media/scene-1.png", lsp.FileChangeType.Deleted), (b.dir / "media/scene-2.png", lsp.FileChangeType.Created))
    await asyncio.sleep(0.5); await quiet(bare, 1.5)
    compare("rename: after rename on disk", bare, tmp_path)
    man = b.dir / "listing.json"
    muri = open_doc(bare, man, "json")
    await quiet(bare, 1)
    text = man.read_text().replace("scene-1.png", "scene-2.png")
    replace_all(bare, muri, text, 2); await quiet(bare, 1)
    man.write_text(text)
    compare("rename: listing.json typed (saved for check)", bare, tmp_path)
    replace_all(bare, uri, page.replace("scene-1.png", "scene-2.png"), 2); await quiet(bare, 1)
    (b.dir / "detail/es.html").write_text(page.replace("scene-1.png", "scene-2.png"))
    compare("rename: page typed (saved for check)", bare, tmp_path)
    save(bare, man, text); await asyncio.sleep(0.3); await quiet(bare, 1.5)
    compare("rename: saved", bare, tmp_path)

async def test_invalid_json(bare, tmp_path):
    b = make_bundle(tmp_path)
    record(bare); await init(bare, tmp_path)
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    man = b.dir / "listing.json"; good = man.read_text()
    muri = open_doc(bare, man, "json")
    await quiet(bare, 1.5)
    compare("json: start", bare, tmp_path)
    broken = good.replace('"locales"', '"locales" "x"', 1)
    replace_all(bare, muri, broken, 2); await quiet(bare, 1)
    man.write_text(broken)
    compare("json: broken typed", bare, tmp_path)
    save(bare, man, broken); await asyncio.sleep(0.3); await quiet(bare, 1.5)
    compare("json: broken saved", bare, tmp_path)
    replace_all(bare, muri, good, 3); await quiet(bare, 1)
    man.write_text(good)
    compare("json: fixed typed", bare, tmp_path)
    save(bare, man, good); await asyncio.sleep(0.3); await quiet(bare, 1.5)
    compare("json: fixed saved", bare, tmp_path)

async def test_pyproject(bare, tmp_path):
    b = make_bundle(tmp_path)
    (tmp_path / "listing-lint.toml").unlink()
    py = tmp_path / "pyproject.toml"
    base = '[project]\nname = "shop"\n\n[tool.listing-lint]\nrequired-locales = ["en", "es"]\n'
    py.write_text(base)
    record(bare); await init(bare, tmp_path)
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    puri = open_doc(bare, py, "toml")
    await quiet(bare, 1.5)
    compare("pyproject: start", bare, tmp_path)
    for i, extra in enumerate(['ignore = ["LOC004"]\n', 'per-path-ignores = {"listings/*/detail/es.html" = ["LOC005"]}\n', 'select = ["LOC005", "SCH"]\n', ''], start=2):
        text = base + extra
        replace_all(bare, puri, text, i)
        await quiet(bare, 0.5)
        save(bare, py, text); await asyncio.sleep(0.3); await quiet(bare, 1.5)
        compare(f"pyproject: {extra.strip()!r}", bare, tmp_path)
    # disk only change (watcher)
    py.write_text(base + 'ignore = ["LOC"]\n')
    watched(bare, (py, lsp.FileChangeType.Changed)); await asyncio.sleep(0.5); await quiet(bare, 1.5)
    compare("pyproject: on disk, watcher", bare, tmp_path)

async def test_suppress_typed(bare, tmp_path):
    b = make_bundle(tmp_path)
    record(bare); await init(bare, tmp_path)
    uri = open_doc(bare, tmp_path / ES_PAGE, "html")
    await quiet(bare, 1.5)
    for i, comment in enumerate(["<!-- listing-lint: disable-next=LOC005 -->", "<!-- listing-lint: disable-next=LOC004 -->", "<!-- noqa: LOC005 -->", "<!-- listing-lint: disable-next=placeholder -->", "<!-- listing-lint: disable=LOC005 -->"], start=2):
        text = ES.replace("  <p>Precio", comment + "\n  <p>Precio")
        replace_all(bare, uri, text, i); await quiet(bare, 1)
        (tmp_path / ES_PAGE).write_text(text)
        compare(f"suppress {comment}", bare, tmp_path)

async def test_locale_subfolder(bare, tmp_path):
    b = BundleBuilder(tmp_path)
    b.data["title"] = {"en": "Smart Plug X1 Wi-Fi with Energy Monitor", "es": "Enchufe inteligente X1 Wi-Fi con medidor de consumo"}
    b.data["locales"] = ["en", "es"]
    b.page("en", EN, "pages/en/index.html").page("es", ES, "pages/es-MX/detalle.html")
    b.write()
    (tmp_path / "listing-lint.toml").write_text('required-locales = ["en", "es"]\n')
    record(bare); await init(bare, tmp_path)
    p = b.dir / "pages/es-MX/detalle.html"
    uri = open_doc(bare, p, "html")
    await quiet(bare, 1.5)
    compare("subfolder: start", bare, tmp_path)
    t = ES.replace("{{price}}", "39,90 US$") + "<p>This smart plug turns any socket into a connected one and measures energy.</p>\n"
    replace_all(bare, uri, t, 2); await quiet(bare, 1.5)
    p.write_text(t)
    compare("subfolder: typed", bare, tmp_path)

async def test_two_bundles(bare, tmp_path):
    make_bundle(tmp_path)
    b2 = BundleBuilder(tmp_path, "other")
    b2.data["title"] = {"en": "Desk Lamp L2 with Dimmer", "es": "Lámpara de escritorio L2 con regulador"}
    b2.data["locales"] = ["en", "es"]
    b2.page("en", EN.replace("Smart Plug X1", "Desk Lamp L2")).page("es", ES.replace("Enchufe inteligente X1", "Lámpara L2"))
    b2.write()
    record(bare); await init(bare, tmp_path)
    u1 = open_doc(bare, tmp_path / ES_PAGE, "html")
    u2 = open_doc(bare, b2.dir / "detail/es.html", "html")
    await quiet(bare, 2)
    compare("two: start", bare, tmp_path)
    t = ES.replace("{{price}}", "39,90 US$")
    replace_all(bare, u1, t, 2)
    t2 = ES.replace("Enchufe inteligente X1", "Lámpara L2").replace("es_ES", "es")
    replace_all(bare, u2, t2, 2)
    await quiet(bare, 1.5)
    (tmp_path / ES_PAGE).write_text(t); (b2.dir / "detail/es.html").write_text(t2)
    compare("two: typed", bare, tmp_path)
