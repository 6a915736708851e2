#!/usr/bin/python3
"""A small, deterministic fake of the OpenAI chat completions API for trajc's tests.

Usage:
    fake_openai_server.py --port-file PATH [--port 0] [--latency-ms N] [--log PATH] [--api-key KEY]

Serves POST /v1/chat/completions and POST /chat/completions (so BASE_URL may or may not
end in /v1), GET /stats and POST /reset on 127.0.0.1. The bound port is written to
--port-file (atomically) once the socket listens. SIGTERM/SIGINT stop it with exit 0.

Answers are a pure function of the request, so tests can predict them:
    CONTENT = "reply " + sha256(canonical request)[:16]
where the canonical request is the JSON of the present keys among model, messages, tools,
temperature, max_tokens and seed (sort_keys, compact separators, ensure_ascii=False).
With response_format json_object/json_schema, CONTENT is '{"reply": "<hash16>", "n": <int>}'.

Faults are requested by a marker in the LAST message's content (the first marker wins):
    [[fault:KIND]]     fail every attempt
    [[fault:KIND*N]]   fail the first N attempts of this same canonical request, then answer
KIND is one of: 500, 503, 429, 429:S (Retry-After: S, default 1), slow:MS, malformed,
empty, nocontent, drop, badjson, badjson:shape, 400. An unknown KIND is answered with 400,
so that a typo in a test shows up instead of silently passing.

GET /stats -> {"requests": chat POSTs received, "completed": normal answers (slow ones
included), "faults": {KIND: count}}. POST /reset zeroes those and forgets attempt counts.
--log lines: {"n", "path", "model", "fault", "attempt", "key"}; fault is the KIND applied
(null for a normal answer, "401"/"invalid" for rejected requests, whose model/attempt/key
are null); n keeps counting across /reset. Headers are never logged.
"""

import argparse
import hashlib
import json
import os
import re
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
CANONICAL_KEYS = ("model", "messages", "tools", "temperature", "max_tokens", "seed")
MARKER_RE = re.compile(r"\[\[fault:([^\]]*)\]\]")
SIMPLE_KINDS = ("500", "503", "429", "malformed", "empty", "nocontent", "drop", "badjson", "400")


class ClientError(Exception):
    """A request the fake rejects with 400, like the real API would."""


class Fault:
    """One parsed [[fault:...]] marker."""

    def __init__(self, kind, arg, limit):
        self.kind = kind     # e.g. "429", "slow", "badjson"
        self.arg = arg       # the part after ':' ("3" in 429:3), or None
        self.limit = limit   # fail only the first `limit` attempts; None = every attempt


def parse_fault(text):
    """Return the first fault marker in `text`, or None. Raises ClientError for bad markers."""
    match = MARKER_RE.search(text)
    if not match:
        return None
    spec = match.group(1)
    limit = None
    if "*" in spec:
        spec, count = spec.rsplit("*", 1)
        if not count.isdigit():
            raise ClientError("bad fault repeat count in marker [[fault:%s]]" % match.group(1))
        limit = int(count)
    kind, _, arg = spec.partition(":")
    arg = arg or None
    valid = (
        (kind in SIMPLE_KINDS and arg is None)
        or (kind == "429" and arg is not None and arg.isdigit())
        or (kind == "slow" and arg is not None and arg.isdigit())
        or (kind == "badjson" and arg == "shape")
    )
    if not valid:
        raise ClientError("unknown fault marker [[fault:%s]]" % match.group(1))
    return Fault(kind, arg, limit)


