#!/usr/bin/env python3
"""Search for ranking constants over the TUNING halves of the judged sets.

The tuning build (`make tune`: build/tune/bin/, lib/tune.h) reads the
constants written TUNABLE(NAME, value) from SS_TUNE=NAME=value,...; this
script tries values one constant at a time (coordinate search) and keeps a
change only when it is a real gain on the tuning queries:

  - the mean nDCG@10 of the tuning sets (corpus/ tune and real tune, each
    weighing the same) rises by at least --min-gain (0.002),
  - no tuning set falls by more than --max-loss (0.003), the dev set neither,
  - more queries gain than lose, and at least MIN_MOVED gain (a change that
    lifts one query and lowers three is a fit to that one query, not a
    better rule);
  - the values keep their meaning (ORDER, AT_MOST_ONE below);
  - the mean rises on each of --folds (2) folds of the tuning queries, not
    only on all of them together.

The held-out halves are never run here: they tell afterwards whether the
values generalise (`make eval`).  The values found are then written into the
#defines by hand, with the figures in README.md "Evaluation".

usage: tools/tune_rank.py [--bin DIR] [--sets A,B,..] [--params P,..]
                          [--rounds N] [--start NAME=V,..] [--only-eval]
Run from the repository root after `make eval` has built build/eval/*-index
and `make tune` the tuning build.
"""
import argparse
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
import score as S  # noqa: E402

SOURCES = ["lib/rank.c", "lib/qbuild.c", "lib/qwords.c", "lib/qfind.c", "lib/qcontext.c"]
# Not searched: S_WHOLE is the scale the other strengths are read against;
# PARTIAL_MIN_SHARE and HEADING_COVER are rules the README states ("at least
# half of the query"), not weights.
FIXED = {"S_WHOLE", "PARTIAL_MIN_SHARE", "HEADING_COVER"}
STEPS = [0.5, 0.7, 1.4, 2.0]
# What the constants mean, kept whatever the figures say: a form of a word is
# never stronger than the word as typed (its units swapped, 复产复工 for
# 复工复产, may be as strong as apart), a related word never stronger than
# another form, context never stronger than the text, and the penalties stay
# penalties.
ORDER = [("S_SWAPPED", "S_WHOLE"), ("S_APART", "S_WHOLE"), ("S_RELATED", "S_SAME"),
         ("S_SAME", "S_WHOLE"), ("W_ALT_RELATED", "W_ALT_SAME"), ("LOOSE_S_UNITS", "LOOSE_S_SENTENCE"),
         ("LOOSE_S_SENTENCE", "S_WHOLE"), ("S_YEAR_DATE", "S_WHOLE"), ("S_YEAR_HEADING", "S_WHOLE"),
         ("S_YEAR_RELATIVE", "S_WHOLE"), ("S_PLACE_CONTEXT", "S_WHOLE")]
AT_MOST_ONE = {"W_ALT_SAME", "W_DEFINITION", "W_YEAR_SPOKEN", "W_PLACE_NAMED", "W_NO_THING",
               "QW_PROBLEM", "QW_REMEDY", "BM25_B"}
MIN_MOVED = 3   # queries that must gain


def meaningful(v):
    return (all(v[a] <= v[b] for a, b in ORDER if a in v and b in v)
            and all(v[k] <= 1.0 for k in AT_MOST_ONE if k in v))


def tunables():
    """NAME -> default value of every TUNABLE constant in the sources."""
    out = {}
    for f in SOURCES:
        for m in re.finditer(r"TUNABLE\((\w+), ([0-9.]+)\)", open(os.path.join(ROOT, f)).read()):
            out[m.group(1)] = float(m.group(2))
    return out


def index_of(setname):
    return os.path.join(ROOT, "build", "eval",
                        "real-index" if setname.startswith("real") else "corpus-index")


def set_path(setname):
    """A judged set: the real corpus's halves are written by `make eval` into
    build/eval/ (they quote that corpus); the others are in tests/eval/."""
    if setname.startswith("real"):
        return os.path.join(ROOT, "build", "eval", setname + ".json")
    return os.path.join(ROOT, "tests", "eval", setname + ".json")


