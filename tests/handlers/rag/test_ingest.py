"""The handler end to end: OSS event in, rows in a real PostgreSQL + pgvector out."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import pytest

from alicloud_ml.handlers.rag_ingest import handler as rag
from alicloud_ml.handlers.rag_ingest.chunking import chunk_text
from alicloud_ml.handlers.rag_ingest.embeddings import EmbeddingError
from alicloud_ml.handlers.rag_ingest.kms import SecretError
from alicloud_ml.handlers.rag_ingest.oss_event import EventError
from alicloud_ml.handlers.rag_ingest.oss_object import ObjectFetchError

from .conftest import oss_event

GPU_DOC = ("GPU node pools schedule training jobs on Kubernetes. Each node carries eight accelerators, "
           "and the scheduler packs distributed training pods onto nodes with free GPUs. ") * 14
FRUIT_DOC = ("A banana smoothie recipe: blend ripe bananas with yogurt, honey and ice. Fruit smoothies "
             "taste best with frozen banana slices and a little mango. ") * 3
NOTEBOOK_DOC = ("Idle notebook instances are stopped by the reaper after two hours without a kernel "
                "activity, which saves money on interactive development machines. ") * 3


def logs(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]


def put(oss: Any, bucket: str, key: str, body: bytes) -> bytes:
    oss.objects[(bucket, key)] = body
    return oss_event("ObjectCreated:PutObject", bucket, key, len(body))


def rows(sql: Any, table: str, doc: str) -> list[tuple[int, str]]:
    return sql(f'SELECT chunk_no, content FROM "{table}" WHERE doc_key = %s ORDER BY chunk_no', doc)


def test_create_event_inserts_one_row_per_chunk(rag_env, oss, embedding_api, fc_context, sql, capsys, docs_bucket):
    event = put(oss, docs_bucket, "guides/gpu.txt", GPU_DOC.encode())

    result = json.loads(rag.handler(event, fc_context))

    expected = chunk_text(GPU_DOC, 200, 40)
    assert len(expected) > 10  # more than one embedding batch
    stored = rows(sql, rag_env["RAG_DB_TABLE"], f"oss://{docs_bucket}/guides/gpu.txt")
    assert [r[0] for r in stored] == list(range(len(expected)))
    assert [r[1] for r in stored] == expected
    assert result["results"] == [{"action": "ingest", "document": f"oss://{docs_bucket}/guides/gpu.txt",
                                  "chunks": len(expected), "replaced_rows": 0}]
    # batches of at most 10, each with the key and model the API expects, placed back by index
    sizes = [len(r["body"]["input"]) for r in embedding_api.requests]
    assert sizes == [10] * (len(expected) // 10) + ([len(expected) % 10] if len(expected) % 10 else [])
    assert {r["body"]["model"] for r in embedding_api.requests} == {"text-embedding-v3"}
    dims = sql(f'SELECT DISTINCT vector_dims(embedding) FROM "{rag_env["RAG_DB_TABLE"]}"')
    assert dims == [(256,)]
    # the OSS request carried the STS token (the fake rejects a request without it)
    assert oss.requests[-1]["headers"].get("x-oss-security-token") == fc_context.credentials.security_token
    [line] = [entry for entry in logs(capsys) if entry["action"] == "ingest"]
    assert line["document"] == f"oss://{docs_bucket}/guides/gpu.txt" and line["chunks"] == len(expected)


def test_similarity_query_returns_the_matching_document_first(rag_env, oss, fc_context, monkeypatch, docs_bucket):
    for key, text in (("gpu.txt", GPU_DOC), ("fruit.txt", FRUIT_DOC), ("notebook.txt", NOTEBOOK_DOC)):
        rag.handler(put(oss, docs_bucket, key, text.encode()), fc_context)

    matches = rag.query_similar("how do I make a banana smoothie with mango", k=3, context=fc_context)

    assert matches[0].doc_key == f"oss://{docs_bucket}/fruit.txt"
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    # the application side, without an invocation context: FC's ALIBABA_CLOUD_* variables
    for name, value in (("ALIBABA_CLOUD_ACCESS_KEY_ID", fc_context.credentials.access_key_id),
                        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", fc_context.credentials.access_key_secret),
                        ("ALIBABA_CLOUD_SECURITY_TOKEN", fc_context.credentials.security_token)):
        monkeypatch.setenv(name, value)
    gpu_first = rag.query_similar("which nodes schedule distributed GPU training pods", k=1)
    assert gpu_first[0].doc_key == f"oss://{docs_bucket}/gpu.txt"


def test_reingest_replaces_rows_without_duplicates(rag_env, oss, fc_context, sql, capsys, docs_bucket):
    table, doc = rag_env["RAG_DB_TABLE"], f"oss://{docs_bucket}/notes.txt"
    rag.handler(put(oss, docs_bucket, "notes.txt", GPU_DOC.encode()), fc_context)
    before = len(rows(sql, table, doc))

    rag.handler(put(oss, docs_bucket, "notes.txt", FRUIT_DOC.encode()), fc_context)
    rag.handler(oss_event("ObjectCreated:PutObject", docs_bucket, "notes.txt"), fc_context)  # duplicate delivery

    after = rows(sql, table, doc)
    assert [r[1] for r in after] == chunk_text(FRUIT_DOC, 200, 40)
    assert len(after) != before
    assert sql(f'SELECT count(*), count(DISTINCT chunk_no) FROM "{table}" WHERE doc_key = %s', doc) == [
        (len(after), len(after))]
    ingests = [e for e in logs(capsys) if e["action"] == "ingest"]
    assert [e["replaced_rows"] for e in ingests] == [0, before, len(after)]


def test_remove_event_deletes_every_row_of_that_document_only(rag_env, oss, fc_context, sql, capsys, docs_bucket):
    table = rag_env["RAG_DB_TABLE"]
    rag.handler(put(oss, docs_bucket, "a.txt", GPU_DOC.encode()), fc_context)
    rag.handler(put(oss, docs_bucket, "b.txt", FRUIT_DOC.encode()), fc_context)
    rag.handler(put(oss, docs_bucket, "archive/a.txt", NOTEBOOK_DOC.encode()), fc_context)
    a_rows = len(rows(sql, table, f"oss://{docs_bucket}/a.txt"))
    keep = {d: len(rows(sql, table, d)) for d in (f"oss://{docs_bucket}/b.txt", f"oss://{docs_bucket}/archive/a.txt")}
    del oss.objects[(docs_bucket, "a.txt")]

    result = json.loads(rag.handler(oss_event("ObjectRemoved:DeleteObject", docs_bucket, "a.txt"), fc_context))

    assert result["results"] == [{"action": "delete", "document": f"oss://{docs_bucket}/a.txt", "deleted_rows": a_rows}]
    assert rows(sql, table, f"oss://{docs_bucket}/a.txt") == []
    assert {d: len(rows(sql, table, d)) for d in keep} == keep and all(keep.values())
    assert logs(capsys)[-1] == {"action": "delete", "document": f"oss://{docs_bucket}/a.txt", "deleted_rows": a_rows,
                                "event": "ObjectRemoved:DeleteObject", "reason": "object_removed"}


def test_create_event_for_an_object_already_deleted_removes_its_rows(rag_env, oss, fc_context, sql, docs_bucket):
    rag.handler(put(oss, docs_bucket, "late.txt", FRUIT_DOC.encode()), fc_context)
    del oss.objects[(docs_bucket, "late.txt")]

    result = json.loads(rag.handler(oss_event("ObjectCreated:PutObject", docs_bucket, "late.txt"), fc_context))

    assert result["results"][0]["action"] == "delete" and result["results"][0]["deleted_rows"] > 0
    assert rows(sql, rag_env["RAG_DB_TABLE"], f"oss://{docs_bucket}/late.txt") == []


def test_non_utf8_object_is_skipped_with_a_clear_log_line(rag_env, oss, embedding_api, fc_context, sql, capsys, docs_bucket):
    event = put(oss, docs_bucket, "legacy.txt", "Résumé des coûts".encode("latin-1"))

    result = json.loads(rag.handler(event, fc_context))

    assert result["results"] == [{"action": "skip", "document": f"oss://{docs_bucket}/legacy.txt", "reason": "not_utf8"}]
    [line] = logs(capsys)
    assert line["action"] == "skip" and line["reason"] == "not_utf8"
    assert "not UTF-8" in line["detail"] and "offset 1" in line["detail"]
    assert embedding_api.requests == []
    assert sql("SELECT to_regclass(%s)", rag_env["RAG_DB_TABLE"]) == [(None,)]  # the database was not touched


def test_embedding_error_raises_and_keeps_the_old_rows(rag_env, oss, embedding_api, fc_context, sql, docs_bucket):
    table, doc = rag_env["RAG_DB_TABLE"], f"oss://{docs_bucket}/policy.txt"
    rag.handler(put(oss, docs_bucket, "policy.txt", NOTEBOOK_DOC.encode()), fc_context)
    old = rows(sql, table, doc)
    embedding_api.fail_next = (503, {"error": {"code": "ServiceUnavailable", "message": "upstream overloaded"}})

    with pytest.raises(EmbeddingError, match=r"HTTP 503: ServiceUnavailable: upstream overloaded"):
        rag.handler(put(oss, docs_bucket, "policy.txt", GPU_DOC.encode()), fc_context)

    assert rows(sql, table, doc) == old and old


def test_batches_over_the_api_limit_fail_clearly(rag_env, oss, fc_context, monkeypatch, docs_bucket):
    monkeypatch.setenv("RAG_EMBEDDING_BATCH_SIZE", "11")  # the fake, like the API, takes at most 10 rows

    with pytest.raises(EmbeddingError, match="HTTP 400: InvalidParameter: batch size is invalid"):
        rag.handler(put(oss, docs_bucket, "big.txt", GPU_DOC.encode()), fc_context)


def test_secrets_come_from_kms_signed_with_the_sts_token_and_are_never_logged(
        rag_env, oss, kms, embedding_api, postgres, fc_context, capsys, docs_bucket, secret_names):
    kms.requests.clear()
    rag.handler(put(oss, docs_bucket, "s.txt", FRUIT_DOC.encode()), fc_context)

    assert {r["SecretName"] for r in kms.requests} == {secret_names.db_password, secret_names.api_key}
    assert {r["SecurityToken"] for r in kms.requests} == {fc_context.credentials.security_token}
    out = capsys.readouterr()
    for value in (postgres.password, embedding_api.api_key, fc_context.credentials.access_key_secret):
        assert value not in out.out + out.err

    wrong = SimpleNamespace(region="cn-test-1", credentials=SimpleNamespace(
        access_key_id=fc_context.credentials.access_key_id,
        access_key_secret=fc_context.credentials.access_key_secret, security_token="test-stale-token"))
    with pytest.raises(SecretError, match=f"{secret_names.db_password}.*HTTP 403: InvalidSecurityToken.Mismatch") as err:
        rag.handler(oss_event("ObjectRemoved:DeleteObject", docs_bucket, "s.txt"), wrong)
    assert postgres.password not in str(err.value)


def test_an_event_that_is_not_from_oss_is_logged_and_raised(rag_env, fc_context, capsys):
    with pytest.raises(EventError, match="no 'events' list"):
        rag.handler(b'{"triggerTime": "2026-12-02T12:00:00Z", "triggerName": "timer"}', fc_context)

    assert logs(capsys) == [{"action": "reject", "reason": "not_an_oss_event",
                             "detail": "event has no 'events' list: is this an OSS trigger?"}]


def test_reading_an_sse_kms_document_needs_kms_decrypt_on_the_bucket_key(rag_env, oss, fc_context, docs_bucket,
                                                                        deployed, monkeypatch):
    """OSS decrypts SSE-KMS objects with the reader's permission on the key. With the role policy the staging
    stack synthesizes the document is read; with kms:Decrypt taken out of it, OSS refuses the read."""
    assert oss.bucket_keys.get(docs_bucket), "the documents bucket is SSE-KMS in the platform"
    rag.handler(put(oss, docs_bucket, "kms.txt", FRUIT_DOC.encode()), fc_context)

    def without_decrypt(document: str) -> str:
        data = json.loads(document)
        for statement in data["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            statement["Action"] = [a for a in actions if a.lower() != "kms:decrypt"] or ["kms:DescribeKey"]
        return json.dumps(data)

    monkeypatch.setattr(oss, "policies", tuple(without_decrypt(p) for p in deployed.policies))
    with pytest.raises(ObjectFetchError, match="forbidden by kms"):
        rag.handler(put(oss, docs_bucket, "kms.txt", GPU_DOC.encode()), fc_context)
