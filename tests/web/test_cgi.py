#!/usr/bin/env python3
"""speech-search.cgi run as a web server runs a CGI program: the request in
environment variables (REQUEST_METHOD, QUERY_STRING, ...), the answer on
standard output.  Every action (form, search, facets, pages, reading view,
JSON) and every bad input of issue 7 (malformed escapes, invalid UTF-8, NUL
bytes, repeated or huge parameters, unknown indexes, impossible pages,
other methods, XSS probes) is a row of a table.

usage: test_cgi.py BINDIR        Prints "N passed, N failed".
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webutil import ROOT, Checks, make_index  # noqa: E402

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin"))
CGI = os.path.join(BIN, "speech-search.cgi")
check = Checks()
TMP = None
CONF = None


def cgi(qs, method="GET", conf=None, raw=None):
    """Runs the CGI; returns (status, headers dict (lower-case), body bytes)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUERY_", "REQUEST_"))}
    env = {k.encode(): v.encode() for k, v in env.items()}
    env[b"SPEECH_SEARCH_CONFIG"] = (conf or CONF).encode()
    env[b"REQUEST_METHOD"] = method.encode()
    env[b"GATEWAY_INTERFACE"] = b"CGI/1.1"
    env[b"SERVER_PROTOCOL"] = b"HTTP/1.1"
    env[b"QUERY_STRING"] = raw if raw is not None else qs.encode()
    p = subprocess.run([CGI], env=env, capture_output=True, cwd=ROOT, stdin=subprocess.DEVNULL)
    out = p.stdout
    head, _, body = out.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode("latin-1").split("\r\n"):
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    status = int(headers.get("status", "0 x").split()[0] or 0)
    if p.returncode != 0 or p.stderr and b"Sanitizer" in p.stderr:
        print(f"  CGI exited {p.returncode}: {p.stderr.decode(errors='replace')[:400]}")
        status = -1
    return status, headers, body


def q(**kw):
    return urllib.parse.urlencode(kw)


FA = "发展"          # a common word of the demo corpus
FA_TRAD = "發展"

