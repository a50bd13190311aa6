#!/usr/bin/env python3
"""End-to-end tests of speech-index and speech-query, run as a user would.

usage: test_cli.py BINDIR
Builds indexes in a temporary folder from corpus/ and from small fixture
files written here, runs queries and checks hits, spans, JSON and exit
codes.  Prints one line per failing case and ends with "N passed, N failed".
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin"))
CORPUS = os.path.join(ROOT, "corpus")
passed = failed = 0


def check(cond, name, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}".rstrip())


def run(*args, ok=(0, 1)):
    p = subprocess.run(list(args), capture_output=True, text=True)
    if p.returncode not in ok:
        print(f"  command {args} exited {p.returncode}: {p.stderr.strip()[:500]}")
    return p


def index(db, *paths, extra=()):
    return run(f"{BIN}/speech-index", "-d", db, *extra, *paths, ok=(0,))


def query(db, q, n=10, extra=()):
    p = run(f"{BIN}/speech-query", "-d", db, "-n", str(n), "--json", *extra, q)
    try:
        return p.returncode, json.loads(p.stdout) if p.stdout.strip() else None
    except json.JSONDecodeError:
        return p.returncode, None


def reread(hit, base=""):
    path = hit["file"] if os.path.isabs(hit["file"]) else os.path.join(base, hit["file"])
    with open(path, "rb") as f:
        data = f.read()
    return data[hit["byte_start"]:hit["byte_end"]].decode("utf-8", "replace")


FIXTURES = {
    "a.txt": "关于招商引资的讲话\n"
             "我们要深化项目合作，推动地企合作再上新台阶。\n"
             "项目建设要加强合作，共同推进。\n"
             "聚焦“六新”项目推动产业升级。\n"
             "全市上下要落实“9+2”工作布局，全年签约总投资1762.7亿元。\n"
             "亩均税收达到280万元/亩，建成5G基站1200个，GDP增长6.5%。\n"
             "发展O2O新业态，推进“智能+”和“互联网+”行动。\n",
    "b.txt": "产业发展的报告\n"
             "招商工作和引资工作要两手抓，不能偏废。\n"
             "推进产业集聚区转型发展，是当前的重要任务。\n"
             "今年经济发展总体平稳，各项事业全面发展。\n"
             "产业集聚区的建设情况良好。另外，我们也要关注企业的转型问题，这关系到长远发展。\n"
             "“四个致力”是全市工作的总要求。\n",
}


def write_fixtures(d):
    for name, text in FIXTURES.items():
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)


def texts(res):
    return [h["text"] for h in res["hits"]] if res else []


def test_corpus(tmp):
    db = os.path.join(tmp, "corpus.db")
    p = index(db, CORPUS)
    check(p.returncode == 0, "index corpus exit 0", p.stderr)
    check("indexed 5 files" in p.stdout, "summary counts 5 files", p.stdout)
    for q in ("首問負責制", "首问负责制"):
        rc, res = query(db, q)
        check(rc == 0 and res and res["hits"], f"{q}: has hits")
        if res and res["hits"]:
            t = res["hits"][0]["text"]
            check("首问负责制" in t or "首問負責制" in t, f"{q}: first hit names it", t[:80])
    rc, res = query(db, "招商引资", n=20)
    check(rc == 0 and res and len(res["hits"]) == 20, "招商引资: 20 hits")
    for h in (res or {}).get("hits", []):
        check(reread(h, ROOT) == h["text"], f"span rereads as text ({h['file']}:{h['byte_start']})")
        raw = h["text"].encode("utf-8")
        for s, e in h["highlights"]:
            frag = raw[s:e].decode("utf-8")
            check(frag in ("招商引资", "招商引資"), "highlight is the query word", frag)
    # traditional text is found by a simplified query and the other way round
    rc, res = query(db, "长三角")
    files = {os.path.basename(h["file"]) for h in res["hits"]} if res else set()
    check(len(files) >= 2, "长三角 finds traditional and simplified files", str(files))
    # indexing twice changes nothing
    rc1, before = query(db, "项目建设", n=50)
    p = index(db, CORPUS, extra=("--force",))
    rc2, after = query(db, "项目建设", n=50)
    check(before and after and before["total"] == after["total"] and
          [(h["file"], h["byte_start"]) for h in before["hits"]] ==
          [(h["file"], h["byte_start"]) for h in after["hits"]], "re-indexing gives the same index")
    p = index(db, CORPUS)
    check("5 unchanged" in p.stdout, "unchanged files are skipped", p.stdout)


FIXTURE_CASES = [
    # query, substring the first hit must contain, substrings no hit may contain
    ("\"项目合作\"", "深化项目合作", ["项目建设要加强合作"]),
    ("项目 合作", "项目合作", []),
    ("招商引资", "关于招商引资", ["招商工作和引资工作"]),
    ("六新项目", "“六新”项目", []),
    ("9+2", "“9+2”工作布局", []),
    ("1762.7亿元", "1762.7亿元", []),
    ("280万元/亩", "280万元/亩", []),
    ("5G", "5G基站", []),
    ("gdp", "GDP增长", []),
    ("O2O", "O2O新业态", []),
    ("智能+", "“智能+”", []),
    ("招商 -引资工作", "关于招商引资", ["招商工作和引资工作"]),
    ("招商 -\"引资工作\"", "关于招商引资", ["招商工作和引资工作"]),
    ("四个致力", "“四个致力”", []),
    ("怎样推进产业集聚区转型发展", "推进产业集聚区转型发展", []),
    ("產業集聚區", "产业集聚区", []),
]


def test_fixtures(tmp):
    d = os.path.join(tmp, "fx")
    os.mkdir(d)
    write_fixtures(d)
    db = os.path.join(tmp, "fx.db")
    index(db, d)
    for q, first, never in FIXTURE_CASES:
        rc, res = query(db, q)
        t = texts(res)
        check(rc == 0 and t and first in t[0], f"[{q}] first hit holds {first}", str(t[:2]))
        for bad in never:
            check(not any(bad in x for x in t), f"[{q}] no hit holds {bad}")
    # a question ranks passages with its words together above scattered ones
    rc, res = query(db, "如何推进产业集聚区转型发展")
    t = texts(res)
    check(res and res["mode"] == "question", "question mode detected")
    check(len(t) >= 2 and "推进产业集聚区转型发展" in t[0], "question: together first", str(t[:3]))
    # exit status: 1 for no hits, 2 for a missing index
    rc, res = query(db, "不存在的词语组合")
    check(rc == 1 and res is not None and res["hits"] == [], "no hits: exit 1, empty hits")
    p = run(f"{BIN}/speech-query", "-d", os.path.join(tmp, "missing"), "x", ok=(2,))
    check(p.returncode == 2 and "missing" in p.stderr, "missing index: exit 2 naming it", p.stderr)
    p = run(f"{BIN}/speech-query", "--help", ok=(0,))
    check(p.returncode == 0 and "usage" in p.stdout, "--help")
    # --jsonl prints one hit per line
    p = run(f"{BIN}/speech-query", "-d", db, "--jsonl", "项目")
    lines = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    check(len(lines) >= 2 and all("byte_start" in l for l in lines), "--jsonl: one hit a line")
    # --offset pages through the same ranking
    rc, all5 = query(db, "发展", n=4)
    rc, page2 = query(db, "发展", n=2, extra=("--offset", "2"))
    check(all5 and page2 and [h["byte_start"] for h in all5["hits"][2:4]] ==
          [h["byte_start"] for h in page2["hits"]] and page2["hits"][0]["rank"] == 3,
          "--offset pages")
    # proximity: words close together rank above words apart
    rc, res = query(db, "企业 转型")
    t = texts(res)
    check(t and "企业的转型" in t[0], "proximity ranks close words first", str(t[:2]))
    # removing a file from disk and re-indexing it replaces its passages
    with open(os.path.join(d, "a.txt"), "w", encoding="utf-8") as f:
        f.write("新的内容只有一段。\n")
    index(db, d)
    rc, res = query(db, "六新项目")
    check(rc == 1, "changed file's old passages are gone")


def main():
    tmp = tempfile.mkdtemp(prefix="ss-e2e-")
    try:
        test_corpus(tmp)
        test_fixtures(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
