"""The benchmark's second reference: gunicorn serving the article's HTML from memory.

A WSGI application that answers every request with the file named by
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
