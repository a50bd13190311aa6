#!/bin/sh
# Installs the Debian packages of list $1 (a package a line, then the
# targets that alone need it; # comments) that are not installed yet: those
# of no target, or with $2 those of target $2.  Runs apt-get update once,
# only when something is missing.  DEPS_LIST_ONLY=1 prints the packages
# selected, one a line, and installs nothing.
set -e
list=${1:-deps/debian-packages.txt}
target=${2:-}
missing=
for p in $(sed 's/#.*//' "$list" | awk -v t="$target" '
    NF == 0 { next }
    t == "" && NF == 1 { print $1; next }
    t != "" { for (i = 2; i <= NF; i++) if ($i == t) { print $1; next } }'); do
    if [ -n "${DEPS_LIST_ONLY:-}" ]; then
        echo "$p"
        continue
    fi
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" != 0 ]; then
    SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
