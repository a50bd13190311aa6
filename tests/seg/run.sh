#!/bin/sh
# tests/seg/run.sh: measures segmentation quality and speed of the project's
# segmenter (lib/segment.c + the compiled dictionary) against friso 1.6.4
# (Debian, complex mode) and ICU's word break iterator.
#
# Why: to know what the dictionary segmenter costs and gains before the
# index depends on it.  Prints one table: F1 on the SIGHAN 2005 PKU and MSR
# test sets (bakeoff scoring: a word is correct when its start and end
# character offsets match gold), speed in MB/s on ~20 MB of the project's
# corpus (one line at a time), and load time (open plus one short
# sentence, since ICU loads its dictionary lazily).  Then it shows how our
# segmenter cuts a few speech phrases.  The SIGHAN files are read in place
# from $SEG_DATA (default /work/shared/segmentation) and never copied into
# the project; without them the F1 columns show "-".
#
# It compiles its own small programs (tests/seg/*.c) with cc and
# pkg-config into a temporary directory, not through the main Makefile;
# a baseline whose library is missing is skipped with a note.
# The dictionary is $SS_DICT, else build/data/dict.bin, else it is compiled
# here from jieba's dict.txt and corpus/data/*.dict.
#
# Usage: sh tests/seg/run.sh        (from anywhere)
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SEG_DATA=${SEG_DATA:-/work/shared/segmentation}
JIEBA_DICT=${JIEBA_DICT:-/usr/lib/python3/dist-packages/jieba/dict.txt}
BENCH_MB=${BENCH_MB:-20}
CC=${CC:-cc}
W=$(mktemp -d "${TMPDIR:-/tmp}/segeval.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM

CFLAGS="-std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I$ROOT/include -I$ROOT/lib"
S=$ROOT/tests/seg
SEGS=""

build() {  # name, sources and flags...
    name=$1
    shift
    # shellcheck disable=SC2086
    if ! $CC $CFLAGS -o "$W/$name" "$@" 2>"$W/$name.log"; then
        echo "note: cannot build $name; it is skipped:" >&2
        sed 's/^/    /' "$W/$name.log" >&2
        return 1
    fi
}

build seg_score "$S/seg_score.c"
if build seg_ours "$S/seg_ours.c" "$ROOT/lib/segment.c" "$ROOT/lib/ss_error.c" -lm; then
    SEGS="$SEGS ours"
fi
# shellcheck disable=SC2046
if build seg_friso "$S/seg_friso.c" $(pkg-config --cflags --libs friso 2>/dev/null || echo -lfriso); then
    SEGS="$SEGS friso"
fi
# shellcheck disable=SC2046
if build seg_icu "$S/seg_icu.c" $(pkg-config --cflags --libs icu-uc icu-i18n 2>/dev/null || echo -licuuc); then
    SEGS="$SEGS icu"
fi

# The dictionary.
DICT=${SS_DICT:-$ROOT/build/data/dict.bin}
if [ ! -f "$DICT" ]; then
    DICT=$W/dict.bin
    build seg-dictc "$ROOT/tools/seg_dictc.c" "$ROOT/lib/strbuf.c" "$ROOT/lib/ss_error.c" -lm
    set -- "$JIEBA_DICT"
    for f in "$ROOT"/corpus/data/*.dict; do
        [ -f "$f" ] && set -- "$@" "$f"
    done
    "$W/seg-dictc" -o "$DICT" "$@"
fi

# friso configuration (Debian ships the lexicons but no friso.ini).
cat >"$W/friso.ini" <<INI
friso.charset = 0
friso.lex_dir = /usr/share/friso/dict/UTF-8/
friso.max_len = 5
friso.r_name = 1
friso.mix_len = 2
friso.lna_len = 1
friso.add_syn = 0
friso.clr_stw = 0
friso.keep_urec = 1
friso.spx_out = 0
friso.en_sseg = 0
friso.st_minl = 2
friso.kpuncs = @%.#&+
friso.nthreshold = 2000000
friso.mode = 2
INI

arg_of() {
    case $1 in
    ours) echo "$DICT" ;;
    friso) echo "$W/friso.ini" ;;
    *) echo - ;;
    esac
}

# Bench text: the corpus concatenated until it holds about BENCH_MB MB.
: >"$W/bench.txt"
if ls "$ROOT"/corpus/*.txt >/dev/null 2>&1; then
    while [ "$(wc -c <"$W/bench.txt")" -lt $((BENCH_MB * 1000000)) ]; do
        cat "$ROOT"/corpus/*.txt >>"$W/bench.txt"
    done
fi

f1() {  # segmenter, corpus name
    if [ ! -f "$SEG_DATA/$2_test.utf8" ]; then
        echo "-"
        return
    fi
    "$W/seg_$1" seg "$(arg_of "$1")" "$SEG_DATA/$2_test.utf8" >"$W/$1.$2.out" 2>/dev/null
    "$W/seg_score" "$SEG_DATA/$2_test_gold.utf8" "$W/$1.$2.out" | awk '{print $3}'
}

bench() {  # segmenter -> "mbps load_ms"
    "$W/seg_$1" bench "$(arg_of "$1")" "$W/bench.txt" 2>/dev/null |
        sed 's/.*load_ms=\([^ ]*\) mbps=\([^ ]*\).*/\2 \1/'
}

if [ ! -d "$SEG_DATA" ]; then
    echo "note: $SEG_DATA not found: F1 columns skipped" >&2
fi
echo "bench text: $(wc -c <"$W/bench.txt") bytes; dictionary: $DICT"
printf '%-8s %8s %8s %10s %10s\n' segmenter "F1 PKU" "F1 MSR" "MB/s" "load ms"
for s in $SEGS; do
    pku=$(f1 "$s" pku)
    msr=$(f1 "$s" msr)
    # shellcheck disable=SC2046
    set -- $(bench "$s")
    printf '%-8s %8s %8s %10s %10s\n' "$s" "$pku" "$msr" "${1:-?}" "${2:-?}"
done

case " $SEGS " in
*" ours "*)
    echo
    echo "speech phrases (ours):"
    printf '%s\n' 招商引资 项目建设 产业集聚区转型发展 首问负责制 营商环境 六新项目 \
        长三角一体化 >"$W/phrases.txt"
    "$W/seg_ours" seg "$DICT" "$W/phrases.txt" | sed 's/  / \/ /g; s/^/    /'
    ;;
esac
