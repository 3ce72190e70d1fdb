#!/usr/bin/env bash
# Installs Chromium (headless) and Chinese fonts from Debian's packages, for
# tests/report_browser.rs (which opens the reports jixiao writes, screenshots them and prints
# them to PDF). Never fails: without Chromium that test says it is skipped. The fonts are for
# the screenshots people look at (left out under CI); the test's checks do not need them.
set -u
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "install-chromium: Chromium is already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "install-chromium: needs apt-get as root; the browser test will be skipped"
  exit 0
fi
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
# Chinese fonts make the screenshots readable for a person; CI's checks do not look at glyphs.
fonts=fonts-noto-cjk
if [ -n "${CI:-}" ]; then fonts=; fi
if timeout 180 apt-get update -qq >/dev/null \
  && timeout 400 apt-get install -y -qq --no-install-recommends chromium $fonts >/dev/null; then
  echo "install-chromium: installed in $(($(date +%s) - start)) s"
else
  echo "install-chromium: could not install Chromium; the browser test will be skipped"
fi
exit 0
