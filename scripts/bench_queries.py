#!/usr/bin/env python3
"""The query benchmark of issue 15 (SPARQL at archive scale).

For each size N: a synthetic corpus (gen-corpus --seed 7), a store built from
it (timed), then every query of scripts/queries/*.rq run, side by side in the
same run, four ways: the CLI (`zhengtu query -f Q --format csv`) over the
merged default graph and with --union over the union of the article graphs,
and the SPARQL endpoint of two servers on the same store (`zhengtu serve`,
one with --union), each asked by POST /query (application/sparql-query,
Accept: text/csv). Each way runs R times (default 5), the four ways one
after the other in each round; a table per N gives the median wall time, the
rows, and the speed-up of the merged graph over the union at the endpoint.

A CLI run is a whole process (start, store opening, query, CSV out); an
endpoint run is one HTTP request to a server that has its store open.
"timeout": the CLI exited with its timeout code (5) after --timeout 60, or
the server answered 503 after its default 30 s. Once a way has timed out
on a query for half the runs, its median is a timeout whatever the other
runs give: the rest are skipped. A cancelled query may go on for a while
inside the process (oxigraph notices the cancellation only when it next
reads from the store): a CLI still running 15 s after its --timeout is
killed (and counted as a timeout); after a 503 the benchmark waits up to
10 s for the server to go idle, and else restarts it, so that the query
left running does not slow the next measurements. A union query can also
take gigabytes: any zhengtu process of the benchmark whose resident memory
passes --max-rss (default a third of the memory available at the start) is
killed, and that way of that query reported as "mem".

Called by scripts/bench_queries.sh, which finds (and builds) the binary:

    scripts/bench_queries.sh [N ...] [--dir DIR] [--keep] [--runs R]
                             [--store S] [--queries DIR] [--max-rss GIB]

Standard library only.
"""

import argparse
import atexit
import csv
import io
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

CLI_TIMEOUT = 60  # seconds, the CLI's --timeout
SERVE_TIMEOUT = 30  # seconds, zhengtu serve's default (kept)
TIMEOUT_EXIT = 5  # zhengtu's exit code for a cancelled query
SEED = 7
WAYS = ("cli", "cli-union", "serve", "serve-union")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def disk_usage(path):
    """Bytes on disk under path, each hard-linked file once (as du)."""
    seen = set()
    total = 0
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            total += getattr(st, "st_blocks", 0) * 512 or st.st_size
    return total


