#!/usr/bin/env python3
"""Reliability tests of speech-index and speech-query: crashes, concurrent
readers, files that change, hostile inputs.

usage: test_reliability.py BINDIR
Each case first reproduces a failure found by testing (kill -9 during a
re-index, queries during a re-index, deleted/renamed/replaced files, long
paths, one long line, gzip bombs, FIFOs, symlink loops, dead worker
processes, a killed --merge, a remote shard that never answers, a huge
query) and checks the behaviour that fixes it.  The kill points are random
with a printed seed (SEED=N in the environment repeats a run).  Prints one
line per failing case and ends with "N passed, N failed".
"""
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, free_port, summary, wait_port  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin"))
SANITIZED = os.path.basename(os.path.dirname(BIN)) == "san"
INDEX = os.path.join(BIN, "speech-index")
QUERY = os.path.join(BIN, "speech-query")
# Kill points per phase: ten (issue 11), four in the sanitized build, whose
# value is its memory checks and whose processes start far slower.
KILLS = 4 if SANITIZED else 10



def run(*args, timeout=600, cwd=None):
    try:
        return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                              timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, -999, "", f"timed out after {timeout} s")


def index(db, *paths, extra=(), timeout=600, cwd=None):
    return run(INDEX, "-d", db, *extra, *paths, timeout=timeout, cwd=cwd)


def query(db, q, extra=(), cwd=None, timeout=120):
    return run(QUERY, "-d", db, "-n", "5", *extra, q, timeout=timeout, cwd=cwd)


def passages(db):
    """Passages in the index (documents), from --stats; -1 if it fails."""
    p = run(INDEX, "-d", db, "--stats")
    m = re.search(r"^passages:\s+(\d+)", p.stdout, re.M)
    return int(m.group(1)) if p.returncode == 0 and m else -1


def listing(db):
    """{path: passages} from --list."""
    p = run(INDEX, "-d", db, "--list")
    out = {}
    for line in p.stdout.splitlines():
        n, _speeches, path = line.split("\t", 2)
        out[path] = int(n)
    return out if p.returncode == 0 else None


def paragraphs():
    """The paragraphs of the seed speeches, to compose test files from."""
    out = []
    cdir = os.path.join(ROOT, "corpus")
    for name in sorted(os.listdir(cdir)):
        if name.endswith(".txt"):
            with open(os.path.join(cdir, name), encoding="utf-8") as f:
                out += [p.strip() for p in f.read().split("\n") if len(p.strip()) > 20]
    return out


