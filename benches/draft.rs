//! Drafting throughput (SPEC §8: ≥ 2,000 drafts of 3,000 characters per second on one core),
//! and what loading the built-in bank costs on every cold start.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use speechgen::render::{Format, Templates};

fn drafting(c: &mut Criterion) {
    let brief = speechgen::brief::load_brief(Path::new("examples/brief.yaml")).expect("example brief");
    let bank = speechgen::load_bank(&[]).expect("built-in bank");
    let templates = Templates::builtin().expect("templates");
    let mut group = c.benchmark_group("draft");
    group.throughput(Throughput::Elements(1));
    let mut seed = 0u64;
    group.bench_function("md_3000_chars", |b| {
        b.iter(|| {
            seed += 1;
            let req = speechgen::DraftRequest {
                brief: &brief,
                brief_name: "brief.yaml",
                bank: &bank,
                templates: &templates,
                seed,
                length: None,
                format: Format::Md,
            };
            black_box(speechgen::draft(&req).expect("draft").bytes.len())
        })
    });
    group.finish();
    c.bench_function("load_builtin_bank", |b| b.iter(|| black_box(speechgen::load_bank(&[]).expect("bank").entries().len())));
}

criterion_group!(benches, drafting);
criterion_main!(benches);
