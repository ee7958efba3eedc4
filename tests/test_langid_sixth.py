"""Issue 15's gates on the SIXTH real text, through the real CLI (bench/langid_realtext.py).

The text, tests/data/langid_shops_sixth.jsonl.xz (bench/sixth_corpus.py: the human-translated
app-store listings of 30 open-source Android apps, fastlane's ``full_description.txt`` and
``short_description.txt``: product and marketing paragraphs, feature bullets, headings, with app
names, formats and model numbers in the text), is another genre than the five earlier corpora,
which are all e-commerce UI catalogues. This test lints a fixed-seed sample of it (40 wrong blocks
per page, language and band; 120 correct blocks per page and band). docs/langid.md ("Sixth
measurement") has the full table. This sample meets every target as it is (false alarms 1 / 0 / 0
of 420 / 480 / 480, detection 805 / 892 / 889 of 873 / 898 / 889, names alarms 0, whole pages
230 / 230): no allowance. The full draw misses six pages (Portuguese and Catalan on the Spanish
slot) and has two names alarms ("Soporta Markdown", en 0.91), the open classes this sample does
not draw.
"""

import pytest
from realtext_gates import (
    DATA,
    assert_detection_targets,
    assert_false_alarm_targets,
    assert_mixed_targets,
    assert_other_text,
    assert_page_targets,
    sample_cells,
)

CORPUS = DATA / "langid_shops_sixth.jsonl.xz"
FOSSIFY = ("Calendar", "Camera", "Clock", "Contacts", "File-Manager", "Gallery", "Keyboard", "Launcher", "Messages",
           "Music-Player", "Notes", "Phone", "Voice-Recorder")
REPOS = {
    **{f"FossifyOrg/{app}": "GPL-3.0" for app in FOSSIFY},
    "CatimaLoyalty/Android": "GPL-3.0", "Darkempire78/OpenCalc": "GPL-3.0", "EnjoyingFOSS/feeel": "AGPL-3.0",
    "Exodus-Privacy/exodus-android-app": "GPL-3.0", "Futsch1/medTimer": "MIT", "JunkFood02/Seal": "GPL-3.0",
    "Kunzisoft/KeePassDX": "GPL-3.0", "OpenTracksApp/OpenTracks": "Apache-2.0", "TeamNewPipe/NewPipe": "GPL-3.0",
    "Automattic/simplenote-android": "GPL-2.0", "BlackyHawky/Clock": "GPL-3.0", "Bartuzen/qBitController": "GPL-3.0",
    "breezy-weather/breezy-weather": "LGPL-3.0", "tuskyapp/Tusky": "GPL-3.0", "Faltenreich/Diaguard": "GPL-3.0",
    "AkaneTan/Gramophone": "GPL-3.0", "Demizo/Daily_You": "GPL-3.0",
}
EARLIER = ("langid_shops.jsonl.xz", "langid_shops_heldout.jsonl.xz", "langid_shops_third.jsonl.xz",
           "langid_shops_fourth.jsonl.xz", "langid_shops_fifth.jsonl.xz")


@pytest.fixture(scope="module")
def cells():
    return sample_cells(CORPUS)


def test_the_sixth_corpus_is_other_text():
    assert_other_text(CORPUS, REPOS, EARLIER)


def test_false_alarms_on_correct_blocks(cells):
    assert_false_alarm_targets(cells)


def test_detection_of_wrong_blocks(cells):
    assert_detection_targets(cells)


def test_names_in_another_script_never_alarm_and_leftovers_are_quoted(cells):
    assert_mixed_targets(cells)


def test_whole_wrong_pages_from_30_characters(cells):
    assert_page_targets(cells)
