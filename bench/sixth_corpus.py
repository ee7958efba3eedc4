"""Build the SIXTH real-text corpus (tests/data/langid_shops_sixth.jsonl.xz): app-store listing copy,
a genre none of the five earlier corpora has (they are all e-commerce UI catalogues: Saleor,
Sylius, spree_i18n; Bagisto, Shopware; Filament, Laravel Lang, PrestaShop Checkout; Vendure, OCA;
Aimeos, Polaris).

The text is the human-translated store listings of open-source Android apps, kept for fastlane in
``fastlane/metadata/android/<locale>/{short_description,full_description}.txt`` (the title, the
app's name, is not read): product and marketing descriptions, long paragraphs, feature bullet
lists, with app names, formats and model numbers in the text, the closest public kin of a
marketplace listing's detail page. 30 repositories (``SOURCES``: repository, pinned commit,
licence), GPL-3.0 most of them (AGPL-3.0, LGPL-3.0, GPL-2.0, Apache-2.0 and MIT for a few). en
(en-US only), es, fr, ru, and the confusers ca, pt (pt-BR, pt-PT, pt), it, uk, bg, be, de, nl;
every regional folder of a language counts as it (``es`` and ``es-ES`` are both Spanish), en-GB
and the other English variants are not read.

Only the extracted text is committed (each record names its repository, commit, path and licence).
Build it from local git mirrors (``ROOT/<owner>+<name>/repo`` or ``ROOT/<owner>+<name>``, as the
``fetch`` tool lays them out; each is read at its pinned commit, so the output is byte-identical
while the mirror has that commit)::

    python bench/sixth_corpus.py --mirrors /work/.mirror

Cleaning: HTML line breaks and list items become lines, other markup is removed (tags, ``**``,
``[text](url)``, ``#`` headings), URLs, e-mail addresses and bare domains too; a line's bullet
(``-``, ``*``, ``•``, ``✓``, ``1.``…) and every emoji or pictograph are stripped. Each sentence is a
text (a bullet item, a heading, the short description, a sentence of a paragraph), and so is each
line of several sentences (a paragraph); consecutive sentences of one file are also joined into
80-600-character paragraphs (bench/shop_corpus.py). A translation is dropped when it is equal to
an English text of the same app, keeps half or more of its words (three letters or more) from
that app's English listing, holds four words in a row of it, or holds two or more English
function words that make a quarter of its words (English left in a translated file: its label
would be wrong, and the judge would be blamed for a false alarm that is label noise). Mojibake,
Cyrillic text with another orthography's letters and text mostly in another script are dropped
too (bench/heldout_corpus.py). A text found in two languages is in neither. Sampled per language
and band with a fixed seed (250 / 250 / 150, as the third to fifth corpora).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import heldout_corpus
import shop_corpus
from shop_corpus import _git, script_ok

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "langid_shops_sixth.jsonl.xz"
SEED = 20261211
CAPS = {"10-29": 250, "30-79": 250, "80+": 150}
FOLDER = "fastlane/metadata/android"
#: the title is not read: it is the app's name ("Simplenote", "Fossify Gallery"), in no language
FILES = ("short_description.txt", "full_description.txt")
#: repository -> (pinned commit, licence)
SOURCES = {
    "FossifyOrg/Calendar": ("14816e9a0", "GPL-3.0"),
    "FossifyOrg/Clock": ("f7e8fd1d", "GPL-3.0"),
    "FossifyOrg/Contacts": ("e3424cde", "GPL-3.0"),
    "FossifyOrg/File-Manager": ("ab8989ad", "GPL-3.0"),
    "FossifyOrg/Gallery": ("a8a9ff01d", "GPL-3.0"),
    "FossifyOrg/Launcher": ("1543c044", "GPL-3.0"),
    "FossifyOrg/Messages": ("2303e655", "GPL-3.0"),
    "FossifyOrg/Music-Player": ("7fca2d68", "GPL-3.0"),
    "FossifyOrg/Notes": ("22d3a35a", "GPL-3.0"),
    "FossifyOrg/Phone": ("6591052cd", "GPL-3.0"),
    "FossifyOrg/Camera": ("275cf5cdb", "GPL-3.0"),
    "FossifyOrg/Voice-Recorder": ("975e0d4bb", "GPL-3.0"),
    "FossifyOrg/Keyboard": ("c58818df7", "GPL-3.0"),
    "CatimaLoyalty/Android": ("80ec71d9d", "GPL-3.0"),
    "Darkempire78/OpenCalc": ("06a1f72", "GPL-3.0"),
    "EnjoyingFOSS/feeel": ("1b939a5", "AGPL-3.0"),
    "Exodus-Privacy/exodus-android-app": ("363888e", "GPL-3.0"),
    "Futsch1/medTimer": ("800fe48ba", "MIT"),
    "JunkFood02/Seal": ("accf2350", "GPL-3.0"),
    "Kunzisoft/KeePassDX": ("e94bf9307", "GPL-3.0"),
    "OpenTracksApp/OpenTracks": ("3c23a9f54", "Apache-2.0"),
    "TeamNewPipe/NewPipe": ("79767f95f", "GPL-3.0"),
    "Automattic/simplenote-android": ("ac0d0442", "GPL-2.0"),
    "BlackyHawky/Clock": ("69a517e2a", "GPL-3.0"),
    "Bartuzen/qBitController": ("beae7851", "GPL-3.0"),
    "breezy-weather/breezy-weather": ("eda0d87e0", "LGPL-3.0"),
    "tuskyapp/Tusky": ("43ae0bb45", "GPL-3.0"),
    "Faltenreich/Diaguard": ("e7454e25f", "GPL-3.0"),
    "AkaneTan/Gramophone": ("c701e2e8b", "GPL-3.0"),
    "Demizo/Daily_You": ("079cd7344", "GPL-3.0"),
}
#: a locale folder's language (its part before "-" or "_"); English is en-US alone
LANGS = {"es": "es", "fr": "fr", "ru": "ru", "ca": "ca", "pt": "pt", "it": "it", "uk": "uk", "bg": "bg",
         "be": "be", "de": "de", "nl": "nl"}

_BREAK = re.compile(r"<\s*(?:br|/?p|/?li|/?ul|/?ol|/?h\d|/?div)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+"
                  r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|me|app|de|fr|eu)(?:/\S*)?(?!\w)")
_BULLET = re.compile(r"^(?:[-*•·▪◦‣►▶▸➤➜→⇒✓✔☑✅★☆+–—>#]+|\d{1,2}[.)])\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«“(¿¡]?[A-ZÀ-ÞА-ЯЁІЇЄҐЎ0-9])")
#: English function words: two or more, a quarter of a translation's words, mean English left in it
_ENGLISH_FUNCTION = frozenset("the and with your you for this that are from".split())


def _plain(char: str) -> bool:
    """Not an emoji, pictograph or joiner (symbols "So"/"Sk", private use, variation selectors,
    the zero-width joiner, the keycap mark)."""
    return not (unicodedata.category(char) in ("So", "Sk", "Cs", "Co") or 0xFE00 <= ord(char) <= 0xFE0F
                or char in "\u200d\u20e3\ufeff")


def lines(raw: str) -> list[str]:
    """A listing file's lines, cleaned: markup, URLs, bullets and emoji removed, blanks dropped."""
    text = html.unescape(_TAG.sub(" ", _BREAK.sub("\n", raw.replace("\r\n", "\n"))))
    out = []
    for line in text.split("\n"):
        line = _URL.sub(" ", _MD_LINK.sub(r"\1", line))
        line = "".join(c for c in line if _plain(c))
        line = " ".join(_MD_EMPHASIS.sub("", line).split())
        while True:
            stripped = _BULLET.sub("", line).strip()
            if stripped == line:
                break
            line = stripped
        line = re.sub(r"\s+([,.:;!?])", r"\1", line).strip(" :-–—|")
        if line:
            out.append(line)
    return out


