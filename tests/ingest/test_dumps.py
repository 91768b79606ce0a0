"""JSON Lines and CSV dumps, with a field mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.errors import InputError
from dragoman.ingest import Fields, ReadOptions, read_sources
from dragoman.ingest.dumps import iso_date
from dragoman.records import Document


def _split(paths: list[Path], fields: Fields | None = None) -> tuple[list[Document], list[InputError]]:
    items = list(read_sources([str(p) for p in paths], options=ReadOptions(fields=fields or Fields())))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_csv_with_usual_column_names(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text('id,title,body,link,date,author\n'
                    'a1,Deal signed,"MOSCOW, March 29 (Reuters) - Iran and Russia signed a deal.\nMore text.",'
                    'https://x.example/a1,"Wed, 29 Mar 2023 10:00:00 GMT",Jane Doe\n'
                    'a2,No text,,,,\n', encoding="utf-8")
    docs, errors = _split([path])
    [doc] = docs
    assert doc.doc_id == "a1" and doc.title == "Deal signed" and doc.url == "https://x.example/a1"
    assert doc.published == "2023-03-29" and doc.text == "Iran and Russia signed a deal.\nMore text."
    assert dict(doc.meta) == {"author": "Jane Doe", "dateline_place": "MOSCOW", "dateline_date": "March 29",
                              "wire": "Reuters"}
    assert doc.origin == f"{path}:3"  # the line the record ends on
    [error] = errors
    assert error.line == 4 and "no text" in str(error)


def test_column_mapping_for_csv_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "export.tsv").write_text("story\tuid\theadline\twhen\n"
                                         "Egypt mediated between Israel and Hamas.\tk9\tTruce\t1 April 2023\n",
                                         encoding="utf-8")
    (tmp_path / "export.jsonl").write_text(json.dumps({"story": "Turkey hosted talks.", "uid": 7,
                                                       "when": "2023-03-30T09:00:00+03:00"}) + "\n",
                                           encoding="utf-8")
    fields = Fields(text="story", id="uid", title="headline", date="when")
    docs, errors = _split([tmp_path / "export.tsv", tmp_path / "export.jsonl"], fields)
    assert not errors
    assert [(d.doc_id, d.title, d.published, d.text) for d in docs] == [
        ("k9", "Truce", "2023-04-01", "Egypt mediated between Israel and Hamas."),
        ("7", None, "2023-03-30", "Turkey hosted talks."),
    ]


def test_a_csv_without_the_text_column_says_which_option_to_use(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    docs, errors = _split([path])
    assert not docs and len(errors) == 1
    assert "--text-field" in str(errors[0]) and "header: a, b" in str(errors[0])


def test_long_csv_fields_are_read(tmp_path: Path) -> None:
    body = "Iran and Russia met. " * 20000  # over csv's 128 KiB field limit
    (tmp_path / "big.csv").write_text(f'text\n"{body}"\n', encoding="utf-8")
    docs, errors = _split([tmp_path / "big.csv"])
    assert not errors and docs[0].text == body


@pytest.mark.parametrize(("raw", "expected"), [
    ("2023-03-29T10:00:00Z", ("2023-03-29", None)),
    ("Wed, 29 Mar 2023 10:00:00 GMT", ("2023-03-29", None)),
    ("March 29, 2023", ("2023-03-29", None)),
    ("29 Mar 2023", ("2023-03-29", None)),
    ("1680084000", ("2023-03-29", None)),
    ("last spring", (None, "last spring")),
    (None, (None, None)),
])
def test_dates_in_usual_formats(raw: str | None, expected: tuple[str | None, str | None]) -> None:
    assert iso_date(raw) == expected
