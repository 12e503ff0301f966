#!/usr/bin/env bash
# One command: install what is missing, build everything, run every test (unit, data, gui, slow).
# Data tests read ../shared/ecg-corpus (override with EXECG_CORPUS_DIR) and skip cleanly without it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
preset=${EXECG_PRESET:-ci}
extra=()
[[ -n "${EXECG_CORPUS_DIR:-}" ]] && extra+=("-DEXECG_CORPUS_DIR=${EXECG_CORPUS_DIR}")
cmake --preset "$preset" "${extra[@]}"
cmake --build --preset "$preset" -j "$(nproc)"
# Fuzz-corpus replay runs here too (as plain executables, no clang needed): see tests/fuzz.
ctest --preset "$preset" -j "$(nproc)" "$@"
