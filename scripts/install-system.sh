#!/usr/bin/env bash
# System packages the tests need on Debian: Chromium for the browser tests, CJK fonts so pages render Chinese.
# Safe to run again; does nothing when everything is there. Needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto sans cjk\|wqy\|droid sans fallback' || need+=(fonts-noto-cjk)
command -v go >/dev/null 2>&1 || need+=(golang-go)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: chromium, CJK fonts and Go are present"
  exit 0
fi
echo "system packages: installing ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "system packages: done"
