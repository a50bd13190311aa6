#!/bin/sh
# make eval: retrieval quality of speech-query on the judged sets of tests/eval/
# (see README.md, "Evaluation"), scored by tests/eval/score.py's rules:
#   dev          dev_qrels.json over corpus/
#   corpus tune  corpus_tune.json over corpus/      (the half the engine may be tuned on)
#   corpus held  corpus_heldout.json over corpus/   (the half it may not)
#   real tune / real held   over $REALCORPUS, written into $EVAL_DIR as
#                real_tune.json / real_heldout.json from queries_real.json,
#                pool_real.json.gz and judgments_real.txt (pool.py qrels; they quote
#                the corpus); skipped with a message when that corpus is absent;
#                its index is built once into $EVAL_DIR and reused while the
#                corpus and speech-index are unchanged
#   distractor   corpus/ plus ~1,600 unrelated Chinese pages (manual pages of
#                Debian's manpages-zh, simplified and traditional, and the Chinese
#                pages of gimp-help-zh-cn when installed), extracted at run time;
#                the corpus sets scored again on that index (apt-get installs
#                manpages-zh when missing; skipped with a message if it cannot)
# Every set is also run through a reference system, SQLite FTS5 trigram with
# OpenCC t2s (fts5_run.py), printed beside the engine's figures; and each
# half's questions are asked ten other ways (怎样才能…, …有哪些措施) and its
# pairs of keywords joined five other ways (、 和 与…; asked.py), each way
# scored on the query's own judgments.
# Env: BIN (default bin), EVAL_DIR (default build/eval), REALCORPUS
# (default ../shared/realcorpus), DISTRACTOR_MAX_DIFF (default 0.02),
# EVAL_SETS (default "tune heldout": the halves run; EVAL_SETS=tune runs the
# dev set and the tuning halves only, as while tuning).
set -e
BIN=${BIN:-bin}
OUT=${EVAL_DIR:-build/eval}
REAL=${REALCORPUS:-../shared/realcorpus}
MAXDIFF=${DISTRACTOR_MAX_DIFF:-0.02}
HALVES=${EVAL_SETS:-tune heldout}
E=tests/eval
mkdir -p "$OUT"
: > "$OUT/summary.txt"
rm -f "$OUT"/scores-*.json "$OUT"/run-distract-*.json

# stamp DIR...: one line that changes when a file under DIR (name, size,
# time) or the indexer binary changes
stamp() {
    python3 - "$BIN/speech-index" "$@" <<'PY'
import hashlib, os, sys
h = hashlib.sha1(open(sys.argv[1], "rb").read())
for root in sys.argv[2:]:
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            st = os.stat(os.path.join(d, f))
            h.update(f"{d}/{f}\t{st.st_size}\t{int(st.st_mtime)}\n".encode())
print(h.hexdigest())
PY
}

# index NAME PATH...: builds $OUT/NAME-index from PATH... unless its stamp matches
index() {
    name=$1; shift
    s=$(stamp "$@")
    if [ -f "$OUT/$name-index.stamp" ] && [ "$(cat "$OUT/$name-index.stamp")" = "$s" ]; then
        echo "($name: index unchanged, reused)"
        return 0
    fi
    rm -rf "$OUT/$name-index" "$OUT/$name-index.stamp"
    echo "($name: indexing $*)"
    if [ "$name" = real ]; then
        "$BIN/speech-index" -q --shards 2 -d "$OUT/$name-index" "$@" || [ $? -eq 1 ]
    else
        "$BIN/speech-index" -q -d "$OUT/$name-index" "$@" || [ $? -eq 1 ]
    fi
    echo "$s" > "$OUT/$name-index.stamp"
}

# score TITLE QRELS INDEX FTS_DB ROOT [ALT_RUN]: engine run, FTS5 run, report
score() {
    title=$1 qrels=$2 idx=$3 db=$4 root=$5 alt=$6
    tag=$(basename "$qrels" .json)
    python3 $E/run_engine.py "$BIN/speech-query" "$idx" "$qrels" "$OUT/run-$tag.json"
    python3 $E/fts5_run.py "$db" "$root" "$qrels" "$OUT/fts5-$tag.json"
    if [ -n "$alt" ]; then
        python3 $E/report.py "$title" "$qrels" "$OUT/run-$tag.json" --ref "$OUT/fts5-$tag.json" \
            --alt distractor "$alt" --json "$OUT/scores-$tag.json" | tee -a "$OUT/summary.txt"
    else
        python3 $E/report.py "$title" "$qrels" "$OUT/run-$tag.json" --ref "$OUT/fts5-$tag.json" \
            --json "$OUT/scores-$tag.json" | tee -a "$OUT/summary.txt"
    fi
    # its questions asked ten other ways, on their own judgments (asked.py)
    [ "$tag" = dev_qrels ] || python3 $E/asked.py "$BIN/speech-query" "$idx" "$qrels" \
        "$OUT/asked-$tag.json" | tee -a "$OUT/summary.txt"
    echo
}

index corpus corpus

