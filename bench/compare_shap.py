"""`sluice ml explain` beside XGBoost's `predict(pred_contribs=True)` on the same model.

Two cases, each run side by side in one invocation:

- `housing`: HousingData.csv (missing cells kept) split 80/20 with numpy seed 42;
  sluice trains on the training split (100 trees, depth 6, eta 0.1, subsample and
  colsample 0.8) and both tools explain the test split.
- `generated`: a table of --rows rows (default 100,000; 20 numeric columns, 5% missing
  cells, an interaction-heavy target); sluice trains 100 trees of depth 6 on it and
  both tools explain all its rows.

XGBoost loads sluice's model file. Reported per case: max |diff| of every SHAP value
(features and bias) between the tools, and rows/s of the SHAP computation alone —
sluice's as `ml explain` reports it (2 threads on this machine), XGBoost's
`pred_contribs` with nthread=2 on a prebuilt DMatrix — best of --repeat runs, plus
each tool's whole wall time (sluice: the process reading the CSV and writing
shap.csv; XGBoost: read_csv + DMatrix + pred_contribs).

    swift build -c release --product sluice
    /tmp/xgb-venv/bin/python bench/compare_shap.py --sluice .build/release/sluice
"""
import argparse
import os
import re
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd
import xgboost as xgb

PARAMS = """train:
  objective: reg:squarederror
  n_estimators: 100
  max_depth: 6
  learning_rate: 0.1
  min_child_weight: 1
  subsample: 0.8
  colsample_bytree: 0.8
  reg_lambda: 1
  seed: 42
"""


def train(sluice, tmp, csv, target):
    with open(os.path.join(tmp, "params.yaml"), "w") as f:
        f.write(PARAMS)
    model = os.path.join(tmp, "model.json")
    subprocess.run([sluice, "ml", "train", "--train", csv, "--target", target, "--model", model], check=True, cwd=tmp,
                   stdout=subprocess.DEVNULL)
    return model


def sluice_explain(sluice, tmp, model, csv, repeat):
    """Best compute seconds and best wall seconds of `ml explain`, and its values."""
    out = os.path.join(tmp, "shap.csv")
    compute, wall = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        p = subprocess.run([sluice, "ml", "explain", "--model", model, "--input", csv, "--out", out], check=True, cwd=tmp,
                           capture_output=True, text=True)
        wall.append(time.perf_counter() - start)
        compute.append(float(re.search(r"in ([0-9.]+) s", p.stdout).group(1)))
    return min(compute), min(wall), pd.read_csv(out).to_numpy(dtype=np.float64)


def xgboost_explain(model, csv, names, target, repeat):
    booster = xgb.Booster(model_file=model)
    booster.set_param({"nthread": 2})
    compute, wall = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        frame = pd.read_csv(csv)
        matrix = xgb.DMatrix(frame[names].to_numpy(dtype=np.float32), missing=np.nan, nthread=2)
        begin = time.perf_counter()
        values = booster.predict(matrix, pred_contribs=True)
        end = time.perf_counter()
        compute.append(end - begin)
        wall.append(end - start)
    return min(compute), min(wall), values


def compare(label, sluice, tmp, train_csv, explain_csv, target, repeat):
    model = train(sluice, tmp, train_csv, target)
    names = [c for c in pd.read_csv(train_csv, nrows=1).columns if c != target]
    rows = len(pd.read_csv(explain_csv))
    load = os.getloadavg()[0]
    s_compute, s_wall, ours = sluice_explain(sluice, tmp, model, explain_csv, repeat)
    x_compute, x_wall, theirs = xgboost_explain(model, explain_csv, names, target, repeat)
    diff = float(np.max(np.abs(ours - theirs)))
    total = float(np.max(np.abs(ours.sum(axis=1) - xgb.Booster(model_file=model).predict(
        xgb.DMatrix(pd.read_csv(explain_csv)[names].to_numpy(dtype=np.float32), missing=np.nan), output_margin=True))))
    print(f"{label}: {rows} rows x {len(names)} features, load {load:.2f} before")
    print(f"  max |diff| sluice vs xgboost: {diff:.3g} (rows' sums vs XGBoost margins: {total:.3g})")
    print(f"  SHAP compute: sluice {s_compute:.3f} s = {rows / s_compute:,.0f} rows/s; "
          f"xgboost {x_compute:.3f} s = {rows / x_compute:,.0f} rows/s; ratio {x_compute / s_compute:.2f}x")
    print(f"  whole: sluice ml explain {s_wall:.3f} s; xgboost read_csv + DMatrix + pred_contribs {x_wall:.3f} s")


def generated(path, rows, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, (rows, 20))
    y = (np.sin(x[:, 0]) * 3 + x[:, 1] * x[:, 2] + np.where(x[:, 3] > 0.5, 2, -1) * x[:, 4] + x[:, 5:10].sum(axis=1)
         + rng.normal(0, 0.5, rows))
    x[rng.random(x.shape) < 0.05] = np.nan
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(20)])
    frame["y"] = y
    frame.to_csv(path, index=False, float_format="%.6g")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sluice", required=True)
    parser.add_argument("--housing", default="/work/shared/data/HousingData.csv")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", default="housing,generated", help="comma-separated: housing, generated")
    a = parser.parse_args()
    sluice = os.path.abspath(a.sluice)
    print(f"xgboost {xgb.__version__}, {os.cpu_count()} cores")
    cases = a.cases.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        if "housing" not in cases:
            data = None
        else:
            data = pd.read_csv(a.housing)
            order = np.random.default_rng(42).permutation(len(data))
            cut = int(len(data) * 0.8)
            data.iloc[order[:cut]].to_csv(os.path.join(tmp, "train.csv"), index=False)
            data.iloc[order[cut:]].to_csv(os.path.join(tmp, "test.csv"), index=False)
            compare("housing test split", sluice, tmp, os.path.join(tmp, "train.csv"), os.path.join(tmp, "test.csv"), "MEDV", a.repeat)
    if "generated" not in cases:
        return
    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, "generated.csv")
        generated(table, a.rows, 0)
        compare(f"generated {a.rows} rows", sluice, tmp, table, table, "y", a.repeat)


if __name__ == "__main__":
    main()
