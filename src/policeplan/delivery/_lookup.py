"""Finding records by the names people use: strand code or name, action reference."""

from __future__ import annotations

import difflib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from policeplan.errors import RecordsError
from policeplan.records import Action, QuarterlyUpdate, Risk, Strand


def find_strand(session: Session, text: str, *, for_update: bool = False) -> Strand:
    """The strand whose code or name is `text` (any case); RecordsError suggests near names."""
    wanted = text.strip().lower()
    query = select(Strand).where(
        (func.lower(Strand.code) == wanted) | (func.lower(Strand.name) == wanted)
    )
    strand = session.scalars(query.with_for_update() if for_update else query).first()
    if strand is None:
        known = session.execute(select(Strand.code, Strand.name)).all()
        names = [name for row in known for name in row]
        close = difflib.get_close_matches(text, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        listed = ", ".join(code for code, _ in known) or "none yet"
        raise RecordsError(f"no strand {text!r}{hint} (strand codes: {listed})")
    return strand


def find_action(session: Session, ref: str, *, for_update: bool = False) -> Action:
    """The action with reference `ref` (any case), locked for update when asked."""
    query = select(Action).where(func.lower(Action.ref) == ref.strip().lower())
    action = session.scalars(query.with_for_update() if for_update else query).first()
    if action is None:
        refs = session.scalars(select(Action.ref)).all()
        close = difflib.get_close_matches(ref, refs, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise RecordsError(f"no action {ref!r}{hint}")
    return action


def find_update(
    session: Session, strand: Strand, quarter_key: str, *, for_update: bool = False
) -> QuarterlyUpdate | None:
    query = select(QuarterlyUpdate).where(
        QuarterlyUpdate.strand_id == strand.id, QuarterlyUpdate.quarter == quarter_key
    )
    return session.scalars(query.with_for_update() if for_update else query).first()


def find_risk(session: Session, risk_id: int, *, for_update: bool = False) -> Risk:
    query = select(Risk).where(Risk.id == risk_id)
    risk = session.scalars(query.with_for_update() if for_update else query).first()
    if risk is None:
        raise RecordsError(f"no risk with id {risk_id}")
    return risk