class Runner:
    def __init__(self, exe, sets, jobs):
        self.exe = exe
        self.sets = {s: json.load(open(set_path(s)))["queries"] for s in sets}
        self.pool = cf.ThreadPoolExecutor(jobs)

    def one(self, env, setname, q):
        p = subprocess.run([self.exe, "-d", index_of(setname), "-n", "10", "--json", q["query"]],
                           capture_output=True, text=True, env=env)
        if p.returncode not in (0, 1):
            raise RuntimeError(f"{q['id']}: {p.stderr.strip()}")
        return S.score(q["rel"], json.loads(p.stdout)["hits"])[0]

    def run(self, values):
        """{set: {qid: nDCG@10}} with the constants set to values."""
        env = dict(os.environ, SS_TUNE=",".join(f"{k}={v:g}" for k, v in values.items()))
        jobs = {(s, q["id"]): self.pool.submit(self.one, env, s, q)
                for s, qs in self.sets.items() for q in qs}
        out = {s: {} for s in self.sets}
        for (s, qid), fut in jobs.items():
            out[s][qid] = fut.result()
        return out


def means(res):
    return {s: sum(v.values()) / len(v) for s, v in res.items()}


def objective(m):
    tune = [v for s, v in m.items() if s != "dev_qrels"]
    return sum(tune) / len(tune)


def fold(res, k, n):
    """The k-th of n folds of every set: its queries k, k+n, k+2n... in file order."""
    return {s: {q: v[q] for i, q in enumerate(v) if i % n == k} for s, v in res.items()}


def verdict(base, new, min_gain, max_loss, folds=1):
    mb, mn = means(base), means(new)
    gain = objective(mn) - objective(mb)
    worst = min(mn[s] - mb[s] for s in mb)
    up = sum(1 for s in base for q in base[s] if new[s][q] > base[s][q] + 1e-9)
    down = sum(1 for s in base for q in base[s] if new[s][q] < base[s][q] - 1e-9)
    ok = gain >= min_gain and worst >= -max_loss and up > down and up >= MIN_MOVED
    # With folds: the gain must hold on every fold of the tuning half, not
    # only on their sum (the fifth round's changes, each a gain on the sum,
    # did not carry to the held-out halves).
    for k in range(folds if folds > 1 else 0):
        fb, fn = means(fold(base, k, folds)), means(fold(new, k, folds))
        ok = ok and objective(fn) - objective(fb) > 0
    return ok, gain, up, down


def show(tag, res):
    m = means(res)
    print(f"{tag}: " + "  ".join(f"{s} {v:.4f}" for s, v in m.items())
          + f"  objective {objective(m):.4f}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "tune", "bin"))
    ap.add_argument("--sets", default="dev_qrels,corpus_tune,real_tune")
    ap.add_argument("--params", default="")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--start", default="")
    ap.add_argument("--min-gain", type=float, default=0.002)
    ap.add_argument("--max-loss", type=float, default=0.003)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--folds", type=int, default=2,
                    help="a change must gain on each of this many folds of the tuning half")
    ap.add_argument("--only-eval", action="store_true")
    a = ap.parse_args()
    if any("heldout" in s for s in a.sets.split(",")):
        print("tune_rank.py: held-out sets are not for tuning", file=sys.stderr)
        return 2
    defaults = tunables()
    values = dict(defaults)
    for kv in filter(None, a.start.split(",")):
        k, v = kv.split("=")
        values[k] = float(v)
    params = [p for p in (a.params.split(",") if a.params else sorted(defaults)) if p not in FIXED]
    r = Runner(os.path.join(a.bin, "speech-query"), a.sets.split(","), a.jobs)
    best = r.run(values)
    show("start", best)
    if a.only_eval:
        return 0
    for rnd in range(a.rounds):
        changed = False
        for p in params:
            for step in STEPS:
                trial = dict(values, **{p: round(values[p] * step, 4)})
                if not meaningful(trial):
                    continue
                res = r.run(trial)
                ok, gain, up, down = verdict(best, res, a.min_gain, a.max_loss, a.folds)
                print(f"  {p} {values[p]:g} -> {trial[p]:g}: {gain:+.4f} "
                      f"({up} up, {down} down){' KEPT' if ok else ''}", flush=True)
                if ok:
                    values, best, changed = trial, res, True
        show(f"round {rnd + 1}", best)
        if not changed:
            break
    print("changed: " + ",".join(f"{k}={v:g}" for k, v in values.items() if v != defaults[k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
