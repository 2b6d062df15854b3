//! Benchmark placeholder: replaced by the area that owns it.
fn main() {}