def texts_of(raw: str) -> tuple[list[str], list[str]]:
    """The file's sentences (a line of one sentence is one), and its lines of several sentences
    (each a paragraph), both in the file's order."""
    sentences, paragraphs = [], []
    for line in lines(raw):
        parts = [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
        sentences.extend(parts)
        if len(parts) > 1:
            paragraphs.append(line)
    return sentences, paragraphs


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 3]


def english_left(text: str, english: dict, grams) -> bool:
    """English in a translation: an English text of the app, half its words from the app's English
    listing (its names aside: "Explore más aplicaciones de Fossify" keeps one English word of
    three), four words in a row of it, or English function words (two, a quarter of its words)."""
    if text in english["texts"] or shop_corpus._keeps_english(text, grams):
        return True
    english_words = english["words"]
    mine = [w for w in _words(text) if w not in english["names"]]
    if mine and sum(w in english_words for w in mine) >= 0.5 * len(mine):
        return True
    function = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w in _ENGLISH_FUNCTION]
    return len(function) >= 2 and len(function) >= 0.25 * len(re.findall(r"[^\W\d_]+", text))


def _mirror(root: Path, repo: str) -> Path:
    folder = root / repo.replace("/", "+")
    return folder / "repo" if (folder / "repo").exists() else folder


def listing_files(mirror: Path, commit: str) -> list[tuple[str, str]]:
    """(language, path) of every listing file of a language read here, en-US first."""
    out = []
    for path in sorted(_git(mirror, "ls-tree", "-r", "--name-only", commit, f"{FOLDER}/").split("\n")):
        parts = path.split("/")
        if len(parts) != 5 or parts[-1] not in FILES:
            continue
        locale = parts[3]
        lang = "en" if locale == "en-US" else LANGS.get(re.split(r"[-_]", locale)[0])
        if lang:
            out.append((lang, path))
    return sorted(out, key=lambda item: (item[0] != "en", item[1]))


