//! The `zhengtu` command line: a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QuerySolutionIter};

use zhengtu::export::{self, Format};
use zhengtu::pipeline;
use zhengtu::recognize::Recognizer;
use zhengtu::store::{Dataset, Lookup, Neighborhood, StoreError, ZStore};
use zhengtu::vocab::PREFIXES;

/// zhengtu (政图): knowledge graphs of Chinese government news.
#[derive(Parser)]
#[command(name = "zhengtu", version, about, after_help = Exit::table())]
struct Cli {
    /// Store directory (an oxigraph RocksDB store).
    #[arg(
        long,
        global = true,
        env = "ZHENGTU_STORE",
        default_value = "zhengtu-store"
    )]
    store: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads texts, builds the graph and stores it (only changed files).
    ///
    /// Exit codes: 0 all files stored; 6 some files could not be read (the
    /// others were stored); 7 with --strict, some files could not be read
    /// and nothing was stored; 1 any other error.
    Build {
        /// Files or directories (default: data/corpus).
        paths: Vec<PathBuf>,
        /// Store nothing if any file cannot be read.
        #[arg(long)]
        strict: bool,
        /// Worker threads for reading and extraction (0: one per core).
        /// The result does not depend on it.
        #[arg(long, env = "ZHENGTU_THREADS", default_value_t = 0)]
        threads: usize,
        /// Compact the store at the end, as `compact` does (after a large
        /// build: a smaller store and faster queries, for a longer build).
        #[arg(long)]
        compact: bool,
    },
    /// Writes a synthetic corpus in the seed pages' style (for benchmarks).
    GenCorpus {
        /// Number of articles.
        #[arg(long)]
        count: usize,
        /// Output directory (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Random seed: the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Removes documents (files, or all files under directories) from the
    /// store, with every entity no other document supports.
    Remove {
        /// Paths as they were given to `build`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Compacts the store: rewrites the database once, compacted, and
    /// drops the files that older views kept (smaller on disk after a
    /// large build; takes minutes on a large store).
    Compact,
    /// Runs a SPARQL query over the merged graph (each fact once; every
    /// article's graph is a named graph, for GRAPH ?g).
    Query {
        /// The query (or use -f).
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        sparql: Option<String>,
        /// Read the query from a file.
        #[arg(short = 'f', long = "file")]
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: QueryFormat,
        /// Cancel the query after this many seconds (a fraction is fine;
        /// 0 lets it run as long as it takes).
        #[arg(
            long,
            value_name = "SECONDS",
            default_value = "60",
            value_parser = query_timeout,
            allow_negative_numbers = true
        )]
        timeout: QueryTimeout,
        /// Read the union of the article graphs (every article's copy of
        /// each fact) instead of the merged graph: the slower model before
        /// it, for comparison.
        #[arg(long)]
        union: bool,
    },
    /// Shows the neighbours of an entity found by any of its names.
    Neighbors {
        /// Canonical name or alias (奎文分局, 市住建局 …).
        name: String,
        /// How many hops to follow.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: NeighborFormat,
        /// Show the evidence sentence of each relation.
        #[arg(long)]
        evidence: bool,
        /// List at most this many neighbours per entity, predicate and
        /// direction (hubs have thousands); 0 lists all.
        #[arg(long, default_value_t = zhengtu::store::NEIGHBOR_LIMIT)]
        limit: usize,
    },
    /// Writes the stored graph.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "nquads")]
        format: Format,
        /// Output file (default: standard output).
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Only the neighbourhood of the entity with this name or alias.
        #[arg(long)]
        around: Option<String>,
        /// Hops from --around.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Only these entity types (comma-separated or repeated): Agency,
        /// Organization, Place, Person, Project, Document.
        #[arg(long = "type", value_delimiter = ',', value_parser = entity_type)]
        types: Vec<zhengtu::EntityType>,
    },
    /// Entities per type, relations per predicate, articles.
    Stats,
    /// Shows what would be extracted from files, without storing anything.
    Extract {
        /// Files or directories.
        paths: Vec<PathBuf>,
        /// Also list the raw mentions of each article.
        #[arg(long)]
        mentions: bool,
        /// Also print the word segmentation (word/tag) of each article.
        #[arg(long)]
        tokens: bool,
    },
    /// Serves the store read-only: a SPARQL endpoint at /query, a JSON API
    /// and a graph browser page at /.
    Serve {
        /// Address to listen on (host:port); localhost only unless told.
        /// Port 0 picks a free port, named in the log.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Seconds a query may run before it is cancelled (answered 503);
        /// above 0.
        #[arg(
            long,
            value_name = "SECONDS",
            default_value = "30",
            value_parser = seconds,
            allow_negative_numbers = true
        )]
        timeout: Duration,
        /// Rows (or triples) in one answer; longer answers are cut and
        /// marked with the header Zhengtu-Truncated: true.
        #[arg(long, default_value_t = 10_000)]
        max_results: usize,
        /// Answer over the union of the article graphs instead of the
        /// merged graph (the slower model before it, for comparison).
        #[arg(long)]
        union: bool,
    },
    /// Scores the stored graph against gold files: P/R/F1 per type and
    /// predicate, the totals, then entity and relation F1 per file.
    Eval {
        /// Directory of gold JSON files.
        #[arg(long)]
        gold: PathBuf,
        /// Only these documents.
        #[arg(long, num_args = 1..)]
        docs: Vec<String>,
        /// Print every miss and false positive.
        #[arg(long)]
        errors: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
}

