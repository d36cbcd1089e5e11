"""Props of `alicloud_ml.constructs.rag` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from alicloud_ml.props.base import FrozenModel

#: Model Studio's OpenAI-compatible mode (China (Beijing); Singapore: dashscope-intl) and its embedding model:
#: https://www.alibabacloud.com/help/en/model-studio/embedding-interfaces-compatible-with-openai
MODEL_STUDIO_BASE_URL = "https://dashscope.aliyuncs.com/compatible-mode/v1"


class VectorStoreProps(FrozenModel):
    """Props of `VectorStore`: AnalyticDB for PostgreSQL sized for vector search (provider docs r/gpdb_instance)."""

    name: str = Field(pattern=r"^[a-z][a-z0-9-]{1,60}$", description="Name prefix of the store's resources. Required.")
    engine_version: Literal["6.0", "7.0"] = Field("6.0", description=(
        "Engine version; vector optimization needs kernel >= V6.3.10.18 (6.0) or V7.2.1.2 (7.0), and new instances "
        "get the latest minor. Default: `6.0`."))
    instance_spec: Literal["4C32G", "16C128G"] = Field("4C32G", description=(
        "Compute node spec; High-availability vector optimization needs >= 4 cores / 32 GB. Default: `4C32G`."))
    seg_node_num: int = Field(4, ge=4, le=512, multiple_of=4, description=(
        "Compute nodes; High-availability elastic storage takes 4 to 512, a multiple of 4. Default: `4`."))
    storage_size: int = Field(50, ge=50, le=4000, description="Storage per node in GB (50 to 4000). Default: `50`.")
    account_name: str = Field("rag_app", pattern=r"^[a-z][a-z0-9_]{1,15}$", description=(
        "Application account (a Normal account, never Super). Default: `rag_app`."))
    backup_retention_days: int = Field(7, ge=1, le=3650, description="Backup retention in days. Default: `7`.")
    backup_time: str = Field("18:00Z-19:00Z", pattern=r"^\d{2}:00Z-\d{2}:00Z$", description=(
        "Daily backup window, UTC (`HH:mmZ-HH:mmZ`). Default: `18:00Z-19:00Z`."))
    force_delete_secrets: bool = Field(False, description=(
        "Delete the tier's KMS secrets at once on destroy (`force_delete_without_recovery`) instead of after the "
        "30-day recovery window, during which the names stay taken and a re-deploy fails (provider doc r/kms_secret). "
        "Default: `false` (`true` outside production in a platform file)."))
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")


class GenerationEndpointProps(FrozenModel):
    """Props of `GenerationEndpoint`: an OpenAI-compatible API for embeddings and chat completions."""

    base_url: str = Field(MODEL_STUDIO_BASE_URL, pattern=r"^https?://[^\s]+$", description=(
        "OpenAI-compatible base URL: Model Studio by default, or an in-VPC EAS service. Switching models is a "
        f"config change. Default: `{MODEL_STUDIO_BASE_URL}`."))
    # a Model Studio model name in OpenAI-compatible mode (https://www.alibabacloud.com/help/en/model-studio/models)
    chat_model: str = Field("qwen-plus", min_length=1, description="Chat model name. Default: `qwen-plus`.")
    embedding_model: str = Field("text-embedding-v3", min_length=1, description=(
        "Embedding model. Default: `text-embedding-v3` (1,024 dimensions, 10 rows per request)."))
    embedding_dimensions: int = Field(1024, ge=64, le=8192, description="Embedding dimensions. Default: `1024`.")
