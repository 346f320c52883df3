"""Writes importance_model.json and importance_expected.json with XGBoost.

A regression model (hist, depth 4, 12 rounds) on generated data with missing values,
and XGBoost's Booster.get_score for each importance type: weight, gain, cover,
total_gain and total_cover. ImportanceFixtureTests loads the model in sluice and
compares `Booster.importance` with these values.

    /tmp/xgb-venv/bin/python make_importance_model.py
"""
import json
import os

import numpy as np
import xgboost as xgb

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(17)
n = 600
features = rng.normal(size=(n, 5))
y = 3 * features[:, 0] - 2 * features[:, 1] ** 2 + features[:, 2] * features[:, 3] + rng.normal(0, 0.2, n)
features[rng.random((n, 5)) < 0.05] = np.nan
names = ["a", "b", "c", "d", "unused_noise"]
features[:, 4] = 0.0  # a constant feature: no tree splits on it, so get_score leaves it out

train = xgb.DMatrix(features, label=y, feature_names=names)
params = {"tree_method": "hist", "max_depth": 4, "eta": 0.3, "objective": "reg:squarederror",
          "subsample": 0.8, "nthread": 1, "seed": 0}
booster = xgb.train(params, train, num_boost_round=12)
booster.save_model(os.path.join(here, "importance_model.json"))
kinds = ["weight", "gain", "cover", "total_gain", "total_cover"]
with open(os.path.join(here, "importance_expected.json"), "w") as out:
    json.dump({"xgboost": xgb.__version__,
               **{kind: {k: float(v) for k, v in booster.get_score(importance_type=kind).items()} for kind in kinds}},
              out, indent=1)
    out.write("\n")
