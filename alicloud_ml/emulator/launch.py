"""The provider executable: hand this plugin session to the warm emulator daemon, else serve it here.

Terraform starts the provider about four times per apply (schema, validate, plan, apply) and a cold
Python start with gRPC, protobuf, the emulator and its schema loaded costs ~0.3 s each. This script is
run as a file (`python -S -P launch.py`, no package import) and touches only C-level standard modules.
It passes its stdin, stdout and stderr (SCM_RIGHTS) with its environment and working directory to
the daemon (`forkserver.py`) over a unix socket; the daemon forks a pre-imported child that serves the
session on those very descriptors, so the go-plugin handshake line reaches Terraform directly. The
launcher then waits for the child and exits with its status, forwarding SIGTERM/SIGINT/SIGHUP. If
Terraform kills the launcher, its end of the socket closes and the child exits (no orphan). Any
failure before the fork (no daemon, a daemon that will not start, an unsafe socket directory)
falls back to serving in this process through exec, exactly as without a daemon.

Socket: `$ALICLOUD_ML_EMULATOR_DAEMON_DIR` (default `$TMPDIR/alicloud-ml-emulator-<uid>`, mode 0700),
one per Python, import path and package location. `ALICLOUD_ML_EMULATOR_DAEMON=0` turns it off.
"""

import _socket
import fcntl
import os
import select
import sys

DISABLE_ENV = "ALICLOUD_ML_EMULATOR_DAEMON"
DIR_ENV = "ALICLOUD_ML_EMULATOR_DAEMON_DIR"
# The protocol-6 handshake cookie (hashicorp/terraform-plugin-go tfprotov6/tf6server/server.go, HandshakeConfig);
# the same value server.py checks.
MAGIC_COOKIE = ("TF_PLUGIN_MAGIC_COOKIE", "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2")
REQUEST, PID, STATUS = b"AMLE", b"P", b"X"  # request header; replies: child pid, then the child's exit status
READY_TIMEOUT = 60.0  # first start may compile the schema cache (~2 s); a hung daemon must not hang Terraform
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def in_process() -> None:
    """Serve this session here (the behaviour without a daemon). Nothing has been written to stdout yet."""
    os.execv(sys.executable, [sys.executable, "-S", "-P", "-m", "alicloud_ml.emulator", *sys.argv[1:]])


def _fnv64(text: str) -> int:
    h = 0xCBF29CE484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def socket_dir() -> str:
    return os.environ.get(DIR_ENV) or os.path.join(os.environ.get("TMPDIR") or "/tmp",
                                                   f"alicloud-ml-emulator-{os.getuid()}")


def socket_path() -> str:
    """The daemon's socket: one per checkout (package), import path and interpreter (they decide what the daemon
    runs). The interpreter counts by its real file: `.venv/bin/python` and `.venv/bin/python3` are one."""
    ident = "\0".join((os.path.realpath(sys.executable), os.environ.get("PYTHONPATH", ""), PACKAGE_DIR, sys.version))
    return os.path.join(socket_dir(), f"daemon-{_fnv64(ident):016x}.sock")


def _private_dir(path: str) -> bool:
    """The socket directory exists, is ours and nobody else can enter it (the daemon runs what it is sent)."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    st = os.lstat(path)
    return st.st_mode & 0o170000 == 0o040000 and st.st_uid == os.getuid() and st.st_mode & 0o077 == 0


def _connect(path: str):  # -> _socket.socket | None
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.connect(path)
        return sock
    except OSError:
        sock.close()
        return None


def _start_daemon(path: str):  # -> _socket.socket | None
    """Connect, starting the daemon first if none answers; one launcher at a time starts it (flock)."""
    lock = os.open(path + ".lock", os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        sock = _connect(path)
        if sock is not None:
            return sock
        ready_r, ready_w = os.pipe()
        # The daemon: its own session and none of Terraform's pipes, since go-plugin waits for the plugin's stderr
        # to reach EOF before it reaps it (hashicorp/go-plugin client.go, Start: stderrWaitGroup.Wait()).
        if os.fork() == 0:
            try:
                os.setsid()
                null = os.open(os.devnull, os.O_RDWR)
                log = os.open(path[:-len(".sock")] + ".log",
                              os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
                os.dup2(null, 0)
                os.dup2(log, 1)
                os.dup2(log, 2)
                os.closerange(3, ready_w)
                os.closerange(ready_w + 1, 1 << 16)
                os.set_inheritable(ready_w, True)
                os.execv(sys.executable, [sys.executable, "-S", "-P", "-m", "alicloud_ml.emulator", "daemon",
                                          path, str(ready_w)])
            finally:
                os._exit(127)
        os.close(ready_w)
        try:
            readable, _, _ = select.select([ready_r], [], [], READY_TIMEOUT)
            ready = bool(readable) and os.read(ready_r, 1) == b"R"
        finally:
            os.close(ready_r)
        return _connect(path) if ready else None
    finally:
        os.close(lock)


def _recv_exact(sock, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def _hand_over(sock) -> int | None:
    """Send fds 0-2, umask, cwd and environment; the forked child's pid, or None if the daemon declined (stale, closing)."""
    mask = os.umask(0o022)
    os.umask(mask)
    payload = b"\0".join([b"%o" % mask, os.fsencode(os.getcwd()), *(k + b"=" + v for k, v in os.environb.items())])
    message = REQUEST + len(payload).to_bytes(4, "big") + payload
    fds = b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2))
    sent = sock.sendmsg([message], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
    sock.sendall(message[sent:])
    reply = _recv_exact(sock, 5)
    return int.from_bytes(reply[1:], "big") if len(reply) == 5 and reply[:1] == PID else None


def session():  # -> tuple[_socket.socket, int] | None
    path = socket_path()
    if len(os.fsencode(path)) >= 100 or not _private_dir(os.path.dirname(path)):  # sun_path holds 108 bytes
        return None
    for _ in range(2):  # a stale daemon (its code changed) removes itself and declines: start a fresh one
        sock = _connect(path) or _start_daemon(path)
        if sock is None:
            return None
        sock.settimeout(30.0)
        try:
            pid = _hand_over(sock)
        except OSError:  # a daemon closing (stale, idle) resets the connection instead of answering
            pid = None
        if pid is not None:
            sock.settimeout(None)
            return sock, pid
        sock.close()
    return None


def relay(sock, pid: int) -> int:
    """Wait for the child; forward the signals Terraform (or a user) sends the plugin; its exit status."""
    import _signal

    def forward(signum: int, frame: object) -> None:
        try:
            os.kill(pid, signum)
        except OSError:
            pass

    for signum in (_signal.SIGTERM, _signal.SIGINT, _signal.SIGHUP):
        _signal.signal(signum, forward)
    null = os.open(os.devnull, os.O_RDWR)  # the child alone holds Terraform's pipes now: they close as it exits
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    tail = b""
    while True:
        chunk = sock.recv(64)
        if not chunk:
            break
        tail = (tail + chunk)[-2:]
    return tail[1] if len(tail) == 2 and tail[:1] == STATUS else 1


def main() -> None:
    if os.environ.get(MAGIC_COOKIE[0]) != MAGIC_COOKIE[1] or len(sys.argv) > 1 or os.environ.get(DISABLE_ENV) == "0":
        in_process()
    try:
        handed = session()
    except Exception:  # noqa: BLE001 - whatever went wrong before the fork, serving here still works
        handed = None
    if handed is None:
        in_process()
    os._exit(relay(*handed))


if __name__ == "__main__":
    main()
