#!/bin/sh
# run.sh [SIZE_MB]: the benchmark behind `make bench` (`make bench SIZE=N`).
#
# Corpus, in this order:
#   BENCH_CORPUS=DIR         that folder, whatever SIZE says;
#   ../shared/realcorpus     when it exists (160 MB of real work reports):
#                            no SIZE, or SIZE within 5 MB of its size: all of it; SIZE less:
#                            a sample of its files, every folder represented
#                            (build/bench/real-SIZE); SIZE more: all of it plus
#                            SIZE - 160 MB of generated text (both folders indexed together);
#   otherwise                SIZE MB (default 10) of generated speeches
#                            (tests/bench/gen_corpus.py, build/bench/corpus-SIZE).
# Generated and sampled corpora are kept for the next run while their stamp matches.
# Then tests/bench/bench.py indexes the corpus with the plain command and with
# SQLite FTS5 trigram in the same run, times the query mix, facets of the commonest
# word, and 10 MB written on one line against the same text with line breaks, prints
# the targets of issue 10 as MET / NOT MET and records everything in
# tests/bench/results.json.  Work files go to build/bench/ (git-ignored).
# Env: BIN (default bin), QBENCH, BENCH_CORPUS, BENCH_SEED (default 1),
#      BENCH_ROUNDS (qbench rounds, default 20), BENCH_NO_FTS=1 to skip FTS5,
#      BENCH_CONFIGS (default "1,jobs1": every core, then one; also jobs2, shards2-merge),
#      BENCH_LIMIT (seconds a query command may take, default 120),
#      BENCH_ONELINE_MB (default 10; 0 skips the one-line test),
#      BENCH_NO_WEB=1 to skip the web page's load test (tests/bench/web_bench.sh).
set -e
cd "$(dirname "$0")/../.."
SIZE=$1
SEED=${BENCH_SEED:-1}
BIN=${BIN:-bin}
QBENCH=${QBENCH:-build/rel/bench/qbench}
REAL=${BENCH_REAL:-../shared/realcorpus}
OUT=build/bench
mkdir -p "$OUT"

# generate MB [DIR]: SIZE MB of generated text into DIR, unless already there.
generate() {
    GEN=${2:-$OUT/corpus-$1}
    [ "$SEED" = 1 ] || GEN=$GEN-seed$SEED
    STAMP="$(cat tests/bench/gen_corpus.py corpus/*.txt | sha1sum | cut -c1-16) mb=$1 seed=$SEED"
    if [ "$(cat "$GEN/.stamp" 2>/dev/null)" != "$STAMP" ]; then
        rm -rf "$GEN"
        echo "run.sh: generating $1 MB into $GEN"
        python3 tests/bench/gen_corpus.py --mb "$1" --seed "$SEED" --out "$GEN"
        echo "$STAMP" > "$GEN/.stamp"     # hidden: speech-index skips it
    fi
}

set --                                   # the --corpus options for bench.py
if [ -n "$BENCH_CORPUS" ]; then
    set -- --corpus "$BENCH_CORPUS"
    LABEL=$(basename "$BENCH_CORPUS")
elif [ -d "$REAL" ]; then
    REAL_MB=$(($(du -sb "$REAL" | cut -f1) / 1000000))
    if [ -z "$SIZE" ] || { [ "$SIZE" -ge $((REAL_MB - 5)) ] && [ "$SIZE" -le $((REAL_MB + 5)) ]; }; then
        set -- --corpus "$REAL"
        LABEL=realcorpus
    elif [ "$SIZE" -lt "$REAL_MB" ]; then
        SAMPLE=$OUT/real-$SIZE
        STAMP="$(cat tests/bench/sample_corpus.py | sha1sum | cut -c1-16) mb=$SIZE $(du -s --apparent-size "$REAL" | cut -f1)"
        if [ "$(cat "$SAMPLE/.stamp" 2>/dev/null)" != "$STAMP" ]; then
            rm -rf "$SAMPLE"
            python3 tests/bench/sample_corpus.py --mb "$SIZE" --from "$REAL" --out "$SAMPLE"
            echo "$STAMP" > "$SAMPLE/.stamp"
        fi
        set -- --corpus "$SAMPLE"
        LABEL=real-${SIZE}MB
    else
        generate $((SIZE - REAL_MB)) "$OUT/gen-fill-$((SIZE - REAL_MB))"
        set -- --corpus "$REAL" --corpus "$GEN"
        LABEL=real+gen-${SIZE}MB
    fi
else
    echo "run.sh: $REAL is absent: benchmarking generated text"
    generate "${SIZE:-10}"
    set -- --corpus "$GEN"
    LABEL=gen-${SIZE:-10}MB
    [ "$SEED" = 1 ] || LABEL=$LABEL-seed$SEED
fi

[ -x "$BIN/speech-index" ] && [ -x "$BIN/speech-query" ] || make all
[ -x "$QBENCH" ] || make "$QBENCH"

build/rel/bench/textbench || true
python3 tests/bench/bench.py "$@" --label "$LABEL" --out "$OUT/run-$LABEL" \
    --bin "$BIN" --qbench "$QBENCH" --rounds "${BENCH_ROUNDS:-20}" \
    --configs "${BENCH_CONFIGS:-1,jobs1}" --limit "${BENCH_LIMIT:-120}" \
    --oneline-mb "${BENCH_ONELINE_MB:-10}" ${BENCH_NO_FTS:+--no-fts}
[ -n "$BENCH_NO_WEB" ] || sh tests/bench/web_bench.sh    # the web page under lighttpd with wrk (CGI, FastCGI)
