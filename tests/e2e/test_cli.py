#!/usr/bin/env python3
"""End-to-end tests of speech-index and speech-query, run as a user would.

usage: test_cli.py BINDIR
Builds indexes in a temporary folder from corpus/ and from small fixture
files written here, runs queries and checks hits, spans, JSON and exit
codes.  Prints one line per failing case and ends with "N passed, N failed".
"""
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, free_port, summary, wait_port  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin"))
CORPUS = os.path.join(ROOT, "corpus")



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


def same_less_removed(text, raw):
    """raw (a span re-read) is text with perhaps a few pieces that cleaning
    removed (a site name inside a sentence): same ends, text a subsequence."""
    if raw == text:
        return True
    if not text or not raw or raw[0] != text[0] or raw[-1] != text[-1]:
        return False
    it = iter(raw)
    return all(ch in it for ch in text) and len(raw) - len(text) < len(text) // 5 + 10


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


def strict_texts(res):
    """The texts of the strict hits (the partial tier's follow them)."""
    return [h["text"] for h in res["hits"] if not h["partial"]] if res else []


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
        check(same_less_removed(h["text"], reread(h, ROOT)),
              f"span rereads as text ({h['file']}:{h['byte_start']})")
        raw = h["text"].encode("utf-8")
        for s, e in h["highlights"]:
            frag = raw[s:e].decode("utf-8")
            # the word, or its halves with a character or two between (招商和引资)
            check(frag[:2] == "招商" and frag[-2:] in ("引资", "引資") and len(frag) <= 6,
                  "highlight is the query word", frag)
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
            check(not any(bad in x for x in strict_texts(res)), f"[{q}] no strict hit holds {bad}")
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
    # an excluded word may come first, as its own argument: not an option
    p = run(f"{BIN}/speech-query", "-d", db, "--json", "-引资工作", "招商")
    res = json.loads(p.stdout) if p.returncode in (0, 1) and p.stdout.strip() else None
    check(res and res["hits"] and not any("引资工作" in h["text"] for h in res["hits"]),
          "-word as first argument excludes", p.stderr)
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


def test_duplicates(tmp):
    d = os.path.join(tmp, "dup")
    os.mkdir(d)
    write_fixtures(d)
    with open(os.path.join(d, "copy.txt"), "w", encoding="utf-8") as f:
        f.write("转载\n我们要深化項目合作，推动地企合作再上新台阶！\n")  # traditional, other punctuation
    with open(os.path.join(d, "notes.md"), "w", encoding="utf-8") as f:
        f.write("不是讲话。\n")
    db = os.path.join(tmp, "dup.db")
    p = index(db, d)
    check("1 other files in the folders were not read" in p.stdout, "ignored files are counted",
          p.stdout)
    rc, res = query(db, "\"项目合作\"")
    hits = res["hits"] if res else []
    check(len(hits) == 1, "copies collapse into one hit", str([h["file"] for h in hits]))
    if hits:
        dups = hits[0].get("duplicates", [])
        check(len(dups) == 1 and dups[0]["file"] != hits[0]["file"], "the hit lists the copy", str(dups))
        if dups:
            check("项目合作" in reread(dups[0]) or "項目合作" in reread(dups[0]), "copy's span rereads")
    rc, res = query(db, "\"项目合作\"", extra=("--duplicates",))
    check(res and len(res["hits"]) == 2, "--duplicates shows both")




QUERIES = ["招商引资", "项目 建设", "长三角", "如何推进产业集聚区转型发展", "\"项目为王\"", "市",
           "项目 title:讲话", "title:会议 year:2019", "speaker:市委书记 项目"]


def top10(db_args, q):
    """The top 10 with what each hit shows of its speech (stored once per
    speech and joined at query time: the same through every layout)."""
    p = run(f"{BIN}/speech-query", *db_args, "-n", "10", "--json", q)
    try:
        return [(os.path.basename(h["file"]), h["byte_start"], h["title"], h["heading"], h["date"],
                 h["speaker"], h["region"], h["kind"], h["text"])
                for h in json.loads(p.stdout)["hits"]]
    except (json.JSONDecodeError, KeyError):
        return None


def segments(db):
    """The segments named by an index's stub."""
    with open(os.path.join(db, "XAPIANDB")) as f:
        return [line.split()[1] for line in f if line.startswith("auto ")]


