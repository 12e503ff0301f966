#!/usr/bin/env bash
# Installs the Debian 12 packages ExECG Studio needs to build, test and run.
# Idempotent: installs only what is missing; runs `apt-get update` at most once.
# Usage: installer/install-deps.sh [--runtime-only]
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqcustomplot-dev
  libtorch-dev
  libdcmtk-dev
  libboost-dev
  nlohmann-json3-dev
  libflac-dev
  zlib1g-dev
  libbenchmark-dev
  clang libclang-rt-14-dev
)
# Runtime helpers: offscreen/Xvfb GUI tests, OpenBLAS (much faster LibTorch on CPU), PDF rasterising for tests.
RUNTIME_PKGS=(
  libopenblas0-pthread
  xvfb xauth imagemagick poppler-utils
  dcmtk
  fonts-dejavu-core
)

PKGS=("${BUILD_PKGS[@]}" "${RUNTIME_PKGS[@]}")
if [[ "${1:-}" == "--runtime-only" ]]; then PKGS=("${RUNTIME_PKGS[@]}"); fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PKGS[@]} packages already installed"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
