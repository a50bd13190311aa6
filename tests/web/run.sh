#!/bin/sh
# The web page's tests on the normal and the ASan/UBSan builds: the CGI
# through the environment (test_cgi.py) and lighttpd over HTTP, as CGI and
# FastCGI (test_lighttpd.py).  Ends with the sum as "N passed, N failed".
# (The browser test, test_browser.py, is run on its own by tests/run.sh.)
cd "$(dirname "$0")/../.." || exit 2
passed=0
failed=0
for bin in bin build/san/bin; do
    for t in test_cgi test_lighttpd; do
        out=$(python3 "tests/web/$t.py" "$bin" 2>&1)
        status=$?
        line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
        p=$(echo "$line" | cut -d' ' -f1)
        f=$(echo "$line" | cut -d' ' -f3)
        [ -n "$line" ] || { p=0; f=1; }
        [ $status -ne 0 ] && [ "$f" = 0 ] && f=1
        echo "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed' | sed "s|^|$t $bin: |"
        echo "$t $bin: $p passed, $f failed"
        passed=$((passed + p))
        failed=$((failed + f))
    done
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
