"""A small HTTP load generator (threads, one connection per request as gunicorn's sync workers
close them): requests per second and latency percentiles for one URL."""

import http.client
import statistics
import threading
import time
from urllib.parse import urlsplit


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def hammer(url, *, headers=None, concurrency=8, seconds=5.0, expect=200):
    """Request `url` from `concurrency` threads for `seconds`; returns a dict of rate (req/s),
    p50 and p95 (ms), errors (responses other than `expect`) and the last response's headers."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, errors, last_headers = [], [], {}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker():
        mine, bad = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            response.read()
            connection.close()
            mine.append(time.perf_counter() - started)
            if response.status != expect:
                bad += 1
            last_headers.update(response.getheaders())
        with lock:
            latencies.extend(mine)
            errors.append(bad)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "rate": len(latencies) / elapsed,
        "p50": 1000 * statistics.median(latencies),
        "p95": 1000 * percentile(latencies, 95),
        "requests": len(latencies),
        "errors": sum(errors),
        "headers": last_headers,
    }
