"""Actor resolution figures: PLOVER gold-standard actor mentions, and the seed article's gold rows.

1. Over every actor of ../shared/peer/plover/PLOVER_GSR_CAMEO.txt (its ``actorText`` with its country code
   or IGO/NGO): the mention finder runs on the record's whole sentence, as the pipeline does, and the
   actor counts as resolved when a mention overlapping the actorText has that country (or, for IGO/NGO,
   is an organisation). The share is printed with every failure.
2. For every required gold row of the seed article: whether a source and a target it accepts are both
   resolved somewhere in its sentence.

    .venv/bin/python benchmarks/actors.py [--shared ../shared] [--quiet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from spacy.tokens import Doc

from dragoman.actors.kb import ActorKB
from dragoman.actors.mentions import Mention, MentionFinder
from dragoman.nlp.model import load_model
from dragoman.records import Actor

REPO = Path(__file__).resolve().parents[1]
# Codes in the PLOVER file that are not ISO 3166 (old CAMEO or typing slips) and the state they mean.
GOLD_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def actor_keys(actor: Actor) -> set[str]:
    keys = {k for k in (actor.country, actor.org) if k}
    if actor.org or actor.sector == "IGO" or actor.code.startswith("IGO"):
        keys.add("IGO")
    if actor.sector == "NGO" or actor.code.startswith("NGO"):
        keys |= {"NGO", "IGO"}  # the PLOVER file codes NGOs such as Amnesty as IGO
    if actor.code.startswith(("IMG", "ISM")):
        keys |= {"IMG", "ISM"}
    return keys


def mention_keys(m: Mention) -> set[str]:
    keys = actor_keys(m.actor)
    for member in m.members:
        keys |= actor_keys(member)
    return keys


def char_span(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the actorText is in the sentence (spaces and quotes folded); a discontinuous actor ('US ...
    forces', or 'US forces' in 'US and British forces') by its first part, else its first word."""
    part = actor_text.split("..")[0].strip(" .")
    for attempt in (part, part.split()[0] if part.split() else ""):
        words = [re.escape(w) for w in attempt.replace("\u2019", "'").split()]
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(words).replace("'", "['\u2019]") + r"(?!\w)"
        found = re.search(pattern, text) or re.search(pattern, text, flags=re.IGNORECASE)
        if found:
            return found.start(), found.end()
    return None


def plover(finder: MentionFinder, nlp: object, path: Path, quiet: bool) -> float:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    texts = [r["text"] for r in records]
    total = right = 0
    failures: list[str] = []
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):  # type: ignore[attr-defined]
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        mentions = finder.find(doc, date)
        for role in ("source", "target"):
            actors = record.get(role)
            if not isinstance(actors, list):
                continue
            for gold in actors:
                code = GOLD_ALIASES.get(gold.get("code", ""), gold.get("code", ""))
                if not code or not gold.get("actorText"):
                    continue
                total += 1
                span = char_span(record["text"], gold["actorText"])
                found = _overlapping(doc, mentions, span) if span else []
                keys = set().union(*(mention_keys(m) for m in found)) if found else set()
                if code in keys:
                    right += 1
                else:
                    got = ", ".join(f"{m.actor.text!r}->{m.actor.code}" for m in found) or "nothing"
                    failures.append(f"  {record['id']}: {gold['actorText']!r} ({code}) got {got}")
    share = right / total if total else 0.0
    print(f"PLOVER GSR actors: {right}/{total} resolved to the right country or organisation = {share:.3f}")
    if not quiet:
        print("failures:")
        print("\n".join(failures))
    return share


def _overlapping(doc: Doc, mentions: list[Mention], span: tuple[int, int]) -> list[Mention]:
    start, end = span
    return [m for m in mentions if doc[m.start].idx < end and doc[m.end - 1].idx + len(doc[m.end - 1]) > start]


def seed(finder: MentionFinder, nlp: object) -> tuple[int, int]:
    text = (REPO / "examples" / "iran-russia-2023.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (REPO / "examples" / "iran-russia-2023.gold.jsonl").open(encoding="utf-8")
            if line.strip()]
    doc = nlp(text)  # type: ignore[operator]
    mentions = finder.find(doc, dt.date(2023, 3, 29))
    ok = 0
    required = [g for g in gold if g.get("required", True)]
    print("seed: required gold rows with both actors resolved in their sentence")
    for row in required:
        needle = " ".join(row["sentence"].replace("\u2019", "'").lower().split())
        sents = [s for s in doc.sents if needle in " ".join(s.text.replace("\u2019", "'").lower().split())]
        if not sents:
            print(f"  {row['id']}: sentence not found")
            continue
        sent = sents[0]
        keys: set[str] = set()
        for m in mentions:
            if sent.start <= m.start < sent.end:
                keys |= mention_keys(m)
        source = set(row["source"]) & keys
        target = set(row["target"]) & keys if row["target"] != ["*"] else {"*"}
        both = bool(source) and bool(target)
        ok += both
        print(f"  {row['id']}: {'ok  ' if both else 'MISS'} source {sorted(source) or '-'} "
              f"target {sorted(target) or '-'} (found {sorted(keys)})")
    print(f"seed: {ok}/{len(required)} required rows have both actors resolved")
    return ok, len(required)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--quiet", action="store_true", help="leave out the list of failures")
    args = parser.parse_args()
    nlp = load_model(None)
    finder = MentionFinder(nlp, ActorKB.load())
    path = args.shared / "peer" / "plover" / "PLOVER_GSR_CAMEO.txt"
    if path.exists():
        plover(finder, nlp, path, args.quiet)
    seed(finder, nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
