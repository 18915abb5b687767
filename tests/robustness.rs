//! Trust: bad input, re-ingestion, removal, crashes and concurrent use.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhengtu"));
    c.current_dir(root());
    c
}

fn count(store: &Path, sparql: &str) -> usize {
    let out = ok(&[
        "query",
        sparql,
        "--format",
        "csv",
        "--store",
        store.to_str().unwrap(),
    ]);
    let line = out
        .lines()
        .nth(1)
        .unwrap_or_else(|| panic!("no row in the answer to {sparql}:\n{out}"));
    line.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{line:?} is no count ({e}); the answer to {sparql}:\n{out}"))
}

const QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
const ENTITIES: &str = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { VALUES ?t { zt:Agency zt:Organization zt:Place zt:Person zt:Project zt:Document } ?e a ?t }";

/// Inputs of every kind in `dir/docs`: unreadable ones (empty, PNG, PDF,
/// a link to nowhere) and readable ones (GBK, GB18030, UTF-16, mixed
/// punctuation, a 10 MB line).
fn bad_inputs(dir: &Path) -> PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    let good = "本报讯 冠县林业局制定了《冠县林业有害生物监测预报实施方案》。";
    std::fs::write(docs.join("good.txt"), good).unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    std::fs::write(docs.join("png.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(
        docs.join("pdf.txt"),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    )
    .unwrap();
    let (gbk, _, _) = encoding_rs::GBK
        .encode("本报讯 聊城市自然资源和规划局出台《聊城市城市景观风貌管理办法》。");
    std::fs::write(docs.join("gbk.txt"), &gbk).unwrap();
    let (gb18030, _, _) =
        encoding_rs::GB18030.encode("本报讯 潍坊市住房和城乡建设局印发《潍坊市供热管理办法》。");
    std::fs::write(docs.join("gb18030.txt"), &gb18030).unwrap();
    let mut u16 = vec![0xff, 0xfe];
    for unit in "本报讯 邢台市政协召开座谈会，印发《邢台市老旧小区改造导则》。".encode_utf16()
    {
        u16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(docs.join("utf16.txt"), &u16).unwrap();
    // mixed full-width and half-width punctuation
    std::fs::write(
        docs.join("mixed.txt"),
        "本报讯(记者 王聪聪)近日,奎文区委书记李辉到大虞街道调研;区行政审批服务局、区住建局参加.",
    )
    .unwrap();
    // a 10 MB line
    let line = "潍坊市自然资源和规划局奎文分局推进中医院片区城市更新项目，".repeat(330_000);
    std::fs::write(docs.join("longline.txt"), &line).unwrap();
    // unreadable: a link to nowhere
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), docs.join("broken.txt")).unwrap();
    docs
}

/// Each bad input gets a message naming the file and the reason; the other
/// files are stored; `--strict` stores nothing; exit codes tell which.
#[test]
fn bad_inputs_table() {
    let dir = tmp();
    let docs = bad_inputs(dir.path());
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();

    // --strict: nothing stored, exit code 7
    let strict = bin()
        .args(["build", docs.to_str().unwrap(), "--strict", "--store", s])
        .output()
        .unwrap();
    assert_eq!(
        strict.status.code(),
        Some(7),
        "{}",
        String::from_utf8_lossy(&strict.stderr)
    );
    assert!(
        run(&["stats", "--store", s]).status.code() != Some(0),
        "nothing was published"
    );

    let t0 = Instant::now();
    let out = bin()
        .args(["build", docs.to_str().unwrap(), "--store", s])
        .output()
        .unwrap();
    println!("build with a 10 MB line took {:?}", t0.elapsed());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    println!("{err}");
    assert_eq!(
        out.status.code(),
        Some(6),
        "some files skipped, the others stored"
    );
    assert_skipped_and_stored(&err, &store);
    // a missing path: error naming it, exit 1, nothing lost
    let before = count(&store, QUADS);
    let miss = bin()
        .args(["build", "no/such/file.txt", "--store", s])
        .output()
        .unwrap();
    assert_eq!(miss.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&miss.stderr).contains("no/such/file.txt"));
    assert_eq!(count(&store, QUADS), before);
}

/// The unreadable inputs of [`bad_inputs`] are named in `err` with their
/// reason, and the others are stored, decoded.
fn assert_skipped_and_stored(err: &str, store: &Path) {
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("png.txt", "PNG"),
        ("pdf.txt", "PDF"),
        ("broken.txt", "cannot read"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason}\n{err}"
        );
    }
    for file in [
        "good.txt",
        "gbk.txt",
        "gb18030.txt",
        "utf16.txt",
        "mixed.txt",
        "longline.txt",
    ] {
        assert!(!err.contains(file), "{file} is read\n{err}");
    }
    let nq = String::from_utf8(export_nquads(store)).unwrap();
    for title in [
        "聊城市城市景观风貌管理办法",
        "潍坊市供热管理办法",
        "邢台市老旧小区改造导则",
    ] {
        assert!(nq.contains(title), "{title} decoded and stored");
    }
    assert!(
        nq.contains("\"李辉\"@zh"),
        "half-width punctuation is punctuation"
    );
}

