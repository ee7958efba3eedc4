"""The verdicts on every finding of bench/text_rules_realtext.py on the parallel corpus (TRUE,
FALSE, BORDERLINE, ARTIFACT), as judged by reading each string (docs/parallel-realtext.md).

    python bench/text_rules_realtext.py --out findings.jsonl
    python bench/text_rules_verdicts.py findings.jsonl [classified.tsv]

Prints the count of each class with examples; a class that vanishes after a rule change is fixed.
Strings not in these lists come out UNCLASSIFIED: judge them and add them here.
"""

import collections
import json
import re
import sys

SHORT = {"Chandeliers","Important:","New Password:","Desktop computers","Smartphones","Newsletter","Go to Instagram","New password *",
 "Reset password","Store locator","browse our catalog","Piso, suite, etc.","Entrega exprés","Director de marketing","Política de cookies",
 "Ocultar la barra de cookies","Mostrar la barra de cookies","Último menú","Segundo menú","Tercer menú","Ir a Facebook","Ir a Instagram",
 "Masquer la barre de cookies","Bloc newsletter","Aller sur Youtube","Ma newsletter","Ваша ссылка","Категория:","Заголовок слайда",
 "Перейти к платежу","404 Страница не найдена"}
NAMES = {"Sophia Benett","Mich Stark","Mich Stark, COO","Friedrich von Hohenberg","Cappuccino","Lasagna al Forno","Margherita","Quattro Stagioni",
 "Spaghetti Carbonara","Alexander Rivera","Emily Carter","James Mitchell","Aline Turner","Aline Turner, CTO","Sophia Langston","Olivia Reed",
 "Pete Bluestork","Оливия Рид","София Бенетт","Google Play","Earl Grey","App Store","Iris Joe","Iris Joe, CFO","The Poste"}
ADDR = re.compile(r"Marina Blvd|Executive Park|Buena Vista|San Francisco CA|yourcompany@|^/contactus$|\(Odoo\)|\(Google\)")
LOAN = {"Happy Hour","Landing Pages","Marketplace","Click and Collect","Carrot Cake","Popup Newsletter","Grid Newsletter","Open Source eCommerce"}
UNTRANSLATED = {"Accepts only alphabet characters.","Adding a review ...","You submitted your review for moderation.","Help Center",
 "Chief Executive Officer","Chief Technical Officer","Toggle navigation","Consulting","Країна обов'язкова для заповнення."}
def cls(f):
    c, t, m = f["code"], f["text"] or "", f["message"]
    if c == "LOC001": return "ARTIFACT LOC001: bundle of keys lacking a language (minimal bundle)"
    if c == "LOC014": return "ARTIFACT LOC014: bench picked a promotional string as title (rule right)"
    if c in ("LOC003", "LOC007"):
        if "Network Advertising" in t: return "ARTIFACT LOC003: ' . ' left by tag removal joins a 3-word name and the next sentence"
        if t in UNTRANSLATED: return "TRUE LOC003: untranslated English / wrong language in the catalogue"
        if t in LOAN: return "BORDERLINE LOC003: English term the translator kept (accepted anglicism / brand-like)"
        if t in NAMES: return f"FALSE {c}: names identical in every language (people, dishes, brands, stores)"
        if ADDR.search(t): return "FALSE LOC003: addresses, e-mail/phone, URL paths, cookie identifiers"
        if t in SHORT: return "FALSE LOC003: short correct text (10-29 judged chars) judged a neighbour/other language"
        return "UNCLASSIFIED"
    if c == "LOC012":
        if "before \";\"" in m and "&" in t: return "FALSE LOC012: ';' of an HTML entity (&amp;) taken for punctuation (and --fix corrupts the entity)"
        if "straight quotes" in m: return "TRUE(style) LOC012: straight quotes where CLDR writes « » (info)"
        if m.startswith("Spanish"): return "TRUE LOC012: Spanish '¡'/'¿' really missing"
        p = re.search(r'before "(.)"', m).group(1)
        if re.search(r"\S" + re.escape(p), t) and not re.search(r"[ \u00a0\u202f]" + re.escape(p), t):
            return "TRUE LOC012: French mark with no space at all"
        return "TRUE(style) LOC012: French mark after a regular space instead of U+00A0/U+202F"
    if c == "LOC009": return "TRUE LOC009: ru price left in en-US format ($ 125.00)"
    if c == "LOC013": return "TRUE LOC013: imperial-only (8oz) on es page"
    return "UNCLASSIFIED"
def main() -> int:
    F = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    counts = collections.Counter(); ex = collections.defaultdict(list)
    for f in F:
        k = cls(f); counts[k] += 1; f["class"] = k
        if len(ex[k]) < 4 and (f["locale"], f["text"]) not in ex[k]: ex[k].append((f["locale"], f["text"]))
    for k, n in counts.most_common(): print(f"{n:4d}  {k}  e.g. {ex[k][:3]}")
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as fh:
            fh.write("class\tcode\tlocale\tpath\tline\tmessage\ttext\n")
            for f in sorted(F, key=lambda f: (f["class"], f["code"], f["locale"], f["text"] or "")):
                fh.write("\t".join(str(f[k]).replace("\t", " ") for k in ("class","code","locale","path","line","message","text")) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
