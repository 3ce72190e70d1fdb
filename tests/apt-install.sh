#!/usr/bin/env bash
# Usage: apt-install.sh NAME COMMAND PACKAGE...
# Installs PACKAGEs from Debian's packages, unless COMMAND is already on the PATH, for a test that
# needs program NAME. Never fails: without it, that test says it is skipped.
set -u
name=$1 command=$2
shift 2
if command -v "$command" >/dev/null 2>&1; then
  echo "install $name: already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "install $name: needs apt-get as root; the test that needs it will be skipped"
  exit 0
fi
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
if timeout 180 apt-get update -qq >/dev/null \
  && timeout 400 apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then
  echo "install $name: installed in $(($(date +%s) - start)) s"
else
  echo "install $name: could not install it; the test that needs it will be skipped"
fi
exit 0