def proc_kib_field(path, key):
    """The bytes of a "Key: N kB" line of a /proc file (Linux), or None."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def rss_bytes(pid):
    """Resident memory of a process (Linux), or None."""
    return proc_kib_field("/proc/%d/status" % pid, "VmRSS")


def available_bytes():
    """MemAvailable (Linux), or None."""
    return proc_kib_field("/proc/meminfo", "MemAvailable")


class Guard(threading.Thread):
    """Kills a process whose resident memory passes a limit."""

    def __init__(self, proc, limit, interval=0.2):
        super().__init__(daemon=True)
        self.proc = proc
        self.limit = limit
        self.interval = interval
        self.killed = False
        self.done = threading.Event()
        self.start()

    def run(self):
        while not self.done.wait(self.interval):
            if self.proc.poll() is not None:
                return
            rss = rss_bytes(self.proc.pid)
            if rss is not None and rss > self.limit:
                self.killed = True
                self.proc.kill()
                return

    def stop(self):
        self.done.set()


def count_rows(body):
    """Rows of a SPARQL CSV answer (the header line not counted)."""
    text = body.decode("utf-8", errors="replace")
    if not text.strip():
        return 0
    return max(0, sum(1 for _ in csv.reader(io.StringIO(text))) - 1)


class Result:
    """One run: seconds, or a timeout, or an error; and the rows."""

    def __init__(self, seconds=None, rows=None, timeout=False, error=None,
                 truncated=False, memory=False, overran=False):
        self.seconds = seconds
        self.rows = rows
        self.timeout = timeout
        self.error = error
        self.truncated = truncated
        # killed for passing --max-rss
        self.memory = memory
        # a CLI killed after running well past its --timeout
        self.overran = overran


# the servers running, stopped however the benchmark ends
RUNNING = []


class Server:
    """A `zhengtu serve` on 127.0.0.1, on a port it picks itself, killed
    when its memory passes `limit`."""

    def __init__(self, binary, store, union, limit):
        self.cmd = [binary, "--store", store, "serve", "--bind", "127.0.0.1:0"]
        if union:
            self.cmd.append("--union")
        self.name = "serve" + (" --union" if union else "")
        self.limit = limit
        self.proc = None
        self.guard = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(
            self.cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        RUNNING.append(self)
        self.log = []
        self.address = None
        found = threading.Event()
        proc = self.proc

        def drain():
            for raw in proc.stderr:
                line = raw.decode("utf-8", errors="replace").rstrip()
                self.log.append(line)
                del self.log[:-50]
                m = re.search(r"listening on (http://[^/\s]+)", line)
                if m and self.address is None:
                    self.address = m.group(1)
                    found.set()
            found.set()

        threading.Thread(target=drain, daemon=True).start()
        found.wait(300)
        if self.address is None:
            self.stop()
            raise RuntimeError("zhengtu %s did not say where it listens:\n%s"
                               % (self.name, "\n".join(self.log)))
        self.guard = Guard(self.proc, self.limit, interval=0.5)

    def restart(self):
        self.stop()
        self.start()

    def cpu_seconds(self):
        """User + system CPU time of the server so far (Linux), or None."""
        try:
            with open("/proc/%d/stat" % self.proc.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def settle(self, limit=10.0):
        """Waits until the server burns less than 5% of a core (a query
        cancelled after its 503 may still run inside it), and restarts it
        if it has not within `limit` seconds; whether it was restarted."""
        start = time.monotonic()
        before = self.cpu_seconds()
        while before is not None and time.monotonic() - start < limit:
            time.sleep(0.5)
            now = self.cpu_seconds()
            if now is None or now - before < 0.025:
                return False
            before = now
        self.restart()
        return True

    def query(self, text):
        if self.proc.poll() is not None:
            self.restart()
        req = urllib.request.Request(
            self.address + "/query", data=text.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": "text/csv"})
        start = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=SERVE_TIMEOUT + 60) as resp:
                body = resp.read()
                seconds = time.monotonic() - start
                truncated = resp.headers.get("Zhengtu-Truncated", "").lower() == "true"
                return Result(seconds, count_rows(body), truncated=truncated)
        except urllib.error.HTTPError as e:
            seconds = time.monotonic() - start
            detail = e.read().decode("utf-8", errors="replace").strip()[:200]
            if e.code == 503:
                return Result(seconds, timeout=True)
            return Result(seconds, error="HTTP %d %s" % (e.code, detail))
        except (urllib.error.URLError, OSError) as e:
            seconds = time.monotonic() - start
            if self.guard.killed:
                self.restart()
                return Result(seconds, memory=True)
            return Result(seconds, error="%s (%s)" % (e, " / ".join(self.log[-2:])))

    def stop(self):
        if self in RUNNING:
            RUNNING.remove(self)
        if self.guard:
            self.guard.stop()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def cli_query(binary, store, path, union, limit):
    cmd = [binary, "--store", store, "query", "-f", path, "--format", "csv",
           "--timeout", str(CLI_TIMEOUT)]
    if union:
        cmd.append("--union")
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    guard = Guard(p, limit)
    try:
        out, err = p.communicate(timeout=CLI_TIMEOUT + 15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return Result(time.monotonic() - start, timeout=True, overran=True)
    finally:
        guard.stop()
    seconds = time.monotonic() - start
    if guard.killed:
        return Result(seconds, memory=True)
    if p.returncode == TIMEOUT_EXIT:
        return Result(seconds, timeout=True)
    if p.returncode != 0:
        lines = err.decode("utf-8", errors="replace").strip().splitlines()
        return Result(seconds, error="exit %d: %s" % (p.returncode, lines[-1] if lines else ""))
    return Result(seconds, count_rows(out))


class Measure:
    """The runs of one way on one query."""

    def __init__(self, runs):
        self.runs = runs
        self.results = []

    def done(self):
        timeouts = sum(r.timeout for r in self.results)
        stopped = sum(r.error is not None or r.memory for r in self.results)
        return (len(self.results) >= self.runs or stopped > 0
                or timeouts >= (self.runs + 1) // 2)

    def memory(self):
        return any(r.memory for r in self.results)

    def overran(self):
        return sum(r.overran for r in self.results)

    def error(self):
        return next((r.error for r in self.results if r.error), None)

    def p50(self):
        """The median in seconds (inf: a timeout), or None (an error or
        killed for its memory)."""
        if self.error() or self.memory() or not self.results:
            return None
        times = [float("inf") if r.timeout else r.seconds for r in self.results]
        # the skipped runs are timeouts for the median's sake
        times += [float("inf")] * (self.runs - len(times))
        return statistics.median(times)

    def rows(self):
        """The row count of the answers (the first that has one), and
        whether it was cut at the server's limit."""
        for r in self.results:
            if r.rows is not None:
                return r.rows, r.truncated
        return None, False


def fmt_cell(m):
    if m.memory():
        return "mem"
    return fmt_time(m.p50())


def fmt_time(p50):
    if p50 is None:
        return "error"
    if p50 == float("inf"):
        return "timeout"
    if p50 < 10:
        return "%.3f" % p50
    return "%.1f" % p50


