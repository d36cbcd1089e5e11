"""The vector table: schema, per-document replace/delete, and similarity search, in two SQL dialects.

``analyticdb`` (production) is AnalyticDB for PostgreSQL with its FastANN engine: ``real[]`` column,
``USING ann(...) WITH (dim, distancemeasure, hnsw_m)`` index, ``DISTRIBUTED BY``. ``pgvector`` is
stock PostgreSQL + pgvector, which the tests run for real. The two share every statement except the
handful in ``Dialect``; DIALECTS.md lists each difference with its documentation.

The table holds one row per chunk, keyed by (doc_key, chunk_no). Replacing a document is DELETE +
INSERT in one transaction, so readers see the old rows or the new ones, never a mix or none, and a
failure anywhere leaves the old rows in place.
"""

from __future__ import annotations

import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Dialect:
    name: str
    #: statements run before CREATE TABLE (pgvector's extension; FastANN is enabled from the console)
    prelude: tuple[str, ...]
    #: SQL type of the embedding column for a dimension
    vector_type: Callable[[int], str]
    #: how a bound parameter (sent by pg8000 as a float8[] array) becomes a vector value
    vector_param: str
    #: appended to CREATE TABLE
    table_suffix: str
    #: CREATE INDEX statement for (index name, table, dimension)
    index_ddl: Callable[[str, str, int], str]
    #: similarity score (higher = closer) of column ``embedding`` to the query parameter
    score_sql: str


# AnalyticDB: real[] column and DISTRIBUTED BY
#   https://www.alibabacloud.com/help/en/analyticdb-for-postgresql/latest/create
# ann index, DISTANCEMEASURE=COSINE, HNSW_M in [10, 1000] (default 32), DIM in [1, 8192]
#   https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/user-guide/create-hnsw-vector-index
# ORDER BY embedding <=> array[...]::float4[] uses the cosine index; cosine_similarity() is the score
#   https://www.alibabacloud.com/help/en/analyticdb/analyticdb-for-postgresql/user-guide/vector-search
ANALYTICDB = Dialect(
    name="analyticdb",
    prelude=(),
    vector_type=lambda dim: "real[]",
    vector_param="CAST(%s AS real[])",
    table_suffix=" DISTRIBUTED BY (doc_key)",
    index_ddl=lambda index, table, dim: (
        f"CREATE INDEX {index} ON {table} USING ann(embedding) "
        f"WITH (dim={dim}, distancemeasure=cosine, hnsw_m=32)"),
    score_sql="cosine_similarity(embedding, CAST(%s AS real[]))",
)

# pgvector: vector(n) type, casts from real[], hnsw + vector_cosine_ops, <=> is cosine distance
#   https://github.com/pgvector/pgvector#readme (README sections "Storing", "HNSW", "Querying")
PGVECTOR = Dialect(
    name="pgvector",
    prelude=("CREATE EXTENSION IF NOT EXISTS vector",),
    vector_type=lambda dim: f"vector({dim})",
    vector_param="CAST(CAST(%s AS real[]) AS vector)",
    table_suffix="",
    index_ddl=lambda index, table, dim: (
        f"CREATE INDEX {index} ON {table} USING hnsw (embedding vector_cosine_ops)"),
    score_sql="1 - (embedding <=> CAST(CAST(%s AS real[]) AS vector))",
)

DIALECTS: dict[str, Dialect] = {d.name: d for d in (ANALYTICDB, PGVECTOR)}


@dataclass(frozen=True)
class Match:
    doc_key: str
    chunk_no: int
    content: str
    score: float


def _quote_table(table: str) -> tuple[str, str | None, str]:
    """(quoted qualified name, schema or None, bare name); ``table`` is validated by Config."""
    schema, _, name = table.rpartition(".")
    quoted = f'"{schema}"."{name}"' if schema else f'"{name}"'
    return quoted, schema or None, name


def schema_statements(dialect: Dialect, table: str, dimensions: int) -> list[str]:
    """DDL that creates the table (idempotent) — for a migration tool, or ``ensure_schema``."""
    quoted, _, name = _quote_table(table)
    return [*dialect.prelude, (
        f"CREATE TABLE IF NOT EXISTS {quoted} ("
        " doc_key text NOT NULL,"
        " chunk_no integer NOT NULL,"
        " content text NOT NULL,"
        f" embedding {dialect.vector_type(dimensions)} NOT NULL,"
        " ingested_at timestamp with time zone NOT NULL DEFAULT now(),"
        " PRIMARY KEY (doc_key, chunk_no))" + dialect.table_suffix)]


