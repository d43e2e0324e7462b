"""The trigger lexicon (events/data/lexicon.yaml) compiled into lookup tables for the coder."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Pattern:
    code: str
    verb: str
    particles: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()  # allowed head lemmas of the object noun
    xcomp: str | None = None  # "refuse to meet": lemma of the verb under the trigger's xcomp

    @property
    def specificity(self) -> int:
        return 1 + 2 * len(self.particles) + (3 if self.objects else 0) + (3 if self.xcomp else 0)


@dataclass
class Lexicon:
    version: str
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    verb_defaults: dict[str, str] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    nouns: dict[str, str] = field(default_factory=dict)  # single lemma or "multi word" -> code
    noun_heads: frozenset[str] = frozenset()  # last words of multi-word nouns
    light_only_nouns: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    noun_classes: dict[str, frozenset[str]] = field(default_factory=dict)

    def patterns_for(self, lemma: str) -> list[Pattern]:
        return self.verbs.get(lemma, [])


def _parse_pattern(code: str, text: str, classes: dict[str, frozenset[str]]) -> Pattern:
    text = text.strip().lower()
    objects: frozenset[str] = frozenset()
    if ">" in text:
        left, right = (part.strip() for part in text.split(">", 1))
        right_key = right.upper()
        if right_key in classes:
            objects = classes[right_key]
        else:
            objects = frozenset({right.split()[-1]})
        text = left
    words = text.split()
    verb, rest = words[0], words[1:]
    xcomp = None
    if len(rest) >= 2 and rest[0] == "to":
        xcomp = rest[1]
        rest = rest[2:]
    return Pattern(code=code, verb=verb, particles=tuple(rest), objects=objects, xcomp=xcomp)


def _build(raw: dict[str, Any]) -> Lexicon:
    classes = {name.upper(): frozenset(w.lower() for w in words) for name, words in raw["noun_classes"].items()}
    verbs: dict[str, list[Pattern]] = {}
    for code, entries in raw["verbs"].items():
        for entry in entries:
            pattern = _parse_pattern(str(code), str(entry), classes)
            verbs.setdefault(pattern.verb, []).append(pattern)
    for patterns in verbs.values():
        patterns.sort(key=lambda p: -p.specificity)
    nouns: dict[str, str] = {}
    for code, entries in raw["nouns"].items():
        for entry in entries:
            nouns.setdefault(str(entry).lower(), str(code))
    heads = frozenset(n.split()[-1] for n in nouns if " " in n)
    return Lexicon(
        version=str(raw.get("version", "")),
        verbs=verbs,
        verb_defaults={k.lower(): str(v) for k, v in raw.get("verb_defaults", {}).items()},
        light_verbs=frozenset(v.lower() for v in raw.get("light_verbs", [])),
        nouns=nouns,
        noun_heads=heads,
        light_only_nouns=frozenset(n.lower() for n in raw.get("light_only_nouns", [])),
        speech_verbs=frozenset(v.lower() for v in raw.get("speech_verbs", [])),
        noun_classes=classes,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("blocwatch.events").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    return _build(yaml.safe_load(text))


__all__ = ["Lexicon", "Pattern", "load_lexicon"]
