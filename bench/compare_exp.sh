#!/usr/bin/env bash
# A 24-point sweep of the default pipeline's train params, two experiments at a time:
# `sluice exp run -S … -j 2` beside DVC's `dvc exp run --queue -S …` (24 times) and
# `dvc queue start -j 2`, on the same pipeline (pipeline.yaml copied as dvc.yaml: the
# stages run the same `sluice ml …` commands, so both sides do the same ML work and
# the difference is what each tool costs around it).
#
# Both projects start reproduced and committed (DVC queues from a commit), so in both
# `ingest` and `prepare` are up to date and every experiment runs `train` onwards.
#
# Usage: SLUICE=.build/release/sluice DVC=/tmp/dvc-venv/bin/dvc bench/compare_exp.sh
# Needs: git, python3 with DVC installed as in shared/bench/dvc_timing.sh (a venv with
# `pip install dvc`). Never talks to the network (DVC analytics disabled).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SLUICE=$(cd "$(dirname "${SLUICE:-$REPO/.build/release/sluice}")" && pwd)/$(basename "${SLUICE:-sluice}")
DVC=${DVC:-/tmp/dvc-venv/bin/dvc}
WORK=${WORK:-/tmp/sluice-compare-exp}
JOBS=${JOBS:-2}

export DVC_NO_ANALYTICS=1 SHELL=/bin/sh
export GIT_AUTHOR_NAME=bench GIT_COMMITTER_NAME=bench GIT_AUTHOR_EMAIL=bench@localhost GIT_COMMITTER_EMAIL=bench@localhost
# Stages call `sluice ml …`: the same binary on both sides.
mkdir -p "$WORK/bin"
ln -sf "$SLUICE" "$WORK/bin/sluice"
export PATH="$WORK/bin:$PATH"

now() { python3 -c 'import time; print(time.monotonic())'; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

DEPTHS="3 4 5 6"; RATES="0.1 0.2 0.3"; TREES="50 100"

project() {   # project DIR: the default project, committed
  rm -rf "$1"; mkdir -p "$1/data/source" "$1/data/current"
  cp "$REPO/pipeline.yaml" "$REPO/params.yaml" "$1/"
  cp "$REPO/data/source/HousingData.csv" "$1/data/source/"
  cp "$REPO/data/current/housing_batch.csv" "$1/data/current/"
  (cd "$1" && git init -q && printf '.sluice/\nruns/\n' > .gitignore)
}

# ---------------------------------------------------------------- sluice
S=$WORK/sluice
project "$S"
(cd "$S" && sluice repro --no-run > /dev/null 2>&1 && git add -A && git commit -qm baseline)
log "sluice exp run: 24 points, -j $JOBS"
LOAD_S0=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$(now)
(cd "$S" && sluice exp run -S "train.max_depth=${DEPTHS// /,}" -S "train.learning_rate=${RATES// /,}" \
   -S "train.n_estimators=${TREES// /,}" -j "$JOBS" --json > "$WORK/sluice-exp.json" 2> "$WORK/sluice-exp.log")
T1=$(now)
LOAD_S1=$(cut -d' ' -f1-3 /proc/loadavg)
SLUICE_S=$(python3 -c "print(round($T1-$T0,2))")
SLUICE_N=$(python3 -c "import json; r=json.load(open('$WORK/sluice-exp.json')); print(sum(x['status']=='finished' for x in r))")
SLUICE_TRAIN=$(python3 -c "import json; r=json.load(open('$WORK/sluice-exp.json')); print(sum('train' in x['executed'] for x in r))")
log "sluice: $SLUICE_S s, $SLUICE_N finished, train executed $SLUICE_TRAIN times"

# ---------------------------------------------------------------- DVC
D=$WORK/dvc
project "$D"
mv "$D/pipeline.yaml" "$D/dvc.yaml"
(cd "$D" && "$DVC" init -q && "$DVC" config core.site_cache_dir "$D/.site_cache" \
   && "$DVC" repro -q > /dev/null && git add -A && git commit -qm baseline)
log "dvc exp run --queue x24"
LOAD_D0=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$(now)
for d in $DEPTHS; do for r in $RATES; do for t in $TREES; do
  (cd "$D" && "$DVC" exp run --queue -q -S "train.max_depth=$d" -S "train.learning_rate=$r" -S "train.n_estimators=$t" > /dev/null)
done; done; done
T1=$(now)
log "dvc queue start -j $JOBS"
(cd "$D" && "$DVC" queue start -j "$JOBS" > /dev/null)
# `queue start` returns at once; the experiments are done when all 24 succeeded or failed.
# (`queue status` fails now and then while workers hold the repository lock: such a poll
# counts nothing and the loop polls again.)
while [ "$(cd "$D" && "$DVC" queue status 2>/dev/null | grep -cE 'Success|Failed')" -lt 24 ]; do sleep 1; done
T2=$(now)
LOAD_D1=$(cut -d' ' -f1-3 /proc/loadavg)
DVC_QUEUE_S=$(python3 -c "print(round($T1-$T0,2))")
DVC_RUN_S=$(python3 -c "print(round($T2-$T1,2))")
DVC_S=$(python3 -c "print(round($T2-$T0,2))")
DVC_N=$(cd "$D" && "$DVC" queue status 2>/dev/null | grep -c Success || true)
log "dvc: queueing $DVC_QUEUE_S s, running $DVC_RUN_S s, total $DVC_S s, $DVC_N succeeded"

RATIO=$(python3 -c "print(round($DVC_S/$SLUICE_S,1))")
cat <<REPORT
| 24-point sweep, -j $JOBS | wall s | experiments finished | load before → after |
|---|---|---|---|
| sluice exp run | $SLUICE_S | $SLUICE_N (train executed $SLUICE_TRAIN times) | $LOAD_S0 → $LOAD_S1 |
| dvc exp run --queue x24 + dvc queue start | $DVC_S (queueing $DVC_QUEUE_S + running $DVC_RUN_S) | $DVC_N | $LOAD_D0 → $LOAD_D1 |
| ratio | ${RATIO}x | | |
REPORT
