#!/usr/bin/env bash
# Checks that jixiao compiles for Windows, where src/lang.rs reads the user's display language
# (GetUserDefaultUILanguage), with clippy's lints. Needs the Rust target x86_64-pc-windows-gnu
# and a MinGW C compiler (mimalloc's build script compiles C); installs them when it can, and
# says the check is skipped when it cannot. Fails only when the code does not check.
set -u
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  if ! timeout 300 rustup target add "$target" >/dev/null 2>&1; then
    echo "check-windows: cannot install the Rust target $target; the Windows check is skipped"
    exit 0
  fi
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  if ! { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] \
    && timeout 180 apt-get update -qq >/dev/null \
    && timeout 300 apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null; }; then
    echo "check-windows: cannot install a MinGW C compiler (gcc-mingw-w64-x86-64); the Windows check is skipped"
    exit 0
  fi
fi
cargo clippy --target "$target" --lib --bins -- -D warnings
