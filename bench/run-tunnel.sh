#!/usr/bin/env bash
# "Go online" benchmark (see docs/benchmarks.md, section "Tunnel"). Not a test. Opens and closes an ngrok tunnel
# RUNS times (default 10) through the production NgrokTunnel against the stand-in agent from the engine's tests and
# prints the time from "go online" to the public URL.
#
#   bench/run-tunnel.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl engine test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/classpath.txt
cd engine
exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    org.switchboard.engine.bench.TunnelBenchmark "$@"
