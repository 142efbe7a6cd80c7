//! Drafts for fixed seeds, snapshotted: a wording change shows up as a diff to read.
//! After an intended change: `cargo insta review` (or INSTA_UPDATE=always cargo test) and read it.

use crate::common::*;

#[test]
fn drafts_for_fixed_seeds() {
    for brief in all_briefs() {
        let o = run(&[&brief, "--seed", "1"]);
        assert!(o.status.success(), "{brief}: {}", stderr(&o));
        insta::assert_snapshot!(format!("draft-{}", name_of(&brief)), stdout(&o));
    }
}

#[test]
fn plain_text_for_a_fixed_seed() {
    let o = run(&["examples/brief.yaml", "--seed", "2", "--format", "txt"]);
    assert!(o.status.success());
    insta::assert_snapshot!("draft-brief-txt", stdout(&o));
}
