#!/usr/bin/env python3
"""Tests of tools/glossary.py, which reads the short forms the work reports
define in their notes into the synonym table, on fixture notes written here
(never the real corpus), and of the block it wrote into the shipped table.

usage: test_glossary.py
Prints one line per failing case and ends with "N passed, N failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, summary  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "glossary.py")
RULES = os.path.join(ROOT, "corpus", "data", "synonyms.rules")
BEGIN = "# ---- short forms defined in the notes of the work reports (tools/glossary.py) ----"
END = "# ---- end of tools/glossary.py ----"

# Notes of two reports; which lines the tool must keep is said beside each.
A = """2021年某市政府工作报告
正文。
注释：
1.“四早”：即早发现、早报告、早隔离、早治疗。
2.“专精特新”：专业化、精细化、特色化、新颖化。
3.“街长制”：将各片区按路段划分为若干道路网格，由领导干部担任街长。
4.“三农”：乡村振兴。
5.“两癌”：乳腺癌、宫颈癌的简称。
6.“双高”：优质高产高糖糖料蔗种植基地。
7.“三名”：名校长、名班主任、名教师。
8.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。
9.“三供一业”：供水、供电、供暖和物业管理。
10.“一岗双责”：一个岗位两种责任，两个责任即岗位责任和监管责任。
"""
B = """2022年某省政府工作报告
注释：
1.“专精特新”：专业化、精细化、特色化、新颖化。
2.“两癌”：乳腺癌、宫颈癌。
3.“双高”：中国特色高水平高职学校和专业建设计划。
4.“智慧城管”：智慧城市管理。
5.“四早”：早发现、早报告、早隔离、早治疗。
"""
TABLE = "# a small table\n六稳 = 稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期\n"
WANT = [
    "三供一业 = 供水、供电、供暖和物业管理",   # a numeral, one note
    "专精特新 = 专业化、精细化、特色化、新颖化",  # no numeral, two notes
    "两癌 = 乳腺癌、宫颈癌",                      # two characters, two notes; 的简称 dropped
    "四早 = 早发现、早报告、早隔离、早治疗",      # two characters, two notes (即 dropped)
]
# Left out: 街长制 (one note, no numeral: an explanation), 三农 (its characters are not
# in the definition), 双高 (two definitions), 三名 (two characters, one note), 六稳 (in
# the table already), 智慧城管 (no numeral, one note), 一岗双责 (即 further on: it explains).


def tool(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True)


def main():
    tmp = tempfile.mkdtemp(prefix="ss-glossary-")
    try:
        corpus = os.path.join(tmp, "c")
        os.makedirs(os.path.join(corpus, "sub"))
        with open(os.path.join(corpus, "a.txt"), "w", encoding="utf-8") as f:
            f.write(A)
        with open(os.path.join(corpus, "sub", "b.txt"), "w", encoding="utf-8") as f:
            f.write(B)
        table = os.path.join(tmp, "t.rules")
        with open(table, "w", encoding="utf-8") as f:
            f.write(TABLE)
        p = tool(corpus, "--write", table)
        check(p.returncode == 0, "writes the block", p.stderr)
        text = open(table, encoding="utf-8").read()
        check(text.startswith(TABLE), "the table's own lines stay first", text[:200])
        block = text.split(BEGIN, 1)[1].split(END, 1)[0] if BEGIN in text and END in text else ""
        got = [line for line in block.split("\n") if line and not line.startswith("#")]
        check(got == WANT, "the short forms kept, sorted", got)
        p = tool(corpus, "--write", table)
        again = open(table, encoding="utf-8").read()
        check(p.returncode == 0 and again == text, "writing again replaces the block",
              again.count(BEGIN))
        p = tool(os.path.join(tmp, "absent"))
        check(p.returncode != 0 and "skipped" in p.stderr, "no corpus: says so and stops",
              p.stderr)

        # the shipped table holds a block the tool wrote: well-formed "A = B" lines
        shipped = open(RULES, encoding="utf-8").read()
        check(shipped.count(BEGIN) == 1 and shipped.count(END) == 1,
              "the shipped table holds one generated block")
        block = shipped.split(BEGIN, 1)[1].split(END, 1)[0] if BEGIN in shipped else ""
        lines = [line for line in block.split("\n") if line and not line.startswith("#")]
        check(len(lines) >= 100, "the generated block has a hundred short forms or more",
              len(lines))
        bad = [line for line in lines if line.count(" = ") != 1]
        check(not bad, "each generated line is one short form = its definition", bad[:5])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
