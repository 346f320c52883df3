#!/usr/bin/env python3
"""shared/bench/compare_gbdt.py boston, repeated for several model seeds.

With subsample and colsample_bytree below 1 each tool draws its own random rows and
columns, so the 20-split mean at one seed differs by chance (sluice and XGBoost use
different generators). This runs the comparison for model seeds 0..N-1 and reports the
mean over all of them; `--subsample 1 --colsample 1` removes the randomness, and then
the two tools give the same RMSE on every split.

Usage: venv/bin/python bench/compare_boston_seeds.py --sluice .build/release/sluice [--seeds 6]
"""
import argparse, contextlib, importlib.util, io, json, os, statistics, sys

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARE = os.path.join(HERE, "..", "..", "shared", "bench", "compare_gbdt.py")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sluice", required=True)
    ap.add_argument("--seeds", type=int, default=6)
    ap.add_argument("--subsample", type=float, default=0.8)
    ap.add_argument("--colsample", type=float, default=0.8)
    ap.add_argument("--compare", default=COMPARE, help="path to shared/bench/compare_gbdt.py")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("compare_gbdt", a.compare)
    cg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cg)
    xs, ss = [], []
    for seed in range(a.seeds):
        cg.SEED_PARAMS.update(subsample=a.subsample, colsample_bytree=a.colsample, seed=seed)
        sys.argv = ["compare_gbdt.py", "boston", "--sluice", a.sluice]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cg.main()
        r = json.loads(out.getvalue().strip().splitlines()[-1])
        xs.append(r["xgboost_rmse"])
        ss.append(r["sluice_rmse"])
        print(f"model seed {seed}: 20-split mean RMSE xgboost {xs[-1]:.4f} sluice {ss[-1]:.4f} ratio {r['ratio']:.4f}", flush=True)
    print(f"over {a.seeds} seeds: xgboost {statistics.mean(xs):.4f} sluice {statistics.mean(ss):.4f} "
          f"ratio {statistics.mean(ss) / statistics.mean(xs):.4f}")


if __name__ == "__main__":
    main()
