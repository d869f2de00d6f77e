"""What views share: the data snapshot and records workspace of the app, and the clock."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from starlette.requests import Request

from policeplan.store import Workspace
from policeplan.web.snapshot import SnapshotState

T = TypeVar("T")


def data_snapshot(request: Request) -> SnapshotState:
    state: SnapshotState = request.app.state.snapshot.current()
    return state


def records_workspace(request: Request) -> Workspace:
    return Workspace(request.app.state.config.settings)


def cached(request: Request, key: Hashable, compute: Callable[[], T]) -> T:
    value: T = request.app.state.cache.get_or_compute(key, compute)
    return value


def today() -> date:
    return date.today()