def test_shards(tmp):
    one = os.path.join(tmp, "one.db")
    two = os.path.join(tmp, "two.db")
    merged = os.path.join(tmp, "merged.db")
    index(one, CORPUS, extra=("--jobs", "1"))
    # term lists: xapian-tcpsrv (below) needs them
    p = index(two, CORPUS, extra=("--jobs", "2", "--segment-mb", "0.05", "--termlists"))
    check(len(segments(two)) >= 2, "--segment-mb cuts the index into segments", p.stderr)
    index(merged, CORPUS, extra=("--shards", "2", "--segment-mb", "0.05", "--merge"))
    check(len(segments(merged)) == 1, "--merge compacts them into one", str(segments(merged)))
    for q in QUERIES:
        ref = top10(["-d", one], q)
        check(ref and top10(["-d", two], q) == ref, f"[{q}] segments give the same top 10")
        check(ref and top10(["-d", merged], q) == ref, f"[{q}] merged gives the same top 10")
        seg_dbs = [a for s in segments(two) for a in ("-d", os.path.join(two, s))]
        check(ref and top10(seg_dbs, q) == ref, f"[{q}] the segments as -d give the same top 10")
    # remote shards: two xapian-tcpsrv on loopback, searched through a stub file
    tcpsrv = shutil.which("xapian-tcpsrv")
    check(tcpsrv is not None, "xapian-tcpsrv installed (xapian-tools)")
    if not tcpsrv:
        return
    procs, lines = [], []
    try:
        for k, seg in enumerate(segments(two)):
            port = free_port()
            procs.append(subprocess.Popen([tcpsrv, "--port", str(port), "--interface", "127.0.0.1",
                                           os.path.join(two, seg)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          # its own process group: on SIGTERM xapian-tcpsrv
                                          # signals its whole group, which would be ours
                                          start_new_session=True))
            check(wait_port(port, procs[-1]), f"tcpsrv {k} listens on 127.0.0.1:{port}")
            lines.append(f"remote 127.0.0.1:{port}\n")
        stub = os.path.join(tmp, "remote.stub")
        with open(stub, "w") as f:
            f.writelines(lines)
        for q in QUERIES:
            ref = top10(["-d", one], q)
            check(ref and top10(["-d", stub], q) == ref, f"[{q}] remote shards give the same top 10")
    finally:
        for pr in procs:
            pr.terminate()
            try:
                pr.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pr.kill()


# Characters for generated passages: neither 水 nor 利 nor 工程 (the words searched).
TIE_POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而子那得着"
            "下自之年过发后里道行所然家种事方多经么去法学如都同现当没动面起看定天还进好小部其些主样理心"
            "她本前开但因只从想实日军者意无力它与长把机十民第公此已使情明性知全三又关点正外将两高间由问")


def tie_corpus(d, files=12, per_file=10, seed=7):
    """Speeches whose short passages name 水利 (the first three of each file
    twice, the others once; every other one 工程 too), each file opening
    with a long paragraph: the short passages fall under BM25's minimum
    length (qbuild.c), so that Xapian weighs those alike the same and orders
    them by document id, which differs by layout.  The runs of equal weights
    (36 passages naming 水利 twice, 48 naming 工程 and 水利 once) straddle
    the end of the walk's first batch (32 candidates) and are shorter than
    twice it (search_walk.c).  Shown, at least 36 of each still weigh the
    same: the others stand near a better one of their file and keep 0.6 of
    their weight (spread.c)."""
    rnd = random.Random(seed)
    chunk = lambda n: "".join(rnd.choice(TIE_POOL) for _ in range(n))
    os.mkdir(d)
    for f in range(files):
        paras = [f"关于{chunk(4)}工作的讲话", chunk(400) + "。"]
        paras += [chunk(20) + "水利" + ("工程" if p % 2 else chunk(2)) + chunk(8)
                  + ("水利" if p < 3 else chunk(2)) + chunk(8) + "。" for p in range(per_file)]
        with open(os.path.join(d, f"t{f:02d}.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n\n".join(paras) + "\n")


def ranking(db_args, q, n, offset=0):
    p = run(f"{BIN}/speech-query", *db_args, "-n", str(n), "--offset", str(offset), "--json", q)
    try:
        return [(os.path.basename(h["file"]), h["byte_start"], round(h["score"], 9))
                for h in json.loads(p.stdout)["hits"]]
    except (json.JSONDecodeError, KeyError):
        return None


def test_tied_layouts(tmp):
    """Many passages of equal Xapian weight: the walk ranks blocks of
    candidates (search_walk.c) and must not cut a block inside a run of
    equal weights, or each layout of one index ranks a different set in the
    first block.  Every layout gives one ranking, and every page is a slice
    of it."""
    d = os.path.join(tmp, "ties")
    tie_corpus(d)
    one, segs = os.path.join(tmp, "ties-one.db"), os.path.join(tmp, "ties-segs.db")
    index(one, d, extra=("--jobs", "1"))
    index(segs, d, extra=("--jobs", "2", "--segment-mb", "0.01"))
    check(len(segments(segs)) >= 2, "the tied corpus is cut into segments", str(segments(segs)))
    layouts = {"segments": ["-d", segs],
               "the segments as -d": [a for s in segments(segs) for a in ("-d", os.path.join(segs, s))]}
    for q, ties in (("水利", 36), ("水利 工程", 36)):
        ref = ranking(["-d", one], q, 200)
        most = max(collections.Counter(h[2] for h in ref).values()) if ref else 0
        check(ref and len(ref) > 50 and most >= ties, f"[{q}] {most} hits tie, {ties} expected")
        for name, args in layouts.items():
            check(ref and ranking(args, q, 200) == ref, f"[{q}] {name} give the same ranking")
        for db in (one, segs):
            for offset, n in ((0, 10), (10, 10), (25, 20), (45, 30), (90, 40)):
                check(ref and ranking(["-d", db], q, n, offset) == ref[offset:offset + n],
                      f"[{q}] {os.path.basename(db)} -n {n} --offset {offset}: that slice")


def html_page(text, title):
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join(f"<p>{esc(line)}</p>\n" for line in text.split("\n"))
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{esc(title)}</title>"
            f"<style>p {{ margin: 0 }}</style><script>var x = '<p>招商引资</p>';</script>"
            f"</head>\n<body>\n{body}</body></html>\n")


