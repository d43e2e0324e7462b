"""api stage: the REST API and the dashboard it serves (`blocwatch serve`).

`create_app("blocwatch.db")` gives a FastAPI app to run with uvicorn; docs/api.md describes the endpoints.
"""

from __future__ import annotations

from blocwatch.api.app import CONTENT_SECURITY_POLICY, DASHBOARD_DIR, create_app
from blocwatch.api.models import ExtractRequest, IngestRequest, IngestResponse

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "DASHBOARD_DIR",
    "ExtractRequest",
    "IngestRequest",
    "IngestResponse",
    "create_app",
]
