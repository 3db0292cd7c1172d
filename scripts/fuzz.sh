#!/usr/bin/env bash
# fuzz.sh -- run the libFuzzer targets of tests/fuzz/ (the Makefile's `fuzz` and
# `fuzz-smoke` targets call this after building them).
#
#   scripts/fuzz.sh BINDIR WORKDIR TARGET...     FUZZ_TIME=seconds per target (default 60)
#
# For each TARGET (compile, exec, numparse): first replay every regression input in
# tests/fuzz/regress/TARGET/ (inputs that once crashed: each must now run clean), then
# fuzz for FUZZ_TIME seconds with the corpus WORKDIR/fuzz-corpus/TARGET, seeded from
# tests/golden/**/*.py (compile, exec) or tests/fuzz/seeds/TARGET/.  A crash, a sanitizer
# report, a leak or a hang (> 60 s on one input) stops the run with a non-zero status and
# leaves the input in WORKDIR/fuzz-artifacts/.
set -u
bindir=$1 work=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
time=${FUZZ_TIME:-60}
status=0
mkdir -p "$work/fuzz-artifacts"
for t in "$@"; do
    bin=$bindir/fuzz_$t
    corpus=$work/fuzz-corpus/$t
    mkdir -p "$corpus"
    regress=$root/tests/fuzz/regress/$t
    if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
        echo "  FUZZ    $t: replaying $(ls "$regress" | wc -l) regression inputs"
        if ! "$bin" -rss_limit_mb=4096 -timeout=20 "$regress"/* > "$work/fuzz-$t.log" 2>&1; then
            tail -30 "$work/fuzz-$t.log"
            echo "FAIL fuzz $t: a regression input fails again"
            status=1
            continue
        fi
    fi
    seeds=$root/tests/fuzz/seeds/$t
    if [ "$t" != numparse ]; then
        seeds=$work/fuzz-seeds-golden
        if [ ! -d "$seeds" ]; then
            mkdir -p "$seeds"
            find "$root/tests/golden" -name '*.py' -exec cp {} "$seeds/" \;
        fi
    fi
    echo "  FUZZ    $t: ${time}s"
    if ! "$bin" -max_total_time="$time" -timeout=60 -rss_limit_mb=4096 -max_len=8192 \
            -print_final_stats=1 -artifact_prefix="$work/fuzz-artifacts/$t-" \
            "$corpus" "$seeds" > "$work/fuzz-$t.log" 2>&1; then
        tail -40 "$work/fuzz-$t.log"
        echo "FAIL fuzz $t: see $work/fuzz-artifacts/"
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" "$work/fuzz-$t.log" | tail -2
    fi
done
exit $status
