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
