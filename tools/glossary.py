#!/usr/bin/python3
"""glossary.py [CORPUS] [--write RULES]: abbreviations the reports define in their notes.

Work reports end with notes that explain their short forms, one a line:

    3.“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。
    12．“三供一业”：即供水、供电、供暖和物业管理

This reads every .txt file of CORPUS (default ../shared/realcorpus) and prints,
one "=" line each in the format of corpus/data/synonyms.rules, the short forms
whose definition is a name, not an explanation:

  - the note's definition is its first clause (to 。；), without a leading
    即 / 是指 / 指 / 是 and a verb before a list (推进, 实施, 具有…) and without a
    trailing 的简称 / 的统称 / 等; it is 40 characters or fewer and holds no
    letters, digits, quotes or brackets, nor 即 / 是指 / 就是 further on (一岗双责:
    一个岗位两种责任，两个责任即… explains);
  - the short form's characters, numerals aside (六稳: 稳), stand in the
    definition in order (an abbreviation is made of its characters);
  - the short form holds a numeral (六稳, 三供一业) or is defined in two
    notes or more (专精特新): a word defined once without a numeral is most
    often a local term explained, not a short form; a short form of two
    characters (双减, 两江) is defined the same way in two notes or more: as a
    part of longer words (两江新区) it would otherwise be read wrongly;
  - one definition holds at least half of the short form's notes (双高 is
    defined otherwise by different cities: left out), and the most frequent
    (then the shortest) is taken;
  - neither the short form nor its definition is already a member of the
    table (the hand-made groups stay as they are).

With --write RULES the lines replace the block between the markers below at
the end of RULES (appended the first time); `make` compiles the table as
before.  Without the corpus it says so and stops."""
import collections
import os
import re
import sys

BEGIN = "# ---- short forms defined in the notes of the work reports (tools/glossary.py) ----"
END = "# ---- end of tools/glossary.py ----"
NUMERALS = set("一二三四五六七八九十百千万两双零〇")
NOTE = re.compile(r"^\s*[0-9]{1,3}\s*[\.．、]\s*“([^”]{2,10})”[：:]\s*(.+)$")
LEAD = re.compile(r"^(即|是指|指|是)")
VERB = re.compile(r"^(推进|实施|具有|具备|走|坚持|推动|开展)")
TAIL = re.compile(r"(的简称|的统称|等)$")
SHORT = re.compile(r"[\u4e00-\u9fff]+")
BAD = re.compile(r"[A-Za-z0-9０-９“”‘’\"'（）()《》〈〉【】\[\]:：]")
EXPLAINS = re.compile(r"即|是指|就是")  # within the definition: it explains (两个责任即…)
MAX_DEF = 40


def definition(text):
    d = re.sub(r"\s+", "", re.split(r"[。；;]", text)[0]).strip("，,")
    d = LEAD.sub("", d).strip().lstrip("的")
    d = VERB.sub("", d)
    return TAIL.sub("", d).strip("，, ")


def made_of(short, d):
    at = 0
    for ch in short:
        if ch in NUMERALS:
            continue
        at = d.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def members(rules_text):
    out = set()
    for line in rules_text.split("\n"):
        line = line.split("#", 1)[0]
        for m in re.split(r"\s*[=~]\s*", line):
            if m.strip():
                out.add(m.strip().lower())
    return out


def notes(root):
    defs = collections.defaultdict(collections.Counter)
    for d, _, fs in os.walk(root):
        for f in sorted(fs):
            if not f.endswith(".txt"):
                continue
            with open(os.path.join(d, f), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    m = NOTE.match(line.rstrip("\n"))
                    if not m or not SHORT.fullmatch(m.group(1)):
                        continue
                    short, dfn = m.group(1), definition(m.group(2))
                    if (len(dfn) > MAX_DEF or len(dfn) < len(short) + 2 or BAD.search(dfn)
                            or EXPLAINS.search(dfn)):
                        continue
                    if made_of(short, dfn):
                        defs[short][dfn] += 1
    return defs


def lines(defs, known):
    out = []
    for short in sorted(defs):
        c = defs[short]
        total = sum(c.values())
        if not (set(short) & NUMERALS) and total < 2:
            continue
        dfn, n = sorted(c.items(), key=lambda x: (-x[1], len(x[0]), x[0]))[0]
        if 2 * n < total or short.lower() in known or dfn.lower() in known:
            continue
        if len(short) == 2 and n < 2:
            continue
        out.append(f"{short} = {dfn}")
    return out


def write_block(path, new):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    block = "\n".join([BEGIN, "# (generated: edit tools/glossary.py, not these lines)"] + new + [END]) + "\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def main():
    args = sys.argv[1:]
    rules = None
    if "--write" in args:
        i = args.index("--write")
        rules = args[i + 1]
        del args[i:i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    root = args[0] if args else os.path.join(here, "..", "..", "shared", "realcorpus")
    if not os.path.isdir(root):
        sys.exit(f"glossary.py: no corpus at {root} (skipped)")
    table = rules or os.path.join(here, "..", "corpus", "data", "synonyms.rules")
    with open(table, encoding="utf-8") as fh:
        text = fh.read()
    if BEGIN in text:  # the block itself does not count as known
        head, rest = text.split(BEGIN, 1)
        text = head + (rest.split(END, 1)[1] if END in rest else "")
    new = lines(notes(root), members(text))
    if rules:
        write_block(rules, new)
        print(f"glossary.py: {len(new)} short forms written to {rules}", file=sys.stderr)
    else:
        print("\n".join(new))


if __name__ == "__main__":
    main()
