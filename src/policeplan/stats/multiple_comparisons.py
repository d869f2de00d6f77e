"""Many tests at once: Benjamini-Hochberg q-values (false discovery rate).

A scorecard tests 15 measures (a plan up to 30). At p < 0.05 each, about one in twenty
measures with no real change is still called "significant", so with 15 or more one false
"significant" is likely. The Benjamini-Hochberg procedure (J. R. Stat. Soc. B 57 (1995)
289-300) turns the p-values of one table into q-values: calling every measure with
q < 0.05 significant keeps the expected share of false calls among them at or below 5%.
It is less strict than Bonferroni (p × number of tests), which controls the chance of
even one false call and would hide real changes in a long scorecard.

With m p-values sorted ascending p(1) ≤ … ≤ p(m), q(i) = min over j ≥ i of m × p(j) / j,
capped at 1. A measure with no test (None) takes no part and gets no q-value.
"""

from __future__ import annotations

from collections.abc import Sequence


def benjamini_hochberg(p_values: Sequence[float | None]) -> tuple[float | None, ...]:
    """Benjamini-Hochberg q-values, in the order given; None stays None.

    >>> benjamini_hochberg([0.01, 0.04, 0.03, None, 0.5])
    (0.04, 0.0533..., 0.0533..., None, 0.5)
    """
    tested = [(p, index) for index, p in enumerate(p_values) if p is not None]
    for p, _ in tested:
        if not 0 <= p <= 1:
            raise ValueError(f"a p-value must lie between 0 and 1, got {p!r}")
    count = len(tested)
    q_values: list[float | None] = [None] * len(p_values)
    smallest_so_far = 1.0
    for rank, (p, index) in reversed(list(enumerate(sorted(tested), start=1))):
        smallest_so_far = min(smallest_so_far, p * count / rank)
        q_values[index] = smallest_so_far
    return tuple(q_values)
