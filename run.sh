#!/usr/bin/env bash
# Starts the Switchboard desktop app from source (installs a JDK, Maven and GTK first if they are missing).
# Any arguments are ignored for now; open flows from the app's File menu.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
exec mvn -B -q -pl app -am -Prun process-classes
