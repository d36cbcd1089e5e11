"""Props of `alicloud_ml.constructs.ingestion` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from pydantic import Field

from alicloud_ml.props.base import FrozenModel


class DocumentIngestionProps(FrozenModel):
    """Props of `DocumentIngestion`."""

    bucket: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
                        description="Documents bucket (3-63 lowercase letters, digits, '-'; global). Required.")
    function_name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$", description="Function name. Required.")
    memory_mb: int = Field(1024, ge=128, le=32768, multiple_of=64, description="Function memory. Default: `1024`.")
    timeout_seconds: int = Field(300, ge=1, le=86400, description="Per-event timeout. Default: `300`.")
    chunk_size: int = Field(800, ge=100, le=8000, description="Characters per chunk. Default: `800`.")
    chunk_overlap: int = Field(100, ge=0, le=2000, description="Characters shared by neighbours. Default: `100`.")
    table: str = Field("rag_chunks", pattern=r"^[a-z_][a-z0-9_]{0,62}$", description="Vector table. Default: `rag_chunks`.")
    code_zip: str | None = Field(None, description=(
        "Path to your own code package (a zip whose `index.py` has `handler`). Default: the toolkit's reference "
        "handler, with pg8000 vendored."))
    log_store: str = Field("rag-ingestion", pattern=r"^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", description=(
        "Logstore (in the SLS project passed as `log_project`) for the function's JSON lines. Default: "
        "`rag-ingestion`."))
    log_retention_days: int = Field(30, ge=1, le=3650, description="Retention of that logstore. Default: `30`.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")
