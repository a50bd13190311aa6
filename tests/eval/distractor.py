#!/usr/bin/env python3
"""Writes the text of unrelated real Chinese pages from installed Debian
documentation packages (manual pages of manpages-zh, in simplified and
traditional script; HTML help such as gimp-help-zh-cn) as plain text files,
one a page, for the distractor run of `make eval`: corpus/ plus these pages
must score as corpus/ alone.  The text is extracted at run time into build/
and never committed.

usage: distractor.py OUT_DIR SOURCE_DIR...
Reads *.html / *.htm pages and gzipped manual pages (*.gz, roff); pages with
fewer than MIN_HAN Chinese characters are left out.
"""
import gzip
import html.parser
import os
import re
import sys

MIN_HAN = 50


class Text(html.parser.HTMLParser):
    SKIP = {"script", "style", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        elif tag in ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "pre", "dt", "dd"):
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.out.append(data)


ROFF_ESCAPE = re.compile(r"\\(f[BIRP]|f\(..|f\[[^]]*\]|\(..|\*\(..|\*.|s[-+]?\d+|[&/,:%|^])")


def roff_text(src):
    """The text of a manual page: comments and requests without text
    dropped, the text of .SH/.B/.I… kept, font and size escapes removed;
    a paragraph macro starts a new line."""
    out, para = [], []
    for line in src.split("\n"):
        if line.startswith(('.\\"', "'\\\"")):
            continue
        if line.startswith((".", "'")):
            m = re.match(r"[.'](\S+)\s*(.*)", line)
            if not m:
                continue
            macro, rest = m.groups()
            if para:
                out.append(" ".join(para))
                para = []
            if macro in ("SH", "SS", "B", "I", "BI", "BR", "IR", "RB", "RI", "IB", "TH"):
                line = rest.replace('"', " ")
            else:
                continue
        line = ROFF_ESCAPE.sub("", line).replace("\\-", "-").replace("\\e", "\\")
        line = line.replace("\\ ", " ").strip()
        if line:
            para.append(line)
    if para:
        out.append(" ".join(para))
    return "\n".join(out)


def html_text(src):
    p = Text()
    p.feed(src)
    lines = [" ".join(l.split()) for l in "".join(p.out).split("\n")]
    return "\n".join(l for l in lines if l)


def han(s):
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, srcs = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    n = 0
    for k, src in enumerate(srcs):
        for d, dirs, files in os.walk(src):
            dirs.sort()
            for f in sorted(files):
                path = os.path.join(d, f)
                if f.endswith((".html", ".htm")):
                    text = html_text(open(path, encoding="utf-8", errors="replace").read())
                elif f.endswith(".gz"):
                    text = roff_text(gzip.open(path).read().decode("utf-8", "replace"))
                else:
                    continue
                if han(text) < MIN_HAN:
                    continue
                n += 1
                name = f"{k}_" + os.path.relpath(path, src).replace(os.sep, "_")
                with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as fp:
                    fp.write(text + "\n")
    print(n)
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
