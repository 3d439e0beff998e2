#!/usr/bin/env bash
# Samples where the CPU of running node JVMs goes, per thread group, over a window, and prints a
# markdown table. It reads utime + stime of every thread from /proc/<pid>/task/*/stat at the start and
# at the end of the window, so it costs nothing while the load runs and needs no agent in the JVM.
#
# Groups, by thread name (the kernel keeps the first 15 characters of a Java thread's name):
#   event loops       ringkv-<node>-io-*          (client, internode and HTTP connections)
#   storage executor  ringkv-<node>-storage-*     (replica reads and writes handed off the loops)
#   writer + acks     ringkv-storage-*            (group commit: one fsync per batch, then completions;
#                                                 builds before 2026-12-07 had a separate acks thread)
#   other             everything else: JIT compiler, GC, timers, gossip, hints
#
# Usage: benchmarks/thread-cpu.sh SECONDS PID [PID...]
#   e.g. benchmarks/thread-cpu.sh 15 $(pgrep -f 'ringkv-server.jar node')  # or the PIDs dev prints
# Threads that start or end inside the window count only for the part /proc still shows.
set -euo pipefail

if (( $# < 2 )); then
  echo "usage: $0 SECONDS PID [PID...]" >&2
  exit 2
fi
seconds="$1"
shift
pids=("$@")
for pid in "${pids[@]}"; do
  [[ -d "/proc/$pid" ]] || { echo "no process $pid" >&2; exit 1; }
done
ticks_per_second="$(getconf CLK_TCK)"

# One line per thread: pid tid ticks name. The name sits in parentheses and may hold spaces, so the
# numeric fields are taken after the last ')'.
snapshot() {
  local pid stat line rest name
  for pid in "${pids[@]}"; do
    for stat in /proc/"$pid"/task/*/stat; do
      line="$(cat "$stat" 2>/dev/null)" || continue
      name="${line#*(}"
      name="${name%)*}"
      rest="${line##*) }"
      # After ')': state is field 3 of stat, utime field 14 and stime field 15, i.e. words 12 and 13.
      read -r -a fields <<<"$rest"
      local tid="${stat%/stat}"
      echo "$pid ${tid##*/} $((fields[11] + fields[12])) ${name// /_}"
    done
  done
}

before="$(mktemp)"
after="$(mktemp)"
trap 'rm -f "$before" "$after"' EXIT
snapshot >"$before"
sleep "$seconds"
snapshot >"$after"

awk -v hz="$ticks_per_second" -v seconds="$seconds" '
  function group_of(name) {
    if (name ~ /^ringkv-storage-/) return "writer + acks"
    if (name ~ /^ringkv-[^-]+-stor/) return "storage executor"
    if (name ~ /^ringkv-[^-]+-io-/) return "event loops"
    return "other"
  }
  FNR == NR { start[$1 " " $2] = $3; next }
  {
    key = $1 " " $2
    used = ($3 - (key in start ? start[key] : 0)) / hz
    group = group_of($4)
    by_group[group] += used
    by_pid_group[$1, group] += used
    by_pid[$1] += used
    total += used
    if (!($1 in pids)) { pids[$1] = 1; pid_order[++pid_count] = $1 }
  }
  END {
    split("event loops|storage executor|writer + acks|other", order, "|")
    printf "CPU over %s s, per thread group\n\n", seconds
    header = "| group |"; rule = "| --- |"
    for (p = 1; p <= pid_count; p++) { header = header " pid " pid_order[p] " |"; rule = rule " ---: |" }
    print header " all, s | share |"
    print rule " ---: | ---: |"
    for (i = 1; i <= 4; i++) {
      g = order[i]; line = "| " g " |"
      for (p = 1; p <= pid_count; p++) line = line sprintf(" %.2f |", by_pid_group[pid_order[p], g])
      share = total > 0 ? 100 * by_group[g] / total : 0
      printf "%s %.2f | %.1f %% |\n", line, by_group[g], share
    }
    line = "| total |"
    for (p = 1; p <= pid_count; p++) line = line sprintf(" %.2f |", by_pid[pid_order[p]])
    printf "%s %.2f | 100 %% |\n", line, total
  }
' "$before" "$after"
