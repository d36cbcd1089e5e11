"""The emulated cloud: every object the emulator created, in one SQLite file shared by all runs.

SQLite gives atomic, crash-safe writes and locking across processes (Terraform starts a new
provider process per command, and a user may run two at once) without rewriting a whole state
file per request, which was the first prototype's bottleneck. Location: ALICLOUD_ML_EMULATOR_STATE,
else `.alicloud-ml/emulator/` under the working directory.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alicloud_ml.emulator.objects import family

STATE_ENV = "ALICLOUD_ML_EMULATOR_STATE"
DEFAULT_STATE_DIR = Path(".alicloud-ml") / "emulator"
DB_NAME = "cloud.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    region TEXT NOT NULL,
    parent TEXT,
    state TEXT NOT NULL,
    PRIMARY KEY (type, id)
);
CREATE INDEX IF NOT EXISTS objects_parent ON objects (type, parent);
CREATE TABLE IF NOT EXISTS refs (
    source_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS refs_target ON refs (target_type, target_id);
CREATE INDEX IF NOT EXISTS refs_source ON refs (source_type, source_id);
"""


def state_dir() -> Path:
    """Where the emulated cloud lives: $ALICLOUD_ML_EMULATOR_STATE or ./.alicloud-ml/emulator."""
    configured = os.environ.get(STATE_ENV)
    return Path(configured) if configured else Path.cwd() / DEFAULT_STATE_DIR


class Store:
    """Objects keyed by (type, id), plus the references between them (for dependency checks)."""

    def __init__(self, directory: Path | None = None):
        self.directory = directory or state_dir()
        self.path = self.directory / DB_NAME
        self._local = threading.local()
        self._write_lock = threading.Lock()  # threads queue here, not in SQLite's sleeping busy handler
        self._created = False  # this store made sure the database exists: later threads skip the flock + check
        self._create_lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            with self._create_lock:
                if not (self._created and self.path.exists()):
                    conn = self._create_once()
                    self._created = True
            if conn is None:
                conn = self._connect()
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        # WAL with synchronous=NORMAL: atomic and consistent after a crash, no fsync per commit
        # (https://www.sqlite.org/pragma.html#pragma_synchronous)
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _create_once(self) -> sqlite3.Connection:
        """Create the database, in WAL mode, exactly once across processes; returns the connection it used.

        Switching to WAL needs an exclusive lock, and SQLite's busy handler does not wait for it:
        several providers opening a fresh store at once failed with "database is locked" (about one
        apply in 170). WAL mode is stored in the file, so only the creator sets it, under a file lock.
        The tables and indexes are made in one transaction (one commit, not one per statement), and the
        connection stays open: closing the last connection checkpoints the log, which a fresh emulated
        cloud paid at every first apply.
        """
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / (DB_NAME + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            conn = self._connect()
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'objects'").fetchone():
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(f"BEGIN;{_SCHEMA}COMMIT;")
            return conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: checks and the write it guards see the same cloud, across processes."""
        conn = self._conn()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def exists(self, type_name: str, object_id: str) -> bool:
        """`get(...) is not None`, without decoding the stored state."""
        types = family(type_name)
        return self._conn().execute(f"SELECT 1 FROM objects WHERE type IN ({_marks(types)}) AND id=?",
                                    (*types, object_id)).fetchone() is not None

    def get(self, type_name: str, object_id: str) -> dict[str, Any] | None:
        """The object with that id made by any type of `type_name`'s family (emulator/objects.py)."""
        types = family(type_name)
        row = self._conn().execute(f"SELECT state FROM objects WHERE type IN ({_marks(types)}) AND id=?",
                                   (*types, object_id)).fetchone()
        return json.loads(row[0]) if row else None

    def find(self, type_name: str, parent: str | None = None, region: str | None = None) -> list[dict[str, Any]]:
        """Objects of a type's family, optionally only those listed under `parent` or created in `region`."""
        types = family(type_name)
        sql, args = f"SELECT state FROM objects WHERE type IN ({_marks(types)})", list(types)
        if parent is not None:
            sql, args = sql + " AND parent=?", [*args, parent]
        if region is not None:
            sql, args = sql + " AND region=?", [*args, region]
        return [json.loads(r[0]) for r in self._conn().execute(sql, args)]

    def put(self, type_name: str, object_id: str, region: str, state: dict[str, Any], parent: str | None,
            refs: list[tuple[str, str]]) -> None:
        conn = self._conn()
        conn.execute(
            "INSERT OR REPLACE INTO objects (type, id, region, parent, state) VALUES (?, ?, ?, ?, ?)",
            (type_name, object_id, region, parent, json.dumps(state, separators=(",", ":"))),
        )
        conn.execute("DELETE FROM refs WHERE source_type=? AND source_id=?", (type_name, object_id))
        if refs:
            conn.executemany(
                "INSERT INTO refs (source_type, source_id, target_type, target_id) VALUES (?, ?, ?, ?)",
                [(type_name, object_id, t, i) for t, i in refs],
            )

    def replace_state(self, type_name: str, object_id: str, state: dict[str, Any]) -> None:
        """Change a stored object's state in place, whichever type of its family made it (its region, parent and
        references stay)."""
        types = family(type_name)
        self._conn().execute(f"UPDATE objects SET state=? WHERE type IN ({_marks(types)}) AND id=?",
                             (json.dumps(state, separators=(",", ":")), *types, object_id))

    def delete(self, type_name: str, object_id: str) -> None:
        conn = self._conn()
        types = family(type_name)
        conn.execute(f"DELETE FROM objects WHERE type IN ({_marks(types)}) AND id=?", (*types, object_id))
        conn.execute(f"DELETE FROM refs WHERE source_type IN ({_marks(types)}) AND source_id=?", (*types, object_id))

    def dependents(self, type_name: str, object_id: str) -> list[tuple[str, str]]:
        types = family(type_name)
        rows = self._conn().execute(
            f"SELECT source_type, source_id FROM refs WHERE target_type IN ({_marks(types)}) AND target_id=?",
            (*types, object_id))
        return [(r[0], r[1]) for r in rows]

    def count(self) -> int:
        return self._conn().execute("SELECT COUNT(*) FROM objects").fetchone()[0]

    def summary(self) -> dict[str, int]:
        rows = self._conn().execute("SELECT type, COUNT(*) FROM objects GROUP BY type ORDER BY type")
        return {r[0]: r[1] for r in rows}


def _marks(types: tuple[str, ...]) -> str:
    return ",".join("?" * len(types))
