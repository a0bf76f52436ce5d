#!/usr/bin/env bash
# Inside the test network namespace (see test.sh): starts PostgreSQL and Redis once for the whole run,
# runs `mvn -o verify` with the media tests enabled, and stops the services at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

services_dir="$PWD/target/test-services"
rm -rf "$services_dir"
mkdir -p "$services_dir"
java -cp "backend/target/classes:$(cat backend/target/runtime-classpath.txt)" \
  com.convene.backend.devservices.DevServicesMain "$services_dir/data" "$services_dir/env" \
  > "$services_dir/services.log" 2>&1 &
services_pid=$!
trap 'kill $services_pid 2>/dev/null; wait $services_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ -s "$services_dir/env" ] && break
  kill -0 $services_pid 2>/dev/null || { echo "convene: test services failed:" >&2; tail -30 "$services_dir/services.log" >&2; exit 1; }
  sleep 0.5
done
[ -s "$services_dir/env" ] || { echo "convene: test services not ready after 60 s" >&2; exit 1; }
# shellcheck disable=SC1091
source "$services_dir/env"
echo "convene: shared test services up ($CONVENE_DEV_SERVICES_JDBC_URL, $CONVENE_DEV_SERVICES_REDIS_URI)" >&2

mvn -B -o -ntp verify -Dconvene.test.excludedGroups=none "$@"
