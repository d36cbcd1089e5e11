"""Props of `alicloud_ml.constructs.iam` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from pydantic import Field

from alicloud_ml.props.base import FrozenModel

K8S_NAME_PATTERN = r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"


class ServiceAccountRef(FrozenModel):
    """A Kubernetes ServiceAccount whose pods assume a workload role."""

    namespace: str = Field(pattern=K8S_NAME_PATTERN, description="Namespace.")
    name: str = Field(pattern=K8S_NAME_PATTERN, description="ServiceAccount name.")

    @property
    def subject(self) -> str:
        return f"system:serviceaccount:{self.namespace}:{self.name}"


class WorkloadRolesProps(FrozenModel):
    """Props of `WorkloadRoles`."""

    name_prefix: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9-]{0,40}$", description="Role/policy name prefix. Required.")
    data_buckets: tuple[str, ...] = Field((), description="OSS paths training reads (datasets): `bucket` or "
                                                          "`bucket/prefix/`. Default: none.")
    model_buckets: tuple[str, ...] = Field((), description="Buckets training publishes models to (read/write). "
                                                           "Default: - the buckets of the services' `model_path`.")
    model_paths: tuple[str, ...] = Field((), description="OSS paths serving reads models from (`bucket/prefix/`). "
                                                         "Default: - the services' `model_path`.")
    checkpoint_paths: tuple[str, ...] = Field((), description="OSS paths training writes checkpoints to "
                                                              "(`bucket/prefix/`). Default: - the pools' OSS "
                                                              "`checkpoint_target`.")
    training_service_account: ServiceAccountRef = Field(
        ServiceAccountRef(namespace="ml-training", name="training"),
        description="ServiceAccount training pods run as. Default: `ml-training/training`.")
    serving_service_account: ServiceAccountRef = Field(
        ServiceAccountRef(namespace="ml-serving", name="serving"),
        description="ServiceAccount serving pods run as. Default: `ml-serving/serving`.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")
