//! `check` throughput (SPEC §8: ≥ 20 MB per second) over a ~5 MB draft made by repeating generated
//! drafts, without and with the brief (the brief adds the gazetteer and the fact rules).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use speechgen::check::{check, Options};
use speechgen::render::{Format, Templates};

/// About `bytes` of Markdown: generated drafts of the example brief, seeds 1, 2, … in turn.
fn big_draft(brief: &speechgen::brief::Brief, bytes: usize) -> String {
    let bank = speechgen::load_bank(&[]).expect("built-in bank");
    let templates = Templates::builtin().expect("templates");
    let drafts: Vec<String> = (1..=20)
        .map(|seed| {
            let req = speechgen::DraftRequest { brief, brief_name: "brief.yaml", bank: &bank, templates: &templates, seed, length: None, format: Format::Md };
            String::from_utf8(speechgen::draft(&req).expect("draft").bytes).expect("UTF-8")
        })
        .collect();
    let mut out = String::with_capacity(bytes + 20_000);
    for d in drafts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(d);
        out.push('\n');
    }
    out
}

fn checking(c: &mut Criterion) {
    let brief = speechgen::brief::load_brief(Path::new("examples/brief.yaml")).expect("example brief");
    let bank = speechgen::load_bank(&[]).expect("built-in bank");
    let text = big_draft(&brief, 5_000_000);
    // Build the gazetteer outside the measurement: it is loaded once per process.
    black_box(check("", &Options { brief: Some(&brief), ..Options::default() }));
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("5MB_no_brief", |b| {
        let opts = Options { topics: Some(bank.topics()), ..Options::default() };
        b.iter(|| black_box(check(&text, &opts).findings.len()))
    });
    group.bench_function("5MB_with_brief", |b| {
        let opts = Options { brief: Some(&brief), topics: Some(bank.topics()), ..Options::default() };
        b.iter(|| black_box(check(&text, &opts).findings.len()))
    });
    group.finish();
}

criterion_group!(benches, checking);
criterion_main!(benches);
