"""schema rules."""

#: listing.json references whose problems (missing, leaving the bundle, not a file) another rule reports,
#: naming what SCH003/SCH004 cannot: one root cause, one finding
OWNED_ELSEWHERE = {
    "variant-page": "ABT004",  # the experiment and the variant
    "variant-media": "ABT004",
    "authorization": "BRD003",  # the letter in the chain (from -> to)
}
