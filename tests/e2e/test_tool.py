#!/usr/bin/env python3
"""End-to-end tests of speech-query as a tool people install and script:
counts, paging, facets, copies, places (file:LINE), terminal habits, option
errors, output that cannot hurt a terminal or a JSON parser, the README's
Usage lines, `make install`, the dependency lists and header dependencies.

usage: test_tool.py BINDIR
Prints one line per failing case and ends with "N passed, N failed".
"""
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, free_port, summary, wait_port  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin"))
MAIN_BUILD = BIN == os.path.join(ROOT, "bin")  # install and make checks: once, on bin/
CORPUS = os.path.join(ROOT, "corpus")



def run(args, env=None, cwd=None, stdout=subprocess.PIPE):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, stdout=stdout, stderr=subprocess.PIPE, env=e, cwd=cwd)


def sq(db, *args, env=None):
    return run([f"{BIN}/speech-query", "-d", db, *args], env=env)


def sq_json(db, *args):
    p = sq(db, "--json", *args)
    try:
        return json.loads(p.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def index(db, *paths, extra=()):
    p = run([f"{BIN}/speech-index", "-q", "-d", db, *extra, *paths])
    check(p.returncode in (0, 1), f"index {os.path.basename(db)}", p.stderr.decode()[-300:])
    return p


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        f.write(text)


def keyset(hits):
    return [(h["file"], h["byte_start"]) for h in hits]


# ---- copies, totals, paging, facets -------------------------------------

TOPICS = ["招商引资", "乡村振兴", "科技创新", "生态保护", "城市更新", "民生实事", "营商环境",
          "开放合作", "产业升级", "人才引进", "数字经济", "文化旅游"]
REGIONS = ["河南省", "江苏省", "四川省"]


def copies_corpus(d, copies=12):
    """12 distinct passages about 项目, each copied into `copies` files of
    three regions and three years (copies differ in punctuation and script
    of a character, as sites copy each other), plus one file of its own."""
    for t, topic in enumerate(TOPICS):
        others = "".join(TOPICS[(t + k) % len(TOPICS)] for k in (3, 5, 7, 9))
        text = (f"{topic}项目是{others}的基础，第{t + 1}批项目统筹{others[::-1]}，"
                f"{topic}必须{TOPICS[(t + 1) % len(TOPICS)]}。")
        for c in range(copies):
            region = REGIONS[c % 3]
            body = text if c % 2 == 0 else text.replace("，", ",").replace("项目资金", "項目资金")
            write(os.path.join(d, f"t{t:02d}", f"c{c:02d}.txt"),
                  f"{region}{2018 + c % 3}年政府工作报告\n{body}\n")


def test_copies_paging_total(tmp):
    d = os.path.join(tmp, "copies")
    copies_corpus(d)
    db = os.path.join(tmp, "copies.db")
    index(db, d)
    res = sq_json(db, "--all", "项目")
    hits = res["hits"] if res else []
    check(len(hits) == len(TOPICS), "copies fold: one hit per distinct passage",
          f"{len(hits)} hits")
    check(all(len(h["duplicates"]) == 11 for h in hits), "each hit lists its 11 copies",
          [len(h["duplicates"]) for h in hits])
    check(res and res["total"] == len(hits) and res["total_exact"] is True,
          "-n all: exact total equal to the hits", res and (res["total"], res.get("total_exact")))
    for n in ("1", "3", "7"):
        r = sq_json(db, "-n", n, "项目")
        check(r and r["total"] == len(TOPICS) and r.get("total_exact"), f"total the same with -n {n}",
              r and r["total"])
    # pages of 5 visit each distinct passage once, in the order of -n all
    pages = []
    for off in range(0, 20, 5):
        r = sq_json(db, "-n", "5", "--offset", str(off), "项目")
        pages += r["hits"] if r else []
    check(keyset(pages) == keyset(hits), "pages of 5 = -n all", (keyset(pages), keyset(hits)))
    check([h["rank"] for h in pages] == list(range(1, len(hits) + 1)), "ranks run on over pages")
    # facets count the distinct passages, as the hits show them
    r = sq_json(db, "--facets", "-n", "all", "项目")
    fac = r.get("facets", {}) if r else {}
    for key in ("region", "year"):
        want = {}
        for h in r["hits"] if r else []:
            v = h["region"] if key == "region" else (h["date"] or "")[:4]
            if v:
                want[v] = want.get(v, 0) + 1
        check(dict(fac.get(key, [])) == want, f"facet {key}: one count per distinct passage",
              (fac.get(key), want))
    check(r and r.get("facets_exact") is True, "small result: facets exact")
    p = sq(db, "--duplicates", "--json", "-n", "all", "项目")
    r = json.loads(p.stdout) if p.returncode == 0 else None
    check(r and len(r["hits"]) == 12 * len(TOPICS), "--duplicates shows every copy",
          r and len(r["hits"]))


def test_many_facet_values(tmp):
    """A terminal shows a facet's commonest values and says how many more
    there are; --json lists every one (a real archive has hundreds of
    regions)."""
    import random
    rnd = random.Random(5)
    words = ("交通 水利 能源 教育 医疗 文化 旅游 农业 工业 商贸 物流 科技 金融 住房 环保 园区 港口 "
             "铁路 公路 机场 电力 通信 养老 体育 林业 渔业 矿产 化工 纺织 食品 汽车 电子").split()
    d = os.path.join(tmp, "years")
    for y in range(1980, 2015):  # 35 years, each speech its own text
        ws = rnd.sample(words, 12)
        body = "".join(f"{w}{ws[(j + 5) % 12]}项目建设完成投资{(y * 7 + j) % 900}亿元。"
                       for j, w in enumerate(ws))
        write(os.path.join(d, f"{y}_许昌市.txt"), f"{y}年许昌市政府工作报告\n\n{body}\n")
    db = os.path.join(tmp, "years.db")
    index(db, d)
    r = sq_json(db, "--facets", "-n", "1", "项目建设")
    years = r.get("facets", {}).get("year", []) if r else []
    check(len(years) == 35, "--json facets: every year", len(years))
    p = sq(db, "--facets", "-n", "1", "项目建设")
    out = p.stdout.decode("utf-8", "replace")
    line = next((l for l in out.splitlines() if l.startswith("year")), "")
    shown = re.findall(r"(\d{4}) \((\d+)\)", line)
    check(p.returncode == 0 and len(shown) == 30 and "5 more (--json lists all)" in line,
          "terminal facets: the first 30 values, then how many more", line[-80:])
    check(all(y in dict(years) for y, _ in shown), "terminal facets: values of the JSON list",
          shown[:3])


def test_estimated_total(tmp):
    """Over 400 matches: -n 5 gives an estimate that says so, the same
    whatever -n is; -n all gives the exact count."""
    import random
    rnd = random.Random(7)
    vocab = [w[i:i + 2] for w in TOPICS for i in (0, 2)] + ["经济", "社会", "改革", "发展", "稳定",
             "质量", "效益", "安全", "绿色", "协调", "共享", "基础", "设施", "服务", "政府", "企业"]
    d = os.path.join(tmp, "many")
    for f in range(30):
        lines = [f"第{f}号文件"] + ["".join(rnd.choice(vocab) for _ in range(8)) + "项目建设"
                                   + "".join(rnd.choice(vocab) for _ in range(8)) + "。"
                                   for k in range(20)]
        write(os.path.join(d, f"f{f:02d}.txt"), "\n".join(lines) + "\n")
    db = os.path.join(tmp, "many.db")
    index(db, d)
    a = sq_json(db, "-n", "5", "项目建设")
    b = sq_json(db, "-n", "15", "项目建设")
    check(a and b and a["total"] == b["total"], "estimated total independent of -n",
          a and b and (a["total"], b["total"]))
    check(a and a.get("total_exact") is False, "estimate says so (total_exact false)")
    check(a and 300 <= a["total"] <= 900, "estimate near the 600 matches", a and a["total"])
    p = sq(db, "-n", "5", "项目建设")
    check(p.stdout.decode().startswith("about "), "text says 'about N passages'",
          p.stdout.decode()[:60])
    c = sq_json(db, "-n", "all", "项目建设")
    check(c and c.get("total_exact") and c["total"] == len(c["hits"]) == 600,
          "-n all: exact count", c and (c["total"], len(c["hits"])))
    p = sq(db, "--jsonl", "--all", "项目建设")
    lines = p.stdout.decode().splitlines()
    check(len(lines) == 600 and len({json.loads(x)["byte_start"] for x in lines[:1]}) == 1,
          "--jsonl --all streams every hit", len(lines))


# ---- places -------------------------------------------------------------

def test_lines_and_titles(tmp):
    d = os.path.join(tmp, "places")
    write(os.path.join(d, "a.txt"), "关于招商引资的讲话\n\n我们要深化项目合作，推动地企合作再上新台阶。\n"
                                    "项目建设要加强合作，共同推进。\n")
    page = ("<html><head><meta charset=\"utf-8\"><title>在全市招商引资工作会议上的讲话</title></head>\n"
            "<body>\n<div>首页 &gt; 领导讲话 &gt; 正文</div>\n"
            "<p>同志们：今天召开全市招商引资工作会议，部署今年的招商工作。</p>\n</body></html>\n")
    write(os.path.join(d, "page.html"), page)
    dated = ("<html><head><meta charset=\"utf-8\"><title>乡村振兴工作推进会讲话</title></head>\n"
             "<body>\n<p>2021-03-05</p>\n<p>乡村振兴要抓好产业发展，让农民增收致富。</p>\n</body></html>\n")
    write(os.path.join(d, "dated.html"), dated)
    db = os.path.join(tmp, "places.db")
    index(db, d)
    r = sq_json(db, "深化项目合作")
    h = r["hits"][0] if r and r["hits"] else {}
    check(h.get("line") == 3, "JSON line: the line of the passage's first byte", h.get("line"))
    check(h.get("paragraph") == 2, "paragraph counts lines with text", h.get("paragraph"))
    p = sq(db, "--color", "never", "深化项目合作")
    out = p.stdout.decode()
    check(re.search(r"a\.txt:3\b", out) is not None, "text shows file:LINE", out[:300])
    check("bytes" not in out, "no byte span without --spans")
    p = sq(db, "--spans", "深化项目合作")
    check(f"(bytes {h.get('byte_start')}-{h.get('byte_end')})" in p.stdout.decode(),
          "--spans shows the byte span", p.stdout.decode()[:300])
    os.rename(os.path.join(d, "a.txt"), os.path.join(d, "moved.txt"))
    r = sq_json(db, "深化项目合作")
    check(r and r["hits"] and r["hits"][0].get("line") == 3,
          "the line is recorded at index time (file moved away since)",
          r and r["hits"] and r["hits"][0].get("line"))
    r = sq_json(db, "招商工作")
    t = r["hits"][0]["title"] if r and r["hits"] else None
    check(t == "在全市招商引资工作会议上的讲话", "HTML <title> wins over a breadcrumb", t)
    check(r and r["hits"] and r["hits"][0].get("line") == 4, "HTML: line in the page source",
          r and r["hits"] and r["hits"][0].get("line"))
    r = sq_json(db, "农民增收")
    t = r["hits"][0]["title"] if r and r["hits"] else None
    check(t == "乡村振兴工作推进会讲话", "HTML <title> wins over a date line", t)


# ---- terminal habits ----------------------------------------------------

def width(s):
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def on_tty(args, env, rows=24, cols=40):
    """Runs args on a pseudo-terminal of rows x cols; returns its output."""
    import fcntl
    import termios
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        e = dict(os.environ)
        e.pop("COLUMNS", None)
        e.update(env)
        os.execve(args[0], args, e)
    out = b""
    while True:
        try:
            r, _, _ = select.select([fd], [], [], 20)
            if not r:
                break
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace").replace("\r\n", "\n")


def test_terminal(tmp):
    d = os.path.join(tmp, "term")
    long_line = "，".join(f"第{k}项招商引资任务要落实到具体项目和具体责任人" for k in range(12)) + "。"
    write(os.path.join(d, "long.txt"), f"招商引资工作报告\n{long_line}\n")
    db = os.path.join(tmp, "term.db")
    index(db, d)
    q = [f"{BIN}/speech-query", "-d", db, "--no-pager", "招商引资"]
    out = on_tty(q, {"TERM": "xterm"})
    check("\033[" in out, "a terminal gets colour", out[:200])
    body = [l for l in out.split("\n") if l.startswith("   ") and "long.txt" not in l]
    plain = [re.sub(r"\033\[[0-9;]*m", "", l) for l in body]
    check(len(plain) >= 3, "a long passage is wrapped", len(plain))
    check(all(width(l) <= 40 for l in plain), "wrapped at the terminal's width (CJK = 2)",
          max((width(l) for l in plain), default=0))
    check(all(l.startswith("   ") for l in plain), "continuation lines keep the indent")
    out = on_tty(q, {"TERM": "xterm", "NO_COLOR": "1"})
    check("\033[" not in out and "[招商引资]" in out, "NO_COLOR: no colour, marks on a terminal")
    out = on_tty(q, {"TERM": "dumb"})
    check("\033[" not in out, "TERM=dumb: no colour")
    p = sq(db, "招商引资")
    s = p.stdout.decode()
    check("\033[" not in s and "[招商引资]" not in s and "招商引资" in s,
          "piped: no colour and no marks", s[:200])
    p = sq(db, "--mark", "招商引资")
    check("[招商引资]" in p.stdout.decode(), "--mark marks when piped")
    p = sq(db, "--color", "always", "招商引资")
    check("\033[1;31m招商引资" in p.stdout.decode(), "--color always colours when piped")
    # long output on a terminal goes through the pager; --no-pager and short output do not
    paged = os.path.join(tmp, "paged.txt")
    pager = {"TERM": "xterm", "SPEECH_PAGER": f"cat > {paged}", "PAGER": "false"}
    out = on_tty([f"{BIN}/speech-query", "-d", db, "招商引资"], pager, rows=5)
    check(os.path.exists(paged) and "招商引资" in open(paged, encoding="utf-8").read(),
          "longer than the screen: SPEECH_PAGER gets it")
    if os.path.exists(paged):
        os.remove(paged)
    on_tty([f"{BIN}/speech-query", "-d", db, "--no-pager", "招商引资"], pager, rows=5)
    check(not os.path.exists(paged), "--no-pager: no pager")
    on_tty([f"{BIN}/speech-query", "-d", db, "招商引资"], pager, rows=200)
    check(not os.path.exists(paged), "shorter than the screen: no pager")


# ---- options ------------------------------------------------------------

OPTION_ERRORS = [
    # arguments, text the one-line error must hold
    (["--frobnicate", "x"], "--frobnicate"),
    (["-x", "x"], "-x"),
    (["-n", "0", "x"], "-n"),
    (["-n", "ten", "x"], "ten"),
    (["--offset", "-3", "x"], "--offset"),
    (["--color", "sometimes", "x"], "sometimes"),
    (["--json", "--jsonl", "x"], "--jsonl"),
    (["--jsonl", "--facets", "x"], "--facets"),
    (["-n"], "-n"),
]


def test_options(tmp):
    p = run([f"{BIN}/speech-query", "--version"])
    check(p.returncode == 0 and p.stdout.decode().startswith("speech-query "), "--version")
    p = run([f"{BIN}/speech-index", "--version"])
    check(p.returncode == 0 and p.stdout.decode().startswith("speech-index "),
          "speech-index --version")
    for args, word in (["--frobnicate", "x"], "--frobnicate"), (["-d"], "-d"), (["-z", "x"], "-z"):
        p = run([f"{BIN}/speech-index", *args])
        err = p.stderr.decode().strip()
        check(p.returncode == 2 and len(err.splitlines()) == 1 and word in err and "--help" in err,
              f"speech-index {args}: one line naming it, pointing at --help", err)
    for args, word in OPTION_ERRORS:
        p = run([f"{BIN}/speech-query", "-d", os.path.join(tmp, "none"), *args])
        err = p.stderr.decode().strip()
        check(p.returncode == 2 and len(err.splitlines()) == 1 and word in err and "--help" in err,
              f"{args}: one line naming it, pointing at --help", err)


# ---- output that cannot hurt ----------------------------------------------

def test_hostile_output(tmp):
    d = os.path.join(tmp, "hostile")
    write(os.path.join(d, "esc.txt"), "招商引资工作报告\n今年招商引资\x1b]0;owned\x07成效明显\x1b[2J。\n")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d.encode(), b"\xff\xfe-name.txt"), "wb") as f:
        f.write("项目建设工作报告\n项目建设要加快推进，确保年内完工。\n".encode("utf-8"))
    db = os.path.join(tmp, "hostile.db")
    index(db, d)
    p = sq(db, "--color", "never", "招商引资")
    check(p.returncode == 0 and b"\x1b" not in p.stdout and b"\x07" not in p.stdout,
          "text output holds no raw control characters", p.stdout[:300])
    check(b"\\x1b]0;owned\\x07" in p.stdout, "control characters shown escaped", p.stdout[:300])
    p = sq(db, "--json", "项目建设")
    try:
        res = json.loads(p.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        res = None
        check(False, "invalid UTF-8 file name: --json stays valid JSON", e)
    if res:
        f = res["hits"][0]["file"] if res["hits"] else ""
        check("\\xFF\\xFE-name.txt" in f, "invalid bytes escaped as \\xFF", f)
    p = run([f"{BIN}/speech-query".encode(), b"-d", db.encode(), b"--json", b"\xff\xfe\xe6\x8b\x9b"])
    try:
        res = json.loads(p.stdout.decode("utf-8"))
        check("\\xFF" in res["query"], "invalid UTF-8 query: valid JSON, bytes escaped", res["query"])
    except (ValueError, UnicodeDecodeError) as e:
        check(False, "invalid UTF-8 query: valid JSON", f"{e} {p.stdout[:100]!r} {p.stderr[:200]!r}")
    if os.path.exists("/dev/full"):
        for args in (["招商引资"], ["--json", "招商引资"], ["--jsonl", "招商引资"]):
            with open("/dev/full", "w") as full:
                p = run([f"{BIN}/speech-query", "-d", db, *args], stdout=full)
            check(p.returncode == 2 and b"cannot write output" in p.stderr,
                  f"{args}: a full device is exit 2, 'cannot write output'", p.stderr)


# ---- README, install, build ---------------------------------------------

def usage_lines():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    m = re.search(r"## Usage\n.*?```sh\n(.*?)```", text, re.S)
    return [l.split("  #")[0].strip() for l in m.group(1).splitlines()] if m else []


def test_readme_usage(tmp):
    """The Usage lines run in order, from the demo on, without an error
    (the demo's index and the shards' index go to a temporary folder)."""
    import shlex
    lines = [l for l in usage_lines() if l]
    check(lines and lines[0] == "make demo", "Usage starts with make demo", lines[:1])
    demo = os.path.join(tmp, "demo-index")
    p = run([f"{BIN}/speech-index", "-q", "-d", demo, "corpus"], cwd=ROOT)  # as make demo does
    check(p.returncode == 0, "demo index", p.stderr.decode()[-300:])
    env = {}
    for line in lines[1:]:
        line = line.replace("build/demo-index", demo).replace("build/", tmp + "/")
        words = shlex.split(line)
        if words[0] == "export":
            k, v = words[1].split("=", 1)
            env[k] = v
            continue
        words[0] = os.path.join(BIN, os.path.basename(words[0]))
        p = run(words, env=env, cwd=ROOT)
        check(p.returncode == 0, f"Usage line runs: {line}", p.stderr.decode()[-300:])


def test_install(tmp):
    if not MAIN_BUILD:
        return
    dest = os.path.join(tmp, "stage")
    p = run(["make", "-s", "install", f"DESTDIR={dest}", "PREFIX=/opt/ss"], cwd=ROOT)
    check(p.returncode == 0, "make install DESTDIR PREFIX", p.stderr.decode()[-500:])
    pre = os.path.join(dest, "opt/ss")
    for f in ("bin/speech-index", "bin/speech-query", "share/speech-search/dict.bin",
              "share/speech-search/trad.bin", "share/speech-search/gazetteer.tsv",
              "share/speech-search/clean.rules", "share/man/man1/speech-query.1",
              "share/man/man1/speech-index.1", "share/bash-completion/completions/speech-query"):
        check(os.path.exists(os.path.join(pre, f)), f"installed {f}")
    # the installed tree moved elsewhere, away from the clone, with no SS_DATADIR
    moved = os.path.join(tmp, "elsewhere")
    shutil.copytree(pre, moved, symlinks=True)
    env = {"SS_DATADIR": ""}
    work = os.path.join(tmp, "work")
    os.makedirs(work)
    for f in os.listdir(CORPUS):
        if f.endswith(".txt"):
            shutil.copy(os.path.join(CORPUS, f), work)
    p = run([os.path.join(moved, "bin/speech-index"), "-q", "-d", "idx", "."], env=env, cwd=work)
    check(p.returncode == 0, "installed speech-index works away from the clone", p.stderr.decode())
    p = run([os.path.join(moved, "bin/speech-query"), "-d", "idx", "region:河南"], env=env, cwd=work)
    check(p.returncode == 0, "installed speech-query works away from the clone",
          p.stderr.decode() + p.stdout.decode()[:200])
    p = run([os.path.join(moved, "bin/speech-query"), "--data", os.path.join(tmp, "nowhere"),
             "-d", "idx", "region:河南"], env=env, cwd=work)
    check(p.returncode == 2 and "nowhere" in p.stderr.decode(), "--data DIR is used",
          p.stderr.decode())
    if shutil.which("man"):
        for page in ("speech-query", "speech-index"):
            p = run(["man", "-l", os.path.join(moved, f"share/man/man1/{page}.1")],
                    env={"MANPAGER": "cat", "MANWIDTH": "80"})
            check(p.returncode == 0 and b"SYNOPSIS" in p.stdout, f"man -l {page}.1 reads",
                  p.stderr.decode()[-200:])
    if shutil.which("bash"):
        comp = os.path.join(moved, "share/bash-completion/completions/speech-query")
        p = run(["bash", "-c", f"source {comp}; COMP_WORDS=(speech-query --col); COMP_CWORD=1; "
                 "_speech_query; echo ${COMPREPLY[@]}"])
        check(p.stdout.decode().strip() == "--color", "bash completion completes options",
              p.stdout.decode())


def test_build_deps(tmp):
    if not MAIN_BUILD:
        return
    lists = {}
    for target in ("", "fuzz", "segeval"):
        p = run(["sh", os.path.join(ROOT, "tools/install-deps.sh"),
                 os.path.join(ROOT, "deps/debian-packages.txt"), *([target] if target else [])],
                env={"DEPS_LIST_ONLY": "1"})
        lists[target] = set(p.stdout.decode().split())
    check("libxapian-dev" in lists[""] and not lists[""] & {"clang", "libicu-dev", "libfriso-dev"},
          "make deps installs no fuzz or segeval package", sorted(lists[""]))
    check("clang" in lists["fuzz"] and "libxapian-dev" not in lists["fuzz"], "fuzz deps: clang",
          sorted(lists["fuzz"]))
    check({"libicu-dev", "libfriso-dev"} <= lists["segeval"], "segeval deps: ICU, friso",
          sorted(lists["segeval"]))
    # objects depend on the headers they include
    for header, obj in (("indexer/shards.h", "indexer/shards.o"), ("lib/spread.h", "lib/search.o"),
                        ("include/record.h", "lib/indexer.o")):
        p = run(["make", "-n", "-W", header, "all"], cwd=ROOT)
        check(f"build/rel/{obj}" in p.stdout.decode(), f"editing {header} rebuilds {obj}")


def main():
    tmp = tempfile.mkdtemp(prefix="ss-tool-")
    try:
        for t in (test_copies_paging_total, test_many_facet_values, test_estimated_total, test_lines_and_titles,
                  test_terminal, test_options, test_hostile_output, test_readme_usage,
                  test_install, test_build_deps):
            t(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
