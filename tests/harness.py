"""Shared helpers of the Python test programs (tests/e2e, tests/web): the
check counter behind the closing "N passed, N failed" line, running programs
and indexing fixture texts, and loopback ports for the servers the tests
start."""
import json
import os
import socket
import subprocess
import time

counts = {"passed": 0, "failed": 0}


def check(cond, name, detail=""):
    """Counts one check; a failing one prints its name and (cut) detail."""
    if cond:
        counts["passed"] += 1
    else:
        counts["failed"] += 1
        print(f"FAIL {name} {str(detail)[:2000]}".rstrip())


def summary():
    """Prints the closing line; the exit status of the test program."""
    print(f"{counts['passed']} passed, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


def run(*args):
    """Runs a program; its CompletedProcess with text output."""
    return subprocess.run(list(args), capture_output=True, text=True)


def write_texts(d, texts):
    """Writes {name: text} into the folder d (made here)."""
    os.mkdir(d)
    for name, text in texts.items():
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)


def index_texts(bin_dir, tmp, texts, *opts):
    """Writes texts into tmp/docs and indexes them into tmp/db (a check
    says whether that worked); the index's path."""
    d, db = os.path.join(tmp, "docs"), os.path.join(tmp, "db")
    write_texts(d, texts)
    p = run(f"{bin_dir}/speech-index", "-q", *opts, "-d", db, d)
    check(p.returncode == 0, "fixtures indexed", p.stderr)
    return db


def query_json(bin_dir, db, q, *opts, n=20):
    """speech-query --json on db: (exit status, the parsed result or None)."""
    p = run(f"{bin_dir}/speech-query", "-d", db, "-n", str(n), "--json", *opts, q)
    try:
        return p.returncode, json.loads(p.stdout) if p.stdout.strip() else None
    except json.JSONDecodeError:
        return p.returncode, None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, seconds=15):
    """True once something listens on 127.0.0.1:port, False if proc ends first."""
    end = time.time() + seconds
    while time.time() < end and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False
