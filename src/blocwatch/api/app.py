"""The FastAPI application: JSON API under /api, the dashboard at /.

`create_app(db_path)` opens the store once; handlers share it (the store serialises access with its own lock).
Swagger UI and ReDoc load their JavaScript from a CDN, so they are off: the API is served offline and
described by /openapi.json alone (see docs/api.md).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from blocwatch import __version__, config
from blocwatch.api import analytics_routes, store_routes, write_routes
from blocwatch.api.middleware import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from blocwatch.api.write_routes import Extractor, pipeline_extractor
from blocwatch.store import Store, open_store

DASHBOARD_DIR = Path(__file__).resolve().parent.parent / "web" / "dashboard"

# The dashboard loads nothing from elsewhere and runs no inline script, so the browser may refuse both.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def _describe_location(location: Any) -> str:
    """Where an input problem is, as "body.text" or "query.since"."""
    return ".".join(str(part) for part in location)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors:
        message = str(error.get("msg", "invalid"))
        # pydantic prefixes messages of custom validators with "Value error, ".
        message = message.removeprefix("Value error, ")
        parts.append(f"{_describe_location(error.get('loc', ()))}: {message}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in error.errors()
        ]
        return JSONResponse({"detail": _validation_message(errors), "errors": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"detail": str(error.detail)}, status_code=error.status_code, headers=error.headers
        )


def _install_dashboard(app: FastAPI, dashboard_dir: Path) -> None:
    index = dashboard_dir / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=dashboard_dir), name="static")


def create_app(
    db_path: str | Path | None = None,
    *,
    store: Store | None = None,
    create: bool = True,
    extractor: Extractor | None = None,
    max_body_bytes: int = config.MAX_INPUT_BYTES,
) -> FastAPI:
    """The API and dashboard over the store at `db_path` (None → config.default_db_path()).

    `store` passes an already open store instead (it is then not closed on shutdown); `create=False` refuses a
    missing SQLite file; `extractor` replaces the spaCy pipeline behind /api/extract and /api/ingest (tests use
    a stub); requests with bodies over `max_body_bytes` get 413.
    """
    owns_store = store is None
    opened = open_store(db_path, create=create) if store is None else store

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # noqa: ANN202 - the type is an implementation detail of Starlette
        yield
        if owns_store:
            opened.close()

    app = FastAPI(
        title="blocwatch",
        version=__version__,
        description="Events, actors, quotes and alliance cohesion extracted from news. See docs/api.md.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = opened
    app.state.extractor = extractor or pipeline_extractor
    app.state.max_body_bytes = max_body_bytes
    _install_error_handlers(app)
    app.add_middleware(SecurityHeadersMiddleware, content_security_policy=CONTENT_SECURITY_POLICY)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=max_body_bytes)
    app.include_router(store_routes.router)
    app.include_router(analytics_routes.router)
    app.include_router(write_routes.router)
    _install_dashboard(app, DASHBOARD_DIR)
    return app
