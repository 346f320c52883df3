#!/usr/bin/env python3
"""Small public data with a category: sluice vs XGBoost 3 native categorical on `cars`.

The `cars` table ships inside the vega_datasets package (local_data, no network):
406 cars; the target is Miles_per_Gallon (the 8 rows without it are dropped);
features Cylinders, Displacement, Horsepower (6 missing, left missing),
Weight_in_lbs, Acceleration, Year (as the number of the year) and Origin (USA,
Europe, Japan) as a category; Name is dropped. For split seeds 0..9
(sklearn train_test_split(test_size=0.2, random_state=seed)) both tools get the
same train.csv / test.csv (Origin as text) and the same parameters (PARAMS, no
sampling), XGBoost through XGBRegressor(tree_method="hist", enable_categorical=True)
on pandas' category dtype, sluice through `ml train` / `ml predict` from the CSV.
Prints each split's test RMSE, the means and the ratio (target: sluice <= 1.01 x XGBoost).

Needs a venv with xgboost, scikit-learn, pandas, vega_datasets:
    venv/bin/python compare_cars.py --sluice .build/release/sluice
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

PARAMS = dict(n_estimators=200, max_depth=4, learning_rate=0.05, min_child_weight=1, reg_lambda=1,
              max_bin=256, max_cat_to_onehot=4, max_cat_threshold=64, seed=0)
TARGET = "Miles_per_Gallon"


def load():
    from vega_datasets import local_data
    df = local_data.cars()
    df = df.dropna(subset=[TARGET]).drop(columns=["Name"]).reset_index(drop=True)
    df["Year"] = pd.to_datetime(df["Year"]).dt.year.astype(float)
    df["Origin"] = df["Origin"].astype(str)
    return df


def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y, float) - np.asarray(p, float)) ** 2)))


def xgboost_rmse(train, test):
    import xgboost as xgb
    dtype = pd.CategoricalDtype(sorted(train["Origin"].unique()))
    Xtr, Xte = (d.drop(columns=[TARGET]).astype({"Origin": dtype}) for d in (train, test))
    p = dict(PARAMS)
    m = xgb.XGBRegressor(tree_method="hist", enable_categorical=True, n_jobs=1, random_state=p.pop("seed"), **p)
    m.fit(Xtr, train[TARGET])
    return rmse(test[TARGET], m.predict(Xte))


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"sluice failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")


def sluice_rmse(sluice, train, test):
    with tempfile.TemporaryDirectory() as tmp:
        tr, te, model, out = (os.path.join(tmp, n) for n in ("train.csv", "test.csv", "model.json", "pred.csv"))
        train.to_csv(tr, index=False, float_format="%.17g")
        test.to_csv(te, index=False, float_format="%.17g")
        with open(os.path.join(tmp, "params.yaml"), "w") as f:
            f.write("train:\n  objective: reg:squarederror\n  n_jobs: 1\n")
            f.write("".join(f"  {k}: {v}\n" for k, v in PARAMS.items()))
        run([sluice, "ml", "train", "--train", tr, "--target", TARGET, "--model", model], tmp)
        run([sluice, "ml", "predict", "--model", model, "--input", te, "--out", out], tmp)
        return rmse(test[TARGET], pd.read_csv(out)["prediction"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sluice", required=True, help="path to the sluice binary")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--max-cat-to-onehot", type=int, default=PARAMS["max_cat_to_onehot"],
                    help="4 (default): Origin's 3 categories split one against the rest; 1: partition splits")
    a = ap.parse_args()
    sluice = os.path.abspath(a.sluice)
    PARAMS["max_cat_to_onehot"] = a.max_cat_to_onehot
    from sklearn.model_selection import train_test_split
    df = load()
    print(f"cars: {len(df)} rows, features {', '.join(c for c in df.columns if c != TARGET)}; params {PARAMS}")
    xs, ss = [], []
    for seed in range(a.seeds):
        train, test = train_test_split(df, test_size=0.2, random_state=seed)
        x, s = xgboost_rmse(train, test), sluice_rmse(sluice, train, test)
        xs.append(x)
        ss.append(s)
        print(f"seed {seed}: xgboost RMSE {x:.4f}   sluice RMSE {s:.4f}", flush=True)
    xs, ss = np.array(xs), np.array(ss)
    print(f"mean over {a.seeds} splits: xgboost {xs.mean():.4f} ± {xs.std():.4f}   sluice {ss.mean():.4f} ± {ss.std():.4f}   "
          f"ratio sluice/xgboost {ss.mean() / xs.mean():.4f} (target <= 1.01)")
    print(json.dumps({"xgboost_rmse": xs.mean(), "sluice_rmse": ss.mean(), "ratio": ss.mean() / xs.mean()}))


if __name__ == "__main__":
    main()
