#!/usr/bin/python3
"""Self-test for fake_openai_server.py: start it, exercise every behaviour, stop it.

Run: /usr/bin/python3 tests/llm/fake_openai_server_selftest.py
Prints "N passed, M failed" and exits non-zero if anything failed.
"""

import hashlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "fake_openai_server.py")
API_KEY = "sk-selftest-secret-123"
MODEL = "fake-model"

RESULTS = {"passed": 0, "failed": 0}
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def check(cond, message):
    if not cond:
        raise AssertionError(message)


# ---- server process -------------------------------------------------------------------------

class ServerProcess:
    def __init__(self, tmpdir, name, extra_args):
        self.port_file = os.path.join(tmpdir, name + ".port")
        self.log_path = os.path.join(tmpdir, name + ".log")
        cmd = [sys.executable, SERVER, "--port-file", self.port_file, "--port", "0",
               "--log", self.log_path] + extra_args
        self.proc = subprocess.Popen(cmd)
        self.port = self.wait_port()
        self.base = "http://127.0.0.1:%d" % self.port

    def wait_port(self, timeout=5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.path.exists(self.port_file):
                with open(self.port_file, encoding="ascii") as f:
                    return int(f.read().strip())
            if self.proc.poll() is not None:
                raise RuntimeError("server exited early with %s" % self.proc.returncode)
            time.sleep(0.02)
        raise RuntimeError("server did not write its port file")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


# ---- client helpers ---------------------------------------------------------------------------

class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def fetch(url, data=None, key=API_KEY, timeout=5.0, raw=None):
    """POST (when data/raw given) or GET `url`; returns a Reply, also for 4xx/5xx."""
    headers = {"Content-Type": "application/json"}
    if key is not None:
        headers["Authorization"] = "Bearer " + key
    body = raw if raw is not None else (json.dumps(data).encode() if data is not None else None)
    req = urllib.request.Request(url, data=body, headers=headers,
                                 method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Reply(resp.status, resp.headers, resp.read())
    except urllib.error.HTTPError as err:
        return Reply(err.code, err.headers, err.read())


def chat_request(text, model=MODEL, **extra):
    req = {"model": model, "messages": [{"role": "user", "content": text}]}
    req.update(extra)
    return req


def chat(base, text, path="/v1/chat/completions", **kw):
    timeout = kw.pop("timeout", 5.0)
    key = kw.pop("key", API_KEY)
    return fetch(base + path, chat_request(text, **kw), key=key, timeout=timeout)


def expected_hash(req):
    """Independent re-implementation of the documented canonical hash."""
    keys = ("model", "messages", "tools", "temperature", "max_tokens", "seed")
    canon = {k: req[k] for k in keys if k in req}
    text = json.dumps(canon, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_of(reply):
    return reply.json()["choices"][0]["message"]["content"]


def check_error(reply, status, etype=None):
    check(reply.status == status, "expected %d, got %d: %r" % (status, reply.status, reply.body))
    err = reply.json()["error"]
    check(isinstance(err["message"], str) and err["message"], "error message missing")
    if etype:
        check(err["type"] == etype, "error type %r != %r" % (err["type"], etype))


# ---- tests -----------------------------------------------------------------------------------

@test
def success_shape_and_content(s):
    req = chat_request("héllo world", temperature=0, max_tokens=64, seed=7,
                       tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}])
    r = fetch(s.base + "/v1/chat/completions", req)
    check(r.status == 200, "status %d" % r.status)
    check(r.headers["Content-Length"] == str(len(r.body)), "Content-Length mismatch")
    obj = r.json()
    h = expected_hash(req)
    check(obj["id"] == "chatcmpl-" + h[:12], "id %r" % obj["id"])
    check(obj["object"] == "chat.completion" and obj["created"] == 0, "object/created")
    check(obj["model"] == MODEL, "model echoed")
    choice = obj["choices"][0]
    check(choice["index"] == 0 and choice["finish_reason"] == "stop", "choice fields")
    check(choice["message"] == {"role": "assistant", "content": "reply " + h[:16]}, "message")
    usage = obj["usage"]
    p = len("héllo world") // 4 + 1
    c = len("reply " + h[:16]) // 4 + 1
    check(usage == {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c},
          "usage %r" % usage)


@test
def deterministic_and_both_paths(s):
    a = content_of(chat(s.base, "same"))
    b = content_of(chat(s.base, "same", path="/chat/completions"))
    c = content_of(chat(s.base, "different"))
    d = content_of(chat(s.base, "same", response_format={"type": "text"}))
    check(a == b, "same request, different answers: %r %r" % (a, b))
    check(a != c, "different requests, same answer")
    check(a == d, "response_format is not part of the canonical hash")


@test
def json_response_formats(s):
    for fmt in ({"type": "json_object"},
                {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}}):
        req = chat_request("give json", response_format=fmt)
        content = content_of(fetch(s.base + "/v1/chat/completions", req))
        obj = json.loads(content)
        check(obj["reply"] == expected_hash(req)[:16], "json reply %r" % obj)
        check(isinstance(obj["n"], int), "n is an int")