# (name, query string, method, status, must contain, must not contain)
CASES = [
    ("form", "", "GET", 200, ['name="q"', 'action="search"', 'href="static/style.css"'], []),
    ("form for named index", q(db="same"), "GET", 200, ['name="db" value="same"'], []),
    ("search", q(q=FA), "GET", 200, ["<mark>发展</mark>", 'class="hit"', 'id="facet-region"',
                                      'id="chart-year"', "<svg", 'rel="next"'], []),
    ("exact count: few matches judged whole", q(q="首问负责制"), "GET", 200,
     ['共 <strong id="total">'], ['约 <strong id="total">']),
    ("traditional input", q(q=FA_TRAD), "GET", 200, ["<mark>", 'value="發展"'], []),
    ("HEAD", q(q=FA), "HEAD", 200, [], ["<html"]),
    ("region facet", q(q=FA, region="河南省"), "GET", 200,
     ['<ul class="active">', "地区：河南省", 'class="remove"'], []),
    ("year range", q(q=FA, year="2018..2019"), "GET", 200, ["年份：2018..2019"], []),
    ("year range as typed", q(q=FA, year="2018-2019"), "GET", 200, ["年份：2018-2019"], []),
    ("year with 年", q(q=FA, year="2019年"), "GET", 200, ["年份：2019年"], []),
    ("kind", q(q=FA, kind="speech"), "GET", 200, ["类型：讲话"], []),
    ("filters only", q(region="河南"), "GET", 200, ['class="hit"'], []),
    ("page 2", q(q=FA, page=2), "GET", 200, ['<li class="hit" value="11"', 'rel="prev"'], []),
    ("n per page", q(q=FA, n=3), "GET", 200, ['value="3"', "n=3"], ['value="4"']),
    ("same index by name", q(q=FA, db="same"), "GET", 200, ["<mark>", "db=same"], []),
    ("no results: suggestions", q(q="火星人 外星飞船", region="河南", year="2019"), "GET", 200,
     ['class="suggest"', "没有找到符合条件的段落", "去掉地区条件", "去掉年份条件",
      "去掉「火星人」"], ['class="hit"']),
    # no passage holds every word: the suggestions, then the passages holding some of it
    ("none strict: suggestions, then partial", q(q=FA + " 火星人", region="河南", year="2019"),
     "GET", 200, ['class="suggest"', "没有段落包含全部查询词", "去掉「火星人」", 'id="partial"',
                  '<p class="missing">缺少：<s>火星人</s>'], ['没有找到符合条件的段落']),
    ("no results: quotes", q(q='"发展火星人"'), "GET", 200, ["去掉引号"], []),
    ("json", q(q=FA, format="json"), "GET", 200, ['"hits"'], ["<html"]),
    # the partial tier: a short strict list goes on with passages holding most of the query
    ("partial: heading and missing words", q(q="亩 投资强度"), "GET", 200,
     ['<h2 class="partial" id="partial">部分匹配', '<p class="missing">缺少：<s>亩</s>',
      "strict=1", '<li class="hit" value="2"'], []),
    ("partial: strict=1 turns it off", q(q="亩 投资强度", strict=1), "GET", 200,
     ['<li class="hit" value="1"'], ['id="partial"', 'class="missing"', 'value="2"']),
    ("partial: json marks the hits", q(q="亩 投资强度", format="json"), "GET", 200,
     ['"partial":false', '"partial":true', '"missing":["亩"]', '"partial_total":'], []),
    ("partial: none for a long strict list", q(q=FA), "GET", 200, ['class="hit"'],
     ['id="partial"']),
    ("bad strict", q(q=FA, strict=2), "GET", 400, [], []),
    # bad inputs
    ("malformed escape", "q=%E5%8", "GET", 400, ["malformed"], []),
    ("bad hex escape", "q=%zz", "GET", 400, [], []),
    ("invalid UTF-8", "q=%FF%FE", "GET", 400, ["UTF-8"], []),
    ("overlong UTF-8", "q=%C0%BC", "GET", 400, [], []),
    ("NUL byte", "q=a%00b", "GET", 400, ["NUL"], []),
    ("control character", "q=a%0D%0AX-Injected:1", "GET", 400, [], []),
    ("repeated parameter", "q=a&q=b", "GET", 400, ["twice"], []),
    ("repeated page", q(q=FA) + "&page=1&page=2", "GET", 400, [], []),
    ("huge query", q(q="发" * 400), "GET", 400, ["太长"], []),
    ("huge query string", "q=" + "a" * 5000, "GET", 400, ["too long"], []),
    ("many parameters", "&".join(f"x{i}=1" for i in range(40)), "GET", 400, [], []),
    ("unknown db", q(q=FA, db="nope"), "GET", 404, [], []),
    ("db is a path", q(q=FA, db="/etc/passwd"), "GET", 404, [], []),
    ("db path traversal", q(q=FA, db="../demo-index"), "GET", 404, [], []),
    ("index missing", q(q=FA, db="gone"), "GET", 500, [], []),
    ("page 0", q(q=FA, page=0), "GET", 400, [], []),
    ("page negative", q(q=FA, page=-1), "GET", 400, [], []),
    ("page not a number", q(q=FA, page="2abc"), "GET", 400, [], []),
    ("page huge", q(q=FA, page="99999999999999999999"), "GET", 400, [], []),
    ("page too deep", q(q=FA, page=51), "GET", 404, [], []),
    ("page past the results", q(q=FA, page=40), "GET", 404, [], []),
    ("n zero", q(q=FA, n=0), "GET", 400, [], []),
    ("n too big", q(q=FA, n=51), "GET", 400, [], []),
    ("bad year", q(q=FA, year="20x9"), "GET", 400, [], []),
    ("year injection", q(q=FA, year="2019 -发展"), "GET", 400, [], []),
    ("region injection", q(q=FA, region="河南 -发展"), "GET", 400, [], []),
    ("unknown region", q(q=FA, region="火星"), "GET", 400, ["火星"], []),
    ("bad format", q(q=FA, format="xml"), "GET", 400, [], []),
    ("bad facets", q(q=FA, facets="2"), "GET", 400, [], []),
    ("view without speech", q(view="corpus/x.txt"), "GET", 400, [], []),
    ("view speech 0", q(view="corpus/x.txt", speech=0), "GET", 400, [], []),
    ("view unknown file", q(view="/etc/passwd", speech=1), "GET", 404, [], ["root:"]),
    ("view long file", q(view="a" * 2000, speech=1), "GET", 400, [], []),
    ("like unknown passage", q(like="corpus/nope.txt", at=1), "GET", 404, [], []),
    ("like without at", q(like="corpus/x.txt"), "GET", 400, [], []),
    ("like bad at", q(like="corpus/x.txt", at="-1"), "GET", 400, [], []),
    ("like huge at", q(like="corpus/x.txt", at="9" * 30), "GET", 400, [], []),
    ("like with a query", q(like="corpus/x.txt", at=1, q=FA), "GET", 400, [], []),
    ("like with a filter", q(like="corpus/x.txt", at=1, region="河南"), "GET", 400, [], []),
    ("POST", q(q=FA), "POST", 405, [], []),
    ("PUT", "", "PUT", 405, [], []),
    ("DELETE", "", "DELETE", 405, [], []),
    ("OPTIONS", "", "OPTIONS", 405, [], []),
]

XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
       "'><svg onload=alert(1)>"]
PARAMS = ["q", "region", "year", "kind", "page", "n", "db", "format", "view", "speech", "facets",
          "like", "at", "strict"]


def check_headers(name, status, h, body, method="GET"):
    ctype = h.get("content-type", "")
    check(ctype in ("text/html; charset=utf-8", "application/json; charset=utf-8"),
          f"{name}: content type with charset", ctype)
    csp = h.get("content-security-policy", "")
    check("default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp,
          f"{name}: CSP without scripts", csp)
    check(h.get("x-content-type-options") == "nosniff", f"{name}: nosniff")
    check(h.get("referrer-policy") == "no-referrer", f"{name}: referrer policy")
    if method != "HEAD":
        check(h.get("content-length") == str(len(body)), f"{name}: content length",
              f"{h.get('content-length')} vs {len(body)}")
    if status == 405:
        check(h.get("allow") == "GET, HEAD", f"{name}: Allow header")


def no_paths(name, body):
    text = body.decode("utf-8", "replace")
    for p in (TMP, ROOT, "/etc/", "/usr/", "/tmp/"):
        if p in text:
            check(False, f"{name}: the page shows no file system path", p)
            return
    check(True, name)


def run_cases():
    for name, qs, method, want, has, hasnt in CASES:
        status, h, body = cgi(qs, method)
        check(status == want, f"{name}: status", f"want {want} got {status}")
        check_headers(name, status, h, body, method)
        text = body.decode("utf-8", "replace")
        for s in has:
            check(s in text, f"{name}: has {s!r}")
        for s in hasnt:
            check(s not in text, f"{name}: has no {s!r}")
        if method == "HEAD":
            check(body == b"", f"{name}: no body")
        if status >= 400:
            no_paths(name, body)
            check(text.count("<html") == 1 or method == "HEAD", f"{name}: one whole page")


def run_raw():
    """Bytes a browser would never send, straight in QUERY_STRING."""
    for name, raw in [("raw invalid UTF-8", b"q=\xff\xfe"), ("raw lone continuation", b"q=\x80"),
                      ("raw overlong", b"q=\xc0\xaf"), ("raw control", b"q=a\x01b")]:
        status, h, body = cgi("", raw=raw)
        check(status == 400, f"{name}: 400", str(status))
        no_paths(name, body)