/// Re-running writes nothing; a changed file replaces exactly its graphs;
/// `remove` drops a document and the entities only it supported.
#[test]
fn incremental_and_remove() {
    let dir = tmp();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for f in ["000_7217739158d578f1.txt", "001_b0a11bbe69fc04ec.txt"] {
        std::fs::copy(corpus().join(f), docs.join(f)).unwrap();
    }
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    ok(&["build", docs.to_str().unwrap(), "--store", s]);
    let quads = count(&store, QUADS);
    let entities = count(&store, ENTITIES);
    let again = bin()
        .args(["build", docs.to_str().unwrap(), "--store", s])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 quad(s) written"));
    assert_eq!(count(&store, QUADS), quads);

    // change one file: its graphs are replaced, the other file's stay
    let f1 = docs.join("001_b0a11bbe69fc04ec.txt");
    let text = std::fs::read_to_string(&f1).unwrap();
    std::fs::write(&f1, text.replace("聊城大学", "聊城职业技术学院")).unwrap();
    ok(&["build", docs.to_str().unwrap(), "--store", s]);
    let nq = String::from_utf8(export_nquads(&store)).unwrap();
    assert!(nq.contains("聊城职业技术学院"));
    assert!(
        !nq.contains("\"聊城大学\"@zh"),
        "the old version's entity went with its graphs"
    );
    let graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/zhengtu/ontology#Article> } }";
    let g_before = count(&store, graphs);

    // remove the first file: its graphs and the entities only it had go
    let f0 = docs.join("000_7217739158d578f1.txt");
    let out = bin()
        .args(["remove", f0.to_str().unwrap(), "--store", s])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nq = String::from_utf8(export_nquads(&store)).unwrap();
    assert!(
        !nq.contains("奎文分局"),
        "entities of the removed file only are gone"
    );
    assert!(
        nq.contains("聊城市自然资源和规划局"),
        "the other file's entities stay"
    );
    assert!(count(&store, graphs) < g_before);
    assert!(count(&store, ENTITIES) < entities + 5);
    // removing it again names the path
    let again = bin()
        .args(["remove", f0.to_str().unwrap(), "--store", s])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("000_7217739158d578f1.txt"));
}

/// A copy of the seed corpus in `dir`, with `n` extra copies of one page
/// (to make a build last long enough to be interrupted).
fn corpus_copy(dir: &Path, n: usize) -> PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    for e in std::fs::read_dir(corpus()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, docs.join(p.file_name().unwrap())).unwrap();
    }
    let page = std::fs::read_to_string(corpus().join("004_11d64e9f02979a6c.txt")).unwrap();
    for i in 0..n {
        std::fs::write(
            docs.join(format!("copy{i:03}.txt")),
            format!("{page}\n第{i}期"),
        )
        .unwrap();
    }
    docs
}

/// (path, content hash, article count) of every stored file.
fn stored_files(store: &Path) -> Vec<(String, String, usize)> {
    let q = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> SELECT ?path ?hash (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a zt:Article ; zt:fromFile ?f . ?f zt:sourcePath ?path ; zt:contentHash ?hash } } GROUP BY ?path ?hash ORDER BY ?path";
    let out = ok(&[
        "query",
        q,
        "--format",
        "tsv",
        "--store",
        store.to_str().unwrap(),
    ]);
    out.lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let unq = |s: &str| s.trim_matches('"').to_string();
            let n = c[2].split('"').nth(1).unwrap_or(c[2]);
            let n = n
                .parse()
                .unwrap_or_else(|e| panic!("{n:?} is no count ({e}) in {l:?}"));
            (unq(c[0]), unq(c[1]), n)
        })
        .collect()
}

