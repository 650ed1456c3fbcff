"""Secrets sealed at rest (carecast.store.keys): AES-GCM sealing bound to a purpose, where
the key comes from (variable or key file), how the key file is made and guarded, replacing
a key, and what may be shown of a secret."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from carecast.errors import StoreError
from carecast.store.keys import (
    KEY_FILE_VARIABLE,
    KEY_VARIABLE,
    Keyring,
    load_keyring,
    mask,
    new_key,
)

TOKEN = "mastodon-access-token-0123456789abcdef"


def raw(key: str) -> bytes:
    return base64.urlsafe_b64decode(key)


def ring(key_id: str = "k1") -> Keyring:
    return Keyring(keys={key_id: raw(new_key())}, current=key_id)


def key_file_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    path = tmp_path / "config" / "carecast" / "secret.key"
    return {KEY_FILE_VARIABLE: str(path)}, path


def write_key_file(path: Path, text: str, mode: int = 0o600) -> None:
    path.write_text(text)
    path.chmod(mode)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# Sealing and opening


def test_seal_then_open_gives_the_secret_back() -> None:
    keyring = ring()
    sealed = keyring.seal(TOKEN, "account:1")
    assert sealed.startswith("v1.k1.")
    assert TOKEN not in sealed
    assert keyring.open(sealed, "account:1") == TOKEN


def test_sealing_twice_gives_different_values() -> None:
    keyring = ring()
    assert keyring.seal(TOKEN, "account:1") != keyring.seal(TOKEN, "account:1")


def test_non_ascii_secret_round_trips() -> None:
    keyring = ring()
    secret = "pässwörd-🔑-密码"
    assert keyring.open(keyring.seal(secret, "account:3"), "account:3") == secret


def test_a_value_sealed_for_one_purpose_does_not_open_for_another() -> None:
    keyring = ring()
    sealed = keyring.seal(TOKEN, "account:1")
    with pytest.raises(StoreError) as caught:
        keyring.open(sealed, "account:2")
    assert "account:2" in caught.value.message
    assert caught.value.hint


def test_tampered_ciphertext_is_a_store_error() -> None:
    keyring = ring()
    sealed = keyring.seal(TOKEN, "account:1")
    prefix, body = sealed.rsplit(".", 1)
    data = bytearray(base64.urlsafe_b64decode(body))
    data[-1] ^= 0x01
    tampered = f"{prefix}.{base64.urlsafe_b64encode(bytes(data)).decode()}"
    with pytest.raises(StoreError) as caught:
        keyring.open(tampered, "account:1")
    assert "does not open" in caught.value.message
    assert caught.value.hint


@pytest.mark.parametrize(
    "damaged",
    [
        "",
        "garbage",
        "v1.k1",
        "v1.k1.é",
        "v1.k1.abc",  # bad padding
        "v1.k1." + "A" * 40,  # well-formed but never sealed
    ],
)
def test_damaged_text_is_a_store_error(damaged: str) -> None:
    with pytest.raises(StoreError) as caught:
        ring().open(damaged, "account:1")
    assert caught.value.message and caught.value.hint


def test_truncated_sealed_value_is_a_store_error() -> None:
    keyring = ring()
    sealed = keyring.seal(TOKEN, "account:1")
    with pytest.raises(StoreError):
        keyring.open(sealed[:-8], "account:1")


@pytest.mark.parametrize("damaged", ["v1.k1.", "v1.k1.AAAA", "v1.k1.%%%"])
def test_body_shorter_than_a_nonce_is_a_store_error(damaged: str) -> None:
    """A body too short to hold a nonce and a tag is damaged, not a crash in the cipher."""
    with pytest.raises(StoreError):
        ring().open(damaged, "account:1")


def test_value_sealed_under_an_unknown_key_id_says_what_to_do() -> None:
    sealed = ring("old").seal(TOKEN, "account:1")
    with pytest.raises(StoreError) as caught:
        ring("new").open(sealed, "account:1")
    assert "does not have" in caught.value.message
    assert "key file" in caught.value.hint and KEY_VARIABLE in caught.value.hint


def test_unknown_version_is_a_store_error() -> None:
    keyring = ring()
    sealed = keyring.seal(TOKEN, "account:1")
    with pytest.raises(StoreError):
        keyring.open("v2" + sealed[2:], "account:1")


# CARECAST_SECRET_KEY


def test_secret_key_variable_takes_precedence_over_the_key_file(tmp_path: Path) -> None:
    env, _ = key_file_env(tmp_path)
    from_file = load_keyring(env)
    key = new_key()
    from_variable = load_keyring({**env, KEY_VARIABLE: key})
    assert list(from_variable.keys.values()) == [raw(key)]
    assert from_variable.keys != from_file.keys
    sealed = from_variable.seal(TOKEN, "account:1")
    assert load_keyring({KEY_VARIABLE: key}).open(sealed, "account:1") == TOKEN


def test_secret_key_variable_does_not_create_a_key_file(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    load_keyring({**env, KEY_VARIABLE: new_key()})
    assert not path.exists()


@pytest.mark.parametrize(
    "bad",
    [
        "not base64 at all!",
        base64.urlsafe_b64encode(b"x" * 16).decode(),  # 16 bytes
        base64.urlsafe_b64encode(b"x" * 33).decode(),  # 33 bytes
        "abc",  # bad padding
    ],
)
def test_bad_secret_key_variable_shows_how_to_make_one(bad: str, tmp_path: Path) -> None:
    env, _ = key_file_env(tmp_path)
    with pytest.raises(StoreError) as caught:
        load_keyring({**env, KEY_VARIABLE: bad})
    assert KEY_VARIABLE in caught.value.message
    assert "new_key()" in caught.value.hint


def test_blank_secret_key_variable_falls_back_to_the_key_file(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    load_keyring({**env, KEY_VARIABLE: "   "})
    assert path.exists()


# The key file


def test_key_file_is_made_on_first_use_private(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    keyring = load_keyring(env)
    assert path.is_file()
    assert mode_of(path) == 0o600
    assert mode_of(path.parent) == 0o700
    assert len(keyring.keys) == 1
    assert keyring.current in keyring.keys
    key_id, _, text = path.read_text().strip().rpartition(":")
    assert key_id == keyring.current
    assert raw(text) == keyring.keys[key_id]


def test_loading_twice_gives_the_same_key_and_does_not_rewrite_the_file(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    first = load_keyring(env)
    written = path.read_bytes()
    modified = path.stat().st_mtime_ns
    second = load_keyring(env)
    assert second.keys == first.keys and second.current == first.current
    assert path.read_bytes() == written
    assert path.stat().st_mtime_ns == modified
    assert second.open(first.seal(TOKEN, "account:1"), "account:1") == TOKEN


def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    load_keyring(env)
    path.chmod(0o644)
    with pytest.raises(StoreError) as caught:
        load_keyring(env)
    assert "chmod 600" in caught.value.hint
    assert str(path) in caught.value.hint


def test_key_file_readable_by_group_is_refused(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    load_keyring(env)
    path.chmod(0o640)
    with pytest.raises(StoreError) as caught:
        load_keyring(env)
    assert "chmod 600" in caught.value.hint


def test_first_key_seals_and_a_later_key_still_opens(tmp_path: Path) -> None:
    """Replacing a key: put the new one first, keep the old one below it."""
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    new, old = new_key(), new_key()
    write_key_file(path, f"new:{new}\nold:{old}\n")
    keyring = load_keyring(env)
    assert keyring.current == "new"
    assert set(keyring.keys) == {"new", "old"}
    assert keyring.seal(TOKEN, "account:1").startswith("v1.new.")
    sealed_with_old = Keyring(keys={"old": raw(old)}, current="old").seal(TOKEN, "account:1")
    assert keyring.open(sealed_with_old, "account:1") == TOKEN


def test_key_file_with_comments_and_blank_lines(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    key = new_key()
    write_key_file(path, f"# carecast keys\n\n   \n# replaced 2026-01\nmain:{key}\n\n")
    keyring = load_keyring(env)
    assert keyring.keys == {"main": raw(key)}
    assert keyring.current == "main"


def test_key_without_an_id_gets_a_stable_one(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    key = new_key()
    write_key_file(path, f"{key}\n")
    first, second = load_keyring(env), load_keyring(env)
    assert first.current == second.current
    assert len(first.current) == 8
    assert first.keys == {first.current: raw(key)}


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_key_file_without_keys_is_refused(tmp_path: Path, text: str) -> None:
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    write_key_file(path, text)
    with pytest.raises(StoreError) as caught:
        load_keyring(env)
    assert "no key" in caught.value.message
    assert str(path) in caught.value.hint


def test_bad_key_in_the_key_file_names_the_line(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    write_key_file(path, f"good:{new_key()}\nbad:tooshort\n")
    with pytest.raises(StoreError) as caught:
        load_keyring(env)
    assert "line 2" in caught.value.message
    assert "new_key()" in caught.value.hint


def test_key_file_that_cannot_be_made_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {KEY_FILE_VARIABLE: str(blocker / "carecast" / "secret.key")}
    with pytest.raises(StoreError) as caught:
        load_keyring(env)
    assert KEY_FILE_VARIABLE in caught.value.hint


def test_key_file_defaults_under_xdg_config_home(tmp_path: Path) -> None:
    keyring = load_keyring({"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    path = tmp_path / "xdg" / "carecast" / "secret.key"
    assert path.is_file() and mode_of(path) == 0o600
    assert keyring.current in path.read_text()


def test_a_key_id_with_a_dot_is_refused_when_the_file_is_read(tmp_path: Path) -> None:
    """A dot would split a sealed value in the wrong place, so key ids may not hold one."""
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    write_key_file(path, f"2026.05:{new_key()}\n")
    with pytest.raises(StoreError) as caught:
        load_keyring(env)
    assert "2026.05" in caught.value.message and "letters, digits" in caught.value.hint


def test_the_same_key_id_twice_is_refused(tmp_path: Path) -> None:
    env, path = key_file_env(tmp_path)
    path.parent.mkdir(parents=True)
    write_key_file(path, f"a:{new_key()}\na:{new_key()}\n")
    with pytest.raises(StoreError, match="appears twice"):
        load_keyring(env)


# What may be shown


def test_mask_shows_only_the_last_four_characters() -> None:
    assert mask(TOKEN) == "…" + TOKEN[-4:]
    assert TOKEN[:-4] not in mask(TOKEN)


@pytest.mark.parametrize("short", ["", "a", "abcd", "abcdefgh"])
def test_mask_shows_nothing_of_a_short_secret(short: str) -> None:
    assert mask(short) == "…"


def test_keyring_repr_does_not_show_the_key() -> None:
    key = raw(new_key())
    keyring = Keyring(keys={"k1": key}, current="k1")
    shown = repr(keyring)
    assert "k1" in shown
    assert repr(key) not in shown
    assert str(key) not in shown
    assert base64.urlsafe_b64encode(key).decode() not in shown
    assert key.hex() not in shown
