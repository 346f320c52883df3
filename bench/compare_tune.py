#!/usr/bin/env python3
"""sluice `ml tune` beside scikit-learn's RandomizedSearchCV over xgboost.XGBRegressor.

On shared/data/HousingData.csv with the seed's setup (train_test_split test_size 0.2,
train-median imputation, StandardScaler fit on train), for split seeds 0..N-1:

- a 50-iteration random search x 5 folds over max_depth, learning_rate, n_estimators,
  subsample, colsample_bytree, min_child_weight, the same distributions on both sides
  (each tool draws its own points with its own generator);
- the same folds: sluice draws them and writes them (`--folds`), scikit-learn gets them
  as a PredefinedSplit;
- scikit-learn: RandomizedSearchCV(n_jobs=2) over XGBRegressor(tree_method="hist",
  n_jobs=1), refit on the whole training split; sluice: `ml tune` (candidates x folds
  over the 2 cores) then `ml train --params best_params.yaml`, the refit;
- wall time of each (sluice: the two processes; scikit-learn: search.fit), their CPU
  time (user + system: sluice's processes; scikit-learn's process and its joblib
  workers, read with psutil), and the test RMSE of the model each chose. On a machine
  other work also loads, the CPU time ratio is the steadier figure.

Usage: /tmp/xgb-venv/bin/python bench/compare_tune.py --sluice .build/release/sluice [--seeds 5] [--iterations 50]
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data", "HousingData.csv")

# The search space, written once for each side.
SLUICE_SPACE = {
    "max_depth": "randint(3,10)",
    "learning_rate": "loguniform(0.01,0.3)",
    "n_estimators": "randint(50,400)",
    "subsample": "uniform(0.6,1.0)",
    "colsample_bytree": "uniform(0.6,1.0)",
    "min_child_weight": "randint(1,8)",
}
BASE = dict(reg_lambda=1, max_bin=256)


def sklearn_space():
    from scipy.stats import loguniform, randint, uniform
    return {
        "max_depth": randint(3, 10), "learning_rate": loguniform(0.01, 0.3), "n_estimators": randint(50, 400),
        "subsample": uniform(0.6, 0.4), "colsample_bytree": uniform(0.6, 0.4), "min_child_weight": randint(1, 8),
    }


def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y, float) - np.asarray(p, float)) ** 2)))


def sh(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return p


def split(seed):
    from sklearn.impute import SimpleImputer
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler
    df = pd.read_csv(DATA)
    X, y = df.drop(columns=["MEDV"]), df["MEDV"]
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=seed)
    imp = SimpleImputer(strategy="median").fit(Xtr)
    sc = StandardScaler().fit(imp.transform(Xtr))
    Xtr = pd.DataFrame(sc.transform(imp.transform(Xtr)), columns=X.columns)
    Xte = pd.DataFrame(sc.transform(imp.transform(Xte)), columns=X.columns)
    return Xtr, Xte, ytr.to_numpy(), yte.to_numpy()


def run_sluice(a, tmp, seed, Xtr, Xte, ytr, yte):
    tr, te = os.path.join(tmp, "train.csv"), os.path.join(tmp, "test.csv")
    Xtr.assign(MEDV=ytr).to_csv(tr, index=False, float_format="%.17g")
    Xte.assign(MEDV=yte).to_csv(te, index=False, float_format="%.17g")
    lines = ["train:", "  objective: reg:squarederror", "  seed: 42"] + [f"  {k}: {v}" for k, v in BASE.items()]
    lines += ["tune:", f"  cv: {a.folds}", "  method: random", f"  n_iter: {a.iterations}", f"  seed: {seed}", "  space:"]
    lines += [f"    {k}: '{v}'" for k, v in SLUICE_SPACE.items()]
    with open(os.path.join(tmp, "params.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    sh([a.sluice, "ml", "tune", "--train", tr, "--target", "MEDV", "--out", "best.yaml", "--metrics", "tune.json",
        "--folds", "folds.csv"], tmp)
    t_tune = time.perf_counter() - t0
    sh([a.sluice, "ml", "train", "--train", tr, "--target", "MEDV", "--params", "best.yaml", "--model", "model.json"], tmp)
    t_total = time.perf_counter() - t0
    cpu = children_cpu() - cpu0
    sh([a.sluice, "ml", "predict", "--model", "model.json", "--input", te, "--out", "pred.csv"], tmp)
    pred = pd.read_csv(os.path.join(tmp, "pred.csv"))["prediction"].to_numpy(float)
    folds = pd.read_csv(os.path.join(tmp, "folds.csv"))["fold"].to_numpy(int)
    with open(os.path.join(tmp, "tune.json")) as f:
        best = json.load(f)["best"]
    return t_tune, t_total, rmse(yte, pred), folds, best, cpu


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_cpu():
    """CPU seconds of this process and every process under it (joblib's workers)."""
    import psutil
    me = psutil.Process()
    total = 0.0
    for p in [me] + me.children(recursive=True):
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def run_sklearn(a, seed, folds, Xtr, Xte, ytr, yte):
    import xgboost as xgb
    from sklearn.model_selection import PredefinedSplit, RandomizedSearchCV
    model = xgb.XGBRegressor(tree_method="hist", n_jobs=1, random_state=42, **BASE)
    search = RandomizedSearchCV(model, sklearn_space(), n_iter=a.iterations, cv=PredefinedSplit(folds),
                                scoring="neg_root_mean_squared_error", n_jobs=2, random_state=seed, refit=True)
    cpu0 = tree_cpu()
    t0 = time.perf_counter()
    search.fit(Xtr, ytr)
    wall = time.perf_counter() - t0
    cpu = tree_cpu() - cpu0
    return wall, rmse(yte, search.predict(Xte)), -search.best_score_, search.best_params_, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sluice", required=True)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    a.sluice = os.path.abspath(a.sluice)
    print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
    rows = []
    for seed in range(a.seeds):
        Xtr, Xte, ytr, yte = split(seed)
        with tempfile.TemporaryDirectory() as tmp:
            s_tune, s_total, s_rmse, folds, best, s_cpu = run_sluice(a, tmp, seed, Xtr, Xte, ytr, yte)
        k_wall, k_rmse, k_cv, k_best, k_cpu = run_sklearn(a, seed, folds, Xtr, Xte, ytr, yte)
        rows.append((s_tune, s_total, s_rmse, k_wall, k_rmse, s_cpu, k_cpu))
        print(f"seed {seed}: sluice tune {s_tune:.2f} s + refit = {s_total:.2f} s, CV rmse {best['mean_rmse']:.4f}, test RMSE {s_rmse:.4f}"
              f" | sklearn {k_wall:.2f} s, CV rmse {k_cv:.4f}, test RMSE {k_rmse:.4f} | time ratio {s_total / k_wall:.3f}"
              f" | CPU sluice {s_cpu:.2f} s, sklearn {k_cpu:.2f} s, ratio {s_cpu / k_cpu:.3f}", flush=True)
    r = np.array(rows)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    summary = {
        "seeds": a.seeds, "iterations": a.iterations, "folds": a.folds,
        "sluice_seconds": r[:, 1].mean(), "sluice_tune_seconds": r[:, 0].mean(), "sklearn_seconds": r[:, 3].mean(),
        "time_ratio": r[:, 1].mean() / r[:, 3].mean(),
        "sluice_cpu_seconds": r[:, 5].mean(), "sklearn_cpu_seconds": r[:, 6].mean(), "cpu_ratio": r[:, 5].mean() / r[:, 6].mean(),
        "sluice_test_rmse": r[:, 2].mean(), "sluice_test_rmse_sd": r[:, 2].std(),
        "sklearn_test_rmse": r[:, 4].mean(), "sklearn_test_rmse_sd": r[:, 4].std(),
    }
    print(f"mean over {a.seeds} seeds: sluice {summary['sluice_seconds']:.2f} s (tune {summary['sluice_tune_seconds']:.2f} s), "
          f"sklearn {summary['sklearn_seconds']:.2f} s, ratio {summary['time_ratio']:.3f} (CPU ratio {summary['cpu_ratio']:.3f}); test RMSE sluice "
          f"{summary['sluice_test_rmse']:.4f} ± {summary['sluice_test_rmse_sd']:.4f}, sklearn "
          f"{summary['sklearn_test_rmse']:.4f} ± {summary['sklearn_test_rmse_sd']:.4f}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
