"""Shared pieces of the evaluation scripts (pool.py, fts5_run.py): cutting a
corpus into passage windows with byte spans of the original files, OpenCC
traditional-to-simplified conversion in bulk, the metadata of the real corpus
(index.tsv), and how a query is split into words and filters for the
reference systems.

A window is a paragraph (a line) or, for a long line, a run of whole
sentences of at most WINDOW_CHARS characters.  Files are read as UTF-8
(both corpora are UTF-8); spans are [byte_start, byte_end) of the file.
"""
import os
import re
import subprocess

WINDOW_CHARS = 240          # longest window cut out of a long paragraph
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
TEXT_EXT = (".txt", ".text")


def corpus_files(root):
    """Paths of the text files under root (recursive, sorted), hidden and
    the corpus' own README/index/stats files aside."""
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".") and x != "data")
        for f in sorted(files):
            if f.startswith(".") or not f.endswith(TEXT_EXT) or f == "stats.txt":
                continue
            out.append(os.path.join(d, f))
    return out


def windows(path):
    """[(byte_start, byte_end, text)] of one file."""
    data = open(path, "rb").read()
    out = []
    pos = 0
    for raw in data.split(b"\n"):
        line_start = pos
        pos += len(raw) + 1
        text = raw.decode("utf-8", "replace").rstrip("\r")
        if not text.strip():
            continue
        if len(text) <= WINDOW_CHARS * 1.5:
            out.append((line_start, line_start + len(text.encode("utf-8")), text))
            continue
        off = line_start
        cur, cur_start = "", off
        for sent in SENTENCE_END.split(text):
            if not sent:
                continue
            if cur and len(cur) + len(sent) > WINDOW_CHARS:
                out.append((cur_start, off, cur))
                cur, cur_start = "", off
            cur += sent
            off += len(sent.encode("utf-8"))
        if cur:
            out.append((cur_start, off, cur))
    return out


def t2s_lines(lines):
    """OpenCC traditional-to-simplified of each line (one `opencc` process)."""
    if not lines:
        return []
    clean = [l.replace("\n", " ").replace("\r", " ") for l in lines]
    p = subprocess.run(["opencc", "-c", "t2s.json"], input="\n".join(clean) + "\n",
                       capture_output=True, text=True, check=True)
    out = p.stdout.split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(clean):
        raise RuntimeError("opencc changed the number of lines")
    return out


def real_meta(root):
    """basename -> {title, year, region, kind} from the real corpus' index.tsv
    (empty when there is none)."""
    meta = {}
    path = os.path.join(root, "index.tsv")
    if not os.path.exists(path):
        return meta
    rows = open(path, encoding="utf-8").read().split("\n")
    head = rows[0].split("\t")
    for r in rows[1:]:
        if not r:
            continue
        f = dict(zip(head, r.split("\t")))
        meta[os.path.basename(f["file"])] = {
            "title": f["title"], "year": f["year"], "region": f["region"],
            "kind": "report" if f["kind"] == "政府工作报告" else "speech"}
    return meta


FILTER = re.compile(r"^(region|year|kind|speaker|title):(.+)$")
QUESTION_WORDS = ("如何", "怎样", "怎么", "什么", "哪些", "为什么", "为何", "是否", "多少", "怎")
FUNCTION_CHARS = "的了吗呢吧啊？?，,。、和与及在是对把被从为有"


def parse_query(q):
    """(words, filters, is_question) of a query as the reference systems read
    it: space-separated words; field:value filters; a question when a
    question word stands in it or it ends with a question mark."""
    words, filters = [], []
    for tok in q.split():
        m = FILTER.match(tok)
        if m:
            filters.append((m.group(1), m.group(2)))
        else:
            words.append(tok.strip('"“”'))
    question = any(w in q for w in QUESTION_WORDS) or q.rstrip().endswith(("?", "？"))
    return words, filters, question


def question_pieces(words):
    """Content pieces of a question: question words and function characters
    cut out, runs of two or more characters kept."""
    text = " ".join(words)
    for w in QUESTION_WORDS:
        text = text.replace(w, " ")
    text = re.sub("[" + FUNCTION_CHARS + r"\s]+", " ", text)
    return [p for p in text.split() if len(p) >= 2]


def year_ok(value, year):
    if not year or not year.isdigit():
        return False
    y = int(year)
    if ".." in value:
        a, b = value.split("..", 1)
        return (not a or y >= int(a)) and (not b or y <= int(b))
    return value.isdigit() and y == int(value)
