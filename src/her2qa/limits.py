"""Request-body limit for the web app, enforced before anything parses the body.

A pure ASGI middleware: a request whose ``Content-Length`` exceeds the limit gets ``413`` without
its body being parsed or kept (it is read and discarded, up to 2× the limit, so a client sending a
little too much sees the 413 instead of a reset); a request without one (chunked) is buffered only up to the limit, answered
with ``413`` as soon as it passes it, and otherwise handed on unchanged. Nothing of a rejected body
is echoed back.

Used by :func:`her2qa.ui.serve` through Gradio's ``launch(app_kwargs={"middleware": ...})``.
"""

from __future__ import annotations

import json


class BodyLimitMiddleware:
    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes
        # A rejected body is read and thrown away up to this many bytes before the 413 goes out
        # (never kept: memory stays flat). A client still sending when the server closes gets a
        # reset that can swallow the 413; nginx's "lingering close" does the same for the same reason.
        # Draining costs memory in the server's buffers (measured: +85 MB for 16 MiB drained, +1 MB
        # for 1 MiB), so it stays small.
        self.drain_limit = 2 * max_bytes

    async def __call__(self, scope, receive, send):
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        length = None
        for key, value in scope.get("headers") or []:
            if key.lower() == b"content-length":
                length = value
                break
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                await self._reject(send, 400, "invalid Content-Length")
                return
            if size > self.max_bytes:
                await self._drain(receive, self.drain_limit)
                await self._reject(send, 413, f"request body of {size} bytes is over the limit of "
                                              f"{self.max_bytes} bytes (HER2QA_MAX_BODY_BYTES)")
                return

            await self.app(scope, receive, send)  # the server itself stops at Content-Length
            return
        # No Content-Length (chunked): read at most max_bytes + 1 into memory, then replay it.
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message.get("type") != "http.request":
                return  # the client went away
            body = message.get("body") or b""
            received += len(body)
            if received > self.max_bytes:
                if message.get("more_body"):
                    await self._drain(receive, self.drain_limit - received)
                await self._reject(send, 413, f"request body is over the limit of {self.max_bytes} bytes "
                                              f"(HER2QA_MAX_BODY_BYTES)")
                return
            chunks.append(body)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _drain(receive, limit: int, seconds: float = 2.0) -> None:
        """Read and discard what the client is still sending: at most ``limit`` bytes and ``seconds``."""
        import asyncio

        try:
            await asyncio.wait_for(BodyLimitMiddleware._discard(receive, limit), seconds)
        except asyncio.TimeoutError:
            pass

    @staticmethod
    async def _discard(receive, limit: int) -> None:
        drained = 0
        while drained <= limit:
            message = await receive()
            if message.get("type") != "http.request":
                return
            drained += len(message.get("body") or b"")
            if not message.get("more_body"):
                return

    @staticmethod
    async def _reject(send, status: int, message: str) -> None:
        body = json.dumps({"error": message}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def body_limit_app_kwargs(max_bytes: int) -> dict:
    """``app_kwargs`` for ``gr.Blocks.launch`` that install :class:`BodyLimitMiddleware`."""
    from starlette.middleware import Middleware

    return {"middleware": [Middleware(BodyLimitMiddleware, max_bytes=max_bytes)]}
