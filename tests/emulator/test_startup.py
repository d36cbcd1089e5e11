"""Provider start-up: the compiled schema cache and the warm fork server behind the launcher.

Terraform starts the provider about four times per apply; these tests pin what makes that cheap
without changing behaviour: the cached GetProviderSchema bytes follow the archive's content and
survive corruption, and the fork server's sessions leave no process behind, whoever ends them.
Speed itself is measured in benchmarks/emulator_apply.py, never asserted here.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from alicloud_ml import schema
from alicloud_ml.emulator import schema_pb
from alicloud_ml.emulator.forkserver import IDLE_ENV
from alicloud_ml.emulator.install import launcher_path
from alicloud_ml.emulator.launch import DIR_ENV, DISABLE_ENV
from alicloud_ml.emulator.server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE
from tests.emulator.conftest import Workspace

from tf.gen import tfplugin_pb2 as pb


# ------------------------------------------------------------------ compiled schema cache
@pytest.fixture
def fresh_schema_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(schema_pb.CACHE_ENV, str(tmp_path / "cache"))
    for fn in (schema_pb.schema_key, schema_pb.provider_schema_bytes):
        fn.cache_clear()
    yield tmp_path / "cache"
    for fn in (schema_pb.schema_key, schema_pb.provider_schema_bytes):
        fn.cache_clear()


def _rebuild() -> bytes:
    schema_pb.provider_schema_bytes.cache_clear()
    return schema_pb.provider_schema_bytes()


def test_cache_is_written_once_and_holds_the_built_schema(fresh_schema_cache: Path) -> None:
    payload = schema_pb.provider_schema_bytes()
    path = schema_pb.compiled_schema_path()
    assert path.parent == fresh_schema_cache and path.is_file()
    response = pb.GetProviderSchema.Response.FromString(payload)
    assert "alicloud_vpc" in response.resource_schemas and "alicloud_zones" in response.data_source_schemas
    assert response.server_capabilities.get_provider_schema_optional
    stamp = path.stat().st_mtime_ns
    assert _rebuild() == payload
    assert path.stat().st_mtime_ns == stamp  # read, not rewritten


@pytest.mark.parametrize("damage", ["flip a payload byte", "truncate", "garbage"])
def test_corrupted_cache_is_rebuilt_not_fatal(fresh_schema_cache: Path, damage: str) -> None:
    payload = schema_pb.provider_schema_bytes()
    path = schema_pb.compiled_schema_path()
    data = bytearray(path.read_bytes())
    if damage == "flip a payload byte":
        data[-100] ^= 0xFF
    elif damage == "truncate":
        del data[len(data) // 2:]
    else:
        data[:] = b"not a schema"
    path.write_bytes(bytes(data))
    assert _rebuild() == payload
    assert path.read_bytes() != bytes(data)  # the file was repaired for the next process
    assert _rebuild() == payload


def test_cache_key_follows_the_archive_content_not_its_name(fresh_schema_cache: Path,
                                                            monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    original = schema_pb.compiled_schema_path()
    copy = tmp_path / "archive" / schema.schema_file().name
    copy.parent.mkdir()
    shutil.copy2(schema.schema_file(), copy)
    monkeypatch.setattr(schema, "schema_file", lambda: copy)
    schema_pb.schema_key.cache_clear()
    assert schema_pb.compiled_schema_path() == original  # same bytes, same key
    with zipfile.ZipFile(copy, "a") as archive:  # the schema changes (same name, same mtime second)
        archive.comment = b"a changed schema"
    schema_pb.schema_key.cache_clear()
    assert schema_pb.compiled_schema_path() != original


# ------------------------------------------------------------------ fork server
def _processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every process we can see."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            out[int(entry)] = (int(stat.rpartition(")")[2].split()[1]), cmdline)
    return out


def _daemons(directory: Path) -> list[int]:
    """Daemons serving `directory` (their forked sessions share the command line, not the parent)."""
    procs = _processes()
    mine = {pid for pid, (_, cmd) in procs.items() if "alicloud_ml.emulator daemon" in cmd and str(directory) in cmd}
    return sorted(pid for pid in mine if procs[pid][0] not in mine)


def _children(pid: int) -> list[int]:
    return [p for p, (parent, _) in _processes().items() if parent == pid]


def _eventually(predicate, timeout: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def daemon_dir() -> Iterator[Path]:
    """A private socket directory (short: unix socket paths hold 108 bytes); its daemon is stopped after."""
    directory = Path(tempfile.mkdtemp(prefix="amle-"))
    yield directory
    for pid in _daemons(directory):
        os.kill(pid, signal.SIGTERM)
    shutil.rmtree(directory, ignore_errors=True)


def _plugin_env(cli_config: Path, directory: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")}
    env.update({MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE, "PLUGIN_PROTOCOL_VERSIONS": "6", DIR_ENV: str(directory),
                IDLE_ENV: "60", "ALICLOUD_ML_EMULATOR_STATE": str(directory / "cloud")}, **extra)
    return env


def _start_plugin(cli_config: Path, env: dict[str, str], umask: int = 0o022) -> tuple[subprocess.Popen[bytes], str]:
    process = subprocess.Popen([str(launcher_path(cli_config.parent))], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, umask=umask)
    assert process.stdout is not None
    return process, process.stdout.readline().decode()


def test_apply_through_the_daemon_leaves_no_session_behind(cli_config: Path, tmp_path: Path,
                                                            daemon_dir: Path) -> None:
    ws = Workspace(tmp_path, cli_config)
    ws.env.update({DIR_ENV: str(daemon_dir), IDLE_ENV: "60"})
    ws.write({"alicloud_vpc": {"v": {"vpc_name": "startup", "cidr_block": "10.0.0.0/16"}}})
    ws.apply()
    assert (ws.cloud / "cloud.sqlite3").is_file()  # the session used this workspace's environment
    [daemon] = _daemons(daemon_dir)
    log = next(daemon_dir.glob("*.log")).read_text()
    assert log.count("session ") >= 3 and str(tmp_path) in log  # schema, validate/plan, apply: all forked
    assert _eventually(lambda: not _children(daemon)), "a plugin session outlived terraform"
    ws.run("plan", "-detailed-exitcode")  # the next command is served by the same daemon, state intact
    assert _daemons(daemon_dir) == [daemon]


def test_session_dies_when_terraform_kills_the_launcher(cli_config: Path, daemon_dir: Path) -> None:
    process, handshake = _start_plugin(cli_config, _plugin_env(cli_config, daemon_dir))
    try:
        assert handshake.startswith("1|6|unix|")
        [daemon] = _daemons(daemon_dir)
        [session] = _children(daemon)
    finally:
        process.kill()  # what go-plugin does when Shutdown does not end the plugin in time
        process.wait()
    assert _eventually(lambda: session not in _processes()), "the forked session became an orphan"
    assert _daemons(daemon_dir) == [daemon]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signals_to_the_launcher_end_the_session_as_they_would_an_in_process_plugin(
        cli_config: Path, daemon_dir: Path, signum: int) -> None:
    process, handshake = _start_plugin(cli_config, _plugin_env(cli_config, daemon_dir))
    assert handshake.startswith("1|6|unix|")
    [daemon] = _daemons(daemon_dir)
    [session] = _children(daemon)
    process.send_signal(signum)
    code = process.wait(timeout=15)
    assert _eventually(lambda: session not in _processes())
    if signum == signal.SIGINT:  # forwarded: the session stops its server and exits 0, as serve() does in-process
        assert code == 0


def _private_package_launcher(root: Path) -> Path:
    """A launcher for a copy of the package under `root`: its sources can change without restarting the daemon
    that other tests (or other xdist workers) share."""
    import alicloud_ml

    from alicloud_ml.emulator.install import import_path

    copy = root / "pkg" / "alicloud_ml"
    shutil.copytree(Path(alicloud_ml.__file__).resolve().parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__", "provider"))
    paths = [str(copy.parent), *import_path().split(os.pathsep)[1:]]
    launcher = root / "launcher"
    launcher.write_text(f"#!/bin/sh\nPYTHONPATH={shlex.quote(os.pathsep.join(paths))} exec "
                        f"{shlex.quote(sys.executable)} -S -P {shlex.quote(str(copy / 'emulator' / 'launch.py'))} \"$@\"\n")
    launcher.chmod(0o755)
    return launcher


def test_stale_daemon_is_replaced_when_its_code_changes(daemon_dir: Path, tmp_path: Path) -> None:
    launcher = _private_package_launcher(tmp_path)
    env = _plugin_env(launcher, daemon_dir)

    def session() -> str:
        process = subprocess.Popen([str(launcher)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        process.kill()
        process.wait()
        return line

    assert session().startswith("1|6|unix|")
    [old] = _daemons(daemon_dir)
    source = tmp_path / "pkg" / "alicloud_ml" / "emulator" / "schema_pb.py"  # loaded by the daemon
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert session().startswith("1|6|unix|")
    assert _eventually(lambda: old not in _processes())
    assert len(_daemons(daemon_dir)) == 1 and _daemons(daemon_dir) != [old]


def test_session_takes_the_launchers_umask_not_the_daemons(cli_config: Path, daemon_dir: Path) -> None:
    env = _plugin_env(cli_config, daemon_dir)
    first, _ = _start_plugin(cli_config, env, umask=0o022)  # starts the daemon with umask 022
    first.kill()
    first.wait()
    process, handshake = _start_plugin(cli_config, env, umask=0o077)
    try:
        assert _daemons(daemon_dir)
        plugin_socket = handshake.split("|")[3]
        assert os.stat(plugin_socket).st_mode & 0o777 == 0o700  # grpc created it under the launcher's umask
    finally:
        process.kill()
        process.wait()


def test_daemon_survives_malformed_requests(cli_config: Path, daemon_dir: Path) -> None:
    env = _plugin_env(cli_config, daemon_dir)
    process, _ = _start_plugin(cli_config, env)
    process.kill()
    process.wait()
    [daemon] = _daemons(daemon_dir)
    [path] = daemon_dir.glob("*.sock")
    with open(os.devnull, "rb") as null:
        for payload, fds in ((b"AMLE\0\0\0\x02zz", [null.fileno()] * 3), (b"GET / HTTP/1.0\r\n\r\n", []),
                             (b"AMLE\0\0\0\x05z\0/\0x", [null.fileno()] * 3)):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.connect(str(path))
                socket.send_fds(client, [payload], fds)
                client.settimeout(10)
                assert client.recv(16) == b""  # refused without a session
    process, handshake = _start_plugin(cli_config, env)
    process.kill()
    process.wait()
    assert handshake.startswith("1|6|unix|") and _daemons(daemon_dir) == [daemon]


def test_daemon_exits_when_idle(cli_config: Path, daemon_dir: Path) -> None:
    process, _ = _start_plugin(cli_config, _plugin_env(cli_config, daemon_dir, **{IDLE_ENV: "1"}))
    process.kill()
    process.wait()
    assert _eventually(lambda: not _daemons(daemon_dir))
    assert not list(daemon_dir.glob("*.sock"))


def test_forked_session_reads_the_schema_archive_through_its_own_file() -> None:
    """Sessions forked from one daemon must not share the archive's file offset (concurrent reads garbled it)."""
    script = """
import os
from alicloud_ml import schema
from alicloud_ml.emulator.forkserver import _own_archive
fd = schema._archive().fp.fileno()
before = os.lseek(fd, 0, os.SEEK_CUR)
pid = os.fork()
if pid == 0:
    _own_archive()
    archive = schema._archive()
    archive.fp.seek(before + 4096)
    archive.fp.read(1)
    ok = archive.read("schema.json")[:1] == b"{"
    os._exit(0 if ok else 3)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status), os.lseek(fd, 0, os.SEEK_CUR) == before)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["0", "True"], result.stderr


@pytest.mark.parametrize("how", ["disabled", "unsafe directory"])
def test_launcher_serves_in_process_without_a_daemon(cli_config: Path, daemon_dir: Path, how: str) -> None:
    env = _plugin_env(cli_config, daemon_dir)
    if how == "disabled":
        env[DISABLE_ENV] = "0"
    else:
        daemon_dir.chmod(0o777)  # others could connect and have the daemon run their environment
    process, handshake = _start_plugin(cli_config, env)
    try:
        assert handshake.startswith("1|6|unix|")
        assert not _daemons(daemon_dir) and not list(daemon_dir.glob("*.sock"))
        assert "alicloud_ml.emulator" in _processes()[process.pid][1]  # the launcher became the server
    finally:
        process.kill()
        process.wait()


# ------------------------------------------------------------------ per-session work
def test_store_checks_the_database_once_per_session_not_per_thread(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from alicloud_ml.emulator.store import Store

    store, calls = Store(tmp_path / "cloud"), []
    original = Store._create_once

    def counted(self: Store) -> None:
        calls.append(self)
        original(self)

    monkeypatch.setattr(Store, "_create_once", counted)

    def use() -> None:
        store.count()

    for _ in range(2):
        threads = [threading.Thread(target=use) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if len(calls) == 1:
            store.path.unlink()  # a deleted database is created again by the next new thread
            for name in (store.path.name + "-wal", store.path.name + "-shm"):
                (store.path.parent / name).unlink(missing_ok=True)
    assert len(calls) == 2 and store.path.is_file()
