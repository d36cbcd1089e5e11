from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.storage import CpfsFileSystem
from alicloud_ml.constructs.workspace import PaiWorkspace
from alicloud_ml.errors import InputError, InputErrors

PROPS = {"workspace_name": "ml_dev", "model_uri": "oss://ml-models-example/", "members": [{"user_id": "200012345678"}],
         "code_source": {"repo": "https://github.com/team/ml.git"}}


def test_workspace_registers_cpfs_and_oss_datasets_code_source_member_and_experiment(stack, network):
    cpfs = CpfsFileSystem(stack, "Cpfs", network=network)
    PaiWorkspace(stack, "Workspace", region="cn-shanghai", cpfs=cpfs, props=PROPS)

    out = synth(stack)

    ws = out.one("alicloud_pai_workspace_workspace")
    assert (ws["workspace_name"], ws["env_types"]) == ("ml_dev", ["prod"])
    datasets = {d["dataset_name"]: d for d in out.resources("alicloud_pai_workspace_dataset").values()}
    data = datasets["training-data"]
    assert (data["data_source_type"], data["property"], data["accessibility"]) == ("NAS", "DIRECTORY", "PRIVATE")
    assert data["uri"].startswith("nas://${alicloud_nas_file_system.") and ".cn-shanghai/${alicloud_nas_protocol_service." in data["uri"]
    assert json.loads(data["options"]) == {"mountPath": "/mnt/data/"}
    models = datasets["models"]
    assert (models["data_source_type"], models["uri"]) == ("OSS", "oss://ml-models-example.oss-cn-shanghai.aliyuncs.com/")
    code = out.one("alicloud_pai_workspace_code_source")
    assert (code["code_repo"], code["code_branch"], code["accessibility"]) == ("https://github.com/team/ml.git", "main",
                                                                                "PRIVATE")
    assert "code_repo_access_token" not in code
    member = out.one("alicloud_pai_workspace_member")
    assert (member["user_id"], member["roles"]) == ("200012345678", ["PAI.AlgoDeveloper"])
    experiment = out.one("alicloud_pai_workspace_experiment")
    assert experiment["experiment_name"] == "reference-training"
    assert experiment["artifact_uri"] == ("oss://ml-models-example.oss-cn-shanghai.aliyuncs.com/experiments/"
                                          "reference-training/")
    for resource in ("alicloud_pai_workspace_dataset", "alicloud_pai_workspace_member",
                     "alicloud_pai_workspace_code_source", "alicloud_pai_workspace_experiment"):
        assert all(r["workspace_id"].startswith("${alicloud_pai_workspace_workspace.")
                   for r in out.resources(resource).values())


def test_without_cpfs_or_model_bucket_only_the_workspace_is_created(stack):
    PaiWorkspace(stack, "Workspace", region="cn-shanghai", props={"workspace_name": "ml_dev"})

    out = synth(stack)

    assert out.resources("alicloud_pai_workspace_dataset") == {}
    assert out.resources("alicloud_pai_workspace_experiment") == {}
    assert out.resources("alicloud_pai_workspace_member") == {}


def test_admin_roles_are_refused_unless_allowed(stack):
    admin = {"workspace_name": "ml_dev", "members": [{"user_id": "200012345678",
                                                      "roles": ["PAI.AlgoDeveloper", "PAI.WorkspaceAdmin"]}]}
    with pytest.raises(InputError, match=r"members\[0\]\.roles: PAI.WorkspaceAdmin administers the whole workspace"):
        PaiWorkspace(stack, "Workspace", region="cn-shanghai", props=admin)

    PaiWorkspace(stack, "Allowed", region="cn-shanghai", props={**admin, "allow_admin_roles": True})
    assert synth(stack).one("alicloud_pai_workspace_member")["roles"] == ["PAI.AlgoDeveloper", "PAI.WorkspaceAdmin"]


@pytest.mark.parametrize("bad", [{"workspace_name": "ml-dev"}, {"workspace_name": "ml_dev",
                                                                 "members": [{"user_id": "1", "roles": ["Owner"]}]}])
def test_bad_workspace_props_are_refused(stack, bad):
    with pytest.raises((InputError, InputErrors)):
        PaiWorkspace(stack, "Workspace", region="cn-shanghai", props=bad)
