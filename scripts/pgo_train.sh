#!/usr/bin/env bash
# pgo_train.sh INTERP -- the training run of the profile-guided release build: the hot
# loops of scripts/pgo_train.py, then every golden script once (breadth: error paths,
# the REPL compiler, the gc module ...).  Output and failures do not matter here; the
# instrumented INTERP writes its profile (.gcda files) next to its objects at exit.
root=$(cd "$(dirname "$0")/.." && pwd)
interp=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
"$interp" "$root/scripts/pgo_train.py" 5 > /dev/null 2>&1
find "$root/tests/golden" -name '*.py' | sort | while read -r f; do
    if [[ $(basename "$f") == repl_* ]]; then
        (cd "$(dirname "$f")" && timeout 10 "$interp" -i -q < "$f" > /dev/null 2>&1)
    else
        (cd "$(dirname "$f")" && timeout 10 "$interp" "$f" < /dev/null > /dev/null 2>&1)
    fi
done
exit 0