/// SIGKILL during builds: the store always opens, SPARQL works, and every
/// document is in its previous or its new state, never half written.
#[test]
fn killed_builds_leave_whole_documents() {
    let dir = tmp();
    let docs = corpus_copy(dir.path(), 12);
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    ok(&["build", docs.to_str().unwrap(), "--store", s]);
    let old = stored_files(&store);
    // a second version of every file
    for e in std::fs::read_dir(&docs).unwrap() {
        let p = e.unwrap().path();
        let t = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("{t}\n（修订）")).unwrap();
    }
    // how long the same rebuild takes when nothing stops it
    let probe = dir.path().join("probe");
    copy_dir(&store, &probe);
    let t0 = Instant::now();
    ok(&[
        "build",
        docs.to_str().unwrap(),
        "--store",
        probe.to_str().unwrap(),
    ]);
    let full = t0.elapsed();
    let new = stored_files(&probe);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let trials = 24;
    let mut killed = 0;
    for trial in 0..trials {
        // a copy of the old store for each trial
        let st = dir.path().join(format!("trial{trial}"));
        copy_dir(&store, &st);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_millis(seed % (full.as_millis() as u64 + 50));
        let mut child = bin()
            .args([
                "build",
                docs.to_str().unwrap(),
                "--store",
                st.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().expect("the build ends");
        // readers open it and SPARQL works
        let state = stored_files(&st);
        assert_eq!(
            state.len(),
            old.len(),
            "trial {trial}: every document is there"
        );
        for (i, (path, hash, n)) in state.iter().enumerate() {
            let was = &old[i];
            let now = &new[i];
            assert!(
                (hash, n) == (&was.1, &was.2) || (hash, n) == (&now.1, &now.2),
                "trial {trial}: {path} is neither its old nor its new version"
            );
        }
        assert_lookup_index(&st, trial);
        // the writer opens it again and finishes the job
        ok(&[
            "build",
            docs.to_str().unwrap(),
            "--store",
            st.to_str().unwrap(),
        ]);
        assert_eq!(
            stored_files(&st),
            new,
            "trial {trial}: the next build completes"
        );
        assert_lookup_index(&st, trial);
        std::fs::remove_dir_all(&st).expect("the trial's store is removed");
    }
    println!("{trials} trials, {killed} builds killed mid-way, 0 corrupted stores");
    assert!(
        killed >= trials / 2,
        "most trials interrupted a running build"
    );
}

/// The published view's lookup index is that of its quads, and its merged
/// graph the merge of its article graphs.
fn assert_lookup_index(store: &Path, trial: usize) {
    let z = zhengtu::store::ZStore::open_read_only(store).unwrap();
    assert!(
        z.lookup_index_is_consistent().unwrap(),
        "trial {trial}: the lookup index is that of the view"
    );
    assert!(
        z.merged_graph_is_consistent().unwrap(),
        "trial {trial}: the merged graph is the merge of the view's article graphs"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// Starts `build DOCS --store STORE` in the background (stderr kept).
fn spawn_build(docs: &Path, store: &str) -> std::process::Child {
    bin()
        .args(["build", docs.to_str().unwrap(), "--store", store])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Kills a child process when the test ends, passed or not.
struct KillOnDrop(Option<std::process::Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        // a child that has ended cannot be killed, and a drop cannot fail:
        // what is left to do is done, whatever the outcome
        if let Some(c) = &mut self.0 {
            c.kill().ok();
            c.wait().ok();
        }
    }
}

/// A second writer is refused clearly; readers work while a build holds the
/// store. The build reads a named pipe, so it holds the lock until the test
/// writes the page into the pipe: no race with the machine's speed.
#[cfg(unix)]
#[test]
fn readers_run_while_a_build_writes() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let s = store.to_str().unwrap();
    const ARTICLES: &str = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a zt:Article }";
    let before = count(&store, ARTICLES);
    let pipe = dir.path().join("late.txt");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success(), "mkfifo");
    let locked = |err: &str| err.contains("locked by another zhengtu process");
    let mut writer = KillOnDrop(None);
    let mut saw_lock_error = false;
    let t0 = Instant::now();
    while !saw_lock_error {
        assert!(t0.elapsed() < Duration::from_secs(120), "no lock message");
        match &mut writer.0 {
            None => writer.0 = Some(spawn_build(&pipe, s)),
            Some(w) => {
                if w.try_wait().unwrap().is_some() {
                    // the second writer held the lock when this one opened
                    let out = writer.0.take().unwrap().wait_with_output().unwrap();
                    let err = String::from_utf8_lossy(&out.stderr);
                    assert!(locked(&err), "the blocked build ended: {err}");
                    continue;
                }
            }
        }
        let second = bin()
            .args(["build", corpus().to_str().unwrap(), "--store", s])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&second.stderr);
        if locked(&err) {
            assert_eq!(second.status.code(), Some(1), "{err}");
            assert!(err.contains(s), "the message names the store: {err}");
            saw_lock_error = true;
        } else {
            assert!(second.status.success(), "{err}");
        }
    }
    // the build holds the store and waits for its input; readers still work
    for _ in 0..3 {
        let q = bin().args(["query", QUADS, "--store", s]).output().unwrap();
        assert!(
            q.status.success(),
            "query while building: {}",
            String::from_utf8_lossy(&q.stderr)
        );
        let n = bin()
            .args(["neighbors", "奎文分局", "--store", s])
            .output()
            .unwrap();
        assert!(
            n.status.success(),
            "neighbors while building: {}",
            String::from_utf8_lossy(&n.stderr)
        );
        assert!(String::from_utf8_lossy(&n.stdout).contains("潍坊市自然资源和规划局"));
    }
    assert_eq!(
        count(&store, ARTICLES),
        before,
        "nothing new is published yet"
    );
    // the page arrives; the build stores it and publishes
    let w = writer.0.as_mut().unwrap();
    assert!(w.try_wait().unwrap().is_none(), "the build still waits");
    let page = std::fs::read_to_string(corpus().join("004_11d64e9f02979a6c.txt")).unwrap();
    std::fs::write(&pipe, format!("{page}\n（修订）")).unwrap();
    let out = writer.0.take().unwrap().wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        count(&store, ARTICLES) > before,
        "the new page is published"
    );
}

