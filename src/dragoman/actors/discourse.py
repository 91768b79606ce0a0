"""Actors named only by their role or by a reference: their country or organisation from the discourse.

Reads: the doc's parse and the mentions found so far. Adds mentions for
- role phrases that name no state ("police", "security forces", "the junta", "officials", "protesters",
  "Military spokesman Colonel X"): the state comes from a placing preposition on the phrase ("police in
  Nairobi"), else, for armed groups ("the gunmen", "militants"), from the armed group last named, else from
  the document's focus, the state its mentions name most often;
- definite references to an organisation ("the bloc", "the alliance"): the organisation last named.
Each added actor says in ``how`` where its country or organisation came from, and its confidence is lower
for the coder (``how`` starts with ``discourse:``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Token

from dragoman.actors.coref import definite_plural, resolve_references
from dragoman.actors.kb import ActorKB
from dragoman.actors.mentions import (
    MISSIONS,
    PLACING_PREPS,
    Mention,
    entry_actor,
    named_by,
    phrase_words,
    place_of,
)
from dragoman.records import Actor

STATE_KINDS = frozenset({"country", "capital", "adjective", "role", "person", "affiliation"})
ARMED_SECTORS = frozenset({"REB", "UAF", "INS"})
STATE_ORGAN_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Sectors that the document's focus state may give an unplaced role phrase: its organs, its opposition,
# and crowds in its streets; not victims or other people, who are as often another state's, nor the
# reporters a statement is made to.
FOCUS_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "ELI"})
CROWD_WORDS = frozenset({"protester", "demonstrator", "crowd", "rioter", "marcher", "activist", "striker"})
COPULAS = frozenset({"be", "is", "was", "become", "became", "becomes", "remain", "remains", "remained"})
# capitalised heads that name a state's own institution ("The Ministry of Foreign Affairs will summon ...")
INSTITUTIONS = frozenset({"ministry", "government", "presidency", "cabinet", "parliament", "army", "police"})
TRADE_VERBS = frozenset({"buy", "sell", "purchase", "acquire", "order", "supply", "deliver", "export", "import",
                         "procure", "transfer", "provide"})
SCENE_PREPS = frozenset({"in", "at", "outside", "near", "inside", "across"})
STATE_WORDS = frozenset({"state", "country", "nation", "government"})
GROUP_NOUNS = frozenset({"group", "movement", "militia", "faction"})  # "the group" names a group named before
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
SPEAKER_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
GROUP_WINDOW = 12  # sentences back in which "the gunmen" may find their group
DEFINITE = frozenset({"the", "this", "that", "its", "their"})
MASS_ROLE_WORDS = frozenset({"force"})  # a body with a determiner or modifier, violence without one


def focus_country(mentions: list[Mention]) -> str | None:
    """The state the document's mentions name most often (the first named among equals)."""
    counts = Counter(m.actor.country for m in mentions if m.kind in STATE_KINDS and m.actor.country)
    if not counts:
        return None
    best = max(counts.values())
    return next(m.actor.country for m in mentions if m.actor.country and counts[m.actor.country] == best)


def unnamed_actors(doc: Doc, mentions: list[Mention], kb: ActorKB, date: dt.date | None = None) -> list[Mention]:
    """``mentions`` with the role phrases, affiliated people and organisation references of the document
    added, in text order; pronouns left unresolved are tried again against the larger set."""
    taken = {i: m for m in mentions for i in range(m.start, m.end)}
    focus = focus_country(mentions)
    out = list(mentions)
    for token in doc:
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        new = _organisation_reference(token, out, kb, focus) or _group_reference(token, out) \
            or _affiliated_person(token, taken) \
            or _copular_identity(token, taken) or _titled_holder(token, out, kb, date) \
            or _role_phrase(token, out, taken, kb, focus)
        if new is None or any(i in taken for i in range(new.start, new.end)):
            continue
        out.append(new)
        for i in range(new.start, new.end):
            taken[i] = new
    out = _seats(doc, out, kb)
    if len(out) == len(mentions):
        return sorted(out, key=lambda m: m.start)
    return resolve_references(doc, sorted(out, key=lambda m: m.start), kb, date)


