"""The rule budget's clock on the main thread: one interval timer for a bundle's rules.

``engine.check_bundle`` gives each of a bundle's ~70 rules ``rule-timeout`` seconds, with SIGALRM.
Setting the timer before each rule and clearing it after was two ``setitimer`` calls a rule
(18,310 per 100 bundles of a cold run; issue 18). Now ``begin_rule`` notes the rule's deadline
and sets the timer only when it is not set: it stays set, for the deadline of the rule that set
it, across the next rules. When it goes off (once per ``rule-timeout`` seconds of a bundle at
most) the engine's handler asks ``went_off``: the running rule's own deadline has passed (raise
RuleTimeout), or it has not, and the timer is set again for what is left of it. So each rule
still has its own ``rule-timeout`` seconds and is stopped when they are spent, as with a timer
per rule; only the bundle's end (``stop``) clears the timer.

A decode or search clock inside a rule (``media.budget.Deadline``) asks ``outer_remaining`` what
the rule has left, not the timer (which may be set for an earlier rule's deadline).
Main thread only, like SIGALRM: elsewhere the engine's watch thread keeps the budget.
"""

from __future__ import annotations

import signal
import time

_due: float | None = None  # time.monotonic() deadline of the rule running under this clock, else None
_set = False  # the timer is set by this clock (for _due, or for an earlier rule's deadline)


def begin_rule(seconds: float) -> None:
    """A rule with ``seconds`` of budget starts (the timer is set only when it is not)."""
    global _due, _set
    _due = time.monotonic() + seconds
    if not _set:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        _set = True


def end_rule() -> None:
    """The rule ended: a timer going off before the next one begins raises nothing."""
    global _due
    _due = None


def owns_timer() -> bool:
    """Whether the timer going off now is this clock's (not another budget's own timer)."""
    return _set


def went_off() -> bool:
    """In the SIGALRM handler, when ``owns_timer``: True when the running rule's budget is spent;
    else the timer is set again for the rest of it (between two rules it is left clear: the next
    rule sets it)."""
    global _set
    _set = False
    due = _due
    if due is None:
        return False
    left = due - time.monotonic()
    if left <= 0:
        return True
    signal.setitimer(signal.ITIMER_REAL, left)
    _set = True
    return False


def stop() -> None:
    """The bundle's rules are done: clear the timer (before the previous SIGALRM handler returns)."""
    global _due, _set
    if _set:
        signal.setitimer(signal.ITIMER_REAL, 0)
    _due, _set = None, False


def outer_remaining() -> float:
    """Seconds left to the budget enclosing the caller on the main thread: the running rule's
    under this clock, else what the interval timer has left (0: none)."""
    due = _due
    if due is not None:
        return max(due - time.monotonic(), 1e-6)
    return signal.getitimer(signal.ITIMER_REAL)[0]


#: what a rule that decodes or reads files keeps for itself after the last one (judging them is
#: quick), or half its time when it has less than twice this (``rule-timeout = 1``: a margin of the
#: whole second would leave no picture decoded at all); a share under the least is not started
RULE_MARGIN_SECONDS, LEAST_SHARE_SECONDS = 1.0, 0.1


def share(seconds: float) -> tuple[float, bool]:
    """The clock for the next decode or read of a rule (``seconds``: its own limit, such as
    max-decode-seconds), and whether it is cut to what the running rule has left.

    Each file has ``seconds``, but the rule that reads a bundle's files has ``rule-timeout`` for
    all of them: four certificates (CMP013), or pictures (the MED rules), each slow to read ran the
    rule past it, and it ended as LNT003 ("Please report this") at line 1 with the last files
    unreported. A read that would outlast the rule is given what is left less a margin, so each
    file gets its own finding at its own line."""
    outer = outer_remaining()
    share = outer - min(RULE_MARGIN_SECONDS, outer / 2)
    if not seconds or not outer or share >= seconds:
        return seconds, False
    return (share if share >= LEAST_SHARE_SECONDS else 0.0), True
