#!/usr/bin/env python3
"""A referral partner's receiver for the helpline's webhook, in one file, Python 3 standard library only.

It checks what docs/referral-webhook.md asks a partner to check: the HMAC-SHA256 signature over
"<timestamp>.<body>" with the shared secret, a timestamp no older (or newer) than five minutes, and the
Idempotency-Key, so that a referral sent twice (after a crash on either side) is kept once. A verified referral
is written to one file per reference, readable only by the user running this, and answered 200.

    HELPLINE_SECRET='the shared secret' python3 receiver.py --port 8443 --store ./referrals \
        --cert server.pem --key server-key.pem

Without --cert it speaks plain HTTP: only behind a TLS-terminating proxy, or on localhost to try it out.
It logs the reference and the outcome of each request, never the referral itself.
"""
import argparse
import hashlib
import hmac
import json
import os
import re
import ssl
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300
MAX_BODY = 64 * 1024
REFERENCE = re.compile(r"^HLP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")


def verify(secret: bytes, timestamp: str, signature: str, body: bytes, now: float) -> bool:
    """True when the timestamp is fresh and the signature is HMAC-SHA256(secret, timestamp + "." + body)."""
    if not timestamp or not timestamp.isdigit() or not signature or not signature.startswith("sha256="):
        return False
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest("sha256=" + expected, signature)


class Receiver(BaseHTTPRequestHandler):
    # HTTP/1.1: a client may send the next request on the same connection (with HTTP/1.0 the server closes it
    # after each answer, and a client that reuses it meanwhile gets no answer at all)
    protocol_version = "HTTP/1.1"
    secret = b""
    store = "."

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            self.close_connection = True  # the body was not read: the connection cannot carry another request
            return self.answer(413 if length > MAX_BODY else 400, "bad_length", None)
        body = self.rfile.read(length)
        reference = self.headers.get("Idempotency-Key", "")
        if not REFERENCE.match(reference):
            return self.answer(400, "bad_idempotency_key", None)
        if not verify(self.secret, self.headers.get("X-Helpline-Timestamp"),
                      self.headers.get("X-Helpline-Signature"), body, time.time()):
            return self.answer(401, "bad_signature", reference)
        try:
            referral = json.loads(body)
        except ValueError:
            return self.answer(400, "bad_json", reference)
        if referral.get("reference") != reference:
            return self.answer(400, "reference_mismatch", reference)
        path = os.path.join(self.store, reference + ".json")
        if os.path.exists(path):
            return self.answer(200, "duplicate", reference)  # already kept: the helpline sent it again
        descriptor = os.open(path + ".part", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(body)
        os.replace(path + ".part", path)
        return self.answer(200, "received", reference)

    def answer(self, status, outcome, reference):
        payload = json.dumps({"outcome": outcome}).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        sys.stderr.write("referral reference=%s status=%d outcome=%s\n" % (reference or "-", status, outcome))

    def log_message(self, format, *args):
        pass  # the default line names the client's address; answer() logs what is needed


def main():
    parser = argparse.ArgumentParser(description="Receive the helpline's signed referrals.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument("--store", default="referrals", help="folder for one file per referral")
    parser.add_argument("--cert", help="TLS certificate (PEM); without it, plain HTTP")
    parser.add_argument("--key", help="TLS private key (PEM)")
    options = parser.parse_args()
    secret = os.environ.get("HELPLINE_SECRET", "")
    if len(secret) < 32:
        sys.exit("set HELPLINE_SECRET to the shared secret (at least 32 characters)")
    os.makedirs(options.store, mode=0o700, exist_ok=True)
    Receiver.secret = secret.encode("utf-8")
    Receiver.store = options.store
    server = ThreadingHTTPServer((options.host, options.port), Receiver)
    if options.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(options.cert, options.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    sys.stderr.write("listening on %s:%d\n" % (options.host, server.server_address[1]))
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
