#!/usr/bin/python3
"""probes.py SPEECH_QUERY INDEX [CORPUS] [PROBE...]: text copied from the corpus, typed
as a user would, must find the passage it was copied from.

INDEX is an index of CORPUS (default ../shared/realcorpus beside the project; the
probes read it in place and never copy it; they say so and stop when it is absent).
Each probe picks its queries at random with a fixed seed, runs one `speech-query
--strict --jsonl --duplicates -n all` process a query and counts the queries whose
source file is among the strict hits (as a hit or a folded copy).  The probes, with
what made each (the round of 2026-12-03, docs/query-reading.md):

  copied     a run of 4 to 10 characters of a clause, as written (no figure cut in
             two: a figure stands whole, 22 is not in 22.5)
  trad       the same runs in traditional script (OpenCC s2t; skipped without the
             opencc command)
  numerals   a word and a figure with its measure (元 吨 亩 人 个 户 公里 千瓦...),
             the figure typed in Chinese numerals (装机净增1740万千瓦 typed
             装机净增一千七百四十万千瓦); one numeral and a measure is a figure from
             two to ten (新培育三家: 3家), not 一 (一个 is mostly "a": expected to fail)
  approx     a figure with 多 or 余 before 万/亿 that the corpus writes three times or
             more, typed in numerals (2000多亿元 typed 两千多亿元)
  single     a common character typed apart before a word of its clause (区 市 县 省
             水 路 金 施: each begins more than 1,000 different bigrams)
  inserted   a four-character word whose halves a text writes 1-3 characters apart
             and never whole (产教融合 for 产教深度融合); a joining word between them
             (和, 与, 等) or halves that are no word are expected to fail
  dotday     a day the corpus writes with a middle dot before a word (“5·12”汶川,
             9·8投洽会), typed month.day and the word (5.12 汶川): one query for each
             distinct day and word (the round of 2026-12-03, second session)
  spaced     a word and a figure with its measure, typed with a blank on each side of
             the digits, as many writers set digits apart from Chinese (新增装机 1740
             万千瓦; the third session of 2026-12-03)
  ordinal    a word and an ordinal the corpus writes in digits (全国第3位, 第12届),
             typed apart, the ordinal in Chinese numerals (全国 第三位; the fourth
             session of 2026-12-03)
  kilo       a figure written with one digit and 千 or 百 before 万 or 亿 (1千亿美元),
             typed in Chinese numerals (一千亿美元), each distinct writing once
  taiwan     a clause whose Taiwan writing (OpenCC s2twp: 网络 -> 網路, 信息 -> 資訊)
             differs from its traditional script (s2t), typed as Taiwan writes it;
             words the mainland also writes (支援, 社群, 專案) are expected to fail

Prints one line a probe and the queries that failed.  Run it on an index of the
real corpus: `make eval` leaves one in build/eval/real-index."""
import json, os, random, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

HAN = '\u4e00-\u9fff'


def corpus_files(root):
    out = []
    for d, _, fs in os.walk(root):
        out += [os.path.join(d, f) for f in fs if f.endswith('.txt')]
    return sorted(out)


def read(f):
    return open(f, encoding='utf-8', errors='replace').read()


def found(exe, index, f, q):
    """1 when f (a real path) is among the strict hits of q, as a hit or a
    folded copy (the index may name it by another path to the same file)."""
    p = subprocess.run([exe, '-d', index, '-n', 'all', '--strict', '--jsonl', '--duplicates', q],
                       capture_output=True, text=True)
    same = lambda g: g == f or (os.path.basename(g) == os.path.basename(f) and
                                os.path.realpath(g) == f)
    for line in p.stdout.splitlines():
        h = json.loads(line)
        if same(h['file']) or any(same(d['file']) for d in h.get('duplicates', [])):
            return True
    return False


def copied(files, rng, n=300):
    qs = []
    dig = lambda ch: ch.isascii() and (ch.isalnum() or ch in '.%')
    while len(qs) < n:
        f = rng.choice(files)
        clauses = [c for c in re.split(r'[，。；：！？、\n（）“”《》()]', read(f)) if 6 <= len(c) <= 40]
        if not clauses:
            continue
        c = rng.choice(clauses).strip()
        k = rng.randint(4, 10)
        if len(c) < k:
            continue
        s = rng.randint(0, len(c) - k)
        q = c[s:s + k].strip()
        if (len(q) < 4 or ' ' in q or q.startswith('-') or not re.search('[' + HAN + ']', q) or
                (s > 0 and dig(c[s - 1]) and dig(c[s])) or
                (s + k < len(c) and dig(c[s + k]) and dig(c[s + k - 1]))):
            continue
        qs.append((f, q))
    return qs


