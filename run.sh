#!/usr/bin/env bash
# Starts the Switchboard desktop app from source (installs a JDK, Maven and GTK first if they are missing).
# An optional argument is a flow file to open (a Switchboard flow or a Node-RED export).
set -euo pipefail
args=()
if [ $# -gt 0 ]; then
    # the app runs in app/, so hand it an absolute path
    args=("-Djavafx.args=\"$(realpath "$1")\"")
fi
cd "$(dirname "$0")"
bash scripts/setup.sh
# Maven runs quietly (-q); the first build downloads and compiles for up to a minute, so say so.
if [ ! -d app/target/classes ]; then
    echo "Building Switchboard (the first build takes about a minute; later starts take a few seconds) ..."
else
    echo "Building and starting Switchboard ..."
fi
exec mvn -B -q -pl app -am -Prun process-classes "${args[@]}"
