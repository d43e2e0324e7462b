"""POST endpoints that run the pipeline: /api/extract (answer only) and /api/ingest (answer and store)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from blocwatch.api.convert import jsonable
from blocwatch.api.models import ExtractRequest, IngestRequest, IngestResponse
from blocwatch.records import ArticleResult
from blocwatch.store import Store, StoreError

Extractor = Callable[[ExtractRequest], ArticleResult]

DEFAULT_ARTICLE_ID = "article"

router = APIRouter(prefix="/api")

# spaCy pipelines are not documented as thread-safe and FastAPI runs sync handlers in a thread pool, so one
# extraction runs at a time; on a 2-core machine parallel parses would not be faster anyway.
_EXTRACTION_LOCK = threading.Lock()


class ExtractorUnavailable(RuntimeError):
    pass


def pipeline_extractor(request: ExtractRequest) -> ArticleResult:
    """The real pipeline (spaCy and all stages), imported on first use so that serving reads needs none of it."""
    try:
        from blocwatch.nlp import ModelNotInstalled
        from blocwatch.pipeline import ExtractionError, extract_text
    except ImportError as error:
        raise ExtractorUnavailable(f"the extraction pipeline cannot be loaded: {error}") from error
    try:
        return extract_text(
            request.text, date=request.date, title=request.title,
            article_id=request.id or DEFAULT_ARTICLE_ID, url=request.url,
        )  # fmt: skip
    except ExtractionError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    except ModelNotInstalled as error:
        raise ExtractorUnavailable(str(error)) from error


def _run_extractor(request: Request, body: ExtractRequest) -> ArticleResult:
    extractor: Extractor = request.app.state.extractor
    try:
        with _EXTRACTION_LOCK:
            return extractor(body)
    except ExtractorUnavailable as error:
        raise HTTPException(status_code=503, detail=str(error)) from error


@router.post("/extract")
def extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    """Events, quotes and actors of one article in the `extract` contract's JSON; nothing is stored."""
    return jsonable(_run_extractor(request, body).to_dict())


@router.post(
    "/ingest",
    response_model=IngestResponse,
    status_code=201,
    responses={200: {"description": "the same text was already stored; nothing was written"}},
)
def ingest(body: IngestRequest, request: Request) -> Any:
    """Extract one article and store it; 201 with its id, or 200 with the existing id for a duplicate text."""
    result = _run_extractor(request, body)
    store: Store = request.app.state.store
    try:
        article_id, inserted = store.add_article(result, source=body.source or "api")
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    except StoreError as error:
        raise HTTPException(status_code=503, detail=str(error)) from error
    answer = IngestResponse(
        id=article_id,
        inserted=inserted,
        events=len(result.events),
        quotes=len(result.quotes),
        actors=len(result.actors),
    )
    return JSONResponse(answer.model_dump(), status_code=201 if inserted else 200)
