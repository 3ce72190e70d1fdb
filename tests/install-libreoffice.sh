#!/usr/bin/env bash
# Installs LibreOffice Calc without a GUI from Debian's packages, for tests/libreoffice.rs (which
# opens every result file jixiao writes in it). Never fails: without LibreOffice that test says
# it is skipped. Takes about 40 s on a fresh Debian 12 machine (about 60 packages).
exec bash "$(dirname "$0")/apt-install.sh" LibreOffice soffice libreoffice-calc-nogui
