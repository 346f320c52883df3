#!/usr/bin/env python3
"""Writes the scipy answers the Drift tests compare against (drift_fixtures.json).

Run with scipy and numpy installed (a benchmark/test-time dependency only):
    python3 -m venv /tmp/drift-venv && /tmp/drift-venv/bin/pip install scipy numpy
    /tmp/drift-venv/bin/python make_drift_fixtures.py

Samples are not stored: both sides generate them from a spec with the same
SplitMix64 sequence and the same few IEEE operations (DeterministicSample.swift
mirrors `sample` below), so a million-value case costs one line of JSON.
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

MASK = (1 << 64) - 1
FLOOR = 1e-4  # DriftDefaults.emptyBinFloor


def splitmix(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def sample(spec):
    """Values of a spec; every nan_every-th value (1-based) is NaN."""
    shape, shift, scale = spec["shape"], spec["shift"], spec["scale"]
    nan_every = spec.get("nan_every", 0)
    out = []
    for index, z in zip(range(spec["count"]), splitmix(spec["seed"])):
        u = (z >> 11) * (2.0 ** -53)
        if shape == "uniform":
            value = shift + scale * u
        elif shape == "ties":
            value = shift + scale * (math.floor(u * 40.0) / 40.0)
        elif shape == "square":
            value = shift + scale * (u * u)
        else:
            raise ValueError(shape)
        if nan_every and (index + 1) % nan_every == 0:
            value = float("nan")
        out.append(value)
    return np.array(out, dtype=np.float64)


def decile_bins(reference, current, bins=10):
    edges = np.quantile(reference, np.arange(1, bins) / bins)
    ref_counts = np.bincount(np.searchsorted(edges, reference, side="left"), minlength=bins)
    cur_counts = np.bincount(np.searchsorted(edges, current, side="left"), minlength=bins)
    return edges, ref_counts.astype(float), cur_counts.astype(float)


def psi(ref_counts, cur_counts):
    r = ref_counts / ref_counts.sum()
    c = cur_counts / cur_counts.sum()
    r = np.where(r == 0, FLOOR, r)
    c = np.where(c == 0, FLOOR, c)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric_case(name, reference, current):
    a_all, b_all = sample(reference), sample(current)
    a, b = a_all[~np.isnan(a_all)], b_all[~np.isnan(b_all)]
    ks = stats.ks_2samp(a, b)
    edges, ref_counts, cur_counts = decile_bins(a, b)
    return {
        "name": name, "reference": reference, "current": current,
        "ks_statistic": float(ks.statistic), "ks_pvalue": float(ks.pvalue),
        "ks_exact": bool(max(len(a), len(b)) <= 10000),
        "wasserstein": float(stats.wasserstein_distance(a, b)),
        "reference_std": float(np.std(a)),
        "decile_edges": [float(e) for e in edges],
        "reference_bin_counts": [int(c) for c in ref_counts],
        "current_bin_counts": [int(c) for c in cur_counts],
        "psi": psi(ref_counts, cur_counts),
        "js": float(distance.jensenshannon(ref_counts, cur_counts, base=2)),
        "missing_rate_reference": float(np.isnan(a_all).mean()),
        "missing_rate_current": float(np.isnan(b_all).mean()),
    }


def spec(seed, count, shape="uniform", shift=0.0, scale=10.0, nan_every=0):
    return {"seed": seed, "count": count, "shape": shape, "shift": shift, "scale": scale, "nan_every": nan_every}


NUMERIC = [
    ("10 vs 10, one sample with ties and NaNs", spec(1, 10, "ties"), spec(2, 10, "ties", 1.0, nan_every=4)),
    ("10 vs 10, same distribution", spec(3, 10), spec(4, 10)),
    ("100 vs 100 ties, shifted", spec(5, 100, "ties"), spec(6, 100, "ties", 0.5)),
    ("100 vs 80, shifted", spec(7, 100), spec(8, 80, shift=1.0)),
    ("100 vs 100, different shape", spec(9, 100), spec(10, 100, "square")),
    ("10^4 vs 10^4, small shift", spec(11, 10000), spec(12, 10000, shift=0.1)),
    ("10^4 vs 10^4 with NaNs, ties", spec(13, 10000, "ties", nan_every=7), spec(14, 10000, "ties", 0.05, nan_every=5)),
    ("10^4 vs 10^4, same distribution", spec(15, 10000), spec(16, 10000)),
    ("10^4 vs 9000, shifted", spec(17, 10000), spec(18, 9000, shift=0.3)),
    ("2*10^4 vs 50, same distribution", spec(19, 20000), spec(20, 50)),
    ("2*10^4 vs 50, shifted", spec(21, 20000), spec(22, 50, shift=2.0)),
    ("2*10^4 vs 50, far apart", spec(23, 20000), spec(24, 50, shift=5.0)),
    ("2*10^4 vs 120, shifted a little", spec(25, 20000), spec(26, 120, shift=0.8)),
    ("10001 vs 10^4, same distribution", spec(27, 10001), spec(28, 10000)),
    ("10001 vs 10^4, shifted", spec(29, 10001), spec(30, 10000, shift=0.2)),
    ("10^6 vs 10^6, same distribution", spec(31, 1000000), spec(32, 1000000)),
    ("10^6 vs 10^6 ties with NaNs, shifted", spec(33, 1000000, "ties", nan_every=11), spec(34, 1000000, "ties", 0.01, nan_every=3)),
]

CATEGORICAL = [
    ("two categories (Yates)", {"a": 30, "b": 70}, {"a": 45, "b": 55}),
    ("two categories, equal", {"a": 50, "b": 50}, {"a": 50, "b": 50}),
    ("three categories", {"x": 100, "y": 200, "z": 300}, {"x": 120, "y": 180, "z": 330}),
    ("unseen category in current", {"x": 500, "y": 500}, {"x": 480, "y": 470, "new": 50}),
    ("category gone from current", {"p": 10, "q": 20, "r": 30}, {"p": 15, "q": 25}),
    ("single category", {"only": 40}, {"only": 7}),
    ("many categories, large counts", {f"c{i:02d}": 1000 + 37 * i for i in range(40)},
     {f"c{i:02d}": 900 + 41 * i + (i % 3) * 25 for i in range(40)}),
]


def categorical_case(name, reference, current):
    keys = sorted(set(reference) | set(current))
    ref = np.array([reference.get(k, 0) for k in keys], dtype=float)
    cur = np.array([current.get(k, 0) for k in keys], dtype=float)
    case = {"name": name, "reference": reference, "current": current}
    if len(keys) > 1:
        chi2, p, dof, _ = stats.chi2_contingency(np.vstack([ref, cur]))
        case.update(contingency_statistic=float(chi2), contingency_pvalue=float(p), contingency_dof=int(dof))
        proportions = np.where(ref == 0, FLOOR, ref / ref.sum())
        proportions = proportions / proportions.sum()
        gof = stats.chisquare(cur, f_exp=proportions * cur.sum())
        case.update(gof_statistic=float(gof.statistic), gof_pvalue=float(gof.pvalue))
    case.update(psi=psi(ref, cur), js=float(distance.jensenshannon(ref, cur, base=2)))
    return case


def kolmogorov_grid():
    rows = []
    for n in [1, 2, 3, 5, 10, 50, 140, 141, 500, 1000, 5000, 50000, 100000, 100001, 500000, 2000000]:
        xs = [0.4 / n, 0.75 / n, 1.0 / n, 1.5 / n]
        xs += [math.sqrt(v / n) for v in (0.05, 0.2, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 50.0, 200.0, 400.0)]
        xs += [0.3, 0.5, 0.6, 0.9, 1.0 - 1.5 / n]
        for x in xs:
            if 0 < x < 1:
                rows.append([n, x, float(stats.kstwo.sf(x, n))])
    return rows


def smirnov_grid():
    rows = []
    for n in [1, 2, 5, 20, 141, 1000, 100000, 2000000]:
        for x in [0.5 / n, 1.0 / n, 2.0 / n, math.sqrt(0.3 / n), math.sqrt(2.2 / n), math.sqrt(10.0 / n), 0.4, 0.7, 0.99]:
            if 0 < x < 1:
                rows.append([n, x, float(special.smirnov(n, x))])
    return rows


def chi2_grid():
    rows = []
    for df in [1, 2, 3, 5, 10, 30, 100, 1000, 10000]:
        for factor in [0.01, 0.1, 0.5, 0.9, 1.0, 1.1, 1.5, 2.0, 5.0, 10.0]:
            x = df * factor
            rows.append([df, x, float(stats.chi2.sf(x, df))])
    return rows


def main():
    fixtures = {
        "generator": f"scipy {scipy.__version__}, numpy {np.__version__}",
        "numeric": [numeric_case(*case) for case in NUMERIC],
        "categorical": [categorical_case(*case) for case in CATEGORICAL],
        "kolmogorov_sf": kolmogorov_grid(),
        "smirnov_sf": smirnov_grid(),
        "chi2_sf": chi2_grid(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drift_fixtures.json")
    with open(path, "w") as f:
        json.dump(fixtures, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