def variants(tmp):
    """Copies of the seeds in other encodings and containers, one folder each:
    name -> (folder, how to turn a span of the original file into text)."""
    import gzip
    seeds = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
    out = {}

    def make(name, write, decode, only=None):
        d = os.path.join(tmp, "enc-" + name)
        os.mkdir(d)
        for f in seeds:
            if only and not only(f):
                continue
            text = open(os.path.join(CORPUS, f), encoding="utf-8").read()
            write(os.path.join(d, f), text)
        out[name] = (d, decode)

    def w(enc, suffix="", bom=b""):
        def write(path, text):
            with open(path + suffix, "wb") as fh:
                fh.write(bom + text.encode(enc))
        return write

    make("utf8", w("utf-8"), lambda b: b.decode("utf-8"))
    make("gb18030", w("gb18030"), lambda b: b.decode("gb18030"))
    make("utf16le", w("utf-16-le", bom=b"\xff\xfe"), lambda b: b.decode("utf-16-le"))
    make("utf16be", w("utf-16-be", bom=b"\xfe\xff"), lambda b: b.decode("utf-16-be"))
    make("utf8bom", w("utf-8", bom=b"\xef\xbb\xbf"), lambda b: b.decode("utf-8"))
    make("big5", w("big5hkscs"), lambda b: b.decode("big5hkscs"),
         only=lambda f: f.startswith("001_"))
    make("big5-utf8", w("utf-8"), lambda b: b.decode("utf-8"), only=lambda f: f.startswith("001_"))

    def gz(path, text):
        with gzip.open(path + ".gz", "wb") as fh:
            fh.write(text.encode("utf-8"))
    make("gz", gz, lambda b: b.decode("utf-8"))

    def html(path, text):
        with open(path[:-4] + ".html", "w", encoding="utf-8") as fh:
            fh.write(html_page(text, "页面标题"))
    make("html", html, None)
    return out


ENC_QUERIES = ["招商引资", "项目", "發展", "长三角 一体化", "9+2", "如何推进项目建设"]


def passages(db, q):
    """The passages found, blank lines between a heading line and the paragraph it opens
    taken as one line break (HTML blocks and plain text space them differently)."""
    import re
    rc, res = query(db, q, n=500)
    return [(os.path.basename(h["file"]).split(".")[0], re.sub(r"\n\s*\n", "\n", h["text"]))
            for h in res["hits"]] if res else []


def test_encodings(tmp):
    import gzip
    import re
    import html as htmlmod
    dbs = {}
    for name, (d, decode) in variants(tmp).items():
        db = os.path.join(tmp, f"enc-{name}.db")
        p = index(db, d)
        check(p.returncode == 0 and " 0 skipped" in p.stdout, f"{name}: indexed", p.stdout + p.stderr)
        dbs[name] = db
        for q in ENC_QUERIES[:3]:
            rc, res = query(db, q, n=50)
            for h in (res or {}).get("hits", []):
                raw = open(h["file"], "rb").read()
                if h["file"].endswith(".gz"):
                    raw = gzip.decompress(raw)
                span = raw[h["byte_start"]:h["byte_end"]]
                if decode:
                    got = decode(span)
                else:  # HTML: the span re-reads as the passage once tags and entities go
                    got = htmlmod.unescape(re.sub(r"<[^>]*>", "", span.decode("utf-8")))
                check(same_less_removed(h["text"], got), f"{name}: span of {os.path.basename(h['file'])}:"
                      f"{h['byte_start']} re-reads as its text", f"{got[:30]!r} != {h['text'][:30]!r}")
    for q in ENC_QUERIES:
        ref = passages(dbs["utf8"], q)
        check(len(ref) > 0, f"[{q}] utf8 reference has passages")
        for name in ("gb18030", "utf16le", "utf16be", "utf8bom", "gz", "html"):
            got = passages(dbs[name], q)
            diff = next(((a, b) for a, b in zip(got, ref) if a != b), None)
            check(got == ref, f"[{q}] {name} gives the same passages as UTF-8",
                  f"{len(got)} vs {len(ref)}, first difference {diff!r:.300}")
        check(passages(dbs["big5"], q) == passages(dbs["big5-utf8"], q),
              f"[{q}] big5 gives the same passages as UTF-8")
    # a corrupt GBK file is indexed, with a warning naming the byte offset
    d = os.path.join(tmp, "corrupt")
    os.mkdir(d)
    good = "全市招商引资工作会议。\n".encode("gbk")
    bad = good[:8] + b"\xff" + good[8:] + "项目建设要加快推进。\n".encode("gbk")
    with open(os.path.join(d, "bad.txt"), "wb") as fh:
        fh.write(bad)
    p = index(os.path.join(tmp, "corrupt.db"), d)
    check(p.returncode == 0 and "bad.txt" in p.stderr and "byte 8" in p.stderr,
          "corrupt GBK: warning names file and offset", p.stderr)
    check("1 with 1 warnings" in p.stdout, "summary counts the warning", p.stdout)
    rc, res = query(os.path.join(tmp, "corrupt.db"), "项目建设")
    check(rc == 0 and res and res["hits"], "corrupt GBK: the rest is indexed")
    # a binary file is skipped with a message, and counted
    with open(os.path.join(d, "blob.txt"), "wb") as fh:
        fh.write(bytes(range(256)) * 40)
    p = run(f"{BIN}/speech-index", "-d", os.path.join(tmp, "corrupt.db"), d)
    check(p.returncode == 1 and "blob.txt" in p.stderr and "1 skipped" in p.stdout,
          "binary file skipped and counted", p.stdout + p.stderr)


