#!/bin/sh
# deps.sh -- install the Debian packages pyheap needs to build and test, if missing.
# Called by 'make test' and 'make run'; uses sudo when not root.
set -e
need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# clang + libclang-rt-dev: the libFuzzer targets (make fuzz / fuzz-smoke)
for p in gcc make re2c lemon libcriterion-dev libedit-dev python3 tmux clang libclang-rt-dev; do
    have_pkg "$p" || need="$need $p"
done
[ -z "$need" ] && exit 0
echo "deps.sh: installing:$need"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends $need || {
    $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends $need; }