def content_text(content):
    """Text of a message content: a string, None, or a list of OpenAI content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict)
                       and isinstance(p.get("text"), str))
    return ""


def validate_request(body):
    """Parse and check a chat request body; return the request dict or raise ClientError."""
    try:
        req = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ClientError("request body is not valid JSON: %s" % exc)
    if not isinstance(req, dict):
        raise ClientError("request body must be a JSON object")
    if not isinstance(req.get("model"), str) or not req["model"]:
        raise ClientError("you must provide a model parameter")
    msgs = req.get("messages")
    if not isinstance(msgs, list) or not msgs or not all(isinstance(m, dict) for m in msgs):
        raise ClientError("'messages' must be a non-empty array of message objects")
    return req


def request_hash(req):
    """sha256 hex of the canonical request: only the keys that decide the answer."""
    canon = {k: req[k] for k in CANONICAL_KEYS if k in req}
    text = json.dumps(canon, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def wants_json(req):
    fmt = req.get("response_format")
    return isinstance(fmt, dict) and fmt.get("type") in ("json_object", "json_schema")


def reply_content(req, digest, fault):
    """The assistant content: plain text, a JSON object, or deliberately bad JSON."""
    if fault is not None and fault.kind == "badjson":
        if fault.arg == "shape":
            return json.dumps({"reply": 5})  # valid JSON, wrong type for "reply", no "n"
        return '{"reply": "%s", "n": ' % digest[:16]  # truncated: not parseable
    if wants_json(req):
        return json.dumps({"reply": digest[:16], "n": int(digest[16:24], 16)})
    return "reply " + digest[:16]


def completion(req, digest, content):
    """An OpenAI-shaped chat.completion object."""
    prompt_chars = sum(len(content_text(m.get("content"))) for m in req["messages"])
    prompt_tokens = prompt_chars // 4 + 1
    completion_tokens = len(content or "") // 4 + 1
    return {
        "id": "chatcmpl-" + digest[:12],
        "object": "chat.completion",
        "created": 0,
        "model": req["model"],
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content},
            "finish_reason": "stop",
        }],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def error_body(message, etype, code=None):
    return {"error": {"message": message, "type": etype, "param": None, "code": code}}


class State:
    """Counters and per-request attempt memory, shared by all handler threads."""

    def __init__(self, log_path):
        self.lock = threading.Lock()
        self.seq = 0  # log sequence number; never reset, so log lines stay unique
        self.log_file = open(log_path, "a", encoding="utf-8") if log_path else None
        self.reset()

    def reset(self):
        with self.lock:
            self.requests = 0
            self.completed = 0
            self.faults = {}
            self.attempts = {}

    def count_request(self):
        with self.lock:
            self.requests += 1

    def next_attempt(self, digest):
        with self.lock:
            self.attempts[digest] = self.attempts.get(digest, 0) + 1
            return self.attempts[digest]

    def count_fault(self, kind):
        with self.lock:
            self.faults[kind] = self.faults.get(kind, 0) + 1

    def count_completed(self):
        with self.lock:
            self.completed += 1

    def stats(self):
        with self.lock:
            return {"requests": self.requests, "completed": self.completed, "faults": dict(self.faults)}

    def log(self, path, model, fault, attempt, digest):
        # Deliberately no headers: the Authorization header must never reach the log.
        if self.log_file is None:
            return
        with self.lock:
            self.seq += 1
            entry = {"n": self.seq, "path": path, "model": model, "fault": fault,
                     "attempt": attempt, "key": digest}
            self.log_file.write(json.dumps(entry) + "\n")
            self.log_file.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length
    # Headers and body leave in two writes; with Nagle on, the body waits for the client's
    # delayed ACK (~40 ms), which would be measured as the client's overhead.
    disable_nagle_algorithm = True
    server_version = "FakeOpenAI/1.0"

    def log_message(self, format, *args):
        pass  # quiet: tests read --log or /stats instead of stderr noise

    # ---- plumbing -------------------------------------------------------------------------

    def read_body(self):
        """The whole request body (Content-Length or chunked), so keep-alive stays in sync."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self.read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def read_chunked(self):
        parts = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # skip trailers
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()  # CRLF after each chunk

    def send_raw(self, status, data, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status, obj, headers=None):
        self.send_raw(status, json.dumps(obj).encode("utf-8"), headers)

    def send_error_json(self, status, message, etype, code=None, headers=None):
        self.send_json(status, error_body(message, etype, code), headers)

    def drop_connection(self):
        # Close without a single byte of response: the client sees a connection error.
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def authorized(self):
        key = self.server.api_key
        return key is None or self.headers.get("Authorization", "") == "Bearer " + key

    # ---- routes ---------------------------------------------------------------------------

    def do_GET(self):
        if self.path.split("?")[0] == "/stats":
            self.send_json(200, self.server.state.stats())
        else:
            self.send_error_json(404, "no route for GET %s" % self.path, "invalid_request_error")

    def do_POST(self):
        path = self.path.split("?")[0]
        try:
            body = self.read_body()
        except (ValueError, OSError):
            self.close_connection = True  # cannot resync a broken body; drop keep-alive
            self.send_error_json(400, "unreadable request body", "invalid_request_error")
            return
        if path == "/reset":
            self.server.state.reset()
            self.send_json(200, {"reset": True})
        elif path in CHAT_PATHS:
            self.chat(path, body)
        else:
            self.send_error_json(404, "no route for POST %s" % path, "invalid_request_error")

    def chat(self, path, body):
        state = self.server.state
        state.count_request()
        if not self.authorized():
            state.log(path, None, "401", None, None)
            self.send_error_json(401, "Incorrect API key provided.", "invalid_request_error",
                                 "invalid_api_key")
            return
        try:
            req = validate_request(body)
            digest = request_hash(req)
            fault = parse_fault(content_text(req["messages"][-1].get("content")))
        except ClientError as exc:
            state.log(path, None, "invalid", None, None)
            self.send_error_json(400, str(exc), "invalid_request_error")
            return
        attempt = state.next_attempt(digest)
        if fault is not None and fault.limit is not None and attempt > fault.limit:
            fault = None  # the first N attempts failed; this one succeeds
        kind = fault.kind if fault else None
        if kind:
            state.count_fault(kind)
        state.log(path, req["model"], kind, attempt, digest)
        self.answer(req, digest, fault)

    def answer(self, req, digest, fault):
        """Send the completion, or the misbehaviour `fault` asks for."""
        kind = fault.kind if fault else None
        if kind in ("500", "503"):
            message = "The server had an error while processing your request."
            etype = "server_error" if kind == "500" else "service_unavailable"
            self.send_error_json(int(kind), message, etype)
        elif kind == "429":
            self.send_error_json(429, "Rate limit reached; please retry.", "rate_limit_error",
                                 "rate_limit_exceeded", {"Retry-After": fault.arg or "1"})
        elif kind == "400":
            self.send_error_json(400, "Invalid request (injected fault).", "invalid_request_error")
        elif kind == "drop":
            self.drop_connection()
        elif kind == "malformed":
            self.send_raw(200, b'{"id": "chatcmpl-' + digest[:12].encode() + b'", "choices": [')
        elif kind == "empty":
            obj = completion(req, digest, "")
            obj["choices"] = []
            self.send_json(200, obj)
        elif kind == "nocontent":
            self.send_json(200, completion(req, digest, None))
        elif kind == "badjson":
            self.send_json(200, completion(req, digest, reply_content(req, digest, fault)))
        else:
            if kind == "slow":
                time.sleep(int(fault.arg) / 1000.0)
            self.succeed(req, digest)

    def succeed(self, req, digest):
        if self.server.latency_ms:
            time.sleep(self.server.latency_ms / 1000.0)
        self.send_json(200, completion(req, digest, reply_content(req, digest, None)))
        self.server.state.count_completed()


