"""One module per page kind; `ROUTES` is every route of the app, in one list.

| module        | pages |
|---------------|-------|
| `login`       | sign in, sign out |
| `plan`        | the plan on a page |
| `indicator`   | one indicator: result, charts, breakdown, MSG; CSV and xlsx downloads |
| `msg`         | the Most Similar Group side by side; one indicator's member table and funnel |
| `commitments` | narrative on the plan's commitments: draft, submitted, approved |
| `hotspots`    | an indicator's hotspot map (its own page, no script) |
| `delivery`    | strands, actions and status changes, quarterly updates and their workflow, risks |
| `risks`       | a strand's risks: add, change, close, reopen |
| `audit`       | the audit history of any record |
| `data`        | coverage and rejects |
| `reports`     | report kinds generated for a quarter in the background, then downloaded |
| `publishing`  | the public site (published snapshot) and the Publish button |
| `admin`       | users |
| `assets`      | the Vega scripts of the interactive charts (no sign-in: a library, no data) |
"""

from __future__ import annotations

from starlette.routing import BaseRoute

from policeplan.web.views import (
    admin,
    assets,
    audit,
    commitments,
    data,
    delivery,
    hotspots,
    indicator,
    login,
    msg,
    plan,
    publishing,
    reports,
    risks,
)

ROUTES: list[BaseRoute] = [
    *login.routes,
    *plan.routes,
    *hotspots.routes,
    *indicator.routes,
    *msg.routes,
    *commitments.routes,
    *delivery.routes,
    *risks.routes,
    *reports.routes,
    *audit.routes,
    *data.routes,
    *publishing.routes,
    *admin.routes,
    *assets.routes,
]
