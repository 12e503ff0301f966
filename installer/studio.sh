#!/usr/bin/env bash
# One command: install what is missing, build, and open ExECG Studio on the given files or folders — or, given none,
# on the bundled demo case (a synthetic hyperkalaemia ECG with the potassium demo model and its explanations).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
cmake --preset default
cmake --build --preset default -j "$(nproc)" --target execg-studio execg-cli
if (($# == 0)); then set -- --demo; fi
exec ./build/app/studio/execg-studio "$@"
