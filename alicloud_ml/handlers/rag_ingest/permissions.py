"""The RAM requests the ingestion handler makes with its function's STS role, as plain data (this package
ships alone in the function's code package; alicloud_ml/handlers/permissions.py reads it)."""

#: (action, resource ARN template, why). OSS ARNs: acs:oss:*:<account>:<bucket>/<object>
#: (https://www.alibabacloud.com/help/en/oss/user-guide/common-examples-of-bucket-policy); KMS ARNs:
#: acs:kms:<region>:<account>:key/<key id> and .../secret/<name>
#: (https://www.alibabacloud.com/help/en/kms/key-management-service/user-guide/use-ram-for-access-control).
REQUIRED_PERMISSIONS: tuple[tuple[str, str, str], ...] = (
    ("oss:GetObject", "acs:oss:*:{account}:{bucket}/{object}", "oss_object.get_object reads the uploaded document"),
    # The documents bucket is SSE-KMS: OSS decrypts with the caller's permission on the key and refuses with
    # "This request is forbidden by kms" otherwise (OSS "Server-side encryption",
    # https://www.alibabacloud.com/help/en/oss/user-guide/server-side-encryption-8, doc-detail/31871).
    ("kms:Decrypt", "acs:kms:{region}:{account}:key/{documents_key}",
     "OSS decrypts the SSE-KMS document with the reader's permission on the key"),
    ("kms:GetSecretValue", "acs:kms:{region}:{account}:secret/{secret}",
     "kms.SecretReader reads the database password and the embedding API key"),
)
#: An environment variable the handler requires (config.Config.from_env): it marks a function as this handler.
MARKER_ENV = "RAG_DB_HOST"
