#!/usr/bin/env python3
"""Pooling and judging for the project's evaluation sets (see README.md,
"Evaluation").  Not run by `make eval`: it is how the judged sets were made.

  pool.py pool QUERIES CORPUS_ROOT INDEX POOL_OUT [--depth N]
      For every query of QUERIES ({"queries": [{id, query, kind, half,
      pool?}]}) take the top N (default 25) passage windows of three systems
      and keep their union as the query's candidates:
        engine     bin/speech-query --json -n 30 (hit spans mapped to the
                   windows they overlap),
        fts5       SQLite FTS5 trigram with OpenCC (fts5_run.py),
        substring  plain substring search of the query's words (of a
                   question: the bigrams of its content pieces) after
                   OpenCC t2s, plus one
                   search per extra word list in the query's "pool" field
                   (variants a searcher would also try: 世界贸易组织 for WTO),
                   windows holding more of the words first.
      The FTS5 database is POOL_DB if set, else build/pool/pool-fts5-ROOTNAME.db
      (generated: never in tests/eval).  Candidates are listed in file order, not in any system's order; the
      pool file holds their spans and the systems (and ranks) that found them
      (gzip-compressed when POOL_OUT ends in .gz, as the committed pools do).
  pool.py deepen POOL CORPUS_ROOT INDEX [--depth N] [QID...]
      Incremental pooling: the windows of the engine's current top N
      (default 20) hits that are not candidates yet are appended to the
      query's candidates (numbers after the existing ones, "round": one
      more than the query's last, 2 the first time, system "engine2"), so
      that they can be read and graded; the existing numbers, and so the
      judgments, stay valid.  Prints the new numbers.  With QIDs, only
      those queries (to deepen a tuning half without touching the other).
  pool.py show POOL CORPUS_ROOT [--queries QUERIES] [--new | --round N] [QID...]
      Prints the candidates to read: number and text (simplified; a long
      window as the stretches around the query's words and pool variants);
      --new: only the candidates added by `deepen`; --round N: only those
      added by the deepening of round N.
  pool.py qrels QUERIES POOL CORPUS_ROOT JUDGMENTS HALF OUT
      Writes the judged set of one half ("tune" or "heldout"): JUDGMENTS has
      one line a query, `QID 2:3,5 1:7,9` (candidate numbers by grade; the
      rest are 0), lines starting with # are comments.
"""
import gzip
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import windows as W  # noqa: E402
import fts5_run  # noqa: E402

ENGINE = os.environ.get("BIN", "bin") + "/speech-query"