#[derive(Clone, Copy, ValueEnum)]
enum NeighborFormat {
    Table,
    Json,
    Dot,
}

/// The exit codes of zhengtu, one meaning each (`zhengtu --help` lists
/// them, and the README).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    /// Done (also when the reader of the output stopped reading it).
    Success = 0,
    /// Any error not listed below.
    Error = 1,
    /// The command line is wrong.
    Usage = 2,
    /// `neighbors` or `export --around`: no entity has the name.
    Unknown = 3,
    /// `neighbors`: several entities carry the name as an alias.
    Ambiguous = 4,
    /// `query`: cancelled after its `--timeout`.
    Timeout = 5,
    /// `build`: files could not be read and were skipped, the others were
    /// stored.
    Skipped = 6,
    /// `build --strict`: files could not be read, nothing was stored.
    Strict = 7,
}

impl Exit {
    /// Every code, in order.
    const ALL: [Exit; 8] = [
        Exit::Success,
        Exit::Error,
        Exit::Usage,
        Exit::Unknown,
        Exit::Ambiguous,
        Exit::Timeout,
        Exit::Skipped,
        Exit::Strict,
    ];

    /// What the code says, as the help lists it.
    fn meaning(self) -> &'static str {
        match self {
            Exit::Success => "success (also when the reader of the output stops reading it)",
            Exit::Error => "an error not listed here (a missing path, a store that cannot be opened or is locked by another writer, a query that fails …)",
            Exit::Usage => "bad usage: the command line is wrong",
            Exit::Unknown => "neighbors, export --around: no entity has the name",
            Exit::Ambiguous => "neighbors: several entities carry the name as an alias (the candidates are listed)",
            Exit::Timeout => "query: cancelled after --timeout seconds",
            Exit::Skipped => "build: some files could not be read and were skipped; the others were stored",
            Exit::Strict => "build --strict: some files could not be read; nothing was stored",
        }
    }

    /// The table of the help.
    fn table() -> String {
        let mut out = String::from("Exit codes:\n");
        for e in Exit::ALL {
            out.push_str(&format!("  {}  {}\n", e as u8, e.meaning()));
        }
        out
    }

    /// The code of a failed command.
    fn of_error(e: &anyhow::Error) -> Exit {
        for cause in e.chain() {
            if let Some(StoreError::Timeout(_)) = cause.downcast_ref() {
                return Exit::Timeout;
            }
            if let Some(pipeline::PipelineError::Strict(_)) = cause.downcast_ref() {
                return Exit::Strict;
            }
            if let Some(export::ExportError::View(export::ViewError::Unknown(_))) =
                cause.downcast_ref()
            {
                return Exit::Unknown;
            }
        }
        Exit::Error
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// How long a query may run: `None` as long as it takes.
#[derive(Clone, Copy, Debug)]
struct QueryTimeout(Option<Duration>);

/// A number of seconds above 0, at most [`zhengtu::serve::MAX_TIMEOUT`]
/// (a `--timeout`).
fn seconds(text: &str) -> Result<Duration, String> {
    let max = zhengtu::serve::MAX_TIMEOUT;
    let bad = || {
        format!(
            "{text} is not a number of seconds above 0 and at most {}",
            max.as_secs()
        )
    };
    let s: f64 = text.trim().parse().map_err(|_| bad())?;
    // NaN, infinities, negative numbers and numbers past the bound are
    // refused here: Duration::from_secs_f64 panics on most of them
    if !(s > 0.0 && s <= max.as_secs_f64()) {
        return Err(bad());
    }
    Duration::try_from_secs_f64(s).map_err(|_| bad())
}

/// A query's `--timeout`: [`seconds`], or 0 for no limit.
fn query_timeout(text: &str) -> Result<QueryTimeout, String> {
    if text.trim().parse::<f64>() == Ok(0.0) {
        return Ok(QueryTimeout(None));
    }
    seconds(text)
        .map(|d| QueryTimeout(Some(d)))
        .map_err(|e| format!("{e} (or 0 for no limit)"))
}

/// An entity type named on the command line.
fn entity_type(name: &str) -> Result<zhengtu::EntityType, String> {
    zhengtu::EntityType::parse(name.trim()).ok_or_else(|| {
        format!("unknown type {name}: use Agency, Organization, Place, Person, Project or Document")
    })
}

/// Whether an error comes from writing to a pipe whose reader has gone
/// (`zhengtu export | head`): then the command ends quietly, with success.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(io_broken_pipe)
}

