#!/bin/sh
# make eval: indexes corpus/, runs every query of tests/eval/dev_qrels.json
# through `speech-query --json`, and scores the run (tests/eval/score.py).
# Env: BIN (default bin), QRELS, CORPUS, EVAL_DIR.
set -e
BIN=${BIN:-bin}
QRELS=${QRELS:-tests/eval/dev_qrels.json}
CORPUS=${CORPUS:-corpus}
OUT=${EVAL_DIR:-build/eval}
rm -rf "$OUT" && mkdir -p "$OUT"
"$BIN/speech-index" -q -d "$OUT/index" "$CORPUS"
python3 - "$BIN/speech-query" "$OUT/index" "$QRELS" "$OUT/run.json" <<'PY'
import json, subprocess, sys
exe, index, qrels, out = sys.argv[1:]
run = {}
for q in json.load(open(qrels, encoding="utf-8"))["queries"]:
    p = subprocess.run([exe, "-d", index, "-n", "10", "--json", q["query"]],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"speech-query failed on {q['id']}: {p.stderr}")
    run[q["id"]] = [{"file": h["file"], "byte_start": h["byte_start"],
                     "byte_end": h["byte_end"]} for h in json.loads(p.stdout)["hits"]]
json.dump(run, open(out, "w"), ensure_ascii=False)
PY
python3 tests/eval/score.py "$QRELS" "$OUT/run.json" --json "$OUT/scores.json"
