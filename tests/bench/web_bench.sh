#!/bin/sh
# web_bench.sh: the web page under load, for `make bench` (issue 7).
#
# Serves the demo index (build/demo-index, corpus/) with lighttpd on a free
# loopback port, first with speech-search.cgi as a plain CGI (one process
# per request), then as FastCGI (query/web/serve.sh), and runs wrk against
# each: 8 connections, WEB_BENCH_SECONDS (default 30) seconds, requests
# cycling through the query mix tests/bench/queries.txt (each query one
# result page with facets and charts, as a browser asks for it).  Prints
# requests/s, p50 and p99 latency, errors and non-2xx answers; fails when
# any request errs or is not 2xx.  Then times one CGI page the way Omega's
# was timed: from starting the process to the last byte of its output
# (WEB_BENCH_PAGES runs, default 200, over the same mix), median and p90.
# Targets (this machine, demo index): one CGI page <= 10 ms median,
# FastCGI >= 5x the CGI's requests/s.  Figures go to build/bench/web.json.
set -e
cd "$(dirname "$0")/../.."
SECONDS_=${WEB_BENCH_SECONDS:-30}
PAGES=${WEB_BENCH_PAGES:-200}
BIN=${BIN:-bin}
OUT=build/bench/web
for tool in wrk lighttpd; do
    command -v $tool >/dev/null || { echo "web_bench: $tool is missing (make deps)"; exit 1; }
done
[ -x "$BIN/speech-search.cgi" ] || make all
make -s build/demo-index/XAPIANDB
rm -rf "$OUT"
mkdir -p "$OUT"
cat > "$OUT/speech-search.conf" <<CONF
demo = $(pwd)/build/demo-index
CONF
exec python3 - "$BIN" "$OUT" "$SECONDS_" "$PAGES" <<'PY'
import json, os, re, signal, socket, statistics, subprocess, sys, time, urllib.parse
bindir, out, seconds, pages = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cgi = os.path.abspath(os.path.join(bindir, "speech-search.cgi"))
conf = os.path.abspath(os.path.join(out, "speech-search.conf"))
queries = [l.strip() for l in open("tests/bench/queries.txt", encoding="utf-8")
           if l.strip() and not l.startswith("#")]
paths = ["/search?" + urllib.parse.urlencode({"q": q}) for q in queries]
lua = os.path.join(out, "mix.lua")
with open(lua, "w") as f:
    f.write("local paths = {%s}\nlocal i = 0\nrequest = function()\n"
            "  i = i %% #paths + 1\n  return wrk.format('GET', paths[i])\nend\n"
            % ", ".join('"%s"' % p for p in paths))

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def serve(mode):
    port = free_port()
    p = subprocess.Popen(["sh", "query/web/serve.sh", str(port), mode, cgi, conf,
                          os.path.join(out, "state-" + mode)], stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return p, port
        except OSError:
            time.sleep(0.05)
    p.kill()
    sys.exit("web_bench: lighttpd did not start")

def ms(v, unit):
    return float(v) * {"us": 1e-3, "ms": 1, "s": 1e3}[unit]

def wrk(mode):
    p, port = serve(mode)
    try:
        base = f"http://127.0.0.1:{port}"
        for path in paths:  # warm up (FastCGI workers open the index), check every page
            r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", base + path],
                               capture_output=True, text=True)
            if r.stdout != "200":
                sys.exit(f"web_bench: {mode} {path} answered {r.stdout}")
        r = subprocess.run(["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", "-s", lua, base],
                           capture_output=True, text=True)
    finally:
        p.send_signal(signal.SIGINT)
        p.wait()
    txt = r.stdout
    open(os.path.join(out, f"wrk-{mode}.txt"), "w").write(txt)
    res = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", txt).group(1)),
           "requests": int(re.search(r"(\d+) requests in", txt).group(1))}
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)", txt, re.M)
        res[f"p{pct}_ms"] = ms(*m.groups())
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", txt)
    res["errors"] = sum(map(int, m.groups())) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", txt)
    res["non_2xx"] = int(m.group(1)) if m else 0
    return res

def one_page():
    env = dict(os.environ, SPEECH_SEARCH_CONFIG=conf, REQUEST_METHOD="GET")
    times = []
    for i in range(pages):
        env["QUERY_STRING"] = paths[i % len(paths)].split("?", 1)[1]
        t0 = time.perf_counter()
        p = subprocess.Popen([cgi], env=env, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        body = p.stdout.read()
        t1 = time.perf_counter()
        p.wait()
        if p.returncode or not body.startswith(b"Status: 200"):
            sys.exit(f"web_bench: CGI page failed for {env['QUERY_STRING']}")
        times.append((t1 - t0) * 1e3)
    times.sort()
    return {"median_ms": statistics.median(times), "p90_ms": times[int(len(times) * 0.9)],
            "pages": len(times)}

res = {"date": time.strftime("%Y-%m-%d"), "queries": len(paths), "seconds": seconds,
       "connections": 8, "cgi": wrk("cgi"), "fastcgi": wrk("fastcgi"), "cgi_page": one_page()}
res["fastcgi_over_cgi"] = res["fastcgi"]["requests_per_s"] / max(res["cgi"]["requests_per_s"], 1e-9)
json.dump(res, open("build/bench/web.json", "w"), indent=1)
print(f"\nweb page under lighttpd, demo index, {len(paths)} queries, wrk 8 connections {seconds} s")
print(f"{'':9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'non-2xx':>8}")
for mode in ("cgi", "fastcgi"):
    r = res[mode]
    print(f"{mode:9} {r['requests_per_s']:8.1f} {r['p50_ms']:8.2f} {r['p99_ms']:8.2f} "
          f"{r['errors']:7d} {r['non_2xx']:8d}")
c = res["cgi_page"]
print(f"one CGI page, process start to last byte: median {c['median_ms']:.2f} ms, "
      f"p90 {c['p90_ms']:.2f} ms ({c['pages']} pages)")
ok = all(res[m]["errors"] == 0 and res[m]["non_2xx"] == 0 for m in ("cgi", "fastcgi"))
print(("target met" if c["median_ms"] <= 10 else "target NOT met") + ": one CGI page <= 10 ms median")
print(("target met" if res["fastcgi_over_cgi"] >= 5 else "target NOT met") +
      f": FastCGI >= 5x CGI requests/s ({res['fastcgi_over_cgi']:.1f}x)")
print("zero errors and zero non-2xx" if ok else "ERRORS or non-2xx answers: see build/bench/web/")
sys.exit(0 if ok else 1)
PY
