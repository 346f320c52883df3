"""Writes the XGBoost reference SHAP values that XGBoostFixtureTests compare with.

For each case below: a model file and `<case>_expected.json` holding the rows (model
feature order, null for missing, category codes for categorical features) and
XGBoost's `predict(pred_contribs=True)` for them (one value per feature, then the
bias). Three cases:

- `housing`: sluice trains (`sluice ml train`, 100 trees of depth 6, subsample and
  colsample 0.8) on HousingData.csv as it is, with its 120 missing cells; XGBoost
  loads sluice's model file; all 506 rows.
- `mixed`: sluice trains on a generated table with missing values and a text column
  (a native categorical feature, 8 categories, partition splits); XGBoost loads it.
- `binary`: sluice trains binary:logistic on housing (MEDV > 25), 300 rows: values
  in log-odds, the bias holding the logit of the base score.
- `xgbcat`: XGBoost trains (hist, enable_categorical, one-hot and partition splits,
  missing values) and saves the model; sluice reads XGBoost's own file.

    swift build --product sluice
    /tmp/xgb-venv/bin/python make_shap_fixtures.py --sluice .build/debug/sluice \
        --housing /work/shared/data/HousingData.csv
"""
import argparse
import json
import os
import subprocess
import tempfile

import numpy as np
import pandas as pd
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))

PARAMS = """train:
  objective: {objective}
  n_estimators: {rounds}
  max_depth: {depth}
  learning_rate: 0.1
  min_child_weight: 1
  subsample: 0.8
  colsample_bytree: 0.8
  reg_lambda: 1
  seed: 42
"""


def sluice_train(sluice, csv, target, model, rounds=100, depth=6, objective="reg:squarederror"):
    with tempfile.TemporaryDirectory() as tmp:
        params = os.path.join(tmp, "params.yaml")
        with open(params, "w") as f:
            f.write(PARAMS.format(rounds=rounds, depth=depth, objective=objective))
        subprocess.run([sluice, "ml", "train", "--train", csv, "--target", target, "--model", model,
                        "--params", params], check=True, cwd=tmp)


def model_features(model):
    with open(model) as f:
        m = json.load(f)
    return m["sluice"]["features"] if "sluice" in m else m["learner"]["feature_names"], m


def category_levels(m):
    """Each feature's category strings from the model's `cats` (empty list for a numeric feature)."""
    encs = m["learner"]["gradient_booster"]["model"].get("cats", {}).get("enc", [])
    levels = []
    for enc in encs:
        offsets, raw = enc.get("offsets") or [], bytes(enc.get("values") or [])
        levels.append([raw[s:e].decode() for s, e in zip(offsets, offsets[1:])] if offsets else [])
    return levels


def contribs(model, rows, types, names=None):
    booster = xgb.Booster(model_file=model)
    booster.set_param({"nthread": 1})
    matrix = xgb.DMatrix(rows, feature_names=names, feature_types=types, enable_categorical=bool(types) and "c" in types,
                         missing=np.nan)
    return booster.predict(matrix, pred_contribs=True)


def write(case, model_file, rows, values):
    out = {"xgboost": xgb.__version__, "model": os.path.basename(model_file),
           "rows": [[None if np.isnan(v) else float(v) for v in r] for r in rows],
           "contribs": [[float(v) for v in r] for r in values]}
    with open(os.path.join(HERE, f"{case}_expected.json"), "w") as f:
        json.dump(out, f)
        f.write("\n")
    print(f"{case}: {len(rows)} rows x {len(rows[0])} features, model {model_file}")


def housing(sluice, csv):
    model = os.path.join(HERE, "housing_model.json")
    sluice_train(sluice, os.path.abspath(csv), "MEDV", model)
    names, _ = model_features(model)
    rows = pd.read_csv(csv)[names].to_numpy(dtype=np.float64)
    write("housing", model, rows, contribs(model, rows, None))


