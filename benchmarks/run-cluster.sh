#!/usr/bin/env bash
# Runs every cluster figure of docs/benchmarks.md in one go and prints them as a markdown table:
#
#   mapdb     3-node dev cluster, MapDB:   workload A, SDK and raw client, token-aware
#   rocksdb   3-node dev cluster, RocksDB: workload A with SDK and raw client, each token-aware and
#             random-coordinator; workloads B and C with the SDK
#   rocksdb5  5-node dev cluster, RocksDB: workload A, SDK, token-aware and random-coordinator (with
#             N = 3 on 5 nodes a random node is not a replica 40 % of the time, so it must forward)
#
# Every run: N = 3 (the nodes' default), R = W = 2, 1 KB values, 64 requests in flight, uniform keys.
# Each cluster gets a fresh temporary data directory; the first run on it writes every key once
# (--load-first), and the key contexts are handed from run to run (--contexts-file) so updates are not
# blind. Each run warms up, then measures. Results (one JSON and one log per run, the markdown table)
# go to benchmarks/target-results/cluster-<UTC timestamp>/, which git ignores.
#
# Before each cluster starts, the script waits (up to WAIT_FOR_QUIET_SECONDS, polling every 30 s) until
# the 1-minute load average is below MAX_LOAD, because other work on the machine skews the figures;
# every run records the load average before and after it.
#
# Usage: benchmarks/run-cluster.sh
#
# Environment:
#   BENCHMARKS_JAR  the benchmarks jar (default benchmarks/target/benchmarks.jar). It must lie at
#                   benchmarks/<dir>/benchmarks.jar; the server jar is server/<dir>/ringkv-server.jar.
#                   When either is missing or the jar is older than the benchmark sources, both are
#                   built (with -Dringkv.targetDir=<dir>).
#   GROUPS_TO_RUN   which clusters to run, default "mapdb rocksdb rocksdb5"
#   WARMUP          warm-up per run (default 30s): every run is a fresh load-generator JVM, and with 5 s
#                   the SDK's JVM still spent a third of its CPU compiling while it was measured
#   FIRST_WARMUP    warm-up of each cluster's first run (default 120s): fresh node JVMs still compile
#                   heavily 60-100 s after start (per-thread CPU in /proc, seen by hand); with 10 s
#                   a cluster's first run measured about half of the later ones, and with 60 s the
#                   first of two clients still measured 15-45 % less
#   DURATION        measured time per run (default 20s)
#   KEYS            number of keys (default 100000)
#   IN_FLIGHT       requests in flight (default 64)
#   MAX_LOAD        1-minute load average to wait for (default 2.0)
#   WAIT_FOR_QUIET_SECONDS  longest wait for it before each cluster (default 600; 0 = do not wait)
#   BASE_PORT, BASE_HTTP_PORT  node i listens on BASE_PORT+i and BASE_HTTP_PORT+i (default 7100, 8100)
#   JAVA_OPTS       options for the load generator's JVM (default -Xmx1g)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

jar="${BENCHMARKS_JAR:-benchmarks/target/benchmarks.jar}"
groups="${GROUPS_TO_RUN:-mapdb rocksdb rocksdb5}"
warmup="${WARMUP:-30s}"
first_warmup="${FIRST_WARMUP:-120s}"
duration="${DURATION:-20s}"
keys="${KEYS:-100000}"
in_flight="${IN_FLIGHT:-64}"
max_load="${MAX_LOAD:-2.0}"
quiet_wait="${WAIT_FOR_QUIET_SECONDS:-600}"
base_port="${BASE_PORT:-7100}"
base_http_port="${BASE_HTTP_PORT:-8100}"
java_opts="${JAVA_OPTS:--Xmx1g}"

jar_directory="$(dirname "$jar")"
if [[ "$(basename "$jar")" != "benchmarks.jar" \
  || ( "$(dirname "$jar_directory")" != "benchmarks" && "$(dirname "$jar_directory")" != "$repo_root/benchmarks" ) ]]; then
  echo "BENCHMARKS_JAR must be benchmarks/<dir>/benchmarks.jar, was $jar" >&2
  exit 1
fi
target_name="$(basename "$jar_directory")"
server_jar="server/$target_name/ringkv-server.jar"

