"""Seeds that depend only on what is generated, never on the order it is asked for.

Each force-month draws from its own generator, `SeedSequence(seed, spawn_key=(force, month))`,
so one file is the same whichever other forces and months are generated alongside it.
Python's `hash()` is salted per process, so a CRC-32 of the slug stands in for it.
"""

from __future__ import annotations

import zlib

import numpy as np

# Entropy of the geography (LSOA positions, street names): fixed, so places stay put
# whatever seed the crimes are drawn with.
GEOGRAPHY_ENTROPY = 20_190_601


def stable_key(text: str) -> int:
    """A hash of `text` that is the same in every process and on every platform."""
    return zlib.crc32(text.encode("utf-8"))


def force_month_rng(seed: int, slug: str, year: int, month: int) -> np.random.Generator:
    """The random generator for the crimes of one force in one month."""
    sequence = np.random.SeedSequence(seed, spawn_key=(stable_key(slug), year * 100 + month))
    return np.random.default_rng(sequence)


def geography_rng(slug: str, part: int) -> np.random.Generator:
    """The random generator for one part of a force's invented places (independent of the
    seed): 0 = district layout, 1 = LSOAs and streets."""
    return np.random.default_rng(
        np.random.SeedSequence(GEOGRAPHY_ENTROPY, spawn_key=(stable_key(slug), part))
    )
