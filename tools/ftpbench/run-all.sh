#!/usr/bin/env bash
# The whole side-by-side benchmark of docs/BENCHMARKS.md in one go:
#   1. builds ftpbench and the Karaf assembly, copies the assembly to $KARAF_DIR and configures it for the bench
#      (port $PORT, user bench/benchpass, home $BENCH_ROOT, no connection limits, no idle timeout);
#   2. starts it (timing start -> accepting FTP) and the peers (../shared/bench/peers.sh: vsftpd 2122,
#      pyftpdlib 2123, Apache FtpServer 2124);
#   3. runs ftpbench on all four, then ftpbench idle with $IDLE_BIG sessions on ours alone, then the cross-check
#      ../shared/bench/compare.sh, then (SOAK minutes > 0) stor_small under soak.sh on ours;
#   4. stops our Karaf, and the peers if this script started them.
# Results (text, markdown, CSV) go to $OUT. Run from anywhere; needs Maven, Java 17+, curl, and root for
# peers.sh's first start (it installs vsftpd and pyftpdlib with apt and adds the system user bench).
#
# Env: SECONDS_EACH (10), WARMUP (2), JIT_WARMUP (60: seconds of unmeasured load on ours first), IDLE (2000),
#      IDLE_BIG (10000, 0 to skip), SOAK (0: minutes of stor_small under soak.sh at the end), PORT (2131),
#      START_TIMEOUT (180), KARAF_DIR (/tmp/bench-karaf), BENCH_ROOT (/tmp/ftpbench),
#      PEERS_DIR (<repo>/../shared/bench), OUT (/tmp/ftpbench-results/<UTC time>),
#      BUILD (1; 0 reuses the last build), COMPARE (1; 0 skips compare.sh), MVN_ARGS (-o),
#      CASES (ftpbench cases for the side-by-side run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
each=${SECONDS_EACH:-10}
warmup=${WARMUP:-2}
jit_warmup=${JIT_WARMUP:-60}
idle=${IDLE:-2000}
idle_big=${IDLE_BIG:-10000}
soak=${SOAK:-0}
port=${PORT:-2131}
start_timeout=${START_TIMEOUT:-180}
karaf=${KARAF_DIR:-/tmp/bench-karaf}
export BENCH_ROOT=${BENCH_ROOT:-/tmp/ftpbench}
peers=${PEERS_DIR:-$repo/../shared/bench}
out=${OUT:-/tmp/ftpbench-results/$(date -u +%Y%m%dT%H%M%SZ)}
cases=${CASES:-logins,retr,stor,retr_small,stor_small,list,idle:$idle}
mkdir -p "$out"
log() { echo "run-all: $*" >&2; }

up() { curl -s --max-time 2 "ftp://bench:benchpass@127.0.0.1:$1/" >/dev/null; }

if [[ ${BUILD:-1} == 1 ]]; then
  log "building ftpbench and the Karaf assembly"
  (cd "$repo" && mvn -q ${MVN_ARGS:--o} -DskipTests install -pl karaf-assembly,tools/ftpbench -am)
fi

peers_started=0
karaf_started=0
cleanup() {
  if ((karaf_started)); then log "stopping our Karaf"; "$karaf/bin/stop" >/dev/null 2>&1 || true; fi
  if ((peers_started)); then log "stopping the peers"; "$peers/peers.sh" stop || true; fi
}
trap cleanup EXIT

if up 2122 && up 2123 && up 2124; then
  log "peers already running: leaving them as they are"
else
  log "starting the peers"
  "$peers/peers.sh" start
  peers_started=1
fi

if up "$port"; then
  echo "run-all: port $port is already serving FTP; stop that server first" >&2
  exit 1
fi
log "preparing our Karaf in $karaf"
rm -rf "$karaf"
cp -r "$repo/karaf-assembly/target/assembly" "$karaf"
cat >"$karaf/etc/org.ftpd.cfg" <<CFG
host = 127.0.0.1
port = $port
max.connections = 20000
max.connections.per.ip = 0
idle.timeout = 0
ban.max.failures = 0
CFG
cat >"$karaf/etc/org.ftpd.user-bench.cfg" <<CFG
name = bench
password = benchpass
home = $BENCH_ROOT
perm = elradfmwMT
CFG
# the 220 greeting on a fresh connection: the server accepts FTP (bash's /dev/tcp, no other tool needed)
greets() {
  local line
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  IFS= read -r -t 2 line <&3 || line=""
  exec 3<&- 3>&-
  [[ $line == 220* ]]
}
# starts our Karaf and waits until it greets on the FTP port, then until a first login and listing succeed;
# prints both times in seconds from bin/start, "greeting login" (set karaf_started first: this runs in a subshell).
# The first login of a user pays the slow password hash (PBKDF2, 600,000 rounds) on a JVM not yet compiled.
start_karaf() {
  local t0 t1 t2
  t0=$(date +%s.%N)
  "$karaf/bin/start" >&2
  for _ in $(seq 1 $((start_timeout * 20))); do greets "$port" && break; sleep 0.05; done
  greets "$port" || { echo "run-all: our Karaf did not accept FTP on $port within $start_timeout s (see $karaf/data/log)" >&2; exit 1; }
  t1=$(date +%s.%N)
  for _ in $(seq 1 $((start_timeout * 10))); do up "$port" && break; sleep 0.1; done
  t2=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {printf "%.1f %.1f", b - a, c - a}'
}
# stops our Karaf and waits until its JVM is gone (a new start would otherwise wait for the instance lock)
stop_karaf() {
  local pid
  pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  "$karaf/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 600); do [[ -n $pid && -d /proc/$pid ]] || break; sleep 0.1; done
  karaf_started=0
}
karaf_started=1
times=$(start_karaf)
read -r greeting first_login <<<"$times"
startup="$greeting s to the FTP greeting, $first_login s to the first login and listing"
log "our Karaf: $startup after bin/start (first start, cold)"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "host: $(nproc) cores, $(uname -sr), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java (ours, ftpbench): $(java -version 2>&1 | head -1)"
  echo "commit: $(git -C "$repo" log -1 --format='%h %s' 2>/dev/null || echo unknown)"
  echo "karaf start to accepting FTP: $startup (cold first start)"
  echo "JIT warm-up of ours before measuring: $jit_warmup s"
} | tee "$out/conditions.txt"