# distractor index: corpus/ plus the pages, extracted into $OUT/distractor
# (Debian's Chinese documentation, none of it in the project's package list:
# the manual pages, and the help pages of LibreOffice in both scripts, 3,778
# of them with 50 Chinese characters or more; the Debian reference, FAQ and
# maintainers' guide; GIMP's help when installed)
DIST=""
DIST_PKGS="manpages-zh libreoffice-help-zh-cn libreoffice-help-zh-tw debian-reference-zh-cn
           debian-faq-zh-cn maint-guide-zh-cn"
if { [ ! -d /usr/share/man/zh_CN ] || [ ! -d /usr/share/libreoffice/help/zh-CN ]; } &&
    command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "(installing the distractor run's pages: $(echo $DIST_PKGS))"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $DIST_PKGS \
        >"$OUT/apt.log" 2>&1 || echo "(apt-get install failed, see $OUT/apt.log)"
fi
if [ -d /usr/share/man/zh_CN ]; then
    set -- /usr/share/man/zh_CN
    for d in /usr/share/man/zh_TW /usr/share/gimp/2.0/help/zh_CN \
        /usr/share/libreoffice/help/zh-CN /usr/share/libreoffice/help/zh-TW \
        /usr/share/debian-reference /usr/share/doc/debian/FAQ/zh-cn /usr/share/doc/maint-guide-zh-cn; do
        [ -d "$d" ] && set -- "$@" "$d"
    done
    if [ ! -f "$OUT/distractor.stamp" ] || [ "$(stamp "$@")" != "$(cat "$OUT/distractor.stamp")" ]; then
        rm -rf "$OUT/distractor"
        n=$(python3 $E/distractor.py "$OUT/distractor" "$@")
        echo "(distractor: $n pages extracted from $*)"
        stamp "$@" > "$OUT/distractor.stamp"
    fi
    index distract corpus "$OUT/distractor"
    DIST=yes
else
    echo "distractor run SKIPPED: manpages-zh is not installed and could not be installed"
fi

score "dev set, corpus/" $E/dev_qrels.json "$OUT/corpus-index" "$OUT/fts5-corpus.db" corpus
for half in $HALVES; do
    q=$E/corpus_$half.json
    [ -f "$q" ] || { echo "corpus/ $half: $q absent, skipped"; continue; }
    alt=""
    if [ -n "$DIST" ]; then
        python3 $E/run_engine.py "$BIN/speech-query" "$OUT/distract-index" "$q" \
            "$OUT/run-distract-corpus_$half.json"
        alt="$OUT/run-distract-corpus_$half.json"
    fi
    score "corpus/ $half" "$q" "$OUT/corpus-index" "$OUT/fts5-corpus.db" corpus "$alt"
done

if [ -d "$REAL" ] && [ -f "$REAL/index.tsv" ]; then
    # the scorer matches files by basename: they must be unique in that corpus
    python3 - "$REAL" <<'PY'
import collections, os, sys
sys.path.insert(0, "tests/eval")
import windows
names = collections.Counter(os.path.basename(p) for p in windows.corpus_files(sys.argv[1]))
dup = [n for n, c in names.items() if c > 1]
if dup:
    sys.exit(f"real corpus: file names not unique ({', '.join(dup[:5])}); "
             "the judged sets name files by basename")
PY
    index real "$REAL"
    for half in $HALVES; do
        # the judged half is made here from the committed queries, pool and
        # judgments: it quotes the corpus, which is not copied into the project
        q=$OUT/real_$half.json
        python3 $E/pool.py qrels $E/queries_real.json $E/pool_real.json.gz "$REAL" \
            $E/judgments_real.txt "$half" "$q"
        score "real corpus $half" "$q" "$OUT/real-index" "$OUT/fts5-real.db" "$REAL"
    done
else
    echo "real corpus SKIPPED: $REAL (with index.tsv) is absent"
fi

# summary: the mean of every set, and the distractor check
python3 - "$OUT" "$MAXDIFF" <<'PY'
import glob, json, os, sys
out, maxdiff = sys.argv[1], float(sys.argv[2])
print(f"{'set':<22} {'n':>3} {'nDCG@10':>8} {'R@10':>6} {'S@1':>6} {'FTS5':>6} {'distractor':>10}")
order = ["dev_qrels", "corpus_tune", "corpus_heldout", "real_tune", "real_heldout"]
bad = []
for tag in order:
    p = os.path.join(out, f"scores-{tag}.json")
    if not os.path.exists(p):
        continue
    s = json.load(open(p))
    e = s["engine"]
    d = s.get("distractor")
    line = (f"{s['title']:<22} {len(s['queries']):>3} {e[0]:>8.3f} {e[1]:>6.3f} {e[2]:>6.3f} "
            f"{s['fts5'][0]:>6.3f} " + (f"{d[0]:>10.3f}" if d else f"{'':>10}"))
    print(line)
    if d and abs(d[0] - e[0]) > maxdiff:
        bad.append(f"{s['title']}: distractor {d[0]:.3f} vs {e[0]:.3f}")
for b in bad:
    print(f"DISTRACTOR CHECK FAILED (more than {maxdiff} apart): {b}")
if not bad:
    print(f"distractor check: within {maxdiff} of the plain run" if any(
        os.path.exists(os.path.join(out, f"run-distract-corpus_{h}.json"))
        for h in ("tune", "heldout")) else "distractor check: not run")
PY
