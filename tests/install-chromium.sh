#!/usr/bin/env bash
# Installs Chromium (headless) and Chinese fonts from Debian's packages, for
# tests/report_browser.rs (which opens the reports jixiao writes, screenshots them and prints
# them to PDF). Never fails: without Chromium that test says it is skipped. The fonts are for
# the screenshots people look at (left out under CI); the test's checks do not need them.
fonts=fonts-noto-cjk
if [ -n "${CI:-}" ]; then fonts=; fi
exec bash "$(dirname "$0")/apt-install.sh" Chromium chromium chromium $fonts
