#![no_main]
//! Fuzz target: see `quoth::selfcheck::story_markdown`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| quoth::selfcheck::story_markdown(data));
