//! The committed `src/binapi/` is exactly what apigen generates from
//! `apigen/vpp-api`. `VPPX_BLESS=1 cargo test --test binapi_up_to_date`
//! rewrites it (as `cargo run -p apigen -- --api-dir apigen/vpp-api --out src/binapi` does).

mod common;

use std::path::Path;

#[test]
fn committed_binapi_is_what_apigen_generates() {
    let api_dir = common::vpp_api_dir();
    let api = apigen::parse_dir(&api_dir).unwrap_or_else(|e| panic!("{e}"));
    let errors_tsv = std::fs::read_to_string(api_dir.join("api-errors.tsv"))
        .unwrap_or_else(|e| panic!("{}: {e}", api_dir.join("api-errors.tsv").display()));
    let errors = apigen::emit::parse_errors(&errors_tsv).unwrap_or_else(|e| panic!("{e}"));
    let files = apigen::emit::emit(&api, apigen::emit::DEFAULT_MODULES, &errors)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/binapi");
    if std::env::var_os("VPPX_BLESS").is_some() {
        apigen::write::write(&out, &files).unwrap();
        return;
    }
    let diff = apigen::write::compare(&out, &files).unwrap();
    assert!(
        diff.is_empty(),
        "src/binapi is not what apigen generates ({} files):\n  {}\n\
         regenerate with VPPX_BLESS=1 cargo test --test binapi_up_to_date",
        diff.len(),
        diff.join("\n  ")
    );
    assert!(files.len() > 100, "only {} files generated", files.len());
}
