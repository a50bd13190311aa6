#!/bin/sh
# run.sh [SIZE_MB]: the benchmark behind `make bench` (SIZE_MB default 10).
#
# Generates SIZE_MB of synthetic speeches (tests/bench/gen_corpus.py) into
# build/bench/corpus-SIZE, kept for the next run while its stamp (generator, seeds,
# size) matches; BENCH_CORPUS=DIR benchmarks an existing folder instead.  Then
# tests/bench/bench.py indexes it with bin/speech-index (time, MB/s, peak RSS,
# index size; again with --shards 2 when the indexer has that option), times the
# query mix tests/bench/queries.txt warm in one process (qbench) and as one
# speech-query process per query, does the same with SQLite FTS5 trigram, prints a
# table and which targets are met, and records the figures in
# tests/bench/results.json.  Work files go to build/bench/ (git-ignored).
# Env: BIN (default bin), QBENCH, BENCH_CORPUS, BENCH_SEED (default 1),
#      BENCH_ROUNDS (qbench rounds, default 20), BENCH_NO_FTS=1 to skip FTS5.
set -e
cd "$(dirname "$0")/../.."
SIZE=${1:-10}
SEED=${BENCH_SEED:-1}
BIN=${BIN:-bin}
QBENCH=${QBENCH:-build/rel/bench/qbench}
OUT=build/bench

if [ -n "$BENCH_CORPUS" ]; then
    CORPUS=$BENCH_CORPUS
    LABEL=$(basename "$CORPUS")
else
    CORPUS=$OUT/corpus-$SIZE
    LABEL=gen-${SIZE}MB
    [ "$SEED" = 1 ] || { CORPUS=$CORPUS-seed$SEED; LABEL=$LABEL-seed$SEED; }
    STAMP="$(cat tests/bench/gen_corpus.py corpus/*.txt | sha1sum | cut -c1-16) mb=$SIZE seed=$SEED"
    if [ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$STAMP" ]; then
        rm -rf "$CORPUS"
        echo "run.sh: generating $SIZE MB into $CORPUS"
        python3 tests/bench/gen_corpus.py --mb "$SIZE" --seed "$SEED" --out "$CORPUS"
        echo "$STAMP" > "$CORPUS/.stamp"     # hidden: speech-index skips it
    fi
fi

[ -x "$BIN/speech-index" ] && [ -x "$BIN/speech-query" ] || make all
[ -x "$QBENCH" ] || make "$QBENCH"

build/rel/bench/textbench || true
python3 tests/bench/bench.py --corpus "$CORPUS" --label "$LABEL" --out "$OUT/run-$LABEL" \
    --bin "$BIN" --qbench "$QBENCH" --rounds "${BENCH_ROUNDS:-20}" \
    ${BENCH_NO_FTS:+--no-fts}
sh tests/bench/web_bench.sh    # the web page under lighttpd with wrk (CGI, FastCGI)
