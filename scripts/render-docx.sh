#!/bin/sh
# Render a .docx the way a reader sees it: LibreOffice (headless) → PDF → PNG of page one.
# Needs the Debian packages libreoffice-writer-nogui (or libreoffice-writer), fonts-noto-cjk
# (stands in for the official fonts) and poppler-utils.
# Usage: scripts/render-docx.sh FILE.docx [OUT.png]
set -eu
docx=$1
out=${2:-${docx%.docx}.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private profile, so that a running LibreOffice or a first-run dialog cannot interfere.
soffice -env:UserInstallation=file://"$work"/profile --headless \
    --convert-to pdf --outdir "$work" "$docx" >/dev/null
pdf="$work/$(basename "${docx%.docx}").pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$work/page"
mv "$work/page.png" "$out"
echo "$out"
