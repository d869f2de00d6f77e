"""Rounding the way reports print numbers: half away from zero, on the decimal value."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

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
