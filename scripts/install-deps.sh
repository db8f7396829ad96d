#!/usr/bin/env bash
# Installs what nblint needs to build and run its tests on Debian 12 (bookworm), with apt-get.
#
# Safe to run twice: when every package is already installed it says so and does not touch apt
# at all (fast, and works offline). Uses sudo when not run as root.
#
# Never add libboost-dev here: on Debian 12 it is Boost 1.74, and libboost1.81-dev conflicts
# with libboost1.74-dev, so apt would remove one for the other. See docs/development.md.
#
#   scripts/install-deps.sh          what the build and the tests need
#   scripts/install-deps.sh --fuzz   also clang and libFuzzer (scripts/fuzz.sh, docs/reliability.md);
#                                    not in the default list: CI and the normal build use GCC
set -euo pipefail

PACKAGES=(
  g++
  cmake
  ninja-build
  make
  pkg-config
  libboost1.81-dev
  libicu-dev
  libyaml-cpp-dev
  doctest-dev
  libcli11-dev
  nlohmann-json3-dev
  libgumbo-dev
  libzip-dev
  libpugixml-dev
  libpoppler-cpp-dev
  python3-jsonschema  # tests: nblint's SARIF is validated against the official SARIF 2.1.0 schema
  chromium            # tests: the `nblint report` page rendered headless (tests/e2e/report_browser_test.cpp)
  fonts-wqy-microhei  # … with a Chinese font, so its screenshots show the text
)

# clang with -fsanitize=fuzzer: libclang-rt-14-dev holds libclang_rt.fuzzer on Debian 12.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)
for arg in "$@"; do
  case "$arg" in
    --fuzz) PACKAGES+=("${FUZZ_PACKAGES[@]}") ;;
    *) printf 'install-deps: unknown option %s (only --fuzz)\n' "$arg" >&2; exit 2 ;;
  esac
done

log() { printf 'install-deps: %s\n' "$*"; }

is_installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [[ "$status" == *"install ok installed"* ]]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  log "dpkg-query not found: this script supports Debian 12 (apt/dpkg) only." >&2
  log "Install these packages by other means: ${PACKAGES[*]}" >&2
  exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! is_installed "$pkg"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  log "all ${#PACKAGES[@]} packages already installed (${PACKAGES[*]}); skipping apt-get."
  exit 0
fi

log "missing packages: ${missing[*]}"

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
  log "not root: using sudo."
else
  log "error: need root to install packages, and sudo is not available." >&2
  log "Run this script as root, or install sudo, or install by hand:" >&2
  log "  apt-get install ${missing[*]}" >&2
  exit 1
fi

log "running: apt-get update"
"${SUDO[@]}" apt-get update

log "running: apt-get install -y --no-install-recommends ${missing[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"

log "done."
