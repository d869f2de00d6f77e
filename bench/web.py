"""Web benchmark: 50 simulated users browse the plan page and indicator pages of a
demo-like workspace for 60 s, against a real uvicorn process (`policeplan serve`), then the
same while imports run. Goal (issue 12): p95 under 200 ms and no errors, in both phases.

Each user signs in once (its own session), then loops: one page, chosen at random among
the plan page and the 15 crime indicator pages, then a pause to read it (uniform 0.5 to
1.5 s, `--think`; a person does not click faster). A last short phase without pauses
measures the saturation throughput, where latency is only queueing (50 / throughput). Latency is
measured per request with an httpx async client; the first request for each page (which
computes and caches it) is timed separately, before the phases.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.import_throughput import OUT_DIR
from policeplan.config import load_settings
from policeplan.demo import DEMO_FORCE, DEMO_PEERS, build_demo
from policeplan.indicators import CRIME_MEASURES
from policeplan.records import dispose_engines
from policeplan.synthetic import generate_police_uk
from policeplan.web.accounts import add_user

GOAL_P95_SECONDS = 0.2
WORKSPACE = OUT_DIR / "web-workspace"
PASSWORD = "benchmark passphrase"
CLI = [sys.executable, "-c", "from policeplan.cli import main; main()"]
IMPORT = [
    sys.executable,
    "-c",
    "import sys; from pathlib import Path; "
    "from policeplan.config import load_settings; from policeplan.store import Workspace; "
    "from policeplan.ingest.police_uk import import_police_uk; "
    "import_police_uk(Workspace.open(load_settings(sys.argv[1], {})), [Path(sys.argv[2])])",
]


def web_benchmark(
    users: int = 50, duration: float = 60.0, rebuild: bool = False, think: float = 1.0
) -> dict[str, Any]:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if rebuild or not (WORKSPACE / "analytics.duckdb").exists():
        _build_workspace()
    port = _free_port()
    server_log = (OUT_DIR / "web-server.log").open("wb")
    server = subprocess.Popen(
        [*CLI, "--workspace", str(WORKSPACE), "serve", "--plain-http", "--port", str(port)],
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        pages = ["/", *(f"/indicators/{measure}" for measure in CRIME_MEASURES)]
        results: dict[str, Any] = {"users": users, "duration_seconds": duration,
                                   "load_average": os.getloadavg()}  # fmt: skip
        results["first_request_seconds"] = asyncio.run(_first_requests(base, pages))
        print("first request per page (computes and caches it): "
              f"max {max(results['first_request_seconds'].values()):.2f} s")  # fmt: skip
        results["think_seconds"] = think
        results["browsing"] = asyncio.run(_phase(base, pages, users, duration, think))
        _report("browsing", results["browsing"])
        with tempfile.TemporaryDirectory(prefix="policeplan-bench-web-") as scratch:
            # Two versions of the same months, imported in turn: each import really
            # replaces them (an identical file would be skipped as unchanged).
            versions = [Path(scratch) / f"v{seed}" for seed in (1, 2)]
            for seed, folder in enumerate(versions, start=1):
                generate_police_uk(folder, [DEMO_FORCE], ["2026-01", "2026-02"], seed=seed,
                                   datasets=("street",))  # fmt: skip
            importer = _ImportLoop(versions)
            importer.start()
            try:
                results["during_import"] = asyncio.run(_phase(base, pages, users, duration, think))
            finally:
                results["imports_completed"] = importer.stop()
        _report("during imports", results["during_import"])
        print(f"imports completed during the phase: {results['imports_completed']}")
        if not results["imports_completed"]:
            print("  (no import completed: the phase measured no contention; see the log)")
        results["saturation"] = asyncio.run(_phase(base, pages, users, 15.0, 0.0))
        _report("saturation (no pauses, 15 s)", results["saturation"])
    finally:
        server.terminate()
        server.wait(30)
        server_log.close()
    (OUT_DIR / "web.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


def _build_workspace() -> None:
    shutil.rmtree(WORKSPACE, ignore_errors=True)
    settings = load_settings(WORKSPACE, {})
    print("building the benchmark workspace (demo data, 10 forces, 2023-2025)...")
    build_demo(settings, first_month="2023-01", last_month="2025-12",
               forces=(DEMO_FORCE, *DEMO_PEERS))  # fmt: skip
    add_user(settings, "bench", role="panel", password=PASSWORD, actor="bench")
    dispose_engines()


class _ImportLoop:
    """Imports two versions of the same months in turn, again and again, each in a child
    process. It calls the library's import, the one the CLI runs: the CLI itself refuses a
    demo workspace, which the benchmark's is."""

    def __init__(self, versions: list[Path]) -> None:
        self.versions = versions
        self.count = 0
        self.running = True
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import threading

        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            files = self.versions[self.count % len(self.versions)]
            command = [*IMPORT, str(WORKSPACE), str(files)]
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)  # fmt: skip
            if self.process.wait() == 0:
                self.count += 1

    def stop(self) -> int:
        self.running = False
        self.thread.join(300)
        return self.count


async def _signed_in_client(base: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base, timeout=30)
    page = await client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    response = await client.post("/login", data={"csrf_token": token.group(1), "name": "bench",
                                                 "password": PASSWORD, "next": "/"})  # fmt: skip
    assert response.status_code in (200, 303), response.status_code
    return client


async def _first_requests(base: str, pages: list[str]) -> dict[str, float]:
    client = await _signed_in_client(base)
    times = {}
    try:
        for path in pages:
            started = time.perf_counter()
            response = await client.get(path)
            times[path] = time.perf_counter() - started
            assert response.status_code == 200, (path, response.status_code)
    finally:
        await client.aclose()
    return times


async def _phase(
    base: str, pages: list[str], users: int, duration: float, think: float
) -> dict[str, Any]:
    clients = [await _signed_in_client(base) for _ in range(users)]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + duration

    async def browse(client: httpx.AsyncClient, seed: int) -> None:
        pick = random.Random(seed)
        while time.perf_counter() < deadline:
            path = pick.choice(pages)
            started = time.perf_counter()
            try:
                response = await client.get(path)
                status = str(response.status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            latencies.append(time.perf_counter() - started)
            if status != "200":
                errors[status] = errors.get(status, 0) + 1
            if think:
                await asyncio.sleep(pick.uniform(0.5 * think, 1.5 * think))

    await asyncio.gather(*(browse(client, seed) for seed, client in enumerate(clients)))
    for client in clients:
        await client.aclose()
    latencies.sort()
    return {
        "requests": len(latencies),
        "requests_per_second": len(latencies) / duration,
        "p50_seconds": statistics.median(latencies),
        "p95_seconds": latencies[int(0.95 * (len(latencies) - 1))],
        "max_seconds": latencies[-1],
        "errors": errors,
        "passed": latencies[int(0.95 * (len(latencies) - 1))] < GOAL_P95_SECONDS and not errors,
    }


def _report(name: str, phase: dict[str, Any]) -> None:
    verdict = "PASS" if phase["passed"] else "FAIL"
    print(f"{name}: {phase['requests']} requests ({phase['requests_per_second']:.0f}/s), "
          f"p50 {phase['p50_seconds'] * 1000:.0f} ms, p95 {phase['p95_seconds'] * 1000:.0f} ms, "
          f"max {phase['max_seconds'] * 1000:.0f} ms, errors {sum(phase['errors'].values())} "
          f"{phase['errors'] or ''} -> {verdict} (goal p95 < 200 ms, no errors)")  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(base: str) -> None:
    for _ in range(600):
        try:
            httpx.get(base + "/login", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")
