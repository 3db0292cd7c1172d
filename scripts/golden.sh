#!/usr/bin/env bash
# golden.sh -- golden script tests.
#
#   scripts/golden.sh run INTERP [FILE.py ...]   run tests (default: tests/golden/**/*.py)
#   scripts/golden.sh regen [FILE.py ...]        (re)generate expected files with python3
#
# A test is NAME.py with NAME.out (exact stdout) and, when the script writes to stderr (an
# uncaught exception, a warning), NAME.err: the last line of stderr ("Type: message"); and
# NAME.rc when the exit status is not the default (1 with a .err, 0 without).  A test with
# no .err must leave stderr empty.  repl_*.py files run as `INTERP -i -q < NAME.py`
# (prompts and tracebacks on stderr are not compared).  Every file runs in its own directory
# with a 10 s limit.  Expected files are always produced by python3 (CPython 3.11), never
# typed by hand.  JOBS=N sets the parallelism (default: number of CPUs).
set -u
mode=${1:-}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)

list_files() {
    if [ $# -gt 0 ]; then printf '%s\n' "$@"; else find "$root/tests/golden" -name '*.py' | sort; fi
}

last_line() { awk 'NF { l = $0 } END { print l }' "$1"; }

run_one() { # INTERP FILE -> prints "FAIL file: reason" or nothing
    local interp=$1 f=$2 dir base tmp rc exp_rc
    dir=$(dirname "$f"); base=$(basename "$f" .py)
    tmp=$(mktemp -d)
    if [[ $base == repl_* ]]; then
        (cd "$dir" && timeout -k 2 10 "$interp" -i -q < "$base.py" > "$tmp/out" 2> "$tmp/err")
    else
        (cd "$dir" && timeout -k 2 10 "$interp" "$base.py" < /dev/null > "$tmp/out" 2> "$tmp/err")
    fi
    rc=$?
    local why=""
    if [ -f "$dir/$base.rc" ]; then exp_rc=$(cat "$dir/$base.rc")
    elif [ -f "$dir/$base.err" ] && [[ $base != repl_* ]]; then exp_rc=1
    else exp_rc=0; fi
    if ! cmp -s "$dir/$base.out" "$tmp/out"; then
        why="stdout differs: $(diff "$dir/$base.out" "$tmp/out" | head -3 | tr '\n' ' ')"
    elif [ "$rc" != "$exp_rc" ]; then
        why="exit status $rc, expected $exp_rc; stderr: $(tail -1 "$tmp/err")"
    elif [ -f "$dir/$base.err" ]; then
        if [ "$(last_line "$dir/$base.err")" != "$(last_line "$tmp/err")" ]; then
            why="stderr last line: expected '$(last_line "$dir/$base.err")', got '$(last_line "$tmp/err")'"
        fi
    elif [[ $base != repl_* ]] && [ -s "$tmp/err" ]; then
        why="unexpected stderr: $(head -c 300 "$tmp/err" | tr '\n' ' ')"
    fi
    rm -rf "$tmp"
    [ -n "$why" ] && echo "FAIL ${f#$root/}: $why"
    return 0
}

regen_one() { # FILE
    local f=$1 dir base rc
    dir=$(dirname "$f"); base=$(basename "$f" .py)
    if [[ $base == repl_* ]]; then
        (cd "$dir" && timeout 20 python3 -i -q < "$base.py" > "$base.out" 2> "$base.stderr.tmp")
        rc=$?
        rm -f "$dir/$base.err"
    else
        (cd "$dir" && timeout 20 python3 "$base.py" < /dev/null > "$base.out" 2> "$base.stderr.tmp")
        rc=$?
        if [ -s "$dir/$base.stderr.tmp" ]; then
            last_line "$dir/$base.stderr.tmp" > "$dir/$base.err"
        else
            rm -f "$dir/$base.err"
        fi
    fi
    rm -f "$dir/$base.rc"
    local dflt=0
    [ -f "$dir/$base.err" ] && dflt=1
    [ "$rc" != "$dflt" ] && echo "$rc" > "$dir/$base.rc"
    rm -f "$dir/$base.stderr.tmp"
}

export -f run_one regen_one last_line
export root
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

case $mode in
run)
    interp=${1:?usage: golden.sh run INTERP [FILE...]}
    shift
    interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp")
    total=$(list_files "$@" | wc -l)
    fails=$(list_files "$@" | xargs -P "$jobs" -I{} bash -c 'run_one "$0" "$1"' "$interp" {})
    nfail=0
    if [ -n "$fails" ]; then
        echo "$fails" | sort
        nfail=$(echo "$fails" | wc -l)
    fi
    echo "golden: $((total - nfail)) passed, $nfail failed"
    [ "$nfail" = 0 ]
    ;;
regen)
    command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
    python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' ||
        { echo "regen needs CPython 3.11 as python3" >&2; exit 2; }
    list_files "$@" | xargs -P "$jobs" -I{} bash -c 'regen_one "$1"' _ {}
    ;;
*)
    echo "usage: $0 run INTERP [FILE...] | regen [FILE...]" >&2
    exit 2
    ;;
esac