bench() { "$here/ftpbench" -u bench -p benchpass "$@"; }
# A JVM server compiles its hot paths during its first minute or so of load (C2 took about 60 s of CPU on these
# 2 cores), which the short warm-up of each case does not cover: ours gets every timed case once, unmeasured,
# first, so that the side-by-side run measures the server as it runs in production. The peers need none.
if ((jit_warmup > 0)); then
  log "JIT warm-up of ours: every timed case, $jit_warmup s in all, not measured"
  bench --server ours=127.0.0.1:$port -d $(( (jit_warmup + 5) / 6 )) --cases logins,retr,stor,retr_small,stor_small,list \
    -q >"$out/jit-warmup.txt" 2>&1 || log "the JIT warm-up reported errors (see $out/jit-warmup.txt)"
fi
log "ftpbench, side by side: $cases, $each s each, $warmup s warm-up"
bench --server ours=127.0.0.1:$port/auto --server vsftpd=127.0.0.1:2122/auto \
  --server pyftpdlib=127.0.0.1:2123/auto --server apache=127.0.0.1:2124/auto \
  -d "$each" --warmup "$warmup" --cases "$cases" \
  --csv "$out/ftpbench.csv" --markdown "$out/ftpbench.md" | tee "$out/ftpbench.txt"

# issue 8's targets: ours / best peer per case, and p99 beside the best peer's where the target asks for it
targets() {
  awk -F, -v want="logins=2 retr=1 stor=1.2 retr_small=2 stor_small=2 list=1.5" '
    BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) { split(w[i], kv, "="); target[kv[1]] = kv[2]; order[i] = kv[1] } }
    NR > 1 { fig[$1, $2] = $4; p99[$1, $2] = $10; servers[$1] = 1 }
    END {
      print "| case | ours | best peer | ours/best peer | target | met | p99 ours / best peer (ms) |"
      print "|---|---:|---|---:|---:|---|---|"
      for (i = 1; i <= n; i++) {
        c = order[i]; best = ""; bf = -1
        for (s in servers) if (s != "ours" && ((s, c) in fig) && fig[s, c] + 0 > bf) { bf = fig[s, c] + 0; best = s }
        if (!(("ours", c) in fig) || bf <= 0) continue
        r = fig["ours", c] / bf
        printf "| %s | %.4g | %s %.4g | %.2fx | %sx | %s | %.1f / %.1f |\n", c, fig["ours", c], best, bf, r, target[c],
          (r >= target[c] ? "yes" : "no"), p99["ours", c], p99[best, c]
      }
    }' "$1"
}
targets "$out/ftpbench.csv" | tee "$out/targets.md"

if [[ ${COMPARE:-1} == 1 ]]; then
  log "cross-check: compare.sh (its own load generator, curl for the 1 GiB cases)"
  SECONDS_EACH=$each "$peers/compare.sh" ours=$port vsftpd=2122 pyftpdlib=2123 apache=2124 | tee "$out/compare.md"
fi

# memory per idle session on a freshly started server (the JVM commits heap as sessions arrive), then again on
# the same server (heap already committed: what another wave of sessions costs)
if ((idle_big > 0)); then
  stop_karaf
  karaf_started=1
  times=$(start_karaf)
  read -r greeting first_login <<<"$times"
  echo "karaf start to accepting FTP: $greeting s to the FTP greeting, $first_login s to the first login and listing (second start)" | tee -a "$out/conditions.txt"
  for round in fresh again; do
    log "ftpbench idle with $idle_big sessions on ours ($round)"
    bench --server ours=127.0.0.1:$port/auto -d "$each" --cases "idle:$idle_big" \
      --csv "$out/idle-big-$round.csv" | tee "$out/idle-big-$round.txt"
  done
fi
# memory under sustained load, on the same server (soak.sh: RSS and old generation sampled, full collections
# before and after)
if ((soak > 0)); then
  log "soak: stor_small for $soak minutes on ours"
  MINUTES=$soak OUT="$out/soak" "$here/soak.sh" "$port" stor_small | tee "$out/soak.txt"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/conditions.txt"
log "results in $out"