def fmt_speedup(union, merged):
    if union is None or merged is None or merged == float("inf"):
        return "n/a"
    if union == float("inf"):
        return ">%.0fx" % (SERVE_TIMEOUT / merged) if merged > 0 else "n/a"
    if merged <= 0:
        return "n/a"
    x = union / merged
    return ("%.1fx" % x) if x < 100 else ("%.0fx" % x)


def bench_store(binary, store, queries, runs, limit, union_runs=None):
    """Runs every query every way on a store: {query: {way: Measure}}."""
    union_runs = union_runs or runs
    servers = {}
    try:
        log("  starting the servers (merged, union)")
        servers["serve"] = Server(binary, store, False, limit)
        servers["serve-union"] = Server(binary, store, True, limit)
        log("    merged %s, union %s" % (servers["serve"].address,
                                        servers["serve-union"].address))
        out = {}
        restarts = {}
        for name, path, text in queries:
            ms = {w: Measure(union_runs if w.endswith("union") else runs) for w in WAYS}
            out[name] = ms
            for round_ in range(runs):
                for w in WAYS:
                    m = ms[w]
                    if m.done():
                        continue
                    if w.startswith("cli"):
                        r = cli_query(binary, store, path, w == "cli-union", limit)
                        if r.overran:
                            log("    %s: %s still ran %d s after its --timeout: killed"
                                % (name, w, 15))
                    else:
                        r = servers[w].query(text)
                        if r.timeout and servers[w].settle():
                            restarts[(name, w)] = restarts.get((name, w), 0) + 1
                            log("    %s: %s answered 503 and was still busy 10 s later: restarted"
                                % (name, w))
                    if r.memory:
                        log("    %s: %s passed %.1f GiB of memory: killed" % (name, w, limit / 2**30))
                    m.results.append(r)
            log("  %-28s %s" % (name, "  ".join(
                "%s %s" % (w, fmt_cell(ms[w])) for w in WAYS)))
        return out, restarts
    finally:
        for s in servers.values():
            s.stop()


def print_table(title, info, measured, runs, limit):
    results, restarts = measured
    head = ["query", "rows", "CLI merged p50 (s)", "CLI union p50 (s)",
            "serve merged p50 (s)", "serve union p50 (s)",
            "speed-up (union/merged, serve)"]
    body = []
    notes = []
    for name, ms in results.items():
        rows, _ = ms["cli"].rows()
        shown = "-" if rows is None else str(rows)
        for w in WAYS:
            r, cut = ms[w].rows()
            if w != "cli" and r is not None and (r != rows or cut):
                notes.append("%s: %s gave %d rows%s" % (
                    name, w, r, " (cut at the server's result limit)" if cut else ""))
                if not shown.endswith("*"):
                    shown += "*"
            if ms[w].error():
                notes.append("%s: %s failed: %s" % (name, w, ms[w].error()))
            if ms[w].memory():
                notes.append("%s: %s passed %.1f GiB of resident memory and was killed"
                             % (name, w, limit / 2**30))
            if ms[w].overran():
                notes.append("%s: %s ran on past its --timeout %d time(s), killed 15 s after it"
                             % (name, w, ms[w].overran()))
            if restarts.get((name, w)):
                notes.append("%s: %s kept running a cancelled query after its 503: restarted %d time(s)"
                             % (name, w, restarts[(name, w)]))
        p = {w: ms[w].p50() for w in WAYS}
        body.append([name, shown] + [fmt_cell(ms[w]) for w in WAYS] +
                    [fmt_speedup(p["serve-union"], p["serve"])])
    widths = [max(len(r[i]) for r in [head] + body) for i in range(len(head))]
    print()
    print(title)
    for line in info:
        print("  " + line)
    print("  %d runs each; medians in seconds; timeout: CLI --timeout %d, serve %d s"
          % (runs, CLI_TIMEOUT, SERVE_TIMEOUT))
    print()

    def row(cells):
        return "| " + " | ".join(
            c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
            for i, c in enumerate(cells)) + " |"

    print(row(head))
    print("|" + "|".join("-" * (w + 1) + (":" if i else "-")
                         for i, w in enumerate(widths)) + "|")
    for r in body:
        print(row(r))
    if notes:
        print()
        print("  rows: those of the CLI over the merged graph (*: see below); notes:")
        for n in notes:
            print("  - " + n)
    sys.stdout.flush()


def load_queries(directory):
    out = []
    for f in sorted(os.listdir(directory)):
        if f.endswith(".rq"):
            path = os.path.join(directory, f)
            with open(path, encoding="utf-8") as fh:
                out.append((f[:-3], os.path.abspath(path), fh.read()))
    if not out:
        sys.exit("no .rq files in %s" % directory)
    return out


