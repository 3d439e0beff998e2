#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (codec, causality, storage) with short but honest settings and writes
# the results as JSON (plus the console log) under benchmarks/target-results/, which git ignores.
#
# Usage: benchmarks/run-micro.sh [extra JMH arguments, e.g. a benchmark regex such as 'Codec']
#
# Environment:
#   BENCHMARKS_JAR  the benchmarks jar (default benchmarks/target/benchmarks.jar). It must lie at
#                   benchmarks/<dir>/benchmarks.jar; when it is missing or older than the benchmark
#                   sources, it is built first (with the modules it needs) with -Dringkv.targetDir=<dir>.
#   JMH_SETTINGS    forks, warm-up and measurement (default "-f 1 -wi 2 -w 2s -i 3 -r 3s")
#   JAVA_OPTS       options for the JVM; JMH's forked JVMs inherit them. The storage benchmarks keep
#                   their data under java.io.tmpdir: set -Djava.io.tmpdir to a directory on the disk to
#                   measure (never a tmpfs, where fsync costs nothing).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

jar="${BENCHMARKS_JAR:-benchmarks/target/benchmarks.jar}"
settings="${JMH_SETTINGS:--f 1 -wi 2 -w 2s -i 3 -r 3s}"

jar_directory="$(dirname "$jar")"
if [[ "$(basename "$jar")" != "benchmarks.jar" \
  || ( "$(dirname "$jar_directory")" != "benchmarks" && "$(dirname "$jar_directory")" != "$repo_root/benchmarks" ) ]]; then
  echo "BENCHMARKS_JAR must be benchmarks/<dir>/benchmarks.jar, was $jar" >&2
  exit 1
fi

# Only the benchmarks' own sources are checked: after changing another module, delete the jar (or
# build it) so that it picks the change up.
needs_build() {
  [[ ! -f "$jar" ]] || [[ -n "$(find benchmarks/pom.xml benchmarks/src/main -newer "$jar" -print -quit)" ]]
}

if needs_build; then
  echo "Building $jar ..."
  ./mvnw -B -q -Dringkv.targetDir="$(basename "$jar_directory")" -pl benchmarks -am package -DskipTests -DskipITs
fi

results_dir="benchmarks/target-results"
mkdir -p "$results_dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
json="$results_dir/micro-$stamp.json"
log="$results_dir/micro-$stamp.txt"

# Figures from a shared machine mean little without its load, so the log records it on both ends.
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086 # JAVA_OPTS and JMH_SETTINGS are word lists on purpose.
  java ${JAVA_OPTS:-} -jar "$jar" $settings -rf json -rff "$json" "$@" 2>&1
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$log"

echo "Results: $json"
echo "Log:     $log"
