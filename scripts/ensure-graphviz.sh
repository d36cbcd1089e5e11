#!/usr/bin/env bash
# Makes sure Graphviz's `dot` is on this machine, for `alicloud-ml diagram --format svg|png` and the
# diagram tests (the `graphviz` Python package only shells out to it). Debian's `graphviz` package;
# fonts-dejavu-core so labels have a font of known metrics (dot sizes boxes from the font it finds).
#
# Idempotent: does nothing when `dot` is on PATH. Otherwise installs with apt-get, running
# `apt-get update` only when apt has no candidate for the package yet. Needs root (or sudo).
set -euo pipefail

command -v dot >/dev/null && exit 0

SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || { echo "ensure-graphviz: need root or sudo to install graphviz (or install it yourself)" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
packages=(graphviz fonts-dejavu-core)
echo "ensure-graphviz: installing ${packages[*]} with apt-get"
if ! apt-cache policy graphviz 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  "${SUDO[@]}" apt-get update -qq
fi
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
command -v dot >/dev/null || { echo "ensure-graphviz: dot still missing after installing graphviz" >&2; exit 1; }
