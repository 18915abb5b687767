#!/bin/sh
# Installs what zhengtu needs on Debian/Ubuntu, and nothing when it is all
# there already.
#
#   scripts/deps.sh          what building needs: libclang-dev (oxigraph's
#                            bundled RocksDB is compiled with bindgen).
#   scripts/deps.sh --test   that, and what the tests use:
#     - graphviz: the export test renders the DOT export with `dot -Tsvg`;
#     - networkx and rdflib (PyPI, pinned): the export test loads the GraphML
#       and GEXF exports in networkx and re-parses Turtle, TriG and N-Quads;
#     - chromium, chromium-driver: the page test drives a headless browser;
#     - fonts-wqy-zenhei: a Chinese font, so that its screenshot shows the text;
#     - playwright-core (tests/page/package.json, pinned) to drive it from Node;
#     - curl, and SPARQLWrapper (PyPI, pinned): the endpoint test queries
#       `zhengtu serve` with a real Python SPARQL client.
# The tests themselves install nothing.
set -e
cd "$(dirname "$0")/.."

case "${1:-}" in
    "") tests= ;;
    --test) tests=1 ;;
    *)
        echo "usage: scripts/deps.sh [--test]" >&2
        exit 2
        ;;
esac

if [ "$(id -u)" = 0 ]; then
    SUDO=
else
    SUDO=sudo
fi

# Debian packages not yet installed, of those named
apt_install() {
    missing=
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
    # an npm or pip from elsewhere (nvm, pyenv, a venv …) is fine too
    command -v npm >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ npm//; s/ nodejs//')
    python3 -m pip --version >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ python3-pip//')
    if [ -n "$missing" ]; then
        $SUDO apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
    fi
}

# pip install, also where the system Python is marked externally managed
pip_install() {
    python3 -m pip install -q "$@" || python3 -m pip install -q --break-system-packages "$@"
}

if [ -z "$tests" ]; then
    apt_install libclang-dev
    exit 0
fi

apt_install libclang-dev graphviz chromium chromium-driver fonts-wqy-zenhei nodejs npm curl python3-pip

# the Python tools of the export test, at the pinned versions: older ones
# lack what the test uses (networkx 3.4 and 3.5 read no GEXF 1.3; rdflib
# 7.1 has no Dataset.default_graph)
PY_PINS="networkx==3.6.1 rdflib==7.6.0"
# shellcheck disable=SC2086
if ! python3 -c 'import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (p.split("==") for p in sys.argv[1:])))' \
    $PY_PINS >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    pip_install $PY_PINS
fi

# node packages of the page test, as pinned in tests/page/package.json
if [ ! -f tests/page/node_modules/playwright-core/package.json ] \
    || ! grep -q "\"version\": \"$(sed -n 's/.*"playwright-core": "\(.*\)".*/\1/p' tests/page/package.json)\"" \
        tests/page/node_modules/playwright-core/package.json; then
    (cd tests/page && npm install --no-audit --no-fund --silent)
fi

# the Python SPARQL client of the endpoint test
if ! python3 -c 'import SPARQLWrapper' >/dev/null 2>&1; then
    pip_install SPARQLWrapper==2.0.0
fi
