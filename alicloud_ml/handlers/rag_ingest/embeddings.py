"""Embeddings through Model Studio's OpenAI-compatible HTTP API, with only ``urllib``.

No SDK: the ``openai`` package would add megabytes to the FC code package for one POST. Request and
response shapes: ``POST {base_url}/embeddings`` with ``{"model", "input": [...], "dimensions",
"encoding_format": "float"}`` and a Bearer API key; the answer's ``data[i].embedding`` carries an
``index`` that need not follow input order, so results are placed by index.
https://www.alibabacloud.com/help/en/model-studio/embedding-interfaces-compatible-with-openai
https://docs.qwencloud.com/api-reference/text-embedding/openai-embedding
"""

from __future__ import annotations

import json
import urllib.request

from .http_json import fetch_json
from collections.abc import Sequence


class EmbeddingError(RuntimeError):
    """The embedding API failed; raised so FC's async retry runs the event again."""


class EmbeddingClient:
    def __init__(self, base_url: str, api_key: str, model: str, dimensions: int,
                 batch_size: int = 10, timeout: float = 30.0) -> None:
        self._url = base_url.rstrip("/") + "/embeddings"
        self._api_key = api_key
        self.model = model
        self.dimensions = dimensions
        self.batch_size = batch_size
        self.timeout = timeout

    def __repr__(self) -> str:  # the API key stays out of tracebacks and logs
        return f"EmbeddingClient(url={self._url!r}, model={self.model!r}, dimensions={self.dimensions})"

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order, in batches of at most ``batch_size`` rows per request."""
        vectors: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            vectors.extend(self._embed_batch(list(texts[i:i + self.batch_size])))
        return vectors

    def _embed_batch(self, batch: list[str]) -> list[list[float]]:
        body = json.dumps({"model": self.model, "input": batch, "dimensions": self.dimensions,
                           "encoding_format": "float"}).encode()
        request = urllib.request.Request(self._url, data=body, method="POST", headers={
            "Authorization": f"Bearer {self._api_key}", "Content-Type": "application/json"})
        payload = fetch_json(request, timeout=self.timeout, what=f"embedding API {self._url}", error=EmbeddingError,
                             detail=_error_message)
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, list) or len(data) != len(batch):
            raise EmbeddingError(f"embedding API returned {len(data) if isinstance(data, list) else 'no'} "
                                 f"embeddings for {len(batch)} inputs")
        out: list[list[float] | None] = [None] * len(batch)
        for item in data:
            index, vector = item.get("index"), item.get("embedding")
            if not isinstance(index, int) or not 0 <= index < len(batch) or not isinstance(vector, list):
                raise EmbeddingError(f"embedding API returned a malformed item (index {index!r})")
            if len(vector) != self.dimensions:
                raise EmbeddingError(f"embedding API returned {len(vector)} dimensions, expected "
                                     f"{self.dimensions} (RAG_EMBEDDING_DIMENSIONS)")
            out[index] = [float(x) for x in vector]
        if any(v is None for v in out):
            raise EmbeddingError("embedding API left some inputs without an embedding")
        return out  # type: ignore[return-value]


def _error_message(raw: bytes) -> str:
    """The OpenAI-style ``{"error": {"message", "code"}}`` text, else the first 200 bytes."""
    try:
        err = json.loads(raw).get("error")
        if isinstance(err, dict):
            return f"{err.get('code') or err.get('type') or 'error'}: {err.get('message', '')}"
    except (ValueError, AttributeError):
        pass
    return raw[:200].decode("utf-8", "replace")
