"""Which Node.js runs jsii and the CDK CLIs, and how its stderr reaches the user.

Node 20 is end of life and the cdktn CLI needs Node >= 22.19, so projects pin Node 22 through the
`node` npm package (`node_modules/.bin/node`). The toolkit prefers that Node over the machine's:
jsii reads `JSII_NODE`, and subprocesses (`cdktf`, `cdktn`, `npx`) find it first on `PATH`.

jsii forwards its runtime's stderr line by line and prints any line that is not its own JSON
envelope as a Python bytes repr (`b'!!!!…'`, e.g. Node's own warnings). The sink is replaced by
one that decodes such lines, so no raw byte string reaches the user.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path
from typing import IO

NODE_BIN = Path("node_modules") / ".bin"


def project_node_bin(start: Path | None = None) -> Path | None:
    """`node_modules/.bin` holding a `node` in `start` (default: the working directory) or a parent."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / NODE_BIN
        if (candidate / "node").exists():
            return candidate
    return None


def use_project_node(start: Path | None = None, environ: dict[str, str] | os._Environ[str] = os.environ) -> Path | None:
    """Put the project's Node first for jsii and subprocesses; a user's own `JSII_NODE` wins.

    Returns the `node_modules/.bin` directory used, or None when the project has no Node of its own
    (then the machine's `node` runs, as before).
    """
    bin_dir = project_node_bin(start)
    if bin_dir is None:
        return None
    environ.setdefault("JSII_NODE", str(bin_dir / "node"))
    path = environ.get("PATH", "")
    if path.split(os.pathsep)[0] != str(bin_dir):
        environ["PATH"] = os.pathsep.join([str(bin_dir), path]) if path else str(bin_dir)
    return bin_dir


def _decoded_stderr_sink(reader: IO[bytes]) -> None:
    """jsii's stderr sink, with plain lines decoded instead of printed as `b'...'`."""
    for line in iter(reader.readline, b""):
        try:
            console = json.loads(line)
        except ValueError:
            sys.stderr.write(line.decode("utf-8", "replace"))
            continue
        if not isinstance(console, dict):
            sys.stderr.write(line.decode("utf-8", "replace"))
            continue
        for stream, target in (("stderr", sys.stderr), ("stdout", sys.stdout)):
            if console.get(stream) is not None:
                target.flush()
                target.buffer.write(base64.b64decode(console[stream]))
                target.buffer.flush()


def decode_jsii_stderr() -> None:
    """Install the decoding sink; must run before the first jsii assembly starts its runtime."""
    from jsii._kernel.providers import process

    process.stderr_sink = _decoded_stderr_sink  # type: ignore[assignment]  # looked up when the runtime starts
