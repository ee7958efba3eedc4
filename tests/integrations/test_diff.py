"""``check --diff``: the patch ``--fix`` would apply, written nowhere; ``git apply`` takes it and
gives byte for byte what ``--fix`` writes (checked with a real git)."""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from integration_repos import localized_bundle, make_clean_repo, page_html

from listing_lint import patch
from listing_lint.cli import main

AS_OF = ["--as-of", "2026-11-25", "--no-cache", "--jobs", "1"]
ES = "listings/solar-light-s3/detail/es.html"
FR = "listings/solar-light-s3/detail/fr.html"


def check(repo: Path, *args: str, env: dict | None = None):
    """``listing-lint check ARGS`` in-process from inside ``repo``: click's result (stdout bytes kept)."""
    old = os.getcwd()
    os.chdir(repo)
    try:
        return CliRunner(env={"GITHUB_ACTIONS": None, **(env or {})}).invoke(main, ["check", *AS_OF, *args])
    finally:
        os.chdir(old)


def snapshot(repo: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(repo)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(repo.rglob("*")) if p.is_file()}


def tree(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in sorted(repo.rglob("*")) if p.is_file() and ".git" not in p.parts}


def git(repo: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, input=data, capture_output=True, env=env, check=False)


def git_applied(repo: Path, made: bytes, where: Path) -> dict[str, bytes]:
    """A copy of ``repo`` as a git repository with ``made`` applied by ``git apply`` (checked first)."""
    shutil.copytree(repo, where)
    git(where, "init", "-q")
    git(where, "add", "-A")
    git(where, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "before")
    checked = git(where, "apply", "--check", "-", data=made)
    assert checked.returncode == 0, checked.stderr.decode()
    applied = git(where, "apply", "-", data=made)
    assert applied.returncode == 0, applied.stderr.decode()
    return tree(where)


def fixable_repo(tmp_path: Path) -> Path:
    """es.html has no lang (an insertion: a second pass that read the disk would insert it twice);
    fr.html is CRLF with a byte-order mark and lacks French no-break spaces."""
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    b.page("es", page_html("es").replace('<html lang="es">', "<html>"))
    b.page("fr", page_html("fr", "Installation : facile !"))
    b.write()
    fr = repo / FR
    fr.write_bytes(codecs.BOM_UTF8 + fr.read_bytes().replace(b"\n", b"\r\n"))
    return repo


def test_diff_shows_what_fix_writes_and_writes_nothing(tmp_path):
    repo = fixable_repo(tmp_path / "a")
    before = snapshot(repo)
    done = check(repo, "--select", "LOC004,LOC012", "--diff")
    assert done.exit_code == 1, done.stderr
    made = done.stdout_bytes
    assert snapshot(repo) == before  # not one byte, not one mtime
    assert made.startswith(f"diff --git a/{ES} b/{ES}\n--- a/{ES}\n+++ b/{ES}\n@@ -1,5 +1,5 @@\n".encode())
    assert b'-<html>\n+<html lang="es">\n' in made
    assert f"diff --git a/{FR} b/{FR}\n".encode() in made and made.index(ES.encode()) < made.index(FR.encode())
    assert "\r\n-<p>Installation : facile !</p>\r\n+<p>Installation\u00a0: facile\u202f!</p>\r\n".encode() in made  # CRs stay
    assert f'Would fix {ES}: add lang="es" to <html> (LOC004)' in done.stderr
    assert "Would apply 3 fixes in 2 files." in done.stderr

    applied = git_applied(repo, made, tmp_path / "applied")
    fixed = check(repo, "--select", "LOC004,LOC012", "--fix")
    assert fixed.exit_code == 0, fixed.stderr
    assert applied == tree(repo)  # git apply of the diff == what --fix wrote, byte for byte
    assert tree(repo)[FR].startswith(codecs.BOM_UTF8) and b"\r\n" in tree(repo)[FR]

    again = check(repo, "--select", "LOC004,LOC012", "--diff")
    assert (again.exit_code, again.stdout_bytes, again.stderr) == (0, b"", "")  # nothing left to fix


def test_nothing_to_fix_is_an_empty_diff_and_exit_0(tmp_path):
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    b.page("es", page_html("es", "Instalación: fácil."))  # findings of other rules are not the diff's business
    b.write()
    done = check(repo, "--select", "LOC", "--diff")
    assert (done.exit_code, done.stdout_bytes) == (0, b"")


