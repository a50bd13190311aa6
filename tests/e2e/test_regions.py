#!/usr/bin/env python3
"""End-to-end tests of groups of places (区域: 东北, 长三角, 珠三角…,
corpus/data/region_groups.tsv) on a small fixture index.

usage: test_regions.py BINDIR
A query's group name stands for its member provinces and cities: the
region: filter keeps speeches in a member, and a query word 东北 counts a
passage of a speech in a member as context, below passages that say it.
The indexer never reads a group out of text: a passage that says 东北 is
not a passage of 辽宁.  Places listed beside other words are any of them
(河北、浙江开发区), unless one lies inside another.  Ends with "N passed,
N failed".
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, index_texts, query_json, summary  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bin")

FIXTURES = {
    "ln.txt": "辽宁省2004年政府工作报告\n省长 张某某\n"
              "振兴辽宁老工业基地，加快国有企业改革步伐。\n"
              "全省招商引资实际到位资金增长两成。\n",
    "sy.txt": "沈阳市2004年政府工作报告\n市长 周某某\n"
              "振兴老工业基地，加快国有企业改革步伐。\n",
    "gov.txt": "2004年国务院政府工作报告\n总理 王某某\n"
               "振兴东北老工业基地，加快国有企业改革步伐。\n",
    "nj.txt": "南京市2020年政府工作报告\n市长 李某某\n"
              "深化招商引资，推进重大项目建设。\n",
    "gz.txt": "广州市2020年政府工作报告\n市长 赵某某\n"
              "创新招商引资方式，学习东北老工业基地振兴的经验。\n",
    "wlmq.txt": "乌鲁木齐市2020年政府工作报告\n市长 马某某\n"
                "优化招商引资服务，推进重大项目落地。\n",
    "gs.txt": "甘肃省2005年政府工作报告\n省长 钱某某\n"
              "抓住西部大开发机遇，加强基础设施建设。\n",
    "sc.txt": "四川省2005年政府工作报告\n省长 孙某某\n"
              "加强基础设施建设，改善投资环境。\n",
    "hb.txt": "河北省2021年政府工作报告\n省长 吴某某\n"
              "推进开发区改革创新，提升开发区能级。\n",
    "hbnews.txt": "2021年全国两会侧记\n记者 郑某某\n"
                  "河北代表说，河北这些年变化很大，河北人民很高兴。\n",
    "zj.txt": "浙江省2021年政府工作报告\n省长 郑某某\n"
              "整合提升开发区，开发区亩均效益提高。\n",
    "js.txt": "江苏省2021年政府工作报告\n省长 王某某\n"
              "开发区创新发展，建设一流开发区。\n",
    # a speaker as context: the report 孔某某 gave, a passage that names him
    "kq.txt": "2019年国务院政府工作报告\n国务院总理　孔某某\n"
              "持续推进减税降费，切实减轻企业负担。\n",
    "kqnews.txt": "2019年全国两会侧记\n记者 郑某某\n"
                  "孔某某强调，减税降费要落实到位。\n",
    "tax.txt": "湖南省2019年政府工作报告\n省长 许某某\n"
               "落实减税降费政策，优化营商环境。\n",
    # a place's weak name (朝阳 is also the morning sun) read as the place
    # when the collection holds its speeches (twentieth round)
    "cy.txt": "朝阳市2021年政府工作报告\n市长 冯某某\n"
              "抓实项目招引，落实项目前期工作。\n",
    "dl.txt": "大连市2021年政府工作报告\n市长 陈某某\n"
              "抓实项目招引，优化营商服务。\n",
    # a speaker whose name is a place's (the mayor 宁波 of 芜湖): the title
    # names the speaker, not the place (twenty-third round)
    "wh.txt": "芜湖市政府工作报告（2022年1月10日 宁波）\n\n各位代表：\n"
              "现在，我代表市人民政府作报告。\n全面推进乡村振兴，建设和美乡村。\n",
    "nb.txt": "宁波市2022年政府工作报告\n市长 汤某某\n"
              "全面推进乡村振兴，共同富裕示范先行。\n",
    "sys.txt": "双鸭山市政府工作报告（2023年1月5日 宫镇江）\n\n各位代表：\n"
               "现在，我代表市人民政府作报告。\n推进煤炭产业转型。\n",
}


def query(db, q, *opts):
    return query_json(BIN, db, q, *opts)


def files(res):
    """Base names of the hit files, in rank order."""
    return [os.path.basename(h["file"]) for h in res["hits"]] if res else []


def test_filters(db):
    cases = [  # (query, files expected, exactly)
        ("招商引资 region:长三角", {"nj.txt"}),
        ("招商引资 region:长江三角洲", {"nj.txt"}),
        ("招商引资 region:長三角", {"nj.txt"}),                 # traditional script
        ("招商引资 region:粤港澳", {"gz.txt"}),
        ("招商引资 region:珠三角", {"gz.txt"}),
        ("招商引资 region:粤港澳大湾区", {"gz.txt"}),
        ("招商引资 region:东北", {"ln.txt"}),
        ("招商引资 region:东部地区", {"nj.txt", "gz.txt"}),
        ("基础设施 region:西部地区", {"gs.txt", "sc.txt"}),
        ("基础设施 region:成渝", {"sc.txt"}),
        # a region's provinces named as such (twenty-fourth round)
        ("基础设施 region:西部省份", {"gs.txt", "sc.txt"}),
        ("基础设施 region:西部各省", {"gs.txt", "sc.txt"}),
        ("开发区 region:东部省份", {"hb.txt", "zj.txt", "js.txt"}),
        # cities by their rank: more than 16 members (the 27 provincial seats)
        ("招商引资 region:省会城市", {"nj.txt", "gz.txt", "wlmq.txt"}),
        ("老工业基地 region:省会城市", {"sy.txt", "gz.txt"}),
        ("项目招引 region:计划单列市", {"dl.txt"}),
        ("项目招引 region:副省级城市", {"dl.txt", "nj.txt"}),       # 南京: partial
        # the indexer reads no group out of text: 东北 in a 广州 speech is not 辽宁
        ("老工业基地 region:辽宁", {"ln.txt", "sy.txt"}),
        # a province's one-character short form, a year with 年度, more
        # names of kinds (nineteenth round)
        ("老工业基地 region:辽", {"ln.txt", "sy.txt"}),
        ("基础设施 region:陇", {"gs.txt"}),
        ("老工业基地 year:2004年度", {"ln.txt", "sy.txt", "gov.txt"}),
        ("开发区 kind:政府工作报告", {"hb.txt", "zj.txt", "js.txt"}),
        # values listed in one filter, any of them (twentieth round: 东北 was a keyword)
        ("招商引资 region:长三角,东北", {"nj.txt", "ln.txt"}),
        ("开发区 region:河北，浙江", {"hb.txt", "zj.txt"}),
        ("基础设施 year:2005、2021", {"gs.txt", "sc.txt"}),
        # a place inside the speaker's name in the title is no region of the
        # speech (twenty-third round: region:宁波 found the 芜湖 report)
        ("乡村振兴 region:宁波", {"nb.txt"}),
        ("乡村振兴 region:浙江", {"nb.txt"}),
        ("乡村振兴 region:芜湖", {"wh.txt"}),
        ("乡村振兴 region:安徽", {"wh.txt"}),
    ]
    for q, want in cases:
        rc, res = query(db, q)
        check(rc == 0 and set(files(res)) == want, f"filter {q}", f"{rc} {files(res)}")
    for q in ("招商引资 region:西部", "招商引资 region:东部"):
        rc, res = query(db, q)
        check(rc != 0, f"{q}: 西部/东部 alone are no region", f"{rc} {files(res)}")


def test_context(db):
    # 东北 as a query word: the passage that says it above the 辽宁 speech's
    # passage of the same words that does not (its speech is in 东北)
    rc, res = query(db, "东北 老工业基地")
    got = files(res)
    check(rc == 0 and "ln.txt" in got and "gov.txt" in got and "gz.txt" in got,
          "东北 老工业基地 finds the 辽宁 passage as context", str(got))
    if "ln.txt" in got and "gov.txt" in got and "gz.txt" in got:
        check(got.index("gov.txt") < got.index("ln.txt"),
              "the passage that says 东北 ranks above the context hit", str(got))
    # the same rule for a province: 辽宁 named above a 沈阳 speech's passage
    rc, res = query(db, "辽宁 老工业基地")
    got = files(res)
    check(rc == 0 and "ln.txt" in got and "sy.txt" in got and
          got.index("ln.txt") < got.index("sy.txt"),
          "the passage that says 辽宁 ranks above the 沈阳 context hit", str(got))
    # the provinces of a region typed as a word (twenty-fourth round:
    # 西部省份 基础设施 found only a passage that says 西部 and 省份)
    for q in ("西部省份 基础设施", "西部省份基础设施", "西部各省 基础设施"):
        rc, res = query(db, q)
        got = files(res)
        whole = [os.path.basename(h["file"]) for h in res["hits"] if not h["partial"]] if res else []
        check(rc == 0 and set(whole) == {"gs.txt", "sc.txt"},
              f"{q}: the 甘肃 and 四川 speeches as context", str(got))
    # a group of 27 cities typed as a word: each member counts as context,
    # the last one listed too (乌鲁木齐; a group held 16 at most before)
    rc, res = query(db, "省会城市 招商引资")
    whole = [os.path.basename(h["file"]) for h in res["hits"] if not h["partial"]] if res else []
    check(rc == 0 and set(whole) == {"nj.txt", "gz.txt", "wlmq.txt"},
          "省会城市 招商引资: the 南京, 广州 and 乌鲁木齐 speeches as context", str(whole))
    # 长三角 as a word: the 南京 speech is inside, the 广州 one is not
    rc, res = query(db, "长三角 招商引资")
    got = files(res)
    check(rc == 0 and "nj.txt" in got and "gz.txt" not in got[:got.index("nj.txt") + 1]
          if "nj.txt" in got else False, "长三角 招商引资: 南京 first", str(got))
    # 西部大开发 is a policy, not a place: no context hits from 四川
    rc, res = query(db, "西部大开发")
    check(rc == 0 and files(res) == ["gs.txt"], "西部大开发 finds only the text", str(files(res)))
    rc, res = query(db, "西部 基础设施", "--strict")
    check(rc == 0 and set(files(res)) <= {"gs.txt"}, "西部 alone is no place", str(files(res)))


def test_question_place(db):
    # a question's place is where the thing asked about is, not the thing:
    # the 河北 speech's passage on 开发区 (the place as context, its weight
    # given back) ranks first, and a passage that names 河北 three times and
    # no 开发区 below every passage on 开发区
    rc, res = query(db, "河北如何推进开发区建设")
    got = files(res)
    check(rc == 0 and res["mode"] == "question" and got[:1] == ["hb.txt"],
          "河北如何推进开发区建设: the 河北 passage on 开发区 first", str(got))
    check("hbnews.txt" not in got or
          got.index("hbnews.txt") > max(got.index(f) for f in ("hb.txt", "js.txt", "zj.txt")
                                        if f in got),
          "河北如何推进开发区建设: the place alone below the thing", str(got))


def test_speaker(db):
    # a name typed beside other words stands in the speeches the person
    # gave (国务院总理　孔某某: role and name); tax.txt, another speaker's, not
    rc, res = query(db, "孔某某 减税降费", "--strict")
    got = [(os.path.basename(h["file"]), h["text"][:4]) for h in res["hits"]] if res else []
    check(rc == 0 and ("kq.txt", "持续推进") in got and ("kqnews.txt", "孔某某强") in got and
          not any(f == "tax.txt" for f, _ in got),
          "孔某某 减税降费: the passage naming him and his report's", str(got))
    kq = [h for h in res["hits"] if h["file"].endswith("kq.txt")] if res else []
    check(bool(kq) and kq[0].get("speaker") == "总理 孔某某", "the report's speaker",
          str(kq[0].get("speaker") if kq else None))
    # ... and so does a role (nineteenth round): 总理 finds the report a
    # 总理 gave, not the 省长's; 省长 the other way round
    for role, want, other in (("总理", "kq.txt", "tax.txt"), ("省长", "tax.txt", "kq.txt")):
        rc, res = query(db, role + " 减税降费", "--strict")
        fs = [os.path.basename(h["file"]) for h in res["hits"]] if res else []
        check(rc == 0 and want in fs and other not in fs,
              role + " 减税降费: the speeches given in that role", str(fs))
    # alone, or quoted, a name is its text (the report's head line names him)
    for q in ("孔某某", "\"孔某某\" 减税降费"):
        rc, res = query(db, q, "--strict")
        got = [h["text"] for h in res["hits"]] if res else []
        check(rc == 0 and got and all("孔某某" in t for t in got),
              q + ": only passages that name him", str(got))


def test_weak_place(db):
    # 朝阳项目招引 typed glued: 朝阳 is a weak name (an everyday word too),
    # read as the place because the collection holds 朝阳's speeches; its
    # speech's passage on 项目招引 is found as context, the 大连 one is not
    rc, res = query(db, "朝阳项目招引", "--strict")
    got = files(res)
    check(rc == 0 and res["understood"].startswith("朝阳 ") and got == ["cy.txt"],
          "朝阳项目招引: the place and the word, 朝阳's speech",
          f"{res['understood'] if res else None} {got}")
    # a weak name the dictionary tags otherwise stays a word (大同 is an
    # adverb there); no 大同 speech here either
    rc, res = query(db, "大同项目招引", "--strict")
    check(rc in (0, 1) and res and res["understood"].startswith("大同+"),
          "大同项目招引 stays one word", res["understood"] if res else None)


def test_name_holds_place(db):
    # 镇江 inside the speaker's name 宫镇江 (title and byline) is no place
    # of the 双鸭山 report (twenty-third round)
    for q in ("region:镇江", "region:江苏", "煤炭 region:镇江"):
        rc, res = query(db, q)
        check(rc in (0, 1) and "sys.txt" not in files(res), f"{q}: not the 双鸭山 report",
              f"{rc} {files(res)}")
    rc, res = query(db, "煤炭 region:双鸭山")
    check(rc == 0 and files(res) == ["sys.txt"], "煤炭 region:双鸭山: its report", f"{rc} {files(res)}")


def test_places_listed(db):
    # places listed beside other words: any of them (twenty-third round: all
    # were required, and a 河北 speech's passage had to name 浙江 too)
    for q in ("河北、浙江开发区", "河北 浙江 开发区", "河北和浙江的开发区", "开发区 河北 浙江"):
        rc, res = query(db, q, "--strict")
        got = set(files(res))
        check(rc == 0 and got == {"hb.txt", "zj.txt"} and " OR " in res["understood"],
              f"{q}: the 河北 and the 浙江 passages", f"{res['understood'] if res else None} {got}")
    # one place inside the other stays both (沈阳 is in 辽宁): the 沈阳 passage
    rc, res = query(db, "辽宁 沈阳 老工业基地", "--strict")
    check(rc == 0 and files(res) == ["sy.txt"] and " OR " not in res["understood"],
          "辽宁 沈阳 老工业基地: both, the 沈阳 speech",
          f"{res['understood'] if res else None} {files(res)}")
    # places alone: the words (a passage naming both)
    rc, res = query(db, "河北 浙江")
    check(res is not None and " OR " not in res["understood"], "河北 浙江 alone: both words",
          res["understood"] if res else None)


def main():
    tmp = tempfile.mkdtemp(prefix="ss-regions-")
    try:
        db = index_texts(BIN, tmp, FIXTURES)
        test_filters(db)
        test_context(db)
        test_question_place(db)
        test_speaker(db)
        test_weak_place(db)
        test_places_listed(db)
        test_name_holds_place(db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
