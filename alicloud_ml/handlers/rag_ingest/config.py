"""Configuration from environment variables, and the STS credentials FC hands each invocation.

Read once per invocation (not at import) so a changed function configuration applies to the next
event, and so tests can set the environment per test.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .store import DIALECTS

# Model Studio OpenAI-compatible base URL (China (Beijing) region; Singapore is
# https://dashscope-intl.aliyuncs.com/compatible-mode/v1) and the embedding models' limits:
# text-embedding-v3 returns 1,024 dimensions by default (1,024/768/512 selectable) and takes at most
# 10 rows per request. https://www.alibabacloud.com/help/en/model-studio/embedding-interfaces-compatible-with-openai
# (batch size 10 for v3 also: https://docs.qwencloud.com/api-reference/text-embedding/openai-embedding)
DEFAULT_EMBEDDING_BASE_URL = "https://dashscope.aliyuncs.com/compatible-mode/v1"
DEFAULT_EMBEDDING_MODEL = "text-embedding-v3"
DEFAULT_EMBEDDING_DIMENSIONS = 1024
MAX_EMBEDDING_BATCH = 10

# KMS VPC endpoint, kms-vpc.<region>.aliyuncs.com (public: kms.<region>.aliyuncs.com):
# https://www.alibabacloud.com/help/en/kms/key-management-service/developer-reference/api-kms-2016-01-20-endpoint
DEFAULT_KMS_ENDPOINT = "https://kms-vpc.{region}.aliyuncs.com"

# OSS internal (same-region VPC) endpoint, virtual-hosted style: <bucket>.oss-<region>-internal.aliyuncs.com
# https://alibabacloud.com/help/en/oss/user-guide/regions-and-endpoints
DEFAULT_OSS_ENDPOINT = "https://{bucket}.oss-{region}-internal.aliyuncs.com"

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$")
_SSLMODES = ("disable", "require", "verify-full")


class ConfigError(ValueError):
    """A missing or malformed environment variable: the function is misconfigured, not the event."""


@dataclass(frozen=True)
class Credentials:
    """STS credentials of the function's role; FC passes them in ``context.credentials``."""

    access_key_id: str
    access_key_secret: str
    security_token: str | None = None

    def __repr__(self) -> str:  # never print the secret or the token
        return f"Credentials(access_key_id={self.access_key_id!r}, access_key_secret=***, security_token=***)"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Credentials | None:
        """FC also exports the role's credentials as ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET and
        ALIBABA_CLOUD_SECURITY_TOKEN (https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables);
        the application side reads them here when it has no invocation context."""
        env = os.environ if env is None else env
        key_id, secret = env.get("ALIBABA_CLOUD_ACCESS_KEY_ID"), env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        if not key_id or not secret:
            return None
        return cls(key_id, secret, env.get("ALIBABA_CLOUD_SECURITY_TOKEN") or None)

    @classmethod
    def from_context(cls, context: Any, env: Mapping[str, str] | None = None) -> Credentials:
        """Python runtimes name the fields access_key_id/access_key_secret/security_token
        (https://www.alibabacloud.com/help/doc-detail/422182.htm); other runtimes' docs use
        accessKeyId/accessKeySecret/securityToken (https://alibabacloud.com/help/en/functioncompute/context),
        so both spellings, as attributes or mapping keys, are accepted. The python3.12 runtime passes no
        `context.credentials`, only the ALIBABA_CLOUD_* variables (https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables):
        those are read then."""
        creds = getattr(context, "credentials", None)
        if creds is None and isinstance(context, Mapping):
            creds = context.get("credentials")
        if creds is None:
            from_env = cls.from_env(env)
            if from_env is None:
                raise ConfigError("context.credentials is missing and ALIBABA_CLOUD_ACCESS_KEY_ID is not set: give "
                                  "the function a RAM role")
            return from_env

        def pick(*names: str) -> str | None:
            for name in names:
                value = creds.get(name) if isinstance(creds, Mapping) else getattr(creds, name, None)
                if value:
                    return str(value)
            return None

        key_id = pick("access_key_id", "accessKeyId")
        secret = pick("access_key_secret", "accessKeySecret")
        if not key_id or not secret:
            raise ConfigError("context.credentials has no AccessKey pair: give the function a RAM role")
        return cls(key_id, secret, pick("security_token", "securityToken"))


