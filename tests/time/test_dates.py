"""Document dates and event dates: metadata, datelines, inference; attachment to the event's clause."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from dragoman.pipeline import Pipeline
from dragoman.records import Document
from dragoman.time import DocumentDate, EventDater
from dragoman.time.clauses import tense
from tests.time.helpers import event

BLANK = spacy.blank("en")
REF = DocumentDate(dt.date(2023, 3, 29), "metadata")


def parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A hand-built parse: (word, pos, tag, dep, head) rows."""
    return Doc(BLANK.vocab, words=[r[0] for r in rows], pos=[r[1] for r in rows], tags=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=[r[0].lower() for r in rows],
               sent_starts=[i == 0 for i in range(len(rows))])


def document_date(text: str, published: str | None = None, meta: tuple[tuple[str, str], ...] = ()) -> DocumentDate:
    document = Document(doc_id="d", text=text, published=published, meta=meta)
    return EventDater().document_date(document, BLANK(text))


# --- the document date ------------------------------------------------------------------------------------
def test_metadata_date_first() -> None:
    found = document_date("Talks were held on March 3, 2021.", published="2023-04-02T10:00:00Z")
    assert found == DocumentDate(dt.date(2023, 4, 2), "metadata")


def test_latest_full_date_is_inferred() -> None:
    found = document_date("Talks were held on March 3, 2021. A second round opened on 9 May 2022 and failed in "
                          "June 2022.")
    assert (found.date, found.source, found.text) == (dt.date(2022, 5, 9), "inferred", "9 May 2022")


def test_dateline_in_the_text() -> None:
    found = document_date("MOSCOW, March 29 (Reuters) - Russia said on Wednesday that talks held in 2023 ...")
    assert (found.date, found.source) == (dt.date(2023, 3, 29), "dateline")


def test_dateline_from_ingestion_metadata() -> None:
    found = document_date("Russia said on Wednesday that it would meet Iran on March 2, 2023 again.",
                          meta=(("dateline_place", "MOSCOW"), ("dateline_date", "March 29")))
    assert (found.date, found.source, found.text) == (dt.date(2023, 3, 29), "dateline", "March 29")


def test_dateline_with_its_year() -> None:
    found = document_date("KABUL, 3 May 2021 - The Taliban attacked a checkpoint.")
    assert (found.date, found.source) == (dt.date(2021, 5, 3), "dateline")


def test_no_date_anywhere() -> None:
    assert document_date("Iran and Russia discussed trade.") == DocumentDate(None, "none")


def test_a_capitalised_opening_is_not_a_dateline() -> None:
    found = document_date("Iran, Russia and Turkey - the three guarantors - met on 2 June 2020.")
    assert found.source == "inferred"


# --- tense -------------------------------------------------------------------------------------------------
def test_tense_of_clauses() -> None:
    # "The two sides will meet in April ."
    doc = parsed([("The", "DET", "DT", "det", 2), ("two", "NUM", "CD", "nummod", 2),
                  ("sides", "NOUN", "NNS", "nsubj", 4), ("will", "AUX", "MD", "aux", 4),
                  ("meet", "VERB", "VB", "ROOT", 4), ("in", "ADP", "IN", "prep", 4),
                  ("April", "PROPN", "NNP", "pobj", 5), (".", "PUNCT", ".", "punct", 4)])
    assert tense(doc[6]) == "future"
    # "Iran rejected the deal in August ."
    doc = parsed([("Iran", "PROPN", "NNP", "nsubj", 1), ("rejected", "VERB", "VBD", "ROOT", 1),
                  ("the", "DET", "DT", "det", 3), ("deal", "NOUN", "NN", "dobj", 1), ("in", "ADP", "IN", "prep", 1),
                  ("August", "PROPN", "NNP", "pobj", 4), (".", "PUNCT", ".", "punct", 1)])
    assert tense(doc[5]) == "past"


# --- attachment on hand-built parses ------------------------------------------------------------------------
def agreed_to_meet() -> Doc:
    # "The ministers agreed on Monday to meet again next month ."
    return parsed([("The", "DET", "DT", "det", 1), ("ministers", "NOUN", "NNS", "nsubj", 2),
                   ("agreed", "VERB", "VBD", "ROOT", 2), ("on", "ADP", "IN", "prep", 2),
                   ("Monday", "PROPN", "NNP", "pobj", 3), ("to", "PART", "TO", "aux", 6),
                   ("meet", "VERB", "VB", "xcomp", 2), ("again", "ADV", "RB", "advmod", 6),
                   ("next", "ADJ", "JJ", "amod", 9), ("month", "NOUN", "NN", "npadvmod", 6),
                   (".", "PUNCT", ".", "punct", 2)])


