#!/bin/sh
# profile.sh [RUN_DIR] [N]: where the time of the slowest queries goes.
#
# After `make bench`, RUN_DIR (default: the newest build/bench/run-*) holds the plain
# index (index-1/ix) and the five slowest queries of the mix (slowest.txt).  For each
# query this runs qbench on it alone under `perf record` (DWARF call graphs, so that
# frames of libraries built without frame pointers unwind too) and prints the
# functions with the most time of their own and the callers that hold most of it
# (inclusive); the perf data stays in RUN_DIR/perf-N.data for `perf report -i`.
# N: seconds of samples a query (default 3; qbench runs it as many rounds as that takes).  Needs `perf` (linux-perf) and
# /proc/sys/kernel/perf_event_paranoid <= 2.
set -e
cd "$(dirname "$0")/../.."
RUN=${1:-$(ls -dt build/bench/run-* 2>/dev/null | head -1)}
SECONDS_EACH=${2:-3}
QBENCH=${QBENCH:-build/rel/bench/qbench}
[ -n "$RUN" ] && [ -f "$RUN/slowest.txt" ] && [ -d "$RUN/index-1/ix" ] || {
    echo "profile.sh: no benchmark run to profile (run make bench first)" >&2
    exit 2
}
command -v perf >/dev/null || { echo "profile.sh: perf is not installed (linux-perf)" >&2; exit 2; }
[ -x "$QBENCH" ] || make "$QBENCH"
i=0
while IFS= read -r q; do
    i=$((i + 1))
    printf '%s\n' "$q" > "$RUN/profile-query.txt"
    echo "== $i. $q"
    rounds=$("$QBENCH" -d "$RUN/index-1/ix" -r 3 "$RUN/profile-query.txt" | python3 -c \
        'import json,sys; print(max(10, int('"$SECONDS_EACH"' * 1000 / max(json.load(sys.stdin)["p50_ms"], 0.01))))')
    perf record -q -F 999 --call-graph dwarf,16384 -o "$RUN/perf-$i.data" \
        "$QBENCH" -d "$RUN/index-1/ix" -r "$rounds" "$RUN/profile-query.txt" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print("   qbench: %d rounds, p50 %.2f ms, total %s" % (d["rounds"], d["p50_ms"], d["per_query"][0]["total"]))'
    echo "   by library (% of samples):"
    perf report -i "$RUN/perf-$i.data" --no-children --sort dso --stdio -g none --percent-limit 1 \
        2>/dev/null | grep -E '^ +[0-9]' | awk '{printf "%s %s; ", $1, $2} END {print ""}' | sed 's/^/   /'
    echo "   self time (function, % of samples):"
    perf report -i "$RUN/perf-$i.data" --no-children --sort sym --stdio -g none --percent-limit 2 \
        2>/dev/null | grep -E '^ +[0-9]' | head -12 | sed 's/^/   /'
    echo "   inclusive (function with what it calls):"
    perf report -i "$RUN/perf-$i.data" --children --sort sym --stdio -g none --percent-limit 8 \
        2>/dev/null | grep -E '^ +[0-9]' | grep -vE ' (_start|__libc_start_[a-z_]+|main|run|0x[0-9a-f]+)( \(inlined\))?$' |
        head -14 | sed 's/^/   /'
done < "$RUN/slowest.txt"
rm -f "$RUN/profile-query.txt"
