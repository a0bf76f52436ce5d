#!/usr/bin/env bash
# Shared set-up for Convene's scripts: JDK, Debian packages, private network namespace.
# Sourced by run.sh and test.sh; not meant to be run alone.

export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"

# Debian packages the project needs at run or test time:
#   libpulse0  webrtc-java's native library links against it
#   libgtk-3-0 JavaFX's glass toolkit on Linux
#   xvfb       a virtual display for the desktop app and UI tests when there is no screen
#   redis-server the development/test Redis (started by the project as a child process)
#   iproute2   `ip` for the private network namespace of the media tests
#   ffmpeg     ffprobe for checking media files in tests
#   curl       the run script waits for the backend's health endpoint
#   openjdk-17-jre-headless  the JVM of the development/test Cassandra (5.0 runs on JDK 11/17 only;
#              docs/decisions/020-cassandra-dev-jvm.md)
#   rpm        rpmbuild for the .rpm installer and `rpm -qpl` in its test (docs/decisions/070)
#   xdg-utils, desktop-file-utils  xdg-open/xdg-mime and the convene:// handler registration of the installed .deb
CONVENE_PACKAGES=(libpulse0 libgtk-3-0 xvfb xauth redis-server iproute2 ffmpeg curl openjdk-17-jre-headless
  rpm xdg-utils desktop-file-utils)

# Installs the missing packages when root; otherwise prints the one apt-get line and fails.
ensure_packages() {
  local missing=()
  for p in "${CONVENE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "convene: installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "convene: missing Debian packages. Run this once, then try again:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

ensure_jdk() {
  if [ ! -x "$JAVA_HOME/bin/java" ]; then
    echo "convene: JDK 25 not found at $JAVA_HOME (set JAVA_HOME_25)" >&2
    return 1
  fi
}

# unshare flags for a private network namespace: as root plain, otherwise inside a user namespace.
netns_flags() {
  if [ "$(id -u)" -eq 0 ]; then echo "--net"; else echo "--net --map-root-user"; fi
}

# Commands run first inside the namespace: loopback up, and an ifb device holding 127.0.0.2 (the SFU's
# advertised address) and 127.0.0.3, because libwebrtc gathers no host candidates on `lo`.
NETNS_SETUP='ip link set lo up && ip link add convene0 type ifb && ip link set convene0 up && ip addr add 127.0.0.2/32 dev convene0 && ip addr add 127.0.0.3/32 dev convene0'
