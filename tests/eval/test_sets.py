#!/usr/bin/env python3
"""Checks of the judged sets and of the evaluation's own tools (run by
tests/run.sh): the sources of every set (queries, pool, judgments) agree,
every set is well formed, its spans are byte spans of the original files
whose text it quotes, the tuning and held-out halves do not share queries, a
run made of the judged units in grade order scores 1 and an empty run 0, the
passage windows cover the files' bytes exactly, and the manual-page extractor
keeps text and drops requests.  The real corpus's halves are not committed
(they quote that corpus): they are made here from their sources, as `make
eval` makes them, when the corpus is present ($REALCORPUS, by default the
realcorpus folder beside the checkout), and those checks are skipped with a
message when it is absent.  Ends with "N passed, N failed".
"""
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import distractor  # noqa: E402
import pool  # noqa: E402
import windows  # noqa: E402
from score import make_units, score  # noqa: E402

REAL = os.environ.get("REALCORPUS", os.path.join(ROOT, "..", "shared", "realcorpus"))
SETS = [  # file, corpus root, whole text quoted (else a prefix of it)
    ("dev_qrels.json", os.path.join(ROOT, "corpus"), True),
    ("corpus_tune.json", os.path.join(ROOT, "corpus"), True),
    ("corpus_heldout.json", os.path.join(ROOT, "corpus"), True),
]
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")


def load(name, where=HERE):
    path = os.path.join(where, name)
    return json.load(open(path, encoding="utf-8"))["queries"] if os.path.exists(path) else None


def check_sources(kind):
    """queries_KIND.json, pool_KIND.json and judgments_KIND.txt agree: every
    query is pooled and judged, on candidates of its pool, with something
    relevant; ids are unique; each query is in one half, and the halves share
    no query text."""
    spec = json.load(open(os.path.join(HERE, f"queries_{kind}.json"), encoding="utf-8"))["queries"]
    cands = pool.load_pool(os.path.join(HERE, f"pool_{kind}.json.gz"))
    judged = pool.read_judgments(os.path.join(HERE, f"judgments_{kind}.txt"))
    ids = [q["id"] for q in spec]
    check(len(ids) == len(set(ids)), f"queries_{kind}: ids unique")
    for q in spec:
        what = f"{kind} {q['id']}"
        nums = {c["n"] for c in cands.get(q["id"], {}).get("candidates", [])}
        grades = judged.get(q["id"])
        check(q.get("half") in ("tune", "heldout"), what + ": in a half")
        check(bool(nums), what + ": pooled")
        check(grades is not None and set(grades) <= nums, what + ": judged on its pool")
        check(bool(grades) and max(grades.values()) > 0, what + ": something relevant")
    halves = [{q["query"] for q in spec if q.get("half") == h} for h in ("tune", "heldout")]
    check(not halves[0] & halves[1], f"queries_{kind}: the halves share no query")


def check_set(name, root, whole, where=HERE):
    queries = load(name, where)
    if queries is None:
        print(f"skip {name}: absent")
        return
    ids = [q["id"] for q in queries]
    check(len(ids) == len(set(ids)), f"{name}: ids unique")
    paths = {}
    if os.path.isdir(root):
        paths = {os.path.basename(p): p for p in windows.corpus_files(root)}
    else:
        print(f"skip {name}: spans not checked against {root} (absent)")
    for q in queries:
        check(bool(q.get("query")) and bool(q.get("kind", "dev")), f"{name} {q['id']}: query, kind")
        check(len(q["rel"]) > 0, f"{name} {q['id']}: judged spans")
        for r in q["rel"]:
            what = f"{name} {q['id']} {r['file']}@{r['byte_start']}"
            check(r["grade"] in (1, 2) and 0 <= r["byte_start"] < r["byte_end"], what + ": grade, span")
            if not paths:
                continue
            if r["file"] not in paths:
                check(False, what + ": file exists")
                continue
            data = open(paths[r["file"]], "rb").read()
            text = data[r["byte_start"]:r["byte_end"]].decode("utf-8", "replace")
            quoted = r["text"]
            if whole:
                check(text == quoted, what + ": text is the span's bytes")
            else:
                check(r["byte_end"] <= len(data) and
                      text.startswith(quoted.rstrip("…")), what + ": text begins the span")
        perfect = [{"file": u["file"], "byte_start": u["start"], "byte_end": u["end"]}
                   for u in sorted(make_units(q["rel"]), key=lambda u: -u["grade"])]
        check(abs(score(q["rel"], perfect)[0] - 1.0) < 1e-9, f"{name} {q['id']}: ideal run scores 1")
        check(score(q["rel"], [])[0] == 0.0, f"{name} {q['id']}: empty run scores 0")


def check_halves(a, b, where=HERE):
    qa, qb = load(a, where), load(b, where)
    if qa is None or qb is None:
        print(f"skip {a} / {b}: a half is absent")
        return
    check(not {q["id"] for q in qa} & {q["id"] for q in qb}, f"{a} / {b}: no shared id")
    check(not {q["query"] for q in qa} & {q["query"] for q in qb}, f"{a} / {b}: no shared query")


def check_windows():
    for path in windows.corpus_files(os.path.join(ROOT, "corpus")):
        data = open(path, "rb").read()
        wins = windows.windows(path)
        check(all(data[s:e].decode("utf-8") == t for s, e, t in wins),
              f"windows {os.path.basename(path)}: spans are the text's bytes")
        check(all(a[1] <= b[0] for a, b in zip(wins, wins[1:])),
              f"windows {os.path.basename(path)}: in order, not overlapping")


def check_roff():
    cases = [  # roff source, text expected in, text expected out
        ('.\\" comment\n.TH LS 1\n.SH 名称\nls \\- 列出目录\n.PP\n\\fB-a\\fP 全部', "列出目录", "comment"),
        (".SH 描述\n.TP\n\\fI文件\\fR 名称", "文件 名称", "\\f"),
        (".so man1/other.1", "", "man1"),
    ]
    for src, want, unwanted in cases:
        text = distractor.roff_text(src)
        check(want in text and (not unwanted or unwanted not in text), f"roff_text {src[:20]!r}")


def check_real_halves():
    """The real corpus's halves, made from their sources as `make eval` does."""
    if not os.path.isdir(REAL):
        print(f"skip real_tune.json / real_heldout.json: not made, {REAL} is absent")
        return
    tmp = tempfile.mkdtemp(prefix="ss-eval-sets-")
    try:
        for half in ("tune", "heldout"):
            pool.do_qrels(os.path.join(HERE, "queries_real.json"), os.path.join(HERE, "pool_real.json.gz"),
                          REAL, os.path.join(HERE, "judgments_real.txt"), half,
                          os.path.join(tmp, f"real_{half}.json"))
            check_set(f"real_{half}.json", REAL, False, tmp)
        check_halves("real_tune.json", "real_heldout.json", tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    for kind in ("corpus", "real"):
        check_sources(kind)
    for name, root, whole in SETS:
        check_set(name, root, whole)
    check_halves("corpus_tune.json", "corpus_heldout.json")
    check_real_halves()
    check_windows()
    check_roff()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
