"""Date expressions of news language, found and resolved against a document date: a table of cases."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.records import EventDate
from dragoman.time.expressions import find_expressions, resolve, shifted

D = dt.date
# (sentence, document date, tense, expression text, start, end, precision, source)
CASES: list[tuple[str, dt.date, str, str, str, str, str, str]] = [
    # full dates
    ("The ministers met on June 4, 2021 in Geneva.", D(2021, 6, 8), "past", "June 4, 2021",
     "2021-06-04", "2021-06-04", "day", "explicit"),
    ("The accord was signed on 12 November 2019.", D(2020, 1, 1), "past", "12 November 2019",
     "2019-11-12", "2019-11-12", "day", "explicit"),
    ("Talks resumed on Feb. 3, 2022, officials said.", D(2022, 2, 5), "past", "Feb. 3, 2022",
     "2022-02-03", "2022-02-03", "day", "explicit"),
    ("The ceasefire began at 2020-09-27 dawn.", D(2020, 10, 1), "past", "2020-09-27",
     "2020-09-27", "2020-09-27", "day", "explicit"),
    ("A decree dated the 1st of July 2018 was published.", D(2018, 7, 9), "past", "1st of July 2018",
     "2018-07-01", "2018-07-01", "day", "explicit"),
    ("Elections were held on Sept. 30 2018.", D(2018, 10, 2), "past", "Sept. 30 2018",
     "2018-09-30", "2018-09-30", "day", "explicit"),
    # dates without a year take it from the document date and the tense
    ("The envoy arrived on March 10.", D(2023, 4, 2), "past", "March 10", "2023-03-10", "2023-03-10", "day",
     "relative"),
    ("The summit will open on March 10.", D(2023, 4, 2), "future", "March 10", "2024-03-10", "2024-03-10", "day",
     "relative"),
    ("The delegation returned on December 28.", D(2024, 1, 5), "past", "December 28",
     "2023-12-28", "2023-12-28", "day", "relative"),
    ("Voting is scheduled for 3 January.", D(2023, 12, 20), "future", "3 January",
     "2024-01-03", "2024-01-03", "day", "relative"),
    ("The blockade was lifted on July 4th.", D(2022, 7, 20), "past", "July 4th", "2022-07-04", "2022-07-04", "day",
     "relative"),
    ("The talks on May 15 ended without a deal.", D(2021, 5, 20), "", "May 15", "2021-05-15", "2021-05-15", "day",
     "relative"),
    # months
    ("Protests erupted in February 2023.", D(2023, 4, 1), "past", "February 2023",
     "2023-02-01", "2023-02-28", "month", "explicit"),
    ("The embassy reopened in September of 2021.", D(2022, 1, 1), "past", "September of 2021",
     "2021-09-01", "2021-09-30", "month", "explicit"),
    ("The army withdrew in October.", D(2022, 11, 15), "past", "October", "2022-10-01", "2022-10-31", "month",
     "relative"),
    ("The army withdrew in December.", D(2023, 2, 15), "past", "December", "2022-12-01", "2022-12-31", "month",
     "relative"),
    ("Parliament will vote in June.", D(2023, 8, 1), "future", "June", "2024-06-01", "2024-06-30", "month",
     "relative"),
    ("The border has been closed since the talks in January.", D(2020, 3, 1), "", "January",
     "2020-01-01", "2020-01-31", "month", "relative"),
    ("The sanctions were imposed last August.", D(2023, 4, 2), "past", "last August",
     "2022-08-01", "2022-08-31", "month", "relative"),
    ("Troops will be withdrawn next September.", D(2023, 4, 2), "future", "next September",
     "2023-09-01", "2023-09-30", "month", "relative"),
    ("The raids took place in August last year.", D(2023, 4, 2), "past", "August last year",
     "2022-08-01", "2022-08-31", "month", "relative"),
    ("The deal collapsed in March of last year.", D(2024, 1, 10), "past", "March of last year",
     "2023-03-01", "2023-03-31", "month", "relative"),
    ("A vote is planned for May next year.", D(2023, 10, 1), "future", "May next year",
     "2024-05-01", "2024-05-31", "month", "relative"),
    # parts of months
    ("The meeting was postponed in mid-March.", D(2023, 4, 2), "past", "mid-March",
     "2023-03-11", "2023-03-20", "month", "relative"),
    ("A round of talks is expected in early April.", D(2023, 3, 29), "future", "early April",
     "2023-04-01", "2023-04-10", "month", "relative"),
    ("Fighting intensified in late May.", D(2022, 6, 15), "past", "late May", "2022-05-21", "2022-05-31", "month",
     "relative"),
    ("Jets are due by the end of March 2023.", D(2023, 3, 1), "future", "the end of March 2023",
     "2023-03-21", "2023-03-31", "month", "explicit"),
    ("Aid convoys arrived at the beginning of July.", D(2021, 7, 30), "past", "the beginning of July",
     "2021-07-01", "2021-07-10", "month", "relative"),
    ("Ships were seized in mid-January 2024.", D(2024, 2, 1), "past", "mid-January 2024",
     "2024-01-11", "2024-01-20", "month", "explicit"),
    ("Elections were held in the second half of February.", D(2019, 3, 5), "past",
     "the second half of February", "2019-02-16", "2019-02-28", "month", "relative"),
    ("The rebels advanced in early December last year.", D(2023, 3, 1), "past", "early December last year",
     "2022-12-01", "2022-12-10", "month", "relative"),
    # years
    ("Trade reached $4 billion in 2022.", D(2023, 4, 2), "past", "2022", "2022-01-01", "2022-12-31", "year",
     "explicit"),
    ("Relations were cut during 2016.", D(2023, 4, 2), "past", "2016", "2016-01-01", "2016-12-31", "year",
     "explicit"),
    ("The treaty was signed last year.", D(2023, 4, 2), "past", "last year", "2022-01-01", "2022-12-31", "year",
     "relative"),
    ("Growth is expected to pick up next year.", D(2023, 4, 2), "future", "next year",
     "2024-01-01", "2024-12-31", "year", "relative"),
    ("The two leaders met earlier this year.", D(2023, 4, 2), "past", "earlier this year",
     "2023-01-01", "2023-04-02", "year", "relative"),
    ("A referendum is planned later this year.", D(2023, 4, 2), "future", "later this year",
     "2023-04-02", "2023-12-31", "year", "relative"),
    ("The offensive began in late 2021.", D(2022, 2, 1), "past", "late 2021", "2021-09-01", "2021-12-31", "year",
     "explicit"),
    ("Troops were deployed in early 2020.", D(2021, 1, 1), "past", "early 2020", "2020-01-01", "2020-04-30", "year",
     "explicit"),
    ("The rebels seized the town late last year.", D(2023, 4, 2), "past", "late last year",
     "2022-09-01", "2022-12-31", "year", "relative"),
    ("The pact was signed this year.", D(2023, 4, 2), "past", "this year", "2023-01-01", "2023-12-31", "year",
     "relative"),
    # days and weekdays
    ("The minister resigned yesterday.", D(2023, 4, 2), "past", "yesterday", "2023-04-01", "2023-04-01", "day",
     "relative"),
    ("Talks will resume tomorrow.", D(2023, 4, 2), "future", "tomorrow", "2023-04-03", "2023-04-03", "day",
     "relative"),
    ("The president arrived today in Ankara.", D(2023, 4, 2), "past", "today", "2023-04-02", "2023-04-02", "day",
     "relative"),
    ("Rebels shelled the airport overnight, the army said.", D(2023, 4, 2), "past", "overnight", "2023-04-01",
     "2023-04-01", "day", "relative"),
    ("Gunmen attacked a convoy last night.", D(2023, 4, 2), "past", "last night", "2023-04-01", "2023-04-01", "day",
     "relative"),
    ("Police fired tear gas the day before yesterday.", D(2023, 4, 2), "past", "the day before yesterday",
     "2023-03-31", "2023-03-31", "day", "relative"),
    ("Iran said on Saturday that it would retaliate.", D(2023, 4, 5), "past", "on Saturday",
     "2023-04-01", "2023-04-01", "day", "relative"),
    ("The foreign minister spoke on Wednesday.", D(2023, 3, 29), "past", "on Wednesday",
     "2023-03-29", "2023-03-29", "day", "relative"),
    ("The envoy will travel to Cairo on Monday.", D(2023, 3, 29), "future", "on Monday",
     "2023-04-03", "2023-04-03", "day", "relative"),
    ("Rockets hit the city last Friday.", D(2023, 3, 31), "past", "last Friday", "2023-03-24", "2023-03-24", "day",
     "relative"),
    ("A vote is set for next Tuesday.", D(2023, 3, 29), "future", "next Tuesday", "2023-04-04", "2023-04-04", "day",
     "relative"),
    ("Clashes broke out on Sunday night.", D(2023, 4, 4), "past", "on Sunday night", "2023-04-02", "2023-04-02",
     "day", "relative"),
    ("Two soldiers were killed three days ago.", D(2023, 4, 4), "past", "three days ago",
     "2023-04-01", "2023-04-01", "day", "relative"),
    # weeks and months relative to the document
    ("Inspectors visited the site earlier this month.", D(2023, 4, 20), "past", "earlier this month",
     "2023-04-01", "2023-04-20", "month", "relative"),
    ("The parliament approved the budget last month.", D(2023, 4, 20), "past", "last month",
     "2023-03-01", "2023-03-31", "month", "relative"),
    ("The parliament will debate the bill next month.", D(2023, 12, 20), "future", "next month",
     "2024-01-01", "2024-01-31", "month", "relative"),
    ("The rebels regrouped last week.", D(2023, 4, 20), "past", "last week", "2023-04-10", "2023-04-16", "range",
     "relative"),
    ("The strikes began two months ago.", D(2023, 4, 20), "past", "two months ago",
     "2023-02-01", "2023-02-28", "month", "relative"),
    ("The war started a year ago.", D(2023, 4, 20), "past", "a year ago", "2022-01-01", "2022-12-31", "year",
     "relative"),
    # a vague distance back: "days earlier" is some days before the report
    ("Envoys had voiced concern days earlier.", D(2023, 4, 20), "past", "days earlier", "2023-04-14", "2023-04-19",
     "range", "relative"),
    # ranges
    ("Trade tripled in the past 2.5 years.", D(2023, 3, 29), "past", "in the past 2.5 years",
     "2020-09-29", "2023-03-29", "range", "relative"),
    ("Militias have attacked bases since 2022.", D(2023, 3, 29), "past", "since 2022",
     "2022-01-01", "2023-03-29", "range", "explicit"),
    ("Prices have doubled over the last three months.", D(2023, 3, 29), "past", "over the last three months",
     "2022-12-29", "2023-03-29", "range", "relative"),
    ("The country held elections between 2015 and 2019.", D(2023, 3, 29), "past", "between 2015 and 2019",
     "2015-01-01", "2019-12-31", "range", "explicit"),
    ("The 2014-2016 conflict displaced thousands.", D(2023, 3, 29), "past", "2014-2016",
     "2014-01-01", "2016-12-31", "range", "explicit"),
    ("Sanctions have been in force since March 2018.", D(2023, 3, 29), "past", "since March 2018",
     "2018-03-01", "2023-03-29", "range", "explicit"),
    ("Aid will be delivered in the coming two weeks.", D(2023, 3, 29), "future", "in the coming two weeks",
     "2023-03-29", "2023-04-12", "range", "relative"),
    ("The region was at war in the 1990s.", D(2023, 3, 29), "past", "the 1990s", "1990-01-01", "1999-12-31",
     "range", "explicit"),
    ("The offensive began in the spring of 2022.", D(2023, 3, 29), "past", "in the spring of 2022",
     "2022-03-01", "2022-05-31", "range", "explicit"),
    ("Talks stalled over the past decade.", D(2023, 3, 29), "past", "over the past decade",
     "2013-03-29", "2023-03-29", "range", "relative"),
]


@pytest.mark.parametrize(("sentence", "reference", "tense", "text", "start", "end", "precision", "source"), CASES)
def test_expression(sentence: str, reference: dt.date, tense: str, text: str, start: str, end: str,
                    precision: str, source: str) -> None:
    found = find_expressions(sentence)
    assert [e.text for e in found] == [text]
    date = resolve(found[0], reference, tense)
    assert date is not None
    assert (date.start, date.end, date.precision, date.source, date.text) == (start, end, precision, source, text)


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("sentence", [
    "Iran may put pressure on Armenia.",  # the modal, not the month
    "They march on the capital.",
    "Troops fall back as 2,022 refugees cross.",
    "The 20-year strategic agreement is in its final stages.",
    "He wrote a book on the autumn of the patriarch",
    "Sun Yat-sen University hosted the forum.",
])
def test_not_dates(sentence: str) -> None:
    assert find_expressions(sentence) == []


def test_relative_without_reference_is_unresolved() -> None:
    (e,) = find_expressions("The ministers met last year.")
    assert resolve(e, None) is None
    (explicit,) = find_expressions("The ministers met in March 2021.")
    date = resolve(explicit, None)
    assert date is not None and date.start == "2021-03-01"


def test_impossible_date() -> None:
    (e,) = find_expressions("It was signed on February 30, 2021.")
    assert resolve(e, None) is None


def test_several_in_one_sentence() -> None:
    found = find_expressions("After talks in August last year stalled in September 2022, Iran said on Monday ...")
    assert [e.text for e in found] == ["August last year", "September 2022", "on Monday"]


def test_a_distance_from_something_named_dates_that_thing() -> None:
    (before,) = find_expressions("The ports reopened two days before a regional summit.")
    (after,) = find_expressions("Envoys left the city three weeks after militias seized the airport.")
    assert (before.relation, after.relation) == ("before", "after")
    anchor = EventDate(start="2022-05-10", end="2022-05-10", precision="day", text="May 10", source="relative")
    summit, seizure = shifted(before, anchor), shifted(after, anchor)
    assert summit is not None and (summit.start, summit.precision) == ("2022-05-12", "day")
    assert seizure is not None and (seizure.start, seizure.precision) == ("2022-04-19", "day")
    # "three weeks after" with nothing named is no date of its own; "two days ago" is not a distance
    assert resolve(after, dt.date(2022, 5, 10), "past") is None
    (ago,) = find_expressions("The envoy resigned two days ago.")
    assert ago.relation is None and shifted(ago, anchor) is None


def test_every_alternative_of_the_grammar_begins_at_a_word_start() -> None:
    # the compiled pattern checks ``\b(?=\w)`` once before the alternatives (time/expressions.py): that
    # finds the same matches only while every alternative begins with ``\b`` and a word character
    import re

    from dragoman.time.expressions import _GRAMMAR

    alternatives = re.findall(r"^\s*\|?\s*\(\?P<(\w+)>(\S{2})", _GRAMMAR, re.MULTILINE)
    assert len(alternatives) == 19
    assert all(start == r"\b" for _name, start in alternatives), alternatives


def test_a_date_inside_a_word_is_not_found() -> None:
    assert [e.text for e in find_expressions("Xmarch 3, 2020 and on March 3, 2020")] == ["March 3, 2020"]
