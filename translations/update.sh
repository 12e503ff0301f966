#!/usr/bin/env bash
# Brings the .ts files up to date with the sources (every tr() under ui/ and app/studio), keeping what is translated;
# then translate the new entries (Qt Linguist, or by hand: fill <translation> and drop type="unfinished").
# test_translations fails while any entry is unfinished, obsolete or missing.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}   # Qt 6 (the lupdate on PATH may be Qt 5 qtchooser)
for lang in de ko; do
  "$lupdate" -no-obsolete -locations none -target-language "$lang" ui app/studio -ts "translations/execg_$lang.ts"
done
