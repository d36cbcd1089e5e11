"""The warm emulator daemon behind the provider launcher (`launch.py`): import once, fork per plugin session.

Started on demand by a launcher (`python -m alicloud_ml.emulator daemon SOCKET READY_FD`), it imports
the server, the servicer and its plug-ins, loads the schema archive's index and the compiled
GetProviderSchema bytes, then answers on a unix socket. Per connection it checks the peer is this user
(SO_PEERCRED), receives the launcher's stdin/stdout/stderr (SCM_RIGHTS; both unix(7)), umask, working
directory and environment, and forks: the child takes those descriptors and that environment and runs
the ordinary `server.serve`, so a session behaves exactly as an in-process one. The daemon stays
single-threaded and never starts gRPC (its threads do not survive fork: grpc/grpc doc/fork_support.md).
It exits after `$ALICLOUD_ML_EMULATOR_DAEMON_IDLE` seconds without a request (default 300), or at the
first request after any of its loaded emulator source files or the schema archive changed (it declines
that request, and the launcher starts a fresh daemon).
"""

from __future__ import annotations

import gc
import os
import signal
import socket
import struct
import sys
import threading
from pathlib import Path

IDLE_ENV = "ALICLOUD_ML_EMULATOR_DAEMON_IDLE"
DEFAULT_IDLE = 300.0
REQUEST, PID, STATUS, DECLINED = b"AMLE", b"P", b"X", b"S"  # the launcher's protocol (launch.py)
MAX_REQUEST = 1 << 20  # cwd + environment
MAX_LOG = 1 << 20


def warm() -> None:
    """Everything a session would otherwise import or load first; all of it is shared copy-on-write."""
    from alicloud_ml import schema
    from alicloud_ml.emulator import data_sources, plugins, schema_pb, server, servicer, spec  # noqa: F401

    plugins._load()
    from alicloud_ml.emulator.data_sources import catalog, databases, documents, listing, security  # noqa: F401

    schema.meta()
    spec.resource_types()
    spec.data_source_types()
    schema_pb.provider_schema_bytes()
    import tempfile  # noqa: F401 - serve's socket directory
    import traceback  # noqa: F401 - reporting a child's crash


def _threads() -> int:
    """Threads of this process, C ones (gRPC's) included; forking is safe only with one."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _sources() -> dict[str, tuple[int, int] | None]:
    from alicloud_ml import schema

    root = str(Path(__file__).resolve().parents[1])
    files = {str(schema.schema_file())}
    for module in list(sys.modules.values()):
        name = getattr(module, "__file__", None)
        if name and name.startswith(root):
            files.add(name)
    return {f: _stamp(f) for f in files}


def _stamp(name: str) -> tuple[int, int] | None:
    try:
        st = os.stat(name)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _listen(path: str) -> socket.socket:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(path)  # a dead daemon's socket; the launcher holds the start lock, so no live one is here
    except FileNotFoundError:
        pass
    old = os.umask(0o077)
    try:
        listener.bind(path)
    finally:
        os.umask(old)
    listener.listen(64)
    return listener


def _remove(path: str, inode: int) -> None:
    """Unlink the socket if it is still ours (a newer daemon may have replaced it)."""
    try:
        if os.stat(path).st_ino == inode:
            os.unlink(path)
    except OSError:
        pass


def _receive(conn: socket.socket) -> tuple[int, str, dict[str, str], list[int]] | None:
    """(umask, cwd, environment, [stdin, stdout, stderr]) of a launcher of this user, or None."""
    uid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))[1]
    data, fds, _, _ = socket.recv_fds(conn, 65536, 3)
    while len(data) < 8 or len(data) < 8 + int.from_bytes(data[4:8], "big"):
        if not data.startswith(REQUEST[:len(data)]) or len(data) > MAX_REQUEST:
            break
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    if uid != os.getuid() or len(fds) != 3 or data[:4] != REQUEST or len(data) != 8 + int.from_bytes(data[4:8], "big"):
        for fd in fds:
            os.close(fd)
        return None
    try:
        mask, cwd, *pairs = data[8:].split(b"\0")
        env = dict(os.fsdecode(p).partition("=")[::2] for p in pairs if b"=" in p)
        return int(mask, 8), os.fsdecode(cwd), env, fds
    except ValueError:
        for fd in fds:
            os.close(fd)
        return None


def _own_archive() -> None:
    """Give this child its own handle on the schema archive. The daemon's open file is shared by every child
    (one file offset): two children seeking and reading it at once read each other's bytes ("Error -3 while
    decompressing"). The parsed member index is kept; only the file object is replaced."""
    from alicloud_ml import schema

    archive = schema._archive()
    try:
        archive.fp = open(str(archive.filename), "rb")  # noqa: SIM115 - lives as long as the archive
    except OSError:
        schema._archive.cache_clear()  # reopened (and re-indexed) on first use


