#!/usr/bin/env bash
# Writes the MSI's main.wxs: jpackage's own template from the JDK (so it always matches the jpackage that reads
# it) with Convene's managed-config fragment inserted before </Product>. Usage: make-main-wxs.sh JDK FRAGMENT OUT
# Runs on Windows only (the template ships in the Windows JDK); not exercised on the Linux build machine.
set -euo pipefail
jdk=$1 fragment=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$jdk/bin/jimage.exe" extract --include 'regex:.*/jdk/jpackage/internal/resources/main\.wxs' --dir "$tmp" "$jdk/lib/modules"
template=$(find "$tmp" -name main.wxs | head -1)
[ -n "$template" ] || { echo "installers: no main.wxs in $jdk" >&2; exit 1; }
grep -q '</Product>' "$template" || { echo "installers: main.wxs has no </Product> (WiX 4 template?)" >&2; exit 1; }
awk -v frag="$fragment" '/<\/Product>/ { while ((getline line < frag) > 0) print line } { print }' "$template" > "$out"
echo "installers: main.wxs with managed configuration written to $out"