def run_config():
    status, h, body = cgi(q(q=FA), conf=os.path.join(TMP, "missing.conf"))
    check(status == 500, "missing config: 500", str(status))
    no_paths("missing config", body)
    bad = os.path.join(TMP, "bad.conf")
    with open(bad, "w") as f:
        f.write("this is not a config\n")
    status, h, body = cgi(q(q=FA), conf=bad)
    check(status == 500, "bad config: 500", str(status))
    no_paths("bad config", body)


def run_xss():
    for p in PARAMS:
        for probe in XSS:
            params = {"q": FA, p: probe}
            status, h, body = cgi(urllib.parse.urlencode(params))
            text = body.decode("utf-8", "replace")
            check(status in (200, 400, 404), f"xss {p}={probe!r}: an answer", str(status))
            check(probe not in text or ("<" not in probe and '"' not in probe and "'" not in probe),
                  f"xss {p}={probe!r}: not written raw")
            check(not re.search(r"<(script|img|svg onload)[^>]*alert", text),
                  f"xss {p}={probe!r}: no live element")
            check(not re.search(r'href="javascript:', text, re.I),
                  f"xss {p}={probe!r}: no javascript: link")
    status, h, body = cgi(q(q=XSS[0]))
    check(html.escape(XSS[0], quote=True).replace("&#x27;", "&#39;") in body.decode(),
          "xss: the query shows escaped")


def hrefs(text, cls=None):
    return [html.unescape(m) for m in re.findall(r'href="(search\?[^"]*)"', text)]


def get(href):
    return cgi(href.split("?", 1)[1].split("#", 1)[0])


def run_flow():
    """Follows links as a reader would: facet, remove, next page, reading view."""
    status, h, body = cgi(q(q=FA))
    text = body.decode()
    region_links = [u for u in hrefs(text) if "region=" in u and "view=" not in u]
    check(bool(region_links), "flow: region facet links")
    if region_links:
        status, h, body = get(region_links[0])
        t2 = body.decode()
        check(status == 200 and 'class="remove"' in t2, "flow: facet adds the filter")
        removes = re.findall(r'<a class="remove" href="([^"]*)"', t2)
        if check(bool(removes), "flow: a link removes the filter"):
            status, h, body = get(html.unescape(removes[0]))
            check(status == 200 and "region=" not in body.decode().split('id="facet-region"')[0]
                  and '<ul class="active">' not in body.decode(), "flow: the filter is gone")
    views = [u for u in hrefs(text) if "view=" in u]
    check(len(views) == 10, "flow: each hit links to its speech", str(len(views)))
    if views:
        href = views[0]
        frag = href.split("#", 1)[1] if "#" in href else ""
        status, h, body = get(href)
        t3 = body.decode()
        check(status == 200, "view: 200", str(status))
        m = re.search(r'<(span|h2) id="%s"[^>]*>(.*?)</\1>' % re.escape(frag), t3,
                      re.S)  # a passage opened by its heading line holds a line break
        check(bool(frag) and m is not None, "view: the passage's #fragment is there", frag)
        check(m is not None and "<mark>" in m.group(2), "view: the passage is highlighted")
        check(t3.count('class="match"') >= 2, "view: other hits of the speech marked too")
        check('rel="next"' in t3 or 'rel="prev"' in t3, "view: previous/next speech")
        ids = [int(x) for x in re.findall(r' id="p(\d+)"', t3)]
        check(len(ids) > 1 and ids == sorted(ids) and len(set(ids)) == len(ids),
              "view: the speech's passages in file order, each once")
        status, h, body = get(href.replace("&q=", "&x=").split("#")[0])
        check(status == 200 and "<mark>" not in body.decode() and 'class="match"' not in body.decode()
              and len(re.findall(r' id="p\d+"', body.decode())) == len(ids),
              "view without a query: the same passages, nothing marked")
        nxt = re.findall(r'rel="next" class="next" href="([^"]*)"', t3)
        if nxt:
            status, h, body = get(html.unescape(nxt[0]))
            check(status == 200 and 'rel="prev"' in body.decode(), "view: next speech links back")
    likes = re.findall(r'<a class="like" href="([^"]*)"', text)
    check(len(likes) == 10, "flow: each hit links to passages like it", str(len(likes)))
    if likes:
        href = html.unescape(likes[0])
        status, h, body = get(href)
        t4 = body.decode()
        file_at = urllib.parse.parse_qs(href.split("?", 1)[1])
        first = re.search(r'<p class="src">([^<]*):(\d+)–', t4)
        check(status == 200 and 'class="hit"' in t4, "like: passages like it", str(status))
        check(first is not None and (first.group(1), first.group(2)) !=
              (file_at["like"][0], file_at["at"][0]), "like: the passage itself is left out")
        status, h, body = get(href + "&format=json")
        p = subprocess.run([os.path.join(BIN, "speech-query"), "-d", os.path.join(TMP, "demo-index"),
                            "--json", "--like", f'{file_at["like"][0]}:{file_at["at"][0]}'],
                           capture_output=True, cwd=ROOT)
        check(json.loads(body) == json.loads(p.stdout), "like: JSON as speech-query --like's")
    nextp = re.findall(r'rel="next" href="([^"]*)"', text)
    if check(bool(nextp), "flow: next page link"):
        status, h, body = get(html.unescape(nextp[0]))
        check('<li class="hit" value="11"' in body.decode(), "flow: page 2 starts at rank 11")


