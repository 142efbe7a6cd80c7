//! The one integration test binary: runs the real executable the way the README says.

mod check;
mod common;
mod draft;
mod errors;
mod hardening;
mod mine;
mod props;
mod snapshots;
mod word;
