"""Rebuild src/dragoman/data/events/cameo.tsv from the peer CAMEO codebook and PLOVER mapping.

Usage: python tools/build_ontology.py ../shared/peer
Sources (licences kept in src/dragoman/data/events/LICENSES.txt): the ICEWS CAMEO table (andybega/icews,
MIT) for names and Goldstein values, and CAMEO2PLOVER-2021 (Open Event Data Alliance, CC BY-SA 4.0).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 2, "06": 2, "07": 2, "08": 2,
        "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 3,
        "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}


def main(peer: Path) -> None:
    rows = list(csv.DictReader((peer / "cameo" / "cameo-codes.icews.csv").open(encoding="mac_roman")))
    plover: dict[str, tuple[str, str]] = {}
    for line in (peer / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        if parts and parts[0]:
            plover[m.group(1)] = (parts[0], parts[1] if len(parts) > 1 else "")
    data = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "events"
    # roots 01 and 02: dragoman's documented choice (plover-01-02.tsv), unmapped in CAMEO2PLOVER
    for line in (data / "plover-01-02.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "code" or len(cells) < 2:
            continue
        plover[cells[0]] = (cells[1], cells[2] if len(cells) > 2 else "")
    out = data / "cameo.tsv"
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("# CAMEO event codes: name, Goldstein value (ICEWS table), quad class, PLOVER event and mode\n")
        f.write("# (CAMEO2PLOVER-2021; roots 01 and 02 are unmapped there: see plover-01-02.tsv). See LICENSES.txt.\n")
        f.write("code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\n")
        for r in rows:
            code = r["code"]
            name = r["name"].strip()
            event, mode = next((plover[code[:n]] for n in (4, 3, 2) if code[:n] in plover), ("", ""))
            f.write(f"{code}\t{name}\t{float(r['goldstein'])}\t{QUAD[code[:2]]}\t{event}\t{mode}\n")
    print(f"wrote {out} ({len(rows)} codes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
