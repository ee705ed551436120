#!/usr/bin/env bash
# Install step of action.yml. Uses a pypyready already on PATH; else installs the .deb at
# DEB_URL; else builds this checkout of pypyready (Release, no tests) and installs it to
# /usr/local. `check` also needs the interpreters it compares: python3 and pypy3.
# Environment: DEB_URL, COMMAND (scan|check), SOURCE (the action's folder).
set -euo pipefail

as_root=()
if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi
apt_install() {
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

if [[ "$COMMAND" == check ]] && ! command -v pypy3 >/dev/null; then
  apt_install python3 python3-venv pypy3 pypy3-venv
fi

if command -v pypyready >/dev/null; then
  echo "pypyready: using $(command -v pypyready) ($(pypyready --version))"
  exit 0
fi

if [[ -n "${DEB_URL:-}" ]]; then
  deb="${RUNNER_TEMP:-/tmp}/pypyready.deb"
  curl -fsSL --retry 3 -o "$deb" "$DEB_URL"
  apt_install "$deb"
else
  apt_install build-essential cmake ninja-build pkg-config libcli11-dev libfmt-dev nlohmann-json3-dev \
    libtomlplusplus-dev libelf-dev libicu-dev libpugixml-dev libcurl4-openssl-dev
  build="${RUNNER_TEMP:-/tmp}/pypyready-build"
  cmake -S "$SOURCE" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPYPYREADY_TESTS=OFF -DPYPYREADY_BENCH=OFF
  cmake --build "$build"
  "${as_root[@]}" cmake --install "$build" --prefix /usr/local
fi
pypyready --version