def test_each_clause_keeps_its_own_date() -> None:
    doc = agreed_to_meet()
    dater = EventDater()
    agreed = dater.event_date(doc, event(doc, "agreed"), REF)
    meet = dater.event_date(doc, event(doc, "meet", "planned"), REF)
    assert agreed is not None and (agreed.start, agreed.text) == ("2023-03-27", "on Monday")
    assert meet is not None and (meet.start, meet.end, meet.precision) == ("2023-04-01", "2023-04-30", "month")


def reported_attack() -> Doc:
    # "Iran said on Saturday that it had attacked the base in 2019 ."
    return parsed([("Iran", "PROPN", "NNP", "nsubj", 1), ("said", "VERB", "VBD", "ROOT", 1),
                   ("on", "ADP", "IN", "prep", 1), ("Saturday", "PROPN", "NNP", "pobj", 2),
                   ("that", "SCONJ", "IN", "mark", 7), ("it", "PRON", "PRP", "nsubj", 7),
                   ("had", "AUX", "VBD", "aux", 7), ("attacked", "VERB", "VBN", "ccomp", 1),
                   ("the", "DET", "DT", "det", 9), ("base", "NOUN", "NN", "dobj", 7), ("in", "ADP", "IN", "prep", 7),
                   ("2019", "NUM", "CD", "pobj", 10), (".", "PUNCT", ".", "punct", 1)])


def test_reported_event_has_its_own_date_and_the_report_its_own() -> None:
    doc = reported_attack()
    dater = EventDater()
    said = dater.event_date(doc, event(doc, "said"), REF)
    attacked = dater.event_date(doc, event(doc, "attacked"), REF)
    assert said is not None and (said.start, said.source) == ("2023-03-25", "relative")
    assert attacked is not None and (attacked.start, attacked.precision, attacked.source) == \
        ("2019-01-01", "year", "explicit")


def test_document_date_only_where_the_tense_allows() -> None:
    # "Previously , Moscow refused to share capabilities ."
    doc = parsed([("Previously", "ADV", "RB", "advmod", 3), (",", "PUNCT", ",", "punct", 3),
                  ("Moscow", "PROPN", "NNP", "nsubj", 3), ("refused", "VERB", "VBD", "ROOT", 3),
                  ("to", "PART", "TO", "aux", 5), ("share", "VERB", "VB", "xcomp", 3),
                  ("capabilities", "NOUN", "NNS", "dobj", 5), (".", "PUNCT", ".", "punct", 3)])
    assert EventDater().event_date(doc, event(doc, "refused"), REF) is None
    # "Moscow refused to share capabilities ."
    doc = parsed([("Moscow", "PROPN", "NNP", "nsubj", 1), ("refused", "VERB", "VBD", "ROOT", 1),
                  ("to", "PART", "TO", "aux", 3), ("share", "VERB", "VB", "xcomp", 1),
                  ("capabilities", "NOUN", "NNS", "dobj", 3), (".", "PUNCT", ".", "punct", 1)])
    found = EventDater().event_date(doc, event(doc, "refused"), REF)
    assert found is not None and (found.start, found.text, found.source) == ("2023-03-29", None, "document")
    assert EventDater().event_date(doc, event(doc, "refused", "hypothetical"), REF) is None
    assert EventDater().event_date(doc, event(doc, "refused"), DocumentDate(None, "none")) is None


def test_future_clause_is_not_dated_today() -> None:
    # "The two sides will meet ."
    doc = parsed([("The", "DET", "DT", "det", 2), ("two", "NUM", "CD", "nummod", 2),
                  ("sides", "NOUN", "NNS", "nsubj", 4), ("will", "AUX", "MD", "aux", 4),
                  ("meet", "VERB", "VB", "ROOT", 4), (".", "PUNCT", ".", "punct", 4)])
    assert EventDater().event_date(doc, event(doc, "meet"), REF) is None


# --- attachment with the real parser ------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "modality", "start", "precision"), [
    ("Previously, it rejected a draft deal proposed by the EU during talks in August last year.", "rejected",
     "asserted", "2022-08", "month"),
    ("The meeting was postponed in mid-March after Damascus insisted on a withdrawal.", "insisted", "asserted",
     "2023-03", "month"),
    ("Ministers are set to hold a meeting, which was supposed to be scheduled early April in Cairo.", "meeting",
     "planned", "2023-04", "month"),
    ("The envoy came to prominence after cutting a deal with Riyadh on March 10 in Beijing.", "deal", "asserted",
     "2023-03-10", "day"),
    ("Kharrazi visited Lebanon and Syria.", "visited", "asserted", "2023-03-29", "day"),
    ("The minister said on Saturday that trade tripled in the past 2.5 years.", "said", "asserted",
     "2023-03-25", "day"),
])
def test_attachment_with_the_parser(pipeline: Pipeline, text: str, trigger: str, modality: str, start: str,
                                    precision: str) -> None:
    doc = pipeline.nlp(text)
    found = EventDater().event_date(doc, event(doc, trigger, modality), REF)
    assert found is not None
    assert found.start.startswith(start) and found.precision == precision


