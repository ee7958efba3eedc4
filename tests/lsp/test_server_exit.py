"""The server's exit closes the memo's SQLite file (session 17): its answers are written and its
write-ahead log folded in, instead of a log left for the next run to read through. Raw JSON-RPC
over a real server process, so that the process's own exit is what is tested."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from lsp_helpers import AS_OF, make_bundle

from listing_lint import memo


def _send(proc, message: dict) -> None:
    body = json.dumps(message).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def _read(proc) -> dict:
    length = 0
    while True:
        line = proc.stdout.readline()
        if not line:
            raise EOFError("the server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return json.loads(proc.stdout.read(length))


def _until(proc, wanted) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        message = _read(proc)
        if wanted(message):
            return message
        if "id" in message and "method" in message:  # a request to the client (registrations): accept it
            _send(proc, {"jsonrpc": "2.0", "id": message["id"], "result": None})
    raise AssertionError("no such message within 60 s")


def test_the_server_closes_the_memo_file_as_it_exits(tmp_path):
    repo = tmp_path / "repo"
    bundle = make_bundle(repo)
    cache = tmp_path / "cache"
    env = {**os.environ, "LISTING_LINT_CACHE_DIR": str(cache)}
    proc = subprocess.Popen([sys.executable, "-m", "listing_lint", "server"], cwd=repo, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        _send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": repo.as_uri(), "capabilities": {},
            "initializationOptions": {"asOf": AS_OF.isoformat(), "debounceMs": 10}}})
        _until(proc, lambda m: m.get("id") == 1)
        _send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        page = bundle.dir / "detail" / "es.html"
        _send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": page.as_uri(), "languageId": "html", "version": 1, "text": page.read_text(encoding="utf-8")}}})
        _until(proc, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == page.as_uri())
        _send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        _until(proc, lambda m: m.get("id") == 2)
        _send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (cache / memo.FILE_NAME).is_file()
    assert not Path(f"{cache / memo.FILE_NAME}-wal").exists()
