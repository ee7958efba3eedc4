"""BRD002 authorization-chain — the brand authorization letters do not run from the owner to the seller.

What it checks: ``brand.authorization`` lists letters in order from the trademark owner to the
seller: each letter's ``to`` must be the next letter's ``from``. Company names compare loosely
(case, punctuation, accents, "Co., Ltd." = "Company Limited", "Müller" = "MUELLER"), and a name
written without its legal form matches the same name with one ("VOLTRA TECHNOLOGY" = "Voltra
Technology Co., Ltd."; two different forms, GmbH and Inc., are two companies). Letters that form a chain only in another
order are a warning (reorder them); a missing link is an error. With a ``store.json``, the last
letter must be to the seller (``seller.legal_name``).
Why: a marketplace accepts a second-level authorization only with every letter between the
owner and the seller; one missing or mismatched link and the seller is not authorized.
Fails:
    listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": "Agent Ltd", "file": "certs/auth-1.pdf"}, {"from": "Other Ltd", "to": "Seller Co., Ltd.", "file": "certs/auth-2.pdf"}]}
    certs/auth-1.pdf: scanned pdf
    certs/auth-2.pdf: scanned pdf
Passes:
    listing.json /brand = {"name": "Voltra", "authorization": [{"from": "Owner GmbH", "to": "Agent Limited", "file": "certs/auth-1.pdf"}, {"from": "Agent Ltd.", "to": "Seller Co., Ltd.", "file": "certs/auth-2.pdf"}]}
    certs/auth-1.pdf: scanned pdf
    certs/auth-2.pdf: scanned pdf
"""

from itertools import permutations

from listing_lint.api import Severity
from listing_lint.bundle.positions import pointer
from listing_lint.rules.brand._common import letters, same_company

CODE, NAME, SEVERITY = "BRD002", "authorization-chain", Severity.ERROR
MAX_REORDER = 6  # letters beyond this are not tried in every order


def _chained(items) -> bool:
    return all(same_company(a["to"], b["from"]) for (_, a), (_, b) in zip(items, items[1:]))


def check(bundle, ctx):
    chain = letters(bundle)
    if len(chain) < 2 or _chained(chain):
        return
    reorderable = len(chain) <= MAX_REORDER and any(_chained(list(p)) for p in permutations(chain))
    for (_, prev), (i, letter) in zip(chain, chain[1:]):
        if same_company(prev["to"], letter["from"]):
            continue
        at = pointer("brand", "authorization", i, "from")
        if reorderable:
            yield ctx.finding(
                at,
                f"letter {i + 1} is from {letter['from']!r} but the letter before it is to {prev['to']!r}; the letters "
                f"form a chain in another order: list them from the owner to the seller",
                severity=Severity.WARNING,
            )
            return
        yield ctx.finding(
            at,
            f"authorization chain broken: letter {i + 1} is from {letter['from']!r} but the letter before it is to "
            f"{prev['to']!r}; add the letter from {prev['to']!r} to {letter['from']!r}, or correct the names",
        )


def check_repo(repo, ctx):
    seller = repo.store_get("/seller/legal_name")
    if not isinstance(seller, str) or not seller.strip():
        return
    for bundle in repo.valid_bundles:
        chain = letters(bundle)
        if not chain:
            continue
        i, last = chain[-1]
        if same_company(last["to"], seller):
            continue
        ptr = pointer("brand", "authorization", i, "to")
        yield ctx.finding(
            bundle.span(ptr),
            f"the last authorization letter is to {last['to']!r}, but the seller in store.json is {seller!r}; "
            f"the chain must end at the seller: add the letter to {seller!r} or correct the name",
            bundle=bundle.id,
        )