/// Whether an error is an I/O error of a broken pipe, or wraps one.
fn io_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let Some(io) = e.downcast_ref::<std::io::Error>() else {
        return false;
    };
    // writers that wrap an I/O error in another (io::Error::other) keep it
    // inside, not as the source
    io.kind() == std::io::ErrorKind::BrokenPipe || io.get_ref().is_some_and(|e| io_broken_pipe(e))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are no errors (and go to standard output);
            // the help cannot be written anywhere else if that fails
            e.print().ok();
            return if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Success
            }
            .into();
        }
    };
    match run(cli) {
        Ok(code) => code.into(),
        Err(e) if is_broken_pipe(&e) => Exit::Success.into(),
        Err(e) => {
            eprintln!("error: {e:#}");
            Exit::of_error(&e).into()
        }
    }
}

fn run(cli: Cli) -> Result<Exit> {
    let store = cli.store.as_path();
    match cli.command {
        Command::Build {
            paths,
            strict,
            threads,
            compact,
        } => build(store, paths, strict, threads, compact),
        Command::Remove { paths } => remove(store, &paths),
        Command::Compact => compact(store),
        Command::GenCorpus { count, out, seed } => gen_corpus(count, &out, seed),
        Command::Query {
            sparql,
            file,
            format,
            timeout,
            union,
        } => query_command(store, (sparql, file), format, timeout, union),
        Command::Neighbors {
            name,
            depth,
            format,
            evidence,
            limit,
        } => {
            let store = ZStore::open_read_only(store)?;
            let limit = if limit == 0 { usize::MAX } else { limit };
            neighbors(&store, &name, depth, format, evidence, limit)
        }
        Command::Export {
            format,
            output,
            around,
            depth,
            types,
        } => export_command(store, format, output, around, depth, types),
        Command::Stats => {
            stats(&ZStore::open_read_only(store)?)?;
            Ok(Exit::Success)
        }
        Command::Extract {
            paths,
            mentions,
            tokens,
        } => {
            extract(paths, mentions, tokens)?;
            Ok(Exit::Success)
        }
        Command::Serve {
            bind,
            timeout,
            max_results,
            union,
        } => serve(
            store,
            zhengtu::serve::ServeConfig {
                bind,
                timeout,
                max_results,
                union,
            },
        ),
        Command::Eval { gold, docs, errors } => eval(store, &gold, &docs, errors),
    }
}

/// `remove`: drops documents from the store.
fn remove(store: &Path, paths: &[PathBuf]) -> Result<Exit> {
    let store = open_writer(store)?;
    let gone = pipeline::remove(&store, paths)?;
    for g in &gone {
        eprintln!("removed {g}");
    }
    Ok(Exit::Success)
}

/// `compact`: compacts the store.
fn compact(store: &Path) -> Result<Exit> {
    compact_and_report(&open_writer(store)?, store)?;
    Ok(Exit::Success)
}

/// Compacts an open store and reports the time and its size before and
/// after (for `compact` and `build --compact`).
fn compact_and_report(writer: &ZStore, path: &Path) -> Result<()> {
    let before = zhengtu::store::disk_size(path);
    let t0 = Instant::now();
    writer
        .compact()
        .with_context(|| format!("compacting {}", path.display()))?;
    eprintln!(
        "compacted {} in {:.1}s: {:.1} MB -> {:.1} MB on disk",
        path.display(),
        t0.elapsed().as_secs_f64(),
        before as f64 / 1e6,
        zhengtu::store::disk_size(path) as f64 / 1e6
    );
    Ok(())
}

