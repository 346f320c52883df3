#!/usr/bin/env python3
"""Starts moto's S3 server on 127.0.0.1 with authentication on, for the remote tests.

The first four requests (creating an IAM user, its access key and policy, and the
test bucket) are let through unauthenticated (INITIAL_NO_AUTH_ACTION_COUNT=4); every
request after them must carry a valid Signature Version 4 of that user, so a wrong
secret is refused with 403.

Usage: s3_server.py VENV_PYTHON PORT ENV_FILE
Writes `export` lines for SLUICE_TEST_S3_ENDPOINT, SLUICE_TEST_S3_BUCKET,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and S3_SERVER_PID to ENV_FILE.
"""
import json, os, subprocess, sys, time, urllib.request

python, port, env_file = sys.argv[1], sys.argv[2], sys.argv[3]
endpoint = f"http://127.0.0.1:{port}"
environment = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT="4", MOTO_ALLOW_NONEXISTENT_REGION="1")
log = open(os.path.join(os.path.dirname(env_file), "moto.log"), "w")
server = subprocess.Popen([python, "-m", "moto.server", "-H", "127.0.0.1", "-p", port], env=environment, stdout=log, stderr=log)
for _ in range(100):
    try:
        urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
        break
    except Exception:
        time.sleep(0.2)
else:
    server.kill()
    sys.exit("moto_server did not start")

setup = r'''
import boto3, json, sys
endpoint = sys.argv[1]
kwargs = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="setup", aws_secret_access_key="setup")
iam = boto3.client("iam", **kwargs)
iam.create_user(UserName="sluice")
key = iam.create_access_key(UserName="sluice")["AccessKey"]
iam.put_user_policy(UserName="sluice", PolicyName="all", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
boto3.client("s3", **kwargs).create_bucket(Bucket="sluice-test")
print(json.dumps({"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}))
'''
result = subprocess.run([python, "-c", setup, endpoint], capture_output=True, text=True)
if result.returncode != 0:
    server.kill()
    sys.exit("setting up moto failed:\n" + result.stderr[-2000:])
key = json.loads(result.stdout)
with open(env_file, "w") as out:
    out.write(f"export SLUICE_TEST_S3_ENDPOINT={endpoint}\nexport SLUICE_TEST_S3_BUCKET=sluice-test\n")
    out.write(f"export AWS_ACCESS_KEY_ID={key['id']}\nexport AWS_SECRET_ACCESS_KEY={key['secret']}\nexport S3_SERVER_PID={server.pid}\n")
