#!/usr/bin/env python3
"""sluice's other learners beside XGBoost's: `booster: gblinear` and random forests.

For the housing data (features standardised, NA kept missing, target MEDV) and a
generated binary table (6 features, 5% missing, logistic labels) this trains:

- gblinear with the same parameters and rounds in XGBoost (updater coord_descent,
  cyclic selector, one thread: the same steps as its default shotgun updater on one
  thread) and in sluice (`sluice ml train`), and prints the largest coefficient and
  bias differences; then loads sluice's model file into `xgboost.Booster` and prints
  the largest difference between XGBoost's predictions of it and `sluice ml predict`'s.
- a random forest (num_parallel_tree 8, subsample 0.8, colsample_bynode 0.6,
  learning_rate 1, one round) in both, prints the test metric of each on a held-out
  quarter, and the largest difference between XGBoost's predictions of sluice's
  forest file and sluice's own.

Usage: /tmp/xgb-venv/bin/python bench/compare_learners.py --sluice .build/release/sluice
"""
import argparse, json, os, subprocess, sys, tempfile

import numpy as np
import pandas as pd
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
HOUSING = os.path.join(HERE, "..", "data", "source", "HousingData.csv")


def housing():
    frame = pd.read_csv(HOUSING, na_values=["NA"])
    y = frame.pop("MEDV").to_numpy(float)
    x = frame.to_numpy(float)
    x = (x - np.nanmean(x, axis=0)) / np.nanstd(x, axis=0)
    return list(frame.columns), x, y, "reg:squarederror"


def binary(rows=5000, seed=7):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 6))
    margin = x @ np.array([1.0, -0.7, 0.4, 0.0, 0.25, -1.2]) + 0.3 * x[:, 0] * x[:, 1] - 0.5
    y = (rng.random(rows) < 1 / (1 + np.exp(-margin))).astype(float)
    x[rng.random(x.shape) < 0.05] = np.nan
    return [f"x{i}" for i in range(6)], x, y, "binary:logistic"


def write_csv(path, names, x, y=None):
    frame = pd.DataFrame(x, columns=names)
    if y is not None:
        frame["target"] = y
    frame.to_csv(path, index=False, na_rep="")


