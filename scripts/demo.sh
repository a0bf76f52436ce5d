#!/usr/bin/env bash
# Inside the private network namespace (see run.sh): starts the backend, waits for it, then runs the
# desktop app (mode "app") or a three-bot demo call (mode "bots"); stops the backend at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mode="$1"; shift

export CONVENE_SFU_ADVERTISED_ADDRESSES=127.0.0.2
export CONVENE_SFU_BIND_ADDRESS=127.0.0.2
export MICRONAUT_SERVER_HOST=127.0.0.2
export MICRONAUT_SERVER_PORT="${MICRONAUT_SERVER_PORT:-8080}"
export CONVENE_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$CONVENE_DATA_DIR/admin-password")"
server="http://127.0.0.2:$MICRONAUT_SERVER_PORT"

java --enable-native-access=ALL-UNNAMED -cp "backend/target/classes:$(cat backend/target/runtime-classpath.txt)" \
  com.convene.backend.Application > "$CONVENE_DATA_DIR/backend.log" 2>&1 &
backend=$!
trap 'kill $backend 2>/dev/null; wait $backend 2>/dev/null || true' EXIT
echo "convene: backend starting (log: $CONVENE_DATA_DIR/backend.log)" >&2
for _ in $(seq 1 120); do
  if curl -fsS "$server/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $backend 2>/dev/null; then echo "convene: backend failed to start:" >&2; tail -40 "$CONVENE_DATA_DIR/backend.log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$server/health" >/dev/null || { echo "convene: backend not healthy after 120 s" >&2; exit 1; }
echo "convene: backend up at $server" >&2

# The report goes to the terminal, the desktop's logs to demo.log (shown when the demo fails). webrtc-java's
# native code prints two lines to stdout when the JVM exits ("VM attach current thread failed", "Failed to
# attach thread <id>": a libwebrtc thread outliving the closed factories); they are filtered out.
set +e
java --enable-native-access=ALL-UNNAMED -cp "desktop/target/classes:$(cat desktop/target/runtime-classpath.txt)" \
  com.convene.desktop.demo.DemoMain --mode "$mode" --server "$server" --user admin \
  --password-file "$CONVENE_DATA_DIR/admin-password" "$@" 2> "$CONVENE_DATA_DIR/demo.log" \
  | grep --line-buffered -v -e '^VM attach current thread failed$' -e '^Failed to attach thread [0-9]*$'
rc=${PIPESTATUS[0]}
set -e
if [ $rc -ne 0 ]; then
  echo "convene: demo failed (exit $rc); last lines of $CONVENE_DATA_DIR/demo.log:" >&2
  tail -20 "$CONVENE_DATA_DIR/demo.log" >&2
fi
echo "convene: stopping the backend" >&2
exit $rc
