"""Archive readers: every export format read back, bad records reported in place, formats
detected, whole-file errors explained, memory flat on a large input, zips read in place."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import libipld
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from atproto_core.car import CAR

from carecast.errors import InputError
from carecast.scale.readers import ArchivePost, BadRecord, archives, detect, read, read_many, tables

FIXTURES = Path(__file__).parent / "fixtures"
X_FOLDER = FIXTURES / "x_archive"
MASTODON_FOLDER = FIXTURES / "mastodon_archive"
FACEBOOK = FIXTURES / "facebook" / "your_posts_1.json"
DID = "did:plc:riverside5550102233abcd"


def split(items: Iterable[ArchivePost | BadRecord]) -> tuple[list[ArchivePost], list[BadRecord]]:
    got = list(items)
    posts = [i for i in got if isinstance(i, ArchivePost)]
    bad = [i for i in got if isinstance(i, BadRecord)]
    assert len(posts) + len(bad) == len(got)
    return posts, bad


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                archive.write(f, prefix + f.relative_to(folder).as_posix())
    return target


# --- Bluesky: a small repository CAR, written here ---------------------------------------


def cid_of(block: bytes) -> bytes:
    """A CIDv1, dag-cbor, sha2-256: what a repository uses for every block."""
    return bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


def varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def post_record(text: object, created: str) -> dict[str, object]:
    return {"$type": "app.bsky.feed.post", "text": text, "createdAt": created, "langs": ["en"]}


BSKY_RECORDS = {
    "app.bsky.feed.like/3kfqaaaaaaa2a": {
        "$type": "app.bsky.feed.like",
        "subject": {"uri": "at://did:plc:county/app.bsky.feed.post/3k1", "cid": "bafyrei"},
        "createdAt": "2024-02-01T08:00:00.000Z",
    },
    "app.bsky.feed.post/3kfq2rwrgxk2a": post_record(
        "Saturday vaccine clinic is on! Book at (555) 010-2233.", "2024-02-03T09:00:00.000Z"
    ),
    "app.bsky.feed.post/3kfq3bbbbbb2c": post_record(
        "Wishing a speedy recovery to our patient Maria after yesterday's surgery.",
        "2024-02-05T17:20:00+01:00",
    ),
    "app.bsky.feed.post/3kfq4ccccccc2": post_record("Closed for the holiday.", "last Monday"),
}


def build_car(reverse: bool = False) -> bytes:
    """A CAR v1 of a repository: the commit, one tree node (enough for a few records),
    then the records, as a PDS writes them."""
    blocks = {key: libipld.encode_dag_cbor(record) for key, record in BSKY_RECORDS.items()}
    entries, previous = [], b""
    for key in sorted(blocks):
        k = key.encode()
        shared = len(next((k[:i] for i in range(len(k), 0, -1) if previous[:i] == k[:i]), b""))
        entries.append({"p": shared, "k": k[shared:], "v": cid_of(blocks[key]), "t": None})
        previous = k
    node = libipld.encode_dag_cbor({"l": None, "e": entries})
    commit = libipld.encode_dag_cbor(
        {"did": DID, "version": 3, "data": cid_of(node), "rev": "3kfq5", "prev": None}
        | {"sig": bytes(64)}
    )
    header = libipld.encode_dag_cbor({"version": 1, "roots": [cid_of(commit)]})
    body = [commit, node, *(blocks[k] for k in sorted(blocks))]
    if reverse:  # the records first, then the tree node that names them
        body = [commit, *reversed(body[1:])]
    sections = [varint(len(cid_of(b)) + len(b)) + cid_of(b) + b for b in body]
    return varint(len(header)) + header + b"".join(sections)


@pytest.fixture
def car_file(tmp_path: Path) -> Path:
    path = tmp_path / "repo.car"
    path.write_bytes(build_car())
    return path


# --- every format read back --------------------------------------------------------------


def test_x_archive_folder() -> None:
    posts, bad = split(read(X_FOLDER))
    assert [p.id for p in posts] == [
        "1448720913334587392",
        "1521998877665544321",
        "1601234567890123456",
    ]
    assert {p.account for p in posts} == {"riversideclinic"}
    assert {p.network for p in posts} == {"x"}
    assert posts[0].created_at == datetime(2021, 10, 14, 18, 2, 11, tzinfo=UTC)
    assert posts[0].text.endswith("Call (555) 010-2233 & ask for the front desk.")
    assert posts[1].text == (
        'Huge thanks to @nurse_lena_o for 20 years of care {and "patience"} [<3] '
        "#NationalNursesWeek"
    )
    assert posts[2].url == "https://x.com/riversideclinic/status/1601234567890123456"
    assert bad == [
        BadRecord(
            str(X_FOLDER / "data" / "tweets.js"),
            "record 3",
            "cannot read the date 'sometime in May'",
        )
    ]


def test_x_tweets_js_alone_finds_account_js_beside_it() -> None:
    tweets = X_FOLDER / "data" / "tweets.js"
    assert detect(tweets) == "x"
    posts, bad = split(read(tweets))
    assert len(posts) == 3 and len(bad) == 1
    assert posts[0].account == "riversideclinic"


def test_x_archive_zip_is_read_in_place(tmp_path: Path) -> None:
    archive = zip_folder(X_FOLDER, tmp_path / "twitter-2024.zip", "twitter-2024-01-02-abc/")
    assert detect(archive) == "x"
    posts, bad = split(read(archive))
    assert [p.text for p in posts] == [p.text for p in split(read(X_FOLDER))[0]]
    assert posts[0].source == f"{archive}!twitter-2024-01-02-abc/data/tweets.js"
    assert posts[0].account == "riversideclinic"
    assert [b.where for b in bad] == ["record 3"]
    assert not (tmp_path / "twitter-2024-01-02-abc").exists()  # nothing extracted


def test_mastodon_outbox() -> None:
    posts, bad = split(read(MASTODON_FOLDER))
    assert [p.id for p in posts] == [
        "111345678901234567",
        "111400000000000002",
        "111500000000000004",
    ]
    assert {p.account for p in posts} == {"@riverside@mastodon.example"}
    assert posts[0].text == (
        "Flu clinic this Saturday, 9–1. Call (555) 010-2233 to book.\n\n"
        "Bring your insurance card & a list of medications.\nNo appointment? Walk-ins welcome."
    )
    assert posts[0].url == "https://mastodon.example/@riverside/111345678901234567"
    assert posts[0].created_at == datetime(2023, 11, 2, 15, 4, 5, tzinfo=UTC)
    # the content warning is kept; mentions and links come out as plain text
    assert posts[1].text == (
        "Staff news\n\nPlease welcome @dr_okafor to our team! "
        "Details: https://riverside-clinic.example/team/okafor"
    )
    assert posts[2].text == "@jdoe_patient your lab results are ready — please call (555) 010-4477."
    assert all("<" not in p.text for p in posts)
    # the boost (record 2) is skipped; the Create that holds only a link is reported
    assert [(b.where, b.reason) for b in bad] == [
        ("record 4", "the activity holds a link, not the post")
    ]


def test_mastodon_zip(tmp_path: Path) -> None:
    archive = zip_folder(MASTODON_FOLDER, tmp_path / "archive-20240101.zip")
    assert detect(archive) == "mastodon"
    posts, bad = split(read(archive))
    assert [p.id for p in posts] == [p.id for p in split(read(MASTODON_FOLDER))[0]]
    assert posts[0].source == f"{archive}!outbox.json" and len(bad) == 1


def test_facebook_posts() -> None:
    posts, bad = split(read(FACEBOOK))
    assert [p.id for p in posts] == ["record-1", "record-2", "record-4"]
    assert posts[0].created_at == datetime(2019, 4, 1, 14, 46, 40, tzinfo=UTC)
    # Facebook writes UTF-8 bytes as \u00XX escapes; the reader undoes that
    assert posts[1].text == "Allergy season tips from our café chat with Dr. Raman 🌼"
    assert posts[2].text.endswith("born here Tuesday! 😊")
    assert {p.network for p in posts} == {"facebook"}
    assert [b.where for b in bad] == ["record 3"]
    assert bad[0].reason.startswith("not valid JSON")


def test_jsonl() -> None:
    posts, bad = split(read(FIXTURES / "posts.jsonl"))
    assert [p.id for p in posts] == ["p-1001", "1002", "line-4"]
    assert [p.account for p in posts] == ["Riverside Family Clinic", "riversideclinic", ""]
    assert posts[0].created_at == datetime(2022, 5, 3, 14, 15, tzinfo=UTC)
    assert posts[0].url == "https://riverside-clinic.example/news/1001"
    assert posts[1].created_at == datetime.fromtimestamp(1651600000, UTC)
    assert posts[2].created_at == datetime(2022, 5, 6, 8, 0, tzinfo=UTC)  # no zone: UTC
    assert all(p.created_at and p.created_at.tzinfo for p in posts)
    assert [(b.where, b.reason.split(" (")[0]) for b in bad] == [("line 3", "not valid JSON")]


def test_csv_with_commas_quotes_and_newlines() -> None:
    posts, bad = split(read(FIXTURES / "posts.csv"))
    assert [p.id for p in posts] == ["c-1", "c-2", "c-4"]
    assert posts[0].text.startswith("Happy Valentine's Day! Your heart health matters, so")
    assert posts[1].text == 'She said "thank you, doctor" and I\'ll remember it,\nfor a long time.'
    assert posts[1].created_at == datetime(2020, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=1)))
    assert posts[1].account == "Dr. Sam Okafor" and posts[1].url == ""
    assert [(b.where, b.reason) for b in bad] == [("line 5", "the text is empty")]


def test_parquet_read_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "posts.parquet"
    when = [datetime(2021, 6, day, 9, tzinfo=UTC) for day in (1, 2, 3, 4, 5)]
    table = pa.table(
        {
            "id": pa.array([501, 502, 503, 504, 505], pa.int64()),
            "user": ["riversideclinic"] * 5,
            "created_at": pa.array(when, pa.timestamp("us", tz="UTC")),
            "body": ["Open 8-5 today.", "Call (555) 010-7788.", None, "Stay cool!", "Bye"],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    monkeypatch.setattr(tables, "BATCH", 2)
    posts, bad = split(read(path, text_column="body"))
    assert [p.id for p in posts] == ["501", "502", "504", "505"]
    assert posts[1].created_at == when[1] and posts[1].account == "riversideclinic"
    assert [(b.where, b.reason) for b in bad] == [("row 3", "no text")]
    assert detect(path) == "parquet"


def test_bluesky_car(car_file: Path) -> None:
    car = CAR.from_bytes(car_file.read_bytes())  # what atproto itself makes of the file
    assert len(car.blocks) == 6 and car.blocks[car.root]["did"] == DID
    assert detect(car_file) == "bluesky"
    posts, bad = split(read(car_file))
    assert [p.id for p in posts] == [
        f"at://{DID}/app.bsky.feed.post/3kfq2rwrgxk2a",
        f"at://{DID}/app.bsky.feed.post/3kfq3bbbbbb2c",
    ]
    assert posts[0].url == f"https://bsky.app/profile/{DID}/post/3kfq2rwrgxk2a"
    assert posts[0].account == DID and posts[0].network == "bluesky"
    assert posts[1].created_at == datetime(2024, 2, 5, 16, 20, tzinfo=UTC)
    assert "Maria" in posts[1].text  # the like is not a post and is left out
    assert [(b.where, b.reason) for b in bad] == [
        ("post 3kfq4ccccccc2", "cannot read the date 'last Monday'")
    ]


def test_bluesky_blocks_in_any_order(tmp_path: Path, car_file: Path) -> None:
    backwards = tmp_path / "backwards.car"
    backwards.write_bytes(build_car(reverse=True))
    in_order = split(read(car_file))
    posts, bad = split(read(backwards))
    assert sorted(p.id for p in posts) == [p.id for p in in_order[0]]
    assert [b.where for b in bad] == [b.where for b in in_order[1]]


def test_bluesky_cut_off_car(tmp_path: Path) -> None:
    data = build_car()
    cut = tmp_path / "cut.car"
    cut.write_bytes(data[:-20])  # the last block, the undated post, is cut short
    posts, bad = split(read(cut))
    assert len(posts) == 2  # everything before the cut is read
    assert bad == [
        BadRecord(str(cut), "block 6", "cannot read on: the file ends inside this block")
    ]


# --- bad records, whole-file errors, detection -------------------------------------------


def test_cut_off_json_archive_reports_and_stops(tmp_path: Path) -> None:
    text = (X_FOLDER / "data" / "tweets.js").read_text()
    cut = tmp_path / "tweets.js"
    cut.write_text(text[: text.index("Huge thanks")])
    posts, bad = split(read(cut))
    assert [p.id for p in posts] == ["1448720913334587392"] and posts[0].account == ""
    assert bad == [
        BadRecord(str(cut), "record 2", "cannot read on: the file ends inside this record")
    ]


@pytest.mark.parametrize("path", [X_FOLDER, MASTODON_FOLDER, FACEBOOK])
def test_json_archives_read_the_same_in_tiny_chunks(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = list(read(path))
    monkeypatch.setattr(archives, "CHUNK", 7)  # every record straddles many reads
    assert list(read(path)) == whole


def test_bytes_that_are_not_utf8_spoil_only_their_record(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(b"id,text\na,fine\nb,caf\xe9 latin-1\nc,also fine\n")
    posts, bad = split(read(path))
    assert [p.id for p in posts] == ["a", "c"]
    assert bad == [BadRecord(str(path), "line 3", "not UTF-8 text")]

    lines = tmp_path / "posts.jsonl"
    lines.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    assert [(type(i).__name__, i.source) for i in read(lines)] == [
        ("BadRecord", str(lines)),
        ("ArchivePost", str(lines)),
    ]

    (tmp_path / "x" / "data").mkdir(parents=True)
    tweets = tmp_path / "x" / "data" / "tweets.js"
    tweets.write_bytes((X_FOLDER / "data" / "tweets.js").read_bytes().replace(b"Flu", b"Fl\xfc"))
    posts, bad = split(read(tmp_path / "x"))
    assert len(posts) == 2
    assert [(b.where, b.reason) for b in bad] == [
        ("record 1", "not UTF-8 text"),
        ("record 3", "cannot read the date 'sometime in May'"),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x_archive", "x"),
        ("x_archive/data/tweets.js", "x"),
        ("mastodon_archive", "mastodon"),
        ("mastodon_archive/outbox.json", "mastodon"),
        ("facebook/your_posts_1.json", "facebook"),
        ("posts.jsonl", "jsonl"),
        ("posts.csv", "csv"),
    ],
)
def test_detect(name: str, expected: str) -> None:
    assert detect(FIXTURES / name) == expected


def test_detect_unknown_names_the_path_and_the_formats(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Staff meeting at 9.")
    with pytest.raises(InputError) as err:
        read(notes)  # raises at once, before any reading
    assert str(notes) in err.value.message
    for fmt in ("X archive", "Mastodon", "Bluesky", "Facebook", ".jsonl", ".csv", ".parquet"):
        assert fmt in err.value.hint
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no data/tweets\.js and no outbox\.json"):
        detect(empty)
    with pytest.raises(InputError, match="no file or folder"):
        detect(tmp_path / "missing.csv")


def test_missing_text_column_lists_the_columns(tmp_path: Path) -> None:
    table = tmp_path / "export.csv"
    table.write_text("post_id,body,posted\n1,Hello,2020-01-01\n")
    with pytest.raises(InputError) as err:
        list(read(table))
    assert "'text'" in err.value.message and "post_id, body, posted" in err.value.message
    assert "--text-column" in err.value.hint
    assert [p.text for p in split(read(table, text_column="body"))[0]] == ["Hello"]

    lines = tmp_path / "export.jsonl"
    lines.write_text('{"body": "Hello", "when": "2020-01-01"}\n{"body": "Again"}\n')
    with pytest.raises(InputError, match=r"columns found: body, when\)"):
        list(read(lines))

    pq.write_table(pa.table({"body": ["Hi"]}), tmp_path / "export.parquet")
    with pytest.raises(InputError, match="columns found: body"):
        list(read(tmp_path / "export.parquet"))


def test_jsonl_record_without_text_is_bad_when_others_have_it(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [{"body": "no text key"}, [1, 2], {"text": 42}, {"text": "ok", "date": "soon"}]
    rows.append({"text": "fine"})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    posts, bad = split(read(path))
    assert [p.id for p in posts] == ["line-5"]
    assert [(b.where, b.reason) for b in bad] == [
        ("line 1", "no text"),
        ("line 2", "a JSON list, not an object"),
        ("line 3", "the text is a int, not a string"),
        ("line 4", "cannot read the date 'soon'"),
    ]


def test_read_many_checks_every_path_first(tmp_path: Path) -> None:
    items = list(read_many([FIXTURES / "posts.csv", FIXTURES / "posts.jsonl"]))
    assert [i.source for i in items] == [str(FIXTURES / "posts.csv")] * 4 + [
        str(FIXTURES / "posts.jsonl")
    ] * 4
    odd = tmp_path / "photo.jpg"
    odd.write_bytes(b"\xff\xd8")
    with pytest.raises(InputError, match=r"photo\.jpg"):
        read_many([FIXTURES / "posts.csv", odd])


# --- memory stays flat -------------------------------------------------------------------


def peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in read(path))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_large_jsonl_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as f:
        for n in range(200_000):
            f.write(
                f'{{"id": "{n}", "text": "Post {n}: hours 8-5, call (555) 010-{n % 10000:04d}",'
                f' "created_at": "2020-01-01T00:00:00Z"}}\n'
            )
    assert path.stat().st_size > 15_000_000
    count, peak = peak_while_reading(path)
    assert count == 200_000
    assert peak < 2_000_000, f"peak {peak} bytes while reading {path.stat().st_size}"


def test_large_x_archive_streams_in_flat_memory(tmp_path: Path) -> None:
    tweet = json.loads((X_FOLDER / "data" / "tweets.js").read_text().split("= ", 1)[1])[0]
    path = tmp_path / "tweets.js"
    with path.open("w") as f:
        f.write("window.YTD.tweets.part0 = [")
        for n in range(5_000):
            tweet["tweet"]["id_str"] = str(n)
            f.write(("," if n else "") + json.dumps(tweet, indent=2))
        f.write("]")
    assert path.stat().st_size > 4_000_000
    count, peak = peak_while_reading(path)
    assert count == 5_000
    assert peak < 2_000_000, f"peak {peak} bytes"


def test_fixtures_are_text_only() -> None:
    """Zips, Parquet and CAR files are built by the tests; only text is kept in fixtures."""
    for f in (f for f in FIXTURES.rglob("*") if f.is_file()):
        assert f.suffix in (".js", ".json", ".jsonl", ".csv")
        f.read_text(encoding="utf-8")
