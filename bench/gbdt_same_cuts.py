#!/usr/bin/env python3
"""Why sluice's and XGBoost's holdout losses differ on the 1M x 28 binary task.

Two checks, both on shared/bench's gen_data.py data (/tmp/sluice-bench-data/rows1000000):

  same-cuts  Replaces every feature value by its bin number under XGBoost's own cuts
             (QuantileDMatrix.get_quantile_cut), so both tools see identical bins, and
             trains both: equal losses mean the boosting itself is the same and every
             difference comes from where the bin boundaries lie.
  sweep      Holdout log loss of both tools for max_bin LOW..HIGH on the raw data: how
             much the loss moves with the cut positions alone, for each tool.

Usage:
  venv/bin/python bench/gbdt_same_cuts.py same-cuts --sluice .build/release/sluice
  venv/bin/python bench/gbdt_same_cuts.py sweep --sluice .build/release/sluice --low 246 --high 256
Needs a venv with xgboost, pandas, numpy.
"""
import argparse, os, statistics, subprocess, tempfile

import numpy as np
import pandas as pd
import xgboost as xgb

DATA = "/tmp/sluice-bench-data/rows1000000"
PARAMS = dict(objective="binary:logistic", tree_method="hist", max_depth=6, eta=0.1, min_child_weight=1.0,
              reg_lambda=1.0, nthread=2, seed=0, verbosity=0)


def logloss(y, q):
    q = np.clip(q, 1e-15, 1 - 1e-15)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def sluice_train(sluice, train_csv, max_bin, tmp):
    with open(os.path.join(tmp, "params.yaml"), "w") as f:
        f.write(f"train:\n  objective: binary:logistic\n  n_estimators: 100\n  max_depth: 6\n  learning_rate: 0.1\n"
                f"  max_bin: {max_bin}\n  n_jobs: 2\n")
    model = os.path.join(tmp, "m.json")
    subprocess.run([sluice, "ml", "train", "--train", train_csv, "--target", "y", "--model", model],
                   cwd=tmp, check=True, capture_output=True)
    return xgb.Booster(model_file=model)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["same-cuts", "sweep"])
    ap.add_argument("--sluice", required=True)
    ap.add_argument("--low", type=int, default=246)
    ap.add_argument("--high", type=int, default=256)
    a = ap.parse_args()
    sluice = os.path.abspath(a.sluice)
    tr, ho = pd.read_csv(f"{DATA}/clf_train.csv"), pd.read_csv(f"{DATA}/clf_holdout.csv")
    X, y = tr.drop(columns=["y"]).to_numpy(np.float32), tr["y"].to_numpy()
    Xh, yh = ho.drop(columns=["y"]).to_numpy(np.float32), ho["y"].to_numpy()
    with tempfile.TemporaryDirectory() as tmp:
        if a.mode == "same-cuts":
            ptr, cuts = xgb.QuantileDMatrix(X, y, max_bin=256, nthread=2).get_quantile_cut()
            B, Bh = np.empty_like(X), np.empty_like(Xh)
            for j in range(X.shape[1]):
                c = cuts[ptr[j]:ptr[j + 1]]
                B[:, j] = np.searchsorted(c, X[:, j], side="right")
                Bh[:, j] = np.searchsorted(c, Xh[:, j], side="right")
            path = os.path.join(tmp, "binned.csv")
            pd.DataFrame(B.astype(np.int32), columns=tr.columns[:-1]).assign(y=y.astype(int)).to_csv(path, index=False)
            bst = xgb.train(dict(PARAMS, max_bin=256), xgb.QuantileDMatrix(B, y, max_bin=256, nthread=2), num_boost_round=100)
            ours = sluice_train(sluice, path, 256, tmp)
            for name, m in [("xgboost", bst), ("sluice", ours)]:
                print(f"{name:8s} on identical bins: train {logloss(y, m.inplace_predict(B)):.8f} "
                      f"holdout {logloss(yh, m.inplace_predict(Bh)):.8f}")
        else:
            rows = []
            for mb in range(a.low, a.high + 1):
                bst = xgb.train(dict(PARAMS, max_bin=mb), xgb.QuantileDMatrix(X, y, max_bin=mb, nthread=2), num_boost_round=100)
                ours = sluice_train(sluice, f"{DATA}/clf_train.csv", mb, tmp)
                rows.append((logloss(yh, bst.inplace_predict(Xh)), logloss(yh, ours.inplace_predict(Xh))))
                print(f"max_bin {mb}: holdout logloss xgboost {rows[-1][0]:.5f} sluice {rows[-1][1]:.5f}", flush=True)
            xs, ss = [r[0] for r in rows], [r[1] for r in rows]
            print(f"mean: xgboost {statistics.mean(xs):.5f} ± {statistics.stdev(xs):.5f}  sluice {statistics.mean(ss):.5f} "
                  f"± {statistics.stdev(ss):.5f}  ratio {statistics.mean(ss) / statistics.mean(xs):.4f}")


if __name__ == "__main__":
    main()
