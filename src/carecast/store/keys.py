"""Encryption at rest for secrets carecast keeps: network account tokens (and, later,
private threads). AES-256-GCM from ``cryptography``.

The key comes from ``CARECAST_SECRET_KEY`` (32 random bytes, URL-safe base64) or from a
key file, ``CARECAST_KEY_FILE`` or ``~/.config/carecast/secret.key``, which carecast
creates on first use with permissions 0600. A key file may hold several keys, one per
line as ``id:base64``: the first seals new values, all of them open old ones, so a key
can be replaced without losing what the old one sealed.

A sealed value reads ``v1.<key id>.<base64 of nonce + ciphertext>``. Each is bound to
its purpose (``account:12``, say) as associated data, so a value copied onto another
row does not open there.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from carecast.errors import StoreError

KEY_VARIABLE = "CARECAST_SECRET_KEY"
KEY_FILE_VARIABLE = "CARECAST_KEY_FILE"
VERSION = "v1"
NONCE_BYTES = 12
TAG_BYTES = 16


def default_key_file(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if named := env.get(KEY_FILE_VARIABLE, "").strip():
        return Path(named).expanduser()
    config = env.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(config) / "carecast" / "secret.key"


def new_key() -> str:
    """A fresh key, as it is written in ``CARECAST_SECRET_KEY`` or a key file."""
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode()


@dataclass(frozen=True)
class Keyring:
    """Keys by id; ``current`` seals, any of them opens."""

    keys: dict[str, bytes] = field(repr=False)
    current: str

    def seal(self, plaintext: str, purpose: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.current]).encrypt(
            nonce, plaintext.encode(), purpose.encode()
        )
        body = base64.urlsafe_b64encode(nonce + sealed).decode()
        return f"{VERSION}.{self.current}.{body}"

    def open(self, value: str, purpose: str) -> str:
        try:
            version, key_id, body = value.split(".", 2)
            raw = base64.urlsafe_b64decode(body)
        except (ValueError, binascii.Error):
            raise StoreError(
                f"a stored secret for {purpose} is damaged",
                "enter it again (reconnect the account)",
            ) from None
        if version != VERSION or key_id not in self.keys:
            raise StoreError(
                f"the secret for {purpose} was sealed with a key carecast does not have",
                f"give carecast that key: add it to the key file or set {KEY_VARIABLE}",
            )
        if len(raw) < NONCE_BYTES + TAG_BYTES:
            raise StoreError(
                f"a stored secret for {purpose} is damaged",
                "enter it again (reconnect the account)",
            )
        try:
            plain = AESGCM(self.keys[key_id]).decrypt(
                raw[:NONCE_BYTES], raw[NONCE_BYTES:], purpose.encode()
            )
        except InvalidTag:
            raise StoreError(
                f"the secret for {purpose} does not open with key {key_id!r}",
                "it was changed or copied from elsewhere: enter it again",
            ) from None
        return plain.decode()


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip())
    except (ValueError, binascii.Error):
        key = b""
    if len(key) != 32:
        raise StoreError(
            f"the key in {where} is not 32 bytes of URL-safe base64",
            'make one with: python -c "from carecast.store.keys import new_key; print(new_key())"',
        )
    return key


def _key_id(key: bytes) -> str:
    """A short, stable name for a key that does not reveal it."""
    return hashlib.sha256(b"carecast key id:" + key).hexdigest()[:8]


def _read_file(path: Path) -> dict[str, bytes]:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise StoreError(
            f"the key file {path} can be read by others (mode {mode:o})",
            f"restrict it with: chmod 600 {path}",
        )
    keys: dict[str, bytes] = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key_id, _, text = line.rpartition(":")
        key = _decode(text, f"{path}, line {number}")
        key_id = key_id.strip() or _key_id(key)
        if not key_id.replace("-", "").replace("_", "").isalnum():
            raise StoreError(
                f"the key id {key_id!r} in {path}, line {number} is not usable",
                "use letters, digits, - and _ only, e.g. 2026-11:<key>",
            )
        if key_id in keys:
            raise StoreError(
                f"the key id {key_id!r} appears twice in {path}", "give each key its own id"
            )
        keys[key_id] = key
    if not keys:
        raise StoreError(
            f"the key file {path} holds no key", f"delete {path} to have a new one made"
        )
    return keys


def _create_file(path: Path) -> None:
    """Write a new key to a private temporary file, then link it into place: another
    carecast process sees either no key file or a whole one, never an empty one."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = new_key()
    line = f"{_key_id(base64.urlsafe_b64decode(key))}:{key}\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        # Made a moment ago by another carecast process? Then that one is used.
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def load_keyring(environ: Mapping[str, str] | None = None) -> Keyring:
    """The keys from ``CARECAST_SECRET_KEY``, else from the key file (made if missing)."""
    env = os.environ if environ is None else environ
    if text := env.get(KEY_VARIABLE, "").strip():
        key = _decode(text, KEY_VARIABLE)
        return Keyring(keys={_key_id(key): key}, current=_key_id(key))
    path = default_key_file(env)
    try:
        if not path.exists():
            _create_file(path)
        keys = _read_file(path)
    except OSError as exc:
        raise StoreError(
            f"cannot read or create the key file {path}: {exc.strerror}",
            f"set {KEY_FILE_VARIABLE} to a file carecast may write, or set {KEY_VARIABLE}",
        ) from None
    return Keyring(keys=keys, current=next(iter(keys)))


def write_key_file(path: Path, keys: dict[str, bytes]) -> None:
    """Replace the key file with ``keys`` (the first seals), whole or not at all."""
    lines = "".join(
        f"{key_id}:{base64.urlsafe_b64encode(key).decode()}\n" for key_id, key in keys.items()
    )
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(lines)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def rotate(environ: Mapping[str, str] | None = None) -> tuple[Keyring, Path]:
    """Put a new key first in the key file, keeping the old ones to open what they
    sealed; returns the new keyring and the file."""
    env = os.environ if environ is None else environ
    if env.get(KEY_VARIABLE, "").strip():
        raise StoreError(
            f"the key comes from {KEY_VARIABLE}, which carecast cannot change",
            f"put it in a key file (id:key per line), unset {KEY_VARIABLE}, then rotate",
        )
    old = load_keyring(env)
    path = default_key_file(env)
    fresh = AESGCM.generate_key(bit_length=256)
    keys = {_key_id(fresh): fresh, **old.keys}
    write_key_file(path, keys)
    return Keyring(keys=keys, current=_key_id(fresh)), path


def retire(keyring: Keyring, path: Path) -> Keyring:
    """Keep only the current key (once everything is sealed with it)."""
    kept = {keyring.current: keyring.keys[keyring.current]}
    write_key_file(path, kept)
    return Keyring(keys=kept, current=keyring.current)


def mask(secret: str) -> str:
    """What may be shown of a secret: its last four characters."""
    return "…" + secret[-4:] if len(secret) > 8 else "…"


__all__ = ["Keyring", "default_key_file", "load_keyring", "mask", "new_key"]