FILTER_FIXTURES = {
    "sq.txt": "在商丘市招商引资工作会议上的讲话\n市委书记 王某某\n（2021年3月5日）\n"
              "同志们：今年商丘市招商引资要再上新台阶，睢阳区要打头阵。\n",
    "cz.txt": "常州市2019年政府工作报告\n市长 李某某\n"
              "过去一年，常州招商引资成效明显，项目建设加快推进。\n",
    "news.txt": "原标题：信阳举行项目集中签约\n信阳日报记者 张三\n"
                "10月8日，信阳市举行招商引资项目集中签约活动。\n",
}


def test_filters(tmp):
    d = os.path.join(tmp, "filters")
    os.mkdir(d)
    for name, text in FILTER_FIXTURES.items():
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)
    db = os.path.join(tmp, "filters.db")
    index(db, d)
    cases = [
        ("招商引资 region:河南", {"sq.txt", "news.txt"}),   # 商丘 and 信阳 lie in 河南
        ("招商引资 region:商丘", {"sq.txt"}),
        ("招商引资 region:江苏", {"cz.txt"}),
        ("招商引资 year:2021", {"sq.txt"}),
        ("招商引资 year:2018..2020", {"cz.txt"}),
        ("招商引资 year:2018-2020", {"cz.txt"}),             # ranges as they are typed
        ("招商引资 year:2018年至2020年", {"cz.txt"}),
        ("招商引资 year:2021年", {"sq.txt"}),
        ("招商引资 kind:report", {"cz.txt"}),
        ("招商引资 kind:article", {"news.txt"}),
        ("招商引资 speaker:市委书记", {"sq.txt"}),
        ("招商引资 title:政府工作报告", {"cz.txt"}),
        ("招商引资 region:河南 year:2021", {"sq.txt"}),
        ("region:江苏", {"cz.txt"}),                        # filters alone
    ]
    for q, files in cases:
        rc, res = query(db, q, n=50)
        got = {os.path.basename(h["file"]) for h in res["hits"]} if res else set()
        check(got == files, f"[{q}] files {sorted(files)}", str(sorted(got)))
    rc, res = query(db, "招商引资", extra=("--region", "商丘"))
    check(res and {os.path.basename(h["file"]) for h in res["hits"]} == {"sq.txt"}, "--region option")
    for bad in ("20x", "2020-2018", "2019-20", "20190", ""):
        p = run(f"{BIN}/speech-query", "-d", db, f"招商 year:{bad}", ok=(2,))
        check(p.returncode == 2 and "year" in p.stderr, f"bad year {bad}: exit 2 naming it", p.stderr)
    # facets count the matching passages by their speech's region, year and kind
    rc, res = query(db, "招商引资", n=100, extra=("--facets",))
    fac = res.get("facets", {}) if res else {}
    for key, field in (("region", "region"), ("kind", "kind")):
        want = {}
        for h in res["hits"]:
            if h.get(field):
                want[h[field]] = want.get(h[field], 0) + 1
        check(dict(fac.get(key, [])) == want, f"facet {key} counts the hits", f"{fac.get(key)} {want}")
    years = {}
    for h in res["hits"]:
        if h.get("date"):
            years[h["date"][:4]] = years.get(h["date"][:4], 0) + 1
    check(dict(fac.get("year", [])) == years, "facet year counts the hits", str(fac.get("year")))
    check(dict(fac.get("region", [])).get("商丘市", 0) >= 1, "facet region names 商丘市", str(fac))


def test_corpus_facets(tmp):
    db = os.path.join(tmp, "facets.db")
    index(db, CORPUS)
    rc, res = query(db, "项目建设", n=500, extra=("--facets",))
    fac = res.get("facets", {}) if res else {}
    check(len(fac.get("region", [])) >= 2 and len(fac.get("year", [])) >= 2,
          "seed facets: several regions and years", str(fac))
    total = sum(c for _, c in fac.get("kind", []))
    check(total == len([h for h in res["hits"] if h.get("kind") and not h["partial"]]),
          "seed facets: kind counts add up (strict hits: the partial tier is not counted)")


