"""The accurate models of a short text load on lingua's threads, in parallel (issue 18), never in a
process forked after that pool was used (session 16). Each case runs in a fresh interpreter: the
pool is per process, and this one may have used it already."""

import subprocess
import sys
import textwrap

SHORT = "O interruptor é silencioso e fácil de usar no escuro."  # 43 letters: every n-gram order


def _run(code: str, timeout: float = 60) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_a_short_text_preloads_its_languages_and_scores_as_the_lazy_load_does():
    out = _run(f"""
        import os
        from lingua import Language, LanguageDetectorBuilder
        from listing_lint.langid import lingua
        from listing_lint.langid.base import get_detector

        short, long = {SHORT!r}, {SHORT!r} * 3
        assert lingua._pool_pid is None
        accurate = get_detector("lingua-high")
        scores = accurate.scores(short, ("ca", "es", "pt"))
        assert lingua._pool_pid == os.getpid() and accurate._preloaded == {{("ca", "es", "pt")}}
        accurate.scores(long, ("es", "it", "pt"))  # 120 letters or more: lingua reads trigrams only
        assert accurate._preloaded == {{("ca", "es", "pt")}}
        get_detector("lingua-low").scores(short, ("ca", "es", "pt"))  # the fast pass loads trigrams, lazily
        assert get_detector("lingua-low")._preloaded == set()
        lazy = LanguageDetectorBuilder.from_languages(Language.CATALAN, Language.SPANISH, Language.PORTUGUESE).build()
        values = {{v.language.iso_code_639_1.name.lower(): v.value for v in lazy.compute_language_confidence_values(short)}}
        # the same values (lingua sums in its hash maps' order, seeded per process: the last digits
        # vary from run to run with either load)
        print(list(scores) == list(lingua.ranked(values)) and all(abs(scores[k] - values[k]) < 1e-9 for k in scores))
    """)
    assert out.split() == ["True"]


def test_a_worker_forked_after_the_pool_was_used_loads_on_its_own_thread():
    """A forked process inherits lingua's pool without its threads: a preloaded build there never
    returned. The parent preloads (as `check` does before its workers fork on big runs); the child
    then scores a short text in languages not loaded yet, and must answer."""
    out = _run(f"""
        import os, time
        from listing_lint.langid import lingua
        from listing_lint.langid.base import get_detector

        lingua.preload(("es", "pt"))
        pid = os.fork()
        if pid == 0:
            scores = get_detector("lingua-high").scores({SHORT!r}, ("ca", "it", "pt"))
            lingua.preload(("de", "nl"))  # a no-op here, not a hang
            os._exit(0 if scores and get_detector("lingua-high")._preloaded == set() else 3)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                print("exit", os.waitstatus_to_exitcode(status))
                break
            time.sleep(0.05)
        else:
            os.kill(pid, 9)
            print("hung")
    """)
    assert out.split() == ["exit", "0"]


def test_a_neighbour_sentence_starts_its_accurate_load_at_prefetch_and_judges_the_same():
    """The judge's prefetch starts loading the accurate models of a sentence the first pass gives
    to a neighbour (issue 18, session 17); the verdict is the one judged without that load. A
    correct sentence, and a neighbour one the first pass is sure of, start nothing."""
    code = f"""
        from listing_lint.langid import judge as J
        from listing_lint.langid.base import get_detector

        accurate = get_detector("lingua-high")
        if SPECULATE is False:
            accurate.load_soon = lambda text, candidates: None
        j = J.Judge()
        j.prefetch([("El interruptor es silencioso y fácil de usar en la oscuridad.", "es"),
                    ("A luz muda de cor com um toque suave.", "es")])
        assert accurate._loading is None
        j.prefetch([({SHORT!r}, "es")])
        started = accurate._loading is not None
        print(started, accurate._loading.name if started else None)
        verdict = j.judge({SHORT!r}, "es")
        assert accurate._loading is None  # the scoring call waited for it
        print(verdict.accepted, verdict.lang, round(verdict.confidence, 6), verdict.model)
    """
    speculated = _run("SPECULATE = True\n" + textwrap.dedent(code)).split()
    plain = _run("SPECULATE = False\n" + textwrap.dedent(code)).split()
    assert speculated[:2] == ["True", "listing-lint-models"] and plain[:2] == ["False", "None"]
    assert speculated[2:] == plain[2:] and speculated[2:4] == ["False", "pt"]


def test_a_load_started_in_the_background_is_waited_for_before_workers_fork():
    out = _run(f"""
        from listing_lint.langid.base import get_detector, settle_all

        accurate = get_detector("lingua-high")
        accurate.load_soon({SHORT!r}, ("ca", "es", "pt"))
        thread = accurate._loading
        accurate.load_soon({SHORT!r}, ("es", "it"))  # one load at a time: ignored
        assert accurate._loading is thread
        settle_all()
        print(thread.is_alive(), accurate._loading, accurate._preloaded)
        accurate.load_soon({SHORT * 3!r}, ("de", "en"))  # 120 letters or more: trigrams only, nothing to start
        print(accurate._loading)
    """)
    assert out.split() == ["False", "None", "{('ca',", "'es',", "'pt')}", "None"]
