#!/usr/bin/env bash
# Load benchmark of the engine (see docs/benchmarks.md, section "Engine"). Not a test: it takes about 6 minutes and
# needs the machine to itself. Builds the engine jar, then runs org.switchboard.engine.bench.LoadBenchmark, which
# starts `switchboard-engine run` with sample-flows/family-menu.json and a bare Jetty baseline in their own JVMs and
# drives both over 127.0.0.1 only.
#
#   bench/run-load.sh                 # full run: 20 s per measurement, 1/16/64 connections
#   bench/run-load.sh --quick         # 5 s per measurement (about 2 minutes)
#   bench/run-load.sh --seconds 10 --connections 16 --server-jvm "-Xmx80m -XX:+UseSerialGC"
#
# Any other options go to LoadBenchmark (--seconds, --warmup, --connections, --server-jvm, --cold-starts, --targets,
# --workloads). The Markdown report is printed and written to engine/target/bench/load-report.md.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
for a in "$@"; do
    if [[ "$a" == "--quick" ]]; then
        args+=(--seconds 5 --warmup 2 --cold-starts 3)
    else
        args+=("$a")
    fi
done

mvn -B -pl engine package -DskipTests
mvn -B -pl engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/classpath.txt
cd engine
mkdir -p target/bench
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.switchboard.engine.bench.LoadBenchmark --jar target/switchboard-engine.jar \
    --flow ../sample-flows/family-menu.json --out target/bench/load-report.md "${args[@]}"
