//! The desired-state document of `vppx apply` and `POST /apply`, read and checked as the
//! agent does (no base directory: route files are refused, never read). Every error names
//! the document and, where the reader knows it, the line and column; nothing panics,
//! whatever the YAML (anchors and aliases included) says.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vppx::ops::desired::document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = Document::parse(text, "fuzz.yaml", None) {
        let msg = e.to_string();
        assert!(!msg.is_empty());
        assert!(msg.starts_with("fuzz.yaml"), "{msg}");
    }
});
