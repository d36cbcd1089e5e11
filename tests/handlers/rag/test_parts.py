"""The handler's parts without a database: event parsing, chunking, config, and the signers against
the loopback servers' independent signature checks."""

from __future__ import annotations

import base64
import json
from types import SimpleNamespace

import pytest

from alicloud_ml.handlers.rag_ingest.chunking import chunk_text
from alicloud_ml.handlers.rag_ingest.config import Config, ConfigError, Credentials
from alicloud_ml.handlers.rag_ingest.kms import KmsSecretReader, SecretError
from alicloud_ml.handlers.rag_ingest.oss_event import CREATED, REMOVED, EventError, parse_event
from alicloud_ml.handlers.rag_ingest.oss_object import ObjectFetchError, get_object

from .conftest import oss_event


def test_parse_event_accepts_bytes_str_and_the_oss_prefix():
    raw = oss_event("ObjectCreated:CompleteMultipartUpload", "bkt", "dir/a b.md", 12)
    [from_bytes] = parse_event(raw)
    [from_str] = parse_event(raw.decode())
    assert from_bytes == from_str
    assert (from_bytes.action, from_bytes.bucket, from_bytes.key, from_bytes.size) == (CREATED, "bkt", "dir/a b.md", 12)
    assert from_bytes.document_key == "oss://bkt/dir/a b.md"
    prefixed = json.loads(oss_event("oss:ObjectRemoved:DeleteObjects", "bkt", "k"))
    assert parse_event(prefixed)[0].action == REMOVED


@pytest.mark.parametrize("event, message", [
    (b"\xff", "not UTF-8"), ("{", "not JSON"), ({"triggerTime": "x"}, "no 'events'"),
    (oss_event("ObjectAccessed:GetObject", "b", "k"), "unsupported OSS event"),
    ({"events": [{"eventName": "ObjectCreated:PutObject", "oss": {"bucket": {"name": "b"}}}]}, "lacks"),
])
def test_parse_event_rejects_what_is_not_an_oss_event(event, message):
    with pytest.raises(EventError, match=message):
        parse_event(event)


def test_chunks_overlap_cover_the_text_and_respect_the_size():
    text = " ".join(f"word{i}" for i in range(400))
    chunks = chunk_text(text, 100, 20)
    assert all(len(c) <= 100 for c in chunks)
    assert chunks[0].startswith("word0 ") and chunks[-1].endswith("word399")
    for left, right in zip(chunks, chunks[1:]):
        assert right.split()[0] in left.split()  # consecutive chunks share words: the overlap
    assert chunk_text("   \n ", 10, 2) == [] and chunk_text("short", 10, 2) == ["short"]
    with pytest.raises(ValueError):
        chunk_text("x", 10, 10)


def test_config_defaults_and_errors():
    base = {"RAG_DB_HOST": "db", "RAG_DB_USER": "u", "RAG_DB_PASSWORD_SECRET": "p",
            "RAG_EMBEDDING_API_KEY_SECRET": "k"}
    config = Config.from_env(base, region="cn-hangzhou")
    assert (config.dialect, config.embedding_model, config.embedding_dimensions, config.embedding_batch_size) == (
        "analyticdb", "text-embedding-v3", 1024, 10)
    assert config.embedding_base_url == "https://dashscope.aliyuncs.com/compatible-mode/v1"
    assert config.endpoint(config.kms_endpoint) == "https://kms-vpc.cn-hangzhou.aliyuncs.com"
    assert config.endpoint(config.oss_endpoint, bucket="b") == "https://b.oss-cn-hangzhou-internal.aliyuncs.com"
    for bad, message in (({"RAG_DB_TABLE": "x; drop table y"}, "RAG_DB_TABLE"),
                         ({"RAG_CHUNK_OVERLAP": "900"}, "smaller than RAG_CHUNK_SIZE"),
                         ({"RAG_DB_DIALECT": "mysql"}, "RAG_DB_DIALECT")):
        with pytest.raises(ConfigError, match=message):
            Config.from_env({**base, **bad})
    with pytest.raises(ConfigError, match="RAG_DB_HOST is required"):
        Config.from_env({k: v for k, v in base.items() if k != "RAG_DB_HOST"})


def test_credentials_from_either_spelling_and_never_in_repr():
    camel = {"credentials": {"accessKeyId": "id", "accessKeySecret": "test-hidden", "securityToken": "tok"}}
    creds = Credentials.from_context(camel)
    assert creds == Credentials("id", "test-hidden", "tok") and "test-hidden" not in repr(creds)
    with pytest.raises(ConfigError, match="RAM role"):
        Credentials.from_context(SimpleNamespace(credentials=None), env={})


def test_python312_credentials_come_from_the_environment_when_the_context_has_none():
    env = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "test-hidden",
           "ALIBABA_CLOUD_SECURITY_TOKEN": "tok"}
    assert Credentials.from_context(SimpleNamespace(credentials=None), env=env) == Credentials("id", "test-hidden", "tok")


def test_oss_and_kms_reject_a_wrong_signature(oss, kms, sts, docs_bucket, secret_names):
    oss.objects[(docs_bucket, "k")] = b"hello"
    good = Credentials(sts.access_key_id, sts.access_key_secret, sts.security_token)
    forged = Credentials(sts.access_key_id, "test-wrong-secret", sts.security_token)
    assert get_object(f"{oss.url}/{docs_bucket}", docs_bucket, "k", good, 100) == b"hello"
    with pytest.raises(ObjectFetchError, match="HTTP 403.*SignatureDoesNotMatch") as err:
        get_object(f"{oss.url}/{docs_bucket}", docs_bucket, "k", forged, 100)
    assert err.value.status == 403
    with pytest.raises(SecretError, match="IncompleteSignature"):
        KmsSecretReader(kms.url, forged).get(secret_names.db_password)


def test_kms_binary_secrets_are_base64_decoded_and_missing_ones_named(kms, sts, monkeypatch):
    monkeypatch.setattr(kms, "policies", None)  # the reader alone: secrets the function's role has no grant for
    kms.secrets["rag/binary"] = (base64.b64encode("test-bin-värde".encode()).decode(), "binary")
    reader = KmsSecretReader(kms.url, Credentials(sts.access_key_id, sts.access_key_secret, sts.security_token))
    assert reader.get("rag/binary") == "test-bin-värde"
    with pytest.raises(SecretError, match="'rag/absent'.*HTTP 404: Forbidden.ResourceNotFound"):
        reader.get("rag/absent")