def test_query_reading(tmp):
    """Full-width syntax, keywords vs questions, --exact, --like (issues 8, 9)."""
    db = os.path.join(tmp, "corpus.db")
    if not os.path.exists(db):
        index(db, CORPUS)
    rc1, half = query(db, "region:商丘 招商引资")
    rc2, full = query(db, "region：商丘 招商引资")
    check(half and full and half["hits"] and
          [(h["file"], h["byte_start"]) for h in half["hits"]] ==
          [(h["file"], h["byte_start"]) for h in full["hits"]], "full-width colon is a filter")
    rc, res = query(db, "招商 －“招商引资”")
    check(res and all("招商引资" not in h["text"] and "招商引資" not in h["text"]
                      for h in res["hits"]), "full-width minus and quotes exclude")
    words = ["招商引资", "项目建设"]
    rc, res = query(db, " ".join(words + ["重点项目", "营商环境"]))
    check(res and res["mode"] == "keywords", "four keywords stay keywords",
          res and res["mode"])
    rc, res = query(db, "如何优化营商环境")
    check(res and res["mode"] == "question", "a question word makes a question")
    rc, res = query(db, "发改委")
    check(res and "{" in res["understood"], "synonyms shown in understood",
          res and res["understood"])
    rc, res = query(db, "发改委", extra=("--exact",))
    check(res and "{" not in res["understood"], "--exact switches synonyms off",
          res and res["understood"])
    rc, res = query(db, "招商引资", n=1)
    if res and res["hits"]:
        h = res["hits"][0]
        rc, like = query(db, "", n=10, extra=("--like", f"{h['file']}:{h['byte_start']}"))
        check(rc == 0 and like and like["hits"], "--like finds passages", like and like["understood"])
        check(like and all(not (x["file"] == h["file"] and x["byte_start"] == h["byte_start"])
                           for x in like["hits"]), "--like leaves the passage itself out")
        p = run(f"{BIN}/speech-query", "-d", db, "-n", "1", "--like",
                f"{h['file']}:{h['byte_start']}")
        check(p.returncode == 0 and "(null)" not in p.stdout and "--like" in p.stdout,
              "--like names what it looks for", p.stdout[:200])
    # year: counts the year a passage speaks of: 去年 in a speech of the next year
    rc, res = query(db, "去年 year:2018", n=50)
    dates = {(h["date"] or "")[:4] for h in (res or {}).get("hits", [])}
    check(dates and dates <= {"2018", "2019"} and "2019" in dates,
          "year:2018 takes 去年 of a 2019 speech", str(dates))
    p = run(f"{BIN}/speech-query", "-d", db, "--like", "nosuchfile.txt:0", ok=(2,))
    check("no passage" in p.stderr, "--like on an unknown passage says so", p.stderr)


def test_many_bigrams(tmp):
    """A lone character that begins over a thousand bigrams (年 after a year
    on a real archive) once overflowed a fixed pool of query handles, and
    the query was dropped: "query has nothing to search for", exit 2."""
    d = os.path.join(tmp, "many")
    os.makedirs(d)
    chars = [chr(0x4E00 + 7 * i) for i in range(1, 1500)]
    with open(os.path.join(d, "a.txt"), "w", encoding="utf-8") as f:
        f.write("2003年，抗击非典取得胜利。\n\n")
        f.write("\n".join(f"年{c}三{c}。" for c in chars) + "\n")
    db = os.path.join(tmp, "many-db")
    index(db, d)
    rc, res = query(db, "2003年 非典")
    check(rc == 0 and res and len(res["hits"]) == 1 and "非典" in res["hits"][0]["text"],
          "a year beside a word with 1,500 bigrams after 年: found", str(res)[:200])


def report_fixture(tmp, name, paras, title="某市政府工作报告"):
    """Indexes one report of paras (and 29 unrelated ones after them, so
    that words are rare enough to weigh) into tmp/name-db; returns the db."""
    d = os.path.join(tmp, name)
    os.makedirs(d)
    paras = paras + [f"第{i}项工作：道路建设完成投资{i}亿元。" for i in range(1, 30)]
    with open(os.path.join(d, "a.txt"), "w", encoding="utf-8") as f:
        f.write(title + "\n\n" + "\n\n".join(paras) + "\n")
    db = os.path.join(tmp, name + "-db")
    index(db, d)
    return db


def test_list_short_forms(tmp):
    """Words that are parts of one list of the synonym table (简政放权 放管结合
    of 放管服 = 放管服改革 = 简政放权、放管结合、优化服务) also find the short form,
    which weighs as one form of the words, below the words as typed."""
    paras = ["深入推进简政放权、放管结合，提高审批效率。",                 # the words typed
             "深化放管服改革。放管服改革要落到实处，放管服事项清单公开。",  # the short form, thrice
             "简政放权要加快推进。"]                                       # one part alone
    paras += [f"{k}县继续推进放管服改革。" for k in "甲乙丙丁"]   # the short form, as common as it is
    db = report_fixture(tmp, "lists", paras)
    rc, res = query(db, "简政放权 放管结合", extra=("--strict",))
    hits = res["hits"] if res else []
    check("放管服" in (res or {}).get("understood", ""), "list parts: the short form understood",
          res and res["understood"])
    check(len(hits) == 6 and "简政放权、放管结合" in hits[0]["text"] and
          all("放管服" in h["text"] for h in hits[1:]),
          "list parts: the words as typed first, the short form after",
          [h["text"][:12] for h in hits])
    rc, res = query(db, "简政放权 放管结合", extra=("--strict", "--exact"))
    check(res and [h["text"][:6] for h in res["hits"]] == ["深入推进简政"],
          "list parts: --exact finds the words only", res and [h["text"][:8] for h in res["hits"]])


