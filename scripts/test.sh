#!/usr/bin/env bash
# Runs every Convene test: unit tests, REST/database tests against real PostgreSQL and Redis, and the
# real-media and UI tests (webrtc-java peers through the real SFU, the JavaFX app under Xvfb).
#
# Usage: bash scripts/test.sh [extra maven args]     e.g.  bash scripts/test.sh -pl sfu
# The media tests run inside a private network namespace (see docs/architecture.md, "Test network"),
# so Maven resolves everything online first and then runs offline inside it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_jdk
ensure_packages

echo "convene: building and resolving dependencies (online)" >&2
mvn -B -q -ntp install -DskipTests "$@"
# Runs the quick protocol tests online so the JUnit providers of surefire and failsafe are resolved too.
mvn -B -q -ntp -pl shared-model surefire:test

echo "convene: running all tests offline inside a private network namespace" >&2
# shellcheck disable=SC2046
exec unshare $(netns_flags) -- bash -c "$NETNS_SETUP && exec xvfb-run -a -s '-screen 0 1280x800x24' mvn -B -o -ntp verify -Dconvene.test.excludedGroups=none $*"
