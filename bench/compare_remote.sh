#!/usr/bin/env bash
# Push and pull through an S3 remote, sluice beside DVC, against the same moto server
# (authentication on, one bucket), and the large file also with `aws s3 cp`:
#   - 10,000 files of 10 KB in one directory (a stage output for sluice, `dvc add` for DVC);
#   - one 1 GiB file (a stage output / `dvc add`; `aws s3 cp` up and down).
# Pull is timed into an empty cache with the workspace copy removed.
#
# Usage: SLUICE=.build/release/sluice bench/compare_remote.sh
# Needs: /tmp/moto-venv (moto[server], boto3) and /tmp/dvc-s3-venv (pip install "dvc[s3]" awscli).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SLUICE=$(cd "$(dirname "${SLUICE:-$REPO/.build/release/sluice}")" && pwd)/$(basename "${SLUICE:-sluice}")
DVC=${DVC:-/tmp/dvc-s3-venv/bin/dvc}
AWS=${AWS:-/tmp/dvc-s3-venv/bin/aws}
MOTO_PYTHON=${MOTO_PYTHON:-/tmp/moto-venv/bin/python}
PORT=${PORT:-5082}
WORK=${WORK:-/tmp/sluice-compare-remote}
SMALL=${SMALL:-10000}
BIG_MB=${BIG_MB:-1024}
JOBS=${JOBS:-}   # -j for both tools; empty: each tool's default (sluice 16, DVC 4 x cores)

