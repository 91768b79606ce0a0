"""A corpus the tests write themselves: one event reported by several differently worded articles, and
distinct events that look alike. Events are built by hand (no model), as the coder would emit them."""

from __future__ import annotations

from dragoman.records import Actor, Attribution, Document, Event, EventDate, Evidence, Place

IRN = Actor("Iran", "Iran", "IRNGOV", "IRN", None, "GOV", "dictionary:country", "country:IRN")
RUS = Actor("Russia", "Russia", "RUSGOV", "RUS", None, "GOV", "dictionary:country", "country:RUS")
ISR = Actor("Israel", "Israel", "ISRMIL", "ISR", None, "MIL", "dictionary:country", "country:ISR")
SYR = Actor("Syria", "Syria", "SYR", "SYR", None, None, "dictionary:country", "country:SYR")
MOSCOW = Place("Moscow", "RUS", 55.75, 37.62, 524901, "PPLC", "Moscow", "city")
DAMASCUS = Place("Damascus", "SYR", 33.51, 36.29, 170654, "PPLC", "Damascus", "city")
QUADS = {"04": (1, 1.0), "05": (1, 3.5), "06": (2, 6.0), "07": (2, 7.0), "11": (3, -2.0), "19": (4, -10.0)}


def event(doc: str, n: int, cameo: str, source: Actor | None, target: Actor | None, date: str | None,
          sentence: str, place: Place | None = None, modality: str = "asserted", date_source: str = "explicit",
          attribution: Attribution | None = None) -> Event:
    quad, goldstein = QUADS[cameo[:2]]
    return Event(
        doc_id=doc, event_id=f"{doc}-{n}", cameo=cameo, root=cameo[:2], quad_class=quad, goldstein=goldstein,
        plover_event="CONSULT" if cameo.startswith("04") else "OTHER", plover_mode=None,
        source=source, target=target,
        evidence=Evidence(sentence, n, 0, len(sentence), sentence.split()[1], "test"),
        date=EventDate(date, date, "day", date, date_source) if date else None, location=place,
        modality=modality, attribution=attribution, confidence=0.8)


def articles() -> list[tuple[Document, list[Event]]]:
    """Six articles. Expected clusters:

    A. Iran's minister in Moscow on 2023-03-29 (042/043/040, both directions), reported by four articles
       from three outlets, one of them dating it by its publication date the next day;
    B. a second Iran-Russia visit, in 2022 (same dyad and root as A, another year);
    C. an Iran-Russia visit that is only planned (same dyad, root and day as A);
    D. Israeli strikes on Syria on 2023-03-30 near Damascus, reported by two articles;
    E. Israeli strikes on Syria on 2023-01-02 (same dyad and root as D, months apart);
    F. Israel criticised Syria on 2023-03-30 (same dyad and day as D, another root).
    """
    w = [
        (Document("tass-1", "x1", "Lavrov meets Amir-Abdollahian", "https://tass.com/a/1", "2023-03-29"), [
            event("tass-1", 0, "042", IRN, RUS, "2023-03-29", "Iran's foreign minister visited Moscow on Wednesday.",
                  MOSCOW),
            event("tass-1", 1, "043", RUS, IRN, "2023-03-29", "Russia hosted the Iranian delegation.", MOSCOW),
        ]),
        (Document("irna-1", "x2", "FM in Moscow", "https://www.irna.ir/news/1", "2023-03-29"), [
            event("irna-1", 0, "040", IRN, RUS, "2023-03-29", "Amir-Abdollahian held talks with Lavrov in Moscow.",
                  MOSCOW, attribution=Attribution("IRNA", "IRNMED", "IRN", None)),
            event("irna-1", 3, "042", IRN, RUS, "2022-06-22", "He last travelled to Russia in June 2022.", MOSCOW),
        ]),
        (Document("wire-1", "x3", "Iran, Russia talk", "https://tass.com/a/2", "2023-03-30"), [
            event("wire-1", 0, "040", RUS, IRN, "2023-03-30", "Russia and Iran discussed a new treaty.", None,
                  date_source="document"),
            event("wire-1", 2, "042", IRN, RUS, "2023-03-29", "Iran will send its president to Moscow.", MOSCOW,
                  modality="planned"),
        ]),
        (Document("blog-1", "x4", None, None, None), [
            event("blog-1", 0, "042", IRN, RUS, "2023-03-29", "Tehran's top diplomat flew to Moscow.", MOSCOW),
        ]),
        (Document("syr-1", "x5", "Strikes near Damascus", "https://sana.sy/1", "2023-03-30"), [
            event("syr-1", 0, "190", ISR, SYR, "2023-03-30", "Israel struck targets near Damascus.", DAMASCUS),
            event("syr-1", 4, "195", ISR, SYR, "2023-01-02", "Israeli jets also hit Damascus airport in January.",
                  DAMASCUS),
        ]),
        (Document("syr-2", "x6", "Israel hits Syria", "https://www.reuters.com/x", "2023-03-31"), [
            event("syr-2", 0, "190", ISR, SYR, "2023-03-30", "Israeli missiles hit Damascus on Thursday.", DAMASCUS),
            event("syr-2", 1, "111", ISR, SYR, "2023-03-30", "Israel also criticised the Syrian government.", None),
        ]),
    ]
    return w


EXPECTED_CLUSTERS = 6  # A, B, C, D, E, F
EXPECTED_MENTIONS = 11