/// `gen-corpus`: writes a synthetic corpus.
fn gen_corpus(count: usize, out: &Path, seed: u64) -> Result<Exit> {
    let lex = zhengtu::lexicon::Lexicon::load().context("loading lexicons")?;
    let t0 = Instant::now();
    let s = zhengtu::synth::generate(&lex, out, count, seed)?;
    eprintln!(
        "wrote {}: {} article(s) in {} file(s), {} characters ({} bytes) in {:.2}s",
        out.display(),
        s.articles,
        s.files,
        s.chars,
        s.bytes,
        t0.elapsed().as_secs_f64()
    );
    Ok(Exit::Success)
}

/// `query`: the query from the argument or its file, run on the store.
fn query_command(
    store: &Path,
    (sparql, file): (Option<String>, Option<PathBuf>),
    format: QueryFormat,
    timeout: QueryTimeout,
    union: bool,
) -> Result<Exit> {
    // clap requires one of the two, not both
    let q = match (sparql, file) {
        (Some(q), _) => q,
        (None, Some(f)) => std::fs::read_to_string(&f)
            .with_context(|| format!("cannot read query file {}", f.display()))?,
        (None, None) => bail!("no query: give it as an argument or with -f FILE"),
    };
    let store = ZStore::open_read_only(store)?;
    let dataset = if union {
        Dataset::Union
    } else {
        Dataset::Merged
    };
    query(&store, &q, format, (timeout.0, &dataset))?;
    Ok(Exit::Success)
}

/// `export`: the store, or a cut of it, to a file or standard output.
fn export_command(
    store: &Path,
    format: Format,
    output: Option<PathBuf>,
    around: Option<String>,
    depth: usize,
    types: Vec<zhengtu::EntityType>,
) -> Result<Exit> {
    let cut = export::Cut {
        around,
        depth,
        types,
    };
    let store = ZStore::open_read_only(store)?;
    match output {
        Some(p) => {
            let tmp = p.with_extension("tmp-export");
            let f = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot create {}", tmp.display()))?;
            if let Err(e) = export::export(&store, format, &cut, std::io::BufWriter::new(f)) {
                // the partial output goes; the export's error is the one told
                if let Err(rm) = std::fs::remove_file(&tmp) {
                    eprintln!("warning: cannot remove {}: {rm}", tmp.display());
                }
                return Err(e.into());
            }
            std::fs::rename(&tmp, &p).with_context(|| format!("cannot write {}", p.display()))?;
        }
        None => export::export(
            &store,
            format,
            &cut,
            std::io::BufWriter::new(std::io::stdout().lock()),
        )?,
    }
    Ok(Exit::Success)
}

/// `serve`: the store over HTTP until killed.
fn serve(store: &Path, config: zhengtu::serve::ServeConfig) -> Result<Exit> {
    let store = ZStore::open_read_only(store)?;
    zhengtu::serve::serve(store, config)?;
    Ok(Exit::Success)
}

/// `eval`: scores the stored graph against gold files.
fn eval(store: &Path, gold: &Path, docs: &[String], errors: bool) -> Result<Exit> {
    let store = ZStore::open_read_only(store)?;
    let g = zhengtu::eval::Gold::load(gold, docs)?;
    let mut buf = Vec::new();
    store.dump(RdfFormat::NQuads, &mut buf)?;
    // the export is parsed once, for the totals and for each file
    let quads = zhengtu::eval::parse_nquads(&buf)?;
    let score = zhengtu::eval::score_quads(&quads, &g);
    let files = zhengtu::eval::score_files(&quads, gold, docs)?;
    let mut out = std::io::stdout().lock();
    write!(out, "{}", score.table(errors))?;
    writeln!(out, "\nper file (F1):")?;
    write!(out, "{}", zhengtu::eval::file_lines(&files))?;
    out.flush()?;
    Ok(Exit::Success)
}

/// Opens the store for writing, with a clear message when another process
/// holds it.
fn open_writer(path: &Path) -> Result<ZStore> {
    match ZStore::open(path) {
        Ok(s) => Ok(s),
        Err(e @ StoreError::Locked(_)) => Err(e.into()),
        Err(e) => Err(e).context("opening the store"),
    }
}

/// A progress bar on standard error (only when it is a terminal).
struct Bar(Option<indicatif::ProgressBar>);

