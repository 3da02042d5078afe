#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every benchmark and writes build/bench/results.json (./dev bench calls this).

Two kinds of figures:
- in-process ones from Google Benchmark (tests/bench/*_bench.cpp, medians of 5 repetitions), named
  after the benchmark with their unit: health_all_vp -> health_all_vp_ms; a counter that is a rate
  or a 95th percentile is a figure of its own: pulse_http's answers_per_s -> pulse_http_answers_per_s;
- whole-process ones: the app started with --screenshot on an empty and on the vp database, which
  paints its first frame and exits; the median wall time of repeated runs is startup_*_ms and the
  largest peak resident memory of those runs rss_*_mb.

results.json maps a name to {"median": number, "unit": string}; budgets from DESIGN.md are
printed beside them. A figure over its budget is reported, not an error: the exit status is
non-zero only when a benchmark could not run.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
OUT = BUILD / "bench"
APP = BUILD / "app" / "rapport"
GBENCH = BUILD / "tests" / "bench" / "rapport_bench"
STARTUP_RUNS = 7

# name -> (budget, how the budget reads). A ratio budget names the figure it divides by.
BUDGETS = {
    "startup_vp_ms": ("ratio", "startup_empty_ms", 1.5),
    "rss_vp_mb": ("ratio", "rss_empty_mb", 2.0),
    "health_all_vp_ms": ("max", None, 20.0),
    "map_layout_vp_ms": ("max", None, 100.0),
    "map_repaint_vp_ms": ("max", None, 16.0),
    "week_repaint_vp_ms": ("max", None, 16.0),
    "drop_to_repaint_vp_ms": ("max", None, 50.0),
    "write_to_repaint_vp_ms": ("max", None, 50.0),
    "ics_import_10k_ms": ("ratio", "libical_parse_10k_ms", 2.0),
    "charts_vp_ms": ("max", None, 50.0),
    "person_page_vp_ms": ("max", None, 50.0),
    "search_vp_ms": ("max", None, 30.0),
    "pulse_aggregate_vp_ms": ("max", None, 10.0),
    "pulse_page_vp_ms": ("max", None, 100.0),
    "repairs_page_vp_ms": ("max", None, 50.0),
    "team_matrix_vp_ms": ("max", None, 20.0),
    "prep_pdf_ms": ("max", None, 300.0),
}

UNIT_TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}


class BenchFailed(Exception):
    pass


def run_google_benchmark(extra):
    raw = OUT / "gbench.json"
    command = [str(GBENCH), f"--benchmark_out={raw}", "--benchmark_out_format=json", *extra]
    if subprocess.run(command, stdout=subprocess.DEVNULL).returncode != 0:
        raise BenchFailed(f"{GBENCH.name} failed")
    results = {}
    for entry in json.loads(raw.read_text())["benchmarks"]:
        if entry.get("error_occurred"):
            raise BenchFailed(f"{entry['name']}: {entry.get('error_message', 'error')}")
        if entry.get("aggregate_name") != "median":
            continue
        name = entry["run_name"].split("/")[0]
        results[name + "_ms"] = {"median": round(entry["real_time"] * UNIT_TO_MS[entry["time_unit"]], 3), "unit": "ms"}
        # Counters that are figures of their own: a rate, a percentile.
        for key, value in entry.items():
            if key.endswith("_per_s"):
                results[f"{name}_{key}"] = {"median": round(value, 1), "unit": "1/s"}
            elif key.endswith("_p95_ms"):
                results[f"{name}_{key}"] = {"median": round(value, 3), "unit": "ms"}
    return results


def run_app(database, screenshot):
    """One start to first paint: wall seconds and peak resident memory in MiB."""
    # Settings and the automatic copies go to the scratch folder, not the user's.
    home = str(screenshot.parent)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
    started = time.perf_counter()
    child = subprocess.Popen([str(APP), "--database", str(database), "--screenshot", str(screenshot)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)  # wait4: the child's own peak memory
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    if child.returncode != 0 or not screenshot.exists():
        raise BenchFailed(f"the app did not paint {database.name}")
    screenshot.unlink()
    return elapsed, usage.ru_maxrss / 1024


def startup(databases, scratch):
    """Start-up figures for each named database. The runs alternate between the databases, so that
    a busy moment of the machine falls on both sides of a ratio alike."""
    for database in databases.values():
        run_app(database, scratch / "warm.png")  # the first run warms the file cache and any upgrade
    runs = {name: [] for name in databases}
    for _ in range(STARTUP_RUNS):
        for name, database in databases.items():
            runs[name].append(run_app(database, scratch / "shot.png"))
    results = {}
    for name, measured in runs.items():
        results[f"startup_{name}_ms"] = {"median": round(statistics.median(r[0] for r in measured) * 1000, 1), "unit": "ms"}
        results[f"rss_{name}_mb"] = {"median": round(max(r[1] for r in measured), 1), "unit": "MiB"}
    return results


def run_startup():
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as folder:
        scratch = pathlib.Path(folder)
        empty = scratch / "empty.sqlite"
        vp = scratch / "vp.sqlite"
        made = subprocess.run([str(APP), "--database", str(vp), "demo", "--scale", "vp", "--today", "2026-11-29"],
                              stdout=subprocess.DEVNULL)
        if made.returncode != 0:
            raise BenchFailed("could not make the vp database")
        return startup({"empty": empty, "vp": vp}, scratch)


def verdict(name, results):
    if name not in BUDGETS or name not in results:
        return "", ""
    kind, base, limit = BUDGETS[name]
    value = results[name]["median"]
    if kind == "max":
        return f"<= {limit:g} {results[name]['unit']}", "ok" if value <= limit else "MISS"
    if base not in results or results[base]["median"] <= 0:
        return f"<= {limit:g} x {base}", "?"
    ratio = value / results[base]["median"]
    return f"<= {limit:g} x {base}", f"{ratio:.2f}x " + ("ok" if ratio <= limit else "MISS")


def table(results):
    rows = [(name, f"{r['median']:g} {r['unit']}", *verdict(name, results)) for name, r in sorted(results.items())]
    widths = [max(len(row[i]) for row in rows + [("figure", "median", "budget", "verdict")]) for i in range(4)]
    lines = []
    for row in [("figure", "median", "budget", "verdict")] + rows:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filter", help="only Google Benchmark entries matching this regex (no startup runs)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        extra = [f"--benchmark_filter={args.filter}"] if args.filter else []
        results = run_google_benchmark(extra)
        if not args.filter:
            results.update(run_startup())
    except BenchFailed as failure:
        print(f"bench: {failure}", file=sys.stderr)
        return 1
    (OUT / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(table(results))
    misses = [name for name in results if verdict(name, results)[1].endswith("MISS")]
    print(f"\nwrote {OUT / 'results.json'}; " + (f"over budget: {', '.join(misses)}" if misses else "every budget met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
