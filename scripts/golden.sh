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
# typed by hand.  JOBS=N sets the parallelism (default: number of CPUs).  LEAKCHECK=1 runs
# every test under `-X leakcheck`: an object or block left at exit makes it fail (exit
# status 3 and the leak report on stderr).
# Optional per-test files: NAME.opts, one line of interpreter options put before NAME.py
# (e.g. `-X heaplimit=64M`; python3 ignores pyheap's -X options, so for the oracle regen
# emulates heaplimit=N with `ulimit -v` N + 64 MiB); NAME.errgrep, extended regexps (grep -E,
# one a line): the stderr lines matching them must equal NAME.errlines, written by regen
# (for the deterministic lines of a report such as sys._debugmallocstats()); such a test may
# write other stderr lines, and has a NAME.err only when it exits with an error.
set -u
# Buffering of the standard streams shows in a test's stdout (sys.stdout.buffer overtakes
# what print() still holds): both interpreters run without PYTHONUNBUFFERED, whatever the
# environment says; a test that wants -u has it in NAME.opts.
unset PYTHONUNBUFFERED
mode=${1:-}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)

# STRESS=1 (the GC-stress build, which collects at every container allocation) skips the
# tests that observe collection moments or generation counts: NAME.nostress says why.
list_files() {
    if [ $# -gt 0 ]; then printf '%s\n' "$@"; else find "$root/tests/golden" -name '*.py' | sort; fi |
        while read -r f; do
            [ "${STRESS:-0}" = 1 ] && [ -f "${f%.py}.nostress" ] && continue
            printf '%s\n' "$f"
        done
}

last_line() { awk 'NF { l = $0 } END { print l }' "$1"; }

run_one() { # INTERP FILE -> prints "FAIL file: reason" or nothing
    local interp=$1 f=$2 dir base tmp rc exp_rc xflags=() opts=()
    dir=$(dirname "$f"); base=$(basename "$f" .py)
    tmp=$(mktemp -d)
    [ "${LEAKCHECK:-0}" = 1 ] && xflags=(-X leakcheck)
    [ -f "$dir/$base.opts" ] && read -r -a opts < "$dir/$base.opts"
    if [[ $base == repl_* ]]; then
        (cd "$dir" && timeout -k 2 10 "$interp" "${xflags[@]}" -i -q < "$base.py" > "$tmp/out" 2> "$tmp/err")
    else
        (cd "$dir" && timeout -k 2 10 "$interp" "${xflags[@]}" "${opts[@]}" "$base.py" < /dev/null > "$tmp/out" 2> "$tmp/err")
    fi
    rc=$?
    local why=""
    if [ -f "$dir/$base.rc" ]; then exp_rc=$(cat "$dir/$base.rc")
    elif [ -f "$dir/$base.err" ] && [[ $base != repl_* ]]; then exp_rc=1
    else exp_rc=0; fi
    if ! cmp -s "$dir/$base.out" "$tmp/out"; then
        why="stdout differs: $(diff "$dir/$base.out" "$tmp/out" | head -3 | tr '\n' ' ')"
    elif [ "$rc" != "$exp_rc" ]; then
        if [ "$rc" = 3 ] && grep -q -- '-X leakcheck:' "$tmp/err"; then
            why="leak: $(grep -A4 -- '-X leakcheck:' "$tmp/err" | tr '\n' ' ' | head -c 400)"
        else
            why="exit status $rc, expected $exp_rc; stderr: $(tail -1 "$tmp/err")"
        fi
    elif [ -f "$dir/$base.errgrep" ] &&
         ! grep -E -f "$dir/$base.errgrep" "$tmp/err" | cmp -s "$dir/$base.errlines" -; then
        why="stderr lines matching $base.errgrep differ: $(grep -E -f "$dir/$base.errgrep" \
             "$tmp/err" | diff "$dir/$base.errlines" - | head -3 | tr '\n' ' ')"
    elif [ -f "$dir/$base.err" ]; then
        if [ "$(last_line "$dir/$base.err")" != "$(last_line "$tmp/err")" ]; then
            why="stderr last line: expected '$(last_line "$dir/$base.err")', got '$(last_line "$tmp/err")'"
        fi
    elif [[ $base != repl_* ]] && [ ! -f "$dir/$base.errgrep" ] && [ -s "$tmp/err" ]; then
        why="unexpected stderr: $(head -c 300 "$tmp/err" | tr '\n' ' ')"
    fi
    rm -rf "$tmp"
    [ -n "$why" ] && echo "FAIL ${f#$root/}: $why"
    return 0
}

regen_one() { # FILE
    local f=$1 dir base rc opts=() vlimit=unlimited
    dir=$(dirname "$f"); base=$(basename "$f" .py)
    if [ -f "$dir/$base.opts" ]; then
        read -r -a opts < "$dir/$base.opts"
        local o n
        for o in "${opts[@]}"; do
            if [[ $o =~ ^heaplimit=([0-9]+)([kKmMgG]?)$ ]]; then
                n=${BASH_REMATCH[1]}
                case ${BASH_REMATCH[2]} in
                k|K) ;; m|M) n=$((n * 1024)) ;; g|G) n=$((n * 1024 * 1024)) ;; *) n=$((n / 1024)) ;;
                esac
                vlimit=$((n + 65536))
            fi
        done
    fi
    if [[ $base == repl_* ]]; then
        (cd "$dir" && timeout 20 python3 -i -q < "$base.py" > "$base.out" 2> "$base.stderr.tmp")
        rc=$?
        rm -f "$dir/$base.err"
        if [ -f "$dir/$base.errgrep" ]; then
            grep -E -f "$dir/$base.errgrep" "$dir/$base.stderr.tmp" > "$dir/$base.errlines"
        fi
    else
        (cd "$dir" && ulimit -v "$vlimit" && timeout 20 python3 "${opts[@]}" "$base.py" < /dev/null \
            > "$base.out" 2> "$base.stderr.tmp")
        rc=$?
        if [ -f "$dir/$base.errgrep" ]; then
            grep -E -f "$dir/$base.errgrep" "$dir/$base.stderr.tmp" > "$dir/$base.errlines"
        fi
        if [ -s "$dir/$base.stderr.tmp" ] && { [ ! -f "$dir/$base.errgrep" ] || [ "$rc" != 0 ]; }; then
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
export root LEAKCHECK
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