impl Bar {
    fn new() -> Bar {
        use std::io::IsTerminal;
        Bar(std::io::stderr()
            .is_terminal()
            .then(indicatif::ProgressBar::hidden))
    }

    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

impl pipeline::Progress for Bar {
    fn stage(&self, name: &'static str, total: u64) {
        let Some(b) = &self.0 else { return };
        b.set_message(name);
        b.set_length(total);
        b.set_position(0);
        let style = if total > 0 {
            indicatif::ProgressStyle::with_template(
                "{msg:>10} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)",
            )
            .map(|s| s.progress_chars("=> "))
        } else {
            indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
        };
        if let Ok(style) = style {
            b.set_style(style);
        }
        b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if total == 0 {
            b.enable_steady_tick(std::time::Duration::from_millis(120));
        }
    }

    fn advance(&self, n: u64) {
        if let Some(b) = &self.0 {
            b.inc(n);
        }
    }
}

fn build(
    store_path: &Path,
    mut paths: Vec<PathBuf>,
    strict: bool,
    threads: usize,
    compact: bool,
) -> Result<Exit> {
    if paths.is_empty() {
        paths.push(PathBuf::from("data/corpus"));
    }
    let t0 = Instant::now();
    let r = Recognizer::new().context("loading lexicons")?;
    let store = open_writer(store_path)?;
    let bar = Bar::new();
    let report = pipeline::with_threads(threads, || {
        pipeline::build_with(&r, &store, &paths, pipeline::BuildOptions { strict }, &bar)
    })?;
    bar.finish();
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            if let pipeline::PipelineError::Strict(bad) = &e {
                for s in bad {
                    eprintln!("error: {}: {}", s.path.display(), s.error);
                }
            }
            return Err(e.into());
        }
    };
    for s in &report.skipped {
        eprintln!("warning: skipped {}: {}", s.path.display(), s.error);
    }
    let ents: Vec<String> = report
        .entities
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(t, n)| format!("{n} {}", t.as_str()))
        .collect();
    eprintln!(
        "built {}: {} file(s) read, {} unchanged, {} skipped; {} article(s), {} quad(s) written, {} graph(s) replaced; {} in {:.2}s",
        store_path.display(),
        report.ingested.len(),
        report.unchanged.len(),
        report.skipped.len(),
        report.articles,
        report.quads,
        report.removed_graphs,
        if ents.is_empty() { "no new entities".to_string() } else { ents.join(", ") },
        t0.elapsed().as_secs_f64()
    );
    if compact {
        compact_and_report(&store, store_path)?;
    }
    Ok(if report.skipped.is_empty() {
        Exit::Success
    } else {
        Exit::Skipped
    })
}

fn query(
    store: &ZStore,
    q: &str,
    format: QueryFormat,
    (limit, dataset): (Option<Duration>, &Dataset),
) -> Result<()> {
    let results = store.evaluate_with(q, limit, dataset)?;
    // an error while the results are read: the query's own, or its
    // cancellation when its time is up
    let failed = |e| StoreError::of_query(e, limit);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match results {
        QueryResults::Boolean(b) => writeln!(out, "{b}")?,
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(RdfFormat::Turtle).for_writer(&mut out);
            // a graph is a set: DESCRIBE over the union of the article
            // graphs gives a triple once per article that states it
            let mut seen = std::collections::HashSet::new();
            for t in triples {
                let t = t.map_err(failed)?;
                if seen.insert(t.clone()) {
                    ser.serialize_triple(&t)?;
                }
            }
            ser.finish()?;
        }
        QueryResults::Solutions(sols) => {
            let format = match format {
                QueryFormat::Json => QueryResultsFormat::Json,
                QueryFormat::Csv => QueryResultsFormat::Csv,
                QueryFormat::Tsv => QueryResultsFormat::Tsv,
                QueryFormat::Table => return solutions_table(out, sols, failed),
            };
            let mut ser = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut out, sols.variables().to_vec())?;
            for s in sols {
                ser.serialize(&s.map_err(failed)?)?;
            }
            ser.finish()?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Solutions as a table of short names, with their count.
fn solutions_table(
    mut out: impl Write,
    sols: QuerySolutionIter<'static>,
    failed: impl Fn(QueryEvaluationError) -> StoreError,
) -> Result<()> {
    let vars = sols.variables().to_vec();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for s in sols {
        let s = s.map_err(&failed)?;
        rows.push(
            vars.iter()
                .map(|v| s.get(v).map(show).unwrap_or_default())
                .collect(),
        );
    }
    let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
    table(&mut out, &header, &rows)?;
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    out.flush()?;
    Ok(())
}

/// A term as a table shows it: zhengtu's IRIs as `zt:` and `id:` names
/// (decoded), other IRIs in angle brackets, literals by their value.
fn show(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            let s = n.as_str();
            for (p, ns) in [("zt:", zhengtu::vocab::ZT), ("id:", zhengtu::vocab::ID)] {
                if let Some(rest) = s.strip_prefix(ns) {
                    // the IRIs' local names are percent-encoded UTF-8
                    let local = percent_encoding::percent_decode_str(rest).decode_utf8_lossy();
                    return format!("{p}{local}");
                }
            }
            format!("<{s}>")
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// The columns a string takes on a terminal (wide Chinese characters two).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// A table: the header, a rule, the rows; columns padded to their widest
/// cell (at most 60 columns) and two spaces apart.
fn table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut w: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(width(c)).min(60);
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = w[i].saturating_sub(width(c));
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, header)?;
    let sep: Vec<String> = w.iter().map(|n| "-".repeat(*n)).collect();
    line(out, &sep)?;
    for r in rows {
        line(out, r)?;
    }
    Ok(())
}

