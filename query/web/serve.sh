#!/bin/sh
# Runs lighttpd in the foreground on 127.0.0.1:PORT with the speech-search
# page (query/web/lighttpd.conf): serve.sh PORT cgi|fastcgi CGI_BINARY CONFIG STATE_DIR
# Ctrl-C (SIGINT) or SIGTERM stops lighttpd and with it the FastCGI workers.
set -e
[ $# -eq 5 ] || { echo "usage: serve.sh PORT cgi|fastcgi CGI_BINARY CONFIG STATE_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
mkdir -p "$5"
export SS_PORT="$1" SS_MODE="$2" SS_CGI="$(abs "$3")" SS_CONFIG="$(abs "$4")"
export SS_STATE="$(cd "$5" && pwd)" SS_STATIC="$here/static"
case $SS_MODE in cgi|fastcgi) ;; *) echo "serve.sh: mode must be cgi or fastcgi" >&2; exit 2 ;; esac
[ -x "$SS_CGI" ] || { echo "serve.sh: no $SS_CGI (run make)" >&2; exit 2; }
cd "$here"
exec lighttpd -D -f "$here/lighttpd.conf"
