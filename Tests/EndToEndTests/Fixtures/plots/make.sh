#!/bin/sh
# Writes the plot data of round $1: the values scale with the round, so two runs differ.
set -e
r=$1
mkdir -p out
awk -F, -v OFS=, -v r="$r" 'NR==1 {print; next} {$2=$2*r; $3=$3*r; print}' source/history.csv > out/history.csv
sed "s/ROUND/$r/" source/importance.json > out/importance.json
cp source/confusion.tsv out/confusion.tsv
cp source/points.yaml out/points.yaml
