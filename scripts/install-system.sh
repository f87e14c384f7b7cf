#!/usr/bin/env bash
# System packages the tests need on Debian: Chromium for the browser tests, CJK fonts so pages render Chinese, Go
# (FerretDB), Java 17 and Maven (mongo-java-server).
# Safe to run again; does nothing when everything is there. Needs root (or sudo) only when something is missing.
set -euo pipefail

# schemathesis (PyPI) for the fuzz test (tests/fuzz/run.ts, run by tests/integration/fuzz.test.ts), pinned, in a venv of
# its own so the system Python stays untouched. Any Python >= 3.9 works (3.11 here); does nothing when it is there.
ST_VERSION=4.32.5
ST_VENV="${XDG_CACHE_HOME:-$HOME/.cache}/jishiban/venv"
if "$ST_VENV/bin/st" --version 2>/dev/null | grep -q "version $ST_VERSION\$"; then
  echo "schemathesis $ST_VERSION is present in $ST_VENV"
else
  echo "schemathesis: installing $ST_VERSION in $ST_VENV"
  mkdir -p "$(dirname "$ST_VENV")"
  if ! python3 -m venv --clear "$ST_VENV" >/dev/null 2>&1; then
    # Debian's python3 without its venv module
    [ "$(id -u)" -eq 0 ] && ST_SUDO="" || ST_SUDO="sudo"
    $ST_SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $ST_SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    python3 -m venv --clear "$ST_VENV"
  fi
  "$ST_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$ST_VERSION"
  "$ST_VENV/bin/st" --version
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto sans cjk\|wqy\|droid sans fallback' || need+=(fonts-noto-cjk)
command -v go >/dev/null 2>&1 || need+=(golang-go)
# mongo-java-server, the default MongoDB emulator (scripts/lib/mongo-java-server.ts): a JDK ≥ 17 and Maven
javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])' || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v openssl >/dev/null 2>&1 || need+=(openssl)   # test keys and certificates for the WeChat Pay mock
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: chromium, CJK fonts, Go, Java 17, Maven and openssl are present"
  exit 0
fi
echo "system packages: installing ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "system packages: done"
