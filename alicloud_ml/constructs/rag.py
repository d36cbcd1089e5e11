"""The RAG tier of the ML guide (section 3.1): `VectorStore`, `GenerationEndpoint`, `DocumentIngestion`.

- `VectorStore`: AnalyticDB for PostgreSQL with vector engine optimization, in the platform VPC only
  (IP whitelist `default` = the VPC's vSwitch CIDRs, no public connection), disks encrypted with a KMS
  key of their own whose rotation is off (AnalyticDB requires it), a daily backup policy and a normal
  (not super) application account. A second, yearly rotating key encrypts the secrets and the
  documents bucket.
- `GenerationEndpoint`: where embeddings and answers come from: Model Studio's OpenAI-compatible
  mode by default, or any OpenAI-compatible base URL (an in-VPC EAS service); its API key lives
  in KMS Secrets Manager.
- `DocumentIngestion`: a private, encrypted, versioned OSS bucket whose object-created and
  object-removed events invoke a Function Compute 3.0 function in the VPC (the toolkit's reference
  handler, `alicloud_ml/handlers/rag_ingest/`, or your own code package), with a role that reads
  that bucket and the two secrets and nothing else.

Secrets never appear in code, TOML or outputs. The provider has no way around Terraform seeing
them once: `alicloud_gpdb_account.account_password` and `alicloud_kms_secret.secret_data` are both
Required (provider docs v1.289.0, r/gpdb_account, r/kms_secret). They enter as *sensitive Terraform
variables* (`TF_VAR_rag_db_password`, `TF_VAR_rag_api_key`, set by CI from its own secret store),
land in the encrypted, locked state and in KMS Secrets Manager, and the function reads them from
KMS at run time through its role.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml._cdk import TerraformVariable
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.rag import GenerationEndpointProps, VectorStoreProps
from alicloud_ml.provider.gpdb import GpdbAccount, GpdbBackupPolicy, GpdbInstance, GpdbInstanceIpWhitelist
from alicloud_ml.provider.kms import KmsKey, KmsSecret

#: Vector engine optimization needs elastic storage mode, kernel 6.0 >= V6.3.10.18 (or 7.0 >= V7.2.1.2),
#: and High-availability compute nodes of at least 4 cores / 32 GB ("Enable or disable vector search engine
#: optimization", https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/user-guide/enable-or-disable-vector-search-engine-optimization).
VECTOR_MODE = "StorageElastic"
VECTOR_HA_SPECS = ("4C32G", "16C128G")  # provider docs r/gpdb_instance: HA + StorageElastic specs
#: The sensitive variables' names: CI sets TF_VAR_rag_db_password and TF_VAR_rag_api_key (one RAG tier per stack).
DB_PASSWORD_VARIABLE = "rag_db_password"
#: Automatic rotation of the documents/secrets key: yearly, in the seconds form the provider's Read returns
#: (RotationInterval; its tests use "605800s"), so a re-plan is empty (alicloud/resource_alicloud_kms_key.go
#: sets rotation_interval from the API without a diff suppression; resource_alicloud_kms_key_test.go).
ROTATION_INTERVAL = "31536000s"
#: AnalyticDB disk encryption: "Key rotation: When creating a standard key, set Rotation Period to Disabled"
#: ("Disk encryption", Prerequisites, https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/user-guide/configure-disk-encryption-for-an-analyticdb-for-postgresql-instance).
DISK_KEY_ROTATION = "Disabled"
#: The IP whitelist group every instance has: Create sends the instance's first whitelist as `default`
#: (SecurityIPList=127.0.0.1), and Read returns every non-hidden group (alicloud/resource_alicloud_gpdb_instance.go,
#: Create and Read), so a config naming only another group never plans clean. The VPC CIDRs go into `default`.
WHITELIST_GROUP = "default"
API_KEY_VARIABLE = "rag_api_key"


class VectorStore(Construct):
    """AnalyticDB vector store. Attributes: `instance`, `account`, `password_secret`, `connection_string`,
    `key` (rotating KMS key: secrets and the documents bucket), `disk_key` (rotation off: the instance's disks)."""

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork,
                 props: VectorStoreProps | Mapping[str, Any], zone: str | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(VectorStoreProps, props, self.node.path)
        tags = p.tags or None
        self.key = KmsKey(self, "Key", description=f"{p.name}: documents and secret encryption",
                          key_spec="Aliyun_AES_256", key_usage="ENCRYPT/DECRYPT", protection_level="SOFTWARE",
                          pending_window_in_days=7, tags=tags, automatic_rotation="Enabled",
                          rotation_interval=ROTATION_INTERVAL)
        # AnalyticDB disk encryption takes only a manually created key whose rotation is off (DISK_KEY_ROTATION);
        # encryption_key is ForceNew, so a wrong key found later replaces the database.
        self.disk_key = KmsKey(self, "DiskKey", description=f"{p.name}: AnalyticDB disk encryption (rotation off)",
                               key_spec="Aliyun_AES_256", key_usage="ENCRYPT/DECRYPT", protection_level="SOFTWARE",
                               pending_window_in_days=7, tags=tags, automatic_rotation=DISK_KEY_ROTATION)
        vswitch = network.vswitch_for(zone, where=self.node.path)
        allowed = ",".join(cidr for _, cidr in network.props.subnets())  # the VPC's vSwitches, nothing wider
        self.instance = GpdbInstance(
            self, "Resource", description=f"{p.name} vector store", engine="gpdb", engine_version=p.engine_version,
            db_instance_mode=VECTOR_MODE, db_instance_category="HighAvailability", instance_spec=p.instance_spec,
            seg_node_num=p.seg_node_num, storage_size=p.storage_size, seg_storage_type="cloud_essd",
            vector_configuration_status="enabled", payment_type="PayAsYouGo", instance_network_type="VPC",
            vpc_id=network.vpc_id, vswitch_id=vswitch.id, zone_id=vswitch.zone_id, ssl_enabled=1,
            encryption_type="CloudDisk", encryption_key=self.disk_key.id,
            ip_whitelist=[GpdbInstanceIpWhitelist(ip_group_name=WHITELIST_GROUP, security_ip_list=allowed)],
            tags=tags)
        GpdbBackupPolicy(self, "Backup", db_instance_id=self.instance.id, backup_retention_period=p.backup_retention_days,
                         preferred_backup_period="Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
                         preferred_backup_time=p.backup_time)
        password = TerraformVariable(self, "Password", type="string", sensitive=True, nullable=False,
                                     description=f"{p.name}: the AnalyticDB application account's password")
        password.override_logical_id(DB_PASSWORD_VARIABLE)  # TF_VAR_rag_db_password
        self.password_secret = KmsSecret(self, "PasswordSecret", secret_name=f"{p.name}-db-password",
                                         secret_data=password.string_value, version_id="v1",
                                         encryption_key_id=self.key.id, secret_type="Generic", tags=tags,
                                         description="AnalyticDB application account password",
                                         force_delete_without_recovery=p.force_delete_secrets or None)
        self.account = GpdbAccount(self, "Account", db_instance_id=self.instance.id, account_name=p.account_name,
                                   account_password=password.string_value, account_type="Normal",
                                   account_description="rag_application_account")

    @property
    def connection_string(self) -> str:
        return self.instance.connection_string


class GenerationEndpoint(Construct):
    """Base URL and models for the app and the ingestion function; the API key is a KMS secret."""

    def __init__(self, scope: Construct, id: str, *, name: str, encryption_key: KmsKey,
                 props: GenerationEndpointProps | Mapping[str, Any] | None = None,
                 force_delete_secret: bool = False) -> None:
        super().__init__(scope, id)
        self.props = resolve_props(GenerationEndpointProps, props or {}, self.node.path)
        api_key = TerraformVariable(self, "ApiKey", type="string", sensitive=True, nullable=False,
                                    description=f"{name}: the API key of the OpenAI-compatible endpoint")
        api_key.override_logical_id(API_KEY_VARIABLE)  # TF_VAR_rag_api_key
        self.api_key_secret = KmsSecret(self, "ApiKeySecret", secret_name=f"{name}-api-key",
                                        secret_data=api_key.string_value, version_id="v1", secret_type="Generic",
                                        encryption_key_id=encryption_key.id,
                                        description="API key of the generation/embedding endpoint",
                                        force_delete_without_recovery=force_delete_secret or None)

    def environment(self) -> dict[str, str]:
        """What the function and the app read (the key by secret name, never its value)."""
        p = self.props
        return {"RAG_EMBEDDING_BASE_URL": p.base_url, "RAG_EMBEDDING_MODEL": p.embedding_model,
                "RAG_EMBEDDING_DIMENSIONS": str(p.embedding_dimensions), "RAG_CHAT_MODEL": p.chat_model,
                "RAG_EMBEDDING_API_KEY_SECRET": str(self.api_key_secret.secret_name)}