fn neighbors(
    store: &ZStore,
    name: &str,
    depth: usize,
    format: NeighborFormat,
    evidence: bool,
    limit: usize,
) -> Result<Exit> {
    let (found, more) = match store.neighborhood(name, depth, evidence, limit)? {
        Lookup::Found(f, more) => (f, more),
        Lookup::Unknown => {
            eprintln!("no entity is named {name}");
            return Ok(Exit::Unknown);
        }
        Lookup::Ambiguous(c) => {
            eprintln!("{name} is ambiguous; candidates:");
            for (iri, t, l) in &c {
                eprintln!("  {l}  ({t}, {})", iri.as_str());
            }
            return Ok(Exit::Ambiguous);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        NeighborFormat::Table => neighbors_table(&mut out, &found, evidence, limit)?,
        NeighborFormat::Json => neighbors_json(&mut out, &found)?,
        NeighborFormat::Dot => {
            let kg = zhengtu::export::view::of_neighborhoods(&found);
            zhengtu::export::formats::dot(&kg, &mut out)?;
        }
    }
    // entities of the same name left out: said after the table, or on
    // standard error beside JSON and DOT
    let note = (more > 0).then(|| {
        format!(
            "… {more} more entities named {name} not listed: at most {limit} (--limit 0 lists all)"
        )
    });
    let table = matches!(format, NeighborFormat::Table);
    if let Some(n) = note.as_ref().filter(|_| table) {
        writeln!(out, "{n}")?;
    }
    out.flush()?;
    if let Some(n) = note.filter(|_| !table) {
        eprintln!("{n}");
    }
    Ok(Exit::Success)
}

/// The neighbourhoods as indented lines, hop by hop.
fn neighbors_table(
    out: &mut impl Write,
    found: &[Neighborhood],
    evidence: bool,
    limit: usize,
) -> std::io::Result<()> {
    for nb in found {
        writeln!(out, "{} ({})", nb.label, nb.etype)?;
        for (d, rows) in nb.levels.iter().enumerate() {
            let indent = "  ".repeat(d + 1);
            for (_, from, n) in rows {
                let via = if d > 0 {
                    format!("{from} ")
                } else {
                    String::new()
                };
                let arrow = if n.outgoing {
                    format!("{via}{} →", n.predicate.as_str())
                } else {
                    format!("{via}← {}", n.predicate.as_str())
                };
                writeln!(out, "{indent}{arrow} {} ({})", n.label, n.etype)?;
                if let Some(s) = n.evidence.as_ref().filter(|_| evidence) {
                    writeln!(out, "{indent}    「{s}」")?;
                    if let Some(src) = &n.source {
                        writeln!(out, "{indent}    — {src}")?;
                    }
                }
            }
        }
        if nb.truncated {
            writeln!(
                out,
                "  … more neighbours not listed: at most {limit} per predicate and direction (--limit 0 lists all)"
            )?;
        }
    }
    Ok(())
}

/// An entity of `neighbors --format json`, with its neighbours. The keys
/// are in alphabetical order.
#[derive(serde::Serialize)]
struct JsonEntity<'a> {
    iri: &'a str,
    label: &'a str,
    neighbors: Vec<JsonNeighbor<'a>>,
    truncated: bool,
    #[serde(rename = "type")]
    etype: &'a str,
}

/// A neighbour of `neighbors --format json`: the hop it is found at, the
/// entity it is reached from, the relation and the neighbour itself.
#[derive(serde::Serialize)]
struct JsonNeighbor<'a> {
    depth: usize,
    /// `out` when the entity it is reached from is the subject, else `in`.
    direction: &'static str,
    evidence: Option<&'a str>,
    from: &'a str,
    iri: &'a str,
    label: &'a str,
    predicate: &'static str,
    source: Option<&'a str>,
    #[serde(rename = "type")]
    etype: &'a str,
}

