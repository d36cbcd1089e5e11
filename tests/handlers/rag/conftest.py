"""A throwaway PostgreSQL 15 + pgvector for the session, loopback OSS/KMS/embedding APIs, and an
environment that points the handler at them.

PostgreSQL: ``initdb`` into a temp dir and ``pg_ctl start`` on 127.0.0.1:<free port> (socket dir
inside the temp dir). initdb refuses to run as root, so as root the server runs as ``nobody``
(subprocess ``user=``/``group=``, the temp dir chowned to it). Missing binaries or pgvector skip these
tests locally with the fix to run, and fail them under CI (CI=true), where a skip would hide a gap.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ..deployed_role import ACCOUNT, DeployedFunction, deployed_function
from .fakes import FakeEmbeddingAPI, FakeKMS, FakeOSS

PG_BIN = Path(os.environ.get("RAG_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
FIX = "run scripts/ensure-pgvector.sh (installs PostgreSQL 15 and pgvector)"
#: The region of the staging stack, whose ingestion function the tests stand in for (`deployed` checks it).
REGION = "cn-shanghai"


def _missing(reason: str) -> None:
    message = f"{reason}: {FIX}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def postgres() -> Iterator[SimpleNamespace]:
    """A running server: superuser ``postgres``, an application role ``rag_writer`` owning database
    ``rag`` (with the vector extension), both with generated passwords and SCRAM auth over TCP."""
    for tool in ("initdb", "pg_ctl", "pg_config"):
        if not (PG_BIN / tool).exists():
            _missing(f"{PG_BIN / tool} not found")
    sharedir = _run([str(PG_BIN / "pg_config"), "--sharedir"]).stdout.strip()
    if not (Path(sharedir) / "extension" / "vector.control").exists():
        _missing(f"pgvector is not installed ({sharedir}/extension/vector.control missing)")
    import pg8000.dbapi  # noqa: F401  (fail early and clearly when the driver is missing)

    root = Path(tempfile.mkdtemp(prefix="rag-pg-"))
    as_user: dict[str, Any] = {}
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(root, nobody.pw_uid, nobody.pw_gid)
        as_user = {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "HOME": str(root)}
    superpass, writerpass = f"test-super-{secrets.token_hex(8)}", f"test-writer-{secrets.token_hex(8)}"
    pwfile = root / "pwfile"
    pwfile.write_text(superpass + "\n")
    if as_user:
        os.chown(pwfile, as_user["user"], as_user["group"])
    data, sockets, logfile = root / "data", root / "sock", root / "server.log"
    _run([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", f"--pwfile={pwfile}", "-E", "UTF8",
          "--no-locale", "--auth-host=scram-sha-256", "--auth-local=trust", "--no-sync"], env=env, **as_user)
    pwfile.unlink()
    sockets.mkdir()
    if as_user:
        os.chown(sockets, as_user["user"], as_user["group"])
    port = None
    for _ in range(5):  # another process may take the free port between the probe and the start
        port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={sockets} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        started = subprocess.run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(logfile), "-w", "-t", "60",
                                  "-o", options, "start"], capture_output=True, text=True, env=env, **as_user)
        if started.returncode == 0:
            break
    else:
        log = logfile.read_text() if logfile.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"pg_ctl start failed:\n{started.stdout}{started.stderr}\n{log}")
    try:
        import pg8000.dbapi as dbapi

        admin = dbapi.connect(user="postgres", password=superpass, host="127.0.0.1", port=port, database="postgres")
        admin.autocommit = True
        cur = admin.cursor()
        cur.execute(f"CREATE ROLE rag_writer LOGIN PASSWORD '{writerpass}'")
        cur.execute("CREATE DATABASE rag OWNER rag_writer")
        admin.close()
        admin = dbapi.connect(user="postgres", password=superpass, host="127.0.0.1", port=port, database="rag")
        admin.autocommit = True
        admin.cursor().execute("CREATE EXTENSION IF NOT EXISTS vector")
        admin.close()
        yield SimpleNamespace(host="127.0.0.1", port=port, database="rag", user="rag_writer",
                              password=writerpass, superuser="postgres", superpass=superpass)
    finally:
        subprocess.run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, env=env, **as_user)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def deployed() -> DeployedFunction:
    """The reference staging platform's ingestion function: its role policy, bucket and secret names."""
    function = deployed_function("staging", "alicloud_ml.handlers.rag_ingest")
    assert function.region == REGION, "the staging platform moved region: update REGION"
    return function


@pytest.fixture(scope="session")
def docs_bucket(deployed: DeployedFunction) -> str:
    """The documents bucket the function's OSS trigger listens on."""
    return deployed.bucket_of_trigger()


@pytest.fixture(scope="session")
def secret_names(deployed: DeployedFunction) -> SimpleNamespace:
    return SimpleNamespace(db_password=deployed.environment["RAG_DB_PASSWORD_SECRET"],
                           api_key=deployed.environment["RAG_EMBEDDING_API_KEY_SECRET"])


