"""Writes categorical_model.json and categorical_expected.json with XGBoost 3.

A small regression model with native categorical splits (hist, enable_categorical):
feature `x` numeric, `c` with 8 categories (partition splits), `d` with 3 categories
(one-hot splits, fewer than max_cat_to_onehot 4), both with missing values. The
expected file holds rows (null for missing) and XGBoost's predictions for them,
which CategoricalFixtureTests compares with sluice's.

    python3 -m venv /tmp/xgb-venv && /tmp/xgb-venv/bin/pip install xgboost pandas
    /tmp/xgb-venv/bin/python make_categorical_model.py
"""
import json
import os

import numpy as np
import xgboost as xgb

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(14)
n = 400
x = rng.uniform(0, 10, n)
c = rng.integers(0, 8, n).astype(float)
d = rng.integers(0, 3, n).astype(float)
y = x / 2 + np.array([3, -1, 4, -2, 0, 5, -3, 1])[c.astype(int)] + np.array([2, -2, 0])[d.astype(int)]
y += rng.normal(0, 0.3, n)
c[rng.random(n) < 0.08] = np.nan
d[rng.random(n) < 0.08] = np.nan
features = np.column_stack([x, c, d])

train = xgb.DMatrix(features, label=y, feature_names=["x", "c", "d"], feature_types=["q", "c", "c"],
                    enable_categorical=True)
params = {"tree_method": "hist", "max_depth": 4, "eta": 0.3, "objective": "reg:squarederror",
          "max_cat_to_onehot": 4, "nthread": 1, "seed": 0}
booster = xgb.train(params, train, num_boost_round=8)
booster.save_model(os.path.join(here, "categorical_model.json"))

# Rows to predict: a few training rows, every code of each feature, missing
# values, and codes no tree has seen (they go left, as XGBoost decides).
rows = [list(r) for r in features[:12]]
rows += [[5.0, float(k), float(k % 3)] for k in range(8)]
rows += [[1.0, np.nan, np.nan], [7.5, 9.0, 1.0], [2.5, 3.0, 7.0]]
matrix = xgb.DMatrix(np.array(rows), feature_names=["x", "c", "d"], feature_types=["q", "c", "c"],
                     enable_categorical=True)
predictions = booster.predict(matrix)
with open(os.path.join(here, "categorical_expected.json"), "w") as out:
    json.dump({"xgboost": xgb.__version__,
               "rows": [[None if np.isnan(v) else float(v) for v in r] for r in rows],
               "predictions": [float(p) for p in predictions]}, out, indent=1)
    out.write("\n")