def load_pool(path):
    """A pool file: JSON, gzip-compressed when its name ends in .gz (the
    committed pools are, so that the repository holds no file of megabytes)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fp:
        return json.load(fp)


def save_pool(pool, path):
    """Writes a pool as load_pool reads it (gzip without a time stamp, so
    that the same pool gives the same bytes)."""
    text = json.dumps(pool, ensure_ascii=False, indent=0) + "\n"
    if path.endswith(".gz"):
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fp:
            fp.write(text.encode("utf-8"))
    else:
        with open(path, "w", encoding="utf-8") as fp:
            fp.write(text)

def engine_hits(index, query, depth):
    p = subprocess.run([ENGINE, "-d", index, "--json", "-n", "30", query],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"speech-query failed on {query}: {p.stderr}")
    return json.loads(p.stdout)["hits"][:depth]


def windows_of(db, f, s, e):
    return [r[0] for r in db.execute(
        "select id from win where file=? and s<? and e>? order by s", (f, e, s))]


def filter_ok(meta, f, title, text, filters):
    m = meta.get(f, {})
    for k, v in filters:
        if k == "region":
            short = v.rstrip("省市县区") or v
            if not (short in m.get("region", "") or short in (m.get("title") or title)
                    or short in text):
                return False
        elif k == "year" and m and not W.year_ok(v, m.get("year", "")):
            return False
    return True


class Texts:
    """Every window's simplified text, file and title, held in memory so
    that a plain substring search is one pass over the corpus."""

    def __init__(self, db):
        self.ids, self.texts = [], []
        for rid, text in db.execute("select rowid, text from ft order by rowid"):
            self.ids.append(rid)
            self.texts.append(text)
        self.file, self.title = {}, {}
        for rid, f, title in db.execute("select id, file, title from win"):
            self.file[rid] = f
            self.title[rid] = title


def substring(tx, meta, terms, filters, depth):
    """Windows holding the most of the terms (then the most occurrences,
    then the shortest), among those that pass the filters."""
    terms = [t for t in dict.fromkeys(terms) if t]
    if not terms:
        return []
    scored = []
    for rid, text in zip(tx.ids, tx.texts):
        have = [t for t in terms if t in text]
        if not have:
            continue
        if filters and not filter_ok(meta, tx.file[rid], tx.title[rid], text, filters):
            continue
        scored.append((-len(have), -sum(text.count(t) for t in have), len(text), rid))
    scored.sort()
    return [rid for _, _, _, rid in scored[:depth]]


def pool_db(root):
    """The FTS5 database of pooling: POOL_DB, else one per corpus in the
    build tree (generated data, never beside the judged sets)."""
    if os.environ.get("POOL_DB"):
        return os.environ["POOL_DB"]
    d = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                     "build", "pool")
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, "pool-fts5-" + os.path.basename(os.path.normpath(root)) + ".db")


def do_pool(qfile, root, index, out, depth):
    spec = json.load(open(qfile, encoding="utf-8"))["queries"]
    db = fts5_run.open_db(pool_db(root), root)
    meta = W.real_meta(root)
    tx = Texts(db)
    pool = {}
    for q in spec:
        words, filters, question = W.parse_query(q["query"])
        conv = W.t2s_lines(words + [v for _, v in filters])
        words = conv[:len(words)]
        filters = [(k, v) for (k, _), v in zip(filters, conv[len(words):])]
        found = {}

        def add(system, ids):
            for rank, rid in enumerate(ids, 1):
                found.setdefault(rid, {}).setdefault(system, rank)

        ids = []
        for h in engine_hits(index, q["query"], depth):
            for rid in windows_of(db, os.path.basename(h["file"]), h["byte_start"],
                                  h["byte_end"]):
                if rid not in ids:
                    ids.append(rid)
        add("engine", ids)
        ids = []
        for h in fts5_run.search(db, meta, q["query"], depth):
            ids += windows_of(db, h["file"], h["byte_start"], h["byte_end"])
        add("fts5", ids)
        if question:
            terms = [p[i:i + 2] for p in W.question_pieces(words) for i in range(len(p) - 1)]
        else:
            terms = words
        add("substring", substring(tx, meta, terms, filters, depth))
        for i, extra in enumerate(q.get("pool", [])):
            add(f"variant{i + 1}", substring(tx, meta, W.t2s_lines(extra), filters, depth))
        cands = []
        for rid, systems in found.items():
            f, s, e, raw, title = db.execute(
                "select file, s, e, raw, title from win where id=?", (rid,)).fetchone()
            cands.append({"file": f, "byte_start": s, "byte_end": e, "systems": systems})
        cands.sort(key=lambda c: (c["file"], c["byte_start"]))
        for i, c in enumerate(cands, 1):
            c["n"] = i
        pool[q["id"]] = {"query": q["query"], "kind": q["kind"], "depth": depth,
                         "candidates": cands}
        print(f"{q['id']}\t{len(cands)} candidates\t{q['query']}", file=sys.stderr)
    save_pool(pool, out)


def do_deepen(pfile, root, index, depth, qids=()):
    pool = load_pool(pfile)
    db = fts5_run.open_db(pool_db(root), root)
    total = 0
    for qid, p in pool.items():
        if qids and qid not in qids:
            continue
        have = {(c["file"], c["byte_start"], c["byte_end"]) for c in p["candidates"]}
        n = max((c["n"] for c in p["candidates"]), default=0)
        rnd = max((c.get("round", 1) for c in p["candidates"]), default=1) + 1
        new = []
        for rank, h in enumerate(engine_hits(index, p["query"], depth), 1):
            f = os.path.basename(h["file"])
            for rid in windows_of(db, f, h["byte_start"], h["byte_end"]):
                _, s, e = db.execute("select file, s, e from win where id=?",
                                     (rid,)).fetchone()
                if (f, s, e) in have:
                    continue
                have.add((f, s, e))
                n += 1
                new.append(n)
                p["candidates"].append({"file": f, "byte_start": s, "byte_end": e,
                                        "systems": {"engine2": rank}, "n": n, "round": rnd})
        total += len(new)
        print(f"{qid}\t{len(new)} new\t{','.join(map(str, new))}\t{p['query']}",
              file=sys.stderr)
    print(f"{total} new candidates", file=sys.stderr)
    save_pool(pool, pfile)


def read_texts(root, cands):
    """Original text (and the file's first line, its title) of each
    candidate, read from the corpus: the pool files hold spans only, so that
    no text of the real corpus is committed with them."""
    paths = {os.path.basename(p): p for p in W.corpus_files(root)}
    cache = {}
    for c in cands:
        p = paths[c["file"]]
        if p not in cache:
            cache[p] = open(p, "rb").read()
        data = cache[p]
        c["text"] = data[c["byte_start"]:c["byte_end"]].decode("utf-8", "replace")
        c["title"] = data.split(b"\n", 1)[0].decode("utf-8", "replace")


KWIC = 22          # characters shown either side of a query word in `show`


def kwic(text, terms):
    """The window as read for judging: whole when short, else the stretches
    around the first few occurrences of the query's words (simplified)."""
    if len(text) <= 2 * KWIC + 40:
        return text
    spans = []
    for t in terms:
        i = text.find(t)
        n = 0
        while i >= 0 and n < 1:
            spans.append((max(0, i - KWIC), min(len(text), i + len(t) + KWIC)))
            i = text.find(t, i + 1)
            n += 1
    if not spans:
        return text[:40] + "…"
    spans.sort()
    merged = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    head = text[:12] + "…" if merged[0][0] > 12 else ""
    return head + "…".join(text[a:b] for a, b in merged[:1])


def do_show(pfile, root, qids, qfile=None, new_only=False, rnd=None):
    pool = load_pool(pfile)
    spec = {q["id"]: q for q in json.load(open(qfile, encoding="utf-8"))["queries"]} \
        if qfile else {}
    for qid, p in pool.items():
        if qids and qid not in qids:
            continue
        words, filters, question = W.parse_query(p["query"])
        extra = [t for lst in spec.get(qid, {}).get("pool", []) for t in lst]
        terms = W.t2s_lines((W.question_pieces(words) if question else words) + extra)
        terms = sorted(set(terms), key=len, reverse=True)
        cands = [c for c in p["candidates"]
                 if (not new_only or c.get("round", 1) >= 2) and
                 (rnd is None or c.get("round", 1) == rnd)]
        if not cands:
            continue
        read_texts(root, cands)
        texts = W.t2s_lines([c["text"] for c in cands])
        print(f"=== {qid} [{p['kind']}] {p['query']}  ({len(cands)})")
        last = None
        for c, t in zip(cands, texts):
            if c["file"] != last:
                name = c["file"][:-4] if c["file"][:4].isdigit() else c["title"][:16]
                print(f" -- {name}")
                last = c["file"]
            print(f"{c['n']}. {kwic(t, terms)}")


TEXT_CAP = 80      # characters of "text" kept in a judged set of the real corpus


def read_judgments(jfile):
    """{qid: {candidate number: grade}} of a judgments file: one line a
    query, `QID 2:3,5 1:7` (a later line of a query replaces an earlier one);
    # starts a comment."""
    judged = {}
    for line in open(jfile, encoding="utf-8"):
        line = line.split("#", 1)[0].split()
        if not line:
            continue
        grades = {}
        for part in line[1:]:
            g, nums = part.split(":", 1)
            for n in filter(None, nums.split(",")):
                grades[int(n)] = int(g)
        judged[line[0]] = grades
    return judged


def do_qrels(qfile, pfile, root, jfile, half, out):
    spec = json.load(open(qfile, encoding="utf-8"))
    pool = load_pool(pfile)
    judged = read_judgments(jfile)
    queries = []
    for q in spec["queries"]:
        if q["half"] != half:
            continue
        if q["id"] not in judged:
            sys.exit(f"{q['id']} is not judged")
        read_texts(root, pool[q["id"]]["candidates"])
        cands = {c["n"]: c for c in pool[q["id"]]["candidates"]}
        rel = []
        for n, g in sorted(judged[q["id"]].items()):
            if g <= 0:
                continue
            c = cands[n]
            text = c["text"]
            if spec.get("text_cap") and len(text) > TEXT_CAP:
                text = text[:TEXT_CAP] + "…"
            rel.append({"file": c["file"], "byte_start": c["byte_start"],
                        "byte_end": c["byte_end"], "grade": g, "text": text})
        queries.append({"id": q["id"], "query": q["query"], "kind": q["kind"],
                        "pooled": len(cands), "rel": rel})
    doc = {"about": spec["about"] + f" Half: {half}.", "queries": queries}
    with open(out, "w", encoding="utf-8") as fp:
        json.dump(doc, fp, ensure_ascii=False, indent=1)
        fp.write("\n")


def main():
    a = sys.argv[1:]
    depth = 25
    if "--depth" in a:
        i = a.index("--depth")
        depth = int(a[i + 1])
        del a[i:i + 2]
    if a[:1] == ["pool"] and len(a) == 5:
        do_pool(a[1], a[2], a[3], a[4], depth)
    elif a[:1] == ["deepen"] and len(a) >= 4:
        do_deepen(a[1], a[2], a[3], 20 if depth == 25 and "--depth" not in sys.argv else depth,
                  set(a[4:]))
    elif a[:1] == ["show"] and len(a) >= 3:
        qfile = None
        if "--queries" in a:
            i = a.index("--queries")
            qfile = a[i + 1]
            del a[i:i + 2]
        new_only = "--new" in a
        if new_only:
            a.remove("--new")
        rnd = None
        if "--round" in a:
            i = a.index("--round")
            rnd = int(a[i + 1])
            del a[i:i + 2]
        do_show(a[1], a[2], set(a[3:]), qfile, new_only, rnd)
    elif a[:1] == ["qrels"] and len(a) == 7:
        do_qrels(*a[1:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
