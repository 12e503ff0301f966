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
  libxml2-dev
  libboost-dev
  nlohmann-json3-dev
  libflac-dev
  zlib1g-dev
  libsqlite3-dev
  libbenchmark-dev
  clang libclang-rt-14-dev
)
# Runtime helpers: offscreen/Xvfb GUI tests, OpenBLAS (much faster LibTorch on CPU), PDF rasterising for tests,
# a CJK font for the Korean interface.
RUNTIME_PKGS=(
  libopenblas0-pthread
  xvfb xauth imagemagick poppler-utils
  dcmtk
  fonts-dejavu-core
  fonts-noto-cjk
)

# For the tests only: a single-node Slurm the cohort test starts on localhost (installer/slurm/local-slurm.sh).
# Its packages enable services that stay idle without a configuration of the machine's own.
TEST_PKGS=(
  slurm-wlm munge
)

PKGS=("${BUILD_PKGS[@]}" "${RUNTIME_PKGS[@]}" "${TEST_PKGS[@]}")
if [[ "${1:-}" == "--runtime-only" ]]; then PKGS=("${RUNTIME_PKGS[@]}"); fi

# OpenBLAS's libblas alternative (priority 100) wins over the reference BLAS (10) in automatic mode; measured on the
# Captum reference model it makes a batch-1 forward 2.7x and forward+gradient ~10x faster (docs/models.md). A machine
# set to another BLAS by hand keeps its choice, with a hint.
check_blas() {
  local current
  current=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | sed -n 's/^Value: //p')
  if [[ -n "$current" && "$current" != *openblas* ]]; then
    echo "install-deps: note: BLAS is $current; OpenBLAS makes LibTorch several times faster:" >&2
    echo "  sudo update-alternatives --auto libblas.so.3-x86_64-linux-gnu" >&2
  fi
}

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PKGS[@]} packages already installed"
  check_blas
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
check_blas
