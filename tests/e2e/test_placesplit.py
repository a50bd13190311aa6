#!/usr/bin/env python3
"""End-to-end tests of a query word that begins with a place (许昌高铁站):
read as the place and the rest (lib/qparse.c, ss_q_place_prefix), on a
small fixture index.

usage: test_placesplit.py BINDIR
The glued word finds what the two words typed apart find: the passage
that holds it as typed first, then a passage of a speech about the place
(鄢陵县 lies in 许昌市) that does not name it, and a passage that names the
place and the rest apart; never a speech elsewhere that names neither.
`understood` shows the split, the same in JSON and on the terminal; a
quoted word stays exact.  Ends with "N passed, N failed".
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, index_texts, query_json, run, summary  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "bin")

FIXTURES = {
    # names the word as typed
    "xc.txt": "许昌市2020年政府工作报告\n市长 周某某\n"
              "加快许昌高铁站片区建设，完善城市功能。\n",
    # a speech about a place inside 许昌 that does not name it: context
    "yl.txt": "鄢陵县2020年政府工作报告\n县长 吴某某\n"
              "加快县城高铁站片区建设，完善城市功能。\n",
    # names the place and the rest apart
    "ha.txt": "河南省2020年政府工作报告\n省长 郑某某\n"
              "支持许昌建设产业新城，加快高铁站片区建设。\n",
    # elsewhere, names neither
    "xy.txt": "信阳市2020年政府工作报告\n市长 冯某某\n"
              "加快高铁站片区建设，完善城市功能。\n",
}
# a speech about 许昌 on a thing the segmenter leaves in single characters
# (家|纺), and one elsewhere on the same
ONE_UNIT = {
    "jf.txt": "许昌市2021年政府工作报告\n市长 周某某\n"
              "壮大家纺产业，培育知名品牌。\n",
    "jx.txt": "信阳市2021年政府工作报告\n市长 冯某某\n"
              "壮大家纺产业，培育知名品牌。\n",
}


def query(db, q, *opts):
    return query_json(BIN, db, q, *opts)


def full(res):
    """Base names of the hit files that hold every word, in rank order."""
    return [os.path.basename(h["file"]) for h in res["hits"] if not h.get("partial")] \
        if res else []


def test_split(db):
    rc, res = query(db, "许昌高铁站")
    got = full(res)
    check(rc == 0 and res and res["understood"].startswith("许昌 高铁站"),
          "understood shows the place and the rest", res and res["understood"])
    check(got[:1] == ["xc.txt"], "the word as typed ranks first", str(got))
    check("yl.txt" in got, "the 鄢陵 speech's passage is found by its place", str(got))
    check("ha.txt" in got, "the place and the rest apart are found", str(got))
    check("xy.txt" not in got, "a speech elsewhere is not", str(got))
    # typed apart: the same hits in the same order
    rc2, res2 = query(db, "许昌 高铁站")
    check(rc2 == 0 and full(res2) == got, "glued reads as typed apart", f"{got} {full(res2)}")
    # the terminal says what JSON says
    p = run(f"{BIN}/speech-query", "-d", db, "许昌高铁站")
    check(p.returncode == 0 and res and f"(keywords: {res['understood']})" in p.stdout,
          "terminal and JSON understood agree", p.stdout[:300])
    # --exact keeps the split (it is about reading the text, not other forms)
    rc, res = query(db, "许昌高铁站", "--exact")
    check(rc == 0 and res and res["understood"] == "许昌 高铁站" and "yl.txt" in full(res),
          "--exact splits too", res and res["understood"])


def test_one_unit(db):
    """A word the reading joins into one unit (许昌|家|纺: 许昌家纺) splits
    at the place too, where the segmenter cut."""
    rc, res = query(db, "许昌家纺")
    check(rc == 0 and res and res["understood"] == "许昌 家纺", "许昌家纺 is 许昌 and 家纺",
          res and res["understood"])
    got = full(res)
    check("jf.txt" in got and "jx.txt" not in got, "the 许昌 speech on 家纺, not the other",
          str(got))
    rc2, res2 = query(db, "许昌 家纺")
    check(full(res2) == got, "glued reads as typed apart", f"{got} {full(res2)}")


def test_whole(db):
    rc, res = query(db, '"许昌高铁站"')
    check(rc == 0 and full(res) == ["xc.txt"], "a quoted word stays exact", str(full(res)))
    # a weak place name (大同, an everyday word) is not split off
    rc, res = query(db, "大同煤矿")
    check(rc in (0, 1) and res and res["understood"] == "大同+煤矿", "大同煤矿 stays one word",
          res and res["understood"])


def test_view(db, tmp):
    """The web page's reading view reads the query as the search does: in the
    speech that names 许昌 and 高铁站 apart, both are marked."""
    rc, res = query(db, "许昌高铁站")
    hit = [h for h in (res["hits"] if res else []) if os.path.basename(h["file"]) == "ha.txt"]
    check(len(hit) == 1, "the 河南 passage is a hit", str(res and res["hits"]))
    if not hit:
        return
    conf = os.path.join(tmp, "web.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(f"demo = {db}\ndefault = demo\n")
    env = dict(os.environ, SPEECH_SEARCH_CONFIG=conf, REQUEST_METHOD="GET",
               QUERY_STRING=urllib.parse.urlencode({"view": hit[0]["file"], "speech": hit[0]["speech"],
                                                    "q": "许昌高铁站"}))
    p = subprocess.run([f"{BIN}/speech-search.cgi"], capture_output=True, text=True, env=env)
    marks = re.findall(r"<mark[^>]*>([^<]*)</mark>", p.stdout)
    check(p.returncode == 0 and "许昌" in marks and "高铁站" in marks,
          "the reading view marks the place and the rest", str(marks) + p.stdout[:200])


def main():
    tmp = tempfile.mkdtemp(prefix="ss-placesplit-")
    try:
        db = index_texts(BIN, tmp, FIXTURES)
        test_split(db)
        test_whole(db)
        os.mkdir(os.path.join(tmp, "one"))
        test_one_unit(index_texts(BIN, os.path.join(tmp, "one"), ONE_UNIT))
        test_view(db, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
