"""LNT003 internal-error — a rule failed on this bundle; the other rules and bundles still ran.

What it checks: nothing in the bundle itself. When a rule raises an exception, or runs past
``rule-timeout`` seconds on one bundle, the engine reports it here instead of stopping the run.
Why: one broken file or one bug must not block every commit of a store; the finding names the
rule so it can be reported and, meanwhile, ignored for that path.
Fails:
    a plugin rule that raises KeyError on a listing without "brand"
Passes:
    every built-in rule on any input: they never raise
"""

from listing_lint.api import Severity

CODE, NAME, SEVERITY = "LNT003", "internal-error", Severity.ERROR
ENGINE = True  # produced by listing_lint.engine.run_rule
