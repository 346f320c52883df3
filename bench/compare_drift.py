#!/usr/bin/env python3
"""`sluice ml drift` beside Evidently's DataDriftPreset and scipy on the same two CSVs.

  speed   times both tools end to end from the CSVs (each in its own process, peak RSS
          by /usr/bin/time), Evidently with its defaults (pandas.read_csv + Report.run).
  stats   checks sluice's report against scipy on the same columns: KS statistic
          (1e-9) and p-value (1e-6 relative) as scipy.stats.ks_2samp, Wasserstein over
          the reference's standard deviation as scipy.stats.wasserstein_distance / std.

Data: two CSVs with the same numeric columns, e.g. shared/bench's gen_data.py
(`--task clf --rows 1000000`, once with the default seed as reference and once with
`--seed 7` as current).

Usage:
  venv/bin/python bench/compare_drift.py speed --sluice .build/release/sluice REF.csv CUR.csv
  venv/bin/python bench/compare_drift.py stats --sluice .build/release/sluice REF.csv CUR.csv
Needs a venv with evidently (which needs pandas < 3), scipy.
"""
import argparse, json, os, subprocess, sys, tempfile, time

EVIDENTLY = r'''
import sys, time
t0 = time.perf_counter()
import pandas as pd
from evidently import Report
from evidently.presets import DataDriftPreset
ref = pd.read_csv(sys.argv[1]); cur = pd.read_csv(sys.argv[2])
t1 = time.perf_counter()
result = Report([DataDriftPreset()]).run(reference_data=ref, current_data=cur)
t2 = time.perf_counter()
print(f"read {t1 - t0:.2f} s, report {t2 - t1:.2f} s")
'''


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return wall, int(p.stderr.strip().splitlines()[-1]) / 1024, p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["speed", "stats"])
    ap.add_argument("--sluice", required=True)
    ap.add_argument("reference")
    ap.add_argument("current")
    a = ap.parse_args()
    sluice = os.path.abspath(a.sluice)
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "drift.json")
        params = os.path.join(tmp, "params.yaml")
        open(params, "w").write("drift:\n  numeric_method: ks\n")
        cmd = [sluice, "ml", "drift", "--reference", a.reference, "--current", a.current, "--params", params, "--report", report]
        print("load average before:", os.getloadavg())
        s_wall, s_rss, _ = timed(cmd)
        print(f"sluice ml drift: {s_wall:.2f} s, peak RSS {s_rss:.0f} MB")
        if a.mode == "speed":
            script = os.path.join(tmp, "evidently_run.py")
            open(script, "w").write(EVIDENTLY)
            e_wall, e_rss, out = timed([sys.executable, script, a.reference, a.current])
            print(f"evidently DataDriftPreset: {e_wall:.2f} s ({out.strip()}), peak RSS {e_rss:.0f} MB")
            print(f"ratio evidently/sluice {e_wall / s_wall:.1f}x; load average after: {os.getloadavg()}")
            return
        import numpy as np
        import pandas as pd
        from scipy import stats
        drift = json.load(open(report))
        ref, cur = pd.read_csv(a.reference), pd.read_csv(a.current)
        worst = {"ks_statistic": 0.0, "ks_pvalue": 0.0, "wasserstein": 0.0}
        for name, feature in drift["features"].items():
            if feature["type"] != "numeric":
                continue
            r, c = ref[name].dropna().to_numpy(float), cur[name].dropna().to_numpy(float)
            ks = stats.ks_2samp(r, c)
            w = stats.wasserstein_distance(r, c) / max(r.std(), 1e-3)
            worst["ks_statistic"] = max(worst["ks_statistic"], abs(feature["ks_statistic"] - ks.statistic))
            if ks.pvalue > 0:
                worst["ks_pvalue"] = max(worst["ks_pvalue"], abs(feature["ks_pvalue"] - ks.pvalue) / ks.pvalue)
            worst["wasserstein"] = max(worst["wasserstein"], abs(feature["wasserstein"] - w) / max(w, 1e-300))
        print("worst differences from scipy:", {k: f"{v:.3g}" for k, v in worst.items()},
              "(KS statistic absolute; p-value and Wasserstein relative)")
        ok = worst["ks_statistic"] <= 1e-9 and worst["ks_pvalue"] <= 1e-6
        print("OK" if ok else "MISMATCH")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
