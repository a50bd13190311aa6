#!/usr/bin/env python3
"""bench.py: the measurements behind tests/bench/run.sh (which prepares corpus and programs).

Why: one place that measures what issue 10 sets targets for, on the same corpus and in the
same run, against SQLite FTS5's trigram tokenizer as a yardstick:
  * indexing with the plain command (and with --shards 2 etc. when asked): time, MB/s,
    peak RSS, index size; FTS5 trigram on the same text; the speed ratio;
  * the query mix (tests/bench/queries.txt) warm in one process (qbench: p50/p95/p99) and
    as one speech-query process per query (median, p95);
  * facets and "all hits" (--jsonl -n 100000) of the commonest single word of the mix
    (best of three when under 10 s);
  * 10 MB written on one line against the same text with line breaks (issue 11, item 7);
and prints a table of the targets, MET / NOT MET, kept in results.json with machine,
load average and date.  Every command runs under a time limit, so that a case that is
quadratic today is reported as "over N s" instead of hanging the benchmark.

Sizes: "input" is the text the indexer reads (files decompressed, in their own encoding);
MB = 10^6 bytes (RSS in MiB).  Peak RSS: of the largest indexer process from wait4(), and
of all its processes together, sampled from /proc every 0.1 s.  The page cache is warm (the
corpus was just read).  speech-search's query figures include fetching and highlighting 10
hits; FTS5's only the ranked rowids.  FTS5 is fed the same files decoded to simplified UTF-8
(decoding and conversion not timed), one row per paragraph, long paragraphs cut into
300-character pieces like speech-search's passages.
"""
import argparse
import datetime
import gzip
import hashlib
import json
import os
import platform
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

EXTS = (".txt", ".text", ".htm", ".html")
SPLIT = "\n@@SS-SPLIT@@\n"
QUESTION = re.compile("如何|怎样|怎么|什么|哪些|为什么|是否|[?？]")
FILTER = re.compile(r"\b[a-z]+:")
BIG_MB = 500          # from this input size on, the 1 GB targets apply


def corpus_files(roots):
    out = []
    for root in roots:
        for d, dirs, files in os.walk(root):
            dirs[:] = sorted(x for x in dirs if not x.startswith("."))
            for f in sorted(files):
                base = f[:-3] if f.endswith(".gz") else f
                if not f.startswith(".") and base.lower().endswith(EXTS):
                    out.append(os.path.join(d, f))
    return out


def read_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def read_text(path):
    raw = read_bytes(path)
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw, raw.decode("gb18030", "replace")


def tree_size(path):
    total = 0
    for d, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(d, f)) for f in files)
    return total


# The parts of an index: Xapian's tables (glass: NAME.glass, in every shard).
PARTS = ("postlist", "termlist", "docdata", "position")


def part_sizes(path):
    """Bytes per part of the index at path: postings (postlist, which also
    holds value slots), term lists, records (docdata), positions, other."""
    out = dict.fromkeys(PARTS + ("other",), 0)
    for d, _, files in os.walk(path):
        for f in files:
            name = f[:-len(".glass")] if f.endswith(".glass") else None
            out[name if name in PARTS else "other"] += os.path.getsize(os.path.join(d, f))
    return out


def pct(v, p):
    """Nearest-rank percentile."""
    v = sorted(v)
    if not v:
        return None
    k = max(1, min(len(v), int(p / 100 * len(v) + 0.999999)))
    return v[k - 1]


def tree_rss(root):
    """Resident bytes of process root and its descendants, now."""
    kids, page = {}, os.sysconf("SC_PAGE_SIZE")
    for pid in os.listdir("/proc"):
        try:
            if pid.isdigit():
                stat = open(f"/proc/{pid}/stat").read()
                kids.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(pid))
        except OSError:
            pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += kids.get(pid, [])
        try:
            total += int(open(f"/proc/{pid}/statm").read().split()[1]) * page
        except OSError:
            pass
    return total