@test
def unauthorized(s):
    check_error(chat(s.base, "hi", key=None), 401, "invalid_request_error")
    check_error(chat(s.base, "hi", key="wrong"), 401, "invalid_request_error")


@test
def invalid_requests(s):
    url = s.base + "/v1/chat/completions"
    check_error(fetch(url, raw=b"{not json"), 400, "invalid_request_error")
    check_error(fetch(url, {"messages": [{"role": "user", "content": "x"}]}), 400, "invalid_request_error")
    check_error(fetch(url, {"model": MODEL}), 400, "invalid_request_error")
    check_error(fetch(url, [1, 2]), 400, "invalid_request_error")
    check_error(chat(s.base, "[[fault:nonsense]]"), 400, "invalid_request_error")


@test
def fault_500_and_503_always(s):
    for _ in range(2):
        check_error(chat(s.base, "x [[fault:500]]"), 500)
        check_error(chat(s.base, "x [[fault:503]]"), 503)


@test
def fault_star_n_then_success(s):
    text = "retry me [[fault:500*2]]"
    check_error(chat(s.base, text), 500)
    check_error(chat(s.base, text), 500)
    r = chat(s.base, text)
    check(r.status == 200, "third attempt should succeed, got %d" % r.status)
    check(content_of(r).startswith("reply "), "normal answer after faults")
    check(chat(s.base, text).status == 200, "stays successful")
    # A different request (other text) has its own attempt count.
    check_error(chat(s.base, "retry me too [[fault:503*1]]"), 503)
    check(chat(s.base, "retry me too [[fault:503*1]]").status == 200, "503*1 then success")


@test
def fault_429_retry_after(s):
    r = chat(s.base, "[[fault:429]]")
    check_error(r, 429, "rate_limit_error")
    check(r.headers["Retry-After"] == "1", "default Retry-After %r" % r.headers["Retry-After"])
    r = chat(s.base, "[[fault:429:3]]")
    check_error(r, 429)
    check(r.headers["Retry-After"] == "3", "Retry-After %r" % r.headers["Retry-After"])
    check_error(chat(s.base, "q [[fault:429:2*1]]"), 429)
    check(chat(s.base, "q [[fault:429:2*1]]").status == 200, "429:2*1 then success")


@test
def fault_slow(s):
    t0 = time.monotonic()
    try:
        chat(s.base, "[[fault:slow:1500]]", timeout=0.4)
        raise AssertionError("client with a 0.4 s timeout should have timed out")
    except (socket.timeout, TimeoutError):
        pass
    except urllib.error.URLError as err:
        check(isinstance(err.reason, (socket.timeout, TimeoutError)), "reason %r" % err.reason)
    check(time.monotonic() - t0 < 1.2, "timeout took too long")
    t0 = time.monotonic()
    r = chat(s.base, "[[fault:slow:200]]", timeout=5)
    check(r.status == 200 and time.monotonic() - t0 >= 0.2, "slow:200 answers after 200 ms")


@test
def fault_malformed_empty_nocontent(s):
    r = chat(s.base, "[[fault:malformed]]")
    check(r.status == 200, "malformed status")
    try:
        json.loads(r.body)
        raise AssertionError("malformed body parsed as JSON")
    except ValueError:
        pass
    r = chat(s.base, "[[fault:empty]]")
    check(r.status == 200 and r.json()["choices"] == [], "empty choices")
    r = chat(s.base, "[[fault:nocontent]]")
    check(r.status == 200 and content_of(r) is None, "null content")


@test
def fault_drop(s):
    for _ in range(2):
        try:
            r = chat(s.base, "[[fault:drop]]")
            raise AssertionError("drop answered with %d" % r.status)
        except (ConnectionError, http.client.HTTPException, urllib.error.URLError):
            pass
    text = "[[fault:drop*1]] once"
    try:
        chat(s.base, text)
        raise AssertionError("first drop*1 attempt answered")
    except (ConnectionError, http.client.HTTPException, urllib.error.URLError):
        pass
    check(chat(s.base, text).status == 200, "drop*1 then success")


@test
def fault_badjson(s):
    fmt = {"type": "json_object"}
    content = content_of(chat(s.base, "[[fault:badjson]]", response_format=fmt))
    try:
        json.loads(content)
        raise AssertionError("badjson content parsed: %r" % content)
    except ValueError:
        pass
    obj = json.loads(content_of(chat(s.base, "[[fault:badjson:shape]]", response_format=fmt)))
    check(not isinstance(obj.get("reply"), str), "badjson:shape has a wrong-typed reply")
    check(content_of(chat(s.base, "z [[fault:badjson*1]]", response_format=fmt))[0] == "{", "json-ish")
    obj = json.loads(content_of(chat(s.base, "z [[fault:badjson*1]]", response_format=fmt)))
    check(isinstance(obj["reply"], str), "badjson*1 then valid JSON")


@test
def fault_400(s):
    check_error(chat(s.base, "[[fault:400]]"), 400, "invalid_request_error")


