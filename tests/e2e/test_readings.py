#!/usr/bin/env python3
"""End-to-end tests of how a query typed glued is read, on a small fixture
index: the passage a user means is found among the strict hits.

usage: test_readings.py BINDIR
- a thing with its rank glued after it (粮食产量全国第一): the thing and the
  rank, wherever they stand in the passage;
- a thing, 的, a common noun and 问题 or 工作 (乡村振兴的人才问题): the two;
- the way of a thing after 之 (乡村振兴之路): the thing;
- a place glued to a run of single characters before a word (四川灾后重建):
  the place, then the rest;
- a year without 年 glued to a word that opens with a character that counts
  (2009家电下乡): the year, then the word;
- a place, a character and a word, the character and the word a word of the
  synonym table (重庆公租房): the place, then that word;
- the material a speech writer asks for on a thing (乡村振兴金句, …素材,
  …的讲话摘录) or a piece written on it (谈乡村振兴): the thing.
Each check fails on a reading of the whole as one glued word.  Ends with
"N passed, N failed".
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, index_texts, query_json, summary  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bin")

FIXTURES = {
    "hlj.txt": "黑龙江省2023年政府工作报告\n省长 张某某\n"
               "粮食产量稳定在1500亿斤以上，总产量、商品量、调出量始终位居全国第一。\n",
    "hn.txt": "河南省2023年政府工作报告\n省长 李某某\n"
              "粮食产量保持稳定，高标准农田建设加快推进。\n",
    "rc.txt": "某县2022年政府工作报告\n县长 王某某\n"
              "实施乡村振兴战略，引进和培养一批农村实用人才，解决人才短缺。\n",
    "xc.txt": "某市2022年政府工作报告\n市长 赵某某\n"
              "走出一条具有本地特色的乡村振兴之路，村集体经济不断壮大。\n",
    "cq.txt": "重庆市2012年政府工作报告\n市长 孙某某\n"
              "新开工公租房1000万平方米，配租工作有序推进。\n",
    "sc.txt": "四川省2010年政府工作报告\n省长 钱某某\n"
              "汶川特大地震灾后恢复重建三年任务两年基本完成。\n"
              "2009年，家电下乡、汽车下乡政策全面落实，农村消费明显回升。\n",
}


def files(res):
    return sorted(os.path.basename(h["file"]) for h in res["hits"]) if res else []


def test_rank(db):
    for q in ("粮食产量全国第一", "粮食产量位居全国第一"):
        rc, res = query_json(BIN, db, q, "--strict")
        check(rc == 0 and files(res) == ["hlj.txt"],
              q + ": the passage naming the thing and its rank apart",
              f"{res['understood'] if res else None} {files(res)}")
    rc, res = query_json(BIN, db, "全国第一", "--strict")
    check(rc == 0 and files(res) == ["hlj.txt"], "全国第一 alone: the rank",
          files(res))


def test_second_thing(db):
    rc, res = query_json(BIN, db, "乡村振兴的人才问题", "--strict")
    check(rc == 0 and files(res) == ["rc.txt"],
          "乡村振兴的人才问题: the passage of 乡村振兴 and 人才",
          f"{res['understood'] if res else None} {files(res)}")


def test_way_after_zhi(db):
    rc, res = query_json(BIN, db, "乡村振兴之路", "--strict")
    check(rc == 0 and files(res) == ["rc.txt", "xc.txt"],
          "乡村振兴之路: the passages of 乡村振兴",
          f"{res['understood'] if res else None} {files(res)}")


def test_place_then_run(db):
    for q in ("四川灾后重建", "汶川灾后重建"):
        rc, res = query_json(BIN, db, q, "--strict")
        check(rc == 0 and files(res) == ["sc.txt"],
              q + ": the place apart from 灾后+重建",
              f"{res['understood'] if res else None} {files(res)}")


def test_char_to_table_word(db):
    rc, res = query_json(BIN, db, "重庆公租房", "--strict")
    check(rc == 0 and files(res) == ["cq.txt"],
          "重庆公租房: 重庆 and 公租房 (公 goes with 租房, a word of the synonym table)",
          f"{res['understood'] if res else None} {files(res)}")


def test_year_then_word(db):
    rc, res = query_json(BIN, db, "2009家电下乡", "--strict")
    check(rc == 0 and files(res) == ["sc.txt"],
          "2009家电下乡: the year and 家电下乡",
          f"{res['understood'] if res else None} {files(res)}")


def test_material_asked(db):
    for q in ("乡村振兴金句", "乡村振兴素材", "乡村振兴的讲话摘录", "谈乡村振兴", "乡村振兴简介"):
        rc, res = query_json(BIN, db, q, "--strict")
        check(rc == 0 and files(res) == ["rc.txt", "xc.txt"],
              q + ": the passages of 乡村振兴",
              f"{res['understood'] if res else None} {files(res)}")


def test_since_event(db):
    # the time since an event, or the first time a thing was put, before
    # the words (twenty-fourth round: one glued word, nothing found)
    for q in ("改革开放以来乡村振兴", "党的十八大以来乡村振兴", "疫情以来 乡村振兴"):
        rc, res = query_json(BIN, db, q, "--strict")
        check(rc == 0 and files(res) == ["rc.txt", "xc.txt"],
              q + ": the passages of 乡村振兴",
              f"{res['understood'] if res else None} {files(res)}")
    rc, res = query_json(BIN, db, "首次提出乡村振兴")
    check(rc == 0 and set(files(res)[:2]) == {"rc.txt", "xc.txt"},
          "首次提出乡村振兴: the passages of 乡村振兴 first",
          f"{res['understood'] if res else None} {files(res)}")


def test_short_tokens(db):
    # one token of letters, digits or a sign: read without a crash (50%
    # crashed the release build in the twenty-first round: a word before
    # the first was read while trimming the words of a request)
    for q in ("50%", "5G", "%", "80%的", "之路", "发展", "全国第一"):
        rc, res = query_json(BIN, db, q)
        check(rc in (0, 1) and res is not None, q + ": answered", f"exit {rc}")


def main():
    tmp = tempfile.mkdtemp(prefix="ss-readings-")
    try:
        db = index_texts(BIN, tmp, FIXTURES)
        test_rank(db)
        test_material_asked(db)
        test_since_event(db)
        test_second_thing(db)
        test_way_after_zhi(db)
        test_place_then_run(db)
        test_year_then_word(db)
        test_char_to_table_word(db)
        test_short_tokens(db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
