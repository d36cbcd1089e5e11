"""`DocumentIngestion`: documents land in OSS, a Function Compute 3.0 function keeps their vectors in step.

The ML guide's ingestion is event-driven: the bucket's `oss:ObjectCreated:*` and `oss:ObjectRemoved:*`
events invoke the function (OSS trigger, https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/configure-an-oss-trigger),
which parses, embeds and upserts on create and deletes the document's vectors on removal, at once
(a compliance requirement). The function runs in the platform VPC (it reaches AnalyticDB's private
address; egress to the embedding API leaves through the VPC's NAT gateway) with a role that may read
this bucket's objects and the two secrets, nothing else. OSS invokes it through a second role that
only `oss.aliyuncs.com` can assume and that may only invoke this function.

The bucket is SSE-KMS with the store's rotating key, and OSS refuses to return such an object to a
caller that may not use the key ("This request is forbidden by kms",
https://www.alibabacloud.com/help/en/oss/the-this-request-is-forbidden-by-kms-error-message-is-returned-when-you-upload-download-or-access-files-that-are-encrypted-by-using-kms;
OSS "Server-side encryption", https://www.alibabacloud.com/help/doc-detail/31871.htm). So the
function's role may `kms:Decrypt` with that one key (ARN `acs:kms:<region>:<account>:key/<key id>`,
https://www.alibabacloud.com/help/doc-detail/28953.htm). Whoever uploads documents needs
`oss:PutObject` on the bucket and `kms:GenerateDataKey` on the same key (docs/rag.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from constructs import Construct

from alicloud_ml.constructs._fc_code import emulated, function_code
from alicloud_ml.constructs._fc_package import HANDLER, TARGET_RUNTIME, Package, handler_package
from alicloud_ml.constructs.buckets import private_bucket
from alicloud_ml.constructs.iam import role_with_policy, service_trust
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.rag import GenerationEndpoint, VectorStore
from alicloud_ml.constructs.security import WorkloadSecurityGroup
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.ingestion import DocumentIngestionProps
from alicloud_ml.provider.common import DataAlicloudAccount
from alicloud_ml.provider.fcv3 import Fcv3Function, Fcv3FunctionLogConfig, Fcv3FunctionVpcConfig, Fcv3Trigger
from alicloud_ml.provider.ram import RamRole, RamRolePolicyAttachment
from alicloud_ml.provider.sls import LogStore

HANDLER_PACKAGE = "alicloud_ml.handlers.rag_ingest"
DOCUMENT_EVENTS = ("oss:ObjectCreated:*", "oss:ObjectRemoved:*")
#: The function's environment variable carrying the package digest: the provider ignores a change to `code`
#: alone (provider docs r/fcv3_function), so a new package changes this too.
CODE_VERSION_ENV = "ALICLOUD_ML_CODE_SHA256"


class DocumentIngestion(Construct):
    """Documents bucket + ingestion function + OSS trigger. Attributes: `bucket`, `function`, `role`, `trigger`."""

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork, security_group: WorkloadSecurityGroup,
                 store: VectorStore, endpoint: GenerationEndpoint, props: DocumentIngestionProps | Mapping[str, Any],
                 log_project: str | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(DocumentIngestionProps, props, self.node.path)
        tags = p.tags or None
        self.bucket = private_bucket(self, bucket=p.bucket, sse_algorithm="KMS", kms_key_id=store.key.id, tags=tags)

        account = DataAlicloudAccount(self, "Account")
        region = network.region
        # OSS resource ARN acs:oss:*:<uid>:<bucket>/<object> (OSS policy examples,
        # https://www.alibabacloud.com/help/en/oss/user-guide/common-examples-of-bucket-policy)
        bucket_arn = f"acs:oss:*:{account.id}:{p.bucket}"
        secret_arns = [f"acs:kms:{region}:{account.id}:secret/{s.secret_name}"
                       for s in (store.password_secret, endpoint.api_key_secret)]
        self.key_arn = f"acs:kms:{region}:{account.id}:key/{store.key.id}"
        statements = [
            {"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": [f"{bucket_arn}/*"]},
            # reading an SSE-KMS object (and a secret encrypted with the same key) decrypts with the key
            {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [self.key_arn]},
            {"Effect": "Allow", "Action": ["kms:GetSecretValue"], "Resource": secret_arns},
        ]
        self.log_store = None
        if log_project:  # FC writes the function's stdout there (https://www.alibabacloud.com/help/en/functioncompute/fc/logging-2)
            self.log_store = LogStore(self, "LogStore", project_name=log_project, logstore_name=p.log_store,
                                      retention_period=p.log_retention_days, shard_count=1, auto_split=True,
                                      max_split_shard_count=8, append_meta=True)
            statements.append({"Effect": "Allow", "Action": ["log:PostLogStoreLogs"],
                               "Resource": [f"acs:log:{region}:*:project/{log_project}/logstore/{p.log_store}"]})
        self.role, _ = self._role("Function", f"{p.function_name}-fn", "fc.aliyuncs.com", statements, tags)
        environment = {
            "RAG_DB_HOST": store.connection_string, "RAG_DB_PORT": "5432", "RAG_DB_NAME": "postgres",
            "RAG_DB_USER": store.props.account_name, "RAG_DB_TABLE": p.table, "RAG_DB_DIALECT": "analyticdb",
            "RAG_DB_PASSWORD_SECRET": str(store.password_secret.secret_name), "RAG_REGION": region,
            "RAG_CHUNK_SIZE": str(p.chunk_size), "RAG_CHUNK_OVERLAP": str(p.chunk_overlap), **endpoint.environment(),
        }
        log = (Fcv3FunctionLogConfig(project=log_project, logstore=self.log_store.logstore_name,
                                     enable_request_metrics=True, enable_instance_metrics=False)
               if self.log_store is not None else None)
        self.package = ingestion_package(p.code_zip, emulated=emulated(self))
        environment[CODE_VERSION_ENV] = self.package.sha256[:16]
        self.function = Fcv3Function(
            self, "Function", function_name=p.function_name, runtime=TARGET_RUNTIME, handler=HANDLER,
            code=function_code(self, self.package, p.function_name), memory_size=p.memory_mb, timeout=p.timeout_seconds,
            role=self.role.arn, environment_variables=environment, internet_access=False, log_config=log,
            vpc_config=Fcv3FunctionVpcConfig(vpc_id=network.vpc_id, vswitch_ids=network.vswitch_ids,
                                             security_group_id=security_group.security_group.id),
            description="RAG document ingestion (OSS events -> embeddings -> AnalyticDB)", tags=tags)
        # FC 3.0 function ARN form: README "Assumptions" 31 (the provider documents only FC 2.0's services/... form)
        function_arn = f"acs:fc:{region}:{account.id}:functions/{p.function_name}"
        self.invoker, invoker_policy = self._role("Invoker", f"{p.function_name}-oss", "oss.aliyuncs.com", [
            {"Effect": "Allow", "Action": ["fc:InvokeFunction"], "Resource": [function_arn, f"{function_arn}/*"]},
        ], tags)
        self.trigger = Fcv3Trigger(
            self, "Trigger", function_name=self.function.function_name, trigger_name="documents", trigger_type="oss",
            # the bucket as the trigger's event source, acs:oss:<region>:<account id>:<bucket> (the OSS trigger page
            # above), referenced so the bucket exists first; OSS assumes the invoker role at creation, so its policy
            # must be attached by then
            qualifier="LATEST", source_arn=f"acs:oss:{region}:{account.id}:{self.bucket.bucket}",
            invocation_role=self.invoker.arn, depends_on=[invoker_policy],
            trigger_config=json.dumps({"events": list(DOCUMENT_EVENTS), "filter": {"key": {"prefix": "", "suffix": ""}}},
                                      separators=(",", ":")),
            description="document created or removed")

    def _role(self, prefix: str, name: str, service: str, statements: list[dict[str, Any]],
              tags: dict[str, str] | None) -> tuple[RamRole, RamRolePolicyAttachment]:
        """A role only `service` can assume, with exactly `statements`, and the attachment of its policy."""
        role, attachment = role_with_policy(
            self, prefix, name=name, trust=[service_trust(service)], statements=statements,
            description=f"{self.node.path}: assumed by {service}",
            policy_description=f"{self.node.path}: least privilege for {service}", tags=tags)
        assert attachment is not None  # statements are never empty here
        return role, attachment


def ingestion_package(own_zip: str | None = None, *, emulated: bool = False) -> Package:
    """The function's code: your zip as it is, or the reference handler with pg8000 vendored."""
    if own_zip is None:
        return handler_package(HANDLER_PACKAGE, emulated=emulated)
    path = Path(own_zip).resolve()
    return Package(path, hashlib.sha256(path.read_bytes()).hexdigest())
