"""The speed benchmark: ``make bench`` or ``python -m cms.pagecache.benchmark``.

Serves the demo site with the production settings through gunicorn, as it runs
behind the TLS-terminating proxy (requests carry ``X-Forwarded-Proto: https``
from loopback, which gunicorn trusts), and serves the same rendered article from
nginx as the physical limit of the machine. wrk loads both on loopback:

* the cached article (gunicorn, 2 workers, 16 connections), target: at least a
  tenth of nginx's requests per second;
* the same HTML from nginx (2 workers, 16 connections), the reference;
* the same HTML from gunicorn without Django (``static_app``), for information:
  the most gunicorn itself can serve here, the ceiling of any cached page;
* the uncached article (a second gunicorn with ``PAGE_CACHE=off``, one
  connection), target: median latency under 20 ms;
* the uncached article with 16 connections, for information.

gunicorn runs uvicorn's workers on ``cms.asgi``, as in production (the page cache
answers hits on the event loop; uvloop and httptools). ``--worker-class gthread``
measures the WSGI entry point (``cms.wsgi``) with 8 threads per worker instead.

Everything runs in a throwaway directory (a new SQLite database unless
``DATABASE_URL`` is given, the demo content, the collected static files, the
page cache) and every process is stopped on exit, Ctrl-C included. The figures
are printed and written to ``var/benchmark/latest.json`` and ``latest.md``.

Needs nginx and wrk (Debian/Ubuntu: ``sudo apt-get install nginx-light wrk``;
nginx is only run as the current user, never as a service).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from email.message import Message
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
HTTPS_HEADER = "X-Forwarded-Proto: https"
#: gunicorn's worker class for ASGI: uvicorn's (uvicorn-worker), with uvloop and httptools.
UVICORN_WORKER = "uvicorn_worker.UvicornWorker"
INSTALL_HINT = (
    "{tool} is needed for the benchmark and was not found. On Debian or Ubuntu: "
    "sudo apt-get install nginx-light wrk"
)

NGINX_CONF = """\
worker_processes {workers};
daemon off;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/nginx-tmp/body;
    proxy_temp_path {root}/nginx-tmp/proxy;
    fastcgi_temp_path {root}/nginx-tmp/fastcgi;
    uwsgi_temp_path {root}/nginx-tmp/uwsgi;
    scgi_temp_path {root}/nginx-tmp/scgi;
    types {{ text/html html; }}
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


@dataclass
class Result:
    name: str
    server: str
    connections: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def say(message: str) -> None:
    print(f"→ {message}", flush=True)


def find_tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin:/usr/local/sbin")
    if not found:
        sys.exit(INSTALL_HINT.format(tool=name))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"A server stopped at start (exit code {process.returncode}).")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"Nothing answers on port {port} after {timeout:.0f} s.")


