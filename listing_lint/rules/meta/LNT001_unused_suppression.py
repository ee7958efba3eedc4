"""LNT001 unused-suppression — a suppression that suppressed nothing.

What it checks: every ``listing-lint: disable``/``disable-next`` comment in a detail page and every
code in listing.json's ``lint.ignore`` must hide at least one finding of a rule that ran. The
engine reports this after the other rules, since only it knows what each suppression hid.
Why: a stale suppression hides the next real problem of that kind (ruff's RUF100 for the same reason).
Fails:
    detail/es.html: <!-- listing-lint: disable-next=LOC005 -->
    detail/es.html: <p>Ahorra en la factura de la luz cada mes.</p>
Passes:
    detail/es.html: <!-- listing-lint: disable-next=LOC005 -->
    detail/es.html: <p>Precio para tu hogar: {precio}</p>
"""

from listing_lint.api import Severity

CODE, NAME, SEVERITY = "LNT001", "unused-suppression", Severity.WARNING
ENGINE = True  # produced by listing_lint.suppression.apply_suppressions
