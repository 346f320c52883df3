#!/usr/bin/env python3
"""Read back what `sluice runs export --mlflow http://HOST:PORT` sent, with MLflow's
own client, and compare it with the sluice run store it came from.

Usage: python mlflow_check.py --tracking-uri URL --runs RUNS_DIR --experiment NAME

Checks, for every run folder under RUNS_DIR: exactly one active MLflow run in the
experiment carries its `sluice.run_id` tag; every param (params.json) with its value;
every step metric point (history.jsonl: key, step, value, time in ms) in the metric's
history; every numeric final metric (metrics.json); status and times; and every file
of the run folder as an artifact of the same size. Exits 1 with a list of problems.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

STATUS = {"running": "RUNNING", "finished": "FINISHED", "failed": "FAILED", "killed": "KILLED"}


def key(k: str) -> str:
    """sluice's sanitizing of names MLflow cannot store (MLflowKey.sanitize)."""
    k = re.sub(r"[^A-Za-z0-9_./\- :]", "_", k)
    parts = [("_" * len(p) if p in (".", "..") else p) for p in k.split("/") if p]
    return "/".join(parts)


def text(v) -> str:
    return v if isinstance(v, str) else json.dumps(v, separators=(",", ":"), sort_keys=True)


def same_number(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def artifacts(client, run_id, path=None):
    out = {}
    for f in client.list_artifacts(run_id, path):
        if f.is_dir:
            out.update(artifacts(client, run_id, f.path))
        else:
            out[f.path] = f.file_size
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tracking-uri", required=True)
    ap.add_argument("--runs", required=True, type=Path)
    ap.add_argument("--experiment", required=True)
    a = ap.parse_args()

    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=a.tracking_uri)
    problems: list[str] = []
    experiment = client.get_experiment_by_name(a.experiment)
    if experiment is None:
        print(f"error: no experiment {a.experiment!r} on {a.tracking_uri}")
        return 1
    mlflow_runs, token = [], None
    while True:
        page = client.search_runs([experiment.experiment_id], max_results=1000, page_token=token)
        mlflow_runs += page
        token = page.token
        if not token:
            break
    by_sluice: dict[str, list] = {}
    for r in mlflow_runs:
        by_sluice.setdefault(r.data.tags.get("sluice.run_id"), []).append(r)

    folders = sorted(p for p in a.runs.iterdir() if (p / "run.json").is_file())
    counts = {"runs": 0, "params": 0, "points": 0, "artifacts": 0}
    for folder in folders:
        record = json.loads((folder / "run.json").read_text())
        sid = record["id"]
        found = by_sluice.pop(sid, [])
        if len(found) != 1:
            problems.append(f"run {sid}: {len(found)} MLflow runs carry its sluice.run_id tag, expected exactly 1")
            continue
        run = found[0]
        rid = run.info.run_id
        counts["runs"] += 1
        if run.info.status != STATUS.get(record["status"], "?"):
            problems.append(f"run {sid}: status {run.info.status}, expected {STATUS.get(record['status'])}")
        if run.data.tags.get("mlflow.runName") != (record.get("name") or sid):
            problems.append(f"run {sid}: run name {run.data.tags.get('mlflow.runName')!r}")

        params = json.loads((folder / "params.json").read_text()) if (folder / "params.json").is_file() else {}
        for k, v in params.items():
            got = run.data.params.get(key(k))
            counts["params"] += 1
            if got != text(v)[:6000]:
                problems.append(f"run {sid}: param {k!r} is {got!r}, expected {text(v)!r}")
        if len(run.data.params) != len(params):
            problems.append(f"run {sid}: {len(run.data.params)} params in MLflow, {len(params)} in params.json")

        expected: dict[str, list[tuple[int, float, int]]] = {}
        history = folder / "history.jsonl"
        if history.is_file():
            for line in history.read_text().splitlines():
                p = json.loads(line)
                value = float("nan") if p["value"] is None else float(p["value"])
                expected.setdefault(key(p["key"]), []).append((int(p["step"]), value, round(p["time"] * 1000)))
        metrics = json.loads((folder / "metrics.json").read_text()) if (folder / "metrics.json").is_file() else {}
        for k, v in metrics.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool) and key(k) not in expected:
                expected[key(k)] = [(0, float(v), None)]
        for k, points in expected.items():
            got = [(m.step, m.value, m.timestamp) for m in client.get_metric_history(rid, k)]
            if len(got) != len(points):
                problems.append(f"run {sid}: metric {k!r} has {len(got)} points in MLflow, expected {len(points)}")
                continue
            for (s1, v1, t1), (s2, v2, t2) in zip(sorted(points, key=lambda p: (p[0], p[2] or 0)), sorted(got, key=lambda p: (p[0], p[2]))):
                counts["points"] += 1
                if s1 != s2 or not same_number(v1, v2) or (t1 is not None and t1 != t2):
                    problems.append(f"run {sid}: metric {k!r} point {(s2, v2, t2)} != expected {(s1, v1, t1)}")
        if set(run.data.metrics) != set(expected):
            problems.append(f"run {sid}: metric keys {sorted(run.data.metrics)} != expected {sorted(expected)}")

        files = {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}
        got_files = artifacts(client, rid)
        counts["artifacts"] += len(got_files)
        if got_files != files:
            problems.append(f"run {sid}: artifacts {sorted(got_files.items())} != run folder {sorted(files.items())}")

    for sid, extra in by_sluice.items():
        problems.append(f"{len(extra)} MLflow run(s) with sluice.run_id {sid!r} that is not in {a.runs}")
    for p in problems:
        print("error:", p)
    print(f"checked {counts['runs']} runs: {counts['params']} params, {counts['points']} metric points, {counts['artifacts']} artifacts"
          + ("" if not problems else f"; {len(problems)} problems"))
    return 1 if problems or not folders else 0


if __name__ == "__main__":
    sys.exit(main())
