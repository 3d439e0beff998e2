#!/usr/bin/env bash
# A/B comparison of node builds or node settings on this machine, in alternating rounds, so that slow
# drift of a shared machine hits every variant alike. For each round and variant it starts three
# RocksDB nodes on loopback (ports 7101-7103, HTTP 8101-8103, a fresh data directory), writes every key
# and warms up, then measures workload A once per client in CLIENTS on that same warm cluster, while it
# samples the CPU of the nodes (per thread group, benchmarks/thread-cpu.sh) and of the load generator.
# It prints one markdown table row per measured run; logs stay in benchmarks/target-results/compare-*/.
#
# Usage: benchmarks/compare-nodes.sh VARIANT [VARIANT...]
#   VARIANT = label=SERVER_JAR[,setting=value...]   (settings as for `node --set`)
#   e.g. benchmarks/compare-nodes.sh before=/tmp/old-server.jar after=server/target/ringkv-server.jar
#        benchmarks/compare-nodes.sh s2=server/target/ringkv-server.jar,storage-threads=2 \
#                                    s4=server/target/ringkv-server.jar,storage-threads=4
#
# Environment:
#   ROUNDS          rounds of all variants (default 2)
#   CLIENTS         load-generator clients measured on each cluster (default "raw"; "raw sdk" compares
#                   the SDK with the raw client on the same cluster, in reverse order in even rounds)
#   NODE_SETTINGS   settings every node gets before the variant's own ("" for none, i.e. the node's own
#                   defaults; unset: one event loop and four storage threads per node, as `dev` gives 3
#                   nodes on 2 cores, and anti-entropy passes off, since a pass that starts inside one
#                   measured window and not in another skews it)
#   KEYS            keys (default 20000)
#   WARM            warm-up load before the first measured run (default 120s: node JVMs still compile
#                   heavily 60-100 s after start (per-thread CPU in /proc, seen by hand), and with
#                   60 s whichever client ran first on a cluster measured 15-45 % less than the next)
#   DURATION        measured time (default 30s)
#   CLIENT_WARMUP   warm-up of each measured run (default 30s). Every run is a fresh load-generator JVM;
#                   with 5 s the SDK's JVM still spent a third of its CPU in the JIT compiler while it was
#                   measured, and the raw client, with less code to compile, looked cheaper than it is
#   BENCHMARKS_JAR  the load generator (default benchmarks/target/benchmarks.jar)
# Every run: N = 3, R = W = 2, 1 KB values, 64 requests in flight, token-aware routing, uniform keys.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