/// A query that runs too long is cancelled with its own exit code.
#[test]
fn slow_query_is_cancelled() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let t0 = Instant::now();
    let out = bin()
        .args([
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            "--timeout",
            "1",
            "--store",
            store.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("cancelled after 1 s"));
    assert!(t0.elapsed() < Duration::from_secs(20));
}

/// `serve` answers queries while a build writes the same store, and the
/// build is not disturbed by it.
#[test]
fn serve_answers_while_a_build_writes() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let s = store.to_str().unwrap();
    let server = common::http::Server::start(&store, dir.path(), &[]);
    let docs = corpus_copy(&dir.path().join("big"), 120);
    let mut writer = spawn_build(&docs, s);
    let q = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a zt:Agency }";
    let mut answered = 0;
    let mut during = 0;
    let t0 = Instant::now();
    loop {
        let building = writer.try_wait().unwrap().is_none();
        let r = server.get_query(q, "text/csv");
        assert_eq!(r.status, 200, "{}", r.text());
        let n: usize = r.text().lines().nth(1).unwrap().trim().parse().unwrap();
        assert!(n > 50, "the published graph is served: {n} agencies");
        answered += 1;
        if building {
            during += 1;
        } else {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(180), "the build ends");
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = writer.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{answered} queries answered by serve, {during} of them while the build wrote");
    assert!(during >= 1, "at least one query ran during the build");
    // the store the build wrote is complete
    let copies = std::fs::read_dir(&docs).unwrap().count();
    assert_eq!(stored_files(&store).len(), 5 + copies);
    // and serve, still running, answers from the view the build published
    let files = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?f zt:sourcePath ?p }";
    let r = server.get_query(files, "text/csv");
    assert_eq!(r.status, 200, "{}", r.text());
    let n: usize = r.text().lines().nth(1).unwrap().trim().parse().unwrap();
    assert_eq!(n, 5 + copies, "serve sees the new build without a restart");
}

/// `compact` rewrites the database once and keeps one view: the store
/// answers the same, its indexes stay right, and it takes no more room
/// than before.
#[test]
fn compact_keeps_the_data_and_one_view() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    // a removal and a rebuild publish two more views
    let s = store.to_str().unwrap();
    let seed = corpus().join("001_b0a11bbe69fc04ec.txt");
    ok(&["remove", seed.to_str().unwrap(), "--store", s]);
    ok(&["build", corpus().to_str().unwrap(), "--store", s]);
    let quads = count(&store, QUADS);
    let entities = count(&store, ENTITIES);
    let before = export_nquads(&store);
    let size = zhengtu::store::disk_size(&store);
    let out = run(&["compact", "--store", s]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&store, QUADS), quads);
    assert_eq!(count(&store, ENTITIES), entities);
    assert!(export_nquads(&store) == before, "the export is the same");
    let views = std::fs::read_dir(store.join("views")).unwrap().count();
    assert_eq!(views, 1, "one view is left");
    assert!(zhengtu::store::disk_size(&store) <= size);
    assert_lookup_index(&store, 0);
    let hits = ok(&["neighbors", "潍坊市", "--store", s]);
    assert!(hits.contains("潍坊市"), "{hits}");
    // build --compact gives the same store in one step
    let other = dir.path().join("other");
    let o = other.to_str().unwrap();
    ok(&[
        "build",
        corpus().to_str().unwrap(),
        "--store",
        o,
        "--compact",
    ]);
    assert!(export_nquads(&other) == before, "the same export");
    assert_eq!(std::fs::read_dir(other.join("views")).unwrap().count(), 1);
}