def run_measured(cmd, log, limit):
    """Runs cmd (output to the file log, or discarded when log is None) in a process group
    of its own, killed after limit seconds.  Returns (exit status or None when over the
    limit, wall seconds, peak RSS of its largest process in MB (wait4), peak RSS of all its
    processes together in MB (sampled every 0.1 s))."""
    out = open(log, "wb") if log else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    peak, done, over = [0], threading.Event(), [False]

    def sample():
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_rss(p.pid))
            if time.perf_counter() - t0 > limit and not over[0]:
                over[0] = True
                os.killpg(p.pid, signal.SIGKILL)
    th = threading.Thread(target=sample)
    th.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    if log:
        out.close()
    try:
        os.killpg(p.pid, signal.SIGKILL)    # children left behind
    except ProcessLookupError:
        pass
    rss = ru.ru_maxrss / 1024
    return (None if over[0] else os.waitstatus_to_exitcode(status)), wall, rss, max(rss, peak[0] / 2**20)


def t2s(texts):
    out = subprocess.run(["opencc", "-c", "t2s.json"], input=SPLIT.join(texts).encode(),
                         capture_output=True, check=True).stdout.decode()
    return out.split(SPLIT)


def rounded(v, nd=3):
    return None if v is None else round(v, nd)


# -- speech-search -------------------------------------------------------------
def index_speech(a, paths, input_bytes, label, extra, limit):
    idx = os.path.join(a.out, f"index-{label}", "ix")
    subprocess.run(["rm", "-rf", os.path.dirname(idx)], check=True)
    os.makedirs(os.path.dirname(idx))
    log = os.path.join(a.out, f"index-{label}.log")
    rc, wall, rss, rss_all = run_measured([a.bin + "/speech-index", *extra, "-d", idx, *paths], log, limit)
    text = open(log, encoding="utf-8", errors="replace").read()
    if rc is None:
        print(f"bench:   speech-index {' '.join(extra)}: over {limit:.0f} s, stopped", flush=True)
    elif rc not in (0, 1):
        sys.exit(f"bench: speech-index failed ({rc}), see {log}:\n{text[-2000:]}")
    m = re.search(r"indexed (\d+) files.*?(\d+) passages", text)
    size = tree_size(os.path.dirname(idx))
    parts = part_sizes(os.path.dirname(idx))
    return idx, {"seconds": round(wall, 3), "over_limit": rc is None,
                 "parts_mb": {k: round(v / 1e6, 2) for k, v in parts.items()},
                 "mb_per_s": round(input_bytes / 1e6 / wall, 3),
                 "peak_rss_mb": round(rss, 1), "peak_rss_all_processes_mb": round(rss_all, 1),
                 "index_mb": round(size / 1e6, 2),
                 "index_ratio": round(size / input_bytes, 3),
                 "files": int(m.group(1)) if m else None, "passages": int(m.group(2)) if m else None,
                 "exit_status": rc,
                 "summary": next((l for l in text.splitlines() if l.startswith("indexed ")), text.strip()[-300:])}


def qbench(a, idx, queries_file, rounds, extra=()):
    try:
        p = subprocess.run([*extra, a.qbench, "-d", idx, "-r", str(rounds), queries_file],
                           capture_output=True, text=True, timeout=a.limit * 10)
    except subprocess.TimeoutExpired:
        print(f"bench: qbench over {a.limit * 10:.0f} s, stopped", flush=True)
        return None
    if p.returncode not in (0, 1) or not p.stdout:
        sys.exit(f"bench: qbench failed: {p.stderr}")
    if p.stderr:
        print(p.stderr, end="", file=sys.stderr)
    return json.loads(p.stdout)


