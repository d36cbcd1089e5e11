"""`RagTier`: the ML guide's RAG architecture (section 3.1) in one construct, as `[rag]` in a platform file builds it.

A vector store, a generation endpoint and document ingestion on the platform's network, in that order
(ingestion reads the store's endpoint and the two secrets). Names come from `name`; the documents
bucket name is global, so the platform derives it with its name suffix.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from alicloud_ml.constructs.ingestion import DocumentIngestion
from alicloud_ml.constructs.network import MlNetwork
from alicloud_ml.constructs.rag import (
    GenerationEndpoint,
    VectorStore,
)
from alicloud_ml.constructs.security import WorkloadSecurityGroup
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.rag_tier import RagTierProps


class RagTier(Construct):
    """Vector store + generation endpoint + document ingestion. Attributes: `store`, `endpoint`, `ingestion`."""

    def __init__(self, scope: Construct, id: str, *, network: MlNetwork, security_group: WorkloadSecurityGroup,
                 props: RagTierProps | Mapping[str, Any], log_project: str | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(RagTierProps, props, self.node.path)
        self.store = VectorStore(self, "Store", network=network,
                                 props=p.store.model_copy(update={"tags": {**p.tags, **p.store.tags}}))
        self.endpoint = GenerationEndpoint(self, "Generation", name=p.store.name, encryption_key=self.store.key,
                                           props=p.generation, force_delete_secret=p.store.force_delete_secrets)
        self.ingestion = DocumentIngestion(
            self, "Ingestion", network=network, security_group=security_group, store=self.store,
            endpoint=self.endpoint, log_project=log_project,
            props=p.ingestion.model_copy(update={"tags": {**p.tags, **p.ingestion.tags}}))
