"""Pure ASGI middleware: a request-body size limit (413 with a JSON message) and security headers.

Both are plain ASGI rather than Starlette's BaseHTTPMiddleware, which runs the app in a task group and would
wrap an exception raised while the body streams in, turning the 413 into a generic 400.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
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


class SecurityHeadersMiddleware:
    """Adds headers to every response unless the handler set them: nosniff, no referrer, and a CSP."""

    def __init__(self, app: ASGIApp, content_security_policy: str) -> None:
        self.app = app
        self.headers = {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": content_security_policy,
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
