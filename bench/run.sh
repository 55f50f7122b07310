#!/bin/sh
# Runs the benchmark (see docs/performance.md). Every simulated phone and every server socket is an open file,
# so the soft limit goes up to the hard one first; processes started from here inherit it.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec node "$(dirname "$0")/dist/src/run.js" "$@"
