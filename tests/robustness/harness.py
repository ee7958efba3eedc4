"""Build a listing repo from parts, lint it in-process, and check the robustness properties.

Shared by the robustness tests (hypothesis, bounded) and ``fuzz/fuzz_bundle.py`` (long runs).
A *case* is what ends up on disk under ``<work>/repo``: files (bytes), symlinks and FIFOs. Next to
the repo, ``<work>/outside/secret.txt`` holds ``CANARY``: no output may ever quote it.

The properties, for every case:
- linting never raises (the CLI would exit 2) and every reporter renders without raising;
- each reporter's output is valid in its own format (JSON parses, text is one finding a line...);
- every bundle written appears in the result;
- nothing outside the linted tree is quoted (the canary never shows up).
A rule that raises is isolated by the engine as LNT003: not a property failure of the run, but
collected as ``rule_crashes`` so the fuzzer can log it for the rule's owner.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from listing_lint import reporters
from listing_lint.config import Config
from listing_lint.engine import make_settings, run

AS_OF = date(2026, 11, 25)
CANARY = "OUTSIDE-CANARY-5e1f0c9a"
BUNDLE = "listings/plug"  # the folder bundle every case starts from
SINGLE = "listings/reel.listing.json"  # and the single-file bundle beside it
SCENES = 3  # scene images in the base case: few and small, so that a case lints in tens of milliseconds

#: one text line of the text reporter: ``path:line:col: CODE [severity] message`` (or ``path: CODE ...``)
TEXT_LINE = re.compile(r"^(?P<path>.+?)(?::\d+:\d+)?: (?P<code>[A-Z]{2,4}\d{3}) \[(error|warning|info)\] .+$")
#: control characters no output may carry raw: a repo's text could drive the terminal or the CI log
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SUMMARY = re.compile(r"^Found \d+ errors?, \d+ warnings?(, \d+ info)? in \d+ of \d+ bundles? \(\d+ files?\) in [\d.]+ s\.$")


@dataclass
class Case:
    files: dict[str, bytes] = field(default_factory=dict)  # repo-relative path -> content
    links: dict[str, str] = field(default_factory=dict)  # repo-relative path -> symlink target (as written)
    fifos: list[str] = field(default_factory=list)  # repo-relative paths of named pipes
    devices: list[str] = field(default_factory=list)  # repo-relative paths of character devices (/dev/zero)

    def manifests(self) -> list[str]:
        names = list(self.files) + list(self.links)
        return sorted(n for n in names if n.startswith("listings/") and (n.endswith("/listing.json") or n.endswith(".listing.json")))


@dataclass
class Outcome:
    problems: list[str]  # property violations: a failure
    rule_crashes: list[str]  # LNT003 messages: a bug in a rule, isolated by the engine
    outputs: dict[str, str]  # format -> rendered report


# -- media made once ------------------------------------------------------------------------------
def image_bytes(width: int = 64, height: int = 64, fmt: str = "PNG", color=(200, 120, 40)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, fmt)
    return out.getvalue()


@lru_cache(maxsize=1)
def mp4_bytes() -> bytes:
    """A real one-second H.264 MP4 (made with the ffmpeg that imageio-ffmpeg ships)."""
    import subprocess
    import tempfile

    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "v.mp4"
        subprocess.run(
            [imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y", "-f", "lavfi", "-i",
             "testsrc=size=96x96:rate=10", "-t", "1", "-pix_fmt", "yuv420p", "-c:v", "libx264",
             "-movflags", "+faststart", str(out)],
            check=True,
            stdin=subprocess.DEVNULL,
        )
        return out.read_bytes()


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

PAGES = {
    "en": "<p>This smart plug switches lamps and fans up to 16 A and reports energy use every minute.</p>",
    "es": "<p>Este enchufe inteligente controla lámparas y ventiladores de hasta 16 A y mide el consumo.</p>",
    "fr": "<p>Cette prise connectée commande lampes et ventilateurs jusqu’à 16 A et mesure la consommation.</p>",
    "ru": "<p>Эта умная розетка управляет лампами и вентиляторами до 16 А и измеряет расход энергии.</p>",
}


def page_html(locale: str, body: str | None = None) -> str:
    body = PAGES[locale] if body is None else body
    return f'<!doctype html>\n<html lang="{locale}">\n<head><meta charset="utf-8"><title>Plug</title></head>\n<body>\n<h1>Smart plug X1</h1>\n{body}\n<img src="../media/scene-1.png" alt="plug">\n</body>\n</html>\n'


def listing() -> dict:
    """A complete listing.json for the folder bundle: every section filled in."""
    media = [{"kind": "video", "file": "media/main.mp4", "role": "cover", "poster": "media/cover.jpg"},
             {"kind": "image", "file": "media/cover.jpg", "role": "cover", "alt": {"en": "Smart plug", "es": "Enchufe"}}]
    media += [{"kind": "image", "file": f"media/scene-{i}.png", "role": "scene"} for i in range(1, SCENES + 1)]
    return {
        "schema_version": "1",
        "id": "plug",
        "category": "consumer-electronics-accessories",
        "product_groups": ["mains-powered", "radio", "internet-connected"],
        "placed_on_market": "2026-03-01",
        "markets": ["EU", "UK", "US"],
        "locales": ["en", "es", "fr", "ru"],
        "title": {"en": "Smart plug X1 16 A with energy monitor", "es": "Enchufe inteligente X1 16 A",
                  "fr": "Prise connectée X1 16 A", "ru": "Умная розетка X1 16 А"},
        "detail_pages": {loc: f"detail/{loc}.html" for loc in PAGES},
        "skus": [{"id": "X1", "model": "X1-EU", "price": {"amount": "39.90", "currency": "USD"}, "core": True}],
        "media": media,
        "certificates": [{"scheme": "CE", "legislation": ["RED"], "standards": ["EN IEC 62368-1:2020+A11:2020"],
                          "issued": "2025-01-10", "expires": "2028-01-10", "models": ["X1-EU"], "file": "certs/ce.pdf",
                          "notified_body": "0123"}],
        "brand": {"name": "Voltio", "trademark": {"mark": "R", "office": "EUIPO", "number": "018000001", "classes": [9],
                                                   "file": "certs/tm.pdf"}},
        "responsible_person": [{"market": "EU", "name": "Voltio GmbH", "address": "Hauptstr. 1, Berlin", "email": "rp@voltio.example"}],
        "metrics": {"ctr": 0.04, "conversion_rate": 0.025, "return_rate": 0.03, "daily_visitors": {"es": 900}},
        "experiments": [{"id": "es-main", "locale": "es", "element": "detail_page", "hypothesis": "shorter page sells",
                         "primary_metric": "conversion_rate", "variants": [{"id": "a", "page": "detail/es.html"},
                                                                           {"id": "b", "page": "detail/es.html"}],
                         "traffic_split": [50, 50], "mde": 0.2, "status": "planned"}],
    }


def single_listing() -> dict:
    return {
        "schema_version": "1", "id": "reel", "category": "home-garden", "markets": ["EU"],
        "title": {"en": "Garden hose reel 20 m"}, "detail_pages": {"en": {"html": "<p>A 20 m hose reel for the garden.</p>"}},
        "skus": [{"id": "R1", "model": "R-20", "price": {"amount": "29.00", "currency": "EUR"}}], "media": [],
    }


@lru_cache(maxsize=1)
def _media() -> dict[str, bytes]:
    files = {"media/main.mp4": mp4_bytes(), "media/cover.jpg": image_bytes(96, 96, "JPEG")}
    for i in range(1, SCENES + 1):
        files[f"media/scene-{i}.png"] = image_bytes(32, 32, "PNG", (20 * i, 100, 200 - 10 * i))
    files["certs/ce.pdf"] = PDF
    files["certs/tm.pdf"] = PDF
    return files


def dumps(value) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")


def base_case() -> Case:
    """The starting point every mutation works on: one complete folder bundle and one single-file bundle."""
    case = Case()
    case.files[f"{BUNDLE}/listing.json"] = dumps(listing())
    for loc in PAGES:
        case.files[f"{BUNDLE}/detail/{loc}.html"] = page_html(loc).encode("utf-8")
    for rel, data in _media().items():
        case.files[f"{BUNDLE}/{rel}"] = data
    case.files[SINGLE] = dumps(single_listing())
    return case


# -- disk ---------------------------------------------------------------------------------------------
def write_case(work: Path, case: Case) -> Path:
    """Write ``case`` under ``work/repo`` (replacing what was there) and the canary under ``work/outside``."""
    repo = work / "repo"
    if repo.exists() or repo.is_symlink():
        shutil.rmtree(repo)
    outside = work / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(CANARY + "\n", encoding="utf-8")
    (outside / "secret.json").write_text(json.dumps({"id": CANARY, "title": {"en": CANARY}}), encoding="utf-8")
    (outside / "secret.html").write_text(f"<p>{CANARY}</p>", encoding="utf-8")
    (outside / "evil").mkdir(exist_ok=True)
    (outside / "evil" / "listing.json").write_text(json.dumps({"id": CANARY}), encoding="utf-8")
    repo.mkdir(parents=True)
    (repo / ".git").mkdir()  # the project root: lint never walks above it for config
    for rel, data in case.files.items():
        path = _target(repo, rel)
        if path is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            continue  # a folder already holds this name
        path.write_bytes(data)
    for rel, target in case.links.items():
        path = _target(repo, rel)
        if path is not None and not os.path.lexists(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target.replace("{outside}", str(outside)), path)
    for rel in case.fifos:
        path = _target(repo, rel)
        if path is not None and not os.path.lexists(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(path)
    for rel in case.devices:
        path = _target(repo, rel)
        if path is not None and not os.path.lexists(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero: endless bytes
            except PermissionError:
                os.symlink("/dev/zero", path)
    return repo


def _target(repo: Path, rel: str) -> Path | None:
    """Where a case path goes; None when it would land outside ``repo`` (mutations may write odd names)."""
    parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
    if not parts or any("\x00" in p or len(p.encode("utf-8", "surrogateescape")) > 200 for p in parts):
        return None
    return repo.joinpath(*parts)


# -- lint and check -----------------------------------------------------------------------------------
def lint_repo(repo: Path, select: list[str] | None = None, **config):
    values = {"cache": False, **{k.replace("_", "-"): v for k, v in config.items()}}
    if select is not None:
        values["select"] = select
    cfg = Config(values=values, root=repo)
    old = os.getcwd()
    os.chdir(repo)
    try:
        settings = make_settings(cfg, ["."], repo, AS_OF)
        return run(settings, ["."])
    finally:
        os.chdir(old)


def render_all(result, skip: tuple[str, ...] = ()) -> dict[str, str]:
    outputs = {}
    for name in sorted(set(reporters.REPORTERS) - set(skip)):
        try:
            report = reporters.get(name)
        except (ImportError, AttributeError):
            continue  # a reporter still being written (tests/test_cli.py checks that each one loads)
        out = io.StringIO()
        report(result, out, color=False)
        outputs[name] = out.getvalue()
    return outputs


def check_case(work: Path, case: Case, select: list[str] | None = None, skip: tuple[str, ...] = (), **config) -> Outcome:
    """Write, lint and check one case. Exceptions from linting or reporting propagate: they are failures.

    ``skip`` names reporters not to render (the fuzzer renders the slow HTML report on a sample).
    """
    repo = write_case(work, case)
    result = lint_repo(repo, select, **config)
    outputs = render_all(result, skip)
    problems: list[str] = []
    for name, text in outputs.items():
        problems += [f"{name}: {p}" for p in validate(name, text, result)]
        if CANARY in text:
            problems.append(f"{name}: output quotes a file outside the linted tree")
    seen = {b.manifest for b in result.bundles}
    for manifest in _expected_manifests(repo):
        if manifest not in seen:
            problems.append(f"bundle {manifest!r} is missing from the result")
    for f in result.findings:
        if f.path.startswith("/") or f.path.startswith("../"):
            problems.append(f"{f.code} points outside the linted tree: {f.path!r}")
    crashes = [f"{f.path}: {f.message}" for f in result.findings if f.code == "LNT003"]
    return Outcome(problems, crashes, outputs)


def _expected_manifests(repo: Path) -> list[str]:
    """What discovery must find: every listing.json / *.listing.json that is a regular file under listings/."""
    found = []
    for dirpath, dirnames, filenames in os.walk(repo / "listings"):
        here = Path(dirpath)
        if "listing.json" in filenames and (here / "listing.json").is_file():
            found.append((here / "listing.json").relative_to(repo).as_posix())
            dirnames[:] = []
            continue
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [(here / n).relative_to(repo).as_posix() for n in filenames if n.endswith(".listing.json") and (here / n).is_file()]
    return sorted(found)


def validate(name: str, text: str, result) -> list[str]:
    """Problems with one reporter's output (empty when it is well formed)."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # what the CLI writes (cli.py)
    checker = _CHECKERS.get(name)
    raw = RAW_CONTROL.search(text.replace("\t", "") if name == "html" else text)
    if raw and name in ("text", "github", "html"):  # JSON formats escape them by construction
        return [f"raw control character {raw.group()!r} in {name} output (terminal escapes, workflow commands)"]
    try:
        return checker(text, result) if checker else []
    except ValueError as exc:  # json.JSONDecodeError, ElementTree.ParseError
        return [f"output does not parse: {exc}"]


