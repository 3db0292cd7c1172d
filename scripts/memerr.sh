#!/usr/bin/env bash
# memerr.sh -- allocation-failure injection test (after Lua's testes/memerr.lua).
#
#   scripts/memerr.sh INTERP [PROGRAM.py ...]     (default: tests/memerr/*.py)
#
# Runs each program under `-X leakcheck -X heap-fail-after=N` for N = 1, 2, 3, ... until
# the program makes fewer than N allocations (pyheap then says so on stderr), and
# requires every run to end either with MemoryError (last stderr line "MemoryError...",
# exit status 1) or cleanly (exit 0).  A crash, a sanitizer report, an assertion, another
# exception, a leak (exit 3) or a hang (10 s) is a failure, reported with its N.  The
# final run, where no allocation failed, must print exactly what the program prints
# without injection.  STEP=k tests only N = OFFSET, OFFSET+k, ... (quicker; `make test`
# uses a stride), OFFSET defaults to 1; MAXN caps N (default 100000).
# The programs run in parallel (JOBS, default: number of CPUs).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" != --one ]; then
    interp=${1:?usage: memerr.sh INTERP [PROGRAM.py ...]}
    shift
    interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp")
    [ $# -gt 0 ] || set -- "$root"/tests/memerr/*.py
    out=$(printf '%s\n' "$@" | xargs -P "${JOBS:-$(nproc 2>/dev/null || echo 2)}" -I{} \
          "$0" --one "$interp" {})
    echo "$out" | sort
    nfail=$(echo "$out" | grep -c '^FAIL')
    echo "memerr: $(($# - nfail)) passed, $nfail failed"
    [ "$nfail" = 0 ]
    exit
fi
interp=$2 prog=$3
step=${STEP:-1}
offset=${OFFSET:-1}
maxn=${MAXN:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    name=${prog#$root/}
    (cd "$(dirname "$prog")" && timeout 10 "$interp" "$(basename "$prog")" > "$tmp/ref" 2>&1)
    if [ $? != 0 ]; then
        echo "FAIL $name: does not run cleanly without injection"
        exit 0
    fi
    n=$offset ok=1 runs=0
    while [ "$n" -le "$maxn" ]; do
        (cd "$(dirname "$prog")" &&
         timeout -k 2 10 "$interp" -X leakcheck -X heap-fail-after=$n "$(basename "$prog")" \
            < /dev/null > "$tmp/out" 2> "$tmp/err")
        rc=$?
        runs=$((runs + 1))
        last=$(awk 'NF { l = $0 } END { print l }' "$tmp/err")
        if grep -q -- "-X heap-fail-after: the program made fewer allocations" "$tmp/err"; then
            if [ "$rc" != 0 ] || ! cmp -s "$tmp/ref" "$tmp/out"; then
                echo "FAIL $name: N=$n: no allocation failed, yet the run differs (status $rc)"
                ok=0
            fi
            break
        fi
        if [ "$rc" = 1 ] && [[ $last == MemoryError* ]]; then
            :
        elif [ "$rc" = 0 ] && ! grep -q "Sanitizer\|runtime error" "$tmp/err"; then
            :
        else
            echo "FAIL $name: N=$n: exit status $rc; stderr: $(tail -c 600 "$tmp/err" | tr '\n' ' ')"
            ok=0
            break
        fi
        n=$((n + step))
    done
    [ "$ok" = 1 ] && echo "  ok   $name ($runs runs, up to N=$n)"
}
