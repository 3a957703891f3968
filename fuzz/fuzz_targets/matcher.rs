#![no_main]
//! Fuzz target: see `quoth::selfcheck::matcher`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| quoth::selfcheck::matcher(data));
