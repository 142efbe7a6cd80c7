// The built-in phrase bank and templates are compiled in: rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=phrasebank");
    println!("cargo:rerun-if-changed=templates");
}
