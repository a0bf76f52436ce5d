#!/usr/bin/env bash
# Builds Convene's installers for the operating system it runs on: jdeps finds the JDK modules the app uses,
# jlink makes a runtime of only those, jpackage makes one app image and then each installer type from it.
# Called by installers/pom.xml in the `package` phase (mvn -Pinstallers -pl installers -am package -DskipTests);
# every CONVENE_* variable below comes from that pom's properties. Runs under bash on Linux, macOS and Windows
# (Git Bash on the GitHub runners). docs/decisions/070-installers-with-jpackage.md explains the choices.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

: "${CONVENE_JDK:?JDK home with jlink and jpackage}"
: "${CONVENE_VERSION:?project version}"
: "${CONVENE_INPUT:?directory holding the app jar and its runtime dependencies}"
: "${CONVENE_MAIN_JAR:?file name of the app jar inside CONVENE_INPUT}"
: "${CONVENE_DEST:?where the installers go}"
: "${CONVENE_WORK:?scratch directory}"
: "${CONVENE_TYPES:?installer types, comma-separated}"
CONVENE_VENDOR=${CONVENE_VENDOR:-Convene}
CONVENE_EXTRA_MODULES=${CONVENE_EXTRA_MODULES:-jdk.unsupported}
CONVENE_APP_MAX_HEAP=${CONVENE_APP_MAX_HEAP:-512m}

exe=""
case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; exe=".exe" ;;
  *) echo "installers: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
bin="$CONVENE_JDK/bin"

# jpackage wants 1–3 numeric components (Windows: each 0–255/0–255/0–65535; macOS: the first at least 1):
# 0.1.0-SNAPSHOT becomes 0.1.0. macOS needs CONVENE_MAC_APP_VERSION while Convene is below 1.0 (decision 070).
app_version=$(echo "$CONVENE_VERSION" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
if [ "$os" = mac ]; then
  app_version=${CONVENE_MAC_APP_VERSION:-$app_version}
  case "$app_version" in 0|0.*) echo "installers: macOS needs a version >= 1; set -Dinstallers.mac.app-version" >&2; exit 1 ;; esac
fi

rm -rf "$CONVENE_WORK" && mkdir -p "$CONVENE_WORK" "$CONVENE_DEST"
start=$(date +%s)

