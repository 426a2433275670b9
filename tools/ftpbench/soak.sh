#!/usr/bin/env bash
# Memory under sustained load: runs one ftpbench case (stor_small by default) against a running server for
# $MINUTES minutes and samples the server every $EVERY seconds: its resident memory (VmRSS, all its processes)
# and, for a JVM, the heap after the last collection (jstat: old generation used, and how many collections ran).
# Before the load and after it, the JVM is asked for a full collection (jcmd GC.run), so the first and the last
# samples hold only live objects: a leak shows as a live heap that is bigger after the run than before it. RSS
# also grows while the JVM commits heap it is allowed to use, then levels off.
#
# usage: soak.sh PORT [CASE]   (the server must be running; user bench/benchpass, as run-all.sh sets up)
# Env: MINUTES (10), EVERY (30), USER_NAME (bench), PASSWORD (benchpass), OUT (/tmp/ftpbench-results/soak-<UTC time>)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${1:?usage: soak.sh PORT [CASE]}
case_name=${2:-stor_small}
minutes=${MINUTES:-10}
every=${EVERY:-30}
out=${OUT:-/tmp/ftpbench-results/soak-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"

pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n $pid ]] || { echo "soak: nothing listens on port $port" >&2; exit 1; }

rss_kib() {
  local total=0 p
  for p in $pid $(pgrep -P "$pid" || true); do
    [[ -r /proc/$p/status ]] && total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$p/status")))
  done
  echo "$total"
}
# old generation used (KiB) and collections so far (young + full), or "- -" when the server is no JVM
heap() {
  jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 { printf "%.0f %d", $8, $13 + $15 }' || true
}

samples="$out/samples.csv"
echo "seconds,rss_kib,old_gen_used_kib,collections,note" >"$samples"
sample() {
  local h
  h=$(heap)
  [[ -n $h ]] || h="- -"
  echo "$1,$(rss_kib),${h/ /,},${2:-}" | tee -a "$samples"
}

# a full collection, when the server is a JVM jcmd can reach: what is left is what the server holds on to
collect() {
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
}

collect
sample 0 "after a full collection, before the load"
"$here/ftpbench" -q -u "${USER_NAME:-bench}" -p "${PASSWORD:-benchpass}" --server "ours=127.0.0.1:$port/$pid" \
  -d $((minutes * 60)) --cases "$case_name" >"$out/ftpbench.txt" 2>&1 &
load=$!
start=$(date +%s)
while kill -0 "$load" 2>/dev/null; do
  sleep "$every"
  kill -0 "$load" 2>/dev/null || break
  sample $(($(date +%s) - start))
done
wait "$load" || echo "soak: ftpbench reported errors (see $out/ftpbench.txt)" >&2
sample $(($(date +%s) - start))
collect
sample $(($(date +%s) - start)) "after a full collection, after the load"
cat "$out/ftpbench.txt"
echo "soak: samples in $samples"
