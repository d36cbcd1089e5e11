"""One JSON call over urllib with errors that say which service failed and how (the handler stays stdlib-only)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any


def fetch_json(request: urllib.request.Request, *, timeout: float, what: str, error: type[Exception],
               detail: Callable[[bytes], str]) -> Any:
    """The decoded JSON answer to `request`; `error(...)` naming `what` on an HTTP error (with `detail` of its
    body), an unreachable endpoint or a non-JSON answer."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise error(f"{what} answered HTTP {exc.code}: {detail(exc.read())}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise error(f"{what} unreachable: {exc}") from None
    except json.JSONDecodeError:
        raise error(f"{what} answered non-JSON") from None
