//! No input makes cleaning panic, or take longer than libFuzzer's
//! `-timeout` (cleaning is linear in the size of a page).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    galley_fuzz::clean_file(bytes, |_, _| {});
});
