#![no_main]
//! Fuzz target: see `quoth::selfcheck::story`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| quoth::selfcheck::story(data));
