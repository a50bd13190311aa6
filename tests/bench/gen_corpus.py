#!/usr/bin/env python3
"""gen_corpus.py: writes N MB of synthetic, speech-like Chinese text for the benchmarks.

Why: the five seed speeches are 0.13 MB; indexing and query speed must be measured on
10 MB .. 1 GB of text that looks like the real thing (sizes, layout, vocabulary, encodings)
without copying it.  What it does:

  * learns from the seeds (corpus/*.txt, simplified with `opencc -c t2s.json`): a character
    Markov model of clauses (order 3 mixed with order 2, so clauses recombine rather than
    repeat), slogans (“…”), document titles (《…》), topic words, paragraph and sentence
    lengths; numbers, ASCII words and masked names (**, xx) become slots;
  * fills the slots with numbers fitted to the unit that follows (2019年, 340个, 12.5%,
    1762.7亿元, 280万元/亩), ASCII (5G, GDP, 9+2, PPP) and place names (real ones plus made-up
    ones, so the vocabulary grows with the corpus as it would);
  * lays out files of 2-30 KB: a title (…在全市…会议上的讲话, …工作报告), sometimes a source line
    and a salutation, sections 一、… with subsections (一)… or 1、…, paragraphs of 一是…二是…;
  * writes about 10% traditional script (opencc s2t, run in batches), 10% GBK, 10% gzipped,
    with a few layout variants (blank lines or not, CRLF, one-line web dumps).

Same --seed and seeds -> same bytes.  Standard library only, plus the `opencc` command.
Usage: gen_corpus.py --mb 10 --out DIR [--seed 1] [--seeds corpus]
"""
import argparse
import gzip
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SLOT_NUM, SLOT_ASCII, SLOT_PLACE, SLOT_SLOGAN, SLOT_BOOK = "\x01", "\x02", "\x03", "\x04", "\x05"
BOS, EOC = "\x10", "\x11"
SLOT_RE = re.compile("[\x01-\x05]")
HAN = "\u4e00-\u9fff"
CN_NUM = "一二三四五六七八九十"
SPLIT = "\n@@SS-SPLIT@@\n"

# Place names: some real prefecture-level cities, plus names made from common place characters.
REAL_PLACES = ("郑州 洛阳 开封 新乡 焦作 商丘 周口 信阳 南阳 许昌 平顶山 安阳 鹤壁 濮阳 漯河 三门峡 驻马店 "
               "常州 无锡 苏州 南通 扬州 镇江 泰州 徐州 盐城 淮安 宿迁 连云港 合肥 芜湖 蚌埠 阜阳 宿州 "
               "亳州 六安 滁州 赣州 九江 宜春 株洲 湘潭 衡阳 岳阳 常德 襄阳 宜昌 荆州 十堰 孝感 黄冈 "
               "临沂 潍坊 济宁 菏泽 德州 聊城 淄博 烟台 威海 日照 保定 邯郸 邢台 沧州 廊坊 唐山 绵阳 "
               "德阳 宜宾 南充 遵义 曲靖 玉溪 柳州 桂林 榆林 宝鸡 咸阳 天水 酒泉").split()
PLACE_CHARS = ("东西南北中安平阳山河江湖海泉水城州宁清新华丰德兴隆昌盛广林石桥关门台庄营集店口沟坪岭峰"
               "源溪川原塘湾洲岗坡头田家庙寺宝金银玉云龙凤鹤龟松柏桃李杨柳梅花青白黄红绿永长乐福寿"
               "和顺太康泰明光武文成仁义信忠孝恩临沂汝洛颍淮济汾渭汉沙滨浦洪")
PLACE_SUFFIX = ("市", "县", "区", "镇", "乡", "街道", "开发区", "高新区")
ASCII_WORDS = ["5G", "GDP", "PPP", "PPT", "AI", "CPI", "PM2.5", "APP", "O2O", "IPO", "VR", "4A", "5A",
               "B2B", "EPC", "3A", "AAA", "Wi-Fi", "ERP", "ETC", "LED", "MW", "CBD", "EOD"]
COMPOUND_UNITS = ["万元/亩", "元/吨", "公里/小时", "亿千瓦时", "万平方米", "万吨/年", "元/平方米", "MW", "%"]
SPEAKERS = ["市委书记", "市长", "常务副市长", "副市长", "县委书记", "县长", "区委书记", "区长",
            "市政协主席", "市人大常委会主任", "开发区党工委书记", "局长"]
SALUTATIONS = ["同志们：", "同志们：", "各位代表：", "各位委员、同志们：", "各位领导、同志们：", "同志们、朋友们："]
CLOSINGS = ["同志们，{c}！", "{c}。谢谢大家！", "让我们{c}，{c}！", "{c}，{c}，为{p}高质量发展作出新的更大贡献！"]


