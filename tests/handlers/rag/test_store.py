"""The vector table on its own: schema creation, transactional replace, and the two SQL dialects."""

from __future__ import annotations

import pytest

from alicloud_ml.handlers.rag_ingest.store import (ANALYTICDB, PGVECTOR, VectorStore, connect, index_name,
                                                   schema_statements)

from .fakes import fake_embedding


@pytest.fixture
def store(postgres, request):
    table = "store_" + request.node.name.lower()[:40]
    conn = connect(postgres.host, postgres.port, postgres.database, postgres.user, postgres.password,
                   sslmode="disable")
    with VectorStore(conn, PGVECTOR, table, 32) as s:
        s.ensure_schema()
        yield s


def test_ensure_schema_is_idempotent_and_builds_the_cosine_hnsw_index(store, sql):
    store.ensure_schema()  # second run: table and index exist, nothing fails

    [(definition,)] = sql("SELECT indexdef FROM pg_indexes WHERE indexname = %s", index_name(store.table))
    assert "USING hnsw (embedding vector_cosine_ops)" in definition
    [(column_type,)] = sql("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                           "WHERE attrelid = to_regclass(%s) AND attname = 'embedding'", store.table)
    assert column_type == "vector(32)"


def test_a_failure_inside_replace_rolls_back_to_the_old_rows(store, sql):
    old = ["alpha beta", "gamma delta"]
    store.replace_document("oss://b/k", old, [fake_embedding(t, 32) for t in old])
    new = ["one", "two", "three"]
    vectors = [fake_embedding("one", 32), fake_embedding("two", 16), fake_embedding("three", 32)]

    with pytest.raises(Exception, match="expected 32 dimensions, not 16"):
        store.replace_document("oss://b/k", new, vectors)  # DELETE ran, the 2nd INSERT fails

    assert sql(f'SELECT content FROM "{store.table}" WHERE doc_key = %s ORDER BY chunk_no', "oss://b/k") == [
        ("alpha beta",), ("gamma delta",)]
    assert store.count("oss://b/k") == 2  # the same connection is usable after the rollback


def test_query_similar_orders_by_cosine_and_scores_in_0_1(store):
    texts = {"oss://b/cats": "cats purr and sleep", "oss://b/dogs": "dogs bark and fetch",
             "oss://b/sql": "postgres indexes speed up queries"}
    for doc, text in texts.items():
        store.replace_document(doc, [text], [fake_embedding(text, 32)])

    matches = store.query_similar(fake_embedding("do dogs fetch", 32), 2)

    assert [m.doc_key for m in matches][0] == "oss://b/dogs"
    assert len(matches) == 2 and 0 < matches[0].score <= 1.0001 and matches[0].score > matches[1].score


def test_analyticdb_dialect_uses_real_arrays_distribution_and_the_ann_index():
    [create] = schema_statements(ANALYTICDB, "rag.chunks", 1024)
    assert 'CREATE TABLE IF NOT EXISTS "rag"."chunks"' in create
    assert "embedding real[] NOT NULL" in create and create.endswith(" DISTRIBUTED BY (doc_key)")
    assert "PRIMARY KEY (doc_key, chunk_no)" in create  # contains the distribution key, as Greenplum requires
    assert ANALYTICDB.index_ddl('"i"', '"t"', 1024) == (
        'CREATE INDEX "i" ON "t" USING ann(embedding) WITH (dim=1024, distancemeasure=cosine, hnsw_m=32)')
    assert "CREATE EXTENSION" not in " ".join(schema_statements(ANALYTICDB, "t", 8))
    assert ANALYTICDB.score_sql == "cosine_similarity(embedding, CAST(%s AS real[]))"
    assert schema_statements(PGVECTOR, "t", 8)[0] == "CREATE EXTENSION IF NOT EXISTS vector"
