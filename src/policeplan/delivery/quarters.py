"""Quarters of the police financial year, as delivery records keep them.

`Quarter` is `policeplan.periods.FinancialQuarter`: printed `2021/22 Q2`, parsed from every
spelling people type; the records store keeps the compact `key` (`2021-22Q2`).

    >>> q = Quarter.parse("2021-22Q2")
    >>> q.label, q.months, q.key
    ('2021/22 Q2', 'July–September 2021', '2021-22Q2')
    >>> (q + 3).described()
    '2022/23 Q1 (April–June 2022)'
    >>> from datetime import date
    >>> Quarter.containing(date(2022, 2, 14)).key
    '2021-22Q4'
"""

from __future__ import annotations

from policeplan.periods import FinancialQuarter as Quarter

__all__ = ["Quarter"]
