#!/usr/bin/env bash
# One command: install what is missing, build, and open ExECG Studio (on the given files, if any).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
cmake --preset default
cmake --build --preset default -j "$(nproc)" --target execg-studio execg-cli
exec ./build/app/studio/execg-studio "$@"