def index_name(table: str) -> str:
    return f"{_quote_table(table)[2]}_embedding_ann"[:63]


class VectorStore:
    """One connection's worth of operations on the vector table. Use as a context manager."""

    def __init__(self, connection: Any, dialect: Dialect, table: str, dimensions: int) -> None:
        self.connection = connection
        self.dialect = dialect
        self.table = table
        self.dimensions = dimensions
        self._quoted, self._schema, _ = _quote_table(table)

    def __enter__(self) -> VectorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()

    def _transaction(self, work: Callable[[Any], Any]) -> Any:
        cursor = self.connection.cursor()
        try:
            result = work(cursor)
            self.connection.commit()
            return result
        except BaseException:
            self.connection.rollback()
            raise
        finally:
            cursor.close()

    def ensure_schema(self) -> None:
        """Create the table, then its ANN index if no index of that name exists. The existence check
        replaces CREATE INDEX IF NOT EXISTS, which AnalyticDB 6.0's PostgreSQL 9.4 kernel lacks."""
        def work(cur: Any) -> None:
            for statement in schema_statements(self.dialect, self.table, self.dimensions):
                cur.execute(statement)
            index = index_name(self.table)
            cur.execute("SELECT 1 FROM pg_indexes WHERE schemaname = COALESCE(%s, current_schema()) "
                        "AND indexname = %s", (self._schema, index))
            if not cur.fetchall():
                cur.execute(self.dialect.index_ddl(f'"{index}"', self._quoted, self.dimensions))
        self._transaction(work)

    def replace_document(self, doc_key: str, chunks: Sequence[str],
                         vectors: Sequence[Sequence[float]]) -> int:
        """Delete the document's rows and insert the new chunks in one transaction; returns the
        number of rows deleted."""
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        insert = (f"INSERT INTO {self._quoted} (doc_key, chunk_no, content, embedding) "
                  f"VALUES (%s, %s, %s, {self.dialect.vector_param})")

        def work(cur: Any) -> int:
            cur.execute(f"DELETE FROM {self._quoted} WHERE doc_key = %s", (doc_key,))
            deleted = max(cur.rowcount, 0)
            if chunks:
                cur.executemany(insert, [(doc_key, i, text, [float(x) for x in vec])
                                         for i, (text, vec) in enumerate(zip(chunks, vectors))])
            return deleted
        return self._transaction(work)

    def delete_document(self, doc_key: str) -> int:
        """Delete every row of the document in one statement; returns how many were deleted."""
        def work(cur: Any) -> int:
            cur.execute(f"DELETE FROM {self._quoted} WHERE doc_key = %s", (doc_key,))
            return max(cur.rowcount, 0)
        return self._transaction(work)

    def count(self, doc_key: str) -> int:
        def work(cur: Any) -> int:
            cur.execute(f"SELECT count(*) FROM {self._quoted} WHERE doc_key = %s", (doc_key,))
            return int(cur.fetchone()[0])
        return self._transaction(work)

    def query_similar(self, vector: Sequence[float], k: int) -> list[Match]:
        """The ``k`` chunks closest to ``vector`` by cosine, best first (the ANN index's operator)."""
        if k < 1:
            raise ValueError("k must be >= 1")
        vec = [float(x) for x in vector]
        sql = (f"SELECT doc_key, chunk_no, content, {self.dialect.score_sql} AS score "
               f"FROM {self._quoted} ORDER BY embedding <=> {self.dialect.vector_param} LIMIT %s")

        def work(cur: Any) -> list[Match]:
            cur.execute(sql, (vec, vec, int(k)))
            return [Match(r[0], int(r[1]), r[2], float(r[3])) for r in cur.fetchall()]
        return self._transaction(work)


def ssl_context(sslmode: str, root_cert: str | None) -> ssl.SSLContext | None:
    """``require`` encrypts without verifying (the instance's certificate is not in public CA
    bundles); ``verify-full`` verifies against RAG_DB_SSL_ROOT_CERT and the host name."""
    if sslmode == "disable":
        return None
    if sslmode == "verify-full":
        return ssl.create_default_context(cafile=root_cert)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def connect(host: str, port: int, database: str, user: str, password: str, *,
            sslmode: str = "require", root_cert: str | None = None, timeout: float = 10.0) -> Any:
    """A pg8000 DB-API connection (autocommit off). Imported here so the rest of the package loads
    where pg8000 is not installed (the construct that packages the function imports it too)."""
    import pg8000.dbapi

    return pg8000.dbapi.connect(user=user, host=host, port=port, database=database, password=password,
                                ssl_context=ssl_context(sslmode, root_cert), timeout=timeout,
                                application_name="rag-ingest")
