//! The brief: the facts of one meeting, as the writer gives them (SPEC §2).
//!
//! `types` holds the serde shapes; `load` decodes a file (UTF-8, UTF-16, GB18030), parses it with
//! serde-saphyr and turns parser errors into messages that point at the line.

mod load;
mod types;

pub use load::{decode_strict, load_brief, looks_binary, parse_brief, read_bytes, read_text, refuse_binary, Kind, MAX_BRIEF_BYTES};
pub use types::*;
