"""Helpers of matching's tests: signing in with consent given, and a fake of the peer platform (全球撮合家)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from accounts.privacy import current_policy, record_consent
from matching import interop

SECRET = "peer-shared-secret-for-tests-0123456789"


def client_for(client, user):
    """``client`` signed in as ``user``, who has accepted the current privacy policy."""
    client.force_login(user)
    policy = current_policy()
    if policy is not None:
        record_consent(user, policy)
    return client


class FakePeer:
    """Accepts only webhooks signed with ``SECRET`` (else 401) and keeps them.

    ``received`` / ``refused`` hold the decoded documents; ``requests`` every raw (headers, body)
    pair, so a test can check it with ``interop.verify`` itself. ``fail_first`` answers that many
    requests with 503 before accepting any.
    """

    def __init__(self, fail_first=0):
        self.received, self.refused, self.requests, self.fail_first = [], [], [], fail_first
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if peer.fail_first:
                    peer.fail_first -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                peer.requests.append((self.headers, body))  # headers read case-insensitively, as a real peer does
                timestamp, nonce = self.headers[interop.TIMESTAMP_HEADER], self.headers[interop.NONCE_HEADER]
                ok = self.headers[interop.SIGNATURE_HEADER] == interop.signature(body, SECRET, timestamp, nonce)
                (peer.received if ok else peer.refused).append(json.loads(body))
                self.send_response(204 if ok else 401)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webhooks/xqch"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def documents(self):
        return [json.loads(body) for _, body in self.requests]