def _seats(doc: Doc, mentions: list[Mention], kb: ActorKB) -> list[Mention]:
    """ "The European Union pledged 1.8 billion euros ... Sandu thanked Brussels": a capital that seats an
    organisation the document names stands for that organisation (not where it places: "met in Brussels")."""
    orgs = {m.actor.org: m for m in mentions if m.actor.org and m.kind == "org"}
    out = []
    for m in mentions:
        head = doc[m.head]
        placed = head.dep_ == "pobj" and head.head.lower_ in SCENE_PREPS | {"to", "from", "into", "near"}
        ref = kb.reference(m.actor.text.lower()) if m.kind == "capital" and not placed else None
        seated = orgs.get(ref[1]) if ref is not None and ref[0] == "seat" else None
        if seated is not None:
            m = replace(m, actor=replace(seated.actor, text=m.actor.text,
                                         how=f"discourse:seat of the organisation ({seated.actor.text})"),
                        kind="org")
        out.append(m)
    return out


def _titled_holder(token: Token, mentions: list[Mention], kb: ActorKB, date: dt.date | None) -> Mention | None:
    """ "The President commended ...", "The Prime Minister thanked ...": a capitalised title with "the" and
    no name or country is its first holder the document named (a readout's own leader); "the president" in
    lower case is the one holder named in its sentence or the one before."""
    if (kb.reference(token.lower_) or ("", ""))[0] != "person":  # asked first: most nouns are no title
        return None
    words = phrase_words(token)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
            or any(w.i != token.i and w.dep_ != "det" and w.is_title != token.is_title for w in words):
        return None
    title = "_".join(w.lower_ for w in words if w.dep_ != "det")
    if any(c.dep_ == "prep" for c in token.children):
        return None

    def holds_title(m: Mention) -> bool:
        person = kb.people.get(m.actor.entry or "")
        tenure = person.tenure_at(date)[0] if person is not None else None
        return tenure is not None and tenure.role == title

    if token.is_title:  # a readout's "The President": the first holder of the title it named
        first = 0
        how = "the title's first holder named"
    else:
        # "Zelenskiy's spokesman said the president had written ...": the one holder of that title named in
        # this sentence or the one before
        sent = token.sent
        first = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        how = "the title's holder named"
    holders = [m for m in mentions if first <= m.start < token.i and holds_title(m)]
    if not holders or (not token.is_title and len({m.actor.entry for m in holders}) != 1):
        return None  # none, or (for "the president") two presidents named: not guessed
    m = holders[0] if token.is_title else holders[-1]
    actor = replace(m.actor, text=f"the {token.text}", how=f"discourse:{how} ({m.actor.text})")
    return Mention(token.i, token.i + 1, token.i, actor, "person")


def _organisation_reference(token: Token, mentions: list[Mention], kb: ActorKB,
                            focus: str | None = None) -> Mention | None:
    ref = kb.reference(token.lower_)
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return None  # "the International Civil Aviation Organization": a name of its own, not a reference
    if ref is None or ref[0] != "org" or not (any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE
                                                  for c in token.children) or _bare_membership(token)):
        return None
    named = [m for m in mentions if m.actor.org and m.kind in ("org", "role") and m.actor.code.startswith("IGO")]
    before = [m for m in mentions if m.start < token.i and m.actor.org and m.kind in ("org", "role")]
    # ("The electoral commission declared ... the commission's chairman": the body told of before, unnamed)
    named_before = any(t.lower_ == token.lower_ for t in token.doc[:token.i])
    if not before and named and not named_before:
        # "The Council today imposed ...", the EU named further down: a press release's own organisation
        # (not after "the Ministerial Council for National Security" of the state: that body is meant)
        before = [min(named, key=lambda m: m.start)]
    if not before:
        if focus is None or token.pos_ != "PROPN" or token.is_lower:
            return None
        # "the Council decided" in a story that has named no organisation: a body of the story's state
        actor = Actor(text=token.text, name=focus, code=focus + "GOV", country=focus, sector="GOV",
                      how="discourse:focus country (a body of its state)", entry=f"implied:{focus}")
        return Mention(token.i, token.i + 1, token.i, actor, "role")
    antecedent = max(before, key=lambda m: m.start)
    actor = replace(antecedent.actor, text=token.text, how=f"discourse:organisation ({antecedent.actor.text})")
    return Mention(token.i, token.i + 1, token.i, actor, "org-reference")


