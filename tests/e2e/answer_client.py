#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A team member, and a few hostile clients, against `rapport pulse serve` on loopback.

    answer_client.py URL CODE1 CODE2

Answers with CODE1 through Python's http.client as a browser would (GET the page, POST the form,
follow the redirect), replays it, guesses a code, sends a value off the scale, a body and a header
past the caps, a huge declared length, a malformed request and a flood of page fetches, then
answers with CODE2. Bounded in count and time; loopback only. Exits 0 when the server answered
each as it should, else prints what differed and exits 1.
"""
import http.client
import socket
import sys
import time
import urllib.parse

failures = []


def expect(what, got, wanted):
    if got != wanted:
        failures.append(f"{what}: got {got!r}, wanted {wanted!r}")


def connection(url):
    parts = urllib.parse.urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "::1", "localhost"):
        sys.exit(f"answer_client.py: {url} is not on loopback")
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)


def post(url, fields, content_type="application/x-www-form-urlencoded"):
    c = connection(url)
    body = urllib.parse.urlencode(fields)
    c.request("POST", "/", body=body, headers={"Content-Type": content_type})
    r = c.getresponse()
    text = r.read().decode("utf-8")
    c.close()
    return r, text


def raw(url, data, read_timeout=10):
    """Sends bytes as they are and returns the status the server answers with (0: it closed)."""
    parts = urllib.parse.urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=read_timeout) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a server that refuses a body from its header may stop reading it
        reply = b""
        while b"\r\n" not in reply:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    return int(reply.split(b" ")[1]) if reply.startswith(b"HTTP/1.1 ") else 0


def main():
    url, first, second = sys.argv[1:4]
    started = time.monotonic()

    c = connection(url)
    c.request("GET", "/")
    page = c.getresponse()
    html = page.read().decode("utf-8")
    expect("page status", page.status, 200)
    expect("page type", page.getheader("Content-Type"), "text/html; charset=utf-8")
    expect("no cookie", page.getheader("Set-Cookie"), None)
    expect("no script", "<script" in html, False)
    expect("the form posts to itself", '<form method="post" action="/"' in html, True)
    expect("no outside resource", "src=" in html or "href=" in html, False)
    expect("says what is recorded", "anonymous" in html.lower(), True)
    c.close()

    answer = {"code": first.lower().replace("-", " "), "group": "1", "q1": "4", "q2": "5", "q3": "3",
              "c3": "Café talk helps", "comment": "Thank you"}
    r, _ = post(url, answer)
    expect("answer status", r.status, 303)
    expect("answer goes on to thanks", r.getheader("Location"), "/thanks")
    c = connection(url)
    c.request("GET", "/thanks")
    thanks = c.getresponse()
    thanks.read()
    expect("thanks status", thanks.status, 200)
    c.close()

    r, text = post(url, answer)
    expect("replayed code", r.status, 403)
    expect("a refused form keeps what was written", "Café talk helps" in text, True)
    r, text = post(url, dict(answer, code="2222222222"))
    expect("guessed code", r.status, 403)
    r, text = post(url, dict(answer, code=second, q1="9"))
    expect("value off the scale", r.status, 422)
    expect("the problem names the question", "Question 1" in text, True)
    r, _ = post(url, answer, content_type="text/plain")
    expect("not a form", r.status, 415)

    expect("huge declared length", raw(url, b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                            b"Content-Length: 99999999999\r\n\r\n"), 413)
    expect("body past the cap", raw(url, b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                         b"Content-Length: 70000\r\n\r\n" + b"a" * 70000), 413)
    expect("header past the cap", raw(url, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"p" * 20000 + b"\r\n\r\n"), 431)
    expect("malformed request", raw(url, b"GARBAGE\r\n\r\n"), 400)

    for i in range(100):  # the page is never rate-limited
        c = connection(url)
        c.request("GET", "/")
        r = c.getresponse()
        r.read()
        c.close()
        if r.status != 200:
            expect(f"page fetch {i}", r.status, 200)
            break

    r, _ = post(url, dict(answer, code=second, comment="Second person"))
    expect("second answer", r.status, 303)
    expect("within bounded time", time.monotonic() - started < 60, True)

    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
