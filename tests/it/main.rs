//! The one integration test binary: runs the real executable the way the README says.

mod common;
mod draft;
mod errors;
