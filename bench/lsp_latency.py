"""How long an editor waits: didChange -> publishDiagnostics of `listing-lint server`, over stdio.

    python bench/lsp_latency.py [--bundles 12] [--repeat 20] [--debounce-ms 50]

Generates (once) ``bench/repo-<N>`` with bench/generate.py, starts the real server as a
subprocess (``python -m listing_lint server``, this checkout's code) with an empty cache folder,
opens one bundle's listing.json and English page, and times from sending each ``didChange`` to
receiving the ``publishDiagnostics`` that carries its version:

* a page edit with no new text (markup changed, every paragraph already judged: the everyday
  keystroke), alternating between two versions;
* a listing.json edit (a SKU's price), alternating likewise;
* a page edit that adds a Spanish paragraph to the English page: new text, which the accurate
  language pair must confirm (a LOC003 finding). The server loads the bundle's accurate models
  while idle after the open, so not even the first of these waits for them.

Also the open (the first, full lint of the bundle: pictures, video and PDFs decoded) and a save
(the full lint again, answered from the memo). Times include the debounce (``--debounce-ms``,
the server's default 50 ms). Prints a Markdown table; the figures go into bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import AS_OF, PRECOMMIT, SPANISH, ensure_repo  # noqa: E402

PAGE_TARGET_MS = 150
PRECOMMIT_SPANISH_S = 1.17  # bench/README.md: pre-commit on one bundle, Spanish paragraph (median)


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("lsp-latency", "1")
        self.seen: dict[str, tuple[int | None, float, list[lsp.Diagnostic]]] = {}
        self.event = asyncio.Event()

        @self.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            self.seen[params.uri] = (params.version, time.perf_counter(), list(params.diagnostics))
            self.event.set()

    async def wait(self, uri: str, version: int | None = None, timeout: float = 300) -> tuple[float, list[lsp.Diagnostic]]:
        deadline = time.perf_counter() + timeout
        while True:
            got = self.seen.get(uri)
            if got is not None and (version is None or (got[0] or 0) >= version):
                return got[1], got[2]
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), max(0.0, deadline - time.perf_counter()))


def change(client: Client, uri: str, version: int, text: str) -> float:
    sent = time.perf_counter()
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version), [lsp.TextDocumentContentChangeWholeDocument(text=text)]
        )
    )
    return sent


async def measure(repo: Path, repeat: int, debounce_ms: int) -> dict[str, list[float]]:
    bundle = repo / "listings" / PRECOMMIT
    page, manifest = bundle / "detail/en.html", bundle / "listing.json"
    page_text, manifest_text = page.read_text(encoding="utf-8"), manifest.read_text(encoding="utf-8")
    page_uri, manifest_uri = page.as_uri(), manifest.as_uri()
    out: dict[str, list[float]] = {}
    client = Client()
    env = dict(os.environ, PYTHONPATH=str(ROOT), LISTING_LINT_CACHE_DIR=tempfile.mkdtemp(prefix="lsp-bench-cache-"))
    await client.start_io(sys.executable, "-m", "listing_lint", "server", env=env)
    try:
        await client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(),
                root_uri=repo.as_uri(),
                initialization_options={"asOf": AS_OF, "debounceMs": debounce_ms},
            )
        )
        client.initialized(lsp.InitializedParams())
        sent = time.perf_counter()
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(manifest_uri, "json", 1, manifest_text)))
        out["open"] = [(await client.wait(manifest_uri, 1))[0] - sent]
        print(f"opened in {out['open'][0]:.2f} s", file=sys.stderr)
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(page_uri, "html", 1, page_text)))
        await client.wait(page_uri, 1)

        versions = {page_uri: 1, manifest_uri: 1}

        async def edit(uri: str, text: str) -> tuple[float, list[lsp.Diagnostic]]:
            versions[uri] += 1
            sent = change(client, uri, versions[uri], text)
            at, diags = await client.wait(uri, versions[uri])
            return at - sent, diags

        markup = page_text.replace("<p>", '<p class="lead">', 1)
        assert markup != page_text
        for key, uri, texts in (("page", page_uri, (markup, page_text)), ("manifest", manifest_uri, (price(manifest_text), manifest_text))):
            for i in range(2):  # both versions judged once: what follows is the warm keystroke
                await edit(uri, texts[i % 2])
            out[key] = [(await edit(uri, texts[i % 2]))[0] for i in range(repeat)]
            print(f"{key}: {len(out[key])} edits timed", file=sys.stderr)

        out["spanish"] = []
        for paragraph in SPANISH[: min(repeat, len(SPANISH))]:
            took, diags = await edit(page_uri, page_text.replace("</body>", f"<p>{paragraph}</p>\n</body>"))
            assert any(d.code == "LOC003" for d in diags), "the Spanish paragraph should be a LOC003 finding"
            out["spanish"].append(took)

        await asyncio.sleep(1.0)  # the last edit's lint also publishes listing.json: let that arrive first
        client.seen.pop(manifest_uri, None)
        sent = time.perf_counter()
        client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(manifest_uri)))
        out["save"] = [(await client.wait(manifest_uri))[0] - sent]
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    return out


def price(text: str) -> str:
    """The same listing.json with its first SKU price a cent higher."""
    start = text.index('"amount": "') + len('"amount": "')
    end = text.index('"', start)
    cents = round(float(text[start:end]) * 100) + 1
    return text[:start] + f"{cents // 100}.{cents % 100:02d}" + text[end:]


def table(found: dict[str, list[float]], repeat: int, debounce_ms: int) -> str:
    def ms(values: list[float]) -> tuple[str, str, str]:
        v = sorted(x * 1000 for x in values)
        p90 = v[min(len(v) - 1, round(0.9 * (len(v) - 1)))]
        return f"{statistics.median(v):.0f}", f"{p90:.0f}", f"{v[-1]:.0f}"

    spanish = found["spanish"]
    rows = [
        ("page edit, no new text (warm)", found["page"], f"< {PAGE_TARGET_MS} ms", statistics.median(found["page"]) * 1000 < PAGE_TARGET_MS),
        ("listing.json edit, a SKU price (warm)", found["manifest"], "", None),
        ("page edit adding a Spanish paragraph, the first (accurate models loaded while idle after the open)", spanish[:1], f"< {PRECOMMIT_SPANISH_S} s (pre-commit)",
         spanish[0] < PRECOMMIT_SPANISH_S),
        ("the same, later paragraphs", spanish[1:], f"< {PRECOMMIT_SPANISH_S} s (pre-commit)",
         bool(spanish[1:]) and statistics.median(spanish[1:]) < PRECOMMIT_SPANISH_S),
        ("open: first full lint of the bundle (pictures, video, PDFs decoded)", found["open"], "", None),
        ("save: full lint again (memo warm)", found["save"], "", None),
    ]
    lines = [
        f"didChange → publishDiagnostics, debounce {debounce_ms} ms included; {repeat} edits per warm row.",
        "",
        "| edit | n | median ms | p90 ms | max ms | target | |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for what, values, target, ok in rows:
        if values:
            med, p90, top = ms(values)
            lines.append(f"| {what} | {len(values)} | {med} | {p90} | {top} | {target} | {'' if ok is None else 'met' if ok else '**missed**'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=20, help="bundles in the generated repo (store-level rules read them all)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--debounce-ms", type=int, default=50)
    args = parser.parse_args(argv)
    repo = ensure_repo(args.bundles)
    found = asyncio.run(measure(repo, args.repeat, args.debounce_ms))
    print(table(found, args.repeat, args.debounce_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
