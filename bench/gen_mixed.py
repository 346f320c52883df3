#!/usr/bin/env python3
"""Deterministic synthetic mixed-type table for the categorical GBDT benchmark.

Columns (header order):
  x0..x19      20 numeric features, x_j ~ N(0,1) (x0..x9 drive the target, the
               rest are noise); printed with 7 significant digits; 2% of x0..x9
               and 5% of x15..x19 missing ("" cells, MCAR).
  c3, c10, c30, c100, c300, c1000
               6 categorical features with 3, 10, 30, 100, 300 and 1000
               string labels ("c30_017" style; c300 and c1000 draw labels with
               Zipf-like frequencies, p_k ~ 1/(k+1)^0.9, the smaller ones
               uniformly; --uniform draws all uniformly); 1% of each missing
               ("" cells).
  date_year, date_month, date_day, date_dow
               a date uniform over 2018-01-01 .. 2024-12-31, expanded into
               numeric parts here (year, month 1-12, day of month, day of week
               0=Monday) because sluice refuses date columns in raw-CSV training;
               both tools get the same parts.
  y            the regression target:
      y = 2 sin(x0) + x1 x2 + 1.5 [x3 > 0.3] + 0.5 x4^2 + 0.8 x5 - 0.6 x6 |x7|
        + A3[c3] + A10[c10] + A30[c30] + A100[c100] x0      (category-dependent slope)
        + A300[c300] + A1000[c1000] + B[c10, c30]          (pairwise interaction)
        + 0.4 (year - 2021) / 3 + 0.7 sin(2 pi month / 12) + 0.5 [dow >= 5]
        + N(0, 1)
    where every A/B table holds N(0, s) effects drawn once from the seed
    (s = 1.0 for A3..A300, 0.8 for A1000 and B). A missing category or numeric
    takes the value it was generated with for y (the NaN is only in the file),
    so missingness is pure noise for both tools.

--rows is the number of training rows; test.csv gets rows/4 more (an 80/20 split
of rows*1.25 generated rows). Writes DIR/train.csv, DIR/test.csv and
DIR/SHA256SUMS. NumPy does not promise identical Generator streams across
versions, so the CSV files are the canonical data.

Usage:
  venv/bin/python gen_mixed.py --out /tmp/sluice-mixed [--rows 1000000] [--seed 0]
"""
import argparse
import hashlib
import os
import time

import numpy as np
import pandas as pd

CARDS = (3, 10, 30, 100, 300, 1000)
NUM = 20


def labels(card):
    width = len(str(card - 1))
    return np.array([f"c{card}_{k:0{width}d}" for k in range(card)], dtype=object)


def draw_codes(rng, card, n, uniform=False):
    if card >= 300 and not uniform:
        p = 1.0 / np.arange(1, card + 1) ** 0.9
        p /= p.sum()
        # shuffle so that frequency does not follow label order
        return rng.permutation(card)[rng.choice(card, size=n, p=p)]
    return rng.integers(0, card, size=n)


def generate(n, seed, uniform=False):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, NUM)).astype(np.float32)
    x = X.astype(np.float64)
    codes = {c: draw_codes(rng, c, n, uniform) for c in CARDS}
    eff = {c: rng.normal(0, 0.8 if c == 1000 else 1.0, size=c) for c in CARDS}
    inter = rng.normal(0, 0.8, size=(10, 30))
    days = rng.integers(0, (np.datetime64("2025-01-01") - np.datetime64("2018-01-01")).astype(int), size=n)
    dates = np.datetime64("2018-01-01") + days.astype("timedelta64[D]")
    dti = pd.DatetimeIndex(dates)
    year, month, day, dow = dti.year.to_numpy(), dti.month.to_numpy(), dti.day.to_numpy(), dti.day_of_week.to_numpy()
    y = (2 * np.sin(x[:, 0]) + x[:, 1] * x[:, 2] + 1.5 * (x[:, 3] > 0.3) + 0.5 * x[:, 4] ** 2
         + 0.8 * x[:, 5] - 0.6 * x[:, 6] * np.abs(x[:, 7])
         + eff[3][codes[3]] + eff[10][codes[10]] + eff[30][codes[30]] + eff[100][codes[100]] * x[:, 0]
         + eff[300][codes[300]] + eff[1000][codes[1000]] + inter[codes[10], codes[30]]
         + 0.4 * (year - 2021) / 3 + 0.7 * np.sin(2 * np.pi * month / 12) + 0.5 * (dow >= 5)
         + rng.standard_normal(n))
    cols = {}
    for j in range(NUM):
        v = X[:, j].astype(np.float64)
        rate = 0.02 if j < 10 else (0.05 if j >= 15 else 0.0)
        if rate:
            v[rng.random(n) < rate] = np.nan
        cols[f"x{j}"] = v
    for c in CARDS:
        lab = labels(c)[codes[c]]
        lab[rng.random(n) < 0.01] = ""
        cols[f"c{c}"] = lab
    cols.update(date_year=year, date_month=month, date_day=day, date_dow=dow, y=y)
    return pd.DataFrame(cols)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--rows", type=int, default=1_000_000, help="training rows (test.csv gets rows/4)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--uniform", action="store_true",
                    help="draw c300 and c1000 uniformly too (every category equally frequent)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    t0 = time.perf_counter()
    df = generate(a.rows + a.rows // 4, a.seed, a.uniform)
    print(f"generated {len(df)} rows in {time.perf_counter() - t0:.1f}s; y mean {df.y.mean():.3f} std {df.y.std():.3f}")
    sums = []
    for name, part in (("train.csv", df.iloc[:a.rows]), ("test.csv", df.iloc[a.rows:])):
        p = os.path.join(a.out, name)
        t0 = time.perf_counter()
        part.to_csv(p, index=False, float_format="%.7g", na_rep="")
        sums.append(f"{sha256(p)}  {name}")
        print(f"{name}: {len(part)} rows, {os.path.getsize(p) / 1e6:.1f} MB in {time.perf_counter() - t0:.1f}s", flush=True)
    with open(os.path.join(a.out, "SHA256SUMS"), "w") as f:
        f.write("\n".join(sums) + "\n")


if __name__ == "__main__":
    main()