# Only the benchmarks' own sources are checked: after changing another module, delete the jar (or
# build it) so that it picks the change up.
needs_build() {
  [[ ! -f "$jar" || ! -f "$server_jar" ]] \
    || [[ -n "$(find benchmarks/pom.xml benchmarks/src/main -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  echo "Building $jar and $server_jar ..."
  ./mvnw -B -q -Dringkv.targetDir="$target_name" -pl benchmarks -am package -DskipTests -DskipITs
fi

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results_dir="benchmarks/target-results/cluster-$stamp"
mkdir -p "$results_dir"
summary_files=()

cluster_pid=""
cluster_data=""

stop_cluster() {
  if [[ -n "$cluster_pid" ]]; then
    # SIGTERM to the dev process stops every node cleanly (it waits for each to close its storage).
    kill -TERM "$cluster_pid" 2>/dev/null || true
    for _ in $(seq 1 120); do
      kill -0 "$cluster_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$cluster_pid" 2>/dev/null; then
      echo "dev process $cluster_pid did not stop within 60 s; killing it and its nodes" >&2
      for child in $(pgrep -P "$cluster_pid" || true); do
        kill -KILL "$child" 2>/dev/null || true
      done
      kill -KILL "$cluster_pid" 2>/dev/null || true
    fi
    wait "$cluster_pid" 2>/dev/null || true
    cluster_pid=""
  fi
  if [[ -n "$cluster_data" ]]; then
    rm -rf "$cluster_data"
    cluster_data=""
  fi
}
trap stop_cluster EXIT

load_1m() {
  cut -d' ' -f1 /proc/loadavg
}

wait_for_quiet() {
  local waited=0
  while awk -v load="$(load_1m)" -v max="$max_load" 'BEGIN { exit !(load >= max) }'; do
    if (( waited >= quiet_wait )); then
      echo "# load average still $(cut -d' ' -f1-3 /proc/loadavg) after ${waited} s; measuring anyway"
      return
    fi
    echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) >= $max_load; waiting 30 s (${waited} s so far)"
    sleep 30
    waited=$((waited + 30))
  done
  echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# start_cluster NAME ENGINE NODES
start_cluster() {
  local name="$1" engine="$2" nodes="$3"
  cluster_data="$(mktemp -d "${TMPDIR:-/tmp}/ringkv-bench-$name.XXXXXX")"
  local log="$results_dir/$name-dev.log"
  java -jar "$server_jar" dev --nodes "$nodes" --engine "$engine" --data-dir "$cluster_data" \
    --base-port "$base_port" --base-http-port "$base_http_port" >"$log" 2>&1 &
  cluster_pid=$!
  # The dev command prints its table and this line once every node serves the same ring.
  for _ in $(seq 1 360); do
    if grep -q "Ctrl-C stops the cluster" "$log"; then
      cat "$log"
      return
    fi
    if ! kill -0 "$cluster_pid" 2>/dev/null; then
      echo "the $name cluster did not start; see $log" >&2
      cat "$log" >&2
      cluster_pid=""
      exit 1
    fi
    sleep 0.5
  done
  echo "the $name cluster was not ready within 180 s; see $log" >&2
  exit 1
}

seeds_of() {
  local nodes="$1" seeds=""
  for i in $(seq 1 "$nodes"); do
    seeds+="${seeds:+,}127.0.0.1:$((base_port + i))"
  done
  echo "$seeds"
}

# run_load RUN_NAME LABEL NODES [LoadMain options...]; runs of one group share the key contexts file
run_load() {
  local name="$1" label="$2" nodes="$3"
  shift 3
  local json="$results_dir/$name.json"
  echo
  echo "## $name"
  # shellcheck disable=SC2086 # java_opts is a word list on purpose.
  java $java_opts -cp "$jar" io.ringkv.benchmarks.load.LoadMain \
    --seeds "$(seeds_of "$nodes")" --label "$label" --keys "$keys" --value-bytes 1024 \
    --in-flight "$in_flight" --r 2 --w 2 --warmup "${run_warmup:-$warmup}" --duration "$duration" \
    --contexts-file "$results_dir/$group-contexts.bin" --json "$json" "$@" 2>&1 | tee "$results_dir/$name.log"
  summary_files+=("$json")
}

for group in $groups; do
  case "$group" in
    mapdb)
      wait_for_quiet
      start_cluster mapdb mapdb 3
      run_warmup="$first_warmup" run_load mapdb-A-sdk-token mapdb 3 --workload A --client sdk --routing token --load-first
      run_load mapdb-A-raw-token mapdb 3 --workload A --client raw --routing token
      stop_cluster
      ;;
    rocksdb)
      wait_for_quiet
      start_cluster rocksdb rocksdb 3
      run_warmup="$first_warmup" run_load rocksdb-A-sdk-token rocksdb 3 --workload A --client sdk --routing token --load-first
      run_load rocksdb-A-raw-token rocksdb 3 --workload A --client raw --routing token
      run_load rocksdb-A-sdk-random rocksdb 3 --workload A --client sdk --routing random
      run_load rocksdb-A-raw-random rocksdb 3 --workload A --client raw --routing random
      run_load rocksdb-B-sdk-token rocksdb 3 --workload B --client sdk --routing token
      run_load rocksdb-C-sdk-token rocksdb 3 --workload C --client sdk --routing token
      stop_cluster
      ;;
    rocksdb5)
      wait_for_quiet
      start_cluster rocksdb5 rocksdb 5
      run_warmup="$first_warmup" run_load rocksdb5-A-sdk-token "rocksdb, 5 nodes" 5 --workload A --client sdk --routing token --load-first
      run_load rocksdb5-A-sdk-random "rocksdb, 5 nodes" 5 --workload A --client sdk --routing random
      stop_cluster
      ;;
    *)
      echo "unknown group $group (expected mapdb, rocksdb or rocksdb5)" >&2
      exit 1
      ;;
  esac
done

table="$results_dir/cluster.md"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) CPUs, $(java -version 2>&1 | head -n 1);"
  echo "warm-up $warmup ($first_warmup for each cluster's first run), measured $duration, $keys keys, $in_flight in flight, R=W=2, 1 KB values."
  echo
  java -cp "$jar" io.ringkv.benchmarks.load.ResultsTable "${summary_files[@]}"
} >"$table"
echo
cat "$table"
echo
echo "Results: $results_dir/ (one JSON and one log per run, the dev clusters' logs, $table)"
