"""Props of `alicloud_ml.constructs.workspace` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from alicloud_ml.props.base import FrozenModel, fail, join_errors

MemberRole = Literal["PAI.AlgoDeveloper", "PAI.AlgoOperator", "PAI.LabelManager", "PAI.MaxComputeDeveloper",
                     "PAI.WorkspaceGuest", "PAI.WorkspaceAdmin", "PAI.WorkspaceOwner"]

ADMIN_ROLES = frozenset({"PAI.WorkspaceAdmin", "PAI.WorkspaceOwner"})


OSS_URL = r"^oss://[a-z0-9][a-z0-9-]{1,61}[a-z0-9](/\S*)?$"


class Member(FrozenModel):
    """`[[workspace.members]]`: one RAM user and their workspace roles."""

    user_id: str = Field(pattern=r"^\d{6,32}$", description="RAM user id (numeric). Required.")
    roles: tuple[MemberRole, ...] = Field(("PAI.AlgoDeveloper",), min_length=1, description=(
        "Workspace roles. Default: `PAI.AlgoDeveloper` (develop and run jobs, no workspace administration)."))


class CodeSource(FrozenModel):
    """`[workspace.code_source]`: the team's repository, mounted into notebooks and jobs."""

    repo: str = Field(pattern=r"^(https://|git@)\S+$", description="Repository URL (https or ssh). Required.")
    branch: str = Field("main", min_length=1, description="Branch. Default: `main`.")
    display_name: str = Field("team-repo", pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",
                              description="Name in the workspace. Default: `team-repo`.")
    mount_path: str = Field("/mnt/workspace/code/", pattern=r"^/\S*/$",
                            description="Where it is mounted (ends in `/`). Default: `/mnt/workspace/code/`.")


class PaiWorkspaceProps(FrozenModel):
    """Props of `PaiWorkspace`."""

    workspace_name: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_]{2,22}$", description=(
        "Workspace name (3-23 letters, digits, `_`; region-unique; force-new). Required."))
    description: str = Field("ML platform workspace", max_length=80, description="Description (≤ 80 chars). "
                             "Default: `ML platform workspace`.")
    env_types: tuple[Literal["dev", "prod"], ...] = Field(("prod",), min_length=1, description=(
        "`prod` is simple mode, `dev` + `prod` standard mode (force-new). Default: `prod`."))
    training_data_subpath: str = Field("/", pattern=r"^/", description=(
        "CPFS directory registered as the training-data dataset. Default: `/` (the export root)."))
    training_data_mount: str = Field("/mnt/data/", pattern=r"^/\S*/$",
                                     description="Default mount path of that dataset. Default: `/mnt/data/`.")
    model_uri: str | None = Field(None, pattern=OSS_URL, description=(
        "OSS prefix registered as the model dataset, e.g. `oss://ml-models/`. Default: - the bucket of the "
        "first service's model_path."))
    experiment_name: str = Field("reference-training", pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$",
                                 description="Experiment for the reference training job. Default: `reference-training`.")
    experiment_artifacts: str | None = Field(None, pattern=OSS_URL, description=(
        "OSS prefix for the experiment's trial outputs. Default: - `<model bucket>/experiments/<experiment_name>/`."))
    code_source: CodeSource | None = Field(None, description="The team's repository. Default: none.")
    members: tuple[Member, ...] = Field((), description="Members and their roles. Default: none.")
    allow_admin_roles: bool = Field(False, description=(
        "Permit `PAI.WorkspaceAdmin`/`PAI.WorkspaceOwner` in members. Default: `false`."))

    @model_validator(mode="after")
    def _least_privilege(self) -> Self:
        errors: list[ValueError] = []
        for i, member in enumerate(self.members):
            admin = sorted(ADMIN_ROLES & set(member.roles))
            if admin and not self.allow_admin_roles:
                errors.append(fail(f"members[{i}].roles", f"{', '.join(admin)} administers the whole workspace",
                                   "PAI.AlgoDeveloper, PAI.AlgoOperator, PAI.LabelManager, PAI.MaxComputeDeveloper, "
                                   "PAI.WorkspaceGuest", "or set allow_admin_roles = true"))
        users = [m.user_id for m in self.members]
        if len(set(users)) != len(users):
            errors.append(fail("members", "a user_id appears twice", "one entry per user"))
        join_errors(errors)
        return self
