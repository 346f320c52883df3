"""Writes linear_fixtures.json, linear_model.json, forest_model.json and forest_expected.json with XGBoost 3.

linear_fixtures.json: cases of `booster: gblinear` training (data with missing
values, parameters, rounds) and what XGBoost learned from them: the weights and
bias of its model file (float32), its base score and its predictions for the
training rows. XGBoost runs `updater: coord_descent` with the cyclic feature
selector on one thread (its default `shotgun` updater takes the same steps on one
thread). LinearFixtureTests trains sluice on the same data and parameters and
compares the coefficients (within 1e-4) and the predictions.

linear_model.json is one of these models as XGBoost saved it (sluice must read it
and predict the same); forest_model.json is a random forest XGBoost trained
(num_parallel_tree 4, subsample, colsample_bynode, learning_rate 1, 2 rounds) and
forest_expected.json its rows and XGBoost's predictions for them.

    /tmp/xgb-venv/bin/python make_learner_fixtures.py
"""
import json
import os

import numpy as np
import xgboost as xgb

here = os.path.dirname(os.path.abspath(__file__))


def regression_data(rng, n=120):
    x = rng.normal(size=(n, 4)) * np.array([1.0, 2.0, 0.5, 3.0]) + np.array([0.0, 1.0, -2.0, 5.0])
    y = 1.5 * x[:, 0] - 0.75 * x[:, 1] + 2.0 * x[:, 2] + 0.1 * x[:, 3] + 4.0 + rng.normal(size=n) * 0.3
    x[rng.random((n, 4)) < 0.05] = np.nan
    return x, y


def binary_data(rng, n=150):
    x = rng.normal(size=(n, 3))
    margin = 1.2 * x[:, 0] - 0.8 * x[:, 1] + 0.3 * x[:, 2] - 0.4
    y = (rng.random(n) < 1 / (1 + np.exp(-margin))).astype(float)
    x[rng.random((n, 3)) < 0.05] = np.nan
    return x, y


def train_linear(x, y, objective, eta, reg_lambda, reg_alpha, rounds):
    params = {"booster": "gblinear", "updater": "coord_descent", "feature_selector": "cyclic", "nthread": 1,
              "objective": objective, "eta": eta, "lambda": reg_lambda, "alpha": reg_alpha}
    booster = xgb.train(params, xgb.DMatrix(x, label=y), num_boost_round=rounds)
    saved = json.loads(booster.save_raw("json"))
    weights = saved["learner"]["gradient_booster"]["model"]["weights"]
    base_score = float(saved["learner"]["learner_model_param"]["base_score"].strip("[]"))
    predictions = booster.predict(xgb.DMatrix(x))
    return booster, {"objective": objective, "learning_rate": eta, "reg_lambda": reg_lambda, "reg_alpha": reg_alpha,
                     "n_estimators": rounds, "base_score": base_score,
                     "rows": [[None if np.isnan(v) else float(v) for v in r] for r in x], "labels": [float(v) for v in y],
                     "weights": [float(w) for w in weights[:-1]], "bias": float(weights[-1]),
                     "predictions": [float(p) for p in predictions]}


rng = np.random.default_rng(16)
xr, yr = regression_data(rng)
xb, yb = binary_data(rng)
cases = []
first, case = train_linear(xr, yr, "reg:squarederror", 0.5, 0.0, 0.0, 10)
cases.append(case)
first.save_model(os.path.join(here, "linear_model.json"))
cases.append(train_linear(xr, yr, "reg:squarederror", 0.3, 0.05, 0.02, 25)[1])
cases.append(train_linear(xr, yr, "reg:squarederror", 1.0, 0.0, 0.5, 4)[1])
cases.append(train_linear(xb, yb, "binary:logistic", 0.5, 0.0, 0.0, 10)[1])
cases.append(train_linear(xb, yb, "binary:logistic", 0.3, 0.02, 0.01, 30)[1])
with open(os.path.join(here, "linear_fixtures.json"), "w") as out:
    json.dump({"xgboost": xgb.__version__, "cases": cases}, out)
    out.write("\n")

# A random forest as XGBoost writes it.
params = {"booster": "gbtree", "tree_method": "hist", "num_parallel_tree": 4, "subsample": 0.7, "colsample_bynode": 0.6,
          "eta": 1.0, "max_depth": 3, "nthread": 1, "seed": 3, "objective": "reg:squarederror"}
forest = xgb.train(params, xgb.DMatrix(xr, label=yr), num_boost_round=2)
forest.save_model(os.path.join(here, "forest_model.json"))
rows = [list(r) for r in xr[:20]] + [[np.nan] * 4, [0.0, 1.0, -2.0, 5.0]]
predictions = forest.predict(xgb.DMatrix(np.array(rows)))
with open(os.path.join(here, "forest_expected.json"), "w") as out:
    json.dump({"xgboost": xgb.__version__, "rows": [[None if np.isnan(v) else float(v) for v in r] for r in rows],
               "predictions": [float(p) for p in predictions]}, out, indent=1)
    out.write("\n")
