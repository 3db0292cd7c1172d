#!/usr/bin/env bash
# run.sh -- drive the interactive REPL in a real terminal (tmux) as a person would.
#
#   tests/repl/run.sh INTERP        e.g. tests/repl/run.sh build/release/pyheap
#
# Types into a tmux pane with send-keys and reads the screen with capture-pane, checking:
# the banner, prompts and echo, `_`, continuation lines and the blank line that ends a
# block, Tab (indent at line start, completion of a global and of an attribute), Up-arrow
# history recall, a traceback followed by a working prompt, Ctrl-C at the prompt and
# during execution, exit() / Ctrl-D with status 0, and the history file.  The expected
# screens are CPython 3.11's: `tests/repl/run.sh python3` passes the same checks (the few
# pyheap-only ones -- banner text, four-space indent, ~/.pyheap_history -- are skipped).
# Needs tmux (scripts/deps.sh installs it); prints "repl: N passed, M failed".
set -u
interp=${1:?usage: run.sh INTERP}
command -v tmux >/dev/null || { echo "repl: tmux is not installed (scripts/deps.sh)"; exit 2; }
case $interp in */*) interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp");; esac
pyheap=1
[[ $(basename "$interp") == python* ]] && pyheap=0

work=$(mktemp -d)
sock="$work/tmux.sock"
T() { tmux -S "$sock" "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; echo "---- screen:"; screen | sed 's/^/    /'; echo "----"; }

screen() { T capture-pane -t repl -p -J -S -100 2>/dev/null | sed -e 's/[[:space:]]*$//'; }

# wait_for REGEX [SECONDS]: until the screen has a line matching REGEX (grep -E)
wait_for() {
    local re=$1 t=${2:-5} i
    for ((i = 0; i < t * 20; i++)); do
        screen | grep -Eq -- "$re" && return 0
        sleep 0.05
    done
    return 1
}
# count REGEX: how many screen lines match
count() { screen | grep -Ec -- "$1"; }
# check NAME REGEX [SECONDS]
check() { if wait_for "$2" "${3:-5}"; then ok; else bad "$1: no line matching /$2/"; fi; }
# type TEXT then Enter (literal text: -l)
type_line() { T send-keys -t repl -l -- "$1"; T send-keys -t repl Enter; }
# wait until there are N prompts ">>>" (the one we are at included)
prompts() { wait_for '.' 1; local i; for ((i = 0; i < 100; i++)); do
    [ "$(count '^>>>')" -ge "$1" ] && return 0; sleep 0.05; done; return 1; }

start() {
    T kill-server 2>/dev/null
    local i
    for ((i = 0; i < 40; i++)); do T has-session 2>/dev/null || break; sleep 0.05; done
    sleep 0.2                   # let the old server finish exiting
    rm -f "$work/status"
    # the exit status is written to a file when the interpreter ends
    T new-session -d -s repl -x 120 -y 50 \
        "cd '$work' && env -u PYTHONSTARTUP HOME='$work' TERM=xterm $* ; echo \$? > '$work/status'; sleep 30"
    T set-option -t repl remain-on-exit on >/dev/null
}

# ---------------------------------------------------------------- session 1
start "'$interp'"
if [ $pyheap = 1 ]; then
    check "banner names pyheap" '^pyheap [0-9]'
    check "banner says how to leave" 'exit\(\) or Ctrl-D'
fi
check "first prompt" '^>>> $|^>>>$'

type_line 'x = 257'
type_line 'x'
check "echo of a value" '^257$'
type_line '_ + 1'
check "_ holds the last value" '^258$'
type_line 'None'
prompts 5
if [ "$(count '^None$')" = 0 ]; then ok; else bad "None is not echoed"; fi

# a block: header, Tab-indented body, blank line
type_line 'def f(n):'
check "continuation prompt" '^\.\.\.$|^\.\.\. $'
T send-keys -t repl Tab
T send-keys -t repl -l -- 'return n * 2'
if [ $pyheap = 1 ]; then
    check "Tab at line start indents four spaces" '^\.\.\.     return n \* 2$'
fi
T send-keys -t repl Enter
T send-keys -t repl Enter
type_line 'f(21)'
check "function defined in a block runs" '^42$'

# brackets and triple-quoted strings continue, a backslash too
type_line 'y = [1,'
type_line '     2]'
type_line 'y'
check "open bracket continues the statement" '^\[1, 2\]$'
type_line 's = """a'
type_line 'b"""'
type_line 's'
check "triple-quoted string continues" "^'a\\\\nb'$"
type_line 'z = 1 + \'
type_line '    2'
type_line 'z'
check "backslash continues the line" '^3$'

# history: Up recalls the previous line
T send-keys -t repl Up
T send-keys -t repl Enter
check "Up-arrow recalls the last line" '^3$' 3
sleep 0.2
if [ "$(count '^3$')" -ge 2 ]; then ok; else bad "history recall did not run the line again"; fi

# Tab completion of a global name and of an attribute
type_line 'value_of_interest = 7'
T send-keys -t repl -l -- 'value_of_int'
T send-keys -t repl Tab
T send-keys -t repl Enter
check "Tab completes a global name" '^>>> value_of_interest$'
check "completed name evaluates" '^7$'
T send-keys -t repl -l -- 'x.bit_len'
T send-keys -t repl Tab
T send-keys -t repl Enter
check "Tab completes an attribute" '^>>> x\.bit_length\(\)$'
check "completed call runs" '^9$'

# a traceback, then a prompt that still works
type_line '1/0'
check "traceback header" '^Traceback \(most recent call last\):$'
check "traceback names <stdin>" '^  File "<stdin>", line 1, in <module>$'
check "exception line" '^ZeroDivisionError: division by zero$'
type_line "'still alive'"
check "prompt works after a traceback" "^'still alive'$"

# Ctrl-C at the prompt drops the line
T send-keys -t repl -l -- 'abandoned text'
sleep 0.2
T send-keys -t repl C-c
check "Ctrl-C at the prompt" '^KeyboardInterrupt$'
type_line 'x + 1'
check "prompt works after Ctrl-C" '^258$'

# Ctrl-C while running
type_line 'while True: pass'
T send-keys -t repl Enter
sleep 0.5
T send-keys -t repl C-c
wait_for 'KeyboardInterrupt' 5
if [ "$(count '^KeyboardInterrupt$')" -ge 2 ] && [ "$(count 'Traceback \(most recent call last\):$')" -ge 2 ]; then ok
else bad "Ctrl-C during execution raises KeyboardInterrupt with a traceback"; fi
type_line 'x + 2'
check "prompt works after interrupting a loop" '^259$'

# Ctrl-D leaves with status 0
T send-keys -t repl C-d
for ((i = 0; i < 100; i++)); do [ -s "$work/status" ] && break; sleep 0.05; done
if [ "$(cat "$work/status" 2>/dev/null)" = 0 ]; then ok; else bad "Ctrl-D exits with status 0"; fi
if [ $pyheap = 1 ]; then
    if grep -q 'value_of_interest' "$work/.pyheap_history" 2>/dev/null; then ok
    else bad "history saved in ~/.pyheap_history"; fi
fi

# ---------------------------------------------------------------- session 2
# history from the last session, exit() with status 0, -q drops the banner
start "'$interp' -q"
check "prompt with -q" '^>>>'
if [ "$(count 'exit\(\) or Ctrl-D|Type "help"')" = 0 ]; then ok; else bad "-q drops the banner"; fi
if [ $pyheap = 1 ]; then
    T send-keys -t repl Up
    T send-keys -t repl Enter
    check "history survives the session" '^>>> x \+ 2$'
fi
type_line 'exit()'
for ((i = 0; i < 100; i++)); do [ -s "$work/status" ] && break; sleep 0.05; done
if [ "$(cat "$work/status" 2>/dev/null)" = 0 ]; then ok; else bad "exit() exits with status 0"; fi

echo "repl: $pass passed, $fail failed"
[ $fail = 0 ]