def test_initials(tmp):
    """Keywords typed side by side whose words' initials make a word the
    collection indexes (智改数转: 智能化改造 数字化转型, quoted in the text) also
    find it, below the words as typed; where the index has no such word the
    query is as typed, and --exact adds nothing."""
    db = report_fixture(tmp, "initials",
                        ["加快智能化改造和数字化转型，建设智能工厂。",  # the words typed
                         "深入推进“智改数转”，新增智能车间十个。",     # the initials, quoted
                         "智能化改造要加快推进。",                     # one word alone
                         "数字化转型服务平台上线。"])                  # the other alone
    rc, res = query(db, "智能化改造 数字化转型", extra=("--strict",))
    hits = res["hits"] if res else []
    check(res and res["understood"] == "智能化改造{智改数转} 数字化转型{智改数转}",
          "initials: understood as another form of both words", res and res["understood"])
    check([h["text"][:4] for h in hits] == ["加快智能", "深入推进"],
          "initials: the words as typed first, the initials after",
          [h["text"][:8] for h in hits])
    rc, res = query(db, "智能化改造 数字化转型", extra=("--strict", "--exact"))
    check(res and [h["text"][:4] for h in res["hits"]] == ["加快智能"],
          "initials: --exact finds the words only", res and [h["text"][:8] for h in res["hits"]])
    rc, res = query(db, "数字化转型 智能化改造", extra=("--strict",))
    check(res and "{" not in res["understood"] and len(res["hits"]) == 1,
          "initials: in another order they make no indexed word", res and res["understood"])


def strict_openings(db, q):
    """The first four characters of each strict hit of q on db."""
    rc, res = query(db, q)
    return [h["text"][:4] for h in res["hits"] if not h.get("partial")] if res else []


def test_asked_as_typed(tmp):
    """The ways people type a keyword query find what the words alone find:
    the words of a request around them (关于…, …情况, 有关…的讲话, …工作),
    a question mark, a question of one word (什么是…), a figure glued to
    the word (吞吐量一亿吨 as 吞吐量 一亿吨), with the verb that ties them
    (吞吐量达到一亿吨); and what is to be done, typed without 如何, is read
    as the question, unless it holds an amount (a fact to look up)."""
    db = report_fixture(tmp, "asked",
                        ["大力发展夜间经济，打造特色街区。",
                         "港口货物吞吐量突破一亿吨，集装箱增长两成。",
                         "吞吐量稳步增长。",
                         "推进医养结合，建设养老服务中心。",
                         "医疗卫生服务体系不断完善。"])

    def hits(q):
        return strict_openings(db, q)
    want = hits("夜间经济")
    check(want == ["大力发展"], "asked: the word alone", want)
    for q in ("关于夜间经济", "夜间经济情况", "有关夜间经济的讲话", "夜间经济工作", "夜间经济？",
              "什么是夜间经济", "夜间经济 情况"):
        check(hits(q) == want, f"asked: {q} finds what the word finds", hits(q))
    check(hits("吞吐量一亿吨") == hits("吞吐量 一亿吨") == ["港口货物"],
          "asked: a figure glued to a word is a word of its own", hits("吞吐量一亿吨"))
    for q in ("吞吐量达到一亿吨", "实现吞吐量一亿吨", "吞吐量超过一亿吨"):
        check(hits(q) == ["港口货物"], f"asked: {q}: the verb before the figure goes", hits(q))
    rc, res = query(db, "推进吞吐量增长一亿吨")
    check(res and res["mode"] == "keywords", "asked: an amount makes no question of a verb",
          res and res["mode"])
    rc, res = query(db, "推进医养结合")
    check(res and res["mode"] == "question", "asked: what is to be done reads as the question",
          res and res["mode"])
    rc, res = query(db, "什么是夜间经济")
    check(res and res["mode"] == "keywords", "asked: a question of one word is its keyword",
          res and res["mode"])
    check(hits("推进医养结合")[:1] == ["推进医养"], "asked: ... and finds it", hits("推进医养结合"))


def test_figures_typed_loosely(tmp):
    """A figure typed with a digit and 千 or 百 (1百万吨), a decimal in
    numerals (三点五万亿), or one numeral before 倍 or 个百分点 (三倍,
    十个百分点), and 百分之十, find the figure as the text writes it."""
    db = report_fixture(tmp, "loose",
                        ["新建乙烯装置，年产100万吨。",
                         "地区生产总值达到3.5万亿元。",
                         "出口额增长3倍。",
                         "失业率下降10个百分点。",
                         "粮食产量增长10%。",
                         "年产一百吨饲料。"])

    def hits(q):
        return strict_openings(db, q)
    for q, want in (("1百万吨", "新建乙烯"), ("三点五万亿", "地区生产"), ("增长三倍", "出口额增"),
                    ("下降十个百分点", "失业率下"), ("增长百分之十", "粮食产量")):
        check(hits(q) == [want], f"loose figure: {q}", hits(q))
    check(hits('"1百万吨"') == [], "loose figure: quoted stays as typed", hits('"1百万吨"'))