def binary(sluice, csv):
    """A binary:logistic model on housing (MEDV > 25): values in log-odds, the base score a logit."""
    frame = pd.read_csv(csv)
    frame["expensive"] = (frame.pop("MEDV") > 25).astype(int)
    model = os.path.join(HERE, "binary_model.json")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "binary.csv")
        frame.to_csv(path, index=False)
        sluice_train(sluice, path, "expensive", model, rounds=30, depth=4, objective="binary:logistic")
    names, _ = model_features(model)
    rows = frame[names].to_numpy(dtype=np.float64)[:300]
    write("binary", model, rows, contribs(model, rows, None))


def mixed(sluice):
    rng = np.random.default_rng(5)
    n = 600
    x = rng.uniform(0, 10, n)
    z = rng.normal(0, 1, n)
    levels = list("abcdefgh")
    c = rng.integers(0, 8, n)
    y = np.sin(x) * 3 + np.array([3, -1, 4, -2, 0, 5, -3, 1])[c] + 2 * z + rng.normal(0, 0.3, n)
    x[rng.random(n) < 0.1] = np.nan
    z[rng.random(n) < 0.1] = np.nan
    text = np.array([levels[k] for k in c], dtype=object)
    text[rng.random(n) < 0.08] = None
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "mixed.csv")
        pd.DataFrame({"x": x, "kind": text, "z": z, "y": y}).to_csv(csv, index=False)
        model = os.path.join(HERE, "mixed_model.json")
        sluice_train(sluice, csv, "y", model, rounds=20, depth=4)
    names, m = model_features(model)
    cats = category_levels(m)
    columns = {"x": x, "z": z, "kind": np.array([np.nan if t is None else float(cats[names.index("kind")].index(t)) for t in text])}
    rows = np.column_stack([columns[name] for name in names])
    types = ["c" if cats and cats[i] else "float" for i in range(len(names))]
    write("mixed", model, rows, contribs(model, rows, types, names))


def xgboost_categorical():
    rng = np.random.default_rng(14)
    n = 400
    x = rng.uniform(0, 10, n)
    c = rng.integers(0, 8, n).astype(float)
    d = rng.integers(0, 3, n).astype(float)
    y = x / 2 + np.array([3, -1, 4, -2, 0, 5, -3, 1])[c.astype(int)] + np.array([2, -2, 0])[d.astype(int)]
    y += rng.normal(0, 0.3, n)
    c[rng.random(n) < 0.08] = np.nan
    d[rng.random(n) < 0.08] = np.nan
    x[rng.random(n) < 0.05] = np.nan
    rows = np.column_stack([x, c, d])
    types = ["q", "c", "c"]
    train = xgb.DMatrix(rows, label=y, feature_names=["x", "c", "d"], feature_types=types, enable_categorical=True)
    params = {"tree_method": "hist", "max_depth": 4, "eta": 0.3, "objective": "reg:squarederror",
              "max_cat_to_onehot": 4, "nthread": 1, "seed": 0}
    booster = xgb.train(params, train, num_boost_round=10)
    model = os.path.join(HERE, "xgbcat_model.json")
    booster.save_model(model)
    # Training rows, plus every code, unseen codes and missing values.
    probe = np.array([[5.0, float(k), float(k % 3)] for k in range(8)] + [[np.nan, np.nan, np.nan], [2.5, 9.0, 7.0]])
    rows = np.vstack([rows[:200], probe])
    matrix = xgb.DMatrix(rows, feature_names=["x", "c", "d"], feature_types=types, enable_categorical=True)
    write("xgbcat", model, rows, booster.predict(matrix, pred_contribs=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sluice", required=True)
    parser.add_argument("--housing", default="/work/shared/data/HousingData.csv")
    a = parser.parse_args()
    sluice = os.path.abspath(a.sluice)
    housing(sluice, a.housing)
    mixed(sluice)
    xgboost_categorical()
    binary(sluice, a.housing)


if __name__ == "__main__":
    main()
