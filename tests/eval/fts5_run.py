#!/usr/bin/env python3
"""Reference system for the evaluation: SQLite FTS5 with the trigram
tokenizer over the same passage windows (windows.py), OpenCC t2s on text and
query.  Used as the baseline column of `make eval` and as one of the systems
whose top hits are pooled for judging (pool.py).

usage: fts5_run.py DB CORPUS_ROOT QRELS_OR_QUERIES RUN_OUT [-n N]

Keywords: every word must stand in the window (words of three or more
characters through the trigram index, shorter ones by LIKE), ranked by bm25
(or by how often the words stand there when none is three characters long).
Questions: the trigrams of the question's content pieces, any of them, by
bm25.  Filters: region: (the file's region or title per index.tsv, or the
window itself names it), year: (the file's year per index.tsv); others are
ignored.  The DB is rebuilt when the corpus' files or their sizes and times
change.
"""
import hashlib
import json
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import windows as W  # noqa: E402


def signature(files):
    h = hashlib.sha1()
    for f in files:
        st = os.stat(f)
        h.update(f"{f}\t{st.st_size}\t{int(st.st_mtime)}\n".encode())
    return h.hexdigest()


def open_db(path, root):
    files = W.corpus_files(root)
    sig = signature(files)
    if os.path.exists(path):
        db = sqlite3.connect(path)
        try:
            if db.execute("select v from meta where k='sig'").fetchone()[0] == sig:
                return db
        except sqlite3.Error:
            pass
        db.close()
        os.remove(path)
    tmp = path + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    db = sqlite3.connect(tmp)
    db.execute("create table meta(k text primary key, v text)")
    db.execute("create table win(id integer primary key, file text, s int, e int, "
               "raw text, title text)")
    db.execute("create virtual table ft using fts5(text, tokenize='trigram')")
    rows, plain = [], []
    for f in files:
        wins = W.windows(f)
        title = wins[0][2] if wins else ""
        for s, e, t in wins:
            rows.append((os.path.basename(f), s, e, t, title))
            plain.append(t)
    conv = W.t2s_lines(plain)
    db.executemany("insert into win(id, file, s, e, raw, title) values (?,?,?,?,?,?)",
                   [(i + 1,) + r for i, r in enumerate(rows)])
    db.executemany("insert into ft(rowid, text) values (?,?)",
                   [(i + 1, t) for i, t in enumerate(conv)])
    db.execute("insert into meta values ('sig', ?)", (sig,))
    db.commit()
    db.close()
    os.replace(tmp, path)
    return sqlite3.connect(path)


def fts_quote(s):
    return '"' + s.replace('"', '""') + '"'


def search(db, meta, query, n):
    words, filters, question = W.parse_query(query)
    conv = W.t2s_lines(words + [v for _, v in filters])
    words, fvals = conv[:len(words)], conv[len(words):]
    filters = [(k, v) for (k, _), v in zip(filters, fvals)]
    where, args = [], []
    if question:
        tris = []
        for p in W.question_pieces(words):
            tris += [p[i:i + 3] for i in range(len(p) - 2)] or [p]
        long_ = [t for t in dict.fromkeys(tris) if len(t) >= 3]
        if not long_:
            return []
        match = " OR ".join(fts_quote(t) for t in long_)
        short = []
    else:
        long_ = [w for w in words if len(w) >= 3]
        short = [w for w in words if len(w) < 3]
        match = " AND ".join(fts_quote(w) for w in long_)
    for w in short:
        where.append("ft.text like ?")
        args.append("%" + w + "%")
    if match:
        where.insert(0, "ft match ?")
        args.insert(0, match)
    if not where:
        return []
    sql = ("select win.file, win.s, win.e, ft.text, win.title" +
           (", bm25(ft)" if match else ", 0") +
           " from ft join win on win.id = ft.rowid where " + " and ".join(where))
    if match:
        sql += " order by bm25(ft)"
    limit = n * 50
    sql += f" limit {limit if filters else (n if match else 200000)}"
    out = []
    for f, s, e, text, title, score in db.execute(sql, args):
        m = meta.get(f, {})
        ok = True
        for k, v in filters:
            if k == "region":
                short_v = re.sub("[省市县区]$", "", v)
                ok &= short_v in m.get("region", "") or short_v in (m.get("title") or title) \
                    or short_v in text
            elif k == "year" and m:
                ok &= W.year_ok(v, m.get("year", ""))
        if not ok:
            continue
        if not match:
            score = -sum(text.count(w) for w in short) / (1 + len(text) / 200)
        out.append((score, f, s, e))
    if not match:
        out.sort()
    return [{"file": f, "byte_start": s, "byte_end": e} for _, f, s, e in out[:n]]


def main():
    args = sys.argv[1:]
    n = 10
    if "-n" in args:
        i = args.index("-n")
        n = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    dbpath, root, qfile, out = args
    db = open_db(dbpath, root)
    meta = W.real_meta(root)
    queries = json.load(open(qfile, encoding="utf-8"))["queries"]
    run = {q["id"]: search(db, meta, q["query"], n) for q in queries}
    json.dump(run, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
