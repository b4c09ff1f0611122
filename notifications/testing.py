"""Test doubles for the unreachable parties: an SMS gateway that records, a local WeChat API server.

Only used by tests (``SMS_BACKEND="notifications.testing.RecordingSMSBackend"``).
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class RecordingSMSBackend:
    """Keeps every SMS in ``RecordingSMSBackend.outbox``; numbers in ``failing`` raise."""

    outbox: list[tuple[str, str]] = []
    failing: set[str] = set()
    fail_times: dict[str, int] = {}

    def send(self, mobile: str, text: str, *, template=None, params=None):
        remaining = self.fail_times.get(mobile, 0)
        if mobile in self.failing or remaining:
            if remaining:
                self.fail_times[mobile] = remaining - 1
            raise ConnectionError(f"短信网关拒绝 {mobile}")
        self.outbox.append((mobile, text))

    @classmethod
    def reset(cls):
        cls.outbox = []
        cls.failing = set()
        cls.fail_times = {}


class FakeWeChatServer:
    """A local HTTP server answering the two WeChat endpoints the adapter calls."""

    def __init__(self):
        self.sent = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, body):
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                query = parse_qs(urlparse(self.path).query)
                if query.get("secret") == ["right-secret"]:
                    self._reply({"access_token": "TOKEN-1", "expires_in": 7200})
                else:
                    self._reply({"errcode": 40001, "errmsg": "invalid credential"})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                payload = json.loads(self.rfile.read(length).decode())
                token = parse_qs(urlparse(self.path).query).get("access_token")
                if token != ["TOKEN-1"]:
                    self._reply({"errcode": 40014, "errmsg": "invalid access_token"})
                    return
                server.sent.append(payload)
                self._reply({"errcode": 0, "errmsg": "ok", "msgid": len(server.sent)})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
