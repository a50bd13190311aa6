#!/usr/bin/env python3
"""Scores a passage run against judged spans, by the rules of the project's
evaluation (README.md, "Evaluation"):

- a run gives, per query, its top 10 passages as (file, byte_start, byte_end);
- a returned span counts only its first 1500 bytes;
- judged spans of one query within 600 bytes of each other in one file are
  merged into one unit whose grade is the higher;
- a passage gains the highest grade among the units it overlaps that no
  earlier passage overlapped, and marks them all as found;
- nDCG@10 (gain 2^grade - 1, discount log2(rank + 1)) against the ideal
  order of the units; Recall@10 over units; Success@1 (first hit relevant).

usage: score.py QRELS RUN [--json OUT]
RUN is {"QID": [{"file", "byte_start", "byte_end"}, ...]}.
"""
import json
import math
import os
import sys

CAP = 1500
MERGE = 600
K = 10


def make_units(rels):
    units = []
    for r in sorted(rels, key=lambda r: (r["file"], r["byte_start"])):
        last = units[-1] if units else None
        if last and last["file"] == r["file"] and r["byte_start"] - last["end"] <= MERGE:
            last["end"] = max(last["end"], r["byte_end"])
            last["grade"] = max(last["grade"], r["grade"])
        else:
            units.append({"file": r["file"], "start": r["byte_start"],
                          "end": r["byte_end"], "grade": r["grade"]})
    return units


def dcg(gains):
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def score(rels, hits):
    units = make_units(rels)
    found = set()
    gains = []
    for h in hits[:K]:
        name = os.path.basename(h["file"])
        start = h["byte_start"]
        end = min(h["byte_end"], start + CAP)
        new = [i for i, u in enumerate(units)
               if i not in found and u["file"] == name and start < u["end"] and u["start"] < end]
        gains.append(max((units[i]["grade"] for i in new), default=0))
        found.update(new)
    ideal = dcg(sorted((u["grade"] for u in units), reverse=True)[:K])
    ndcg = min(1.0, dcg(gains) / ideal) if ideal else 0.0
    recall = len(found) / len(units) if units else 0.0
    s1 = 1.0 if gains and gains[0] > 0 else 0.0
    return ndcg, recall, s1


def main():
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    qrels = json.load(open(args[0], encoding="utf-8"))
    run = json.load(open(args[1], encoding="utf-8"))
    rows = []
    for q in qrels["queries"]:
        n, r, s = score(q["rel"], run.get(q["id"], []))
        rows.append({"id": q["id"], "query": q["query"], "kind": q.get("kind", ""),
                     "ndcg": n, "recall": r, "success1": s})
        print(f"{q['id']}\t{n:.3f}\t{r:.2f}\t{int(s)}\t{q.get('kind', '')}\t{q['query']}")
    if not rows:
        print("no queries")
        return 2
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in ("ndcg", "recall", "success1")}
    print(f"MEAN nDCG@10={mean['ndcg']:.3f} Recall@10={mean['recall']:.3f} "
          f"Success@1={mean['success1']:.3f} n={len(rows)}")
    if out:
        json.dump({"mean": mean, "queries": rows}, open(out, "w"), ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