def test_exit_zero_and_output(tmp_path):
    repo = fixable_repo(tmp_path)
    printed = check(repo, "--select", "LOC004", "--diff").stdout_bytes
    done = check(repo, "--select", "LOC004", "--diff", "--exit-zero", "--output", "fix.patch")
    assert done.exit_code == 0 and done.stdout_bytes == b""
    assert (repo / "fix.patch").read_bytes() == printed and printed.startswith(b"diff --git")


@pytest.mark.parametrize("clash", [["--fix"], ["--statistics"], ["--format", "json"], ["--write-baseline", "b.json"]])
def test_diff_with_an_option_it_cannot_honour_is_a_usage_error(tmp_path, clash):
    repo = fixable_repo(tmp_path)
    before = snapshot(repo)
    done = check(repo, "--diff", *clash)
    assert done.exit_code == 2 and f"it does not go with {clash[0]}" in done.stderr
    assert snapshot(repo) == before


def test_a_page_that_is_not_utf8_is_left_out_as_fix_leaves_it(tmp_path):
    """--fix never rewrites a file it cannot decode (SCH001): the diff has nothing for it."""
    repo = make_clean_repo(tmp_path / "shop")
    b = localized_bundle(repo, "solar-light-s3")
    b.page("es", page_html("es").replace('<html lang="es">', "<html>"))
    b.write()
    es = repo / ES
    es.write_bytes(es.read_bytes().replace("í".encode(), b"\xed"))  # Latin-1
    assert f"{ES}:5:43: SCH001" in check(repo, "--select", "LOC004,SCH001").stdout
    done = check(repo, "--select", "LOC004,SCH001", "--diff")
    assert (done.exit_code, done.stdout_bytes) == (0, b"")
    before = es.read_bytes()
    check(repo, "--select", "LOC004,SCH001", "--fix")
    assert es.read_bytes() == before


# -- the patch itself, through a real git ------------------------------------------------------

CASES = {
    "crlf.html": (b"<html>\r\n<p>a</p>\r\n<p>b</p>\r\n", b'<html lang="es">\r\n<p>a</p>\r\n<p>b</p>\r\n'),
    "latin1.html": (b"<p>caf\xe9</p>\n<html>\n\xff\xfe\n", b"<p>caf\xe9</p>\n<html lang=\"fr\">\n\xff\xfe\n"),
    "no-eol.html": (b"one\ntwo", b"one\n2"),
    "gains-eol.html": (b"one\ntwo", b"one\ntwo\n"),
    "loses-eol.html": (b"one\ntwo\n", b"one\ntwo"),
    "bom.html": (codecs.BOM_UTF8 + b"x\n", codecs.BOM_UTF8 + b"y\n"),
    "far.html": (b"".join(b"%d\n" % i for i in range(40)), b"".join(b"%d\n" % (i if i not in (3, 30) else -i) for i in range(40))),
    "emptied.html": (b"a\n", b""),
    "inserted.html": (b"".join(b"%d\n" % i for i in range(20)), b"".join(b"%d\n" % i + (b"new\n" if i == 9 else b"") for i in range(20))),
    "d\u00e9tail/\u00e9.html": (b"a\n", b"b\n"),
    'say "hi"\\ \t##[x].html': (b"a\n", b"b\n"),
    "new\nline\n+++ b/evil.html": (b"a\n", b"b\n"),
    "\x1b[31mred.html": (b"a\n", b"b\n"),
}


