//! Mining throughput (SPEC §8: at least 10 MB of corpus per second per core): a corpus of about
//! 20 MB made by repeating the fixture corpus (and the seed corpus when SPEECHGEN_CORPUS is set),
//! mined in memory end to end (decode, convert, clean, split, dedup, label, extract, structure).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const TARGET: usize = 20 << 20;

fn read_folder(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut paths: Vec<_> = std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.sort();
    for p in paths {
        if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(b) = std::fs::read(&p) {
                out.push((p.display().to_string(), b));
            }
        }
    }
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut base = Vec::new();
    read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus"), &mut base);
    if let Some(dir) = std::env::var_os("SPEECHGEN_CORPUS") {
        read_folder(Path::new(&dir), &mut base);
    }
    let mut out = Vec::new();
    let mut size = 0;
    let mut round = 0;
    while size < TARGET && !base.is_empty() {
        for (name, bytes) in &base {
            size += bytes.len();
            out.push((format!("{round:04}/{name}"), bytes.clone()));
        }
        round += 1;
    }
    out
}

/// CPU seconds this process has used (Linux `/proc/self/stat`, 100 ticks a second), so the
/// throughput per core can be read on a machine shared with other work; None elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let none = BTreeSet::new();
    // One timed run on all cores and one on a single thread, for the README.
    for threads in [0usize, 1] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
        if let Ok(pool) = pool {
            let t = Instant::now();
            let cpu0 = cpu_seconds();
            let mined = pool.install(|| speechgen::mine::mine_bytes(&files, &none));
            let secs = t.elapsed().as_secs_f64();
            let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a).filter(|c| *c > 0.0);
            let label = if threads == 1 { "1 thread".to_string() } else { format!("{} threads", pool.current_num_threads()) };
            let per_cpu = cpu.map_or(String::new(), |c| format!(", {c:.2} CPU s = {:.1} MB per CPU second", bytes as f64 / 1e6 / c));
            eprintln!(
                "mine: {:.1} MB in {secs:.2} s on {label} = {:.1} MB/s{per_cpu} ({} speeches, {} duplicates)",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs,
                mined.summary.speeches,
                mined.summary.duplicates
            );
        }
    }
    let mut g = c.benchmark_group("mine");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("corpus_20mb", |b| b.iter(|| speechgen::mine::mine_bytes(&files, &none)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
