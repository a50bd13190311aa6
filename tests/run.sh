#!/bin/sh
# The test runner behind `make test`: unit tests and end-to-end tests, on
# the normal build and on the ASan/UBSan build.  Each test program prints
# "N passed, N failed"; this adds them up and ends with the same line.
cd "$(dirname "$0")/.." || exit 2
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}
mkdir -p tests/out
passed=0
failed=0
crashed=""

run() { # name, command...
    name=$1
    shift
    log=tests/out/$(echo "$name" | tr '/ ' '__').log
    "$@" >"$log" 2>&1
    status=$?
    line=$(grep -E '^([A-Za-z0-9_./-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    [ -n "$line" ] || { p=0; f=1; }
    if [ $status -ne 0 ] && [ "$f" = 0 ]; then
        f=1 # exited non-zero without saying why: count it
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" != 0 ]; then
        echo "FAIL $name ($p passed, $f failed, exit $status): see $log"
        grep -E '^FAIL|ERROR|Sanitizer|runtime error' "$log" | head -n 20
        crashed="$crashed $name"
    else
        echo "ok   $name ($p passed)"
    fi
}

for flavour in rel san; do
    for t in build/$flavour/tests/test_*; do
        case $t in *.o) continue ;; esac
        [ -x "$t" ] && run "$flavour/$(basename "$t")" "$t"
    done
done
run "rel/e2e" python3 tests/e2e/test_cli.py bin
run "san/e2e" python3 tests/e2e/test_cli.py build/san/bin
run "rel/e2e-partial" python3 tests/e2e/test_partial.py bin
run "san/e2e-partial" python3 tests/e2e/test_partial.py build/san/bin
run "rel/reliability" python3 tests/e2e/test_reliability.py bin
run "san/reliability" python3 tests/e2e/test_reliability.py build/san/bin
run "rel/e2e-tool" python3 tests/e2e/test_tool.py bin
run "san/e2e-tool" python3 tests/e2e/test_tool.py build/san/bin
run "rel/e2e-regions" python3 tests/e2e/test_regions.py bin
run "san/e2e-regions" python3 tests/e2e/test_regions.py build/san/bin
run "rel/e2e-readings" python3 tests/e2e/test_readings.py bin
run "san/e2e-readings" python3 tests/e2e/test_readings.py build/san/bin
run "tools/glossary" python3 tests/e2e/test_glossary.py
run "rel/e2e-placesplit" python3 tests/e2e/test_placesplit.py bin
run "san/e2e-placesplit" python3 tests/e2e/test_placesplit.py build/san/bin
run "eval/sets" python3 tests/eval/test_sets.py
run "web/cgi+lighttpd" sh tests/web/run.sh
run "web/browser" python3 tests/web/test_browser.py bin
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
