#!/bin/sh
# The scale benchmark: synthetic corpora of 1,000, 10,000 and 100,000
# articles (or the sizes given) through every stage; prints one table.
# Options after the sizes: --seed S, --dir DIR (scratch space, default the
# temporary directory; the 100,000-article run writes stores of about
# 8.5 GB one after the other, and its quads as N-Quads), --keep,
# --queries Q, --lookups STORE. Example: scripts/bench.sh 1000 10000
set -e
cd "$(dirname "$0")/.."
scripts/deps.sh
exec cargo bench --bench scale -- "$@"
