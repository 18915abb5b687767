//! Extraction throughput on the seed corpus, side by side with jieba-rs
//! `cut` (HMM on) over the same article texts, in bytes per second of
//! article text, single-threaded: `cargo bench --bench extract`. The parts
//! of extraction (lattice, recognition) and jieba-rs `tag` are measured
//! beside them, to show where the time goes.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jieba_rs::Jieba;
use std::path::PathBuf;
use std::time::Duration;
use zhengtu::pipeline::{self, Quiet};
use zhengtu::recognize::Recognizer;
use zhengtu::text::read_document;

fn bench(c: &mut Criterion) {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let files = pipeline::collect_inputs(&[corpus]).expect("the seed corpus");
    let docs: Vec<_> = files
        .iter()
        .map(|f| read_document(f).expect("a seed page"))
        .collect();
    let texts: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.articles.iter().map(|a| a.text.as_str()))
        .collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let r = Recognizer::new().expect("lexicons");
    let jieba = Jieba::new();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");

    let mut g = c.benchmark_group("seed corpus");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("zhengtu extraction (recognize + resolve)", |b| {
        b.iter(|| pool.install(|| pipeline::resolve_all(&r, &docs, &Quiet)))
    });
    g.bench_function("jieba-rs cut (HMM)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| jieba.cut(t, true).len())
                .sum::<usize>()
        })
    });
    // the parts of extraction: the lattice (jieba tag + lexicon automaton),
    // then recognition on it; and jieba's own tagging for comparison
    g.bench_function("zhengtu lattice (jieba tag + lexicon matches)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| r.lattice(t).tokens.len())
                .sum::<usize>()
        })
    });
    g.bench_function("zhengtu recognize (lattice + recognizers)", |b| {
        b.iter(|| texts.iter().map(|t| r.recognize(t).len()).sum::<usize>())
    });
    g.bench_function("jieba-rs tag (HMM)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| jieba.tag(t, true).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