def test_lone_char_weight(tmp):
    """A lone character's terms (itself and the bigrams it begins) weigh as
    rare as the character: 锂 before a rare character (锂镁) does not outweigh
    锂电池, where 锂电 is common, and the words side by side win."""
    paras = ["发展锂镁合金，建设废旧电池回收体系。",
             "壮大锂电池产业，带动上下游发展。"]
    paras += [f"{k}县锂电产业加快发展。" for k in "甲乙丙丁戊"]  # 锂电: a common bigram
    paras += [f"{k}县电池回收体系建设。" for k in "甲乙丙丁戊己"]
    db = report_fixture(tmp, "lone", paras)
    rc, res = query(db, "锂 电池", extra=("--strict",))
    hits = [h["text"][:4] for h in res["hits"]] if res else []
    check(hits[:1] == ["壮大锂电"], "lone character: as rare as the character, not its bigram", hits)


def test_halves(tmp):
    """A question's word of two dictionary words that the collection seldom
    writes whole (督查督办 = 督查 + 督办) also stands where one half stands
    alone, shown as related forms, below a passage holding the word; not
    with --exact, and not where the collection writes the word whole
    HALF_MAX_DF (30) times or more: then it is found as written."""
    db = report_fixture(tmp, "halves",
                        ["健全重点工作督查督办机制，逐项销号。",  # the word whole
                         "强化项目督查，每月通报进度。",          # one half alone
                         "建立督办台账，限期办结。",              # the other half alone
                         "督导检查要经常化。"])                    # neither
    rc, res = query(db, "怎样做好督查督办")
    texts = [h["text"][:4] for h in res["hits"]] if res else []
    check(res and res["understood"].endswith("督查督办{~督查,~督办}"),
          "halves: understood as related forms", res and res["understood"])
    check(texts[:1] == ["健全重点"] and set(texts[1:]) == {"强化项目", "建立督办"},
          "halves: the word first, a half alone after, neither not at all", texts)
    rc, res = query(db, "怎样做好督查督办", extra=("--exact",))
    check(res and "{" not in res["understood"] and len(res["hits"]) == 1,
          "halves: --exact finds the word only", res and res["understood"])
    # more like this asks with the passage's own words, written whole: no halves
    db = report_fixture(tmp, "halves-like",
                        ["健全重点工作督查督办机制，建立台账逐项销号，确保问题整改到位。",
                         "督查督办机制要落实到位，问题整改要逐项销号。",
                         "强化项目督查，每月通报进度。"])
    rc, res = query(db, "督查督办", extra=("--strict",))
    first = res["hits"][0] if res and res["hits"] else None
    if first:
        rc, like = query(db, "", extra=("--like", f"{first['file']}:{first['byte_start']}"))
        got = like and like.get("understood", "")
        check(got and "督查督办" in got and "~督查" not in got,
              "halves: not for more like this", got)
    check(first is not None, "halves: the like fixture holds the word", res and res["understood"])
    paras = [f"第{i}县健全督查督办机制。" for i in range(1, 31)] + ["强化项目督查，每月通报进度。"]
    db = report_fixture(tmp, "halves-often", paras)
    rc, res = query(db, "怎样做好督查督办", n=40)
    check(res and "{" not in res["understood"] and len(res["hits"]) == 30 and
          all("督查督办" in h["text"] for h in res["hits"]),
          "halves: a word the collection writes often is found as written",
          res and (res["understood"], len(res["hits"])))


def test_figure_writings(tmp):
    """A figure is asked for by the same query however it was typed: its
    writings (100万吨, 一百万吨, 1000000吨) stand and weigh alike, the one the
    collection writes most leads, so both ways of typing give one ranking;
    a word holding a figure before a measure word (年产10万吨) has the word
    with the figure written otherwise as forms."""
    db = report_fixture(tmp, "figures",
                        ["建成100万吨乙烯项目，带动下游产业。",
                         "一百万吨乙烯工程开工建设，年内完成投资。",
                         "乙烯产量达到100万吨，增长一成。",
                         "新建炼油项目，配套建设乙烯装置。",
                         "全年粮食产量100万吨。"])
    got = {}
    for q in ("100万吨 乙烯", "一百万吨 乙烯"):
        rc, res = query(db, q, extra=("--strict",))
        got[q] = [(h["byte_start"], round(h["score"], 6)) for h in res["hits"]] if res else None
    check(got["100万吨 乙烯"] and len(got["100万吨 乙烯"]) == 3 and
          got["100万吨 乙烯"] == got["一百万吨 乙烯"],
          "figures: one ranking, one score, however the figure is typed", got)
    # a figure inside a longer word (年产10万吨): the word with the figure written otherwise
    db = report_fixture(tmp, "inner-figures",
                        ["年产10万吨饲料项目建成投产。",
                         "年产十万吨饲料项目开工建设。",
                         "饲料产量增长一成。"])
    got = {}
    for q in ("年产10万吨 饲料", "年产十万吨 饲料"):
        rc, res = query(db, q, extra=("--strict",))
        got[q] = [h["byte_start"] for h in res["hits"]] if res else None
        check(res and "{" in res["understood"], "figures: a word holding one has its other writings",
              res and res["understood"])
    check(got["年产10万吨 饲料"] and len(got["年产10万吨 饲料"]) == 2 and
          got["年产10万吨 饲料"] == got["年产十万吨 饲料"],
          "figures: a word holding one finds both writings, one ranking", got)


