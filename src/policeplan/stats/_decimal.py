"""Rounding the way reports print numbers: half away from zero, on the decimal value."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ONE_DECIMAL_PLACE = Decimal("0.1")


def as_decimal(number: float) -> Decimal:
    """The decimal a person typed, not the binary float's expansion.

    >>> as_decimal(0.1)
    Decimal('0.1')
    """
    return Decimal(str(number))


def round_one_place(value: Decimal) -> Decimal:
    """Round to one decimal place, halves away from zero (12.25 -> 12.3, -12.25 -> -12.3).

    `ROUND_HALF_UP` in `decimal` rounds halves away from zero, unlike Python's `round`,
    which rounds halves to even and works on the binary float.

    >>> round_one_place(Decimal("-12.25"))
    Decimal('-12.3')
    """
    return value.quantize(ONE_DECIMAL_PLACE, rounding=ROUND_HALF_UP)


Exact = int | float | Fraction | Decimal
"""A number the exact helpers accept: whole days, a typed decimal, a Fraction."""

_SIMPLEST_DENOMINATOR = 1_000_000


def as_fraction(number: Exact) -> Fraction:
    """The rational number meant, exactly.

    Ints, Fractions and Decimals are exact already. A float is the binary approximation of
    something a person meant: when a fraction with a denominator up to a million rounds to
    exactly that float (12 / 7, 0.1), that fraction is taken; otherwise the float's
    shortest decimal form (what `repr` prints) is.

    >>> as_fraction(12 / 7), as_fraction(0.1), as_fraction(2.675)
    (Fraction(12, 7), Fraction(1, 10), Fraction(107, 40))
    >>> as_fraction(1.23456789)
    Fraction(123456789, 100000000)
    """
    if isinstance(number, bool):
        raise TypeError("a bool is not a number here")
    if isinstance(number, int | Fraction | Decimal):
        return Fraction(number)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {number!r}")
    simplest = Fraction(number).limit_denominator(_SIMPLEST_DENOMINATOR)
    if float(simplest) == number:
        return simplest
    return Fraction(repr(number))


def round_fraction_one_place(value: Fraction) -> Decimal:
    """Round an exact fraction to one decimal place, halves away from zero.

    >>> round_fraction_one_place(Fraction(125, 4)), round_fraction_one_place(Fraction(-1, 20))
    (Decimal('31.3'), Decimal('-0.1'))
    """
    tenths = math.floor(abs(value) * 10 + Fraction(1, 2))
    signed = -tenths if value < 0 else tenths
    return Decimal(signed).scaleb(-1)