def run_size(binary, n, scratch, queries, runs, keep, limit, union_runs=None):
    corpus = os.path.join(scratch, "corpus-%d" % n)
    store = os.path.join(scratch, "store-%d" % n)
    for p in (corpus, store):
        if os.path.exists(p):
            sys.exit("%s exists: remove it, or measure it with --store" % p)
    made = [corpus, store]
    try:
        log("N=%d: gen-corpus into %s" % (n, corpus))
        subprocess.run([binary, "gen-corpus", "--count", str(n), "--seed", str(SEED),
                        "--out", corpus], check=True, stdout=subprocess.DEVNULL)
        log("N=%d: build %s" % (n, store))
        start = time.monotonic()
        p = subprocess.run([binary, "--store", store, "build", corpus],
                           stdin=subprocess.DEVNULL, capture_output=True)
        build_s = time.monotonic() - start
        said = (p.stdout + p.stderr).decode("utf-8", errors="replace")
        if p.returncode != 0:
            sys.exit("build failed (exit %d):\n%s" % (p.returncode, said))
        built = next((l for l in said.splitlines() if l.startswith("built ")), "")
        m = re.search(r"(\d+) quad\(s\) written", built)
        size = disk_usage(store)
        info = ["store: %.1f MiB on disk; build %.1f s%s" % (
            size / 2**20, build_s, "; %s quads" % m.group(1) if m else "")]
        log("  " + info[0])
        measured = bench_store(binary, store, queries, runs, limit, union_runs)
        print_table("N=%d articles (gen-corpus --seed %d)" % (n, SEED), info, measured, runs, limit)
    finally:
        if not keep:
            for p in made:
                shutil.rmtree(p, ignore_errors=True)


def stop_servers():
    for s in list(RUNNING):
        s.stop()


def on_signal(signum, _frame):
    stop_servers()
    sys.exit(128 + signum)


def main():
    global CLI_TIMEOUT
    # INT may come in ignored (a background job of sh): take it back
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    atexit.register(stop_servers)
    ap = argparse.ArgumentParser(
        description="SPARQL query benchmark: merged graph vs union of article graphs, CLI and endpoint.")
    ap.add_argument("sizes", nargs="*", type=int, help="corpus sizes (default 10000 100000)")
    ap.add_argument("--bin", required=True, help="the zhengtu binary")
    ap.add_argument("--dir", help="scratch directory (default: a new one under $TMPDIR or /tmp)")
    ap.add_argument("--keep", action="store_true", help="keep corpora and stores")
    ap.add_argument("--runs", type=int, default=5, help="runs per query and way (default 5)")
    ap.add_argument("--union-runs", type=int,
                    help="runs per query of the two --union ways (default --runs; at 100,000 "
                         "articles most of them time out, each after its timeout)")
    ap.add_argument("--cli-timeout", type=int, default=CLI_TIMEOUT,
                    help="the CLI's --timeout in seconds (default %d)" % CLI_TIMEOUT)
    ap.add_argument("--store", help="measure this existing store (no generation, no build)")
    ap.add_argument("--queries", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries"),
                    help="directory of .rq files (default scripts/queries)")
    ap.add_argument("--max-rss", type=float, metavar="GIB",
                    help="kill a query process or server past this resident memory "
                         "(default: a third of the memory available at the start)")
    a = ap.parse_args()
    CLI_TIMEOUT = a.cli_timeout
    if a.runs < 1:
        ap.error("--runs must be at least 1")
    if a.max_rss is not None:
        limit = int(a.max_rss * 2**30)
    else:
        limit = (available_bytes() or 12 * 2**30) // 3
    log("memory limit per zhengtu process: %.1f GiB" % (limit / 2**30))
    queries = load_queries(a.queries)
    binary = os.path.abspath(a.bin)

    if a.store:
        if a.sizes:
            ap.error("--store measures one existing store: give no sizes")
        if not os.path.isdir(a.store):
            ap.error("no store at %s" % a.store)
        store = os.path.abspath(a.store)
        info = ["store: %.1f MiB on disk (existing store, build not timed)"
                % (disk_usage(store) / 2**20)]
        log("store %s" % store)
        measured = bench_store(binary, store, queries, a.runs, limit, a.union_runs)
        print_table("store %s" % a.store, info, measured, a.runs, limit)
        return

    sizes = a.sizes or [10000, 100000]
    if a.dir:
        os.makedirs(a.dir, exist_ok=True)
        scratch, own = os.path.abspath(a.dir), False
    else:
        scratch, own = tempfile.mkdtemp(prefix="zhengtu-bench-queries-"), True
    log("scratch: %s" % scratch)
    try:
        for n in sizes:
            run_size(binary, n, scratch, queries, a.runs, a.keep, limit, a.union_runs)
    finally:
        if own and not a.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        elif a.keep:
            log("kept: %s" % scratch)


if __name__ == "__main__":
    main()
