//! The whole check of arbitrary bytes read as Markdown (see check_format.rs).
#![no_main]

#[path = "check_format.rs"]
mod check_format;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check_format::run(data, galley::Format::Markdown));
