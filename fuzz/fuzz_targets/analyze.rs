//! The analyzer: a document's outline and its JSON, and check over the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = speechgen::corpus::read_document("s.txt", data);
    let report = speechgen::analyze::report(&doc);
    let _ = speechgen::analyze::to_text(std::slice::from_ref(&report));
    let _ = speechgen::analyze::to_json(std::slice::from_ref(&report));
    let text = String::from_utf8_lossy(data);
    let opts = speechgen::check::Options { brief: None, topics: None, allow: vec![], length: None };
    let _ = speechgen::check::check(&text, &opts);
});
