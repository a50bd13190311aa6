#!/usr/bin/env python3
"""The web page served for real: lighttpd (query/web/lighttpd.conf through
query/web/serve.sh, as `make serve` runs it) on a free loopback port, once
with the CGI and once with the same binary as a FastCGI responder, asked
over HTTP; then stopped as Ctrl-C would, leaving no worker behind.

usage: test_lighttpd.py BINDIR        Prints "N passed, N failed".
"""
import html
import http.client
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webutil import Checks, Server, make_index  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bin")
check = Checks()
FA = urllib.parse.quote("发展")


def request(port, method, path, body=None, conn=None):
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    data = r.read()
    if not conn:
        c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, data


def children(pid):
    """Processes whose parent is pid."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return out


CASES = [  # (name, method, path, status, content type prefix, must contain)
    ("form at /", "GET", "/", 200, "text/html; charset=utf-8", 'name="q"'),
    ("results", "GET", f"/search?q={FA}", 200, "text/html; charset=utf-8", "<mark>发展</mark>"),
    ("facets and chart", "GET", f"/search?q={FA}", 200, "text/html", 'id="chart-region"'),
    ("json", "GET", f"/search?q={FA}&format=json", 200, "application/json", '"hits"'),
    ("css", "GET", "/static/style.css", 200, "text/css", "mark"),
    ("HEAD", "HEAD", f"/search?q={FA}", 200, "text/html", ""),
    ("POST", "POST", "/search", 405, "text/html", "405"),
    ("bad escape", "GET", "/search?q=%E5%8", 400, "text/html", "400"),
    ("NUL (lighttpd refuses it itself)", "GET", "/search?q=a%00b", 400, "text/html", ""),
    ("unknown db", "GET", f"/search?q={FA}&db=x", 404, "text/html", "404"),
    ("page too deep", "GET", f"/search?q={FA}&page=1000", 404, "text/html", "404"),
    ("unknown path", "GET", "/etc/passwd", 404, "", ""),
    ("binary not reachable", "GET", "/speech-search.cgi", 404, "", ""),
    ("config not reachable", "GET", "/static/../lighttpd.conf", 404, "", ""),
]


def run_server(mode, conf, tmp):
    state = os.path.join(tmp, "state-" + mode)
    srv = Server(mode, os.path.join(BIN, "speech-search.cgi"), conf, state)
    if not check(srv.ok, f"{mode}: lighttpd listens", srv.error_log()[-500:]):
        srv.stop()
        return
    try:
        for name, method, path, want, ctype, has in CASES:
            body = "q=x" if method == "POST" else None
            status, h, data = request(srv.port, method, path, body)
            name = f"{mode} {name}"
            check(status == want, f"{name}: status", f"want {want} got {status}")
            check(h.get("content-type", "").startswith(ctype), f"{name}: content type",
                  h.get("content-type", ""))
            if has:
                check(has in data.decode("utf-8", "replace"), f"{name}: has {has!r}")
            if method == "HEAD":
                check(data == b"", f"{name}: no body")
            if (path.startswith("/search") or path == "/") and "%00" not in path:
                check("default-src 'none'" in h.get("content-security-policy", ""),
                      f"{name}: CSP")
                check(h.get("x-content-type-options") == "nosniff", f"{name}: nosniff")
        # one connection, several requests (keep-alive), following links
        conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
        status, h, data = request(srv.port, "GET", f"/search?q={FA}", conn=conn)
        text = data.decode()
        links = [html.unescape(u) for u in re.findall(r'href="(search\?[^"]*)"', text)]
        region = [u for u in links if "region=" in u]
        view = [u for u in links if "view=" in u]
        if check(bool(region) and bool(view), f"{mode}: facet and view links"):
            status, h, data = request(srv.port, "GET", "/" + region[0], conn=conn)
            check(status == 200 and 'class="remove"' in data.decode(), f"{mode}: facet link")
            status, h, data = request(srv.port, "GET", "/" + view[0].split("#")[0], conn=conn)
            check(status == 200 and 'class="match"' in data.decode(), f"{mode}: reading view")
        conn.close()
        # the same answers many times from the long-running workers
        if mode == "fastcgi":
            pages = {request(srv.port, "GET", f"/search?q={FA}&page=2")[2] for _ in range(5)}
            check(len(pages) == 1 or all(b"value=\"11\"" in p for p in pages),
                  f"{mode}: repeated requests give the same page")
    finally:
        kids = children(srv.proc.pid) if srv.proc.poll() is None else []
        grandkids = [g for k in kids for g in children(k)]
        rc = srv.stop(signal.SIGINT)
        check(rc == 0, f"{mode}: Ctrl-C stops lighttpd cleanly", f"exit {rc}")
        time.sleep(0.3)
        alive = [p for p in kids + grandkids if os.path.exists(f"/proc/{p}")
                 and "speech-search" in open(f"/proc/{p}/cmdline", "rb").read().decode(errors="replace")]
        check(not alive, f"{mode}: no worker left behind", str(alive))
        log = srv.error_log()
        check("Sanitizer" not in log and "runtime error" not in log, f"{mode}: clean error log",
              log[-800:])


def main():
    if not shutil.which("lighttpd"):
        print("lighttpd is not installed (make deps)")
        print("0 passed, 1 failed")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        _, conf = make_index(BIN, tmp)
        for mode in ("cgi", "fastcgi"):
            run_server(mode, conf, tmp)
    return check.report()


if __name__ == "__main__":
    sys.exit(main())