def test_listed_chars(tmp):
    """A word of single-character words (水电路) also stands where an
    enumeration lists its characters one an item (水、电、路, 路、水、电), below
    the word as typed; not a word of longer words (基础设施: 基础 + 设施) nor
    a modifier and its word (新能源), nor where the collection lists its
    characters nowhere (人财物 here), and not with --exact."""
    db = report_fixture(tmp, "listed",
                        ["完善水电路等基础设施，园区承载能力提升。",  # the word as typed
                         "加快完善水、电、路等配套设施建设。",        # its characters listed, in order
                         "配套路、水、电，全部到位。",                # listed in another order
                         "供水、电力保障有力，道路通畅。",            # 水 and 电 in other words: no
                         "水、电、气价格保持稳定。",                  # two of the three: no
                         "基、础工作扎实。新、能、源三字各表一义。"],  # no list form for these
                        title="某县政府工作报告")
    rc, res = query(db, "水电路", extra=("--strict",))
    hits = [h["text"][:4] for h in res["hits"]] if res else []
    check(res and "水、电、路" in res["understood"], "listed chars: understood",
          res and res["understood"])
    check(hits[:1] == ["完善水电"] and sorted(hits[1:]) == ["加快完善", "配套路、"],
          "listed chars: the word as typed first, then its characters listed, in any order",
          hits)
    marks = sorted([h["text"].encode()[a:b].decode() for a, b in h["highlights"]]
                   for h in res["hits"]) if res else []
    check(marks == [["水、电、路"], ["水电路"], ["路、水、电"]],
          "listed chars: the lists are highlighted", marks)
    rc, res = query(db, "水电路", extra=("--strict", "--exact"))
    check(res and [h["text"][:4] for h in res["hits"]] == ["完善水电"],
          "listed chars: --exact finds the word only", res and res["understood"])
    # eligible, but this collection lists its characters nowhere: no form
    for w in ("基础设施", "新能源", "人财物"):
        rc, res = query(db, w, extra=("--strict",))
        check(res is not None and "、" not in res["understood"] and
              not any("、" in h["text"][:3] for h in res["hits"]),
              f"listed chars: {w} has no list form", res and res["understood"])


def test_index_format(tmp):
    """The index records its format when created; speech-query and
    speech-index refuse an index of another format, or of none, saying
    so (exit 2), and leave it as it was."""
    d = os.path.join(tmp, "fmt")
    os.makedirs(d)
    write_fixtures(d)
    db = os.path.join(tmp, "fmt-db")
    index(db, d, extra=("--termlists",))   # xapian-metadata opens only those for writing
    key = "speech-search:version"
    seg = os.path.join(db, segments(db)[0])     # each segment records the format
    p = run("xapian-metadata", "get", seg, key, ok=(0,))
    check(p.stdout.strip() == "2", "a new index records format 2", p.stdout)
    for value, says in (("1", "index format 1, this program reads 2"),
                        ("", "the index records no format, this program reads 2")):
        run("xapian-metadata", "set", seg, key, value, ok=(0,))
        q = run(f"{BIN}/speech-query", "-d", db, "招商引资", ok=(2,))
        check(q.returncode == 2 and says in q.stderr and "rebuild it" in q.stderr and not q.stdout,
              f"speech-query on format '{value}': refused", q.stderr)
        for args in ((d,), ("--list",), ("--stats",), ("--remove", d)):
            i = run(f"{BIN}/speech-index", "-d", db, *args, ok=(2,))
            check(i.returncode == 2 and says in i.stderr and "rebuild it" in i.stderr,
                  f"speech-index {args[0]} on format '{value}': refused", i.stderr)
        p = run("xapian-metadata", "get", seg, key, ok=(0,))
        check(p.stdout.strip() == value, f"format '{value}' left as it was", p.stdout)
    run("xapian-metadata", "set", seg, key, "2", ok=(0,))
    rc, res = query(db, "招商引资")
    check(rc == 0 and res and res["hits"], "format 2 reads again", str(res)[:200])
    # an index of format 1 (one glass database, before segments) is refused
    old = os.path.join(tmp, "fmt-old")
    run("xapian-metadata", "set", old, key, "1", ok=(0, 1))
    if os.path.exists(os.path.join(old, "iamglass")):
        for args in ((d,), ("--list",)):
            i = run(f"{BIN}/speech-index", "-d", old, *args, ok=(2,))
            check(i.returncode == 2 and "index format 1" in i.stderr and "rebuild it" in i.stderr,
                  f"speech-index {args[0]} on a format 1 index: refused", i.stderr)


def main():
    tmp = tempfile.mkdtemp(prefix="ss-e2e-")
    try:
        test_corpus(tmp)
        test_fixtures(tmp)
        test_duplicates(tmp)
        test_encodings(tmp)
        test_filters(tmp)
        test_corpus_facets(tmp)
        test_query_reading(tmp)
        test_shards(tmp)
        test_tied_layouts(tmp)
        test_many_bigrams(tmp)
        test_list_short_forms(tmp)
        test_initials(tmp)
        test_listed_chars(tmp)
        test_lone_char_weight(tmp)
        test_halves(tmp)
        test_asked_as_typed(tmp)
        test_figure_writings(tmp)
        test_figures_typed_loosely(tmp)
        test_index_format(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
