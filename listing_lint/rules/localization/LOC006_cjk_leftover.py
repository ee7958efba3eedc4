"""LOC006 cjk-leftover — Han, Kana or Hangul text left in a page whose locale does not use it.

What it checks: page blocks, titles and alt texts of every locale other than zh/ja/ko for runs of
Han ideographs, Hiragana, Katakana or Hangul. Placeholders such as ``{关键词}`` and ``[关键词]`` are LOC005's
and not reported twice; text marked ``lang="zh"`` (a deliberate quotation) is allowed. A block judged
another language that is not Chinese/Japanese/Korean is LOC003's, a page judged wholly another
language LOC002's: reported once there.
Why: factory copy pasted from a Chinese supplier sheet is unreadable to the buyer and marks the
listing as a low-effort re-upload.
Fails:
    detail/fr.html: <p>Cette prise est compatible Wi-Fi et Alexa, et se commande depuis votre téléphone (型号 X1).</p>
Passes:
    detail/fr.html: <p>Cette prise est compatible Wi-Fi et Alexa, et se commande depuis votre téléphone (modèle X1).</p>
"""

import re

from listing_lint.api import Severity
from listing_lint.bundle.model import base_language
from listing_lint.l10n.pages import CJK_LANGS, texts
from listing_lint.l10n.verdicts import other_language
from listing_lint.rules.localization.LOC005_placeholder import without_placeholders

CODE, NAME, SEVERITY = "LOC006", "cjk-leftover", Severity.ERROR

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\uff66-\uff9f]+")


def check(bundle, ctx):
    for item in texts(bundle):
        if item.lang in CJK_LANGS or (item.declared and item.declared.split("-")[0] in CJK_LANGS):
            continue
        if not CJK.search(item.judged_source):
            continue  # most text: none to find once placeholders are out either (issue 18)
        runs = CJK.findall(without_placeholders(item.judged_source, base_language(item.locale)))
        if runs and not other_language(bundle, ctx).reported(item):
            shown = " ".join(runs)[:40]
            yield ctx.finding(item.at, f"Chinese/Japanese/Korean text \"{shown}\" in the {item.locale} {item.where}; translate or remove it")
