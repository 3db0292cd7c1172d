#!/usr/bin/env bash
# bench_check.sh -- correctness (not speed) of the shared benchmark programs.
#
#   scripts/bench_check.sh INTERP BENCH_DIR
#
# Runs every BENCH_DIR/NAME.py that has a NAME.expected at its default size and requires
# its output to be exactly that line (the checksum CPython 3.11 prints), plus empty.py to
# print nothing; all with -X leakcheck.  No timing is checked (the machines are noisy);
# speed is measured by `make bench`.  Two programs run at a time.
set -u
interp=${1:?usage: bench_check.sh INTERP BENCH_DIR}
dir=${2:?usage: bench_check.sh INTERP BENCH_DIR}
interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp")
dir=$(cd "$dir" && pwd)
one() {
    local name=$1 out
    out=$(cd "$dir" && timeout 120 "$interp" -X leakcheck "$name.py" 2>&1)
    local rc=$?
    if [ "$name" = empty ]; then
        [ $rc = 0 ] && [ -z "$out" ] && echo "ok $name" || echo "FAIL $name: rc $rc: ${out:0:200}"
    elif [ $rc = 0 ] && [ "$out" = "$(cat "$dir/$name.expected")" ]; then
        echo "ok $name"
    else
        echo "FAIL $name: rc $rc, expected '$(cat "$dir/$name.expected")', got '${out:0:200}'"
    fi
}
export -f one
export interp dir
names=$(cd "$dir" && ls *.expected | sed 's/\.expected$//'; [ -f "$dir/empty.py" ] && echo empty)
res=$(printf '%s\n' $names | xargs -P 2 -I{} bash -c 'one {}')
echo "$res" | grep -v '^ok' || true
nfail=$(echo "$res" | grep -c '^FAIL')
echo "bench-check: $(($(echo "$res" | wc -l) - nfail)) programs print their expected line, $nfail failed"
[ "$nfail" = 0 ]