def trad(files, rng):
    qs = copied(files, rng)
    try:
        p = subprocess.run(['opencc', '-c', 's2t.json'], input='\n'.join(q for _, q in qs),
                           capture_output=True, text=True)
    except OSError:
        return None
    return [(f, t) for (f, _), t in zip(qs, p.stdout.split('\n'))]


DIGIT = '零一二三四五六七八九'


def section(v):
    s, zero, started = '', False, False
    for unit, name in ((1000, '千'), (100, '百'), (10, '十'), (1, '')):
        d = v // unit % 10
        if d == 0:
            zero = started
            continue
        s += '零' if zero else ''
        zero = False
        if not (d == 1 and unit == 10 and not started):
            s += DIGIT[d]
        s, started = s + name, True
    return s


def numerals(v):
    if v >= 10000:
        rest = v % 10000
        return section(v // 10000) + '万' + (('零' if rest < 1000 else '') + section(rest) if rest else '')
    return section(v)


MEASURES = '元|吨|亩|人|个|户|公里|家|项|所|座|千瓦|辆'


def word_figures(files, rng, n, figure, keep, typed):
    """n queries from a word, a figure (the regex figure) and its measure the corpus
    writes glued, among the matches keep(m, text) accepts, typed as typed(m)."""
    pat = re.compile(r'([' + HAN + r']{2,4})(' + figure + r')(万|亿)?(' + MEASURES + r'|%)')
    qs = []
    while len(qs) < n:
        f = rng.choice(files)
        t = read(f)
        ms = [m for m in pat.finditer(t) if not (m.start(2) > 0 and t[m.start(2) - 1] in '.0123456789')
              and keep(m, t)]
        if ms:
            m = rng.choice(ms)
            qs.append((f, typed(m)))
    return qs


def figures(files, rng, n=200):
    return word_figures(files, rng, n, r'\d{1,5}',
                        lambda m, t: m.group(4) != '%' and not m.group(2).startswith('0') and
                        not (m.end(2) < len(t) and t[m.end(2)] == '.'),
                        lambda m: m.group(1) + numerals(int(m.group(2))) + (m.group(3) or '') + m.group(4))


def spaced(files, rng, n=200):
    return word_figures(files, rng, n, r'\d{1,5}(?:\.\d{1,2})?', lambda m, t: True,
                        lambda m: f'{m.group(1)} {m.group(2)} {m.group(3) or ""}{m.group(4)}')


def writings(files, pattern):
    """Each distinct text the regex pattern matches in the corpus: the (file, match) pairs
    where it stands."""
    pat, seen = re.compile(pattern), {}
    for f in files:
        for m in pat.finditer(read(f)):
            seen.setdefault(m.group(0), []).append((f, m))
    return seen


def ordinal(files, rng, n=200):
    """A word and an ordinal the corpus writes in digits (全国第3位, 第12届), typed with
    the ordinal in Chinese numerals and apart from the word (全国 第三位)."""
    pat = re.compile(r'([' + HAN + r']{2,4})第([1-9][0-9]?)(?![0-9.])(名|位|批|次|届|期|轮|个|项|条|季度|阶段)')
    qs = []
    while len(qs) < n:
        t = read(f := rng.choice(files))
        ms = list(pat.finditer(t))
        if ms:
            m = rng.choice(ms)
            qs.append((f, f'{m.group(1)} 第{numerals(int(m.group(2)))}{m.group(3)}'))
    return qs


def kilo(files, rng):
    """A figure the corpus writes with one digit and 千 or 百 before 万 or 亿 (1千亿美元,
    5千万吨), typed in Chinese numerals (一千亿美元), once for each distinct writing."""
    seen = writings(files, r'(?<![0-9.])([1-9])([千百])([万亿])(元|吨|亩|人|户|美元|千瓦|平方米|公里|人次|套|辆)')
    qs = []
    for text in sorted(seen):
        f, m = rng.choice(seen[text])
        v = int(m.group(1)) * (1000 if m.group(2) == '千' else 100)
        qs.append((f, numerals(v) + m.group(3) + m.group(4)))
    return qs


def approx(files, rng):
    seen = writings(files, r'(?<![0-9.])([1-9][0-9]{0,3})([多余])([万亿]+)(元|人|吨|亩|户|千瓦|平方米|公里|美元|人次)')
    qs = []
    for text in sorted(seen):
        if len(seen[text]) >= 3:
            f, m = rng.choice(seen[text])
            qs.append((f, numerals(int(m.group(1))) + m.group(2) + m.group(3) + m.group(4)))
    return qs


def single(files, rng, n=240):
    chars, qs = '区市县省水路金施', []
    while len(qs) < n:
        f = rng.choice(files)
        ch = chars[len(qs) % len(chars)]
        t = read(f)
        at = [m.start() for m in re.finditer(ch + '[' + HAN + ']{6}', t)]
        if at:
            i = rng.choice(at)
            qs.append((f, ch + ' ' + t[i + 4:i + 7]))
    return qs


def inserted(files, rng, words, n=150):
    texts = {f: read(f) for f in rng.sample(files, min(600, len(files)))}
    qs = []
    for w in words:
        pat = re.compile(re.escape(w[:2]) + '[' + HAN + ']{1,3}' + re.escape(w[2:]))
        for f in sorted(texts):
            if w not in texts[f] and pat.search(texts[f]):
                qs.append((f, w))
                break
        if len(qs) >= n:
            break
    return qs


def dotday(files, rng):
    pat = re.compile(r'(?<![0-9.])([1-9]|1[0-2])[\u00b7\u2022]([1-9]|[12][0-9]|3[01])(?![0-9])'
                     r'[\u201d"]?([' + HAN + r']{2,3})')
    seen = {}
    for f in files:
        for m in pat.finditer(read(f)):
            seen.setdefault(m.groups(), []).append(f)
    return [(rng.choice(seen[k]), f'{k[0]}.{k[1]} {k[2]}') for k in sorted(seen)]


def taiwan(files, rng, n=150):
    qs = copied(files, rng, 3000)
    try:
        conv = lambda cfg: subprocess.run(['opencc', '-c', cfg], input='\n'.join(q for _, q in qs),
                                          capture_output=True, text=True).stdout.split('\n')
        tw, tr = conv('s2twp.json'), conv('s2t.json')
    except OSError:
        return None
    return [(f, w) for (f, _), w, t in zip(qs, tw, tr) if w != t][:n]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    exe, index = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    root = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, '..', '..', 'shared', 'realcorpus')
    only = set(sys.argv[4:])
    if not os.path.isdir(root):
        print(f'probes.py: skip: {root} is absent (the probes read the real corpus in place)')
        return 0
    files = corpus_files(os.path.realpath(root))
    dict_words = []
    for line in open(os.path.join(here, '..', 'corpus', 'data', 'domain.dict'), encoding='utf-8'):
        w = line.split('#')[0].split()
        if w and re.fullmatch('[' + HAN + ']{4}', w[0]):
            dict_words.append(w[0])
    rng = random.Random(2026)
    rng.shuffle(dict_words)
    probes = [('copied', lambda r: copied(files, r)), ('trad', lambda r: trad(files, r)),
              ('numerals', lambda r: figures(files, r)), ('approx', lambda r: approx(files, r)),
              ('single', lambda r: single(files, r)),
              ('inserted', lambda r: inserted(files, r, dict_words)),
              ('dotday', lambda r: dotday(files, r)), ('taiwan', lambda r: taiwan(files, r)),
              ('spaced', lambda r: spaced(files, r)), ('ordinal', lambda r: ordinal(files, r)),
              ('kilo', lambda r: kilo(files, r))]
    for name, make in probes:
        if only and name not in only:
            continue
        qs = make(random.Random(name))
        if qs is None:
            print(f'{name}: skip: no opencc command')
            continue
        with ThreadPoolExecutor(4) as ex:
            ok = list(ex.map(lambda x: found(exe, index, *x), qs))
        print(f'{name}: {sum(ok)} of {len(qs)} queries found the passage they were copied from')
        for (f, q), good in zip(qs, ok):
            if not good:
                print(f'    {q}\t{os.path.relpath(f, os.path.realpath(root))}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
