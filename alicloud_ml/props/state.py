"""Props of `alicloud_ml.constructs.state` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from alicloud_ml.props.base import FrozenModel, RegionId, fail

OTS_FORBIDDEN_WORDS = ("ali", "ay", "ots", "taobao", "admin")


class StateBackendProps(FrozenModel):
    """Where Terraform state lives. Shared by the bootstrap stack and every platform stack."""

    bucket: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
                        description="OSS bucket for state (globally unique, 3-63 chars). Required.")
    region: RegionId = Field(description="Region of the bucket and the lock table. Required.")
    ots_instance_name: str = Field("ml-tfstate", pattern=r"^[a-zA-Z][a-zA-Z0-9-]{1,14}[a-zA-Z0-9]$",
                                   description="Tablestore instance (3-16 chars, none of the words ali, ay, ots, "
                                               "taobao, admin). Default: `ml-tfstate`.")
    lock_table: str = Field("terraform_lock", pattern=r"^[a-zA-Z_][a-zA-Z0-9_]{0,254}$",
                            description="Lock table name. Default: `terraform_lock`.")
    prefix: str = Field("ml-platform", pattern=r"^[\w-][\w./-]*$",
                        description="State path prefix (no leading `/` or `./`). Default: `ml-platform`.")
    create_service_linked_roles: bool = Field(False, description=(
        "Let the `ml-state` bootstrap stack create the service-linked roles the envs need (README \"Prerequisites\"). "
        "Only for a fresh account: creating a role that exists fails. Default: `false`."))
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")

    @field_validator("ots_instance_name")
    @classmethod
    def _allowed_words(cls, value: str) -> str:
        """Tablestore CreateInstance: "The name cannot contain the following words: ali, ay, ots, taobao, and
        admin" (https://www.alibabacloud.com/help/en/tablestore/table-store-service/developer-reference/api-tablestore-2020-12-09-createinstance)."""
        found = [w for w in OTS_FORBIDDEN_WORDS if w in value.lower()]
        if found:
            raise fail("", f"{value!r} contains {', '.join(map(repr, found))}, which Tablestore refuses in instance "
                       "names", "3-16 letters, digits and hyphens without ali, ay, ots, taobao, admin")
        return value

    @property
    def tablestore_endpoint(self) -> str:
        return f"https://{self.ots_instance_name}.{self.region}.ots.aliyuncs.com"

    def backend_settings(self, key: str) -> dict[str, Any]:
        """The `backend "oss"` arguments for one state object (`<prefix>/<key>`)."""
        return {"bucket": self.bucket, "prefix": self.prefix, "key": key, "region": self.region,
                "tablestore_endpoint": self.tablestore_endpoint, "tablestore_table": self.lock_table,
                "encrypt": True, "acl": "private"}
