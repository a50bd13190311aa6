#!/usr/bin/env python3
"""sample_corpus.py: copies about N MB of a corpus's files into a new folder.

Why: `make bench SIZE=10` on the real corpus should measure real text, only less of it,
with every part of the corpus represented (national, provincial and city reports, party
documents), not the first folders in name order.  Files are taken in the order of a hash
of their path (deterministic, independent of the file system), whole, until N MB; their
folders are kept.  Standard library only.
Usage: sample_corpus.py --mb N --from DIR --out DIR
"""
import argparse
import hashlib
import os
import shutil
import sys

EXTS = (".txt", ".text", ".htm", ".html", ".gz")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--from", dest="src", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    files = []
    for d, dirs, names in os.walk(a.src):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for n in names:
            if not n.startswith(".") and n.lower().endswith(EXTS):
                rel = os.path.relpath(os.path.join(d, n), a.src)
                files.append((hashlib.sha1(rel.encode()).hexdigest(), rel))
    files.sort()
    budget, taken = a.mb * 1e6, 0
    os.makedirs(a.out, exist_ok=True)
    for _, rel in files:
        if taken >= budget:
            break
        dst = os.path.join(a.out, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(os.path.join(a.src, rel), dst)
        taken += os.path.getsize(dst)
    if not taken:
        sys.exit(f"sample_corpus: no speech files in {a.src}")
    print(f"sample_corpus: {taken / 1e6:.1f} MB of {a.src} in {a.out}")


if __name__ == "__main__":
    main()