export DVC_NO_ANALYTICS=1 SHELL=/bin/sh AWS_DEFAULT_REGION=us-east-1
export GIT_AUTHOR_NAME=bench GIT_COMMITTER_NAME=bench GIT_AUTHOR_EMAIL=bench@localhost GIT_COMMITTER_EMAIL=bench@localhost
now() { python3 -c 'import time; print(time.monotonic())'; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
secs() { python3 -c "print(round($2-$1,2))"; }
J=(); if [ -n "$JOBS" ]; then J=(-j "$JOBS"); fi

rm -rf "$WORK"; mkdir -p "$WORK/src/small"
python3 "$REPO/.ci/s3_server.py" "$MOTO_PYTHON" "$PORT" "$WORK/env"
# shellcheck disable=SC1091
. "$WORK/env"
trap 'kill "$S3_SERVER_PID" 2>/dev/null || true' EXIT
ENDPOINT=$SLUICE_TEST_S3_ENDPOINT

log "generating $SMALL files of 10 KB and one $BIG_MB MiB file"
python3 - "$WORK/src/small" "$SMALL" <<'PY'
import os, random, sys
rng = random.Random(18)
for i in range(int(sys.argv[2])):
    with open(os.path.join(sys.argv[1], f"{i:05}.bin"), "wb") as f: f.write(rng.randbytes(10240))
PY
head -c "$((BIG_MB << 20))" /dev/urandom > "$WORK/src/big.bin"

# Warm-up, untimed: a fresh moto grows its heap to hold the first large object (the
# parts, then their concatenation), which made whichever tool went first up to twice
# as slow. One upload and removal of the large file first, so no tool pays for it.
log "warm-up: one untimed upload of the large file"
"$AWS" --endpoint-url "$ENDPOINT" s3 cp --quiet "$WORK/src/big.bin" s3://sluice-test/warm-up/big.bin
"$AWS" --endpoint-url "$ENDPOINT" s3 rm --quiet s3://sluice-test/warm-up/big.bin

# ---------------------------------------------------------------- sluice
S=$WORK/sluice; mkdir -p "$S" && cd "$S"
cat > pipeline.yaml <<YAML
stages:
  small:
    cmd: cp -R $WORK/src/small data/small
    outs: [data/small]
  big:
    cmd: cp $WORK/src/big.bin data/big.bin
    outs: [data/big.bin]
YAML
mkdir -p data && "$SLUICE" repro > /dev/null 2>&1
"$SLUICE" remote add -d storage s3://sluice-test/sluice > /dev/null
"$SLUICE" remote modify storage endpointurl "$ENDPOINT" > /dev/null
# Both pushes first (a pull empties the cache), then each pull into an empty cache.
timed() { local t0 t1; t0=$(now); "$@" > /dev/null; t1=$(now); secs "$t0" "$t1"; }
log "sluice: push"
S_SMALL_PUSH=$(timed "$SLUICE" push small "${J[@]}")
S_BIG_PUSH=$(timed "$SLUICE" push big "${J[@]}")
rm -rf .sluice/cache data/small
S_SMALL_PULL=$(timed "$SLUICE" pull small "${J[@]}")
rm -rf .sluice/cache data/big.bin
S_BIG_PULL=$(timed "$SLUICE" pull big "${J[@]}")
log "sluice: small push $S_SMALL_PUSH s, pull $S_SMALL_PULL s; big push $S_BIG_PUSH s, pull $S_BIG_PULL s"
cmp data/big.bin "$WORK/src/big.bin" && diff -r data/small "$WORK/src/small"

# The large upload again, sluice and `aws s3 cp` taking turns over three rounds (one
# upload to moto varies by up to a third from run to run, and the first one after a
# project's repro ran slower still): the table gives each tool's median of the three.
S_ROUNDS=(); A_ROUNDS=()
for round in 1 2 3; do
  for tool in $([ $((round % 2)) = 1 ] && echo "sluice aws" || echo "aws sluice"); do
    if [ "$tool" = sluice ]; then
      "$AWS" --endpoint-url "$ENDPOINT" s3 rm --recursive --quiet s3://sluice-test/sluice/files/
      S_ROUNDS+=("$(timed "$SLUICE" push big "${J[@]}")")
    else
      t0=$(now); "$AWS" --endpoint-url "$ENDPOINT" s3 cp --quiet "$WORK/src/big.bin" s3://sluice-test/aws/round.bin; t1=$(now)
      A_ROUNDS+=("$(secs "$t0" "$t1")")
      "$AWS" --endpoint-url "$ENDPOINT" s3 rm --quiet s3://sluice-test/aws/round.bin
    fi
  done
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
log "large upload, taking turns: sluice ${S_ROUNDS[*]} s, aws s3 cp ${A_ROUNDS[*]} s"
S_BIG_PUSH=$(median "${S_ROUNDS[@]}"); A_BIG_ROUND=$(median "${A_ROUNDS[@]}")
"$AWS" --endpoint-url "$ENDPOINT" s3 rm --recursive --quiet s3://sluice-test/sluice/
cd "$WORK" && rm -rf "$S"

# ---------------------------------------------------------------- aws s3 cp
cd "$WORK"
log "aws s3 cp: big file"
t0=$(now); "$AWS" --endpoint-url "$ENDPOINT" s3 cp --quiet src/big.bin s3://sluice-test/aws/big.bin; t1=$(now)
t2=$(now); "$AWS" --endpoint-url "$ENDPOINT" s3 cp --quiet s3://sluice-test/aws/big.bin "$WORK/aws-big.bin"; t3=$(now)
A_BIG_PUSH=$(secs "$t0" "$t1"); A_BIG_PULL=$(secs "$t2" "$t3")
log "aws: up $A_BIG_PUSH s, down $A_BIG_PULL s"
rm -f "$WORK/aws-big.bin"; "$AWS" --endpoint-url "$ENDPOINT" s3 rm --quiet s3://sluice-test/aws/big.bin

# ---------------------------------------------------------------- DVC
D=$WORK/dvc; mkdir -p "$D/data" && cd "$D"
git init -q && "$DVC" init -q && "$DVC" config core.site_cache_dir "$D/.site_cache"
cp -R "$WORK/src/small" data/small && cp "$WORK/src/big.bin" data/big.bin
"$DVC" add -q data/small data/big.bin
"$DVC" remote add -d storage s3://sluice-test/dvc > /dev/null
"$DVC" remote modify storage endpointurl "$ENDPOINT"
log "dvc: push"
D_SMALL_PUSH=$(timed "$DVC" push -q "${J[@]}" data/small.dvc)
D_BIG_PUSH=$(timed "$DVC" push -q "${J[@]}" data/big.bin.dvc)
rm -rf .dvc/cache .site_cache data/small
D_SMALL_PULL=$(timed "$DVC" pull -q "${J[@]}" data/small.dvc)
rm -rf .dvc/cache .site_cache data/big.bin
D_BIG_PULL=$(timed "$DVC" pull -q "${J[@]}" data/big.bin.dvc)
log "dvc: small push $D_SMALL_PUSH s, pull $D_SMALL_PULL s; big push $D_BIG_PUSH s, pull $D_BIG_PULL s"
cmp data/big.bin "$WORK/src/big.bin" && diff -r data/small "$WORK/src/small"
cd "$WORK" && rm -rf "$D"

ratio() { python3 -c "print(round($1/$2,2))"; }
cat <<TABLE
| case | sluice | DVC $("$DVC" --version) | aws s3 cp | DVC / sluice | sluice / aws |
|---|---|---|---|---|---|
| push $SMALL x 10 KB | $S_SMALL_PUSH s | $D_SMALL_PUSH s | | $(ratio "$D_SMALL_PUSH" "$S_SMALL_PUSH")x | |
| pull $SMALL x 10 KB | $S_SMALL_PULL s | $D_SMALL_PULL s | | $(ratio "$D_SMALL_PULL" "$S_SMALL_PULL")x | |
| push 1 x $BIG_MB MiB (median of 3, taking turns) | $S_BIG_PUSH s | $D_BIG_PUSH s | $A_BIG_ROUND s | $(ratio "$D_BIG_PUSH" "$S_BIG_PUSH")x | $(ratio "$S_BIG_PUSH" "$A_BIG_ROUND") |
| pull 1 x $BIG_MB MiB | $S_BIG_PULL s | $D_BIG_PULL s | $A_BIG_PULL s | $(ratio "$D_BIG_PULL" "$S_BIG_PULL")x | $(ratio "$S_BIG_PULL" "$A_BIG_PULL") |
TABLE
