"""The benchmark's second reference: gunicorn serving the article's HTML from memory.

A WSGI (and an ASGI) application that answers every request with the file named by
``BENCH_HTML``, with no Django at all: the most gunicorn itself can serve on the
machine, to compare the page cache's hits with (``cms.pagecache.benchmark``).
"""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_HTML"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]


ASGI_HEADERS = [(name.lower().encode(), value.encode()) for name, value in HEADERS]


async def asgi_application(scope, receive, send):
    """The same for an ASGI server (the benchmark's uvicorn workers)."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    await send({"type": "http.response.start", "status": 200, "headers": ASGI_HEADERS})
    await send({"type": "http.response.body", "body": BODY})
