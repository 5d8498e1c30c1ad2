#!/usr/bin/env bash
# Renders the application icon from its one source, assets/app-icon/memberdesk.svg, into what
# each OS needs, next to the source:
#   memberdesk-{16,24,32,48,64,128,256,512}.png  Linux (.deb desktop entry uses the 256 one),
#                                                JavaFX window icons (on the classpath as
#                                                /assets/app-icon/memberdesk-N.png)
#   memberdesk.ico                               Windows (16 to 256 px in one file)
#   memberdesk.icns                              macOS (16 to 1024 px, drawn on Apple's icon grid:
#                                                the artwork fills 824 of 1024 px, as macOS icons do)
# Needs ImageMagick (6: convert, or 7: magick; set CONVERT to choose) and a JDK (java) for the
# .icns. The outputs are committed; run this only after changing the SVG. The PNGs carry no
# timestamps, so an unchanged SVG renders to unchanged files.
set -euo pipefail
unset CDPATH
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
icons="$repo/assets/app-icon"
svg="$icons/memberdesk.svg"

if [ -z "${CONVERT:-}" ]; then
  if command -v magick >/dev/null 2>&1; then CONVERT=magick
  elif command -v convert >/dev/null 2>&1; then CONVERT=convert
  else echo "render-icons: ImageMagick not found (apt-get install imagemagick; brew install imagemagick)" >&2; exit 1
  fi
fi
command -v java >/dev/null 2>&1 || { echo "render-icons: java not found (needed for the .icns)" >&2; exit 1; }
[ -f "$svg" ] || { echo "render-icons: $svg is missing" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 8-bit RGBA PNG without the date/time chunks ImageMagick adds, so the output is reproducible.
png_out=(-strip -define png:exclude-chunks=date,time -define png:color-type=6 -depth 8)

# One big master (the SVG is 512 units: density 72 draws it at 512 px, 144 at 1024 px), then
# every size is a downscale of it: sharper edges at 16 and 32 px than drawing the SVG that small.
"$CONVERT" -background none -density 144 "$svg" -resize 1024x1024 "${png_out[@]}" "PNG32:$work/master-1024.png"

for size in 16 24 32 48 64 128 256 512; do
  "$CONVERT" "$work/master-1024.png" -filter Lanczos -resize "${size}x${size}" "${png_out[@]}" \
    "PNG32:$icons/memberdesk-$size.png"
done

# Windows: one .ico with the sizes Explorer, the taskbar and the Start menu ask for.
"$CONVERT" "$icons/memberdesk-16.png" "$icons/memberdesk-24.png" "$icons/memberdesk-32.png" \
  "$icons/memberdesk-48.png" "$icons/memberdesk-64.png" "$icons/memberdesk-128.png" \
  "$icons/memberdesk-256.png" "$icons/memberdesk.ico"

# macOS: the artwork scaled to 824/1024 of the canvas, centred, then every icns size from that.
"$CONVERT" "$work/master-1024.png" -filter Lanczos -resize 824x824 -background none -gravity center \
  -extent 1024x1024 "${png_out[@]}" "PNG32:$work/mac-1024.png"
for size in 16 32 64 128 256 512; do
  "$CONVERT" "$work/mac-1024.png" -filter Lanczos -resize "${size}x${size}" "${png_out[@]}" \
    "PNG32:$work/mac-$size.png"
done
java "$here/MakeIcns.java" "$icons/memberdesk.icns" \
  "icp4=$work/mac-16.png" "icp5=$work/mac-32.png" "icp6=$work/mac-64.png" \
  "ic07=$work/mac-128.png" "ic08=$work/mac-256.png" "ic09=$work/mac-512.png" "ic10=$work/mac-1024.png" \
  "ic11=$work/mac-32.png" "ic12=$work/mac-64.png" "ic13=$work/mac-256.png" "ic14=$work/mac-512.png"

echo "render-icons: wrote $(cd "$icons" && ls memberdesk-*.png memberdesk.ico memberdesk.icns | tr '\n' ' ')"