impl<'a> JsonEntity<'a> {
    fn of(nb: &'a Neighborhood) -> JsonEntity<'a> {
        let hops = nb.levels.iter().enumerate();
        let neighbors = hops.flat_map(|(d, rows)| {
            rows.iter().map(move |(_, from, n)| JsonNeighbor {
                depth: d + 1,
                direction: if n.outgoing { "out" } else { "in" },
                evidence: n.evidence.as_deref(),
                from,
                iri: n.iri.as_str(),
                label: &n.label,
                predicate: n.predicate.as_str(),
                source: n.source.as_deref(),
                etype: &n.etype,
            })
        });
        JsonEntity {
            iri: nb.iri.as_str(),
            label: &nb.label,
            neighbors: neighbors.collect(),
            truncated: nb.truncated,
            etype: &nb.etype,
        }
    }
}

/// The neighbourhoods as a JSON array.
fn neighbors_json(out: &mut impl Write, found: &[Neighborhood]) -> Result<()> {
    let v: Vec<JsonEntity> = found.iter().map(JsonEntity::of).collect();
    writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    Ok(())
}

fn stats(store: &ZStore) -> Result<()> {
    let select = |body: &str| store.select(&format!("{PREFIXES}{body}"));
    let ent = select("SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t . VALUES ?t { zt:Agency zt:Organization zt:Place zt:Person zt:Project zt:Document } } GROUP BY ?t ORDER BY ?t")?;
    let rel = select("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . VALUES ?p { zt:subOrganizationOf zt:jurisdiction zt:locatedIn zt:memberOf zt:participatesIn zt:issued zt:partnerOf } } } GROUP BY ?p ORDER BY ?p")?;
    let arts = select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a zt:Article }")?;
    let files = select("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a zt:SourceFile }")?;
    let first = |rows: &[Vec<Option<Term>>]| count(rows.first().and_then(|r| r.first()));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    counts(&mut out, "entities", &ent)?;
    counts(&mut out, "relations", &rel)?;
    writeln!(out, "articles {:>19}", first(&arts))?;
    writeln!(out, "files {:>22}", first(&files))?;
    writeln!(out, "quads {:>22}", store.quad_count()?)?;
    out.flush()?;
    Ok(())
}

/// A count in a result row ("0" if there is none).
fn count(t: Option<&Option<Term>>) -> String {
    match t {
        Some(Some(Term::Literal(l))) => l.value().to_string(),
        _ => "0".into(),
    }
}

/// Rows of (class or predicate, count) under a heading, then their total.
fn counts(out: &mut impl Write, heading: &str, rows: &[Vec<Option<Term>>]) -> std::io::Result<()> {
    writeln!(out, "{heading}")?;
    let mut total = 0usize;
    for r in rows {
        let n: usize = count(r.get(1)).parse().unwrap_or(0);
        total += n;
        let local = match r.first() {
            Some(Some(Term::NamedNode(n))) => n.as_str().rsplit('#').next().unwrap_or(""),
            _ => "",
        };
        writeln!(out, "  {local:20} {n:>7}")?;
    }
    writeln!(out, "  {:20} {total:>7}", "total")
}

