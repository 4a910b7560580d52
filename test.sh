#!/usr/bin/env bash
# Runs every test: installs what the tests need, runs the Maven build with all unit, end-to-end and headless UI
# tests, then builds the .deb, installs it, starts the installed app under Xvfb and checks its window.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh --test
mvn -B verify
smoke=0
bash installer/smoke-test.sh || smoke=1
# One closing line for the whole run (Surefire's reports plus the installer smoke test).
python3 - "$smoke" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
run = failed = skipped = 0
for f in glob.glob('*/target/surefire-reports/TEST-*.xml'):
    r = ET.parse(f).getroot()
    t, fl, er, sk = (int(r.get(k, 0)) for k in ('tests', 'failures', 'errors', 'skipped'))
    run += t; failed += fl + er; skipped += sk
smoke_failed = int(sys.argv[1])
passed = run - failed - skipped + (1 - smoke_failed)
print(f"tests: {passed} passed, {failed + smoke_failed} failed, {skipped} skipped")
sys.exit(1 if failed + smoke_failed else 0)
PY
