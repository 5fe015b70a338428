"""The load test: ``make loadtest`` or ``python -m cms.pagecache.loadtest``.

Serves the demo site as in production — ``cms.asgi`` in gunicorn with 2 uvicorn workers,
PostgreSQL, behind the TLS proxy (requests carry ``X-Forwarded-Proto: https`` from
loopback) — and loads it with wrk on loopback, at the target concurrency (64
connections), over a mix of addresses a visitor opens: the home pages in Vietnamese and
English, an article, the news listing, a campaign, a search, the RSS feed, the sitemap
and an address that does not exist. Two scenarios, for a bounded time each (30 s by
default): the page cache on, as in production, and off (every page through Django).

It reports requests per second, the median and 99th percentile latency and the
unexpected answers: statuses other than 2xx/3xx (404 counts only for the address that
does not exist) and socket errors (connect, read, write, timeout). It exits with status 1
if there was any, 0 otherwise.

The demo is loaded into a throwaway PostgreSQL database (``--database-url``, by default
``postgres://postgres@127.0.0.1:5432/loadtest``), created anew and dropped at the end;
servers, folders and the database are removed on exit, Ctrl-C included. The servers use
the setup of ``cms.pagecache.benchmark``. Figures are printed and written to
``var/loadtest/latest.md`` and ``latest.json``. Needs wrk (``apt-get install wrk``) and
a PostgreSQL server that the given user may create databases on.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path

from .benchmark import (
    BASE_DIR,
    HTTPS_HEADER,
    Processes,
    fetch,
    find_tool,
    gunicorn_command,
    prepare_site,
    production_env,
    run_manage,
    say,
    wait_for_port,
)

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/loadtest"
MISSING_PATH = "/vi/trang-khong-ton-tai/"

#: The mix: every request takes the next address (a round-robin per wrk thread), counts
#: the statuses, and the 404s of the missing address; ``done`` prints one JSON line.
WRK_SCRIPT = """\
local paths = {paths}
local missing = "{missing}"
local threads = {{}}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  statuses = {{}}
  sent_missing = 0
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if path == missing then sent_missing = sent_missing + 1 end
  return wrk.format("GET", path, {{["X-Forwarded-Proto"] = "https"}})
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals, missing_sent = {{}}, 0
  for _, thread in ipairs(threads) do
    missing_sent = missing_sent + thread:get("sent_missing")
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local parts = {{}}
  for status, count in pairs(totals) do
    table.insert(parts, string.format('"%s": %d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    'LOADTEST {{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "missing_sent": %d, "statuses": {{%s}}, "socket_errors": ' ..
    '{{"connect": %d, "read": %d, "write": %d, "timeout": %d}}}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, missing_sent, table.concat(parts, ", "),
    e.connect, e.read, e.write, e.timeout))
end
"""

#: Python run by ``manage.py shell`` on the demo database: the addresses of the mix.
URLS_CODE = """\
import json
from articles.models import ArticlePage
from campaigns.models import CampaignPage
article = (ArticlePage.objects.live().public().filter(locale__language_code="vi")
           .order_by("-publication_date", "pk").first())
campaign = (CampaignPage.objects.live().public().filter(locale__language_code="vi")
            .order_by("-start_date", "pk").first())
print(json.dumps({"article": article.url, "listing": article.get_parent().url,
                  "campaign": campaign.url}))
"""


@dataclass
class Scenario:
    name: str
    page_cache: bool
    connections: int
    seconds: int
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict
    expected_404: int
    unexpected_statuses: int
    socket_errors: dict

    @property
    def unexpected(self) -> int:
        return self.unexpected_statuses + sum(self.socket_errors.values())


def mix(urls: dict) -> list[str]:
    search = "/vi/tim-kiem/?" + urllib.parse.urlencode({"q": "xuân trường"})
    return [
        "/vi/",
        "/en/",
        urls["article"],
        urls["listing"],
        urls["campaign"],
        search,
        "/vi/feeds/rss/",
        "/sitemap.xml",
        MISSING_PATH,
    ]


def lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string of ASCII is a valid Lua string


def write_script(root: Path, paths: list[str]) -> Path:
    script = root / "mix.lua"
    table = "{" + ", ".join(lua_string(path) for path in paths) + "}"
    script.write_text(WRK_SCRIPT.format(paths=table, missing=MISSING_PATH))
    return script


def status_of(url: str) -> int:
    try:
        return fetch(url)[0]
    except urllib.error.HTTPError as error:
        return error.code


def check_mix(base: str, paths: list[str]) -> None:
    """Each address answers as expected before the load starts (and warms the workers)."""
    for path in paths:
        expected = 404 if path == MISSING_PATH else 200
        for _ in range(2):
            status = status_of(base + path)
            if status != expected:
                sys.exit(f"{path} answered {status} before the load (expected {expected}).")


def run_wrk(wrk: str, script: Path, base: str, name: str, options, cache: bool) -> Scenario:
    say(f"wrk: {name} ({options.connections} connections, {options.seconds} s)")
    output = subprocess.run(  # noqa: S603 - fixed arguments
        [
            wrk,
            f"-t{options.threads}",
            f"-c{options.connections}",
            f"-d{options.seconds}s",
            f"--timeout={options.timeout}s",
            "-s",
            str(script),
            "-H",
            HTTPS_HEADER,
            base + "/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("LOADTEST "))
    data = json.loads(line.removeprefix("LOADTEST "))
    statuses = {int(status): count for status, count in data["statuses"].items()}
    expected_404 = min(statuses.get(404, 0), data["missing_sent"])
    unexpected = sum(
        count for status, count in statuses.items() if not 200 <= status < 400 and status != 404
    ) + (statuses.get(404, 0) - expected_404)
    return Scenario(
        name=name,
        page_cache=cache,
        connections=options.connections,
        seconds=options.seconds,
        requests=data["requests"],
        requests_per_second=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        statuses=dict(sorted(statuses.items())),
        expected_404=expected_404,
        unexpected_statuses=unexpected,
        socket_errors=data["socket_errors"],
    )


def admin_url(database_url: str) -> str:
    parts = urllib.parse.urlsplit(database_url)
    return urllib.parse.urlunsplit(parts._replace(path="/postgres"))


def database_name(database_url: str) -> str:
    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        sys.exit(f"Not a plain database name: {name!r}")
    return name


def recreate_database(database_url: str, *, drop_only: bool = False) -> None:
    import psycopg

    name = database_name(database_url)
    with psycopg.connect(admin_url(database_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="duration of each scenario")
    parser.add_argument("--connections", type=int, default=64, help="the target concurrency")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's timeout per request (s)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--port", type=int, default=8131, help="first of the two loopback ports used"
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="throwaway database")
    parser.add_argument(
        "--output", type=Path, default=BASE_DIR / "var" / "loadtest", help="results folder"
    )
    parser.add_argument("--keep", action="store_true", help="keep the folder and the database")
    options = parser.parse_args(argv)

    wrk = find_tool("wrk")
    root = Path(tempfile.mkdtemp(prefix="xuantruong-loadtest-"))
    processes = Processes()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    try:
        scenarios, paths = run(options, wrk, root, processes)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
        if not options.keep:
            shutil.rmtree(root, ignore_errors=True)
            recreate_database(options.database_url, drop_only=True)
    report(options, scenarios, paths)
    return 1 if any(scenario.unexpected for scenario in scenarios) else 0


def run(options, wrk: str, root: Path, processes: Processes):
    say(f"Throwaway folder: {root}; database {database_name(options.database_url)}")
    recreate_database(options.database_url)
    env = production_env(root, options.database_url)
    prepare_site(env)
    paths = mix(json.loads(run_manage(env, "shell", "--no-imports", "-c", URLS_CODE)))
    script = write_script(root, paths)

    scenarios = []
    for offset, cache in enumerate((True, False)):
        port = options.port + offset
        name = f"mix, page cache {'on' if cache else 'off'}"
        say(f"gunicorn ({name}) on 127.0.0.1:{port}")
        # gunicorn_command reads the worker class, the workers and the threads.
        command = gunicorn_command(port, _GunicornOptions(options.workers))
        server = processes.start(
            command, cwd=BASE_DIR, env={**env, "PAGE_CACHE": "on" if cache else "off"}
        )
        wait_for_port(port, server)
        base = f"http://127.0.0.1:{port}"
        check_mix(base, paths)
        scenarios.append(run_wrk(wrk, script, base, name, options, cache))
        processes.stop_all()
    return scenarios, paths


@dataclass
class _GunicornOptions:
    workers: int
    worker_class: str = "asgi"
    threads: int = 1


def report(options, scenarios: list[Scenario], paths: list[str]) -> None:
    when = datetime.datetime.now().astimezone()
    lines = [
        f"gunicorn {options.workers} uvicorn workers (cms.asgi), PostgreSQL, wrk "
        f"{options.threads} threads, {options.connections} connections, "
        f"{options.seconds} s per scenario, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {when:%Y-%m-%d %H:%M %Z}.",
        "Mix (round-robin): " + ", ".join(f"`{path}`" for path in paths) + ".",
        "",
        "| scenario | requests | req/s | p50 | p99 | max | statuses | unexpected |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for s in scenarios:
        statuses = ", ".join(f"{status}: {count:,}" for status, count in s.statuses.items())
        lines.append(
            f"| {s.name} | {s.requests:,} | {s.requests_per_second:,.0f} | "
            f"{s.p50_ms:.1f} ms | {s.p99_ms:.1f} ms | {s.max_ms:.0f} ms | {statuses} | "
            f"{s.unexpected} |"
        )
    lines.append("")
    for s in scenarios:
        errors = ", ".join(f"{kind} {count}" for kind, count in s.socket_errors.items())
        lines.append(
            f"- {s.name}: {s.unexpected_statuses} unexpected statuses "
            f"({s.expected_404:,} expected 404s), socket errors: {errors}"
        )
    text = "\n".join(lines)
    print()
    print(text)
    options.output.mkdir(parents=True, exist_ok=True)
    (options.output / "latest.md").write_text(text + "\n")
    payload = {
        "when": when.isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "paths": paths,
        "scenarios": [{**asdict(s), "unexpected": s.unexpected} for s in scenarios],
    }
    (options.output / "latest.json").write_text(json.dumps(payload, indent=2) + "\n")
    say(f"Written to {options.output / 'latest.md'} and latest.json")


if __name__ == "__main__":
    sys.exit(main())
