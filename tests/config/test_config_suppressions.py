"""`[[suppressions]]` in a platform file: validated like any field, resolved to constructs, written into the JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from alicloud_ml._cdk import App
from alicloud_ml.errors import InputError, InputErrors

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from stacks.ml_platform import build_stack  # noqa: E402

BASE = (REPO / "stacks" / "envs" / "staging.toml").read_text()


def synth_env(tmp_path: Path, extra: str, backend: str = "oss") -> dict:
    env_file = tmp_path / "staging.toml"
    env_file.write_text(BASE + extra)
    app = App(outdir=str(tmp_path / "out"))
    build_stack(app, env_file, backend=backend)
    app.synth()
    return json.loads((tmp_path / "out" / "stacks" / "ml-staging" / "cdk.tf.json").read_text())


def test_suppression_from_the_env_file_reaches_every_resource_under_its_path(tmp_path):
    doc = synth_env(tmp_path, '\n[[suppressions]]\ncheck = "ALIML_017"\npath = "Platform/Pool-training"\n'
                              'reason = "labels are set once at creation for this pool"\n')
    pools = doc["resource"]["alicloud_cs_kubernetes_node_pool"]
    training = next(v for k, v in pools.items() if "training" in k)
    inference = next(v for k, v in pools.items() if "inference" in k)
    assert [s["id"] for s in training["//"]["alicloud_ml"]["suppressions"]] == ["ALIML_017"]
    assert "alicloud_ml" not in inference["//"]


def test_suppression_with_a_short_reason_names_file_and_field(tmp_path):
    with pytest.raises((InputError, InputErrors)) as err:
        synth_env(tmp_path, '\n[[suppressions]]\ncheck = "ALIML_017"\nreason = "ok"\n')
    assert "staging.toml" in str(err.value) and "suppressions[0].reason" in str(err.value)


def test_suppression_of_a_missing_construct_names_file_path_and_what_exists(tmp_path):
    with pytest.raises(InputError) as err:
        synth_env(tmp_path, '\n[[suppressions]]\ncheck = "ALIML_017"\npath = "Platform/Pool-trainin"\n'
                            'reason = "labels are set once at creation for this pool"\n')
    text = str(err.value)
    assert "staging.toml: suppressions[0].path: no construct at 'Platform/Pool-trainin'" in text
    assert "Platform/Pool-training" in text


def test_local_backend_stacks_carry_a_reasoned_state_backend_suppression(tmp_path):
    doc = synth_env(tmp_path, "", backend="local")
    suppressions = doc["//"]["alicloud_ml"]["suppressions"]
    assert [s["id"] for s in suppressions] == ["ALIML_015"]
    assert "emulator" in suppressions[0]["reason"]
