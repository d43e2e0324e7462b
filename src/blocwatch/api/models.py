"""Request bodies of the writing endpoints, validated before any text reaches the pipeline or the store."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ARTICLE_ID = re.compile(r"^[^\s/?#][^\s?#]{0,199}$")


class ExtractRequest(BaseModel):
    """One plain-text article; the same fields as a record of the `extract` JSONL contract."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    text: str = Field(description="the article's plain text; all returned offsets point into it")
    date: str | None = Field(default=None, description="publication date, YYYY-MM-DD")
    title: str | None = Field(default=None, max_length=1000)
    id: str | None = Field(
        default=None, description="article id (letters, digits and punctuation, no spaces, '/', '?' or '#')"
    )
    url: str | None = Field(default=None, max_length=2000)

    @field_validator("text")
    @classmethod
    def _text_has_words(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text is empty (only whitespace)")
        return text

    @field_validator("date")
    @classmethod
    def _date_is_a_day(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or len(value) != 10:
            raise ValueError(f"date {value!r} is not a calendar date written YYYY-MM-DD")
        return value

    @field_validator("id")
    @classmethod
    def _id_is_usable(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _ARTICLE_ID.match(value):
            raise ValueError(
                f"id {value!r} must be 1-200 characters without spaces, '/', '?' or '#' "
                "(it becomes part of event ids and URLs)"
            )
        return value

    @field_validator("url")
    @classmethod
    def _url_is_web(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError(f"url {value!r} must start with http:// or https://")
        return value


class IngestRequest(ExtractRequest):
    """An article to extract and keep in the store."""

    source: str | None = Field(default=None, max_length=500, description="where the text came from")


class IngestResponse(BaseModel):
    id: str = Field(
        description="the stored article's id; may differ from the requested id, see docs/store.md"
    )
    inserted: bool = Field(description="false when the same text was already stored (nothing was written)")
    events: int
    quotes: int
    actors: int