class Server(ThreadingHTTPServer):
    daemon_threads = True     # a slow request must not keep the process alive at shutdown
    request_queue_size = 128  # concurrency tests open many connections at once

    def handle_error(self, request, client_address):
        # A client that gave up (timeout) makes our late write fail; that is expected.
        exc = sys.exc_info()[1]
        if not isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            super().handle_error(request, client_address)


def write_port_file(path, port):
    """Write the port then rename, so a reader never sees a partial file."""
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w", encoding="ascii") as f:
        f.write("%d\n" % port)
    os.replace(tmp, path)


def parse_args(argv):
    p = argparse.ArgumentParser(description="Fake OpenAI-compatible chat server for tests.")
    p.add_argument("--port-file", required=True, help="where to write the bound port")
    p.add_argument("--port", type=int, default=0, help="port to bind (0 = any free port)")
    p.add_argument("--latency-ms", type=int, default=0, help="delay before every success")
    p.add_argument("--log", help="append one JSON line per chat request here")
    p.add_argument("--api-key", help="require 'Authorization: Bearer KEY'")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    server = Server(("127.0.0.1", args.port), Handler)
    server.state = State(args.log)
    server.api_key = args.api_key
    server.latency_ms = args.latency_ms

    # serve_forever runs in a thread so the main thread can wait for a signal and call
    # shutdown(), which would deadlock if called from the serving thread itself.
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    write_port_file(args.port_file, server.server_address[1])
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
