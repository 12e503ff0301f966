#!/usr/bin/env bash
# One command: install what is missing, build (release, without debug info) and write the packages:
# build-package/execg-studio_<version>_amd64.deb and build-package/execg-studio-<version>-Linux.tar.gz.
# Install the .deb with `sudo apt install ./build-package/execg-studio_*_amd64.deb` (apt fetches its dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/install-deps.sh
cmake -S . -B build-package -G Ninja -DCMAKE_BUILD_TYPE=Release -DEXECG_BUILD_TESTS=OFF -DEXECG_BUILD_BENCHMARKS=OFF
cmake --build build-package -j "$(nproc)" --target execg-studio execg-cli
(cd build-package && cpack -G "DEB;TGZ")
ls -l build-package/execg-studio*.deb build-package/execg-studio*.tar.gz
