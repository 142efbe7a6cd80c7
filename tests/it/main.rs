//! The one integration test binary: runs the real executable the way the README says.

mod check;
mod common;
mod draft;
mod errors;
mod hardening;
mod label;
mod mine;
mod mine_bounds;
mod props;
mod snapshots;
mod word;
