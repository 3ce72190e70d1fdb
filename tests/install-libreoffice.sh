#!/usr/bin/env bash
# Installs LibreOffice Calc without a GUI from Debian's packages, for tests/libreoffice.rs (which
# opens every result file jixiao writes in it). Never fails: without LibreOffice that test says
# it is skipped. Takes about 40 s on a fresh Debian 12 machine (about 60 packages).
set -u
if command -v soffice >/dev/null 2>&1; then
  echo "install-libreoffice: soffice is already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "install-libreoffice: needs apt-get as root; the LibreOffice test will be skipped"
  exit 0
fi
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
if timeout 180 apt-get update -qq >/dev/null \
  && timeout 300 apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; then
  echo "install-libreoffice: installed in $(($(date +%s) - start)) s"
else
  echo "install-libreoffice: could not install LibreOffice; the LibreOffice test will be skipped"
fi
exit 0
