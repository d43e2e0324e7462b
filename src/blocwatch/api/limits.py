"""A request-body size limit that answers 413 with a JSON message, before any handler reads the body."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def too_large_message(max_bytes: int) -> str:
    return (
        f"request body is over the {max_bytes:,} byte limit "
        "(BLOCWATCH_MAX_INPUT_BYTES); send one article at a time"
    )


class BodyTooLarge(HTTPException):
    """Raised while a body without Content-Length is streamed in and passes the limit.

    It is an HTTPException so FastAPI passes it through its body parsing untouched, and the app's HTTP error
    handler turns it into the same JSON 413 that a declared oversize body gets.
    """

    def __init__(self, max_bytes: int) -> None:
        super().__init__(status_code=413, detail=too_large_message(max_bytes))


class BodySizeLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        if max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {max_bytes}")
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            try:
                declared_bytes = int(declared)
            except ValueError:
                response = JSONResponse({"detail": f"Content-Length {declared!r} is not a number"}, 400)
                await response(scope, receive, send)
                return
            if declared_bytes > self.max_bytes:
                # Answer without reading the body: a client sending 1 GB should not make us buffer it.
                await JSONResponse({"detail": too_large_message(self.max_bytes)}, 413)(scope, receive, send)
                return

        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counting_receive, send)
