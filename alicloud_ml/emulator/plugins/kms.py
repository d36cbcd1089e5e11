"""KMS encryption as the emulated cloud does it: a ciphertext blob that only Decrypt with the same key and
encryption context turns back into the plaintext.

KMS Encrypt returns an opaque base64 `CiphertextBlob` that names its key inside, and Decrypt needs only the
blob and the same `EncryptionContext` (KMS API reference, Encrypt and Decrypt,
https://www.alibabacloud.com/help/en/kms/developer-reference/api-kms-2016-01-20-encrypt and
.../api-kms-2016-01-20-decrypt). The emulator's blob is base64 of a small JSON document, so
`alicloud_kms_ciphertext` (resource and data source) and `alicloud_kms_plaintext` agree; its bytes are a
stand-in for KMS's (README "Assumptions").
"""

from __future__ import annotations

import base64
import json
from typing import Any

from alicloud_ml.emulator.plugins.registry import Lookup, computed

_MARK = "alicloud-ml-emulator-kms:"


def encrypt(key_id: str, plaintext: str, context: dict[str, str] | None) -> str:
    document = json.dumps({"key_id": key_id, "plaintext": plaintext, "context": context or {}}, sort_keys=True)
    return base64.b64encode((_MARK + document).encode()).decode()


class DecryptError(ValueError):
    """The blob is not one this cloud's KMS made, or the encryption context differs."""


def decrypt(blob: str, context: dict[str, str] | None) -> tuple[str, str]:
    """(key_id, plaintext) of a blob `encrypt` made; DecryptError otherwise."""
    try:
        text = base64.b64decode(blob, validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        raise DecryptError("the ciphertext blob is not base64 text made by KMS Encrypt") from None
    if not text.startswith(_MARK):
        raise DecryptError("the ciphertext blob was not made by this cloud's KMS Encrypt")
    document = json.loads(text.removeprefix(_MARK))
    if document["context"] != (context or {}):
        raise DecryptError("the encryption_context differs from the one the plaintext was encrypted with")
    return document["key_id"], document["plaintext"]


@computed("alicloud_kms_ciphertext", "ciphertext_blob")
def _ciphertext(state: dict[str, Any], region: str, lookup: Lookup) -> str:
    return encrypt(str(state.get("key_id")), str(state.get("plaintext")), state.get("encryption_context"))