def opencc(config, texts):
    """Converts a list of strings with one opencc run (t2s.json: to simplified, s2t.json: to
    traditional)."""
    out = subprocess.run(["opencc", "-c", config], input=SPLIT.join(texts).encode(),
                         capture_output=True, check=True).stdout.decode()
    parts = out.split(SPLIT)
    assert len(parts) == len(texts), "opencc changed the separator"
    return parts


def gbk_ok(ch):
    try:
        ch.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


class Model:
    """What is learned from the seeds."""

    def __init__(self, seed_dir):
        names = sorted(n for n in os.listdir(seed_dir) if n.endswith(".txt"))
        if not names:
            sys.exit(f"gen_corpus: no seed *.txt in {seed_dir}")
        raw = [open(os.path.join(seed_dir, n), "rb").read().decode("utf-8", "replace") for n in names]
        texts = opencc("t2s.json", raw)
        self.slogans, self.books = {}, {}
        self.para_lens, self.clauses_per_sent = [], []
        self.seed_clauses = set()
        clauses = []
        for text in texts:
            text = "".join(c for c in text if c in "\r\n\t " or gbk_ok(c))
            for line in text.splitlines():
                # one-line web dumps separate paragraphs by spaces
                for para in re.split(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", line.strip()):
                    if para:
                        self._learn_paragraph(para, clauses)
        self.topics = self._topics(texts)
        self.slogans = list(self.slogans)
        self.books = list(self.books)
        self._train(clauses)

    @staticmethod
    def _topics(texts):
        """Topic words: runs of four Han characters (no function characters) seen 3+ times,
        after and before 3+ different characters (so they are words, not pieces of one)."""
        count, left, right = {}, {}, {}
        for t in texts:
            for m in re.finditer(f"(?=(.)([{HAN}]{{4}})(.))", t, re.S):
                lc, w, rc = m.groups()
                if re.search("[的了是在和我们这有为要与也就对把从将]", w):
                    continue
                count[w] = count.get(w, 0) + 1
                left.setdefault(w, set()).add(lc)
                right.setdefault(w, set()).add(rc)
        good = [w for w, n in count.items() if n >= 3 and len(left[w]) >= 3 and len(right[w]) >= 3]
        return sorted(good, key=lambda w: (-count[w], w))

    def _learn_paragraph(self, para, clauses):
        p = re.sub(r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[、.])", "", para)
        p = p.replace("老秘网", "")         # a web site's watermark in the seeds
        p = re.sub(r"\*\*|(?<![A-Za-z])[xX]{1,2}(?![A-Za-z])", SLOT_PLACE, p)   # masked names
        for m in re.finditer(r"[“\"]([^”\"]{1,12})[”\"]", p):
            self.slogans[m.group(1)] = 1
        for m in re.finditer(r"《([^》]{2,40})》", p):
            self.books[m.group(1)] = 1
        p = re.sub(r"[“\"][^”\"]{1,12}[”\"]", SLOT_SLOGAN, p)
        p = re.sub(r"《[^》]{2,40}》", SLOT_BOOK, p)
        p = re.sub(r"\d+(?:\.\d+)?", SLOT_NUM, p)
        p = re.sub(r"[A-Za-z][A-Za-z0-9+.]*", SLOT_ASCII, p)
        p = re.sub(r"[\s\"“”'‘’]", "", p)
        self.para_lens.append(len(p))
        for sent in re.split(r"[。！？!?]+", p):
            parts = [c for c in re.split(r"[，,：:；;]+", sent) if c]
            if parts:
                self.clauses_per_sent.append(len(parts))
                clauses += parts
                self.seed_clauses.update(parts)

    def _train(self, clauses):
        """Next-character lists (with repeats, so choice() follows the counts) per context."""
        self.tab = [dict() for _ in range(4)]
        for c in clauses:
            s = BOS * 3 + c + EOC
            for i in range(3, len(s)):
                for k in (1, 2, 3):
                    self.tab[k].setdefault(s[i - k:i], []).append(s[i])

    def clause(self, rng):
        """One new clause (not a seed clause of 8+ characters), 2..40 characters."""
        t1, t2, t3 = self.tab[1], self.tab[2], self.tab[3]
        while True:
            out = BOS * 3
            while len(out) < 45:
                nxt = t3.get(out[-3:])
                if nxt is None or (rng.random() < 0.3 and len(nxt) < 4):
                    nxt = t2.get(out[-2:]) or t1[out[-1]]
                ch = rng.choice(nxt)
                if ch == EOC:
                    break
                out += ch
            c = out[3:]
            if 2 <= len(c) <= 40 and not (len(c) >= 8 and c in self.seed_clauses) and c.strip(BOS):
                return c


class Writer:
    """Turns the model into files."""

    def __init__(self, model, rng, pool_size):
        self.m, self.rng = model, rng
        self.pool = [model.clause(rng) for _ in range(pool_size)]
        self.short = [c for c in self.pool if 4 <= len(c) <= 16 and not SLOT_RE.search(c)] or self.pool
        self.made_slogans = [rng.choice(CN_NUM) + rng.choice(("个", "大", "项", "")) +
                             t[rng.randrange(3)] + t[rng.randrange(1, 4)]
                             for t in rng.choices(model.topics or ["项目建设"], k=200)]

    # -- slot fillers -------------------------------------------------------
    def place(self):
        r = self.rng
        if r.random() < 0.5:
            return r.choice(REAL_PLACES)
        return r.choice(PLACE_CHARS) + r.choice(PLACE_CHARS)

    def number(self, after):
        r = self.rng
        if after == "年":
            return str(r.randint(2008, 2025))
        if after == "月":
            return str(r.randint(1, 12))
        if after == "日":
            return str(r.randint(1, 28))
        if after in "%％亿万":
            v = r.lognormvariate(3, 1.5)
            return f"{v:.{r.choice((0, 1, 1, 2))}f}"
        if after and after in "个家项次人户座条所台名批":
            return str(int(r.lognormvariate(3, 1.3)) + 1)
        n = str(int(r.lognormvariate(4, 1.5)) + 1)
        if r.random() < 0.05:
            n += r.choice(COMPOUND_UNITS)
        return n

    def fill(self, c, st):
        if not SLOT_RE.search(c):
            return c
        r, out = self.rng, []
        for i, ch in enumerate(c):
            if ch == SLOT_NUM:
                out.append(self.number(c[i + 1] if i + 1 < len(c) else ""))
            elif ch == SLOT_ASCII:
                out.append(r.choice(ASCII_WORDS))
            elif ch == SLOT_PLACE:           # a masked name, or a masked figure (xx亿元)
                after = c[i + 1] if i + 1 < len(c) else ""
                out.append(self.number(after) if after and after in "亿万千百个家项元吨人%" else self.place())
            elif ch == SLOT_SLOGAN:
                s = r.choice(self.m.slogans) if self.m.slogans and r.random() < 0.6 else r.choice(self.made_slogans)
                out.append(st["lq"] + self.fill(s, st) + st["rq"])
            elif ch == SLOT_BOOK:
                b = r.choice(self.m.books) if self.m.books and r.random() < 0.3 else \
                    f"关于{self.topic()}的{r.choice(('实施意见', '若干措施', '工作方案', '通知'))}"
                out.append("《" + self.fill(b, st) + "》")
            else:
                out.append(ch)
        return "".join(out)

    def topic(self):
        return self.rng.choice(self.m.topics) if self.m.topics else "项目建设"

    # -- text ---------------------------------------------------------------
    def sentence(self, st):
        r = self.rng
        n = r.choice(self.m.clauses_per_sent)
        parts = [self.fill(r.choice(self.pool), st) for _ in range(n)]
        if r.random() < 0.05:
            parts[0] = self.place() + r.choice(PLACE_SUFFIX) + parts[0]
        end = "。" if r.random() < 0.9 else r.choice("！？" if st["full"] else "!?")
        return st["comma"].join(parts) + end

    def paragraph(self, st):
        r = self.rng
        target = max(30, r.choice(self.m.para_lens))
        enum = r.random() < 0.15
        out, n = [], 0
        while n < target:
            s = self.sentence(st)
            if enum and len(out) < 10:
                s = CN_NUM[len(out)] + "是" + s
            out.append(s)
            n += len(s)
        return "".join(out)

    def heading(self, level, i, st):
        r = self.rng
        text = r.choice(self.short)
        if r.random() < 0.3:
            text += st["comma"] + r.choice(self.short)
        if level == 0:
            return cn(i) + "、" + text
        if st["sub"] == "paren":
            return ("(" if not st["full"] else "（") + cn(i) + (")" if not st["full"] else "）") + text
        return f"{i}、" + text

    def title(self):
        r, t, p = self.rng, self.topic(), self.place()
        if r.random() < 0.3:
            t += "和" + self.topic()
        y = r.randint(2010, 2024)
        forms = [f"{r.choice(SPEAKERS)}在全市{t}会议上的讲话",
                 f"{r.choice(SPEAKERS)}在{p}市{t}工作会议上的讲话",
                 f"在全县{t}推进会上的讲话",
                 f"{y}年{p}市人民政府工作报告",
                 f"{p}区{y}年政府工作报告",
                 f"关于{t}工作情况的报告",
                 f"{y}年{t}工作会议讲话稿",
                 f"{r.choice(SPEAKERS)}在{y}年全市{t}动员大会上的讲话"]
        return r.choice(forms)

    def document(self, size):
        """A speech of about size bytes (UTF-8), as paragraphs (strings)."""
        r = self.rng
        full = r.random() < 0.75
        st = {"full": full, "comma": "，" if full else ",",
              "lq": "“" if full or r.random() < 0.5 else '"', "rq": "”" if full else '"',
              "sub": r.choice(("paren", "paren", "arabic"))}
        if st["lq"] == '"':
            st["rq"] = '"'
        paras = [self.title()]
        if r.random() < 0.3:
            paras.append(r.choice((f"更新时间:{r.randint(2015, 2024)}-{r.randint(1, 12):02d} 来源:网友投稿",
                                   f"发布时间：{r.randint(2015, 2024)}年{r.randint(1, 12)}月{r.randint(1, 28)}日",
                                   f"作者：{self.place()}市政府办公室  字号：大 中 小")))
        if r.random() < 0.5:
            s = r.choice(SALUTATIONS)
            paras.append(s if full else s.replace("：", ":").replace("，", ","))
        n = sum(len(p) for p in paras) * 3
        for _ in range(r.randint(1, 2)):
            paras.append(self.paragraph(st))
            n += len(paras[-1]) * 3
        sec = 0
        while n < size:
            sec += 1
            paras.append(self.heading(0, sec, st))
            subs = r.randint(2, 5) if r.random() < 0.4 else 0
            for j in range(1, subs + 1):
                paras.append(self.heading(1, j, st))
                if r.random() < 0.2:        # heading and text on one line
                    paras[-1] += "。" + self.paragraph(st)
                else:
                    paras.append(self.paragraph(st))
                n += len(paras[-1]) * 3
                if n >= size:
                    break
            for _ in range(0 if subs else r.randint(1, 4)):
                paras.append(self.paragraph(st))
                n += len(paras[-1]) * 3
                if n >= size:
                    break
        closing = r.choice(CLOSINGS).replace("{p}", self.place())
        while "{c}" in closing:
            closing = closing.replace("{c}", self.fill(r.choice(self.pool), st), 1)
        paras.append(closing if full else closing.replace("，", ","))
        return paras


def cn(i):
    if i <= 10:
        return CN_NUM[i - 1]
    if i < 20:
        return "十" + CN_NUM[i - 11]
    return CN_NUM[i // 10 - 1] + "十" + (CN_NUM[i % 10 - 1] if i % 10 else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10, help="megabytes (10^6) of text before gzip")
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", default=os.path.join(HERE, "..", "..", "corpus"), help="seed speeches")
    ap.add_argument("--per-dir", type=int, default=500, help="files per sub-folder")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    model = Model(a.seeds)
    writer = Writer(model, rng, pool_size=int(min(200000, 20000 + a.mb * 2000)))
    total, target, i = 0, int(a.mb * 1e6), 0
    kinds = {"utf8": 0, "trad": 0, "gbk": 0, "gz": 0}
    pending, pending_chars = [], 0      # traditional-script files, converted in batches

    def flush():
        nonlocal pending_chars
        pending_chars = 0
        if pending:
            for ((path, gz, eol), _), text in zip(pending, opencc("s2t.json", [t for _, t in pending])):
                write(path, text.replace("\n", eol).encode("utf-8"), gz)
            pending.clear()

    def write(path, data, gz):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(gzip.compress(data, 6, mtime=0) if gz else data)

    while total < target:
        size = int(2000 * 15 ** rng.random())            # 2-30 KB, log-uniform
        size = min(size, max(2000, target - total))
        paras = writer.document(size)
        style = rng.random()
        if style < 0.05:
            body = " ".join(paras[1:])                  # one-line web dump
            text = paras[0] + "\n" + body + "\n"
        else:
            text = ("\n" if style < 0.45 else "\n\n").join(paras) + "\n"
        eol = "\r\n" if rng.random() < 0.05 else "\n"
        kind = rng.random()
        gz = rng.random() < 0.1
        path = os.path.join(a.out, f"d{i // a.per_dir:03d}", f"s{i:06d}.txt" + (".gz" if gz else ""))
        if kind < 0.1:
            pending.append(((path, gz, eol), text))
            kinds["trad"] += 1
            pending_chars += len(text)
            if pending_chars > 2_000_000:
                flush()
            data_len = len(text.encode("utf-8"))
        else:
            enc = "gbk" if kind < 0.2 else "utf-8"
            kinds["gbk" if kind < 0.2 else "utf8"] += 1
            data = text.replace("\n", eol).encode(enc)
            write(path, data, gz)
            data_len = len(data)
        kinds["gz"] += gz
        total += data_len
        i += 1
    flush()
    print(f"gen_corpus: {i} files, {total / 1e6:.1f} MB in {a.out} "
          f"({kinds['utf8']} UTF-8, {kinds['trad']} traditional, {kinds['gbk']} GBK; {kinds['gz']} gzipped)")


if __name__ == "__main__":
    main()
