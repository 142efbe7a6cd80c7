//! The corpus reader and cleaner: decode, convert, strip debris, split into speeches.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = speechgen::corpus::read_document("s.txt", data);
});
