"""Function Compute entry point: one OSS event in, the vector table brought in line with OSS.

Create → fetch, decode (UTF-8 only), chunk, embed, replace the document's rows in one transaction.
Remove → delete all of the document's rows at once. A created object that is already gone (404, e.g.
a delayed event after a delete) is treated like a remove, so the table never keeps vectors of a
deleted object. Failures that a retry can fix (embedding API, OSS, database) raise, so FC's
asynchronous-invocation retry runs the event again; the old rows stay until a replace commits.
Each action prints one JSON line to stdout, which FC ships to the function's SLS Logstore.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from .chunking import chunk_text
from .config import Config, ConfigError, Credentials
from .embeddings import EmbeddingClient
from .kms import KmsSecretReader, SecretReader
from .oss_event import CREATED, EventError, OssEvent, parse_event
from .oss_object import ObjectFetchError, ObjectTooLarge, get_object
from .store import DIALECTS, Match, VectorStore, connect


def log(action: str, **fields: Any) -> None:
    """One JSON object per line on stdout; never pass secret values here."""
    print(json.dumps({"action": action, **fields}, ensure_ascii=False, sort_keys=True), file=sys.stdout,
          flush=True)


class Ingestor:
    """The handler's work, with its collaborators injectable (secrets, object fetch, connection)."""

    def __init__(self, config: Config, credentials: Credentials, secrets: SecretReader | None = None,
                 fetch: Callable[[str, str], bytes] | None = None,
                 connect_db: Callable[[str], Any] | None = None) -> None:
        self.config = config
        self.credentials = credentials
        self.secrets = secrets or KmsSecretReader(config.endpoint(config.kms_endpoint), credentials)
        self._fetch = fetch or self._get_object
        self._connect_db = connect_db or self._connect

    # --- collaborators -------------------------------------------------------------------------
    def _get_object(self, bucket: str, key: str) -> bytes:
        endpoint = self.config.endpoint(self.config.oss_endpoint, bucket=bucket)
        return get_object(endpoint, bucket, key, self.credentials, self.config.max_object_bytes)

    def _connect(self, password: str) -> Any:
        c = self.config
        return connect(c.db_host, c.db_port, c.db_name, c.db_user, password,
                       sslmode=c.db_sslmode, root_cert=c.db_ssl_root_cert)

    def store(self) -> VectorStore:
        c = self.config
        store = VectorStore(self._connect_db(self.secrets.get(c.db_password_secret)), DIALECTS[c.dialect],
                            c.db_table, c.embedding_dimensions)
        if c.ensure_schema:
            try:
                store.ensure_schema()
            except BaseException:
                store.connection.close()
                raise
        return store

    def embedder(self) -> EmbeddingClient:
        c = self.config
        return EmbeddingClient(c.embedding_base_url, self.secrets.get(c.embedding_api_key_secret),
                               c.embedding_model, c.embedding_dimensions, c.embedding_batch_size,
                               c.embedding_timeout)

    # --- actions -------------------------------------------------------------------------------
    def handle(self, event: OssEvent) -> dict[str, Any]:
        if event.action == CREATED:
            return self.ingest(event)
        return self.remove(event.document_key, event.event_name)

    def ingest(self, event: OssEvent) -> dict[str, Any]:
        doc = event.document_key
        started = time.monotonic()
        try:
            raw = self._fetch(event.bucket, event.key)
        except ObjectTooLarge as exc:
            log("skip", document=doc, reason="too_large", detail=str(exc))
            return {"action": "skip", "document": doc, "reason": "too_large"}
        except ObjectFetchError as exc:
            if exc.status == 404:  # deleted before we got here: make the table agree
                return self.remove(doc, event.event_name, reason="object_gone")
            raise
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            log("skip", document=doc, reason="not_utf8", bytes=len(raw),
                detail=f"object is not UTF-8 text (invalid byte at offset {exc.start}); only UTF-8 "
                       "text is ingested, convert it before upload")
            return {"action": "skip", "document": doc, "reason": "not_utf8"}
        text = text.removeprefix("\ufeff")
        chunks = chunk_text(text, self.config.chunk_size, self.config.chunk_overlap)
        vectors = self.embedder().embed(chunks) if chunks else []  # before the transaction opens
        with self.store() as store:
            replaced = store.replace_document(doc, chunks, vectors)
        log("ingest", document=doc, event=event.event_name, chunks=len(chunks), replaced_rows=replaced,
            bytes=len(raw), seconds=round(time.monotonic() - started, 3))
        return {"action": "ingest", "document": doc, "chunks": len(chunks), "replaced_rows": replaced}

    def remove(self, doc: str, event_name: str, reason: str = "object_removed") -> dict[str, Any]:
        with self.store() as store:
            deleted = store.delete_document(doc)
        log("delete", document=doc, event=event_name, deleted_rows=deleted, reason=reason)
        return {"action": "delete", "document": doc, "deleted_rows": deleted}

    def query_similar(self, text: str, k: int = 5) -> list[Match]:
        [vector] = self.embedder().embed([text])
        with self.store() as store:
            return store.query_similar(vector, k)


def _region(context: Any) -> str | None:
    return getattr(context, "region", None) or (context.get("region") if isinstance(context, dict) else None)


def handler(event: bytes | str, context: Any) -> str:
    """FC 3.0 event handler for an OSS trigger. Returns a JSON summary (visible in sync invokes)."""
    config = Config.from_env(region=_region(context))
    ingestor = Ingestor(config, Credentials.from_context(context))
    try:
        records = parse_event(event)
    except EventError as exc:  # logged, then raised so the invocation shows as failed
        log("reject", reason="not_an_oss_event", detail=str(exc))
        raise
    results = [ingestor.handle(record) for record in records]
    return json.dumps({"results": results})


def query_similar(text: str, k: int = 5, *, context: Any = None, config: Config | None = None,
                  secrets: SecretReader | None = None) -> list[Match]:
    """Nearest chunks to ``text`` for the application side, with the handler's configuration.
    Credentials for KMS come from ``context`` (an FC context, or anything with ``credentials``),
    else from FC's ALIBABA_CLOUD_* variables; a ``secrets`` reader needs none."""
    config = config or Config.from_env(region=_region(context))
    credentials = Credentials.from_context(context) if context is not None else Credentials.from_env()
    if credentials is None:
        if secrets is None:
            raise ConfigError("no credentials: pass an FC context, set ALIBABA_CLOUD_ACCESS_KEY_ID/"
                              "_SECRET, or pass a SecretReader")
        credentials = Credentials("", "")  # only KMS and OSS use them, and neither is called
    return Ingestor(config, credentials, secrets=secrets).query_similar(text, k)
