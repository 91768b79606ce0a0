from __future__ import annotations

import pytest

from dragoman.ingest.language import language_problem
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