def _bare_membership(token: Token) -> bool:
    """ "to become a permanent member of organization": the article dropped before the organisation one
    becomes a member of (a bare singular noun with no determiner of its own)."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in ("of", "in") \
        and head.head.lemma_.lower() in ("member", "membership") and _bare(token)


def _bare(token: Token) -> bool:
    """A singular common noun with no determiner, possessor or modifier of its own ("use force")."""
    return token.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod")
                                          for c in token.children)


def _group_reference(token: Token, mentions: list[Mention]) -> Mention | None:
    """ "Israel says the blast was caused by a rocket misfired by Islamic Jihad. The group has rejected that
    account": "the group" (movement, militia, faction) is the named group the story spoke of last."""
    if token.lemma_.lower() not in GROUP_NOUNS or token.pos_ != "NOUN" \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
            or any(c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children):
        return None  # ("the group of experts": a group of its own)
    # (a state's institution known by name, "the FBI", is no group)
    group = _recent_group(token, [m for m in mentions if m.kind == "group"
                                  and m.actor.sector not in STATE_ORGAN_SECTORS], sectors=None)
    if group is None:
        return None
    actor = replace(group.actor, text=token.text, how=f"discourse:the group ({group.actor.text})")
    return Mention(token.i, token.i + 1, token.i, actor, "group")


def _affiliated_person(token: Token, taken: dict[int, Mention]) -> Mention | None:
    """A person the knowledge base does not know, named with the body they speak for: "Taliban spokesman
    Zabihullah Mujahid" (a named group or organisation before the name), "Zhang Jun of China" (a placing
    preposition after it). The person's name becomes a mention of that actor, so that "he" can refer to it."""
    if token.ent_type_ != "PERSON" or token.pos_ != "PROPN":
        return None
    names = [t for t in phrase_words(token) if t.ent_iob_ in ("B", "I") and t.ent_type_ == "PERSON" and t.i <= token.i]
    if not names or any(t.i in taken for t in names):
        return None
    start = min(t.i for t in names)
    owner = next((taken[w.i] for w in phrase_words(token) if w.i < start and w.i in taken
                  and taken[w.i].kind in ("org", "group", "country", "capital", "adjective")), None)
    how = "discourse:affiliated person"
    if owner is None:
        owner = _placed(token, taken)
        how = "discourse:placed person"
    if owner is None:
        return None
    doc = token.doc
    actor = replace(owner.actor, text=doc[start:token.i + 1].text, how=f"{how} ({owner.actor.text})",
                    entry=owner.actor.entry)
    return Mention(start, token.i + 1, token.i, actor, "person")


def _copular_identity(token: Token, taken: dict[int, Mention]) -> Mention | None:
    """ "Albanese became the first Australian leader to visit China": a name the knowledge base lacks,
    subject of a copula whose complement is a resolved role, is that role."""
    if token.pos_ != "PROPN" or token.dep_ not in ("nsubj", "nsubjpass") \
            or not {token.head.lemma_.lower(), token.head.lower_} & COPULAS:
        return None
    for attr in token.head.children:
        role = taken.get(attr.i)
        if attr.dep_ == "attr" and role is not None and role.kind in ("role", "person"):
            start = min(t.i for t in phrase_words(token))
            actor = replace(role.actor, text=token.doc[start:token.i + 1].text,
                            how=f"discourse:copula ({role.actor.text})")
            return Mention(start, token.i + 1, token.i, actor, "person")
    return None


