fn main() {
    let t = std::time::Instant::now();
    let files = speechgen::bank::builtin_files().unwrap();
    let t1 = t.elapsed();
    let bank = speechgen::bank::Bank::from_files(files).unwrap();
    let t2 = t.elapsed();
    println!("parse {:?} compile {:?} entries {}", t1, t2 - t1, bank.entries().len());
}
