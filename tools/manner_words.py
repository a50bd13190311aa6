#!/usr/bin/python3
"""manner_words.py [CORPUS] [FILES]: the words that stand before a general verb.

Prints, for the words of CORPUS (default ../shared/realcorpus/lawtext-gov; FILES of
its files taken at random with a fixed seed, default 400) seen 150 times or more,
the share of their uses that stand right before one of the general verbs of a
work report (推进, 加强, 加快, 发展…), highest first.  The adverbs of manner at the
top of that list (扎实, 深入, 大力, 全力以赴…; nouns that make compounds with
建设, such as 党风廉政 or 基础设施, are not adverbs and were left out by reading)
are the "how it is to be done" words of lib/qwords.c's generic_words: a question
drops them when it names a thing.  Needs Debian's python3-jieba (in
deps/debian-packages.txt) and the real corpus; says so and stops when either is
missing."""
import collections, os, random, sys

try:
    import jieba
except ImportError:
    sys.exit('manner_words.py: needs python3-jieba (apt-get install python3-jieba)')

GENERAL = set('推进 加强 加快 发展 推动 实施 提升 提高 促进 抓好 做好 落实 开展 深化 完善 '
              '建设 打造 构建 强化 优化 保障 改善 培育 壮大 扩大 解决'.split())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', 'shared',
                                                                 'realcorpus', 'lawtext-gov')
    nfiles = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    if not os.path.isdir(root):
        sys.exit(f'manner_words.py: no corpus at {root} (skipped)')
    jieba.setLogLevel(60)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.txt'))
    random.Random(3).shuffle(files)
    before, total = collections.Counter(), collections.Counter()
    for path in files[:nfiles]:
        with open(path, encoding='utf-8', errors='replace') as fh:
            words = list(jieba.cut(fh.read()))
        for a, b in zip(words, words[1:]):
            total[a] += 1
            before[a] += b in GENERAL
    rows = sorted(((before[w] / total[w], before[w], total[w], w) for w in before
                   if total[w] >= 150 and len(w) >= 2 and w not in GENERAL), reverse=True)
    for share, n, t, w in rows[:90]:
        print(f'{share:.2f} {n:6d} {t:6d} {w}')


if __name__ == '__main__':
    main()