def _role_phrase(token: Token, mentions: list[Mention], taken: dict[int, Mention], kb: ActorKB,
                 focus: str | None) -> Mention | None:
    if token.ent_type_ != "PERSON" and token.lower_.lower() not in kb.sector_heads \
            and kb.sector_of(token.lower_) is None and kb.sector_of(token.lemma_.lower()) is None:
        return None  # no sector below can be found for it (asked first: most nouns name no role)
    words = phrase_words(token)
    if any(w.i in taken for w in words) or any(c.dep_ == "poss" and (c.i in taken or c.pos_ == "PRON")
                                               for c in token.children):
        # "Kenyan police", "the Taliban's ministry", "its forces": the owner's phrase, read by the coder
        return None
    if any((kb.reference(w.lower_) or ("", ""))[0] == "count" for w in token.subtree if w.i < token.i) \
            or ((kb.reference(token.lower_) or ("", ""))[0] == "group" and definite_plural(token)):
        return None  # "the two leaders", "both sides", "the delegations": group references, for coreference
    if token.lower_ in MASS_ROLE_WORDS and _bare(token):
        return None  # "agreed not to use force", "took power by force": force used, not a force
    is_person = token.ent_type_ == "PERSON"
    if token.pos_ == "PROPN" and not is_person and not token.is_lower and token.lower_ not in INSTITUTIONS \
            and not (token.i == token.sent.start and token.tag_ == "NNP"):
        return None
    # the head names the role ("security forces", "police"), not a modifier ("a joint press conference")
    two = kb.sector_of(f"{words[-2].lower_} {token.lower_}") if len(words) > 1 else None
    sector = two or kb.sector_of(token.lower_) or kb.sector_of(token.lemma_.lower())
    if sector is None and is_person:
        sector = named_by(words, kb.sector_of, lemmas=True)  # "Military spokesman Colonel X"
    if sector is None:
        return None
    left = min(w.i for w in words)
    doc = token.doc
    text = doc[left:token.i + 1].text
    if token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in TRADE_VERBS:
        return None  # "to buy F-16 fighter jets": weapons bought, not an army acting
    region = _region(words, kb)
    if region is not None:  # "European leaders", "West African leaders": the region's body, or no guess
        entries = kb.lookup(region) if region and sector in FOCUS_SECTORS else ()
        if not entries:
            return None
        actor = entry_actor(entries[0], text, None, f"discourse:region ({region})")
        return Mention(left, token.i + 1, token.i, actor, "role")
    if token.tag_ == "NNS" and token.lemma_.lower() in STATE_WORDS:
        return None  # "the boycotting states": several states, not the story's one
    place = _placed(token, taken) or _placed_by_clause(token, taken) \
        or (_where_done(token, taken) if token.lemma_.lower() in CROWD_WORDS or sector == "CVL" else None) \
        or (_city_of_sentence(token, mentions) if sector == "COP" else None)
    if place is None and _placed_elsewhere(token):
        return None  # "politicians from the three European countries": placed, by what we cannot tell
    named = _named_before(token, mentions) if place is None else None
    if named is not None:  # "Sudan's army ... The army accused": the army named before
        actor = replace(named.actor, text=text, how=f"discourse:named before ({named.actor.text})")
        return Mention(left, token.i + 1, token.i, actor, "person" if is_person else "role")
    speaker = _spoken_for(token, mentions) if place is None else None
    if speaker is not None:
        actor = replace(speaker.actor, text=text, how=f"discourse:speaks for ({speaker.actor.text})")
        return Mention(left, token.i + 1, token.i, actor, "person" if is_person else "role")
    if place is not None:
        country, how = place.actor.country, f"discourse:placed ({place.actor.text})"
    elif sector in ARMED_SECTORS and (group := _recent_group(token, mentions)) is not None:
        actor = replace(group.actor, text=text, how=f"discourse:armed group ({group.actor.text})")
        return Mention(left, token.i + 1, token.i, actor, "role")
    elif sector in FOCUS_SECTORS or token.lemma_.lower() in CROWD_WORDS:
        country, how = focus, "discourse:focus country"
    else:
        return None  # "47 people", "civilians": victims are often another state's; not guessed
    if country is None:
        return None
    actor = Actor(text=text, name=country, code=country + sector, country=country, sector=sector, how=how,
                  entry=f"implied:{country}")
    return Mention(left, token.i + 1, token.i, actor, "person" if is_person else "role")


def _region(words: list[Token], kb: ActorKB) -> str | None:
    """The organisation a regional adjective in a role phrase names ("" for a region without one), or None
    when the phrase names no region."""
    for first, second in pairwise(words):
        ref = kb.reference(f"{first.lower_} {second.lower_}")
        if ref is not None and ref[0] == "region":
            return ref[1]
    for word in words:
        ref = kb.reference(word.lower_)
        if ref is not None and ref[0] == "region" and word.dep_ in ("amod", "compound"):
            return ref[1]
    return None


def _where_done(noun: Token, taken: dict[int, Mention]) -> Mention | None:
    """ "Hundreds of protesters rallied outside the US embassy in Beirut": people unplaced themselves are
    of the place where their clause happens (an embassy stands in its city, not in its state)."""
    verb = noun
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # the noun's own scene first ("fired at protesters outside the embassy"), then its clause's
    # ... or the act it is "of" ("condemned the killing of protesters in Tehran")
    act = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" \
        else None
    heads = [h for h in (noun, act, verb) if h is not None]
    objects = [g for head in dict.fromkeys(heads) for g in _scenes(head, SCENE_PREPS)]
    while objects:
        obj = objects.pop(0)
        objects += _scenes(obj, ("in",))  # "the US embassy in Beirut", "the government building in Yerevan"
        if obj.lemma_.lower() in MISSIONS:
            continue  # (an embassy stands in its city, not in its state)
        for t in (obj, *[c for c in obj.children if c.dep_ in ("compound", "amod", "poss")]):
            mention = taken.get(t.i)
            if mention is not None and mention.kind in ("country", "capital", "adjective") and mention.actor.country:
                return mention
    return None