def _check_text(text: str, result) -> list[str]:
    lines = text.rstrip("\n").split("\n")
    problems = []
    if not SUMMARY.match(lines[-1]):
        problems.append(f"last line is not the summary: {lines[-1][:120]!r}")
    body = [ln.strip() for ln in lines[:-1] if ln.strip() and not ln.startswith("A/B readiness")]
    if len(body) != len(result.findings):
        problems.append(f"{len(result.findings)} findings but {len(body)} finding lines (a path or message broke a line?)")
    for ln in body:
        if not TEXT_LINE.match(ln):
            problems.append(f"malformed line {ln[:120]!r}")
    return problems


def _check_json(text: str, result) -> list[str]:
    doc = json.loads(text)
    if doc.get("version") != "1" or not isinstance(doc.get("findings"), list):
        return ["not the documented JSON document"]
    if len(doc["findings"]) != len(result.findings):
        return ["findings lost in JSON output"]
    keys = {"code", "severity", "message", "path", "line", "column", "bundle", "rule"}
    return [f"finding without {sorted(keys - set(f))}" for f in doc["findings"] if not keys <= set(f)][:1]


def _check_sarif(text: str, result) -> list[str]:
    doc = json.loads(text)
    if doc.get("version") != "2.1.0" or len(doc.get("runs", [])) != 1:
        return ["not SARIF 2.1.0 with one run"]
    return []


def _check_gitlab(text: str, result) -> list[str]:
    return [] if isinstance(json.loads(text), list) else ["GitLab report is not a JSON list"]


def _check_github(text: str, result) -> list[str]:
    commands = [ln for ln in text.split("\n") if ln.startswith(("::error ", "::warning ", "::notice "))]
    if len(commands) != len(result.findings):
        return [f"{len(result.findings)} findings but {len(commands)} workflow commands (a line break leaked?)"]
    return []


def _check_junit(text: str, result) -> list[str]:
    ElementTree.fromstring(text.encode("utf-8"))
    return []


def _check_html(text: str, result) -> list[str]:
    return [] if "<html" in text.lower() else ["HTML report without <html>"]


_CHECKERS = {
    "text": _check_text,
    "json": _check_json,
    "sarif": _check_sarif,
    "gitlab": _check_gitlab,
    "github": _check_github,
    "junit": _check_junit,
    "html": _check_html,
}
