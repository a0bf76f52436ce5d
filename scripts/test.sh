#!/usr/bin/env bash
# Runs every Convene test: unit tests, REST/database tests against real PostgreSQL and Redis, and the
# real-media and UI tests (webrtc-java peers through the real SFU, the JavaFX app under Xvfb).
#
# Usage: bash scripts/test.sh [extra maven args]
#   one module:  bash scripts/test.sh -pl sfu
#   one class:   bash scripts/test.sh -pl e2e -Dtest=ThreePeerCallIT
# The tests run inside a private network namespace (docs/decisions/005-test-network-namespace.md), so Maven
# resolves everything online first and then runs offline inside it. PostgreSQL and Redis are started once
# for the whole run and shared by every test JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_jdk
ensure_packages

echo "convene: building and resolving dependencies (online)" >&2
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -pl backend dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
# Runs the quick protocol tests online so the JUnit provider of surefire is resolved too.
mvn -B -q -ntp -pl shared-model surefire:test

echo "convene: running the tests offline inside a private network namespace" >&2
args=""
[ $# -gt 0 ] && args=$(printf '%q ' "$@")
# shellcheck disable=SC2046
exec unshare $(netns_flags) -- bash -c "$NETNS_SETUP && exec xvfb-run -a -s '-screen 0 1280x800x24' bash scripts/test-inside.sh $args"