if (( $# < 1 )); then
  sed -n '2,/^set -euo/p' "$0" | grep '^#' >&2
  exit 2
fi
rounds="${ROUNDS:-2}"
clients="${CLIENTS:-raw}"
node_settings="${NODE_SETTINGS-io-threads=1 storage-threads=4 anti-entropy.interval-millis=0}"
keys="${KEYS:-20000}"
warm="${WARM:-120s}"
duration="${DURATION:-30s}"
client_warmup="${CLIENT_WARMUP:-30s}"
load_jar="${BENCHMARKS_JAR:-benchmarks/target/benchmarks.jar}"
sample_seconds=$(( ${duration%s} - 5 ))
sample_delay=$(( ${client_warmup%s} + 2 ))
(( sample_seconds >= 5 )) || { echo "DURATION must be at least 10s" >&2; exit 2; }

results="benchmarks/target-results/compare-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
node_pids=()

stop_nodes() {
  if (( ${#node_pids[@]} > 0 )); then
    kill -TERM "${node_pids[@]}" 2>/dev/null || true
    wait "${node_pids[@]}" 2>/dev/null || true
    node_pids=()
  fi
}
trap stop_nodes EXIT

# Nodes are started one by one rather than through `dev`, so that any build can be compared: builds
# before `dev --set` existed cannot be given settings through it.
start_nodes() { # jar data-dir settings...
  local jar=$1 data=$2
  shift 2
  local set_args=()
  for setting in "$@"; do
    set_args+=(--set "$setting")
  done
  for i in 1 2 3; do
    mkdir -p "$data/n$i"
    java -Xmx512m -cp "$jar" io.ringkv.server.RingKvMain node --id "n$i" --host 127.0.0.1 \
      --port "710$i" --http-port "810$i" --data-dir "$data/n$i" --seeds 127.0.0.1:7101 \
      --set storage.engine=rocksdb "${set_args[@]}" > "$data/n$i/node.log" 2>&1 &
    node_pids+=($!)
  done
  for i in 1 2 3; do
    # A port coming up has no event to wait on; poll it.
    until curl -s -o /dev/null "localhost:810$i/admin/status"; do
      kill -0 "${node_pids[$((i - 1))]}" 2>/dev/null || { echo "node n$i died; see $data/n$i/node.log" >&2; exit 1; }
      sleep 0.5
    done
  done
}

# Sums utime + stime (clock ticks) of whole processes.
process_ticks() {
  local total=0
  for pid in "$@"; do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}

ticks_per_second=$(getconf CLK_TCK)
echo "| variant | round | client | ops/s | read p50 / p99 ms | update p50 / p99 ms | node CPU µs/op (work / all) | client CPU µs/op |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  for variant in "$@"; do
    label="${variant%%=*}"
    spec="${variant#*=}"
    IFS=, read -r -a parts <<< "$spec"
    jar="${parts[0]}"
    # shellcheck disable=SC2206
    settings=($node_settings "${parts[@]:1}")
    data="$results/$label-$round"
    start_nodes "$jar" "$data" "${settings[@]}"
    load=(java -Xmx1g -cp "$load_jar" io.ringkv.benchmarks.load.LoadMain
      --seeds 127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103 --keys "$keys" --value-bytes 1024 --in-flight 64
      --r 2 --w 2 --workload A --routing token --contexts-file "$data/contexts")
    # The nodes agree on the ring within a few gossip rounds; the warm-up load absorbs any early miss.
    "${load[@]}" --client raw --load-first --warmup 0s --duration "$warm" > "$data/warm.log" 2>&1
    order=$clients
    if (( round % 2 == 0 )); then
      # Later runs on a cluster find its JVMs better compiled: alternate the order between rounds.
      order=$(echo "$clients" | tr ' ' '\n' | tac | tr '\n' ' ')
    fi
    for client in $order; do
      log="$data/$client.log"
      "${load[@]}" --client "$client" --warmup "$client_warmup" --duration "$duration" > "$log" 2>&1 &
      load_pid=$!
      # Sample inside the measured window: it starts after the warm-up and the client's start-up.
      sleep "$sample_delay"
      client_before=$(process_ticks "$load_pid")
      benchmarks/thread-cpu.sh "$sample_seconds" "${node_pids[@]}" > "$data/$client-cpu.md"
      client_after=$(process_ticks "$load_pid")
      wait "$load_pid" || true
      awk -v label="$label" -v round="$round" -v client="$client" -v seconds="$sample_seconds" \
          -v client_ticks=$(( client_after - client_before )) -v hz="$ticks_per_second" -v cpu="$data/$client-cpu.md" '
        $1 ~ /^(read|update)$/ && $2 ~ /^[0-9,]+$/ {
          ops = $3; gsub(",", "", ops); total_ops += ops
          latency[$1] = $5 " / " $7
        }
        END {
          while ((getline line < cpu) > 0) {
            split(line, cell, "|")
            if (cell[2] ~ /event loops|storage executor|writer/) work += cell[6]
            if (cell[2] ~ /total/) all = cell[6]
          }
          operations = total_ops * seconds
          if (operations == 0) { print "| " label " | " round " | " client " | no result, see the logs | | | | |"; exit }
          printf "| %s | %d | %s | %d | %s | %s | %.0f / %.0f | %.0f |\n", label, round, client, total_ops,
            latency["read"], latency["update"], work * 1e6 / operations, all * 1e6 / operations,
            client_ticks / hz * 1e6 / operations
        }' "$log"
    done
    stop_nodes
  done
done
echo "logs: $results"
