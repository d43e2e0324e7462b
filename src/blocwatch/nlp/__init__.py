"""The spaCy pipeline, loaded once per process, and sentence-level helpers over it."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from blocwatch.config import spacy_model_name


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    name = model or spacy_model_name()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed; install it with pip or set BLOCWATCH_SPACY_MODEL "
            f"to an installed one (default {spacy_model_name()!r})"
        ) from exc


def parse(text: str, model: str | None = None) -> Doc:
    return load(model)(text)


__all__ = ["ModelNotInstalled", "load", "parse"]
