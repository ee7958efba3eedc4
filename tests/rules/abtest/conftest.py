import copy

import pytest

COMPLETE = {
    "id": "es-hero",
    "locale": "es",
    "element": "main_image",
    "hypothesis": "A dusk garden scene as main image raises CTR on the Spanish site",
    "primary_metric": "ctr",
    "variants": [{"id": "control"}, {"id": "dusk"}],
    "traffic_split": [50, 50],
    "mde": 0.5,
    "status": "planned",
}


@pytest.fixture
def experiment():
    """A complete experiment with changes: ``experiment(id="x", mde=0.2)``; ``None`` drops a field."""

    def make(**changes):
        exp = copy.deepcopy(COMPLETE)
        for key, value in changes.items():
            if value is None:
                exp.pop(key, None)
            else:
                exp[key] = value
        return exp

    return make


@pytest.fixture
def nth_line(bundle):
    """1-based line of the n-th (1-based) occurrence of ``needle`` in the bundle's listing.json."""

    def find(needle: str, n: int = 1) -> int:
        text = (bundle.dir / "listing.json").read_text(encoding="utf-8")
        at = -1
        for _ in range(n):
            at = text.index(needle, at + 1)
        return text[:at].count("\n") + 1

    return find