@pytest.mark.model
def test_an_undated_event_takes_the_day_the_story_was_telling(pipeline: Pipeline) -> None:
    text = ("Leaders met in Abuja on Monday. On Sunday, thousands rallied in Niamey. "
            "The envoy flew to Niamey afterwards. He met the junta. Troops left the capital.")
    doc = pipeline.nlp(text)
    flew = EventDater().event_date(doc, event(doc, "flew", "asserted"), REF)
    assert flew is not None and flew.start == "2023-03-26" and flew.source == "relative" and flew.text == "On Sunday"
    # three sentences on, the story's day is no longer known: the document's
    left = EventDater().event_date(doc, event(doc, "left", "asserted"), REF)
    assert left is not None and left.start == "2023-03-29" and left.source == "document"


@pytest.mark.model
def test_a_distance_dates_what_it_measures_from_and_not_its_own_clause(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Ministers condemned the raid on Tuesday, three days after gunmen stormed a hotel in Mopti.")
    dater = EventDater()
    condemned = dater.event_date(doc, event(doc, "condemned"), REF)
    stormed = dater.event_date(doc, event(doc, "stormed"), REF)
    assert condemned is not None and (condemned.start, condemned.text) == ("2023-03-28", "on Tuesday")
    assert stormed is not None and (stormed.start, stormed.precision) == ("2023-03-25", "day")


@pytest.mark.model
def test_a_gathering_dated_once_dates_what_happens_at_it(pipeline: Pipeline) -> None:
    text = ("Peru closed its border with Chile on March 20, a day before a regional summit in Lima. "
            "At the summit, the Chilean president was welcomed by his host. "
            "The two leaders then signed a water accord. Bolivia protested.")
    doc = pipeline.nlp(text)
    dater = EventDater()
    closed = dater.event_date(doc, event(doc, "closed"), REF)
    welcomed = dater.event_date(doc, event(doc, "welcomed"), REF)
    signed = dater.event_date(doc, event(doc, "signed"), REF)
    assert closed is not None and closed.start == "2023-03-20"
    assert welcomed is not None and (welcomed.start, welcomed.source) == ("2023-03-21", "relative")
    assert signed is not None and signed.start == "2023-03-21"


@pytest.mark.model
def test_the_story_day_is_not_taken_from_a_clause_that_looks_ahead(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The envoy met rebel leaders in Juba. He will travel to Cairo on Friday. "
                       "Sudan expelled two diplomats.")
    expelled = EventDater().event_date(doc, event(doc, "expelled"), REF)
    assert expelled is not None and (expelled.start, expelled.source) == ("2023-03-29", "document")


@pytest.mark.model
def test_a_past_event_is_not_dated_after_the_report(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The two presidents met on Monday. They discussed Chile's chairmanship of the bloc in 2025, "
                       "and the president praised the plan.")
    praised = EventDater().event_date(doc, event(doc, "praised"), REF)
    assert praised is not None and praised.start == "2023-03-27"


@pytest.mark.model
def test_a_past_perfect_in_reported_speech_is_not_background(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The spokesman said Rome had summoned the Libyan ambassador.")
    summoned = EventDater().event_date(doc, event(doc, "summoned"), REF)
    assert summoned is not None and summoned.start == "2023-03-29"
    doc = pipeline.nlp("Rome had summoned the Libyan ambassador over the detentions.")
    assert EventDater().event_date(doc, event(doc, "summoned"), REF) is None


@pytest.mark.model
def test_a_planned_event_takes_the_day_of_what_it_plans(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Washington will ask the council to convene an emergency session on Friday.")
    ask = EventDater().event_date(doc, event(doc, "ask", "planned"), REF)
    assert ask is not None and (ask.start, ask.text) == ("2023-03-31", "on Friday")


@pytest.mark.model
def test_a_day_later_counts_from_the_story_s_last_day(pipeline: Pipeline) -> None:
    text = ("On 14 March, police escorted the new governor into his office in Gao. Residents protested. "
            "Soldiers were deployed. The army chief resigned. Two days later, youths attacked the convoy. "
            "The ministry said five guards were hurt.")
    doc = pipeline.nlp(text)
    dater = EventDater()
    attacked = dater.event_date(doc, event(doc, "attacked"), REF)
    hurt = dater.event_date(doc, event(doc, "hurt"), REF)
    assert attacked is not None and (attacked.start, attacked.text) == ("2023-03-16", "Two days later")
    assert hurt is not None and hurt.start == "2023-03-16"


@pytest.mark.model
def test_a_distance_from_an_undated_report_counts_from_the_report_s_day(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The test came two days after the navy fired three cruise missiles.")
    fired = EventDater().event_date(doc, event(doc, "fired"), REF)
    assert fired is not None and fired.start == "2023-03-27"


@pytest.mark.model
def test_the_story_day_is_not_taken_from_background(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The president had warned on March 2 that duties would rise. Mexico agreed to more patrols.")
    agreed = EventDater().event_date(doc, event(doc, "agreed"), REF)
    assert agreed is not None and (agreed.start, agreed.source) == ("2023-03-29", "document")


@pytest.mark.model
def test_a_present_tense_event_is_the_report_s_day(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Police detained the editor on Monday. The bloc renews its call for his release.")
    renews = EventDater().event_date(doc, event(doc, "renews"), REF)
    assert renews is not None and (renews.start, renews.source) == ("2023-03-29", "document")


@pytest.mark.model
def test_a_past_event_dated_in_the_infinitive_it_governs(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Norway applied to join the customs union in May last year.")
    applied = EventDater().event_date(doc, event(doc, "applied"), REF)
    assert applied is not None and applied.start == "2022-05-01" and applied.precision == "month"


@pytest.mark.model
def test_would_looks_ahead_from_a_past_report(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("An official said Washington would ask the council to meet on Friday.")
    ask = EventDater().event_date(doc, event(doc, "ask", "planned"), REF)
    assert ask is not None and ask.start == "2023-03-31"


@pytest.mark.model
def test_a_threat_without_a_day_of_its_own_is_dated_when_made(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Iraq reserves its full right to respond to these aggressions.")
    respond = event(doc, "respond", "planned")
    threat = EventDater().event_date(doc, replace(respond, cameo="138"), REF)
    assert threat is not None and threat.start == REF.date.isoformat() and threat.source == "document"
    # a planned act that is no threat or promise (a visit) has no day until the text gives one
    assert EventDater().event_date(doc, replace(respond, cameo="042"), REF) is None


@pytest.mark.model
def test_a_month_with_its_year_is_the_story_s_time_for_what_follows(pipeline: Pipeline) -> None:
    """ "In January 2019, a bomb killed 20 people. The president broke off the talks.": January 2019, at the
    month's precision; a month without its year carries nothing."""
    doc = pipeline.nlp("In January 2019, a car bomb killed 20 cadets in Bogota. The president broke off the talks.")
    broke = EventDater().event_date(doc, event(doc, "broke", "asserted"), REF)
    assert broke is not None and broke.start.startswith("2019-01") and broke.precision == "month"
    doc = pipeline.nlp("In January, a car bomb killed 20 cadets in Bogota. The president broke off the talks.")
    broke = EventDater().event_date(doc, event(doc, "broke", "asserted"), REF)
    assert broke is not None and broke.source == "document"


@pytest.mark.model
def test_a_month_of_that_year_is_in_the_year_named_before(pipeline: Pipeline) -> None:
    """ "The army took power in July 2013. Cairo expelled the ambassador in November of that year.": 2013,
    not the November before the story was written."""
    doc = pipeline.nlp("The army took power in July 2013. Cairo expelled the Turkish ambassador in November of that "
                       "year.")
    expelled = EventDater().event_date(doc, event(doc, "expelled", "asserted"), REF)
    assert expelled is not None and expelled.start == "2013-11-01" and expelled.precision == "month"
    doc = pipeline.nlp("The army took power in July 2013. Cairo expelled the Turkish ambassador in November.")
    expelled = EventDater().event_date(doc, event(doc, "expelled", "asserted"), REF)
    assert expelled is not None and not expelled.start.startswith("2013")


@pytest.mark.model
def test_the_meeting_is_the_summit_told_of_before(pipeline: Pipeline) -> None:
    """ "an emergency summit in Abuja on Sunday ... at the end of the meeting ... The bloc also closed its
    borders": the story is at the summit's day, not at the Friday told of in between."""
    doc = pipeline.nlp("The bloc announced the measures after an emergency summit in Abuja on Sunday. The general "
                       "proclaimed himself head of state on Friday.\n\nIn a communique read out at the end of the "
                       "meeting, the bloc said it would act.\n\nThe bloc also closed its borders with Niger.")
    closed = EventDater().event_date(doc, event(doc, "closed", "asserted"), REF)
    assert closed is not None and closed.start == "2023-03-26"  # the Sunday before 29 March 2023


@pytest.mark.model
def test_a_date_across_a_semicolon_is_another_clause_s(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Twenty Indian soldiers were killed at Galwan; China acknowledged four deaths of its own only "
                       "in February 2021.")
    killed = EventDater().event_date(doc, event(doc, "killed", "asserted"), REF)
    assert killed is not None and not killed.start.startswith("2021-02")
