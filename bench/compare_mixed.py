#!/usr/bin/env python3
"""End-to-end from CSV on a mixed-type table: sluice vs XGBoost 3 native categorical.

Needs the venv of shared/bench (xgboost, pandas, numpy) and the data of
gen_mixed.py (train.csv, test.csv in DIR):
    venv/bin/python gen_mixed.py --out /tmp/sluice-mixed
    venv/bin/python compare_mixed.py --sluice .build/release/sluice /tmp/sluice-mixed

Each tool runs in its own process under /usr/bin/time (peak RSS):
  xgboost: pandas.read_csv(train.csv) with category dtype for the text columns,
           QuantileDMatrix(enable_categorical=True, max_bin=256, nthread=2), then
           xgb.train with the parameters of
           XGBRegressor(tree_method="hist", enable_categorical=True, n_estimators=100,
           max_depth=6, learning_rate=0.1, nthread=2, max_cat_to_onehot=4, max_bin=256)
           (the native API, so that each phase is timed). Its time is the sum of the
           three phases (imports and interpreter start are not counted); its peak RSS
           is the process's maximum after training (ru_maxrss), before it reads test.csv.
  sluice:  `ml train --train train.csv --target y` with the same parameters in
           params.yaml; its time is the wall time of the whole process (start, read,
           bin, train, write the model), its peak RSS /usr/bin/time's.
Holdout RMSE on test.csv: xgboost on test.csv read with the training categories;
sluice through `ml predict`. As a check of the model file, XGBoost also loads
sluice's model and predicts test.csv (categories recoded to the model's).

Targets (issue 14): time <= 0.8 x XGBoost's, RMSE within 1%, peak memory <= XGBoost's.
Run it on an otherwise idle machine; it prints the load average first.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

PARAMS = dict(n_estimators=100, max_depth=6, learning_rate=0.1, max_bin=256, min_child_weight=1,
              reg_lambda=1, max_cat_to_onehot=4, max_cat_threshold=64, seed=0)
TARGET = "y"


def category_columns(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    return [c for c in header if c.startswith("c")]


def xgb_worker(data, out, threads, top=None):
    """Runs in its own process: read, matrix, train; then predicts test.csv. With `top`,
    only each column's `top` most frequent categories are kept (the rest missing), as
    sluice keeps 254."""
    import numpy as np
    import pandas as pd
    import xgboost as xgb
    train, test = os.path.join(data, "train.csv"), os.path.join(data, "test.csv")
    cats = category_columns(train)
    t0 = time.perf_counter()
    df = pd.read_csv(train, dtype={c: "category" for c in cats})
    t_read = time.perf_counter() - t0
    y = df.pop(TARGET)
    for c in cats if top else []:
        if len(df[c].cat.categories) > top:
            df[c] = df[c].cat.set_categories([str(k) for k in df[c].value_counts().index[:top]])
    t0 = time.perf_counter()
    d = xgb.QuantileDMatrix(df, y, enable_categorical=True, max_bin=PARAMS["max_bin"], nthread=threads)
    t_matrix = time.perf_counter() - t0
    params = dict(objective="reg:squarederror", tree_method="hist", max_depth=PARAMS["max_depth"],
                  eta=PARAMS["learning_rate"], max_bin=PARAMS["max_bin"], min_child_weight=PARAMS["min_child_weight"],
                  reg_lambda=PARAMS["reg_lambda"], max_cat_to_onehot=PARAMS["max_cat_to_onehot"],
                  max_cat_threshold=PARAMS["max_cat_threshold"], nthread=threads, seed=0, verbosity=0)
    t0 = time.perf_counter()
    bst = xgb.train(params, d, num_boost_round=PARAMS["n_estimators"])
    t_train = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    dtypes = {c: pd.CategoricalDtype(df[c].cat.categories) for c in cats}
    del d, df
    te = pd.read_csv(test, dtype={c: "category" for c in cats})
    for c in cats:
        values = te[c].astype(object)
        te[c] = pd.Categorical(values.where(values.isin(dtypes[c].categories)), dtype=dtypes[c])
    pred = bst.inplace_predict(te.drop(columns=[TARGET]))
    np.save(out, pred.astype(np.float64))
    print(json.dumps(dict(read=t_read, matrix=t_matrix, train=t_train, peak_kb=peak_kb)))


def busy_seconds():
    """CPU seconds the whole machine has spent busy since boot (all cores, /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


OTHERS = []  # (command, CPU seconds other processes used while it ran, its wall time)


def timed(cmd, cwd=None):
    t0, b0 = time.perf_counter(), busy_seconds()
    p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *cmd], cwd=cwd, capture_output=True, text=True)
    wall, busy = time.perf_counter() - t0, busy_seconds() - b0
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    rss, user, system = p.stderr.strip().splitlines()[-1].split()
    OTHERS.append((os.path.basename(cmd[0]) + " " + " ".join(cmd[1:3]), max(0.0, busy - float(user) - float(system)), wall))
    return wall, int(rss), p


def rmse(y, p):
    import numpy as np
    return float(np.sqrt(np.mean((np.asarray(y, float) - np.asarray(p, float)) ** 2)))


