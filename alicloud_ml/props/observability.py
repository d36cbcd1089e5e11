"""Props of `alicloud_ml.constructs.observability` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from pydantic import Field

from alicloud_ml.props.base import FrozenModel


class ObservabilityProps(FrozenModel):
    """Props of `Observability`."""

    project_name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
                              description="SLS project (3-63 lowercase chars, region-unique). Required.")
    retention_days: int = Field(30, ge=1, le=3650, description="Log retention in days. Default: `30`.")
    shard_count: int = Field(2, ge=1, le=64, description="Shards per store; changing it replaces the store. "
                                                        "Default: `2`.")
    log_stores: tuple[str, ...] = Field(("ack-cluster", "eas-services"), min_length=1,
                                        description="Log stores. Default: `ack-cluster`, `eas-services`.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")
