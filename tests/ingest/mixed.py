"""A folder mixing every kind of input with bad files, for the end-to-end ingest tests."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.ingest.test_feeds import BOMB

FIXTURES = Path(__file__).parent / "fixtures"
MAX_BYTES = 12_000  # the cap the tests set: every good file is smaller, "huge.txt" is larger


@dataclass(frozen=True)
class Mixed:
    folder: Path
    good_ids: frozenset[str]  # documents that must be stored
    bad_files: frozenset[str]  # file names that must each get one error line
    not_english: str  # the file name that must get a warning


def make_mixed_folder(root: Path) -> Mixed:
    folder = root / "inbox"
    (folder / "feeds").mkdir(parents=True)
    shutil.copy(FIXTURES / "page.html", folder / "page.html")
    shutil.copy(FIXTURES / "feed.rss", folder / "feeds" / "middle-east.rss")
    shutil.copy(FIXTURES / "feed.atom", folder / "feeds" / "policy.atom")
    (folder / "wire.txt").write_text("TEHRAN (AP) -- Iran summoned the British ambassador on Monday to protest "
                                     "remarks by London, the foreign ministry said.\n", encoding="utf-8")
    (folder / "notes.md").write_text("# Talks in Doha\n\nQatar hosted talks between the United States and the "
                                     "Taliban on Tuesday.\n", encoding="utf-8")
    (folder / "legacy.txt").write_bytes("Officials in Genève said France had criticised Iran’s nuclear "
                                        "programme, the café owner reported.".encode("cp1252"))
    (folder / "dump.jsonl").write_text(json.dumps({"id": "j1", "text": "Israel and Egypt signed a gas deal.",
                                                   "published": "2023-02-01"}) + "\n", encoding="utf-8")
    (folder / "dump.csv").write_text("id,body,date\nc1,\"China condemned Japan over the island dispute.\","
                                     "\"Fri, 03 Mar 2023 08:00:00 GMT\"\n", encoding="utf-8")
    (folder / "francais.txt").write_text(
        "Le ministre iranien des Affaires étrangères s'est rendu à Moscou mercredi pour rencontrer son homologue "
        "russe. Les deux pays ont discuté de la coopération économique et de l'accord nucléaire.", encoding="utf-8")
    # bad files
    page = (FIXTURES / "page.html").read_bytes()
    (folder / "truncated.html").write_bytes(page[: len(page) // 2])
    (folder / "huge.txt").write_text("Iran and Russia met. " * 1000, encoding="utf-8")
    (folder / "feeds" / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    good = {"page", "wnd-2023-0329-001", "https://news.example.org/world/turkey-grain-talks",
            "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "wire", "notes", "legacy", "j1", "c1"}
    return Mixed(folder, frozenset(good), frozenset({"truncated.html", "huge.txt", "bomb.xml", "photo.html"}),
                 "francais.txt")
