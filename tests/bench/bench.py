#!/usr/bin/env python3
"""bench.py: the measurements behind tests/bench/run.sh (which prepares corpus and programs).

Why: one place that indexes a corpus with speech-index (and with --shards 2 when the
indexer has it), times queries warm in-process (qbench) and one process per query
(speech-query), does the same job with SQLite FTS5's trigram tokenizer as a yardstick,
prints a table and the project's targets, and keeps the figures in results.json.

Sizes: "input" is the text the indexer reads (files decompressed, in their own encoding);
MB = 10^6 bytes (RSS in MiB).  Peak RSS: of the largest indexer process from wait4(), and
of all its processes together (--shards) sampled from /proc every 0.1 s.  The page cache
is warm (the corpus was just generated or read).  speech-search's query figures include
fetching and highlighting 10 hits; FTS5's only the ranked rowids.  FTS5 is fed the same files decoded to
simplified UTF-8 (decoding and conversion not timed), one row per paragraph, long
paragraphs cut into 300-character pieces like speech-search's passages.
"""
import argparse
import datetime
import gzip
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import threading
import time

EXTS = (".txt", ".text", ".htm", ".html")
SPLIT = "\n@@SS-SPLIT@@\n"
QUESTION = re.compile("如何|怎样|怎么|什么|哪些|为什么|是否|[?？]")


def corpus_files(root):
    out = []
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


def tree_size(path):
    total = 0
    for d, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(d, f)) for f in files)
    return total


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


