"""Datelines become metadata; wire credits leave the text."""

from __future__ import annotations

import pytest

from dragoman.ingest.datelines import separate


@pytest.mark.parametrize(("text", "rest", "meta"), [
    ("MOSCOW, March 29 (Reuters) - Iran's minister met Lavrov.", "Iran's minister met Lavrov.",
     {"dateline_place": "MOSCOW", "dateline_date": "March 29", "wire": "Reuters"}),
    ("TEHRAN (AP) -- Iran said it would retaliate.", "Iran said it would retaliate.",
     {"dateline_place": "TEHRAN", "wire": "AP"}),
    ("KYIV, Ukraine (AP) — Russia fired missiles.", "Russia fired missiles.",
     {"dateline_place": "KYIV, Ukraine", "wire": "AP"}),
    ("UNITED NATIONS, Sept. 3, 2023 (AFP) - The council met.", "The council met.",
     {"dateline_place": "UNITED NATIONS", "dateline_date": "Sept. 3, 2023", "wire": "AFP"}),
    ("Kabul, 3 May 2021 - Talks began.", "Talks began.", {"dateline_place": "Kabul", "dateline_date": "3 May 2021"}),
    ("WASHINGTON — The United States said.", "The United States said.", {"dateline_place": "WASHINGTON"}),
    ("(Reuters) - Iran said.", "Iran said.", {"wire": "Reuters"}),
    ("Iran signs deal\n\nBEIRUT, Lebanon, Monday (dpa) - Text.", "Iran signs deal\n\nText.",
     {"dateline_place": "BEIRUT, Lebanon", "dateline_date": "Monday", "wire": "dpa"}),
])
def test_datelines_are_moved_to_metadata(text: str, rest: str, meta: dict[str, str]) -> None:
    stripped, found = separate(text)
    assert stripped == rest
    assert dict(found) == meta


@pytest.mark.parametrize("text", [
    "Iran - a country of 85 million - said no.",
    "BREAKING - Iran said no.",
    "Headline\nByline\nIran and Russia signed a deal.\nMOSCOW (AP) - too late: only three lines are looked at.",
    "Iran and Russia signed a deal in Moscow on March 29.",
])
def test_prose_is_not_a_dateline(text: str) -> None:
    stripped, found = separate(text)
    assert found == () and stripped == text


def test_wire_credit_lines_are_not_article_text() -> None:
    text = ("Iran and Russia signed a deal.\n"
            "(Reporting by John Smith in Moscow; Editing by Jane Doe)\n"
            "Associated Press writer Jon Gambrell in Dubai contributed to this report.\n"
            "Copyright 2023 The Associated Press. All rights reserved.\n"
            "Our Standards: The Thomson Reuters Trust Principles.")
    assert separate(text)[0] == "Iran and Russia signed a deal."
    kept = "Copyright law was reformed, said the ministry.\nReporters met him."
    assert separate(kept)[0] == kept