def test_git_apply_takes_the_patch_byte_for_byte(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    for name, (old, new) in CASES.items():
        for base, data in ((before, old), (after, new)):
            (base / name).parent.mkdir(parents=True, exist_ok=True)
            (base / name).write_bytes(data)
    (tmp_path / "evil.html").write_bytes(b"untouched\n")
    made = patch.make_patch([(name, old, new) for name, (old, new) in sorted(CASES.items())])
    for line in made.split(b"\n"):
        if line.startswith((b"diff ", b"--- ", b"+++ ")):
            assert b"\x1b" not in line and b"##[" not in line  # headers are git-quoted
    assert b"+++ b/evil.html" not in made.replace(b"\\n+++ b/evil.html", b"")  # the name stayed in its quotes
    assert git_applied(before, made, tmp_path / "applied") == tree(after)
    assert git_applied(before, patch.for_actions(made), tmp_path / "applied-actions") == tree(after)


def test_a_page_of_like_lines_is_diffed_in_linear_time():
    """SequenceMatcher without its junk heuristic did not finish in 60 s on 100,000 equal lines; paired by
    position (the line count is the same), one hunk of one line."""
    page = b"<p>Prix : 10</p>\n" * 100_000
    start = time.process_time()
    made = patch.file_diff("fr.html", page, page.replace(b" :", "\u00a0:".encode(), 1))
    assert time.process_time() - start < 2
    assert made.count(b"\n@@ ") == 1 and b"@@ -1,4 +1,4 @@\n-<p>Prix : 10</p>\n+<p>Prix\xc2\xa0: 10</p>\n <p>" in made


def test_headers_are_quoted_as_git_quotes_them():
    assert patch.quote_path("listings/a/detail/es.html") == b"listings/a/detail/es.html"
    assert patch.quote_path("d\u00e9tail/x y.html") == b'"d\\303\\251tail/x y.html"'
    assert patch.quote_path("a\nb\\c\"d") == b'"a\\nb\\\\c\\"d"'
    assert patch.quote_path("##[set-output x]y") == b'"##\\133set-output x]y"'
    assert patch.quote_path(os.fsdecode(b"bad\xff.html")) == b'"bad\\377.html"'
    assert patch.file_diff("same.html", b"a\n", b"a\n") == b""


# -- hostile lines: never raw on a terminal, never a command to GitHub's runner ------------------

HOSTILE = b'<html>\n<title>\x1b]0;owned\x07\x1b[2J ##[set-output name=deploy]yes</title>\n  ::error::x\n'


def test_a_terminal_gets_the_lines_escaped_a_pipe_gets_them_exact():
    made = patch.file_diff("es.html", HOSTILE, HOSTILE.replace(b"<html>", b'<html lang="es">'))
    shown, escaped = patch.for_terminal(made)
    assert "\x1b" not in shown and "\x07" not in shown and "##[" not in shown
    assert " <title>\\x1b]0;owned\\x07\\x1b[2J ##\\x5bset-output name=deploy]yes</title>\n" in shown
    assert escaped == 1
    plain = patch.file_diff("es.html", b"<html>\n\tx\n", b'<html lang="es">\n\tx\n')
    assert patch.for_terminal(plain) == (plain.decode(), 0)  # tabs and plain text as they are


def test_on_github_the_commands_are_stopped_around_a_patch_that_holds_one():
    made = patch.file_diff("es.html", HOSTILE, HOSTILE.replace(b"<html>", b'<html lang="es">'))
    token = hashlib.sha256(made).hexdigest()
    assert patch.for_actions(made) == f"::stop-commands::{token}\n".encode() + made + f"::{token}::\n".encode()
    plain = patch.file_diff("es.html", b"<html>\n", b'<html lang="es">\n')
    assert patch.for_actions(plain) == plain


def _emit_to(monkeypatch, tty: bool, changes, env=None) -> tuple[str, str]:
    from listing_lint import cli

    class Stream(io.TextIOWrapper):
        def isatty(self):
            return tty

    out, err = Stream(io.BytesIO(), encoding="utf-8", newline=""), io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr("sys.stderr", err)
    for key, value in (env or {"GITHUB_ACTIONS": None}).items():
        monkeypatch.delenv(key, raising=False) if value is None else monkeypatch.setenv(key, value)

    class Dry:
        def changes(self):
            return changes

    assert cli._emit_patch(Dry(), Path("/r"), None, False) == 1
    out.flush()
    return out.buffer.getvalue(), err.getvalue()


def test_emit_patch_by_destination(monkeypatch):
    changes = [("/r/es.html", HOSTILE, HOSTILE.replace(b"<html>", b'<html lang="es">'))]
    made = patch.make_patch([("es.html", changes[0][1], changes[0][2])])
    shown, err = _emit_to(monkeypatch, True, changes)
    assert b"\x1b" not in shown and "1 line of the patch shown with control characters escaped" in err
    assert _emit_to(monkeypatch, False, changes) == (made, "")
    assert _emit_to(monkeypatch, False, changes, {"GITHUB_ACTIONS": "true"})[0] == patch.for_actions(made) != made
