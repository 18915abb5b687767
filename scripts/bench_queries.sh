#!/bin/sh
# The query benchmark of issue 15: the analyst queries of scripts/queries/
# over the merged default graph and over the union of the article graphs
# (--union), through the CLI (`zhengtu query`) and the SPARQL endpoint
# (`zhengtu serve`), side by side; one table per corpus size.
#
#   scripts/bench_queries.sh                  N = 10,000 and 100,000 articles
#   scripts/bench_queries.sh 2000 10000       chosen sizes
#   scripts/bench_queries.sh --store S        an existing store, no build
#
# Options: --dir DIR (scratch space for corpora and stores; default a new
# directory under $TMPDIR or /tmp, deleted afterwards), --keep (keep
# corpora and stores), --runs R (runs per query and way, default 5),
# --store S, --queries DIR (default scripts/queries), --max-rss GIB (kill
# a query process or server past this resident memory and report "mem";
# default a third of the memory available at the start: a query over the
# union of the article graphs can take gigabytes).
#
# The binary: $ZHENGTU_BIN if set, else target/release/zhengtu under
# $CARGO_TARGET_DIR (default ./target), built first with
# `cargo build --release`. The timing itself is scripts/bench_queries.py
# (Python 3, standard library), which starts and stops the two servers.
set -e
cd "$(dirname "$0")/.."

if [ -n "${ZHENGTU_BIN:-}" ]; then
    bin=$ZHENGTU_BIN
else
    cargo build --release --quiet
    bin=${CARGO_TARGET_DIR:-target}/release/zhengtu
fi
if [ ! -x "$bin" ]; then
    echo "bench_queries: no zhengtu binary at $bin" >&2
    exit 1
fi

# the helper stops its servers when it ends and when it gets TERM: on INT,
# TERM or HUP, send it TERM (a background job ignores INT) and wait for it
# to clean up
child=
stop() {
    if [ -n "$child" ]; then
        kill -s TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    exit "$1"
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop 129' HUP

python3 scripts/bench_queries.py --bin "$bin" "$@" &
child=$!
set +e
wait "$child"
rc=$?
# a trapped signal interrupts wait; the trap has waited for the child
exit "$rc"
