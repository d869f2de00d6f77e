"""Computed results kept per (data version, query), so fifty readers of the same page
compute it once. A new data snapshot has a new version, so nothing stale is served.

>>> cache = ResultCache(size=2)
>>> cache.get_or_compute(("v1", "q"), lambda: 42), cache.get_or_compute(("v1", "q"), lambda: 0)
(42, 42)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["ResultCache"]

T = TypeVar("T")


class ResultCache:
    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                value: T = self._items[key]
                return value
            key_lock = self._computing.setdefault(key, threading.Lock())
        # One thread computes a key; the others wait for it rather than repeat the work.
        with key_lock:
            with self._lock:
                if key in self._items:
                    cached: T = self._items[key]
                    return cached
            value = compute()
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
                self._computing.pop(key, None)
            return value
