"""Real servers a test starts and stops itself: its own Redis on its own port (never the shared
one), and a gunicorn app server on the test database, spoken to over HTTP like a browser."""

import http.cookiejar
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from tests.services.workers import wait_until


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers_ping(port) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """`redis-server` on a port of its own, keeping nothing on disk; stop() and start() again
    on the same port, as an outage and its end."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.process = None

    def url(self, db=0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(lambda: answers_ping(self.port), timeout=15, what="our own Redis")

    def pause(self):
        """Stalled, not stopped: it keeps its data and answers nothing, like a partition."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        wait_until(lambda: not answers_ping(self.port), timeout=15, what="Redis to stop")


def database_url(**overrides) -> str:
    db = {**settings.DATABASES["default"], **overrides}
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


class AppServer:
    """gunicorn serving the project on the test database (or `DATABASE_URL` given in `env`)."""

    def __init__(self, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.process = None

    def __enter__(self):
        import os

        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "academy.wsgi"],
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "academy.settings.base",
                "DATABASE_URL": database_url(),
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": "1",
                "GUNICORN_ACCESS_LOG": os.devnull,
                "GUNICORN_LOG_LEVEL": "warning",
                "ALLOWED_HOSTS": "127.0.0.1",
                **self.env,
            },
            cwd=settings.BASE_DIR,
            start_new_session=True,
        )
        wait_until(self._listening, timeout=30, what="the app server")
        return self

    def _listening(self):
        if self.process.poll() is not None:
            raise AssertionError("The app server exited at start.")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    def browser(self) -> "Browser":
        return Browser(self.base)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body

    @property
    def location(self):
        return self.headers.get("Location", "")


class Browser:
    """Cookies, CSRF tokens from forms, redirects not followed (a test asserts each)."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def _open(self, request) -> Response:
        try:
            with self.opener.open(request, timeout=30) as reply:
                return Response(reply.status, reply.headers, reply.read().decode())
        except urllib.error.HTTPError as reply:
            return Response(reply.code, reply.headers, reply.read().decode())

    def get(self, path) -> Response:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path, data, *, form_page=None) -> Response:
        """POST `data` with the CSRF token of the form on `form_page` (default: `path`)."""
        page = self.get(form_page or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no form with a CSRF token on {form_page or path} ({page.status})"
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token.group(1)}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        return self._open(request)
