#!/usr/bin/env bash
# Renders convene.svg into the icons jpackage needs and that are committed beside it:
#   ../linux/Convene.png (256 px), ../windows/Convene.ico (16–256 px), ../macos/Convene.icns (16–1024 px).
# Needs ffmpeg built with librsvg (Debian's is) and python3. Run again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 64 128 256 512 1024; do
  ffmpeg -loglevel error -y -i convene.svg -vf "scale=${size}:${size}:flags=lanczos" -pix_fmt rgba "$tmp/$size.png"
done
cp "$tmp/256.png" ../linux/Convene.png
python3 - "$tmp" <<'PY'
import struct, sys, os
tmp = sys.argv[1]
def png(size):
    with open(os.path.join(tmp, f"{size}.png"), "rb") as f:
        return f.read()
# ICO with PNG-compressed entries (Windows Vista and later)
sizes = [16, 32, 48, 64, 128, 256]
header = struct.pack("<HHH", 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
entries, blobs = b"", b""
for s in sizes:
    data = png(s)
    entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset + len(blobs))
    blobs += data
with open("../windows/Convene.ico", "wb") as f:
    f.write(header + entries + blobs)
# ICNS with PNG entries (macOS 10.7 and later)
types = {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024}
body = b"".join(t.encode() + struct.pack(">I", 8 + len(png(s))) + png(s) for t, s in types.items())
with open("../macos/Convene.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
echo "icons written: ../linux/Convene.png ../windows/Convene.ico ../macos/Convene.icns"