def _child(conn: socket.socket, listener: socket.socket, request: tuple[int, str, dict[str, str], list[int]]) -> None:
    """Become the plugin process the launcher stands for, then serve; never returns."""
    listener.close()
    _own_archive()
    mask, cwd, env, fds = request
    for signum, handler in ((signal.SIGCHLD, signal.SIG_DFL), (signal.SIGINT, signal.default_int_handler),
                            (signal.SIGTERM, signal.SIG_DFL), (signal.SIGHUP, signal.SIG_DFL)):
        signal.signal(signum, handler)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    os.umask(mask)
    import tempfile

    tempfile.tempdir = None  # recomputed from this session's TMPDIR
    conn.settimeout(None)

    def finish(code: int) -> None:
        try:
            conn.sendall(STATUS + bytes([code & 0xFF]))
        except OSError:
            pass
        os._exit(code)

    def lifeline() -> None:
        """The launcher's end closes when it exits or is killed: then this session is over."""
        try:
            while conn.recv(64):
                pass
        except OSError:
            pass
        os._exit(1)

    try:
        conn.sendall(PID + os.getpid().to_bytes(4, "big"))
        threading.Thread(target=lifeline, daemon=True).start()
        from alicloud_ml.emulator.server import serve

        finish(serve(exit=finish))
    except BaseException:  # noqa: BLE001 - report like an in-process crash would, on Terraform's stderr
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
        finish(1)


def _handle(conn: socket.socket, listener: socket.socket) -> None:
    conn.settimeout(10.0)
    request = _receive(conn)
    if request is None:
        return
    _, cwd, _, fds = request
    gc.freeze()  # the child's collector then leaves the shared heap alone (fewer copied pages)
    try:
        pid = os.fork()
    except OSError:
        for fd in fds:
            os.close(fd)
        raise
    if pid == 0:
        try:
            _child(conn, listener, request)
        finally:
            os._exit(1)
    for fd in fds:
        os.close(fd)
    print(f"session {pid} in {cwd}", flush=True)  # the daemon's log (<socket>.log, opened for appending)
    if os.fstat(sys.stdout.fileno()).st_size > MAX_LOG:
        os.ftruncate(sys.stdout.fileno(), 0)  # a daemon that never idles must not fill the disk


def serve_forever(path: str, ready_fd: int | None = None) -> int:
    listener = _listen(path)  # first: a path that cannot be bound fails before the costly warm-up
    inode = os.stat(path).st_ino
    try:
        warm()
        os.chdir("/")  # sessions chdir to their own; the daemon must not pin the first launcher's directory
        if _threads() != 1:
            raise RuntimeError("the emulator daemon has threads after warm-up; forking it would not be safe")
    except BaseException:
        _remove(path, inode)
        raise
    sources = _sources()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener.settimeout(float(os.environ.get(IDLE_ENV) or DEFAULT_IDLE))
    if ready_fd is not None:
        os.write(ready_fd, b"R")
        os.close(ready_fd)
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                return 0
            with conn:
                if {f: _stamp(f) for f in sources} != sources:  # code or schema changed: let a fresh daemon serve it
                    _remove(path, inode)
                    conn.sendall(DECLINED)
                    return 0
                try:
                    _handle(conn, listener)
                except Exception as exc:  # noqa: BLE001 - one bad request must not end the daemon
                    print(f"emulator daemon: dropped a request: {exc!r}", file=sys.stderr, flush=True)
    finally:
        _remove(path, inode)
        listener.close()


def main(argv: list[str]) -> int:
    path, ready = argv[0], (int(argv[1]) if len(argv) > 1 else None)
    return serve_forever(path, ready)
