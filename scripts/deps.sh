#!/bin/sh
# Installs what building zhengtu needs on Debian/Ubuntu: oxigraph's bundled
# RocksDB is compiled with bindgen, which needs libclang (libclang-dev).
set -e
if dpkg -s libclang-dev >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = 0 ]; then
    SUDO=
else
    SUDO=sudo
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libclang-dev >/dev/null
