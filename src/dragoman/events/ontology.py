"""The CAMEO codebook with Goldstein values, quad classes and the CAMEO->PLOVER mapping, from data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from dragoman.actors.kb import read_table
from dragoman.errors import ConfigError

# CAMEO's four quad classes, by number; ``QUAD_FIELDS`` are their names as column or attribute names.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_FIELDS = tuple(QUAD_CLASSES[q].replace(" ", "_") for q in sorted(QUAD_CLASSES))


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Ontology:
    codes: Mapping[str, CameoCode]

    @classmethod
    def load(cls) -> Ontology:
        with resources.as_file(resources.files("dragoman") / "data" / "events" / "cameo.tsv") as path:
            return cls.from_file(Path(path))

    @classmethod
    def from_file(cls, path: Path) -> Ontology:
        codes: dict[str, CameoCode] = {}
        for number, row in read_table(path):
            code = row["code"].strip()
            if not (code.isdigit() and 2 <= len(code) <= 4):
                raise ConfigError(f"{path}:{number}: {code!r} is not a CAMEO code (2 to 4 digits)")
            try:
                codes[code] = CameoCode(code, row["name"], float(row["goldstein"]), int(row["quad_class"]),
                                        row["plover_event"] or None, row["plover_mode"] or None)
            except ValueError as exc:
                raise ConfigError(f"{path}:{number}: {exc}") from None
        return cls(MappingProxyType(codes))

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise ConfigError(f"unknown CAMEO code {code!r}") from None
