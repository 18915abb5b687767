#!/bin/sh
# Installs what building and testing zhengtu needs on Debian/Ubuntu, and
# nothing when it is all there already:
# - libclang-dev: oxigraph's bundled RocksDB is compiled with bindgen;
# - graphviz: the export test renders the DOT export with `dot -Tsvg`;
# - networkx and rdflib (PyPI, pinned): the export test loads the GraphML
#   and GEXF exports in networkx and re-parses Turtle, TriG and N-Quads.
# The tests themselves install nothing.
set -e
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then
    SUDO=
else
    SUDO=sudo
fi

missing=
for p in libclang-dev graphviz python3-pip; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# a pip from elsewhere (pyenv, a venv …) is fine too
python3 -m pip --version >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ python3-pip//')
if [ -n "$missing" ]; then
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

# the Python tools of the export test
if ! python3 -c 'import networkx, rdflib' >/dev/null 2>&1; then
    python3 -m pip install -q networkx==3.4.2 rdflib==7.1.4 \
        || python3 -m pip install -q --break-system-packages networkx==3.4.2 rdflib==7.1.4
fi