def run_sluice(a, tmp):
    with open(os.path.join(tmp, "params.yaml"), "w") as f:
        f.write("train:\n  objective: reg:squarederror\n")
        f.write("".join(f"  {k}: {v}\n" for k, v in PARAMS.items()))
        f.write(f"  n_jobs: {a.threads}\n")
    model, preds = os.path.join(tmp, "model.json"), os.path.join(tmp, "pred.csv")
    wall, rss, p = timed([a.sluice, "ml", "train", "--train", os.path.join(a.data, "train.csv"), "--target", TARGET,
                          "--model", model, "--metrics", "metrics.json"], cwd=tmp)
    warnings = [line for line in (p.stdout + p.stderr).splitlines() if "warning" in line.lower()]
    with open(os.path.join(tmp, "metrics.json")) as f:
        metrics = json.load(f)
    timed([a.sluice, "ml", "predict", "--model", model, "--input", os.path.join(a.data, "test.csv"), "--out", preds], cwd=tmp)
    return wall, rss, metrics, warnings, model, preds


def check_with_xgboost(model, data, sluice_pred):
    """XGBoost loads sluice's model and predicts test.csv; returns max |diff| to `ml predict`."""
    import numpy as np
    import pandas as pd
    import xgboost as xgb
    bst = xgb.Booster(model_file=model)
    test = os.path.join(data, "test.csv")
    cats = category_columns(test)
    with open(model) as f:
        m = json.load(f)
    names = m["learner"].get("feature_names") or []
    te = pd.read_csv(test, dtype={c: "category" for c in cats}).drop(columns=[TARGET])
    te = te[names] if names else te
    # The model's own categories (unseen test values become NaN, as `ml predict` takes them).
    for name, enc in zip(te.columns, m["learner"]["gradient_booster"]["model"].get("cats", {}).get("enc", [])):
        offsets, raw = enc.get("offsets") or [], bytes(enc.get("values") or [])
        if offsets:
            levels = [raw[s:e].decode() for s, e in zip(offsets, offsets[1:])]
            values = te[name].astype(object)
            te[name] = pd.Categorical(values.where(values.isin(levels)), categories=levels)
    try:
        got = bst.inplace_predict(te)
    except Exception as e:  # noqa: BLE001 - report whatever XGBoost says
        return f"xgboost could not predict with sluice's model: {e}"
    return float(np.max(np.abs(got - sluice_pred)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="folder with train.csv and test.csv from gen_mixed.py")
    ap.add_argument("--sluice", help="path to the sluice binary")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--xgb-top-categories", type=int, metavar="N",
                    help="xgboost keeps only each column's N most frequent categories (254: what sluice keeps)")
    ap.add_argument("--xgb-worker", metavar="OUT.npy", help=argparse.SUPPRESS)
    a = ap.parse_args()
    a.data = os.path.abspath(a.data)
    if a.xgb_worker:
        return xgb_worker(a.data, a.xgb_worker, a.threads, a.xgb_top_categories)
    if not a.sluice:
        ap.error("--sluice is required")
    a.sluice = os.path.abspath(a.sluice)
    import numpy as np
    import pandas as pd
    print(f"load before: {os.getloadavg()}")
    y = pd.read_csv(os.path.join(a.data, "test.csv"), usecols=[TARGET])[TARGET].to_numpy()
    with tempfile.TemporaryDirectory() as tmp:
        xout = os.path.join(tmp, "xgb_pred.npy")
        top = ["--xgb-top-categories", str(a.xgb_top_categories)] if a.xgb_top_categories else []
        _, x_rss, p = timed([sys.executable, os.path.abspath(__file__), a.data, "--xgb-worker", xout,
                             "--threads", str(a.threads), *top])
        x = json.loads(p.stdout.strip().splitlines()[-1])
        x_pred = np.load(xout)
        print(f"load between: {os.getloadavg()}")
        s_wall, s_rss, metrics, warnings, model, preds = run_sluice(a, tmp)
        s_pred = pd.read_csv(preds)["prediction"].to_numpy(dtype=np.float64)
        check = check_with_xgboost(model, a.data, s_pred)
    x_total = x["read"] + x["matrix"] + x["train"]
    x_rmse, s_rmse = rmse(y, x_pred), rmse(y, s_pred)
    fit = metrics.get("fit_seconds")
    print(f"load after: {os.getloadavg()}")
    for name, cpu, wall in OTHERS:
        print(f"other processes while `{name}` ran: {cpu:.1f} CPU s in {wall:.1f} s ({cpu / wall:.2f} cores)")
    for w in warnings:
        print(f"sluice: {w}")
    print(f"xgboost {xgb_version()}: read_csv {x['read']:.2f}s + QuantileDMatrix {x['matrix']:.2f}s + train {x['train']:.2f}s")
    print(f"sluice: `ml train` wall {s_wall:.2f}s (fit_seconds {fit})")
    print()
    print(f"| | xgboost | sluice | ratio | target |")
    print(f"|---|---|---|---|---|")
    print(f"| time from CSV (s) | {x_total:.2f} | {s_wall:.2f} | {s_wall / x_total:.3f} | <= 0.8 |")
    print(f"| holdout RMSE | {x_rmse:.4f} | {s_rmse:.4f} | {s_rmse / x_rmse:.4f} | <= 1.01 |")
    print(f"| peak RSS (MB) | {x['peak_kb'] / 1024:.0f} | {s_rss / 1024:.0f} | {s_rss / x['peak_kb']:.3f} | <= 1.0 |")
    print()
    print(f"xgboost process peak incl. test prediction {x_rss / 1024:.0f} MB; "
          f"xgboost on sluice's model vs `ml predict`: max |diff| {check}")
    print(json.dumps(dict(xgb_seconds=x_total, sluice_seconds=s_wall, time_ratio=s_wall / x_total,
                          xgb_rmse=x_rmse, sluice_rmse=s_rmse, rmse_ratio=s_rmse / x_rmse,
                          xgb_peak_mb=x["peak_kb"] / 1024, sluice_peak_mb=s_rss / 1024)))


def xgb_version():
    import xgboost
    return xgboost.__version__


if __name__ == "__main__":
    main()