def per_process(a, idx, queries):
    """One speech-query process per query, a.proc_rounds timed rounds after a warm one."""
    exe = a.bin + "/speech-query"
    times, over = [], []
    for r in range(a.proc_rounds + 1):          # round 0 warms the page cache
        for q in queries:
            if q in over:
                continue
            t0 = time.perf_counter()
            try:
                p = subprocess.run([exe, "-d", idx, "-n", "10", "--json", q], timeout=a.limit,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            except subprocess.TimeoutExpired:
                over.append(q)
                times.append(a.limit * 1e3)
                continue
            dt = (time.perf_counter() - t0) * 1e3
            if p.returncode not in (0, 1):
                sys.exit(f"bench: speech-query failed on {q!r}: {p.stderr.decode()}")
            if r:
                times.append(dt)
    return {"runs": len(times), "median_ms": round(pct(times, 50), 2), "p95_ms": round(pct(times, 95), 2),
            "max_ms": round(max(times), 2), "over_limit": over}


def eval_queries(folders):
    """Every "query" string in the JSON files of the evaluation folders."""
    found = set()

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "query" and isinstance(v, str):
                    found.add(v.strip())
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    for d in folders:
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith(".json"):
                try:
                    walk(json.load(open(os.path.join(d, name), encoding="utf-8")))
                except (OSError, ValueError):
                    pass
    return found


def single_words(queries):
    """The queries of the mix that are one plain word of two or more characters."""
    return [q for q in queries if re.fullmatch(r"[\u4e00-\u9fff]{2,}", q) and not QUESTION.search(q)]


def commonest_word(files, words):
    """The word of `words` that occurs most often in the corpus text."""
    counts = dict.fromkeys(words, 0)
    for f in files:
        _, text = read_text(f)
        for w in words:
            counts[w] += text.count(w)
    best = max(words, key=lambda w: counts[w])
    return best, counts[best]


def timed_query(a, idx, args, limit):
    """Wall seconds of one speech-query run (None when over the limit) and its output lines."""
    log = os.path.join(a.out, "query.out")
    rc, wall, rss, _ = run_measured([a.bin + "/speech-query", "-d", idx, *args], log, limit)
    lines = sum(1 for _ in open(log, "rb"))
    if rc is not None and rc not in (0, 1):
        sys.exit(f"bench: speech-query {' '.join(args)} failed ({rc}): "
                 f"{open(log, errors='replace').read()[-500:]}")
    return {"args": args, "seconds": None if rc is None else round(wall, 3),
            "over_limit_s": a.limit if rc is None else None, "output_lines": lines,
            "peak_rss_mb": round(rss, 1)}


def facets(a, idx, files, queries):
    words = single_words(queries)
    if not words:
        return None
    word, n = commonest_word(files, words)
    print(f"bench: facets of the commonest word of the mix, {word} ({n} occurrences)...", flush=True)
    res = {"word": word, "occurrences": n}
    for key, args in (("facets", ["--facets", "-n", "10", word]),
                      ("jsonl_all", ["--jsonl", "-n", "100000", word])):
        best = timed_query(a, idx, args, a.limit)
        for _ in range(2):          # best of three when it is quick enough to repeat
            if best["seconds"] is None or best["seconds"] > 10:
                break
            again = timed_query(a, idx, args, a.limit)
            if again["seconds"] is not None and again["seconds"] < best["seconds"]:
                best = again
        res[key] = best
    return res


def oneline(a, files):
    """Indexes a.oneline_mb MB of the corpus's text as one file with its line breaks, and
    the same text with every line break removed (one line), each in an index of its own."""
    order = sorted(files, key=lambda f: hashlib.sha1(f.encode()).hexdigest())
    parts, n = [], 0
    for f in order:
        _, text = read_text(f)
        parts.append(text.replace("\r", ""))
        n += len(parts[-1].encode())
        if n >= a.oneline_mb * 1e6:
            break
    text = "\n".join(parts).encode()[: int(a.oneline_mb * 1e6)].decode("utf-8", "ignore")
    d = os.path.join(a.out, "oneline")
    subprocess.run(["rm", "-rf", d], check=True)
    os.makedirs(d)
    res = {"input_mb": round(len(text.encode()) / 1e6, 2)}
    limit = a.limit
    for name, body in (("lines", text), ("one_line", text.replace("\n", ""))):
        path = os.path.join(d, name + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        print(f"bench: one file of {res['input_mb']} MB, {name.replace('_', ' ')} "
              f"(limit {limit:.0f} s)...", flush=True)
        rc, wall, rss, _ = run_measured([a.bin + "/speech-index", "-d", os.path.join(d, "ix-" + name),
                                         path], os.path.join(d, name + ".log"), limit)
        if rc is not None and rc not in (0, 1):
            sys.exit(f"bench: speech-index {path} failed ({rc}), see {d}/{name}.log")
        res[name] = {"seconds": None if rc is None else round(wall, 3),
                     "over_limit_s": round(limit) if rc is None else None, "peak_rss_mb": round(rss, 1)}
        if name == "lines" and rc is not None:
            limit = max(a.limit, 10 * wall)       # ten times the linear time
    s0, s1 = res["lines"]["seconds"], res["one_line"]["seconds"]
    res["ratio"] = round(s1 / s0, 3) if s0 and s1 else None
    res["ratio_at_least"] = round(res["one_line"]["over_limit_s"] / s0, 1) if s0 and s1 is None else None
    return res


# -- SQLite FTS5 trigram ---------------------------------------------------------
def passages(text):
    for para in re.split(r"\s*\n\s*|(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", text):
        for i in range(0, len(para), 300):
            if para[i:i + 300].strip():
                yield para[i:i + 300]


def fts5_keyword_queries(queries):
    """The queries FTS5 can run as they are: keywords and phrases, no question, operator or
    filter."""
    return [q for q in queries if not QUESTION.search(q) and " OR " not in q and " -" not in q
            and not FILTER.search(q)]


def fts5_available():
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.Error:
        return False


def fts5(a, files, queries):
    db = os.path.join(a.out, "fts5.db")
    for suffix in ("", "-journal", "-wal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    con = sqlite3.connect(db)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                      "CREATE VIRTUAL TABLE fts USING fts5(body, file UNINDEXED, tokenize='trigram');")
    timed, rows, batch, nbytes = 0.0, 0, [], 0

    def flush():
        nonlocal timed, rows
        texts = t2s([t for _, t in batch])
        data = [(p, f) for (f, _), t in zip(batch, texts) for p in passages(t)]
        t0 = time.perf_counter()
        con.executemany("INSERT INTO fts(body, file) VALUES (?, ?)", data)
        timed += time.perf_counter() - t0
        rows += len(data)
        batch.clear()

    for f in files:
        raw, text = read_text(f)
        batch.append((f, text))
        nbytes += len(raw)
        if len(batch) >= 500:
            flush()
    if batch:
        flush()
    t0 = time.perf_counter()
    con.commit()
    timed += time.perf_counter() - t0
    size = os.path.getsize(db)
    res = {"seconds": round(timed, 3), "mb_per_s": round(nbytes / 1e6 / timed, 3), "rows": rows,
           "index_mb": round(size / 1e6, 2), "index_ratio": round(size / nbytes, 3)}

    kw = fts5_keyword_queries(queries)
    simp = t2s(kw)
    per_query, match_ms, scan_ms = [], [], []
    for q, s in zip(kw, simp):
        terms = [t for t in s.replace('"', " ").replace("“", " ").replace("”", " ").split() if t]
        long_t = [t for t in terms if len(t) >= 3]
        short = [t for t in terms if len(t) < 3]
        like = " AND ".join(["body LIKE ? ESCAPE '\\'"] * len(short))
        args = ["%" + re.sub(r"([%_\\])", r"\\\1", t) + "%" for t in short]
        if long_t:
            sql = "SELECT rowid FROM fts WHERE fts MATCH ?" + (" AND " + like if like else "") + \
                  " ORDER BY rank LIMIT 10"
            args = [" AND ".join('"' + t.replace('"', '""') + '"' for t in long_t)] + args
        else:                               # trigram can't index < 3 characters: a full scan
            sql = "SELECT rowid FROM fts WHERE " + like
        samples = []
        for r in range(a.fts_rounds + 1):
            t0 = time.perf_counter()
            n = len(con.execute(sql, args).fetchall())
            if r:
                samples.append((time.perf_counter() - t0) * 1e3)
        med = pct(samples, 50)
        (match_ms if long_t else scan_ms).append(med)
        per_query.append({"query": q, "median_ms": round(med, 3), "rows": n,
                          "plan": "match" if long_t else "like-scan"})
    con.close()
    allq = [p["median_ms"] for p in per_query]
    res.update({"queries": len(per_query),
                "query_p50_ms": rounded(pct(allq, 50)), "query_p95_ms": rounded(pct(allq, 95)),
                "match_p50_ms": rounded(pct(match_ms, 50)), "scan_p50_ms": rounded(pct(scan_ms, 50)),
                "per_query": per_query})
    os.remove(db)                           # as big as the corpus; nothing reads it again
    return res


# -- report ------------------------------------------------------------------------
def machine():
    cpu = mem = None
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
        mem = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) // 1024
    except (OSError, StopIteration):
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_mb": mem, "kernel": platform.release(),
            "sqlite": sqlite3.sqlite_version}


def git_version():
    """HEAD's short hash, '+dirty' when the work tree differs (tests/bench/ aside)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                            ":!tests/bench"], capture_output=True, text=True).stdout.strip()
    return (head + ("+dirty" if dirty else "")) or None


def drop_per_query(x):
    if isinstance(x, dict):
        return {k: drop_per_query(v) for k, v in x.items() if k != "per_query"}
    return x


def fmt(v, unit=""):
    return "-" if v is None else (f"{v:.2f}{unit}" if isinstance(v, float) else f"{v}{unit}")


def targets(input_mb, main_run, fts, fac, one):
    """Issue 10's targets (and the bench parts of issues 9 and 11): (name, measured text,
    met or None when not measured)."""
    out = []

    def add(name, value, ok, shown=None):
        out.append((name, shown if shown is not None else fmt(value), None if value is None else ok))

    big = input_mb >= BIG_MB
    if fts:
        ratio = main_run["mb_per_s"] / fts["mb_per_s"]
        add("indexing >= 1.0x FTS5 trigram MB/s", ratio, ratio >= 1.0,
            f"{ratio:.2f}x ({main_run['mb_per_s']:.2f} vs {fts['mb_per_s']:.2f} MB/s)")
    else:
        add("indexing >= 1.0x FTS5 trigram MB/s", None, None, "not measured")
    rss = main_run["peak_rss_all_processes_mb"]
    add("peak RSS <= 300 MB (all processes)", rss, rss <= 300, f"{rss:.0f} MB")
    r = main_run["index_ratio"]
    add("index + stores <= 3x input", r, r <= 3, f"{r:.2f}x ({main_run['index_mb']:.0f} MB)")
    m = main_run["process"]["median_ms"]
    add("one process median <= 10 ms", m, m <= 10, f"{m:.1f} ms")
    w = main_run["warm"]
    lim = 50 if big else 5
    p95 = w["p95_ms"] if w else None
    add(f"warm p95 <= {lim} ms ({'1 GB' if big else '160 MB'} target)", p95,
        p95 is not None and p95 <= lim, f"{p95:.2f} ms" if p95 is not None else "qbench over limit")
    for key, name in (("facets", "facets of the commonest word < 1 s"),
                      ("jsonl_all", "all hits (--jsonl -n 100000) < 1 s")):
        q = fac and fac[key]
        if not q:
            add(name, None, None, "not measured")
        elif q["seconds"] is None:
            add(name, q["over_limit_s"], False, f"over limit ({q['over_limit_s']:.0f} s)")
        else:
            add(name, q["seconds"], q["seconds"] < 1, f"{q['seconds']:.2f} s ({fac['word']})")
    if one:
        if one["ratio"] is not None:
            add("one line / line breaks <= 1.5 (issue 11)", one["ratio"], one["ratio"] <= 1.5,
                f"{one['ratio']:.2f} ({one['one_line']['seconds']:.1f} / {one['lines']['seconds']:.1f} s)")
        elif one["lines"]["seconds"] is None:
            add("one line / line breaks <= 1.5 (issue 11)", None, None, "line breaks over limit")
        else:
            add("one line / line breaks <= 1.5 (issue 11)", one["ratio_at_least"], False,
                f"over {one['one_line']['over_limit_s']} s (> {one['ratio_at_least']}x "
                f"{one['lines']['seconds']:.1f} s)")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True, action="append", help="folder; may be repeated")
    ap.add_argument("--label", required=True, help="key of this run in results.json")
    ap.add_argument("--out", required=True, help="work folder (indexes, logs)")
    ap.add_argument("--bin", default="bin")
    ap.add_argument("--qbench", default="build/rel/bench/qbench")
    ap.add_argument("--queries", default="tests/bench/queries.txt")
    ap.add_argument("--results", default="tests/bench/results.json")
    ap.add_argument("--configs", default="1,jobs1",
                    help="indexing runs: 1 (the plain command: every core), jobs1, jobs2, "
                         "shards2 (= jobs2), shards2-merge")
    ap.add_argument("--rounds", type=int, default=20, help="qbench rounds")
    ap.add_argument("--proc-rounds", type=int, default=2, help="timed speech-query rounds")
    ap.add_argument("--fts-rounds", type=int, default=5)
    ap.add_argument("--limit", type=float, default=120, help="seconds a query command may take")
    ap.add_argument("--index-limit", type=float, default=4 * 3600, help="seconds an index build may take")
    ap.add_argument("--oneline-mb", type=float, default=10, help="0: no one-line test")
    ap.add_argument("--no-fts", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    load0 = os.getloadavg()
    started = datetime.datetime.now(datetime.timezone.utc)

    files = corpus_files(a.corpus)
    if not files:
        sys.exit(f"bench: no speech files in {' '.join(a.corpus)}")
    input_bytes = sum(len(read_bytes(f)) for f in files)
    disk_bytes = sum(os.path.getsize(f) for f in files)
    queries = [l.strip() for l in open(a.queries, encoding="utf-8") if l.strip() and not l.startswith("#")]
    # the dev set too: tests/eval/dev_qrels.json is the project's copy of it
    clash = sorted(set(queries) & eval_queries(["tests/eval"]))
    if clash:
        sys.exit(f"bench: {a.queries} holds queries of an evaluation set: {', '.join(clash)}")
    print(f"bench: {len(files)} files, {input_bytes / 1e6:.1f} MB of text "
          f"({disk_bytes / 1e6:.1f} MB on disk) in {' + '.join(a.corpus)}; {len(queries)} queries; "
          f"load average {load0[0]:.2f}", flush=True)

    helptext = subprocess.run([a.bin + "/speech-index", "--help"], capture_output=True, text=True).stdout
    known = {"1": [], "jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
             "shards2": ["--shards", "2"], "shards2-merge": ["--shards", "2", "--merge"]}
    configs = []
    for name in a.configs.split(","):
        if name not in known:
            sys.exit(f"bench: unknown configuration {name!r} (known: {', '.join(known)})")
        if all(o in helptext for o in known[name] if o.startswith("--")):
            configs.append((name, known[name]))
    if "1" not in dict(configs):
        configs.insert(0, ("1", []))

    runs, fac = {}, None
    for name, extra in configs:
        print(f"bench: speech-index {' '.join(extra)}...", flush=True)
        idx, r = index_speech(a, a.corpus, input_bytes, name, extra, a.index_limit)
        print(f"bench:   {r['summary']}", flush=True)
        r["warm"] = qbench(a, idx, a.queries, a.rounds)
        r["process"] = per_process(a, idx, queries)
        if name == "1":
            fac = facets(a, idx, files, queries)
        runs[name] = r
        if name != "1":                 # keep the plain index only, to look at or query
            subprocess.run(["rm", "-rf", os.path.dirname(idx)], check=True)

    fts = None
    if not a.no_fts and not fts5_available():
        print(f"bench: this Python's SQLite ({sqlite3.sqlite_version}) has no FTS5 trigram "
              "tokenizer (3.34 or later with FTS5): no yardstick", flush=True)
    elif not a.no_fts:
        print("bench: SQLite FTS5 trigram...", flush=True)
        fts = fts5(a, files, queries)

    one = oneline(a, files) if a.oneline_mb > 0 else None

    # the keyword subset speech-search ran, for the comparison with FTS5
    kwset = {p["query"] for p in fts["per_query"]} if fts else set()
    for r in runs.values():
        if r["warm"]:
            kwm = [p["median_ms"] for p in r["warm"]["per_query"] if p["query"] in kwset]
            r["warm"]["keyword_p50_ms"] = rounded(pct(kwm, 50))
            r["warm"]["keyword_p95_ms"] = rounded(pct(kwm, 95))

    # table
    names = {"1": "speech-index", "jobs1": "--jobs 1", "jobs2": "--jobs 2",
             "shards2": "--shards 2", "shards2-merge": "--shards 2 --merge"}
    cols = [(names[n], r) for n, r in runs.items()]
    head = f"{'':34}" + "".join(f"{c:>22}" for c, _ in cols) + (f"{'SQLite FTS5 trigram':>22}" if fts else "")
    lines = [head]

    def row(title, vals, fv=None):
        lines.append(f"{title:34}" + "".join(f"{v:>22}" for v in vals) + (f"{fv or '-':>22}" if fts else ""))

    def warm(r, k):
        return fmt(r["warm"][k]) if r["warm"] else "over limit"

    row("indexing time (s)", [fmt(r["seconds"]) + (" (over)" if r["over_limit"] else "") for _, r in cols],
        fts and fmt(fts["seconds"]))
    row("indexing speed (MB/s)", [fmt(r["mb_per_s"]) for _, r in cols], fts and fmt(fts["mb_per_s"]))
    row("peak RSS, largest process (MB)", [fmt(r["peak_rss_mb"]) for _, r in cols])
    row("peak RSS, all processes (MB)", [fmt(r["peak_rss_all_processes_mb"]) for _, r in cols])
    row("index size (MB)", [fmt(r["index_mb"]) for _, r in cols], fts and fmt(fts["index_mb"]))
    row("index / input", [fmt(r["index_ratio"]) for _, r in cols], fts and fmt(fts["index_ratio"]))
    row("  postings/term lists/records (MB)",
        ["/".join(fmt(r.get("parts_mb", {}).get(k, 0)) for k in ("postlist", "termlist", "docdata"))
         for _, r in cols])
    row("warm query p50/p95/p99 (ms)",
        [f"{warm(r, 'p50_ms')}/{warm(r, 'p95_ms')}/{warm(r, 'p99_ms')}" for _, r in cols])
    row("keyword queries: p50 of medians", [warm(r, "keyword_p50_ms") for _, r in cols],
        fts and fmt(fts["query_p50_ms"]))
    row("keyword queries: p95 of medians", [warm(r, "keyword_p95_ms") for _, r in cols],
        fts and fmt(fts["query_p95_ms"]))
    row("one process median/p95 (ms)",
        [f"{r['process']['median_ms']:.1f}/{r['process']['p95_ms']:.1f}" for _, r in cols])
    print()
    print("\n".join(lines))
    main_run = runs["1"]
    if fts:
        print(f"\nindexing speed speech-index / FTS5 trigram = {main_run['mb_per_s'] / fts['mb_per_s']:.2f}"
              f"   (FTS5: {fts['rows']} rows; MATCH queries p50 {fmt(fts['match_p50_ms'])} ms, "
              f"<3-character LIKE scans p50 {fmt(fts['scan_p50_ms'])} ms)")
    if main_run["warm"]:
        slow = sorted(main_run["warm"]["per_query"], key=lambda p: -p["median_ms"])[:5]
        print("slowest queries (warm median): " + ", ".join(f"{p['query']} {p['median_ms']:.1f} ms"
                                                              for p in slow))
        with open(os.path.join(a.out, "slowest.txt"), "w", encoding="utf-8") as f:
            f.write("".join(p["query"] + "\n" for p in slow))
    if main_run["process"]["over_limit"]:
        print(f"over limit ({a.limit:.0f} s) as one process: {', '.join(main_run['process']['over_limit'])}")
    if fac:
        for k in ("facets", "jsonl_all"):
            q = fac[k]
            print(f"speech-query {' '.join(q['args'])}: "
                  + (f"{q['seconds']:.2f} s, {q['output_lines']} lines" if q["seconds"] is not None
                     else f"over limit ({q['over_limit_s']:.0f} s)"))

    load1 = os.getloadavg()
    tg = targets(input_bytes / 1e6, main_run, fts, fac, one)
    print(f"\ntargets ({input_bytes / 1e6:.0f} MB, {os.cpu_count()} cores, load average "
          f"{load0[0]:.1f} at the start, {load1[0]:.1f} at the end; timings on a busy machine are noisy):")
    for name, shown, ok in tg:
        print(f"  {'-      ' if ok is None else 'MET    ' if ok else 'NOT MET'}  {name:44} {shown}")
    if not all(ok for _, _, ok in tg):
        print("  where the time and space go: tests/bench/profile.sh, and README.md, section Performance")

    result = {"date": started.isoformat(timespec="seconds"),
              "machine": machine(),
              "load_average": {"start": [round(x, 2) for x in load0], "end": [round(x, 2) for x in load1]},
              "commit": git_version(),
              "corpus": {"paths": a.corpus, "files": len(files), "input_mb": round(input_bytes / 1e6, 2),
                         "disk_mb": round(disk_bytes / 1e6, 2)},
              "speech_search": runs, "fts5_trigram": fts,
              "index_speed_ratio_vs_fts5": round(main_run["mb_per_s"] / fts["mb_per_s"], 3) if fts else None,
              "facets": fac, "one_line": one,
              "targets": [{"target": n, "measured": s, "met": ok} for n, s, ok in tg]}
    with open(os.path.join(a.out, "result.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    try:
        allres = json.load(open(a.results, encoding="utf-8"))
    except (OSError, ValueError):
        allres = {}
    allres["about"] = ("tests/bench/run.sh figures: runs holds the latest run per corpus label, "
                       "history one line per run (see tests/bench/bench.py)")
    allres.setdefault("runs", {})[a.label] = drop_per_query(result)   # the summary; all in a.out
    allres.setdefault("history", []).append(
        {"date": result["date"], "label": a.label, "commit": result["commit"],
         "input_mb": result["corpus"]["input_mb"], "load_average_start": result["load_average"]["start"][0],
         "targets": {n: s for n, s, _ in tg}})
    with open(a.results, "w", encoding="utf-8") as f:
        json.dump(allres, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"\nbench: figures in {a.results} (\"{a.label}\") and {a.out}/")


if __name__ == "__main__":
    main()
