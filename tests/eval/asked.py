#!/usr/bin/env python3
"""The questions of a judged set asked other ways.

usage: asked.py SPEECH_QUERY INDEX QRELS OUT_JSON

Each question of QRELS that begins with 如何, 怎样 or 怎么 is run again in
ten other phrasings a user types for the same need (怎样才能…, …有哪些措施,
…该怎么办, 请问如何…), and each phrasing is scored with the question's own
judgments (score.py score(), nDCG@10).  Prints one line: the mean as typed and the
lowest and mean of the phrasings' means; writes every mean to OUT_JSON.  A
phrasing far below the question as typed is a way of asking the analyser
does not read (lib/qwords.c).
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import score  # noqa: E402

LEAD = re.compile(r"^(如何|怎样|怎么)")
FORMS = {
    "怎样才能…": lambda r: "怎样才能" + r,
    "如何才能…": lambda r: "如何才能" + r,
    "怎么样…": lambda r: "怎么样" + r,
    "怎样进一步…": lambda r: "怎样进一步" + r,
    "如何更好地…": lambda r: "如何更好地" + r,
    "请问如何…": lambda r: "请问如何" + r,
    "…有哪些措施": lambda r: r + "有哪些措施",
    "…有什么办法": lambda r: r + "有什么办法",
    "…可以怎样做": lambda r: r + "可以怎样做",
    "…该怎么办": lambda r: r + "该怎么办",
}


def run(binary, index, text):
    p = subprocess.run([binary, "-d", index, "-n", "10", "--json", text],
                       capture_output=True, text=True)
    return json.loads(p.stdout)["hits"] if p.stdout else []


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, index, qrels, out = sys.argv[1:]
    qs = [q for q in json.load(open(qrels, encoding="utf-8"))["queries"]
          if q.get("kind") == "question" and LEAD.match(q["query"])]
    if not qs:
        print("asked other ways: no question of the set begins with 如何, 怎样 or 怎么")
        return
    sums = {"as typed": 0.0, **{k: 0.0 for k in FORMS}}
    for q in qs:
        rest = LEAD.sub("", q["query"])
        sums["as typed"] += score(q["rel"], run(binary, index, q["query"]))[0]
        for k, f in FORMS.items():
            sums[k] += score(q["rel"], run(binary, index, f(rest)))[0]
    means = {k: v / len(qs) for k, v in sums.items()}
    forms = [means[k] for k in FORMS]
    low = min(FORMS, key=lambda k: means[k])
    print(f"asked other ways ({len(qs)} questions x {len(FORMS)} phrasings): as typed "
          f"{means['as typed']:.3f}, phrasings mean {sum(forms) / len(forms):.3f}, lowest "
          f"{means[low]:.3f} ({low})")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"questions": len(qs), "means": means}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