@test
def marker_rules(s):
    check_error(chat(s.base, "a [[fault:503]] b [[fault:500]]"), 503)
    req = {"model": MODEL, "messages": [{"role": "user", "content": "[[fault:500]]"},
                                        {"role": "assistant", "content": "ok"},
                                        {"role": "user", "content": "fine"}]}
    check(fetch(s.base + "/v1/chat/completions", req).status == 200, "only the last message counts")
    parts = [{"type": "text", "text": "parts "}, {"type": "text", "text": "[[fault:503]]"}]
    check_error(fetch(s.base + "/v1/chat/completions", chat_request(parts)), 503)


@test
def stats_and_reset(s):
    check(fetch(s.base + "/reset", raw=b"").status == 200, "reset")
    check(fetch(s.base + "/stats").json() == {"requests": 0, "completed": 0, "faults": {}}, "zeroed")
    chat(s.base, "s1")
    chat(s.base, "s2 [[fault:500*1]]")
    chat(s.base, "s2 [[fault:500*1]]")
    chat(s.base, "s3 [[fault:429]]")
    st = fetch(s.base + "/stats").json()
    check(st == {"requests": 4, "completed": 2, "faults": {"500": 1, "429": 1}}, "stats %r" % st)
    fetch(s.base + "/reset", raw=b"")
    check_error(chat(s.base, "s2 [[fault:500*1]]"), 500)  # attempt memory cleared too
    check(fetch(s.base + "/stats").json()["requests"] == 1, "counting restarts")


@test
def keep_alive_and_chunked(s):
    conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=5)
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + API_KEY}
    for i, status in ((0, 200), (1, 500), (2, 400), (3, 200)):
        text = "ka %d" % i + (" [[fault:500]]" if status == 500 else "")
        body = b"{bad" if status == 400 else json.dumps(chat_request(text)).encode()
        conn.request("POST", "/v1/chat/completions", body, headers)
        resp = conn.getresponse()
        resp.read()
        check(resp.status == status, "keep-alive request %d: %d" % (i, resp.status))
        if i == 0:
            sock = conn.sock
        check(conn.sock is sock, "connection was not reused")
    body = iter([json.dumps(chat_request("chunked")).encode()])
    conn.request("POST", "/chat/completions", body, headers, encode_chunked=True)
    resp = conn.getresponse()
    check(resp.status == 200 and json.loads(resp.read())["model"] == MODEL, "chunked body")
    conn.close()


@test
def concurrent_requests(s):
    results = []

    def worker(i):
        results.append(chat(s.base, "par %d [[fault:slow:500]]" % i).status)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    check(results == [200] * 8, "statuses %r" % results)
    check(elapsed < 2.0, "8 x slow:500 took %.2f s: not concurrent" % elapsed)


@test
def log_lines(s):
    with open(s.log_path, encoding="utf-8") as f:
        text = f.read()
    check(API_KEY not in text and "Bearer" not in text, "the API key leaked into the log")
    entries = [json.loads(line) for line in text.splitlines()]
    check(entries, "log is empty")
    check([e["n"] for e in entries] == list(range(1, len(entries) + 1)), "sequence numbers")
    for e in entries:
        check(set(e) == {"n", "path", "model", "fault", "attempt", "key"}, "fields %r" % e)
    faulted = [e for e in entries if e["fault"] == "500" and e["attempt"] == 2]
    check(faulted and len(faulted[0]["key"]) == 64, "a 500 on attempt 2 was logged")
    ok = [e for e in entries if e["fault"] is None]
    check(ok and ok[0]["model"] == MODEL and ok[0]["path"] in
          ("/v1/chat/completions", "/chat/completions"), "success logged")


def latency_server_test(tmpdir):
    """A second server: --latency-ms applies, and no --api-key means no auth needed."""
    s = ServerProcess(tmpdir, "latency", ["--latency-ms", "300"])
    try:
        t0 = time.monotonic()
        r = chat(s.base, "lat", key=None)
        check(r.status == 200 and time.monotonic() - t0 >= 0.3, "latency not applied")
    finally:
        check(s.stop() == 0, "latency server exit code")


# ---- runner ----------------------------------------------------------------------------------

def run(name, fn, *args):
    try:
        fn(*args)
        RESULTS["passed"] += 1
        print("PASS", name)
    except Exception:
        RESULTS["failed"] += 1
        print("FAIL", name)
        traceback.print_exc(file=sys.stdout)


def main():
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmpdir:
        server = ServerProcess(tmpdir, "main", ["--api-key", API_KEY])
        try:
            for fn in TESTS:
                run(fn.__name__, fn, server)
        finally:
            code = server.stop()
        run("sigterm_exits_0", lambda: check(code == 0, "exit code %r" % code))
        run("latency_and_no_key", latency_server_test, tmpdir)
    print("elapsed %.1f s" % (time.monotonic() - t0))
    print("%d passed, %d failed" % (RESULTS["passed"], RESULTS["failed"]))
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