def run_json_errors():
    for name, qs, want in [("json page 0", q(q=FA, format="json", page=0), 400),
                           ("json unknown db", q(q=FA, format="json", db="nope"), 404),
                           ("json past the results", q(q=FA, format="json", page=40), 404),
                           ("json unknown region", q(q=FA, format="json", region="火星"), 400),
                           ("json bad escape", "format=json&q=%E5%8", 400)]:
        status, h, body = cgi(qs)
        check(status == want, f"{name}: status", f"want {want} got {status}")
        check(h.get("content-type") == "application/json; charset=utf-8", f"{name}: JSON")
        try:
            obj = json.loads(body)
        except ValueError:
            obj = None
        check(isinstance(obj, dict) and obj.get("status") == want and obj.get("error"),
              f"{name}: an error object", body[:200])
        no_paths(name, body)


def run_json():
    status, h, body = cgi(q(q=FA, format="json", n=5, page=2))
    got = json.loads(body)
    p = subprocess.run([os.path.join(BIN, "speech-query"), "-d", os.path.join(TMP, "demo-index"),
                        "--json", "-n", "5", "--offset", "5", FA], capture_output=True, cwd=ROOT)
    want = json.loads(p.stdout)
    check(got == want, "json: the same object as speech-query --json")
    status, h, body = cgi(q(q=FA, region="河南", format="json", facets=1))
    got = json.loads(body)
    p = subprocess.run([os.path.join(BIN, "speech-query"), "-d", os.path.join(TMP, "demo-index"),
                        "--json", "--facets", "--region", "河南", FA], capture_output=True, cwd=ROOT)
    check(got == json.loads(p.stdout), "json: filters and facets as speech-query's")


def main():
    global TMP, CONF
    if not os.access(CGI, os.X_OK):
        print(f"no {CGI}: run make")
        print("0 passed, 1 failed")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        TMP = tmp
        _, CONF = make_index(BIN, tmp)
        run_cases()
        run_raw()
        run_config()
        run_xss()
        run_flow()
        run_json()
        run_json_errors()
    return check.report()


if __name__ == "__main__":
    sys.exit(main())
