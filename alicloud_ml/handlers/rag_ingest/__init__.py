"""Reference RAG document-ingestion function for Function Compute 3.0 (ML guide section 3.1).

An OSS trigger on ``oss:ObjectCreated:*`` and ``oss:ObjectRemoved:*`` invokes ``handler.handler``.
On create it reads the object (UTF-8 text only), cuts it into overlapping fixed-size chunks, embeds
them through Model Studio's OpenAI-compatible ``/embeddings`` API and replaces the document's rows in
the vector table in one transaction (re-ingest is idempotent). On remove it deletes every row of the
document at once, so a deleted document stops being retrievable immediately. Everything is stdlib
except the pure-Python PostgreSQL driver ``pg8000`` (no native libraries in the FC code package).

Environment variables (``config.Config.from_env`` reads them; defaults in brackets):

Database (AnalyticDB for PostgreSQL in production)
  RAG_DB_HOST (required), RAG_DB_PORT [5432], RAG_DB_NAME [postgres], RAG_DB_USER (required),
  RAG_DB_TABLE [rag_chunks] (``name`` or ``schema.name``), RAG_DB_DIALECT [analyticdb | pgvector],
  RAG_DB_SSLMODE [require | disable | verify-full], RAG_DB_SSL_ROOT_CERT (CA file for verify-full),
  RAG_DB_ENSURE_SCHEMA [true]: create the table and its ANN index when missing.
Secrets (KMS Secrets Manager; values are read at run time, never logged)
  RAG_DB_PASSWORD_SECRET (required): secret name or ARN holding the database password.
  RAG_EMBEDDING_API_KEY_SECRET (required): secret name or ARN holding the Model Studio API key.
  RAG_KMS_ENDPOINT [https://kms-vpc.{region}.aliyuncs.com].
  RAG_REGION [the invocation's ``context.region``, else FC_REGION].
Object storage
  RAG_OSS_ENDPOINT [https://{bucket}.oss-{region}-internal.aliyuncs.com]; ``{bucket}``/``{region}``
  are filled in, the object key is appended as the path. RAG_MAX_OBJECT_BYTES [20971520].
Embeddings
  RAG_EMBEDDING_BASE_URL [https://dashscope.aliyuncs.com/compatible-mode/v1],
  RAG_EMBEDDING_MODEL [text-embedding-v3], RAG_EMBEDDING_DIMENSIONS [1024],
  RAG_EMBEDDING_BATCH_SIZE [10], RAG_EMBEDDING_TIMEOUT_SECONDS [30].
Chunking
  RAG_CHUNK_SIZE [800 characters], RAG_CHUNK_OVERLAP [100 characters].

The SQL differences between AnalyticDB and pgvector (used by the tests) are in DIALECTS.md.
"""
