"""The largest reference stack (staging: the RAG tier and the notebook reaper) deploys its functions from OSS
objects in the emulator, keeps its state under 500 KB, re-plans empty and destroys."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.emulator.conftest import Workspace

REPO = Path(__file__).resolve().parents[2]
STATE_BUDGET = 500 * 1024


def test_staging_deploys_its_functions_from_oss_objects_with_a_small_state(tmp_path, cli_config):
    # GIVEN ml-staging synthesized for the emulator (local state outside the output)
    out, states = tmp_path / "cdktf.out", tmp_path / "state"
    env = dict(os.environ, CDKTF_OUTDIR=str(out), ALICLOUD_ML_ENVS="staging", ALICLOUD_ML_BACKEND="local",
               ALICLOUD_ML_GATE="0", ALICLOUD_ML_LOCAL_STATE_DIR=str(states))
    synth = subprocess.run([sys.executable, "main.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert synth.returncode == 0, synth.stderr[-3000:]
    ws = Workspace(out / "stacks" / "ml-staging", cli_config)
    ws.env.update(TF_VAR_rag_db_password="emulator-only-pw-1", TF_VAR_rag_api_key="emulator-only-key-1")

    # WHEN it is applied
    ws.apply()

    # THEN each function's code is an object of the stack's code bucket, stored by reference (path, ETag, length)
    resources = ws.show()["values"]["root_module"]["resources"]
    objects = {r["values"]["key"]: r["values"] for r in resources if r["type"] == "alicloud_oss_bucket_object"}
    functions = [r["values"] for r in resources if r["type"] == "alicloud_fcv3_function"]
    assert len(functions) == 2 and len(objects) == 2
    for function in functions:
        code = function["code"][0]
        stored = objects[code["oss_object_name"]]
        assert code["oss_bucket_name"] == stored["bucket"] and not code.get("zip_file")
        assert stored["source"].startswith("assets/") and len(stored["etag"]) == 32
        assert function["code_size"] == int(stored["content_length"]) > 100_000
    # and the state stays small: names and digests, no base64 packages
    state = next(states.glob("terraform.ml-staging.tfstate"))
    assert state.stat().st_size <= STATE_BUDGET, f"{state.stat().st_size} bytes"
    assert ws.plan_exit_code() == 0
    ws.run("destroy", "-auto-approve", "-input=false")
    assert ws.state_list() == set()