@pytest.fixture(scope="session")
def sts() -> SimpleNamespace:
    """Fake STS credentials, made up at run time (the shape FC passes in context.credentials)."""
    return SimpleNamespace(access_key_id=f"STS.test-{secrets.token_hex(4)}",
                           access_key_secret=f"test-secret-{secrets.token_hex(8)}",
                           security_token=f"test-token-{secrets.token_hex(12)}")


@pytest.fixture(scope="session")
def embedding_api() -> Iterator[FakeEmbeddingAPI]:
    server = FakeEmbeddingAPI(api_key=f"test-key-{secrets.token_hex(8)}")
    yield server
    server.close()


@pytest.fixture(scope="session")
def oss(sts: SimpleNamespace, deployed: DeployedFunction, docs_bucket: str) -> Iterator[FakeOSS]:
    """OSS holding the documents bucket encrypted with the store's key, as the platform configures it, and
    evaluating the function role's policy on every read."""
    key = deployed.key_of_bucket(docs_bucket)
    server = FakeOSS(sts.access_key_id, sts.access_key_secret, sts.security_token, account=ACCOUNT,
                     region=deployed.region, policies=deployed.policies,
                     bucket_keys={docs_bucket: key} if key else {})
    yield server
    server.close()


@pytest.fixture(scope="session")
def kms(sts: SimpleNamespace, postgres: SimpleNamespace, embedding_api: FakeEmbeddingAPI,
        deployed: DeployedFunction, secret_names: SimpleNamespace) -> Iterator[FakeKMS]:
    server = FakeKMS(sts.access_key_id, sts.access_key_secret, sts.security_token, account=ACCOUNT,
                     region=deployed.region, policies=deployed.policies)
    server.secrets[secret_names.db_password] = (postgres.password, "text")
    server.secrets[secret_names.api_key] = (embedding_api.api_key, "text")
    yield server
    server.close()


@pytest.fixture
def fc_context(sts: SimpleNamespace) -> SimpleNamespace:
    """What FC 3.0's Python runtime passes as ``context`` (the fields the handler reads)."""
    return SimpleNamespace(request_id=f"req-{secrets.token_hex(4)}", region=REGION,
                           credentials=SimpleNamespace(**vars(sts)))


@pytest.fixture
def rag_env(monkeypatch: pytest.MonkeyPatch, postgres: SimpleNamespace, kms: FakeKMS, oss: FakeOSS,
            embedding_api: FakeEmbeddingAPI, secret_names: SimpleNamespace,
            request: pytest.FixtureRequest) -> dict[str, str]:
    """The handler's environment, pointing at the loopback servers; one fresh table per test."""
    for name in list(os.environ):
        if name.startswith("RAG_"):
            monkeypatch.delenv(name)
    table = "rag_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:40]
    env = {
        "RAG_DB_HOST": postgres.host, "RAG_DB_PORT": str(postgres.port), "RAG_DB_NAME": postgres.database,
        "RAG_DB_USER": postgres.user, "RAG_DB_TABLE": table, "RAG_DB_DIALECT": "pgvector",
        "RAG_DB_SSLMODE": "disable",
        "RAG_DB_PASSWORD_SECRET": secret_names.db_password, "RAG_EMBEDDING_API_KEY_SECRET": secret_names.api_key,
        "RAG_KMS_ENDPOINT": kms.url, "RAG_OSS_ENDPOINT": oss.url + "/{bucket}",
        "RAG_EMBEDDING_BASE_URL": embedding_api.base_url, "RAG_EMBEDDING_DIMENSIONS": "256",
        "RAG_CHUNK_SIZE": "200", "RAG_CHUNK_OVERLAP": "40",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    embedding_api.requests.clear()
    embedding_api.fail_next = None
    yield env
    embedding_api.fail_next = None


@pytest.fixture
def sql(postgres: SimpleNamespace) -> Iterator[Any]:
    """Run a query as the superuser and return all rows: the tests' independent view of the table."""
    import pg8000.dbapi as dbapi

    conn = dbapi.connect(user=postgres.superuser, password=postgres.superpass, host=postgres.host,
                         port=postgres.port, database=postgres.database)
    conn.autocommit = True

    def run(query: str, *params: Any) -> list[tuple[Any, ...]]:
        cur = conn.cursor()
        cur.execute(query, params)
        return [tuple(r) for r in cur.fetchall()] if cur.description else []
    yield run
    conn.close()


def oss_event(name: str, bucket: str, key: str, size: int = 0) -> bytes:
    """An OSS trigger event in the documented shape, as the bytes FC passes:
    https://www.alibabacloud.com/help/en/fc/formats-of-event-for-different-triggers"""
    return json.dumps({"events": [{
        "eventName": name, "eventSource": "acs:oss", "eventTime": "2026-12-02T12:00:00.000Z",
        "eventVersion": "1.0", "region": REGION,
        "oss": {"bucket": {"arn": f"acs:oss:{REGION}:123456789:{bucket}", "name": bucket,
                           "ownerIdentity": "123456789"},
                "object": {"deltaSize": size, "eTag": "0" * 32, "key": key, "size": size},
                "ossSchemaVersion": "1.0", "ruleId": "rule"},
        "requestParameters": {"sourceIPAddress": "127.0.0.1"},
        "responseElements": {"requestId": "req"}, "userIdentity": {"principalId": "123456789"}}]}).encode()

