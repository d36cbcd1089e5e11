"""Props of `alicloud_ml.constructs.rag_tier` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

from pydantic import Field

from alicloud_ml.props.base import FrozenModel
from alicloud_ml.props.ingestion import DocumentIngestionProps
from alicloud_ml.props.rag import GenerationEndpointProps, VectorStoreProps


class RagTierProps(FrozenModel):
    """Props of `RagTier`: one table each for the store, the ingestion and the generation endpoint."""

    store: VectorStoreProps = Field(description="The AnalyticDB vector store. Required (its `name` is derived in "
                                                "a platform file).")
    ingestion: DocumentIngestionProps = Field(description="The documents bucket and the ingestion function.")
    generation: GenerationEndpointProps = Field(default_factory=GenerationEndpointProps, description=(
        "Base URL and models of the OpenAI-compatible endpoint. Default: Model Studio, qwen-plus, text-embedding-v3."))
    tags: dict[str, str] = Field(default_factory=dict, description="Tags on every resource of the tier. Default: none.")