def make_corpus(folder, nfiles, paras_per_file, seed=7):
    """nfiles speeches of random seed paragraphs, each with a unique marker."""
    rnd = random.Random(seed)
    paras = paragraphs()
    os.makedirs(folder, exist_ok=True)
    for i in range(nfiles):
        body = "\n".join(rnd.choice(paras) for _ in range(paras_per_file))
        with open(os.path.join(folder, f"s{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"第{i}号文件的讲话\n标记词zq{i:04d}x\n{body}\n")


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def descendants(pid):
    out, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        out += kids
        todo += kids
    return out


def wait_and_kill(args, delay):
    """Starts args, kills it with SIGKILL after delay seconds (if still running)."""
    p = subprocess.Popen([str(a) for a in args], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        family = descendants(p.pid)   # shard processes, Xapian's lock holders
        p.kill()
        p.wait()
        # they go with it (PR_SET_PDEATHSIG, a closed pipe), a moment later:
        # wait, as a user running the command again would not race them
        for _ in range(400):
            if not any(os.path.exists(f"/proc/{c}") for c in family):
                break
            time.sleep(0.025)
        return True


def timed(f):
    t0 = time.monotonic()
    f()
    return time.monotonic() - t0


def answers(db):
    p = query(db, "招商引资")
    return p.returncode in (0, 1), p.stderr


# ---- 1, 12: kill -9 during a build and during --force ------------------------------------

def test_crash(tmp, rnd):
    corpus = os.path.join(tmp, "crash-corpus")
    make_corpus(corpus, 30 if SANITIZED else 80, 25)   # about 0.6 / 1.6 MB
    ref = os.path.join(tmp, "crash-ref")
    took = timed(lambda: index(ref, corpus))
    want, want_files = passages(ref), listing(ref)
    check(want > 0 and want_files, "clean build", str(want))
    for phase, extra in (("build", ()), ("--force", ("--force",))):
        db = os.path.join(tmp, f"crash-{phase.strip('-')}")
        if phase == "--force":
            shutil.copytree(ref, db)
        # KILLS runs, each killed at a random moment within hi seconds; a run
        # that ends before its moment halves hi, and more runs follow (up to
        # 4 * KILLS) until one was killed, so the check below does not hang
        # on how fast this machine is at the moment (--force with small
        # segments on two cores can end sooner than the clean build took)
        hi = took * (0.5 if phase == "build" else 1.0)
        kills = tries = 0
        while tries < KILLS or (kills == 0 and tries < 4 * KILLS):
            tries += 1
            delay = rnd.uniform(0.05, max(0.1, hi))
            # small segments: kills fall between segments published
            killed = wait_and_kill([INDEX, "-q", "-d", db, "--segment-mb", "0.3", *extra,
                                    corpus], delay)
            kills += killed
            if not killed:
                hi /= 2
            if os.path.exists(os.path.join(db, "XAPIANDB")):  # published once at least
                ok, err = answers(db)
                check(ok, f"{phase}: index answers after kill {tries} at {delay:.2f} s", err)
            if not killed and phase == "build":
                # a finished build leaves nothing for the next run to do (every
                # file unchanged): start from nothing again, or no later run
                # could be killed during a build
                shutil.rmtree(db)
        check(kills >= 1, f"{phase}: runs were killed", f"{kills} of {tries}")
        p = index(db, corpus)
        check(p.returncode == 0, f"{phase}: a normal run after the kills completes", p.stderr)
        left = [n for n in os.listdir(db) if n.endswith(".tmp")]
        check(not left, f"{phase}: no temporary segment is left", str(left))
        got = passages(db)
        check(got == want, f"{phase}: exactly the passages of a clean build after kills",
              f"{got} != {want}")
        check(listing(db) == want_files, f"{phase}: the same files and passages per file")


# ---- 13: queries while the index is re-indexed and committed ------------------------------

def queries_during_reindex(db, corpus, target):
    """Runs queries on target in a loop while db is re-indexed with frequent
    commits; returns (writer's exit status and stderr, queries, failures)."""
    writer = subprocess.Popen([INDEX, "-q", "-d", db, "--force", "--commit-every", "100", corpus],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    failures, n, errors = 0, 0, []
    words = ["招商引资", "项目建设", "发展", "经济", "region:河南 发展"]
    while writer.poll() is None or n < 20:
        p = query(target, words[n % len(words)], extra=("--facets",) if n % 3 == 0 else ())
        n += 1
        if p.returncode not in (0, 1):
            failures += 1
            errors.append(p.stderr.strip())
    writer.wait()
    return (writer.returncode, writer.stderr.read()), n, failures, errors


def test_concurrency(tmp):
    corpus = os.path.join(tmp, "conc-corpus")
    make_corpus(corpus, 30 if SANITIZED else 60, 25, seed=3)
    db = os.path.join(tmp, "conc")
    index(db, corpus)
    (code, err), n, failures, errors = queries_during_reindex(db, corpus, db)
    check(code == 0, "re-index during queries succeeds", err)
    check(failures == 0, f"no query fails during a re-index ({n} queries)",
          f"{failures} failed: {errors[:3]}")
    # the same through a remote shard (xapian-tcpsrv serving the index,
    # which needs term lists)
    if not shutil.which("xapian-tcpsrv"):
        print("  skipped the remote case: no xapian-tcpsrv")
        return
    db = os.path.join(tmp, "conc-remote")
    index(db, corpus, extra=("--termlists",))
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    srv = subprocess.Popen(["xapian-tcpsrv", "--port", str(port), "--interface", "127.0.0.1", db],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        stub = os.path.join(tmp, "conc.stub")
        with open(stub, "w") as f:
            f.write(f"remote 127.0.0.1:{port}\n")
        (code, err), n, failures, errors = queries_during_reindex(db, corpus, stub)
        check(code == 0, "re-index during remote queries succeeds", err)
        check(failures == 0, f"no query through a remote shard fails during a re-index "
              f"({n} queries)", f"{failures} failed: {errors[:3]}")
    finally:
        srv.kill()
        srv.wait()


# ---- 2, 3: a killed --merge, a killed worker process --------------------------------------

def test_shards(tmp, rnd):
    corpus = os.path.join(tmp, "shard-corpus")
    make_corpus(corpus, 40, 30, seed=5)
    ref = os.path.join(tmp, "shard-ref")
    index(ref, corpus)
    want = passages(ref)
    merged = os.path.join(tmp, "merged")
    args = [INDEX, "-q", "-d", merged, "--jobs", "2", "--segment-mb", "0.2", "--merge", corpus]
    took = timed(lambda: run(*args))
    shutil.rmtree(merged)
    for k in range(KILLS // 2):
        delay = rnd.uniform(0.05, max(0.1, took))
        wait_and_kill(args, delay)
        if os.path.exists(os.path.join(merged, "XAPIANDB")):
            ok, err = answers(merged)
            check(ok, f"--merge killed at {delay:.2f} s: the index is absent or whole", err)
    p = run(*args)
    check(p.returncode == 0, "--merge run again after kills completes", p.stderr)
    with open(os.path.join(merged, "XAPIANDB")) as f:
        segs = [line for line in f if line.startswith("auto ")]
    check(len(segs) == 1, "--merge leaves one segment", str(segs))
    check(passages(merged) == want, "--merge after kills: the passages of a clean build",
          f"{passages(merged)} != {want}")

    # a worker process killed: the parent names it and says how to resume
    two = os.path.join(tmp, "two")
    proc = subprocess.Popen([INDEX, "-q", "-d", two, "--jobs", "2", "--segment-mb", "0.2", corpus],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    kids = []
    for _ in range(500):
        kids = children(proc.pid)
        if len(kids) == 2 or proc.poll() is not None:
            break
        time.sleep(0.005)
    if kids:
        os.kill(kids[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=600)
    check(kids and proc.returncode == 2, "a killed worker process: exit 2", str(proc.returncode))
    check("worker" in err and "killed by signal 9" in err and "run the same command again" in err,
          "a killed worker process is named, with how to resume", err)
    p = index(two, corpus)
    check(p.returncode == 0 and passages(two) == want, "the same command then completes",
          p.stderr + str(passages(two)) + str(os.listdir(two)))


# ---- 5: deleted, renamed, replaced files; one identity per file -----------------------------

def marker_hits(db, i, cwd=None):
    return query(db, f"zq{i:04d}x", cwd=cwd).returncode


def test_identity(tmp):
    d = os.path.join(tmp, "ident")
    corpus = os.path.join(d, "corpus")
    make_corpus(corpus, 6, 5, seed=11)
    db = os.path.join(d, "ix")
    p = index("ix", "corpus", "./corpus", corpus + "/", cwd=d)
    one = passages(db)
    only = os.path.join(tmp, "ident-one")
    index(only, corpus)
    check(p.returncode == 0 and one == passages(only), "corpus, ./corpus and its absolute path "
          "are one folder", f"{one} vs {passages(only)}")
    p = run(QUERY, "-d", "ix", "--json", "zq0001x", cwd=d)
    hits = json.loads(p.stdout)["hits"] if p.returncode == 0 else []
    check(hits and hits[0]["file"] == "corpus/s0001.txt", "hits show paths relative to the "
          "current folder", p.stdout[:300])
    # touched without a change: unchanged (content hash), nothing re-indexed
    os.utime(os.path.join(corpus, "s0000.txt"))
    p = index(db, corpus)
    check("(6 unchanged" in p.stdout, "a touched file counts as unchanged", p.stdout)
    # deleted: its passages go, the summary says so
    os.remove(os.path.join(corpus, "s0000.txt"))
    p = index(db, corpus)
    check(marker_hits(db, 0) == 1, "a deleted file no longer answers")
    check("removed the passages of 1 files" in p.stdout, "the summary says what was pruned",
          p.stdout)
    # renamed: indexed once
    before = passages(db)
    os.rename(os.path.join(corpus, "s0001.txt"), os.path.join(corpus, "renamed.txt"))
    index(db, corpus)
    check(passages(db) == before and marker_hits(db, 1) == 0, "a renamed file is indexed once",
          f"{passages(db)} vs {before}")
    # overwritten with binary data: skipped with a message, old passages gone
    with open(os.path.join(corpus, "s0002.txt"), "wb") as f:
        f.write(bytes(range(256)) * 64)
    p = index(db, corpus)
    check(marker_hits(db, 2) == 1 and "binary" in p.stderr,
          "a file overwritten with binary loses its passages", p.stderr)
    # --no-prune keeps a vanished file's passages; --remove takes them out
    os.remove(os.path.join(corpus, "s0003.txt"))
    index(db, corpus, extra=("--no-prune",))
    check(marker_hits(db, 3) == 0, "--no-prune keeps a vanished file")
    p = run(INDEX, "-d", db, "--remove", os.path.join(corpus, "s0003.txt"))
    check(p.returncode == 0 and marker_hits(db, 3) == 1, "--remove PATH removes a file",
          p.stdout + p.stderr)
    p = run(INDEX, "-d", "ix", "--remove", "corpus/s0004.txt", cwd=d)
    check(p.returncode == 0 and marker_hits(db, 4) == 1, "--remove with a relative path",
          p.stdout + p.stderr)
    p = run(INDEX, "-d", db, "--remove", os.path.join(corpus, "nothing.txt"))
    check(p.returncode == 1 and "no file of the index" in p.stderr,
          "--remove of a path not in the index says so", p.stderr)
    # --list and --stats
    files = listing(db)
    check(files is not None and set(files) == {"renamed.txt", "s0005.txt"}
          or set(os.path.basename(f) for f in files or {}) == {"renamed.txt", "s0005.txt"},
          "--list names the files in the index", str(files))
    p = run(INDEX, "-d", db, "--stats")
    check(p.returncode == 0 and re.search(r"^files:\s+2 ", p.stdout, re.M)
          and re.search(r"^speeches:\s+\d+", p.stdout, re.M) and "by region" in p.stdout
          and "by year" in p.stdout and "updated:" in p.stdout and "size:" in p.stdout,
          "--stats gives files, passages, speeches, regions, years, size, last update", p.stdout)
    check(sum((files or {}).values()) == passages(db), "--list's passages add up to the index")


# ---- 6: long paths, deep folders ----------------------------------------------------------

def test_long_paths(tmp):
    base = os.path.join(tmp, "long")
    d = base
    for k in range(3):
        d = os.path.join(d, f"{k}" + "长" * 30)   # 3 x 91 bytes
    os.makedirs(d)
    with open(os.path.join(d, "speech.txt"), "w", encoding="utf-8") as f:
        f.write("长路径文件的讲话\n标记词zqlongx要抓好招商引资。\n")
    deep = os.path.join(tmp, "deep")
    d = deep
    os.mkdir(d)
    for _ in range(1500):
        d = os.path.join(d, "d")
        os.mkdir(d)
    with open(os.path.join(d, "deep.txt"), "w", encoding="utf-8") as f:
        f.write("深目录文件的讲话\n标记词zqdeepx要抓好招商引资。\n")
    db = os.path.join(tmp, "long-ix")
    p = index(db, base, deep)
    path_len = len(os.path.join(base, "x").encode()) + 3 * 91
    check(p.returncode == 0, f"paths of {path_len}+ bytes and depth 1500 index without error",
          p.stderr[:500])
    check(query(db, "zqlongx").returncode == 0, "a file with a long path is found")
    check(query(db, "zqdeepx").returncode == 0, "a file at depth 1500 is found")
    p = index(db, base, deep)
    check("(2 unchanged" in p.stdout, "long-path files are unchanged the second time", p.stdout)
    # deeper than the system's path limit: named, not silently dropped
    d = os.path.join(tmp, "deeper")
    os.makedirs(d)
    fd = os.open(d, os.O_RDONLY)
    for _ in range(25):                       # 25 x 201 bytes: beyond PATH_MAX (4096)
        os.mkdir("x" * 200, dir_fd=fd)
        nfd = os.open("x" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nfd
    wfd = os.open("too-deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(wfd, "太深的文件\n".encode())
    os.close(wfd)
    os.close(fd)
    p = index(db, d)
    check(p.returncode == 1 and "File name too long" in p.stderr and "skipped" in p.stderr,
          "what lies beyond the path limit is named in a message", p.stderr[-300:])


# ---- 7: one long line ---------------------------------------------------------------------

def test_long_line(tmp):
    f = os.path.join(tmp, "one-line.txt")
    unit = "郑州市委书记在洛阳市开封市新乡市调研，"   # places and commas, no sentence end
    with open(f, "w", encoding="utf-8") as out:
        out.write(unit * (5_000_000 // len(unit.encode())))
    limit = 300 if SANITIZED else 60      # linear: about 2 s (10 s sanitized); it was ~1000 s
    p = index(os.path.join(tmp, "line-ix"), f, timeout=limit)
    check(p.returncode == 0, f"a 5 MB one-line file is indexed within {limit} s", p.stderr)


# ---- 8: hostile files: gzip bomb, /dev/zero, FIFO -----------------------------------------

def peak_rss_mb(args, timeout=300):
    p = subprocess.Popen([str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    t0 = time.monotonic()
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - t0 > timeout:
            p.kill()
            pid, status, ru = os.wait4(p.pid, 0)
            break
        time.sleep(0.02)
    out, err = p.stdout.read(), p.stderr.read()
    return os.waitstatus_to_exitcode(status), ru.ru_maxrss / 1024, out, err


def test_hostile(tmp):
    bomb = os.path.join(tmp, "bomb.txt.gz")
    chunk = ("招商引资工作要抓紧抓实，" * 10000).encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(bomb, "wb") as f:
        for _ in range((1 << 28) // len(chunk)):    # 256 MiB once decompressed
            f.write(comp.compress(chunk))
        f.write(comp.flush())
    db = os.path.join(tmp, "hostile-ix")
    code, rss, out, err = peak_rss_mb([INDEX, "-d", db, bomb])
    check(code == 1 and "larger than" in err and "bomb.txt.gz" in err,
          "a gzip bomb (256 MiB) is refused with a message", err)
    if not SANITIZED:
        check(rss < 300, "a gzip bomb stays under 300 MB", f"{rss:.0f} MB")
    p = index(db, "/dev/zero", timeout=60)
    check(p.returncode == 1 and "not a regular file" in p.stderr, "/dev/zero is refused",
          p.stderr)
    fifo = os.path.join(tmp, "fifo.txt")
    os.mkfifo(fifo)
    p = index(db, fifo, timeout=60)
    check(p.returncode == 1 and "not a regular file" in p.stderr,
          "a FIFO is refused with a message, not waited on", p.stderr)
    # a plain file over the limit (10 MiB) is refused, read no further
    big = os.path.join(tmp, "big.txt")
    para = ("\n".join(paragraphs()[:200]) + "\n").encode()
    with open(big, "wb") as f:
        f.write(para * (12_000_000 // len(para)))
    code, rss, out, err = peak_rss_mb([INDEX, "-d", db, big])
    check(code == 1 and "larger than 10485760 bytes" in err, "a 12 MB file is refused", err)
    code, rss, out, err = peak_rss_mb([INDEX, "-d", db, "--max-file-mb", "1", bomb])
    check(code == 1 and "larger than 1048576 bytes" in err, "--max-file-mb sets the limit", err)


# ---- 9: symlink loops ---------------------------------------------------------------------

def test_symlinks(tmp):
    d = os.path.join(tmp, "loops")
    os.makedirs(os.path.join(d, "sub"))
    with open(os.path.join(d, "sub", "a.txt"), "w", encoding="utf-8") as f:
        f.write("循环链接的讲话\n标记词zqloopx要抓好招商引资。\n")
    os.symlink("..", os.path.join(d, "sub", "up"))
    os.symlink(".", os.path.join(d, "sub", "self"))
    os.symlink("sub", os.path.join(d, "again"))
    db = os.path.join(tmp, "loops-ix")
    p = index(db, d, timeout=60)
    check(p.returncode == 0 and "indexed 1 files" in p.stdout,
          "folders with link loops: each file indexed once", p.stdout + p.stderr)


# ---- 11: remote shard that never answers, huge queries ------------------------------------

def test_remote_and_query(tmp):
    corpus = os.path.join(tmp, "rq-corpus")
    make_corpus(corpus, 3, 5, seed=13)
    db = os.path.join(tmp, "rq-ix")
    index(db, corpus)
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)                      # accepts (in the backlog), never answers
    stub = os.path.join(tmp, "silent.stub")
    with open(stub, "w") as f:
        f.write(f"remote 127.0.0.1:{srv.getsockname()[1]}\n")
    p = run(QUERY, "-d", stub, "--timeout", "0.5", "招商引资", timeout=120)
    check(p.returncode == 2 and "within 0.5 s" in p.stderr,
          "a silent remote shard fails with a timeout error naming --timeout's value", p.stderr)
    p = run(QUERY, "-d", stub, "招商引资", timeout=120)   # Xapian's own default is 10 s
    check(p.returncode == 2 and "within 3 s" in p.stderr,
          "the default remote timeout is short (3 s)", p.stderr)
    srv.close()
    p = run(QUERY, "-d", stub, "--timeout", "abc", "x")
    check(p.returncode == 2 and "--timeout" in p.stderr, "a bad --timeout is refused", p.stderr)
    p = run(QUERY, "-d", db, *["招商引资"] * 80_000, timeout=60)   # 1 MB in 80,000 words
    check(p.returncode == 2 and "longest" in p.stderr, "a 1 MB query is refused clearly",
          p.stderr[:200])
    p = run(QUERY, "-d", db, "招商 " * 500)
    check(p.returncode in (0, 1), "a query under the bound still runs", p.stderr[:200])


def main():
    seed = int(os.environ.get("SEED", random.randrange(1 << 30)))
    print(f"seed {seed} (SEED={seed} repeats the kill points)")
    rnd = random.Random(seed)
    only = sys.argv[2:]
    cases = [("crash", lambda t: test_crash(t, rnd)), ("concurrency", test_concurrency),
             ("shards", lambda t: test_shards(t, rnd)), ("identity", test_identity),
             ("long_paths", test_long_paths), ("long_line", test_long_line),
             ("hostile", test_hostile), ("symlinks", test_symlinks),
             ("remote_and_query", test_remote_and_query)]
    for name, f in cases:
        if only and name not in only:
            continue
        tmp = tempfile.mkdtemp(prefix=f"ss-rel-{name}-")
        t0 = time.monotonic()
        try:
            f(tmp)
        except Exception as e:  # a crash of the test itself is a failure, not a stop
            import traceback
            traceback.print_exc()
            check(False, f"{name} raised {e!r}")
        finally:
            subprocess.run(["rm", "-rf", tmp])   # deep folders: beyond shutil's recursion
        print(f"  {name}: {time.monotonic() - t0:.1f} s")
    return summary()


if __name__ == "__main__":
    sys.exit(main())
