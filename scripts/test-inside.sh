#!/usr/bin/env bash
# Inside the test network namespace (see test.sh): starts PostgreSQL and Redis once for the whole run,
# runs `mvn -o verify` with the media tests enabled, then (full run only) the fuzzers, and stops the services at
# the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

services_dir="$PWD/target/test-services"
# Keep data/ (DevServicesMain wipes the databases itself): its pid files let the services find and stop
# a PostgreSQL, Redis or Cassandra an earlier, killed run left behind (docs/decisions/087).
rm -f "$services_dir/env" "$services_dir/services.log" "$services_dir/lifeline"
mkdir -p "$services_dir"
# The services live as long as this script: DevServicesMain reads the FIFO "lifeline", whose only writer is
# this shell (fd 9, closed for everything it starts), and stops when it reads end-of-file, which happens
# however the script ends, SIGKILL included.
mkfifo "$services_dir/lifeline"
exec 9<>"$services_dir/lifeline"
java -cp "backend/target/classes:$(cat backend/target/runtime-classpath.txt)" \
  com.convene.backend.devservices.DevServicesMain "$services_dir/data" "$services_dir/env" --until-stdin-closes \
  < "$services_dir/lifeline" > "$services_dir/services.log" 2>&1 9>&- &
services_pid=$!
trap 'exec 9>&-; kill $services_pid 2>/dev/null; wait $services_pid 2>/dev/null || true' EXIT

# Ready when DevServicesMain has written the env file; failed when it exits first. The limit is only a
# backstop for a hung start (CONVENE_TEST_SERVICES_TIMEOUT seconds, default 600).
ready_timeout="${CONVENE_TEST_SERVICES_TIMEOUT:-600}"
started=$SECONDS
until [ -s "$services_dir/env" ]; do
  if ! kill -0 "$services_pid" 2>/dev/null; then
    echo "convene: test services exited before they were ready; last lines of $services_dir/services.log:" >&2
    tail -40 "$services_dir/services.log" >&2
    exit 1
  fi
  if [ $((SECONDS - started)) -ge "$ready_timeout" ]; then
    echo "convene: test services not ready after ${ready_timeout} s; last lines of $services_dir/services.log:" >&2
    tail -40 "$services_dir/services.log" >&2
    exit 1
  fi
  sleep 0.2
done
# shellcheck disable=SC1091
source "$services_dir/env"
echo "convene: shared test services up after $((SECONDS - started)) s ($CONVENE_DEV_SERVICES_JDBC_URL, $CONVENE_DEV_SERVICES_REDIS_URI)" >&2

mvn -B -o -ntp verify -Dconvene.test.excludedGroups=none "$@" 9>&-

# The full run also fuzzes (docs/fuzzing.md, docs/decisions/094): each Jazzer target of the fuzz module for 60 s,
# one after another, after `verify` has replayed their checked-in corpora. CONVENE_FUZZ=0 skips it.
if [ $# -eq 0 ] && [ "${CONVENE_FUZZ:-1}" != 0 ]; then
  bash scripts/fuzz.sh 9>&-
fi