def read_source(mirror: Path, commit: str) -> tuple[dict, dict]:
    """{(language, path): texts} of one app's sentences and of its paragraphs, translations with
    English left in them dropped."""
    files = [(lang, path, texts_of(_git(mirror, "show", f"{commit}:{path}")))
             for lang, path in listing_files(mirror, commit)]
    english = [t for lang, _path, (sentences, paragraphs) in files if lang == "en" for t in sentences + paragraphs]
    if not english:
        return {}, {}  # nothing to check its translations against
    written = [w for t in english for w in re.findall(r"[^\W\d_]{3,}", t)]
    words = {w for w in written if w.islower()}
    # a name: capitalised (or in capitals) wherever the English listing writes it ("Fossify", "EXIF")
    english_of_app = {"texts": set(english), "words": words, "names": {w.lower() for w in written} - words}
    grams = shop_corpus._grams(english)
    kept: tuple[dict, dict] = (defaultdict(list), defaultdict(list))
    for lang, path, found in files:
        for per_file, texts in zip(kept, found):
            for text in texts:
                if not script_ok(text, lang) or heldout_corpus.mislabelled(text, lang):
                    continue
                if lang != "en" and english_left(text, english_of_app, grams):
                    continue
                per_file[(lang, path)].append(text)
    return kept


def build(root: Path) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}
    for repo, (commit, licence) in SOURCES.items():
        mirror = _mirror(root, repo)
        full = _git(mirror, "rev-parse", f"{commit}^{{commit}}").strip()
        sentences, paragraphs = read_source(mirror, full)
        # the sentences, and paragraphs joined from consecutive ones; then the file's own paragraphs
        shop_corpus.add_records(found, sentences, repo, full, licence)
        shop_corpus.add_records(found, paragraphs, repo, full, licence)
    return shop_corpus.sample(found, SEED, CAPS)


def main() -> int:
    return shop_corpus.mirrors_main(__doc__.split("\n\n")[0], build, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
