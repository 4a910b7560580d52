#!/usr/bin/env bash
# Regenerates the raster app icons from the SVG sources and checks the strict node/UI icon format.
#   icons/build-icons.sh            (from anywhere; needs rsvg-convert, ImageMagick's convert, python3)
# Debian: apt-get install -y librsvg2-bin imagemagick python3   (icnsutils optional: lists the .icns)
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y librsvg2-bin imagemagick python3)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() {  # render SVG PX OUT.png
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

# 1. PNGs. Up to 32 px the bolder full-tile variant reads better; from 48 px on, the regular one.
mkdir -p app/png
for px in 16 24 32 48 64 128 256 512; do
  src=app/switchboard.svg
  [ "$px" -le 32 ] && src=app/switchboard-small.svg
  render "$src" "$px" "app/png/switchboard-$px.png"
done

# 2. Windows .ico with 16..256 (ImageMagick stores 256 as PNG, the rest as BMP). No timestamps, so that
#    a rebuild gives the same bytes.
convert app/png/switchboard-{16,24,32,48,64,128,256}.png \
  -define png:exclude-chunks=date,time +set date:create +set date:modify app/switchboard.ico

# 3. macOS .icns from the macOS variant (Apple's 1024 grid), small sizes from the bolder variant.
for px in 16 32 64 128 256 512 1024; do
  src=app/switchboard-macos.svg
  [ "$px" -le 32 ] && src=app/switchboard-small.svg
  render "$src" "$px" "$tmp/icon_$px.png"
done
python3 tools/write-icns.py app/switchboard.icns "$tmp"
if command -v icns2png >/dev/null; then icns2png -l app/switchboard.icns >/dev/null; fi

# 4. Node and UI icons must keep the strict format the app parses: the fixed <svg> line, then only
#    <path d="..."/> lines, then </svg>.
header='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">'
bad=0
for f in nodes/*.svg ui/*.svg; do
  if [ "$(head -n 1 "$f")" != "$header" ] || [ "$(tail -n 1 "$f")" != "</svg>" ] \
     || sed '1d;$d' "$f" | grep -qvE '^  <path d="[MmLlHhVvCcSsQqTtAaZz0-9. -]+"/>$' \
     || [ "$(sed '1d;$d' "$f" | wc -l)" -eq 0 ]; then
    echo "not in the strict icon format: $f" >&2
    bad=1
  fi
done
[ "$bad" -eq 0 ] || exit 1
for type in incomingCall dial play gather reject hangup switch callEvents hangupCall; do
  [ -f "nodes/$type.svg" ] || { echo "missing node icon nodes/$type.svg" >&2; exit 1; }
done
echo "icons ok: $(ls app/png | wc -l) PNGs, app/switchboard.ico, app/switchboard.icns, $(ls nodes | wc -l) node and $(ls ui | wc -l) UI icons"
