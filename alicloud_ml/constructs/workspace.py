"""`PaiWorkspace`: the PAI workspace as code, with its datasets, code source, members and experiment.

MLOps needs clear ownership of the workspace, registered data and tracked experiments. Facts, from
the provider docs at v1.289.0 (`website/docs/r/pai_workspace_*.html.markdown`) unless noted:

- `alicloud_pai_workspace_workspace`: `workspace_name` 3-23 letters, digits or `_`, starting with a
  letter, region-unique, force-new; `description` required (≤ 80 chars); `env_types` force-new,
  `["prod"]` is simple mode, `["dev", "prod"]` standard mode.
- `alicloud_pai_workspace_dataset`: `data_source_type` `OSS`/`NAS`, `property` `DIRECTORY`, `uri`
  `oss://<bucket>.<endpoint>/<path>` or, for CPFS, `nas://<file system id>.<region>/<protocol service id>/`
  (the doc's CPFS 2.0 form; its placeholders are lost in the provider's rendering, the PAI CreateDataset
  API names them: https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-createdataset;
  README assumption). `options` JSON `{"mountPath": ...}` is the default mount path DLC uses.
- `alicloud_pai_workspace_code_source`: `code_repo`, `code_branch`, `mount_path`, `accessibility`
  (`PRIVATE`: only its owner and admins see it). No access token is ever set here: a token in
  Terraform would sit in state and plans (ALIML_013); connect private repositories in the console.
- `alicloud_pai_workspace_member`: `user_id` + `roles`, role names from CreateMember
  (https://www.alibabacloud.com/help/en/pai/developer-reference/api-aiworkspace-2021-02-04-createmember)
  and the provider's test (`PAI.AlgoDeveloper`, `PAI.AlgoOperator`, `PAI.LabelManager`). Least
  privilege: `PAI.AlgoDeveloper` by default, admin/owner roles refused unless `allow_admin_roles`.
- `alicloud_pai_workspace_experiment`: `experiment_name`, `artifact_uri` (OSS, force-new), as in
  the provider example `oss://<bucket>.oss-<region>.aliyuncs.com/<path>/`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from constructs import Construct

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.constructs.storage import CpfsFileSystem
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.workspace import PaiWorkspaceProps
from alicloud_ml.provider.pai_workspace import (
    PaiWorkspaceCodeSource,
    PaiWorkspaceDataset,
    PaiWorkspaceExperiment,
    PaiWorkspaceMember,
    PaiWorkspaceWorkspace,
)


def oss_dataset_uri(url: str, region: str) -> str:
    """`oss://bucket/prefix/` → `oss://bucket.oss-<region>.aliyuncs.com/prefix/` (the provider example's form)."""
    parsed = urlparse(url)
    path = parsed.path if parsed.path.endswith("/") else parsed.path + "/"
    return f"oss://{parsed.netloc}.oss-{region}.aliyuncs.com{path or '/'}"


class PaiWorkspace(Construct):
    """Workspace + CPFS/OSS datasets + code source + members + experiment.

    Attributes: `workspace`, `workspace_id`, `datasets` (name → PaiWorkspaceDataset), `code_source`,
    `members` (user id → PaiWorkspaceMember), `experiment` (or None without an OSS location).
    """

    def __init__(self, scope: Construct, id: str, *, props: PaiWorkspaceProps | Mapping[str, Any], region: str,
                 cpfs: CpfsFileSystem | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(PaiWorkspaceProps, props, self.node.path)
        self.workspace = PaiWorkspaceWorkspace(self, "Resource", workspace_name=p.workspace_name,
                                               description=p.description, display_name=p.workspace_name,
                                               env_types=list(p.env_types))
        self.datasets: dict[str, PaiWorkspaceDataset] = {}
        if cpfs is not None:
            sub = p.training_data_subpath.strip("/")
            uri = (f"nas://{cpfs.file_system_id}.{region}/{cpfs.protocol_service.protocol_service_id}/"
                   + (f"{sub}/" if sub else ""))
            self.datasets["training-data"] = PaiWorkspaceDataset(
                self, "Dataset-training-data", workspace_id=self.workspace.id, dataset_name="training-data",
                data_source_type="NAS", property="DIRECTORY", uri=uri, accessibility="PRIVATE",
                description="CPFS training data", options=json.dumps({"mountPath": p.training_data_mount}))
        if p.model_uri:
            self.datasets["models"] = PaiWorkspaceDataset(
                self, "Dataset-models", workspace_id=self.workspace.id, dataset_name="models",
                data_source_type="OSS", property="DIRECTORY", uri=oss_dataset_uri(p.model_uri, region),
                accessibility="PRIVATE", description="OSS model bucket",
                options=json.dumps({"mountPath": "/mnt/models/"}))
        self.code_source = None
        if p.code_source:
            c = p.code_source
            self.code_source = PaiWorkspaceCodeSource(
                self, "CodeSource", workspace_id=self.workspace.id, display_name=c.display_name, code_repo=c.repo,
                code_branch=c.branch, mount_path=c.mount_path, accessibility="PRIVATE",
                description="team repository")
        self.members = {
            m.user_id: PaiWorkspaceMember(self, f"Member-{m.user_id}", workspace_id=self.workspace.id,
                                          user_id=m.user_id, roles=list(m.roles))
            for m in p.members}
        artifacts = p.experiment_artifacts or (
            f"{p.model_uri.rstrip('/')}/experiments/{p.experiment_name}/" if p.model_uri else None)
        self.experiment = (
            PaiWorkspaceExperiment(self, "Experiment", workspace_id=self.workspace.id,
                                   experiment_name=p.experiment_name, accessibility="PRIVATE",
                                   artifact_uri=oss_dataset_uri(artifacts, region))
            if artifacts else None)
        TerraformOutput(self, "workspace_id", value=self.workspace.id, description="PAI workspace id")

    @property
    def workspace_id(self) -> str:
        return self.workspace.id
