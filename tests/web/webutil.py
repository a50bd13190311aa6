"""Shared by the web tests: a check counter, a demo index with its config
file, free loopback ports, and lighttpd started through query/web/serve.sh."""
import os
import signal
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from harness import free_port, wait_port  # noqa: E402,F401


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def __call__(self, cond, name, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name} {detail}".rstrip(), flush=True)
        return cond

    def report(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1


def make_index(bindir, tmp):
    """Indexes corpus/ (paths as corpus/NAME, run from the repository) into
    tmp/demo-index; writes tmp/speech-search.conf naming it (default),
    a second name for it, and a name whose index is missing."""
    db = os.path.join(tmp, "demo-index")
    subprocess.run([os.path.join(bindir, "speech-index"), "-d", db, "corpus"], cwd=ROOT,
                   check=True, capture_output=True)
    conf = os.path.join(tmp, "speech-search.conf")
    with open(conf, "w") as f:
        f.write("# test config\ndemo = demo-index\nsame = %s\ngone = no-such-index\n"
                "default = demo\n" % db)
    return db, conf




class Server:
    """lighttpd on 127.0.0.1:port in mode cgi or fastcgi (serve.sh)."""

    def __init__(self, mode, cgi, conf, state):
        self.port = free_port()
        self.proc = subprocess.Popen(
            ["sh", os.path.join(ROOT, "query/web/serve.sh"), str(self.port), mode, cgi, conf,
             state], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.ok = wait_port(self.port, self.proc)
        self.state = state

    def stop(self, sig=signal.SIGINT):
        """Stops lighttpd as Ctrl-C would; returns its exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def error_log(self):
        try:
            with open(os.path.join(self.state, "error.log"), errors="replace") as f:
                return f.read()
        except OSError:
            return ""
