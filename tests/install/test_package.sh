#!/usr/bin/env bash
# Builds the .deb from the build tree BUILD, unpacks it into WORK/root and runs the installed programs from there:
# execg-cli --version, and a headless PDF report on the bundled demo case with the bundled potassium model (which
# execg-cli hands to the installed /usr/libexec/execg-studio/execg-cli-models).
# Fails with the step that failed.
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
fail() { echo "test_package: $*" >&2; exit 1; }

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" > cpack.log 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/execg-studio_*_amd64.deb 2>/dev/null | head -1)
[[ -n "$deb" ]] || fail "no .deb in $work"
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

info=$(dpkg-deb --info "$deb")
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
echo "depends: $depends"
for dep in libtorch libqt6widgets6 libdcmtk libopenblas0-pthread libsqlite3; do
  grep -q "$dep" <<<"$depends" || fail "the package does not depend on $dep"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/execg-cli usr/libexec/execg-studio/execg-cli-models usr/bin/execg-studio usr/share/execg-studio/models/potassium.pt \
         usr/share/execg-studio/models/potassium.card.json usr/share/execg-studio/models/ecg_autoencoder.pt \
         usr/share/execg-studio/demo/demo_hyperkalaemia.hea usr/share/applications/execg-studio.desktop \
         usr/share/icons/hicolor/scalable/apps/execg-studio.svg usr/share/mime/packages/execg-studio.xml \
         usr/share/execg-studio/slurm/submit-cohort.sh usr/share/execg-studio/slurm/cohort-array.sbatch; do
  [[ -e "$root/$f" ]] || fail "the package lacks /$f"
done
grep -q '^MimeType=.*application/dicom.*text/x-wfdb-header' "$root/usr/share/applications/execg-studio.desktop" ||
  fail "the desktop entry does not associate DICOM and WFDB headers"

version=$("$root/usr/bin/execg-cli" --version)
[[ "$version" == "execg-cli "* ]] || fail "execg-cli --version printed '$version'"
echo "$version"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/execg-studio" --version | grep -q "ExECG Studio\|execg-studio" || fail "execg-studio --version"

share="$root/usr/share/execg-studio"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/execg-cli" report --model "$share/models/potassium.pt" --threads 2 \
  "$share/demo/demo_hyperkalaemia.hea" --out "$work/report" > "$work/report.log" 2>&1 ||
  { cat "$work/report.log" >&2; fail "the installed execg-cli could not write the demo report"; }
pdf=$(ls "$work"/report/*.pdf 2>/dev/null | head -1)
[[ -n "$pdf" ]] || fail "no PDF report written"
text=$(pdftotext "$pdf" - 2>/dev/null || true)
grep -q "potassium" <<<"$text" || fail "the report does not name the model's output"
grep -qi "not for clinical use" <<<"$text" || fail "the report lacks the demo notice"
echo "report: $(basename "$pdf"), $(du -k "$pdf" | cut -f1) KiB"
