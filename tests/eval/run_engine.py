#!/usr/bin/env python3
"""Runs every query of a judged set through `speech-query --json -n 10`
(one process a query, as a user would) and writes the run file that
score.py reads: {"QID": [{"file", "byte_start", "byte_end"}, ...]}.

usage: run_engine.py SPEECH_QUERY INDEX QRELS RUN_OUT
"""
import json
import subprocess
import sys


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    exe, index, qrels, out = sys.argv[1:]
    run = {}
    for q in json.load(open(qrels, encoding="utf-8"))["queries"]:
        p = subprocess.run([exe, "-d", index, "-n", "10", "--json", q["query"]],
                           capture_output=True, text=True)
        if p.returncode not in (0, 1):
            print(f"speech-query failed on {q['id']} ({q['query']}): {p.stderr.strip()}",
                  file=sys.stderr)
            return 1
        run[q["id"]] = [{"file": h["file"], "byte_start": h["byte_start"],
                         "byte_end": h["byte_end"]} for h in json.loads(p.stdout)["hits"]]
    with open(out, "w", encoding="utf-8") as fp:
        json.dump(run, fp, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
