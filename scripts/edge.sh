#!/usr/bin/env bash
# edge.sh -- hardening tests that golden files cannot express (CPython crashes on them,
# or they need an environment, generated input or a time limit).
#
#   scripts/edge.sh INTERP
#
# Each check prints "FAIL name: why" when it fails; the last line is "edge: N passed,
# N failed".  A run killed by a signal, a sanitizer report or a leak report always fails.
#   tests/edge/*.py   each must exit 0 with every output line saying what it expects
#                     (RecursionError/MemoryError/"refused"/"freed"...), within 60 s;
#                     huge.py runs under -X heaplimit=32M; cause_chain.py must exit 1
#                     with "ValueError: 9999" as its last line
#   10 MB of source   compiles and runs
#   bad UTF-8 file    same last stderr line as python3 (when python3 is CPython 3.11)
#   PYTHONHASHSEED    hash() of str/bytes equals python3's for fixed seeds; random without
set -u
interp=${1:?usage: edge.sh INTERP}
interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $1: $2"; fail=$((fail + 1)); }
clean_stderr() { ! grep -q "Sanitizer\|runtime error:\|leakcheck:" "$1"; }
have_cpython=0
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null && have_cpython=1

run() { # NAME EXPECTED_RC PATTERN_EVERY_LINE ARGS...
    local name=$1 want=$2 pat=$3
    shift 3
    (cd "$root/tests/edge" && timeout -k 2 60 "$interp" -X leakcheck "$@" \
        > "$tmp/out" 2> "$tmp/err" < /dev/null)
    local rc=$?
    if [ "$rc" != "$want" ]; then
        bad "$name" "exit status $rc, expected $want: $(tail -c 300 "$tmp/err" | tr '\n' ' ')"
    elif ! clean_stderr "$tmp/err"; then
        bad "$name" "$(grep -m1 "Sanitizer\|runtime error:\|leakcheck:" "$tmp/err")"
    elif [ -n "$pat" ] && grep -qv -E "$pat" "$tmp/out"; then
        bad "$name" "unexpected line: $(grep -m1 -v -E "$pat" "$tmp/out")"
    else
        ok
    fi
}

run dealloc_million 0 ' freed$' dealloc_million.py
run deep_unlimited 0 ' (RecursionError|MemoryError)$' deep_unlimited.py
run parser_unary 0 ' refused$' parser_unary.py
run huge 0 ' (MemoryError|OverflowError)$|^still alive 1000$' -X heaplimit=32M huge.py
f0=$fail
run cause_chain 1 '' cause_chain.py
if [ "$fail" = "$f0" ] && [ "$(awk 'NF { l = $0 } END { print l }' "$tmp/err")" != "ValueError: 9999" ]; then
    pass=$((pass - 1))
    bad cause_chain "last stderr line: $(tail -1 "$tmp/err")"
fi

# 10 MB of source: 250000 statements and a 2 MB string literal
python3 - "$tmp/big.py" <<'PY' 2>/dev/null || awk 'BEGIN { for (i = 0; i < 250000; i++) printf "x%d = %d + 1\n", i % 1000, i; print "print(x999)" }' > "$tmp/big.py"
import sys
with open(sys.argv[1], "w") as f:
    for i in range(250000):
        f.write("x%d = %d + 1\n" % (i % 1000, i))
    f.write("s = '" + "y" * 2000000 + "'\nprint(x999, len(s))\n")
PY
(cd "$tmp" && timeout -k 2 60 "$interp" -X leakcheck big.py > "$tmp/out" 2> "$tmp/err")
rc=$?
if [ "$rc" != 0 ] || ! clean_stderr "$tmp/err" || ! grep -q '^250000' "$tmp/out"; then
    bad big_source "exit status $rc, output $(head -c 100 "$tmp/out"), $(tail -c 200 "$tmp/err")"
else
    ok
fi

# invalid UTF-8 in a source file: CPython's SyntaxError text
printf "x = 1\ny = '\xff'\n" > "$tmp/badutf8.py"
if [ $have_cpython = 1 ]; then
    exp=$(cd "$tmp" && python3 badutf8.py 2>&1 | tail -1)
    got=$(cd "$tmp" && "$interp" badutf8.py 2>&1 | tail -1)
    [ "$exp" = "$got" ] && ok || bad bad_utf8 "expected '$exp', got '$got'"
fi

# string hashing: SipHash keyed by PYTHONHASHSEED exactly as CPython; random by default
cat > "$tmp/hs.py" <<'PY'
for s in ["", "a", "abc", "hello world", "\xe9", "\u65e5\u672c\u8a9e", "\U0001F600", "x" * 100]:
    print(hash(s), hash(s.encode("utf-8")))
print(hash(frozenset({"a", "b"})), hash(("a", 1)), {"b": 1, "a": 2, "c": 3}.keys() == {"a", "b", "c"})
PY
if [ $have_cpython = 1 ]; then
    for seed in 0 1 4242; do
        if diff <(PYTHONHASHSEED=$seed python3 "$tmp/hs.py") \
                <(PYTHONHASHSEED=$seed "$interp" "$tmp/hs.py") > /dev/null; then
            ok
        else
            bad "hashseed_$seed" "hash() differs from CPython's with PYTHONHASHSEED=$seed"
        fi
    done
fi
a=$(env -u PYTHONHASHSEED "$interp" -c 'print(hash("abc"), hash(b"abc"))')
b=$(env -u PYTHONHASHSEED "$interp" -c 'print(hash("abc"), hash(b"abc"))')
[ "$a" != "$b" ] && ok || bad hash_random "two runs gave the same hash('abc') without PYTHONHASHSEED"

echo "edge: $pass passed, $fail failed"
[ "$fail" = 0 ]