def sluice_train(sluice, work, names, x, y, params):
    write_csv(os.path.join(work, "train.csv"), names, x, y)
    with open(os.path.join(work, "params.yaml"), "w") as out:
        out.write("train:\n" + "".join(f"  {k}: {v}\n" for k, v in params.items()))
    subprocess.run([sluice, "ml", "train", "--train", "train.csv", "--target", "target", "--model", "model.json",
                    "--params", "params.yaml"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(work, "model.json")


def sluice_predict(sluice, work, names, x):
    write_csv(os.path.join(work, "rows.csv"), names, x)
    subprocess.run([sluice, "ml", "predict", "--model", "model.json", "--input", "rows.csv", "--out", "predictions.csv"],
                   cwd=work, check=True, stdout=subprocess.DEVNULL)
    return pd.read_csv(os.path.join(work, "predictions.csv"))["prediction"].to_numpy(float)


def metric(objective, y, p):
    if objective == "binary:logistic":
        p = np.clip(p, 1e-15, 1 - 1e-15)
        return "logloss", float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return "rmse", float(np.sqrt(np.mean((y - p) ** 2)))


def compare_linear(sluice, name, names, x, y, objective, eta, reg_lambda, reg_alpha, rounds):
    params = {"booster": "gblinear", "objective": objective, "learning_rate": eta, "reg_lambda": reg_lambda,
              "reg_alpha": reg_alpha, "n_estimators": rounds, "n_jobs": 1}
    reference = xgb.train({"booster": "gblinear", "updater": "coord_descent", "feature_selector": "cyclic", "nthread": 1,
                           "objective": objective, "eta": eta, "lambda": reg_lambda, "alpha": reg_alpha},
                          xgb.DMatrix(x, label=y), num_boost_round=rounds)
    theirs = np.array(json.loads(reference.save_raw("json"))["learner"]["gradient_booster"]["model"]["weights"])
    with tempfile.TemporaryDirectory() as work:
        path = sluice_train(sluice, work, names, x, y, params)
        ours = np.array(json.load(open(path))["learner"]["gradient_booster"]["model"]["weights"])
        loaded = xgb.Booster(model_file=path)
        loaded_predictions = loaded.predict(xgb.DMatrix(x))
        own = sluice_predict(sluice, work, names, x)
    coefficient = float(np.max(np.abs(ours[:-1] - theirs[:-1])))
    bias = float(abs(ours[-1] - theirs[-1]))
    prediction = float(np.max(np.abs(loaded_predictions - own)))
    print(f"{name} gblinear {objective} eta {eta} lambda {reg_lambda} alpha {reg_alpha} rounds {rounds}: "
          f"max |coef diff| {coefficient:.2e}, |bias diff| {bias:.2e}, largest |coef| {np.max(np.abs(theirs[:-1])):.3f}; "
          f"XGBoost-loaded sluice model vs sluice predict: max |diff| {prediction:.2e}", flush=True)
    return {"coefficient": coefficient, "bias": bias, "prediction": prediction}


def compare_forest(sluice, name, names, x, y, objective, seed=0):
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(y))
    test, train = order[: len(y) // 4], order[len(y) // 4:]
    forest = {"num_parallel_tree": 8, "subsample": 0.8, "colsample_bynode": 0.6, "learning_rate": 1, "n_estimators": 1,
              "max_depth": 6, "objective": objective, "seed": seed}
    reference = xgb.train({"tree_method": "hist", "num_parallel_tree": 8, "subsample": 0.8, "colsample_bynode": 0.6,
                           "eta": 1, "max_depth": 6, "objective": objective, "seed": seed, "nthread": 2},
                          xgb.DMatrix(x[train], label=y[train]), num_boost_round=1)
    theirs = metric(objective, y[test], reference.predict(xgb.DMatrix(x[test])))
    with tempfile.TemporaryDirectory() as work:
        path = sluice_train(sluice, work, names, x[train], y[train], forest)
        loaded = xgb.Booster(model_file=path)
        loaded_predictions = loaded.predict(xgb.DMatrix(x[test]))
        own = sluice_predict(sluice, work, names, x[test])
        trees = int(json.load(open(path))["learner"]["gradient_booster"]["model"]["gbtree_model_param"]["num_trees"])
    ours = metric(objective, y[test], own)
    prediction = float(np.max(np.abs(loaded_predictions - own)))
    print(f"{name} random forest (8 trees, subsample 0.8, colsample_bynode 0.6): test {theirs[0]} XGBoost {theirs[1]:.4f} "
          f"sluice {ours[1]:.4f} ({trees} trees); XGBoost-loaded sluice forest vs sluice predict: max |diff| {prediction:.2e}",
          flush=True)
    return {"xgboost": theirs[1], "sluice": ours[1], "prediction": prediction}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sluice", required=True)
    a = ap.parse_args()
    sluice = os.path.abspath(a.sluice)
    results = {}
    for name, (names, x, y, objective) in {"housing": housing(), "binary": binary()}.items():
        for eta, reg_lambda, reg_alpha, rounds in [(0.5, 0.0, 0.0, 100), (0.3, 0.01, 0.005, 200)]:
            results[f"{name} linear eta {eta}"] = compare_linear(sluice, name, names, x, y, objective, eta, reg_lambda,
                                                                   reg_alpha, rounds)
        forests = [compare_forest(sluice, name, names, x, y, objective, seed) for seed in range(5)]
        print(f"{name} random forest over 5 seeds: XGBoost {np.mean([f['xgboost'] for f in forests]):.4f} "
              f"sluice {np.mean([f['sluice'] for f in forests]):.4f}; worst load difference "
              f"{max(f['prediction'] for f in forests):.2e}", flush=True)
        results[f"{name} forest"] = forests
    worst = max(r["coefficient"] for k, r in results.items() if "linear" in k)
    print(json.dumps({"worst_coefficient_difference": worst,
                      "worst_linear_prediction_difference": max(r["prediction"] for k, r in results.items() if "linear" in k),
                      "worst_forest_prediction_difference": max(f["prediction"] for k, r in results.items()
                                                                 if "forest" in k for f in r)}))


if __name__ == "__main__":
    sys.exit(main())
