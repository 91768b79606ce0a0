from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.ingest.language import ARRAYS, SAMPLE, cache_root, language_problem, load_identifier
from tests.conftest import EXAMPLES


def test_english_passes() -> None:
    assert language_problem((EXAMPLES / "iran-russia-2023.txt").read_text(encoding="utf-8")) is None
    assert language_problem("Iran condemned the strike.") is None  # too short to judge: passes


@pytest.mark.parametrize("text", [
    "Le ministre iranien des Affaires étrangères s'est rendu à Moscou mercredi pour rencontrer son homologue "
    "russe. Les deux pays ont discuté de la coopération économique et de l'accord nucléaire.",
    "Der iranische Außenminister ist am Mittwoch nach Moskau gereist, um seinen russischen Amtskollegen zu "
    "treffen. Die beiden Länder sprachen über die wirtschaftliche Zusammenarbeit und das Atomabkommen.",
    "Министр иностранных дел Ирана в среду посетил Москву, где встретился со своим российским коллегой. "
    "Стороны обсудили экономическое сотрудничество и ядерную сделку, говорится в сообщении министерства.",
])
def test_other_languages_are_named(text: str) -> None:
    problem = language_problem(text)
    assert problem is not None and problem.startswith("not English")


@pytest.mark.parametrize("text", [
    # long news sentences dense with names, which a function-word count once took for another language
    "Iran's religious leader Ayatollah Ruhollah Khomeini today rejected Iraqi President Saddam Hussein's "
    "proposal for a cease-fire during the Moslem holy month of Ramadan.",
    "Ukrainian President Volodymyr Zelenskyy, Polish President Andrzej Duda and Lithuanian President Gitanas "
    "Nauseda met German Chancellor Olaf Scholz, French President Emmanuel Macron and NATO chief Jens "
    "Stoltenberg in Vilnius on Tuesday.",
])
def test_english_dense_with_names_passes(text: str) -> None:
    assert language_problem(text) is None


def test_the_unpacked_model_answers_as_the_package_does(tmp_path: Path) -> None:
    texts = [(EXAMPLES / "iran-russia-2023.txt").read_text(encoding="utf-8")[:SAMPLE], "", "ABC",
             "Le ministre iranien des Affaires étrangères s'est rendu à Moscou mercredi.",
             "Министр иностранных дел Ирана в среду посетил Москву.", "ÜBER ALLES IN DER WELT"]
    package = load_identifier(None)
    unpacked = load_identifier(tmp_path)  # unpacks into tmp_path
    (folder,) = tmp_path.glob("py3langid-*")
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{name}.npy" for name in ARRAYS] + ["done"])
    mapped = load_identifier(tmp_path)  # reads what the first call unpacked
    for text in texts:
        assert unpacked.classify(text) == mapped.classify(text) == package.classify(text)
        assert unpacked.rank(text) == mapped.rank(text) == package.rank(text)


def test_an_unwritable_cache_falls_back_to_the_package(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    identifier = load_identifier(blocked / "cache")
    assert identifier.classify("Der iranische Außenminister ist am Mittwoch nach Moskau gereist.")[0] == "de"
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_half_written_folder_is_not_read(tmp_path: Path) -> None:
    load_identifier(tmp_path)
    (folder,) = tmp_path.glob("py3langid-*")
    (folder / "done").unlink()
    (folder / "ptc.npy").write_bytes(b"damaged")
    identifier = load_identifier(tmp_path)  # unpacks again, in place of the damaged folder
    assert identifier.classify("Le ministre iranien des Affaires étrangères s'est rendu à Moscou.")[0] == "fr"
    assert (folder / "done").is_file() and (folder / "ptc.npy").read_bytes() != b"damaged"


def test_the_cache_folder_is_chosen_by_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DRAGOMAN_CACHE", str(tmp_path / "mine"))
    assert cache_root() == tmp_path / "mine"
    monkeypatch.delenv("DRAGOMAN_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "dragoman"
