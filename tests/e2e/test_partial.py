#!/usr/bin/env python3
"""End-to-end tests of the partial tier (部分匹配) of speech-query: a keyword
query whose strict hits end before the page goes on with passages holding
most of it, marked with the words they miss (README, "Partial matches").

usage: test_partial.py BINDIR
Indexes small fixture files written here (data: the build's, with one
related-word line added to the synonym table), runs queries and checks the
hits.  Prints one line per failing case and ends with "N passed, N failed".
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, run, summary, write_texts  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin"))
DATA = os.path.join(ROOT, "build", "data")

# One passage a line.  Markers (not in the text) name the passages below.
FIXTURES = {
    "a.txt": ["甲县乡村产业发展大会上的讲话",
              "一、发展民宿茶叶电商三业融合，打造乡村产业新高地。",        # ALL
              "二、要把民宿和茶叶做成品牌，带动农民持续增收。",            # MS_CY (copy in b)
              "三、电商平台销售茶叶，今年销售额增长三成。",                # DS_CY
              "四、民宿接待游客五万人次，比上年增加一万人次。",            # MS
              "五、民宿发展要规范管理，电商服务站覆盖全部乡镇。",          # MS_DS
              "六、茶叶产量保持稳定。电商销售情况另行统计。",              # APART
              "七、茶叶产量继续稳定，电商销售情况另行统计。",              # SENTENCE
              "八、农家乐带动茶叶销售，游客越来越多。"],                  # RELATED
    "b.txt": ["乙县农业农村工作会议上的讲话",
              "一、要把民宿和茶叶做成品牌，带动农民持续增收。",            # copy of MS_CY
              "二、农村电商与茶叶种植结合，形成特色产业。"],              # B_DS_CY
}
ALL, MS_CY, DS_CY, MS, MS_DS = "三业融合", "做成品牌", "销售额增长", "接待游客", "规范管理"
APART, SENTENCE, RELATED, B_DS_CY = "产量保持稳定", "产量继续稳定", "农家乐", "种植结合"
RELATED_LINE = "民宿 ~ 农家乐\n"   # a related word of the test's own synonym table


def query(env, q, *extra, n=20):
    p = run(f"{BIN}/speech-query", "--data", env["data"], "-d", env["db"], "-n", str(n),
            "--json", *extra, q)
    try:
        return p.returncode, json.loads(p.stdout)
    except json.JSONDecodeError:
        print(f"  {q}: exit {p.returncode}: {p.stderr.strip()[:300]}")
        return p.returncode, {"hits": [], "total": -1, "partial_total": -1}


def holds(h, marker):
    return marker in h["text"]


def setup(tmp):
    c = os.path.join(tmp, "c")
    write_texts(c, {name: "\n".join(lines) + "\n" for name, lines in FIXTURES.items()})
    data = os.path.join(tmp, "data")
    shutil.copytree(DATA, data)
    with open(os.path.join(data, "synonyms.rules"), "a", encoding="utf-8") as f:
        f.write(RELATED_LINE)
    db = os.path.join(tmp, "db")
    p = run(f"{BIN}/speech-index", "--data", data, "-d", db, c)
    check(p.returncode == 0, "fixtures indexed", p.stderr)
    return {"db": db, "data": data}


# query, extra options, strict markers, partial markers with their missing words (both
# in any order: ranking is not this test's matter), markers of the passages holding some
# of the query that follow them (fewer than 10 strict and partial hits), with their
# missing words, and markers that must be no hit at all
CASES = [
    ("民宿 茶叶 电商", (), [ALL],
     {MS_DS: ["茶叶"], MS_CY: ["电商"], DS_CY: ["民宿"], B_DS_CY: ["民宿"], APART: ["民宿"],
      SENTENCE: ["民宿"], RELATED: ["电商"]}, {MS: ["电商", "茶叶"]}, []),
    # a word of several units: its units in one sentence (in another clause) are a partial
    # hit; in two sentences they are not, ever; since the eighteenth round the passages
    # holding some of its units follow, each missing one (as for 茶叶 电商 typed apart)
    ("茶叶电商", (), [ALL, DS_CY, B_DS_CY], {SENTENCE: []},
     {MS_DS: ["茶叶"], MS_CY: ["电商"], RELATED: ["电商"]}, [APART]),
    # a related form ("~") counts as the word: nothing missing, still partial
    ("民宿 茶叶", (), [MS_CY, ALL], {MS: ["茶叶"], MS_DS: ["茶叶"], RELATED: []},
     {DS_CY: ["民宿"], B_DS_CY: ["民宿"], APART: ["民宿"], SENTENCE: ["民宿"]}, []),
    # exclusions stay exact
    ("民宿 茶叶 电商 -品牌", (), [ALL],
     {MS_DS: ["茶叶"], DS_CY: ["民宿"], B_DS_CY: ["民宿"], APART: ["民宿"], SENTENCE: ["民宿"],
      RELATED: ["电商"]}, {MS: ["电商", "茶叶"]}, [MS_CY]),
    # a quoted word is required
    ('"茶叶" 民宿 电商', (), [ALL],
     {MS_CY: ["电商"], DS_CY: ["民宿"], B_DS_CY: ["民宿"], APART: ["民宿"], SENTENCE: ["民宿"],
      RELATED: ["电商"]}, {}, [MS_DS, MS]),
    # filters stay exact
    ("民宿 茶叶 电商 title:甲县", (), [ALL],
     {MS_DS: ["茶叶"], MS_CY: ["电商"], DS_CY: ["民宿"], APART: ["民宿"], SENTENCE: ["民宿"],
      RELATED: ["电商"]}, {MS: ["电商", "茶叶"]}, [B_DS_CY]),
    # --strict turns the tier off
    ("民宿 茶叶 电商", ("--strict",), [ALL], {}, {}, [MS_DS, MS_CY]),
    # --jsonl streams: no tier
    # (checked below); a question has none either (it accepts partial cover already)
]


def marked(hits, markers):
    """{marker (or the text's start): sorted missing words} of hits."""
    got = {}
    for h in hits:
        m = [k for k in markers if holds(h, k)]
        got[m[0] if m else h["text"][:12]] = sorted(h["missing"])
    return got


def test_cases(env):
    for q, extra, strict, partial, some, never in CASES:
        name = f"[{q}{' ' + ' '.join(extra) if extra else ''}]"
        rc, r = query(env, q, *extra)
        hits = r["hits"]
        s = [h for h in hits if not h["partial"]]
        p = [h for h in hits if h["partial"]]
        check(len(s) == len(strict) and all(any(holds(h, m) for h in s) for m in strict),
              f"{name} strict hits", [h["text"][:12] for h in s])
        check(hits[:len(s)] == s, f"{name} strict hits first")
        check(r["total"] == len(strict), f"{name} total counts strict hits", r["total"])
        check(r["partial_total"] == len(partial) + len(some), f"{name} partial_total",
              r["partial_total"])
        got, want = marked(p[:len(partial)], partial), {k: sorted(v) for k, v in partial.items()}
        check(got == want, f"{name} partial hits and their missing words", f"{got} != {want}")
        got, want = marked(p[len(partial):], some), {k: sorted(v) for k, v in some.items()}
        check(got == want, f"{name} then the passages holding some of it", f"{got} != {want}")
        for m in never:
            check(not any(holds(h, m) for h in hits), f"{name} no hit holds {m}")
        check([h["rank"] for h in hits] == list(range(1, len(hits) + 1)), f"{name} ranks 1..n")
        check(rc == (0 if strict else 1), f"{name} exit status", rc)


def test_strict_unchanged(env):
    """Strict hits keep their order, ranks and scores; partial hits follow."""
    for q in ("民宿 茶叶 电商", "民宿 茶叶", "茶叶电商"):
        _, on = query(env, q)
        _, off = query(env, q, "--strict")
        key = [(h["rank"], h["file"], h["byte_start"], h["score"]) for h in off["hits"]]
        check([(h["rank"], h["file"], h["byte_start"], h["score"])
               for h in on["hits"][:len(key)]] == key, f"[{q}] strict hits unchanged")
        check(all(not h["partial"] and h["missing"] == [] for h in off["hits"]),
              f"[{q}] --strict: every hit strict")


def test_schema(env):
    _, r = query(env, "民宿 茶叶 电商")
    check(isinstance(r.get("partial_total"), int), "JSON: partial_total is a number")
    for h in r["hits"]:
        check(isinstance(h.get("partial"), bool) and isinstance(h.get("missing"), list) and
              all(isinstance(w, str) for w in h["missing"]), "JSON: partial and missing typed")
        check(h["partial"] or h["missing"] == [], "JSON: a strict hit misses nothing")
        for k in ("rank", "score", "file", "line", "byte_start", "byte_end", "title", "text",
                  "duplicates", "highlights"):
            check(k in h, f"JSON: hit keeps {k}")
    dup = [h for h in r["hits"] if holds(h, MS_CY)]
    check(len(dup) == 1 and len(dup[0]["duplicates"]) == 1,
          "a partial hit's copy folds into it (also in)", dup)
    p = run(f"{BIN}/speech-query", "--data", env["data"], "-d", env["db"], "--jsonl", "民宿 茶叶 电商")
    lines = [json.loads(x) for x in p.stdout.splitlines() if x.strip()]
    check(len(lines) == 1 and not lines[0]["partial"], "--jsonl streams strict hits only",
          len(lines))
    _, r = query(env, "民宿 茶叶 电商", "--facets")
    strict_kinds = sum(1 for h in r["hits"] if not h["partial"] and h.get("kind"))
    check(sum(c for _, c in r["facets"]["kind"]) == strict_kinds and
          any(h["partial"] and h.get("kind") for h in r["hits"]), "facets count strict hits only",
          r["facets"])
    _, a = query(env, "怎样发展民宿茶叶电商")
    check(a.get("mode") == "question" and not any(h["partial"] for h in a["hits"]),
          "a question has no partial tier")


def test_highlights(env):
    """A partial hit marks the words it holds: a related form, the units of a word that
    stand in one sentence."""
    for q, marker, words in (("茶叶电商", SENTENCE, {"茶叶", "电商"}),
                             ("民宿 茶叶 电商", RELATED, {"农家乐", "茶叶"})):
        _, r = query(env, q)
        h = [h for h in r["hits"] if h["partial"] and holds(h, marker)]
        raw = h[0]["text"].encode() if h else b""
        got = {raw[a:b].decode() for a, b in h[0]["highlights"]} if h else set()
        check(got == words, f"[{q}] partial hit highlights", got)


def test_pages(env):
    """Pages cut one ranking across the boundary: no hit twice, none lost."""
    _, whole = query(env, "民宿 茶叶 电商", n=50)
    key = [(h["file"], h["byte_start"], h["partial"]) for h in whole["hits"]]
    for per in (1, 2, 3):
        got = []
        for off in range(0, len(key) + per, per):
            _, r = query(env, "民宿 茶叶 电商", "--offset", str(off), n=per)
            got += [(h["file"], h["byte_start"], h["partial"]) for h in r["hits"]]
            check([h["rank"] for h in r["hits"]] == list(range(off + 1, off + 1 + len(r["hits"]))),
                  f"page of {per} at {off}: ranks continue")
        check(got == key, f"pages of {per}: the whole ranking, each hit once", got)
    # a page that the strict hits fill exactly still tells that partial hits follow
    strict = sum(1 for k in key if not k[2])
    check(0 < strict < len(key), "the query has strict and partial hits", key)
    _, r = query(env, "民宿 茶叶 电商", n=strict)
    check(len(r["hits"]) == strict and not any(h["partial"] for h in r["hits"]),
          "a page of exactly the strict hits holds no partial hit")
    check(r["partial_total"] == len(key) - strict,
          "partial_total counts the partial hits beyond that page", r["partial_total"])


def test_text(env):
    p = run(f"{BIN}/speech-query", "--data", env["data"], "-d", env["db"], "--no-pager",
            "--color", "never", "民宿 茶叶 电商")
    out = p.stdout
    sep = "—— 部分匹配（不含全部查询词）——"
    check(out.count(sep) == 1, "text: one separator line", out[:300])
    check(out.find(sep) > out.find("1. ") and out.find(sep) < out.find("2. "),
          "text: the separator stands between the strict and the partial hits")
    check("缺少：茶叶" in out and "缺少：民宿" in out, "text: each partial hit says what it lacks")
    p = run(f"{BIN}/speech-query", "--data", env["data"], "-d", env["db"], "--no-pager",
            "--strict", "民宿 茶叶 电商")
    check(sep not in p.stdout and "缺少" not in p.stdout, "text: --strict, no partial hits")


# A rare character against a common word: the character's passages are
# those of its own term and of the bigrams it begins, and it weighs as rare
# as they are (qbuild.c unit_idf), not as a word of unknown rarity would.
RARE = ["丙县农业工作会议上的讲话",
        "一、蜜柚种植面积扩大到五万亩，带动农民增收。",          # both words: strict
        "二、井冈蜜柚品牌知名度不断提升。",                       # 柚 only (ends a run)
        "三、柚子加工企业新增三家，产值翻番。"]                   # 柚 only (begins a bigram)
RARE += [f"{n}、粮食种植面积保持稳定，完成年度任务。" for n in "四五六七八"]   # 种植 only
RARE += [f"{n}、道路建设完成投资{k}亿元，交通条件改善。" for k, n in enumerate(
    "九十", 1)] + [f"第{k}条、城市管理水平提升，市容环境改善{k}处。" for k in range(11, 33)]


def test_rare_character(tmp):
    c = os.path.join(tmp, "rare")
    write_texts(c, {"r.txt": "\n".join(RARE) + "\n"})
    db = os.path.join(tmp, "rare-db")
    p = run(f"{BIN}/speech-index", "--data", DATA, "-d", db, c)
    check(p.returncode == 0, "rare-character fixture indexed", p.stderr)
    rc, r = query({"data": DATA, "db": db}, "柚 种植")
    hits = r["hits"]
    strict = [h for h in hits if not h["partial"]]
    part = [h for h in hits if h["partial"]]
    check(len(strict) == 1 and "蜜柚种植" in strict[0]["text"], "[柚 种植] one strict hit",
          [h["text"][:12] for h in strict])
    check(sorted(h["text"][:4] for h in part[:2]) == ["三、柚子", "二、井冈"],
          "[柚 种植] partial hits: the passages of the rare 柚, before those of the common 种植",
          [(h["text"][:8], h["missing"]) for h in part])
    check([h["missing"] for h in part] == [["种植"]] * 2 + [["柚"]] * 5,
          "[柚 种植] partial hits miss 种植; those holding some of it (种植) follow",
          [h["missing"] for h in part])


# A word of three units or more that the text never writes whole: a passage
# where two or more of its units stand side by side, holding most of its
# rarity, is a partial hit (rank.c subrun_share); its units apart, or in
# another order, are not.
RUNS = ["丁县营商环境大会上的讲话",
        "一、企业落户实行全程代办服务，当天办结。",      # 全程代办服务: units 2-3
        "二、全程跟踪项目进度，代办事项另行安排。",      # units apart: some of it
        "三、园区道路全面完工，绿化同步推进。",          # one unit: some of it
        "四、代办全程服务由专人负责。",                  # another order: some of it
        "五、园区全程代办中心今年挂牌运行。"]            # 园区全程代办: units 1-2


def test_runs(tmp):
    c = os.path.join(tmp, "runs")
    write_texts(c, {"s.txt": "\n".join(RUNS) + "\n"})
    env = {"data": DATA, "db": os.path.join(tmp, "runs-db")}
    p = run(f"{BIN}/speech-index", "--data", DATA, "-d", env["db"], c)
    check(p.returncode == 0, "runs fixture indexed", p.stderr)
    _, r = query(env, "园区全程代办服务")
    check(r.get("understood") == "园区+全程代办+服务", "[园区全程代办服务] three units",
          r.get("understood"))
    got = sorted((h["text"][:2], h["partial"]) for h in r["hits"][:2])
    check(got == [("一、", True), ("五、", True)] and not any(h["missing"] for h in r["hits"][:2]),
          "[园区全程代办服务] partial hits: the passages where a run of its units stands",
          got)
    # then, fewer than ten, the passages holding some of its units, each missing one
    some = {h["text"][:2]: sorted(h["missing"]) for h in r["hits"][2:]}
    check(some == {"二、": ["园区", "服务"], "三、": ["全程代办", "服务"], "四、": ["园区"]},
          "[园区全程代办服务] then the passages holding some of its units", some)
    marks = {h["text"][:2]: {h["text"].encode()[a:b].decode() for a, b in h["highlights"]}
             for h in r["hits"][:2]}
    check(marks == {"一、": {"全程代办服务"}, "五、": {"园区全程代办"}},
          "[园区全程代办服务] the run is highlighted", marks)
    _, r = query(env, "园区全程代办服务", "--strict")
    check(r["hits"] == [], "[园区全程代办服务] --strict: no hit", len(r["hits"]))


# Passages holding some of the query (search_partial.c SOME_BELOW): they
# follow when fewer than 10 passages hold the query or most of it; a place
# the speech is about does not make a passage hold some of it, a word of its
# text does.
SOME_A = ["许昌市政府工作报告",
          "一、冷链物流园一期建成投用，年吞吐量十万吨。",   # 冷链物流, in a 许昌 report: strict
          "二、城市绿化覆盖率提升到四成。"]                 # the place alone (context): no hit
SOME_B = ["洛阳市政府工作报告",
          "一、冷链物流企业新增五家。",                     # 冷链物流 alone: some of it
          "二、旅游接待人数增长一成。"]                     # nothing: no hit


def test_some(tmp):
    c = os.path.join(tmp, "some")
    write_texts(c, {"xc.txt": "\n".join(SOME_A) + "\n", "ly.txt": "\n".join(SOME_B) + "\n"})
    env = {"data": DATA, "db": os.path.join(tmp, "some-db")}
    p = run(f"{BIN}/speech-index", "--data", DATA, "-d", env["db"], c)
    check(p.returncode == 0, "some-of-it fixture indexed", p.stderr)
    _, r = query(env, "许昌 冷链物流")
    got = [(h["text"][:2], h["partial"], h["missing"], os.path.basename(h["file"]))
           for h in r["hits"]]
    check(got[:1] == [("一、", False, [], "xc.txt")] and ("一、", True, ["许昌"], "ly.txt") in got,
          "[许昌 冷链物流] the strict hit, then the passage holding 冷链物流 alone", got)
    check(not any("城市绿化" in h["text"] or "旅游接待" in h["text"] for h in r["hits"]),
          "[许昌 冷链物流] not a passage holding the place by its speech alone, nor one "
          "holding nothing", got)
    _, r = query(env, "许昌 冷链物流", "--strict")
    check(len(r["hits"]) == 1, "[许昌 冷链物流] --strict: the strict hit alone", len(r["hits"]))
    # ten passages holding the query: none holding some of it follows
    c = os.path.join(tmp, "some10")
    paras = [f"第{k}项：冷链物流园区建设，投资{k}亿元。" for k in range(1, 11)]
    write_texts(c, {"t.txt": "\n".join(["某县政府工作报告"] + paras + ["冷链运输车辆增加。"]) + "\n"})
    env = {"data": DATA, "db": os.path.join(tmp, "some10-db")}
    p = run(f"{BIN}/speech-index", "--data", DATA, "-d", env["db"], c)
    _, r = query(env, "冷链物流 园区建设", n=20)
    check(len(r["hits"]) == 10 and not any(h["partial"] for h in r["hits"]),
          "ten strict hits: no passage holding some of it follows",
          [(h["text"][:6], h["partial"]) for h in r["hits"]])


def main():
    tmp = tempfile.mkdtemp(prefix="ss-partial-")
    try:
        env = setup(tmp)
        test_cases(env)
        test_strict_unchanged(env)
        test_schema(env)
        test_highlights(env)
        test_pages(env)
        test_text(env)
        test_rare_character(tmp)
        test_runs(tmp)
        test_some(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
