#!/usr/bin/env python3
"""Runs tests/web/browser_test.js (Chromium through playwright-core) against
the page served by lighttpd on a free loopback port.  Installs
playwright-core itself from the committed package-lock.json (`npm ci`) when
node_modules is missing or older than the lock file; never downloads a
browser.  Screenshots: tests/out/web-*.png.

usage: test_browser.py BINDIR        Prints "N passed, N failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webutil import ROOT, Server, make_index  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bin")


def fail(msg):
    print(msg)
    print("0 passed, 1 failed")
    return 1


def npm_ci():
    stamp = os.path.join(ROOT, "node_modules", ".package-lock.json")
    lock = os.path.join(ROOT, "package-lock.json")
    if os.path.exists(os.path.join(ROOT, "node_modules", "playwright-core", "package.json")) \
            and os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(lock):
        return True
    if not shutil.which("npm"):
        return False
    env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
    p = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stdout[-1000:], p.stderr[-1000:])
    return p.returncode == 0


def main():
    if not shutil.which("node"):
        return fail("node is not installed (make deps installs nodejs)")
    if not npm_ci():
        return fail("npm ci failed: playwright-core is not installed (see package.json)")
    out = os.path.join(ROOT, "tests", "out")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        _, conf = make_index(BIN, tmp)
        srv = Server("cgi", os.path.join(BIN, "speech-search.cgi"), conf, os.path.join(tmp, "st"))
        if not srv.ok:
            srv.stop()
            return fail("lighttpd did not start: " + srv.error_log()[-500:])
        try:
            p = subprocess.run(["node", os.path.join(ROOT, "tests/web/browser_test.js"),
                                f"http://127.0.0.1:{srv.port}", out], cwd=ROOT, timeout=600)
        finally:
            srv.stop()
    return p.returncode


if __name__ == "__main__":
    sys.exit(main())
