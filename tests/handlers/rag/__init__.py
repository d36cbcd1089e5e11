"""Tests of the RAG ingest handler against a real PostgreSQL + pgvector and loopback cloud APIs."""