@dataclass(frozen=True)
class Config:
    db_host: str
    db_port: int
    db_name: str
    db_user: str
    db_table: str
    dialect: str
    db_sslmode: str
    db_ssl_root_cert: str | None
    ensure_schema: bool
    db_password_secret: str
    embedding_api_key_secret: str
    kms_endpoint: str
    region: str | None
    oss_endpoint: str
    max_object_bytes: int
    embedding_base_url: str
    embedding_model: str
    embedding_dimensions: int
    embedding_batch_size: int
    embedding_timeout: float
    chunk_size: int
    chunk_overlap: int

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, region: str | None = None) -> Config:
        env = os.environ if env is None else env

        def get(name: str, default: str | None = None) -> str:
            value = env.get(name, "").strip()
            if value:
                return value
            if default is None:
                raise ConfigError(f"environment variable {name} is required")
            return default

        def integer(name: str, default: int, low: int, high: int | None = None) -> int:
            raw = get(name, str(default))
            try:
                value = int(raw)
            except ValueError:
                raise ConfigError(f"{name}={raw!r} is not an integer") from None
            if value < low or (high is not None and value > high):
                bound = f"between {low} and {high}" if high is not None else f">= {low}"
                raise ConfigError(f"{name}={value} must be {bound}")
            return value

        table = get("RAG_DB_TABLE", "rag_chunks")
        if not _IDENT.match(table):
            raise ConfigError(f"RAG_DB_TABLE={table!r} must be name or schema.name (letters, digits, _)")
        dialect = get("RAG_DB_DIALECT", "analyticdb")
        if dialect not in DIALECTS:
            raise ConfigError(f"RAG_DB_DIALECT={dialect!r} must be one of {sorted(DIALECTS)}")
        sslmode = get("RAG_DB_SSLMODE", "require")
        if sslmode not in _SSLMODES:
            raise ConfigError(f"RAG_DB_SSLMODE={sslmode!r} must be one of {_SSLMODES}")
        size = integer("RAG_CHUNK_SIZE", 800, 1)
        overlap = integer("RAG_CHUNK_OVERLAP", 100, 0)
        if overlap >= size:
            raise ConfigError(f"RAG_CHUNK_OVERLAP={overlap} must be smaller than RAG_CHUNK_SIZE={size}")
        timeout_raw = get("RAG_EMBEDDING_TIMEOUT_SECONDS", "30")
        try:
            timeout = float(timeout_raw)
        except ValueError:
            raise ConfigError(f"RAG_EMBEDDING_TIMEOUT_SECONDS={timeout_raw!r} is not a number") from None
        return cls(
            db_host=get("RAG_DB_HOST"),
            db_port=integer("RAG_DB_PORT", 5432, 1, 65535),
            db_name=get("RAG_DB_NAME", "postgres"),
            db_user=get("RAG_DB_USER"),
            db_table=table,
            dialect=dialect,
            db_sslmode=sslmode,
            db_ssl_root_cert=env.get("RAG_DB_SSL_ROOT_CERT") or None,
            ensure_schema=get("RAG_DB_ENSURE_SCHEMA", "true").lower() in ("1", "true", "yes"),
            db_password_secret=get("RAG_DB_PASSWORD_SECRET"),
            embedding_api_key_secret=get("RAG_EMBEDDING_API_KEY_SECRET"),
            kms_endpoint=get("RAG_KMS_ENDPOINT", DEFAULT_KMS_ENDPOINT),
            # FC_REGION: FC's system variable for the function's region
            # (https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables)
            region=env.get("RAG_REGION") or region or env.get("FC_REGION") or None,
            oss_endpoint=get("RAG_OSS_ENDPOINT", DEFAULT_OSS_ENDPOINT),
            max_object_bytes=integer("RAG_MAX_OBJECT_BYTES", 20 * 1024 * 1024, 1),
            embedding_base_url=get("RAG_EMBEDDING_BASE_URL", DEFAULT_EMBEDDING_BASE_URL).rstrip("/"),
            embedding_model=get("RAG_EMBEDDING_MODEL", DEFAULT_EMBEDDING_MODEL),
            embedding_dimensions=integer("RAG_EMBEDDING_DIMENSIONS", DEFAULT_EMBEDDING_DIMENSIONS, 1, 8192),
            embedding_batch_size=integer("RAG_EMBEDDING_BATCH_SIZE", MAX_EMBEDDING_BATCH, 1),
            embedding_timeout=timeout,
            chunk_size=size,
            chunk_overlap=overlap,
        )

    def endpoint(self, template: str, **values: str) -> str:
        """Fill ``{region}`` (and e.g. ``{bucket}``) into an endpoint template."""
        if "{region}" in template and not self.region:
            raise ConfigError("no region: set RAG_REGION (FC passes context.region)")
        return template.format(region=self.region or "", **values).rstrip("/")
