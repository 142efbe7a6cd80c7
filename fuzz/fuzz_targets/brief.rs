//! The brief parser: any bytes give a brief or an error, never a panic; a brief drafts.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static WORLD: OnceLock<(speechgen::bank::Bank, speechgen::render::Templates)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(brief) = speechgen::brief::parse_brief(data, Path::new("b.yaml")) else { return };
    let (bank, templates) = WORLD.get_or_init(|| {
        (speechgen::bank::Bank::builtin().expect("bank"), speechgen::render::Templates::builtin().expect("templates"))
    });
    let req = speechgen::DraftRequest {
        brief: &brief,
        brief_name: "b.yaml",
        bank,
        templates,
        seed: 1,
        length: None,
        format: speechgen::render::Format::Md,
    };
    let _ = speechgen::draft(&req);
});