def run_measured(cmd, log):
    """Runs cmd; returns (exit status, wall seconds, peak RSS of its largest process in MB
    (wait4), peak RSS of all its processes together in MB (sampled every 0.1 s))."""
    with open(log, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        peak, done = [0], threading.Event()

        def sample():
            while not done.wait(0.1):
                peak[0] = max(peak[0], tree_rss(p.pid))
        th = threading.Thread(target=sample)
        th.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        th.join()
        p.returncode = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss / 1024
    return p.returncode, wall, rss, max(rss, peak[0] / 2**20)


def t2s(texts):
    out = subprocess.run(["opencc", "-c", "t2s.json"], input=SPLIT.join(texts).encode(),
                         capture_output=True, check=True).stdout.decode()
    return out.split(SPLIT)


# -- speech-search -------------------------------------------------------------
def index_speech(a, files_in, label, extra):
    idx = os.path.join(a.out, f"index-{label}", "ix")
    subprocess.run(["rm", "-rf", os.path.dirname(idx)], check=True)
    os.makedirs(os.path.dirname(idx))
    log = os.path.join(a.out, f"index-{label}.log")
    rc, wall, rss, rss_all = run_measured([a.bin + "/speech-index", *extra, "-d", idx, a.corpus], log)
    text = open(log, encoding="utf-8", errors="replace").read()
    if rc not in (0, 1):
        sys.exit(f"bench: speech-index failed ({rc}), see {log}:\n{text[-2000:]}")
    m = re.search(r"indexed (\d+) files.*?(\d+) passages", text)
    size = tree_size(os.path.dirname(idx))
    return idx, {"seconds": round(wall, 3), "mb_per_s": round(files_in / 1e6 / wall, 3),
                 "peak_rss_mb": round(rss, 1), "peak_rss_all_processes_mb": round(rss_all, 1),
                 "index_mb": round(size / 1e6, 2),
                 "index_ratio": round(size / files_in, 3),
                 "files": int(m.group(1)) if m else None, "passages": int(m.group(2)) if m else None,
                 "exit_status": rc, "summary": text.strip().splitlines()[-1] if text.strip() else ""}


def qbench(a, idx):
    p = subprocess.run([a.qbench, "-d", idx, "-r", str(a.rounds), a.queries],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1) or not p.stdout:
        sys.exit(f"bench: qbench failed: {p.stderr}")
    if p.stderr:
        print(p.stderr, end="", file=sys.stderr)
    return json.loads(p.stdout)


def per_process(a, idx, queries):
    exe = a.bin + "/speech-query"
    times = []
    for r in range(a.proc_rounds + 1):          # round 0 warms the page cache
        for q in queries:
            t0 = time.perf_counter()
            p = subprocess.run([exe, "-d", idx, "-n", "10", "--json", q],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = (time.perf_counter() - t0) * 1e3
            if p.returncode not in (0, 1):
                sys.exit(f"bench: speech-query failed on {q!r}: {p.stderr.decode()}")
            if r:
                times.append(dt)
    return {"runs": len(times), "median_ms": round(pct(times, 50), 2), "p95_ms": round(pct(times, 95), 2),
            "max_ms": round(max(times), 2)}


def commonest_bigram(files, sample=200):
    """The most frequent pair of Han characters in (a sample of) the corpus:
    the word whose facets and all-hits listing cost most."""
    import collections
    import re
    counts = collections.Counter()
    for f in files[:: max(1, len(files) // sample)]:
        try:
            text = read_bytes(f).decode("utf-8")
        except UnicodeDecodeError:
            continue
        for run in re.findall("[\u4e00-\u9fff]+", text):
            counts.update(run[i:i + 2] for i in range(len(run) - 1))
    return counts.most_common(1)[0][0] if counts else None


def heavy_queries(a, idx, word):
    """--facets and --jsonl -n all for the commonest word, one process each
    (best of 3, warm)."""
    exe = a.bin + "/speech-query"
    out = {"word": word}
    for name, args in (("facets", ["--facets", "-n", "10", "--json"]),
                       ("all_hits", ["--jsonl", "-n", "all"])):
        best, hits = None, 0
        for _ in range(3):
            t0 = time.perf_counter()
            p = subprocess.run([exe, "-d", idx, *args, word], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
            dt = time.perf_counter() - t0
            if p.returncode not in (0, 1):
                sys.exit(f"bench: speech-query {args} failed: {p.stderr.decode()}")
            best = dt if best is None else min(best, dt)
            hits = p.stdout.count(b"\n") if name == "all_hits" else json.loads(p.stdout)["total"]
        out[name + "_s"] = round(best, 3)
        out[name + "_hits" if name == "all_hits" else "facets_total"] = hits
    return out


# -- SQLite FTS5 trigram ---------------------------------------------------------
def passages(text):
    for para in re.split(r"\s*\n\s*|(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", text):
        for i in range(0, len(para), 300):
            if para[i:i + 300].strip():
                yield para[i:i + 300]


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
        raw = read_bytes(f)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", "replace")
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

    # The keyword queries (no questions, no operators), simplified like the rows.
    kw = [q for q in queries if not QUESTION.search(q) and " OR " not in q and " -" not in q]
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
                "query_p50_ms": round(pct(allq, 50), 3), "query_p95_ms": round(pct(allq, 95), 3),
                "match_p50_ms": round(pct(match_ms, 50), 3) if match_ms else None,
                "scan_p50_ms": round(pct(scan_ms, 50), 3) if scan_ms else None,
                "per_query": per_query})
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--label", required=True, help="key of this run in results.json")
    ap.add_argument("--out", required=True, help="work folder (indexes, logs)")
    ap.add_argument("--bin", default="bin")
    ap.add_argument("--qbench", default="build/rel/bench/qbench")
    ap.add_argument("--queries", default="tests/bench/queries.txt")
    ap.add_argument("--results", default="tests/bench/results.json")
    ap.add_argument("--rounds", type=int, default=20, help="qbench rounds")
    ap.add_argument("--proc-rounds", type=int, default=2, help="timed speech-query rounds")
    ap.add_argument("--fts-rounds", type=int, default=5)
    ap.add_argument("--no-fts", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    files = corpus_files(a.corpus)
    if not files:
        sys.exit(f"bench: no speech files in {a.corpus}")
    input_bytes = sum(len(read_bytes(f)) for f in files)
    disk_bytes = sum(os.path.getsize(f) for f in files)
    queries = [l.strip() for l in open(a.queries, encoding="utf-8") if l.strip() and not l.startswith("#")]
    print(f"bench: {len(files)} files, {input_bytes / 1e6:.1f} MB of text "
          f"({disk_bytes / 1e6:.1f} MB on disk) in {a.corpus}; {len(queries)} queries", flush=True)

    runs = {}
    configs = [("1", [])]
    helptext = subprocess.run([a.bin + "/speech-index", "--help"], capture_output=True, text=True).stdout
    if "--shards" in helptext:
        configs.append(("shards2", ["--shards", "2"]))
    if "--merge" in helptext:
        configs.append(("shards2-merge", ["--shards", "2", "--merge"]))
    for name, extra in configs:
        print(f"bench: speech-index {' '.join(extra)}...", flush=True)
        idx, r = index_speech(a, input_bytes, name, extra)
        print(f"bench:   {r['summary']}", flush=True)
        r["warm"] = qbench(a, idx)
        r["process"] = per_process(a, idx, queries)
        if name == "1":
            word = commonest_bigram(files)
            if word:
                r["heavy"] = heavy_queries(a, idx, word)
                print(f"bench:   commonest word {word}: --facets {r['heavy']['facets_s']} s, "
                      f"--jsonl -n all {r['heavy']['all_hits_s']} s "
                      f"({r['heavy']['all_hits_hits']} hits)", flush=True)
        runs[name] = r
        if name != "1":                 # keep the plain index only, to look at or query
            subprocess.run(["rm", "-rf", os.path.dirname(idx)], check=True)

    fts = None
    if not a.no_fts:
        print("bench: SQLite FTS5 trigram...", flush=True)
        fts = fts5(a, files, queries)

    # the keyword subset speech-search ran, for the comparison with FTS5
    kwset = {p["query"] for p in fts["per_query"]} if fts else set()
    for r in runs.values():
        kwm = [p["median_ms"] for p in r["warm"]["per_query"] if p["query"] in kwset]
        r["warm"]["keyword_p50_ms"] = round(pct(kwm, 50), 3) if kwm else None
        r["warm"]["keyword_p95_ms"] = round(pct(kwm, 95), 3) if kwm else None

    # table
    names = {"1": "speech-search", "shards2": "--shards 2", "shards2-merge": "--shards 2 --merge"}
    cols = [(names[n], r) for n, r in runs.items()]
    head = f"{'':34}" + "".join(f"{c:>22}" for c, _ in cols) + (f"{'SQLite FTS5 trigram':>22}" if fts else "")
    lines = [head]

    def row(title, vals, fv=None):
        lines.append(f"{title:34}" + "".join(f"{v:>22}" for v in vals) + (f"{fv:>22}" if fts else ""))

    W = lambda r: r["warm"]
    row("indexing time (s)", [fmt(r["seconds"]) for _, r in cols], fts and fmt(fts["seconds"]))
    row("indexing speed (MB/s)", [fmt(r["mb_per_s"]) for _, r in cols], fts and fmt(fts["mb_per_s"]))
    row("peak RSS, largest process (MB)", [fmt(r["peak_rss_mb"]) for _, r in cols], "-")
    row("peak RSS, all processes (MB)", [fmt(r["peak_rss_all_processes_mb"]) for _, r in cols], "-")
    row("index size (MB)", [fmt(r["index_mb"]) for _, r in cols], fts and fmt(fts["index_mb"]))
    row("index / input", [fmt(r["index_ratio"]) for _, r in cols], fts and fmt(fts["index_ratio"]))
    row("warm query p50/p95/p99 (ms)",
        [f"{W(r)['p50_ms']:.2f}/{W(r)['p95_ms']:.2f}/{W(r)['p99_ms']:.2f}" for _, r in cols],
        "-")
    row("keyword queries: p50 of medians", [fmt(W(r)["keyword_p50_ms"]) for _, r in cols],
        fts and fmt(fts["query_p50_ms"]))
    row("keyword queries: p95 of medians", [fmt(W(r)["keyword_p95_ms"]) for _, r in cols],
        fts and fmt(fts["query_p95_ms"]))
    row("one process median/p95 (ms)",
        [f"{r['process']['median_ms']:.1f}/{r['process']['p95_ms']:.1f}" for _, r in cols], "-")
    print()
    print("\n".join(lines))
    main_run = runs["1"]
    if fts:
        ratio = main_run["mb_per_s"] / fts["mb_per_s"]
        print(f"\nindexing speed speech-search / FTS5 = {ratio:.2f}   (FTS5: {fts['rows']} rows; "
              f"MATCH queries p50 {fmt(fts['match_p50_ms'])} ms, <3-character LIKE scans p50 "
              f"{fmt(fts['scan_p50_ms'])} ms)")

    targets = [("indexing >= 12 MB/s", main_run["mb_per_s"], 12, ">="),
               ("peak RSS <= 300 MB", main_run["peak_rss_mb"], 300, "<="),
               ("warm p50 <= 1 ms", W(main_run)["p50_ms"], 1, "<="),
               ("warm p95 <= 10 ms", W(main_run)["p95_ms"], 10, "<="),
               ("one process median <= 15 ms", main_run["process"]["median_ms"], 15, "<="),
               ("index <= 3x input", main_run["index_ratio"], 3, "<=")]
    if "heavy" in main_run:
        targets.append(("--facets of the commonest word < 1 s", main_run["heavy"]["facets_s"], 1, "<="))
    print("\ntargets (one indexing process):")
    met = {}
    for name, v, lim, op in targets:
        ok = v >= lim if op == ">=" else v <= lim
        met[name] = ok
        print(f"  {'MET    ' if ok else 'NOT MET'}  {name:30} measured {v}")
    if not all(met.values()):
        print("  where the time and space go (perf profiles of indexing and of the slowest"
              " queries):\n  README.md, section Performance")

    result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "machine": machine(),
              "commit": git_version(),
              "corpus": {"path": a.corpus, "files": len(files), "input_mb": round(input_bytes / 1e6, 2),
                         "disk_mb": round(disk_bytes / 1e6, 2)},
              "speech_search": runs, "fts5_trigram": fts,
              "index_speed_ratio_vs_fts5": round(main_run["mb_per_s"] / fts["mb_per_s"], 3) if fts else None,
              "targets_met": met}
    with open(os.path.join(a.out, "result.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    try:
        allres = json.load(open(a.results, encoding="utf-8"))
    except (OSError, ValueError):
        allres = {}
    allres.setdefault("about", "tests/bench/run.sh figures, one entry per corpus; see tests/bench/bench.py")
    allres.setdefault("runs", {})[a.label] = drop_per_query(result)   # the summary; all in a.out
    with open(a.results, "w", encoding="utf-8") as f:
        json.dump(allres, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"\nbench: figures in {a.results} (\"{a.label}\") and {a.out}/")


if __name__ == "__main__":
    main()