def fetch(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (looked up without regard to case) and body of ``url``."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, response.headers, response.read()


class Processes:
    """Started servers, each in its own process group, all stopped on exit."""

    def __init__(self):
        self.running: list[subprocess.Popen] = []

    def start(self, args, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(args, start_new_session=True, **kwargs)  # noqa: S603
        self.running.append(process)
        return process

    def stop_all(self) -> None:
        for process in reversed(self.running):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.running):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.running.clear()


def run_manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def parse_duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(wrk: str, name: str, server: str, url: str, connections: int, seconds: int) -> Result:
    say(f"wrk: {name} ({connections} connection(s), {seconds} s)")
    threads = min(2, connections)
    args = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    output = subprocess.run(  # noqa: S603 - fixed arguments
        [*args, "-H", HTTPS_HEADER, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration_ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = parse_duration_ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    socket_errors = re.search(r"Socket errors:.*", output)
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(0)))
    return Result(name, server, connections, rate, round(p50, 3), round(p99, 3), errors)


def gunicorn_command(port: int, options, app: str | None = None) -> list[str]:
    asgi = options.worker_class == "asgi"
    if app is None:
        app = "cms.asgi:application" if asgi else "cms.wsgi:application"
    elif asgi:
        app = app.replace(":application", ":asgi_application")
    return [
        PYTHON,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(options.workers),
        "--worker-class",
        UVICORN_WORKER if asgi else options.worker_class,
        # More than one thread turns a sync worker into a gthread one.
        *(
            ["--threads", str(options.threads)]
            if options.worker_class == "gthread"
            else ["--worker-connections", "1000"]
            if asgi
            else []
        ),
        "--keep-alive",
        "30",
        # The proxy is on this machine: X-Forwarded-Proto is believed from loopback only.
        "--forwarded-allow-ips",
        "127.0.0.1,::1",
        "--log-level",
        "warning",
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn and nginx workers")
    parser.add_argument(
        "--threads",
        type=int,
        default=8,
        help="threads per gunicorn worker (2 x 8 = the 16 connections)",
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--output", type=Path, default=BASE_DIR / "var" / "benchmark", help="results folder"
    )
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder")
    parser.add_argument(
        "--worker-class",
        default="asgi",
        choices=["asgi", "gthread", "sync"],
        help="gunicorn workers: asgi (cms.asgi, production) or gthread/sync (cms.wsgi)",
    )
    parser.add_argument(
        "--skip-setup",
        action="store_true",
        help="use DATABASE_URL and STATIC_ROOT as they are (already migrated, seeded, collected)",
    )
    options = parser.parse_args(argv)

    nginx, wrk = find_tool("nginx"), find_tool("wrk")
    root = Path(tempfile.mkdtemp(prefix="xuantruong-bench-"))
    processes = Processes()
    # SIGTERM stops the run like Ctrl-C: the servers are stopped in the finally block.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    try:
        results, article_url = run(options, nginx, wrk, root, processes)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
        if not options.keep:
            shutil.rmtree(root, ignore_errors=True)
    report(options, results, article_url)
    return 0


def production_env(root: Path, database_url: str | None = None) -> dict:
    """The environment of a server run with the production settings from ``root`` (a
    throwaway folder): a fresh secret, the database (``DATABASE_URL`` unless given, else a
    new SQLite file), static files, uploads and the page cache in ``root``."""
    database_url = database_url or os.environ.get("DATABASE_URL")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url or f"sqlite:///{root / 'bench.sqlite3'}",
        "STATIC_ROOT": os.environ.get("STATIC_ROOT") or str(root / "static"),
        "MEDIA_ROOT": str(root / "media"),
        "PAGE_CACHE_DIR": str(root / "pagecache"),
        "LOG_LEVEL": "WARNING",
    }


def prepare_site(env: dict, skip_setup: bool = False) -> None:
    """Migrate, load the demo and collect the static files (``skip_setup``: all done)."""
    if skip_setup:
        if "DATABASE_URL" not in os.environ or "STATIC_ROOT" not in os.environ:
            sys.exit("--skip-setup needs DATABASE_URL and STATIC_ROOT.")
        return
    say("Database: migrate, demo content (seed_demo), collectstatic")
    # The demo refuses the production settings: the database is filled with the
    # development ones, then served with the production ones.
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    run_manage(seed_env, "migrate", "--noinput")
    run_manage(seed_env, "seed_demo")
    run_manage(env, "collectstatic", "--noinput")


def run(options, nginx: str, wrk: str, root: Path, processes: Processes):
    env = production_env(root)
    say(f"Throwaway folder: {root}")
    prepare_site(env, options.skip_setup)
    article_path = run_manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from articles.models import ArticlePage; "
        "print(ArticlePage.objects.live().public().filter(locale__language_code='vi')"
        ".order_by('-publication_date', 'pk').first().url)",
    ).split()[-1]

    cached_port, uncached_port, nginx_port = free_port(), free_port(), free_port()
    say(f"gunicorn (page cache on) on 127.0.0.1:{cached_port}")
    cached = processes.start(gunicorn_command(cached_port, options), cwd=BASE_DIR, env=env)
    say(f"gunicorn (page cache off) on 127.0.0.1:{uncached_port}")
    uncached = processes.start(
        gunicorn_command(uncached_port, options),
        cwd=BASE_DIR,
        env={**env, "PAGE_CACHE": "off"},
    )
    wait_for_port(cached_port, cached)
    wait_for_port(uncached_port, uncached)

    say(f"Article: {article_path}")
    cached_url = f"http://127.0.0.1:{cached_port}{article_path}"
    uncached_url = f"http://127.0.0.1:{uncached_port}{article_path}"
    status, _headers, html = fetch(cached_url)
    if status != 200:
        sys.exit(f"{cached_url} answered {status}")
    status, headers, again = fetch(cached_url)
    if headers.get("X-Page-Cache") != "hit" or again != html:
        sys.exit("The article was not served from the page cache on the second request.")
    for _ in range(3):
        fetch(uncached_url)  # warm both workers' templates and connections

    say(f"nginx serving the same HTML on 127.0.0.1:{nginx_port}")
    page_dir = root / "www" / article_path.strip("/")
    page_dir.mkdir(parents=True)
    # nginx started by root serves with an unprivileged worker: let it reach the page.
    root.chmod(0o711)
    for folder in [root / "www", *(root / "www").rglob("*")]:
        folder.chmod(0o755)
    (page_dir / "index.html").write_bytes(html)
    (root / "nginx-tmp").mkdir()
    conf = root / "nginx.conf"
    conf.write_text(NGINX_CONF.format(workers=options.workers, root=root, port=nginx_port))
    server = processes.start(
        [nginx, "-p", str(root), "-e", str(root / "nginx-error.log"), "-c", str(conf)]
    )
    wait_for_port(nginx_port, server)
    nginx_url = f"http://127.0.0.1:{nginx_port}{article_path}"
    if fetch(nginx_url)[2] != html:
        sys.exit("nginx does not serve the same HTML.")

    static_port = free_port()
    say(f"gunicorn serving the same HTML from memory, without Django, on 127.0.0.1:{static_port}")
    static = processes.start(
        gunicorn_command(static_port, options, "cms.pagecache.static_app:application"),
        cwd=BASE_DIR,
        env={**env, "BENCH_HTML": str(page_dir / "index.html")},
    )
    wait_for_port(static_port, static)
    static_url = f"http://127.0.0.1:{static_port}{article_path}"

    seconds, connections = options.seconds, options.connections
    results = [
        run_wrk(wrk, "cached article", "gunicorn", cached_url, connections, seconds),
        run_wrk(wrk, "same HTML", "nginx", nginx_url, connections, seconds),
        run_wrk(wrk, "same HTML, no Django", "gunicorn", static_url, connections, seconds),
        run_wrk(wrk, "uncached article", "gunicorn", uncached_url, 1, seconds),
        run_wrk(wrk, "uncached article", "gunicorn", uncached_url, connections, seconds),
    ]
    return results, article_path


