"""A small corpus with real text for the web tests: events built by hand (no model) whose character
offsets, trigger, actor, date and place words are found in the text, as the coder would emit them."""

from __future__ import annotations

from dragoman.records import Actor, Attribution, Document, Event, EventDate, Evidence, Place

IRN = Actor("Iran", "Iran", "IRNGOV", "IRN", None, "GOV", "dictionary:country", "country:IRN")
RUS = Actor("Russia", "Russia", "RUSGOV", "RUS", None, "GOV", "dictionary:country", "country:RUS")
LAVROV = Actor("Lavrov", "Sergei Lavrov", "RUSGOV", "RUS", None, "GOV", "dictionary:person", "person:lavrov")
ISR = Actor("Israel", "Israel", "ISRMIL", "ISR", None, "MIL", "dictionary:country", "country:ISR")
SYR = Actor("Syria", "Syria", "SYRGOV", "SYR", None, "GOV", "dictionary:country", "country:SYR")
MOSCOW = Place("Moscow", "RUS", 55.75, 37.62, 524901, "PPLC", "Moscow", "city")
DAMASCUS = Place("Damascus", "SYR", 33.51, 36.29, 170654, "PPLC", "Damascus", "city")
CODES = {"040": (1, 1.0, "CONSULT"), "042": (1, 1.9, "CONSULT"), "043": (1, 2.8, "CONSULT"),
         "057": (1, 8.0, "AGREE"), "111": (3, -2.0, "ACCUSE"), "190": (4, -10.0, "ASSAULT")}
HOSTILE = "<script>alert('x')</script> & \"quotes\""


def event(doc: Document, n: int, cameo: str, words: str, trigger: str, source: Actor, target: Actor | None,
          date: str | None = None, date_text: str | None = None, place: Place | None = None,
          modality: str = "asserted", attribution: Attribution | None = None) -> Event:
    """An event over ``words`` (which must occur in the document's text) in the sentence around them."""
    start = doc.text.index(words)
    s_start = doc.text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = doc.text.find(".", start + len(words))
    sentence = doc.text[s_start:s_end + 1]
    quad, goldstein, plover = CODES[cameo]
    return Event(
        doc_id=doc.doc_id, event_id=f"{doc.doc_id}-{n}", cameo=cameo, root=cameo[:2], quad_class=quad,
        goldstein=goldstein, plover_event=plover, plover_mode=None, source=source, target=target,
        evidence=Evidence(sentence, n, start, start + len(words), trigger, f"test.{cameo}",
                          (f"source {source.text!r} -> {source.code} ({source.how})",)),
        date=EventDate(date, date, "day", date_text, "explicit") if date else None, location=place,
        modality=modality, attribution=attribution, confidence=0.8)


def articles() -> list[tuple[Document, list[Event]]]:
    """Four articles; the Moscow talks of 2023-03-29 are reported by two of them (one cluster)."""
    tass = Document("tass-1", "Iran's foreign minister met Lavrov in Moscow on March 29. "
                    "The two sides signed an agreement on trade. Iran criticised Israel.",
                    "Lavrov meets Amir-Abdollahian", "https://tass.com/a/1", "2023-03-29")
    irna = Document("irna-1", "Iran held talks with Russia in Moscow on March 29. "
                    "Russia hosted the delegation for two days.", "FM in Moscow", "https://www.irna.ir/news/1",
                    "2023-03-30")
    sana = Document("sana-1", "Israel struck targets near Damascus on March 30. "
                    "Syria accused Israel of aggression.", "Strikes near Damascus", "https://sana.sy/1",
                    "2023-03-31")
    odd = Document("odd/one", f"Reporters wrote {HOSTILE}. Russia will meet Iran in Tehran soon.",
                   f"Title {HOSTILE}", None, "2023-04-02")
    return [
        (tass, [event(tass, 0, "042", "Iran's foreign minister met Lavrov", "met", IRN, LAVROV, "2023-03-29",
                      "March 29", MOSCOW),
                event(tass, 1, "057", "two sides signed an agreement", "signed", IRN, RUS, "2023-03-29"),
                event(tass, 2, "111", "Iran criticised Israel", "criticised", IRN, ISR, "2023-03-29")]),
        (irna, [event(irna, 0, "040", "Iran held talks with Russia", "talks", IRN, RUS, "2023-03-29", "March 29",
                      MOSCOW, attribution=Attribution("IRNA", "IRNMED", "IRN", None)),
                event(irna, 1, "043", "Russia hosted the delegation", "hosted", RUS, IRN, "2023-03-29")]),
        (sana, [event(sana, 0, "190", "Israel struck targets near Damascus", "struck", ISR, SYR, "2023-03-30",
                      "March 30", DAMASCUS),
                event(sana, 1, "111", "Syria accused Israel", "accused", SYR, ISR, "2023-03-30")]),
        (odd, [event(odd, 0, "040", "Russia will meet Iran", "meet", RUS, IRN, "2023-04-02", None, None,
                     modality="planned")]),
    ]
