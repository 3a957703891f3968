#![no_main]
//! Fuzz target: see `quoth::selfcheck::corpus`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| quoth::selfcheck::corpus(data));