def report(options, results: list[Result], article_url: str) -> None:
    cached, reference, uncached_one = results[0], results[1], results[3]
    ratio = cached.requests_per_second / reference.requests_per_second
    targets = {
        "cached article at 1/10 of nginx or better": ratio >= 0.1,
        "uncached article p50 under 20 ms (1 connection)": uncached_one.p50_ms < 20,
    }
    lines = [
        f"Article {article_url}; gunicorn {options.workers} "
        + ("uvicorn" if options.worker_class == "asgi" else options.worker_class)
        + " workers"
        + (f" x {options.threads} threads" if options.worker_class == "gthread" else "")
        + f", nginx {options.workers} workers, "
        f"wrk {options.seconds} s each, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}.",
        "",
        "| run | server | connections | req/s | p50 (ms) | p99 (ms) | vs nginx | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        share = result.requests_per_second / reference.requests_per_second
        lines.append(
            f"| {result.name} | {result.server} | {result.connections} | "
            f"{result.requests_per_second:,.0f} | {result.p50_ms:.2f} | {result.p99_ms:.2f} | "
            f"{share:.1%} | {result.errors} |"
        )
    lines.append("")
    for target, met in targets.items():
        lines.append(f"- {target}: {'met' if met else 'NOT met'}")
    text = "\n".join(lines)
    print()
    print(text)

    options.output.mkdir(parents=True, exist_ok=True)
    (options.output / "latest.md").write_text(text + "\n")
    payload = {
        "article": article_url,
        "workers": options.workers,
        "threads": options.threads,
        "seconds": options.seconds,
        "cpus": os.cpu_count(),
        "cached_to_nginx": round(ratio, 4),
        "targets": targets,
        "results": [asdict(result) for result in results],
    }
    (options.output / "latest.json").write_text(json.dumps(payload, indent=2) + "\n")
    say(f"Written to {options.output / 'latest.md'} and latest.json")


if __name__ == "__main__":
    sys.exit(main())
