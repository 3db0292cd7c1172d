#!/usr/bin/env bash
# run.sh -- tests of `pyheap --compare-modes`.
#
#   tests/compare/run.sh INTERP
#
# For each tests/compare/NAME.py:
#   1. `INTERP --compare-modes NAME.py` must print exactly NAME.expected.  The expected
#      reports are pyheap's own output (CPython has no such option), checked by hand.
#   2. Cross-check with CPython: every print in these files is tagged '@N' with the line
#      whose `is`/id() results it shows, and the files are written so that `python3 -i`
#      can run them.  The lines where `python3 NAME.py` and `python3 -i -q < NAME.py`
#      print different results must be exactly the lines the report lists.  (Skipped when
#      python3 is not CPython 3.11.)
# Prints "compare: N passed, M failed".
set -u
interp=${1:?usage: run.sh INTERP}
case $interp in */*) interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp");; esac
dir=$(cd "$(dirname "$0")" && pwd)
cross=0
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null && cross=1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# tagged results of one run: "N value..." lines, in order, one per print
tags() { sed -n 's/^@\([0-9]*\) /\1 /p'; }

for f in "$dir"/*.py; do
    base=$(basename "$f" .py)
    (cd "$dir" && timeout 60 "$interp" --compare-modes "$base.py") > "$tmp/out" 2>&1
    if ! cmp -s "$tmp/out" "$dir/$base.expected"; then
        echo "FAIL $base: report differs from $base.expected:"
        diff "$dir/$base.expected" "$tmp/out" | head -20
        fail=$((fail + 1))
        continue
    fi
    if [ $cross = 1 ]; then
        (cd "$dir" && python3 "$base.py" 2>/dev/null) | tags > "$tmp/s"
        (cd "$dir" && python3 -i -q < "$base.py" 2>/dev/null) | tags > "$tmp/r"
        # lines whose k-th tagged print differs (prints missing from one run are ignored)
        cpy=$(paste -d'|' "$tmp/s" "$tmp/r" | awk -F'|' '$1 != "" && $2 != "" && $1 != $2 {
                  split($1, a, " "); print a[1] }' | sort -nu | tr '\n' ' ')
        ours=$(sed -n "s/^$base\.py:\([0-9]*\):.*/\1/p" "$tmp/out" | sort -nu | tr '\n' ' ')
        # a line N of the report is shown by the first tagged print at or after it
        want=""
        for n in $ours; do
            t=$(awk -v n="$n" 'NR >= n && /print\(.@[0-9]+/ {
                    match($0, /@[0-9]+/); print substr($0, RSTART + 1, RLENGTH - 1); exit }' "$f")
            want="$want $t"
        done
        want=$(echo $want | tr ' ' '\n' | sort -nu | tr '\n' ' ')
        cpy=$(echo $cpy)
        want=$(echo $want)
        if [ "$cpy" != "$want" ]; then
            echo "FAIL $base: CPython's script and REPL runs differ at tags [$cpy]," \
                 "the report explains tags [$want]"
            fail=$((fail + 1))
            continue
        fi
    fi
    pass=$((pass + 1))
done
echo "compare: $pass passed, $fail failed"
[ $fail = 0 ]
