#!/usr/bin/env bash
# Runs Convene's main job: the backend with its embedded PostgreSQL and Redis and the SFU, plus
#  - with a display ($DISPLAY set): the desktop app, signed in, in a demo meeting with a bot publishing;
#  - without one: a demo call of three bots through the SFU, printing what each receives.
#
# Usage: bash scripts/run.sh [--duration 20s]
# Data (PostgreSQL, Redis, generated dev secrets, the demo admin password) lives in ~/.convene/dev
# (override with CONVENE_DATA_DIR). The first run creates it with a random admin password in admin-password;
# later runs reuse both, so delete the directory to start over. Everything runs in a private network
# namespace where the SFU is reachable at 127.0.0.2 (docs/decisions/005-test-network-namespace.md);
# to run the backend alone on a real network, see README.md "Running parts alone".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_jdk
ensure_packages

export CONVENE_DATA_DIR="${CONVENE_DATA_DIR:-$HOME/.convene/dev}"
mkdir -p "$CONVENE_DATA_DIR"
chmod 700 "$CONVENE_DATA_DIR"
if [ ! -s "$CONVENE_DATA_DIR/admin-password" ] && [ -d "$CONVENE_DATA_DIR/postgres" ]; then
  # A backend started without this script created the database and an admin whose password we do not know.
  echo "convene: $CONVENE_DATA_DIR holds a database this script did not create, so the admin password is unknown." >&2
  echo "  Put that admin's password into $CONVENE_DATA_DIR/admin-password, or use a fresh directory:" >&2
  echo "  CONVENE_DATA_DIR=\$HOME/.convene/demo bash scripts/run.sh" >&2
  exit 1
fi
if [ ! -s "$CONVENE_DATA_DIR/admin-password" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$CONVENE_DATA_DIR/admin-password")
fi

echo "convene: building (online)" >&2
mvn -B -q -ntp install -DskipTests -pl backend,desktop -am
mvn -B -q -ntp -pl backend,desktop dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime

mode=bots
[ -n "${DISPLAY:-}" ] && mode=app
args=""
[ $# -gt 0 ] && args=$(printf '%q ' "$@")
# shellcheck disable=SC2046
exec unshare $(netns_flags) -- bash -c "$NETNS_SETUP && exec bash scripts/demo.sh $mode $args"
