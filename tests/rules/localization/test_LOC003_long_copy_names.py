"""LOC003 on long-form product copy (session 17: KDE's AppStream descriptions, the sixteenth real-text
source). A feature list names file formats by their names and file patterns ("Ogg/Vorbis (*.ogg)"):
the pattern's extension was read as a word ("Ogg/Opus opus" was English 0.62 on the Russian page,
"English text unchanged"; "Ogg / Opus opus" English 0.68 on the French one). A Russian paragraph lists formats by name ("…, DVI, XPS, Fiction Book, Comic Book,
Plucker, EPub, факсов"): the Latin names, read as one run across the commas, were "English left in
it". A file pattern carries no language; a comma list of capitalised names is names one by one, as
``capitalised_runs`` already has it in same-script text. English prose beside a file pattern, and an
English phrase in a Russian paragraph, are still found. Exact lines."""

from builder import lint

from loc_pages import full, with_blocks

SELECT = ["LOC002", "LOC003", "LOC007"]
FORMATS = ("Ogg/Opus (*.opus)", "FLAC (*.flac)")
RU_FORMATS = "Поддержка форматов PDF, PS, Tiff, DjVu, изображений, DVI, XPS, Fiction Book, Comic Book, Plucker, EPub, факсов;"


def test_format_names_with_their_file_patterns_stay_silent(bundle, tmp_path):
    full(bundle, **{lang: with_blocks(lang, *FORMATS) for lang in ("en", "es", "fr", "ru")})
    bundle.write()
    assert lint(tmp_path, select=SELECT) == []


def test_near_miss_english_prose_beside_a_file_pattern_is_found(bundle, tmp_path):
    text = "Saves every recording as a compressed audio file that any player can open (*.ogg)"
    full(bundle, fr=with_blocks("fr", text))
    bundle.write()
    assert lint(tmp_path, select=SELECT) == [("listings/demo/detail/fr.html", 7, "LOC003")]


def test_a_comma_list_of_format_names_in_a_russian_paragraph_stays_silent(bundle, tmp_path):
    full(bundle, ru=with_blocks("ru", RU_FORMATS))
    bundle.write()
    assert lint(tmp_path, select=SELECT) == []


def test_near_miss_an_english_phrase_in_a_russian_paragraph_is_found(bundle, tmp_path):
    text = "Поддержка форматов PDF, PS и DjVu, see the full list of supported formats online, и факсов;"
    full(bundle, ru=with_blocks("ru", text))
    bundle.write()
    assert lint(tmp_path, select=SELECT) == [("listings/demo/detail/ru.html", 7, "LOC003")]
