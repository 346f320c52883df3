#!/usr/bin/env python3
"""Writes housing_batch.csv: a "current" batch for the monitor stage's drift check.

150 rows of source/HousingData.csv picked by a fixed-seed shuffle (Python's own
random module, seed 2026), without the target MEDV (production batches have no
labels), with drift put into two features: RM (rooms) +0.5 everywhere, and LSTAT
(share of lower-status population) times 1.35. Every other value is as in the
source. Run from this folder: python3 make_batch.py
"""
import csv
import random

with open("../source/HousingData.csv", newline="") as f:
    rows = list(csv.DictReader(f))
order = list(range(len(rows)))
random.Random(2026).shuffle(order)
columns = [c for c in rows[0] if c != "MEDV"]
with open("housing_batch.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(columns)
    for index in sorted(order[:150]):
        row = rows[index]
        if row["RM"] != "NA":
            row["RM"] = f"{float(row['RM']) + 0.5:.3f}"
        if row["LSTAT"] != "NA":
            row["LSTAT"] = f"{float(row['LSTAT']) * 1.35:.2f}"
        writer.writerow([row[c] for c in columns])