fn extract(paths: Vec<PathBuf>, show_mentions: bool, show_tokens: bool) -> Result<()> {
    let r = Recognizer::new().context("loading lexicons")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for f in pipeline::collect_inputs(&paths)? {
        let doc = match zhengtu::text::read_document(&f) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("warning: skipped {}: {e}", f.display());
                continue;
            }
        };
        writeln!(out, "# {}", f.display())?;
        let res = zhengtu::resolve::resolve_document(&r, &doc);
        for (a, ra) in doc.articles.iter().zip(&res.articles) {
            writeln!(
                out,
                "## article {} {:?} {}",
                a.index,
                a.kind,
                a.headline.clone().unwrap_or_default()
            )?;
            if show_tokens {
                write_tokens(&mut out, &r, &a.text)?;
            }
            if show_mentions {
                write_mentions(&mut out, &r, &a.text)?;
            }
            write_extracted(&mut out, ra)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `extract --tokens`: the words of a text with their tags (`t` line).
fn write_tokens(out: &mut impl Write, r: &Recognizer, text: &str) -> std::io::Result<()> {
    let lat = r.lattice(text);
    let toks: Vec<String> = lat
        .tokens
        .iter()
        .map(|t| format!("{}/{}", lat.text(t.start, t.end), t.tag))
        .collect();
    writeln!(out, "  t {}", toks.join(" "))
}

/// `extract --mentions`: the raw mentions of a text (`m` lines).
fn write_mentions(out: &mut impl Write, r: &Recognizer, text: &str) -> std::io::Result<()> {
    for m in r.recognize(text) {
        let kind = match &m.kind {
            zhengtu::recognize::MentionKind::Chain(c) => format!("chain {:?}", c.links),
            other => format!("{other:?}").chars().take(120).collect(),
        };
        writeln!(out, "  m {}..{} {}  {}", m.start, m.end, m.text, kind)?;
    }
    Ok(())
}

/// The entities (`e` lines) and relations (`r` lines) of an article.
fn write_extracted(
    out: &mut impl Write,
    ra: &zhengtu::resolve::ResolvedArticle,
) -> std::io::Result<()> {
    for e in ra.entities.values() {
        let al: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        writeln!(
            out,
            "  e {:12} {}  [{}]",
            e.etype.as_str(),
            e.name,
            al.join(", ")
        )?;
    }
    let name = |k: &str| {
        ra.entities
            .get(k)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| k.to_string())
    };
    for rel in &ra.relations {
        writeln!(
            out,
            "  r {} {} {}{}",
            name(&rel.subject),
            rel.predicate.as_str(),
            name(&rel.object),
            rel.role
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_is_a_number_of_seconds_in_range() {
        assert_eq!(seconds("2.5"), Ok(Duration::from_millis(2500)));
        assert_eq!(seconds(" 30 "), Ok(Duration::from_secs(30)));
        for bad in ["0", "-1", "inf", "-inf", "nan", "1e20", "1e9x", "", "ten"] {
            assert!(seconds(bad).is_err(), "{bad}");
        }
        let max = zhengtu::serve::MAX_TIMEOUT.as_secs().to_string();
        assert_eq!(seconds(&max), Ok(zhengtu::serve::MAX_TIMEOUT));
        assert!(query_timeout("0").is_ok_and(|t| t.0.is_none()));
        assert!(query_timeout("0.0").is_ok_and(|t| t.0.is_none()));
        assert!(query_timeout("1").is_ok_and(|t| t.0 == Some(Duration::from_secs(1))));
        assert!(query_timeout("inf").is_err());
    }

    #[test]
    fn names_in_zhengtu_iris_are_shown_decoded() {
        let iri = |s: &str| Term::NamedNode(oxigraph::model::NamedNode::new(s).unwrap());
        let id = "https://w3id.org/zhengtu/id/agency/%E4%B8%B4%E6%B8%85%E5%B8%82%E6%B0%B4%E5%88%A9%E5%B1%80";
        assert_eq!(show(&iri(id)), "id:agency/临清市水利局");
        let zt = "https://w3id.org/zhengtu/ontology#subOrganizationOf";
        assert_eq!(show(&iri(zt)), "zt:subOrganizationOf");
        // an escape that is no UTF-8 is shown replaced, not refused
        let bad = "https://w3id.org/zhengtu/id/x%FFy%41";
        assert_eq!(show(&iri(bad)), "id:x\u{fffd}yA");
        assert_eq!(
            show(&iri("http://example.org/a%20b")),
            "<http://example.org/a%20b>"
        );
    }

    #[test]
    fn table_columns_line_up_on_a_terminal() {
        let header = ["名称".to_string(), "n".to_string()];
        let rows = [
            vec!["临清市水利局".to_string(), "12".to_string()],
            vec!["“河长制”".to_string(), "3".to_string()],
            vec!["x".to_string(), String::new()],
        ];
        let mut out = Vec::new();
        table(&mut out, &header, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "名称          n",
                "------------  --",
                "临清市水利局  12",
                "“河长制”      3",
                "x",
            ]
        );
    }

    #[test]
    fn a_broken_pipe_is_found_in_the_error_chain() {
        use std::io::{Error, ErrorKind};
        let pipe = || Error::from(ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::new(pipe())));
        // wrapped in another I/O error, as some serializers do
        assert!(is_broken_pipe(&anyhow::Error::new(Error::other(pipe()))));
        // as the source of a typed error, with context on top
        let e = anyhow::Error::new(StoreError::Write(pipe())).context("exporting");
        assert!(is_broken_pipe(&e));
        // other failures to write are errors
        let full = Error::from(ErrorKind::StorageFull);
        assert!(!is_broken_pipe(&anyhow::Error::new(StoreError::Write(
            full
        ))));
        assert!(!is_broken_pipe(&anyhow::anyhow!("Broken pipe")));
    }
}
