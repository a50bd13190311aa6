#!/bin/sh
# Installs the Debian packages listed in $1 (one a line, # comments) that
# are not installed yet.  Runs apt-get update once, only when needed.
set -e
list=${1:-deps/debian-packages.txt}
missing=
for p in $(sed 's/#.*//' "$list"); do
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