# 1. The JDK modules: what jdeps finds in every jar, plus the few it cannot see (reflection, Unsafe).
jars=("$CONVENE_INPUT"/*.jar)
modules=$("$bin/jdeps$exe" --print-module-deps --ignore-missing-deps --multi-release 25 "${jars[@]}" 2>/dev/null | tail -1)
modules="$modules,$CONVENE_EXTRA_MODULES"
echo "installers: runtime modules $modules"

# 2. The runtime.
"$bin/jlink$exe" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --output "$CONVENE_WORK/runtime"

# 3. The app image: the launcher, the runtime, the jars, our logging set-up (log file per user, decision 070).
cp "$here/logback.xml" "$CONVENE_INPUT/logback.xml"
common=(--name Convene --app-version "$app_version" --vendor "$CONVENE_VENDOR"
  --description "Convene video meetings" --copyright "Copyright (c) $(date +%Y) $CONVENE_VENDOR")
image_args=(--type app-image "${common[@]}" --dest "$CONVENE_WORK/image" --input "$CONVENE_INPUT"
  --main-jar "$CONVENE_MAIN_JAR" --main-class com.convene.desktop.app.Main --runtime-image "$CONVENE_WORK/runtime"
  --java-options "--enable-native-access=ALL-UNNAMED" --java-options "-Xmx$CONVENE_APP_MAX_HEAP"
  --java-options "-Dlogback.configurationFile=\$APPDIR/logback.xml")
case "$os" in
  linux) image_args+=(--icon "$here/linux/Convene.png") ;;
  windows) image_args+=(--icon "$here/windows/Convene.ico") ;;
  mac) image_args+=(--icon "$here/macos/Convene.icns" --resource-dir "$here/macos"
         --mac-package-identifier "${CONVENE_MAC_PACKAGE_ID:-com.convene.desktop}" --mac-package-name Convene)
       if [ -n "${CONVENE_MAC_SIGNING_IDENTITY:-}" ]; then
         image_args+=(--mac-sign --mac-signing-key-user-name "$CONVENE_MAC_SIGNING_IDENTITY")
         [ -n "${CONVENE_MAC_KEYCHAIN:-}" ] && image_args+=(--mac-signing-keychain "$CONVENE_MAC_KEYCHAIN")
       fi ;;
esac
"$bin/jpackage$exe" "${image_args[@]}"
image="$CONVENE_WORK/image/Convene"
[ "$os" = mac ] && image="$CONVENE_WORK/image/Convene.app"
echo "installers: app image in $(( $(date +%s) - start )) s"

# 4. One installer per type, each from the same image.
licence="$here/LICENSE.txt"
for type in ${CONVENE_TYPES//,/ }; do
  t0=$(date +%s)
  args=(--type "$type" "${common[@]}" --app-image "$image" --dest "$CONVENE_DEST" --license-file "$licence")
  case "$type" in
    deb|rpm)
      # Our own .desktop (convene:// scheme, %u) replaces jpackage's template; the .deb's own postinst/prerm
      # install it without xdg-desktop-menu (decision 071).
      res="$CONVENE_WORK/resources-$type"
      mkdir -p "$res" && cp "$here/linux/Convene.desktop" "$here/linux/Convene.png" "$res/"
      [ "$type" = deb ] && cp "$here/linux/postinst" "$here/linux/prerm" "$res/"
      args+=(--resource-dir "$res" --linux-package-name convene --linux-shortcut --linux-menu-group "Network;VideoConference"
        --linux-app-category "${CONVENE_LINUX_CATEGORY:-net}" --linux-app-release "${CONVENE_LINUX_RELEASE:-1}"
        --icon "$here/linux/Convene.png")
      if [ "$type" = deb ]; then
        args+=(--linux-deb-maintainer "${CONVENE_MAINTAINER:-it@convene.example}"
          --linux-package-deps "${CONVENE_DEB_DEPS:?}")
      else
        args+=(--linux-rpm-license-type "${CONVENE_RPM_LICENSE:-Proprietary}" --linux-package-deps "${CONVENE_RPM_DEPS:?}")
      fi ;;
    msi)
      res="$CONVENE_WORK/resources-msi"
      mkdir -p "$res"
      bash "$here/windows/make-main-wxs.sh" "$CONVENE_JDK" "$here/windows/managed-config.wxf" "$res/main.wxs"
      args+=(--resource-dir "$res" --icon "$here/windows/Convene.ico" --win-upgrade-uuid "${CONVENE_WIN_UPGRADE_UUID:?}"
        --win-menu --win-menu-group Convene --win-shortcut --win-dir-chooser --about-url "${CONVENE_ABOUT_URL:-https://convene.example}") ;;
    dmg|pkg)
      args+=(--resource-dir "$here/macos" --mac-package-identifier "${CONVENE_MAC_PACKAGE_ID:-com.convene.desktop}")
      if [ -n "${CONVENE_MAC_SIGNING_IDENTITY:-}" ]; then
        args+=(--mac-sign --mac-signing-key-user-name "$CONVENE_MAC_SIGNING_IDENTITY")
        [ -n "${CONVENE_MAC_KEYCHAIN:-}" ] && args+=(--mac-signing-keychain "$CONVENE_MAC_KEYCHAIN")
      fi ;;
    *) echo "installers: unknown type $type" >&2; exit 1 ;;
  esac
  "$bin/jpackage$exe" "${args[@]}"
  echo "installers: $type in $(( $(date +%s) - t0 )) s"
done

# 5. Signing hook: a command run once per installer with its path as the last argument (signtool on Windows,
#    notarytool on macOS, rpmsign/dpkg-sig on Linux). Empty: unsigned.
for f in "$CONVENE_DEST"/*; do
  if [ -n "${CONVENE_SIGN_COMMAND:-}" ]; then
    echo "installers: signing $(basename "$f")"
    eval "$CONVENE_SIGN_COMMAND \"\$f\""
  fi
done
echo "installers: built in $(( $(date +%s) - start )) s:"
for f in "$CONVENE_DEST"/*; do
  echo "  $(basename "$f") $(( $(wc -c < "$f") / 1024 / 1024 )) MiB ($(wc -c < "$f") bytes)"
done
