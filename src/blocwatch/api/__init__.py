"""api stage: the REST API and the dashboard it serves (`blocwatch serve`).

    app = create_app("blocwatch.db")      # a FastAPI app; run it with uvicorn
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
