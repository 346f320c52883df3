#!/usr/bin/env bash
# "Server killed mid-push": a push to moto through a TCP proxy that is killed while the
# push runs; the proxy comes back, the same push is run again, and then every object
# must be on the server under its final key with the content its name says, and a
# fresh clone must pull it all back.
#
# Why a proxy: moto keeps its objects in memory, so killing moto itself would also
# drop what the first push had stored, and the retry would prove nothing about
# partial state. Killing the proxy cuts every connection mid-request exactly as a
# dying server does, while the store behind it keeps whatever it fully received;
# that is the state a real S3 has after an outage.
#
# Usage: .ci/interrupted_push.sh SLUICE VENV_PYTHON MOTO_PORT PROXY_PORT
set -euo pipefail
cd "$(dirname "$0")/.."
sluice=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") python=$(cd "$(dirname "$2")" && pwd)/$(basename "$2") port=$3 proxy=$4
ci=$(pwd)/.ci
work=$(mktemp -d)
proxy_pid=""
# shellcheck disable=SC2317
cleanup() {
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null
  [ -n "${S3_SERVER_PID:-}" ] && kill "$S3_SERVER_PID" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$ci/s3_server.py" "$python" "$port" "$work/env"
# shellcheck disable=SC1091
. "$work/env"
start_proxy() {
  python3 "$ci/tcp_proxy.py" "$proxy" "$port" & proxy_pid=$!
  for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$proxy") 2>/dev/null && return; sleep 0.1; done
  echo "error: the proxy did not start"; exit 1
}
start_proxy

# A project whose one stage writes 1,500 files of 16 KB (sent as packs) and one 200 MB
# file (over the multipart threshold: 24 parts), all random.
mkdir -p "$work/project" && cd "$work/project"
cat > pipeline.yaml <<'YAML'
stages:
  make:
    cmd: python3 -c "import os; os.makedirs('data/many', exist_ok=True); [open(f'data/many/{i:05}.bin', 'wb').write(os.urandom(16384)) for i in range(1500)]; open('data/big.bin', 'wb').write(os.urandom(200_000_000))"
    outs: [data/many, data/big.bin]
YAML
"$sluice" repro > /dev/null 2>&1
"$sluice" remote add -d storage s3://sluice-test/interrupted > /dev/null
"$sluice" remote modify storage endpointurl "http://127.0.0.1:$proxy" > /dev/null

"$sluice" push -j 4 > "$work/first.log" 2>&1 & push_pid=$!
# The proxy dies once the server holds parts of the large object, so the push is cut
# mid-upload.
"$python" - <<'PY'
import boto3, os, sys, time
s3 = boto3.client("s3", endpoint_url=os.environ["SLUICE_TEST_S3_ENDPOINT"], region_name="us-east-1")
for _ in range(1200):
    for upload in s3.list_multipart_uploads(Bucket="sluice-test", Prefix="interrupted/").get("Uploads", []):
        if len(s3.list_parts(Bucket="sluice-test", Key=upload["Key"], UploadId=upload["UploadId"]).get("Parts", [])) >= 2: sys.exit(0)
    time.sleep(0.025)
sys.exit("error: the push sent no part of the large object in 30 s")
PY
kill "$proxy_pid"; wait "$proxy_pid" 2>/dev/null || true; proxy_pid=""
first=0; wait "$push_pid" || first=$?
if [ "$first" -eq 0 ]; then
  echo "error: the push finished before the proxy was killed, so nothing was interrupted"; exit 1
fi
grep -q "^error: remote storage" "$work/first.log" || { echo "error: the interrupted push did not name the remote:"; cat "$work/first.log"; exit 1; }
echo "first push interrupted (exit $first): $(tail -1 "$work/first.log")"

start_proxy
"$sluice" push -j 8 > "$work/second.log" 2>&1 || { echo "error: the push after the restart failed:"; cat "$work/second.log"; exit 1; }
echo "second push: $(tail -1 "$work/second.log")"

# Every object of the local cache is on the server, loose or in a pack, whole, and
# nothing else is.
"$python" - "$work/project/.sluice/cache" <<'PY'
import boto3, hashlib, os, sys
cache = sys.argv[1]
local = {os.path.relpath(os.path.join(d, f), cache) for d, _, fs in os.walk(cache) for f in fs if not f.startswith(".")}
local = {k[len("files/sha256/"):].replace("/", "") for k in local if k.startswith("files/sha256/")}
s3 = boto3.client("s3", endpoint_url=os.environ["SLUICE_TEST_S3_ENDPOINT"], region_name="us-east-1")
def body(key): return s3.get_object(Bucket="sluice-test", Key="interrupted/" + key)["Body"].read()
def check(name, content, where):
    if hashlib.sha256(content).hexdigest() != (name[:-4] if name.endswith(".dir") else name):
        sys.exit(f"error: {where} holds content that does not match its name {name}")
keys = {item["Key"][len("interrupted/"):] for page in s3.get_paginator("list_objects_v2").paginate(Bucket="sluice-test", Prefix="interrupted/") for item in page.get("Contents", [])}
remote, packs = set(), 0
for key in sorted(keys):
    if key.startswith("files/sha256/"):
        name = key[len("files/sha256/"):].replace("/", "")
        check(name, body(key), key)
        remote.add(name)
    elif key.endswith(".idx") and key[:-4] + ".pack" in keys:
        index = body(key)
        if hashlib.sha256(index).hexdigest() != key[len("packs/"):-4]:
            sys.exit(f"error: the index {key} does not match its name")
        pack = body(key[:-4] + ".pack")
        for line in index.decode().splitlines()[1:]:
            name, offset, length = line.split(" ")
            check(name, pack[int(offset):int(offset) + int(length)], key[:-4] + ".pack")
            remote.add(name)
        packs += 1
if remote != local:
    sys.exit(f"error: {len(local - remote)} objects missing on the server, {len(remote - local)} extra")
uploads = s3.list_multipart_uploads(Bucket="sluice-test").get("Uploads", [])
print(f"server holds all {len(remote)} objects ({packs} packs), each matching its name ({len(uploads)} unfinished multipart uploads left invisible)")
PY

# A fresh clone pulls everything back (and re-hashes every object on the way in).
mkdir "$work/clone" && cp pipeline.yaml pipeline.lock sluice.yaml "$work/clone/"
(cd "$work/clone" && "$sluice" pull -j 8 > /dev/null)
diff -r data "$work/clone/data" > /dev/null || { echo "error: the clone's data differs"; exit 1; }
echo "interrupted push: ok"
