"""Benchmark the briefs on a 500-initiative portfolio (a script; pytest does not collect it).

    python tests/benchmarks/bench_reports.py [--keep DIR]

Builds the portfolio by importing the demo portfolio 32 times (512 initiatives; references
dropped so each import gets new ones, stakeholders reused), then times, against the goals:
- the portfolio review, in-process (goal < 0.7 s), from the database to the PDF bytes;
- an initiative brief, in-process (goal < 150 ms);
- the whole `coprod report portfolio` process (goal < 1.0 s).
In-process times are the best of a few runs after one warm-up (fonts registered, imports done).
Wall-clock time is judged against the goals; CPU time is printed beside it, since on a busy
machine the wall clock also counts the time other processes had the CPU.
"""

from __future__ import annotations

import argparse
import copy
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"portfolio review": 0.7, "initiative brief": 0.15, "coprod report portfolio": 1.0}


def build_portfolio(path: Path, copies: int = 32) -> int:
    from coprod_desktop import paths
    from coprod_desktop.services import exchange, portfolio_query
    from coprod_desktop.store.migrate import open_database

    db = open_database(str(path))
    demo = exchange.read_json_file(paths.resource_path("demo", "demo_da.json"))
    for _ in range(copies):
        document = copy.deepcopy(demo)
        for item in document["initiatives"]:
            item.pop("reference", None)
        exchange.import_document(db, document)
    count = portfolio_query.count(db)
    db.dispose()
    return count


def best_of(runs: int, action: object) -> tuple[float, float]:
    """The best wall-clock time and the best CPU time of `runs` runs after a warm-up."""
    assert callable(action)
    action()  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return min(walls), min(cpus)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder to keep the database and PDFs in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="coprod-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench.sqlite"
    os.environ.setdefault("COPROD_DATA_DIR", str(folder / "data"))
    if not db_path.exists():
        start = time.perf_counter()
        count = build_portfolio(db_path)
        print(f"built {count} initiatives in {time.perf_counter() - start:.1f} s")

    from coprod_desktop.reports.page_template import BriefSettings
    from coprod_desktop.services import briefs, portfolio_query
    from coprod_desktop.services.portfolio_query import PortfolioFilter
    from coprod_desktop.store.migrate import open_database

    db = open_database(str(db_path))
    count = portfolio_query.count(db)
    settings = BriefSettings(municipality_name="Sønderby Kommune", author="bench", lang="da")
    first = portfolio_query.rows(db, limit=1)[0].reference
    results: dict[str, tuple[float, float]] = {}
    sizes: dict[str, int] = {}

    def review() -> None:
        sizes["portfolio review"] = len(briefs.portfolio_review(db, PortfolioFilter(), settings))

    def brief() -> None:
        sizes["initiative brief"] = len(briefs.initiative_brief(db, first, settings))

    results["portfolio review"] = best_of(3, review)
    results["initiative brief"] = best_of(5, brief)
    db.dispose()

    output = folder / "portfolio.pdf"
    command = [
        sys.executable,
        "-m",
        "coprod_desktop.cli",
        "--db",
        str(db_path),
        "--lang",
        "da",
        "report",
        "portfolio",
        "-o",
        str(output),
    ]
    process_times = []
    for _ in range(3):
        start, start_cpu = time.perf_counter(), children_cpu()
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        process_times.append((time.perf_counter() - start, children_cpu() - start_cpu))
    results["coprod report portfolio"] = (
        min(t[0] for t in process_times),
        min(t[1] for t in process_times),
    )
    sizes["coprod report portfolio"] = output.stat().st_size

    print(f"{count} initiatives; files in {folder}; load average {os.getloadavg()[0]:.1f}")
    failed = False
    for name, (seconds, cpu) in results.items():
        goal = GOALS[name]
        verdict = "ok" if seconds < goal else "SLOWER THAN GOAL"
        failed |= seconds >= goal
        print(
            f"{name:26s} {seconds * 1000:7.0f} ms (cpu {cpu * 1000:5.0f} ms)   "
            f"goal < {goal * 1000:5.0f} ms   {sizes[name] / 1024:6.0f} KB   {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
