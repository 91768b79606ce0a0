from __future__ import annotations

import io
import json
from pathlib import Path

from dragoman.errors import InputError
from dragoman.ingest import read_sources
from dragoman.ingest.readers import markdown_to_text
from dragoman.records import Document


def _split(items: list[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_text_file_gets_its_stem_as_id(tmp_path: Path) -> None:
    (tmp_path / "story-1.txt").write_text("Iran and Russia signed a deal.", encoding="utf-8")
    docs, errors = _split(list(read_sources([str(tmp_path / "story-1.txt")])))
    assert not errors
    assert [d.doc_id for d in docs] == ["story-1"]
    assert docs[0].text == "Iran and Russia signed a deal."


def test_jsonl_lines_become_documents_and_bad_lines_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "One.", "title": "T", "published": "2023-03-29T10:00:00Z"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"text": "Fallback id."}),
    ]), encoding="utf-8")
    docs, errors = _split(list(read_sources([str(path)])))
    assert [d.doc_id for d in docs] == ["a", "dump-4"]
    assert docs[0].published == "2023-03-29" and docs[0].title == "T"
    assert [e.line for e in errors] == [2, 3]
    assert all(str(path) in str(e) for e in errors)


def test_bad_files_give_one_line_errors_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Tehran".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Fine text.", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    docs, errors = _split(list(read_sources([str(tmp_path), missing])))
    assert [d.doc_id for d in docs] == ["good", "latin1"]
    assert docs[1].text == "Café in Tehran"  # Latin-1 is decoded, not refused
    messages = [str(e) for e in errors]
    assert len(messages) == 3
    assert all("\n" not in m for m in messages)
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("binary.txt" in m and "binary" in m for m in messages)
    assert any(missing in m and "no such file" in m for m in messages)


def test_stdin_is_read_as_one_text_document() -> None:
    docs, errors = _split(list(read_sources(["-"], stdin=io.BytesIO(b"Text from a pipe."))))
    assert not errors and docs[0].text == "Text from a pipe." and docs[0].origin == "<stdin>"


def test_markdown_keeps_words_and_drops_markup(tmp_path: Path) -> None:
    assert markdown_to_text("# Title\n\nSee [the report](http://x) and **bold**.") == \
        "Title\n\nSee the report and bold."
    (tmp_path / "n.md").write_text("# Head line\nBody.", encoding="utf-8")
    docs, _ = _split(list(read_sources([str(tmp_path / "n.md")])))
    assert docs[0].title == "Head line" and docs[0].text.startswith("Head line")


def test_unsupported_suffix_is_reported(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    _, errors = _split(list(read_sources([str(tmp_path / "x.pdf")])))
    assert errors and "unsupported" in str(errors[0])