def _scenes(head: Token, preps: Iterable[str]) -> list[Token]:
    """The places a word's prepositions name, with a compass point's ("north of Beirut")."""
    found = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("npadvmod", "advmod") and child.lower_ in COMPASS:
            found += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    return found


def _city_of_sentence(noun: Token, mentions: list[Mention]) -> Mention | None:
    """ "Protesters gathered in Yerevan, and police detained dozens": police act at home, in the one state
    whose cities their sentence names."""
    sent = noun.sent
    cities = {m.actor.country: m for m in mentions if m.kind == "capital" and m.actor.country
              and sent.start <= m.start < sent.end}
    return next(iter(cities.values())) if len(cities) == 1 else None


def _placed_by_clause(noun: Token, taken: dict[int, Mention]) -> Mention | None:
    """ "In Beijing, the foreign ministry said ...": a subject placed by its clause's opening "in X"."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i == noun.i:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < noun.i and prep.i == noun.sent.start:
            for obj in prep.children:
                mention = taken.get(obj.i)
                if obj.dep_ == "pobj" and mention is not None and mention.kind in ("country", "capital") \
                        and mention.actor.country:
                    return mention
    return None


def _named_before(noun: Token, mentions: list[Mention]) -> Mention | None:
    """ "the army" after "Sudan's army", "the police" after "Kenyan police": a definite role noun alone is the
    latest one of its kind the document named with its state."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            or any(c.dep_ in ("amod", "compound") for c in noun.children):
        return None
    doc = noun.doc
    before = [m for m in mentions if m.start < noun.i and m.actor.country and m.kind in ("role", "country")
              and doc[m.head].lemma_.lower() == noun.lemma_.lower() and m.head != noun.i]
    return max(before, key=lambda m: m.start) if before else None


def _spoken_for(noun: Token, mentions: list[Mention]) -> Mention | None:
    """ "The China Coast Guard gave a different account. A spokesman, Gan Yu, said ...": an unplaced
    spokesman speaks for the institution that is the subject of the sentence before."""
    if noun.lemma_.lower() not in SPEAKER_WORDS and not any(
            w.lemma_.lower() in SPEAKER_WORDS for w in phrase_words(noun)):
        return None
    sent = noun.sent
    if sent.start == 0:
        return None
    previous = noun.doc[sent.start - 1].sent
    for m in mentions:
        head = noun.doc[m.head]
        if previous.start <= m.start < previous.end and head.dep_ in ("nsubj", "nsubjpass") \
                and head.head.dep_ == "ROOT" and m.kind in ("org", "role", "group") \
                and (m.actor.org or m.actor.sector):
            return m
    return None


def _placed_elsewhere(noun: Token) -> bool:
    # "the Ministry of Foreign Affairs": a capitalised "of" phrase is the institution's name, not a place
    return any(c.dep_ == "prep" and c.lower_ in PLACING_PREPS
               and any(g.dep_ == "pobj" and not (c.lower_ == "of" and g.pos_ == "PROPN" and noun.pos_ == "PROPN")
                       for g in c.children)
               for c in noun.children)


def _placed(noun: Token, taken: dict[int, Mention]) -> Mention | None:
    """The country a placing preposition on ``noun`` names ("police in Nairobi"), as the mention finder's
    placed groups read it."""
    found = place_of(noun, {m.start: m for m in taken.values()}, {i: m.start for i, m in taken.items()})
    return found if found is not None and found.actor.country else None


def _recent_group(token: Token, mentions: list[Mention],
                  sectors: frozenset[str] | None = ARMED_SECTORS) -> Mention | None:
    sentences = {s.start: n for n, s in enumerate(token.doc.sents)}
    here = sentences[token.sent.start]
    before = [m for m in mentions if m.start < token.i and (sectors is None or m.actor.sector in sectors)
              and m.kind == "group" and here - sentences[token.doc[m.start].sent.start] <= GROUP_WINDOW]
    return max(before, key=lambda m: m.start) if before else None
