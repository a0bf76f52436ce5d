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

# Whether the Maven arguments select the installers' test: no -pl, or -pl with e2e; and no -Dtest, or one naming it.
wants_installers() {
  local all=" $* "
  case "$all" in *" -pl "*|*" --projects "*) [[ "$all" == *e2e* ]] || return 1 ;; esac
  case "$all" in *"-Dtest="*) [[ "$all" == *InstalledAppIT* ]] || return 1 ;; esac
  return 0
}

echo "convene: building and resolving dependencies (online)" >&2
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -pl backend dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime
# Runs the quick protocol tests online so the JUnit provider of surefire is resolved too.
mvn -B -q -ntp -pl shared-model surefire:test

# The installers' acceptance test (e2e InstalledAppIT) installs the .deb, so it needs root and the .deb, built
# here (online, about 2 minutes) when the selection includes e2e. CONVENE_TEST_INSTALLERS=0 skips it.
if [ "$(id -u)" -eq 0 ] && [ "${CONVENE_TEST_INSTALLERS:-1}" != 0 ] && wants_installers "$@"; then
  echo "convene: building the Linux installers for InstalledAppIT" >&2
  start=$(date +%s)
  mvn -B -q -ntp -Pinstallers -pl installers package -DskipTests
  echo "convene: installers built in $(( $(date +%s) - start )) s" >&2
  export CONVENE_INSTALLERS_BUILT=1
fi

echo "convene: running the tests offline inside a private network namespace" >&2
args=""
[ $# -gt 0 ] && args=$(printf '%q ' "$@")
# shellcheck disable=SC2046
exec unshare $(netns_flags) -- bash -c "$NETNS_SETUP && exec xvfb-run -a -s '-screen 0 1280x800x24' bash scripts/test-inside.sh $args"
