//! Random bytes into every generated message (every module with
//! `--features all-apis`): decoding never panics, and whatever decodes
//! encodes again (through JSON, as `vppx api` would) to bytes that decode
//! to the same value.

mod canon;
mod common;

use canon::{hex, Canon};

/// xorshift: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Mostly bytes 0..=3, so that counts, enums and address families stay
    /// in range often enough for whole messages to decode.
    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len)
            .map(|_| {
                let x = self.next();
                match x % 4 {
                    0 => (x >> 8) as u8,
                    1 => 0,
                    _ => (x >> 8) as u8 & 0x03,
                }
            })
            .collect()
    }
}

#[test]
fn whatever_decodes_reencodes_to_the_same_value() {
    let api = apigen::parse_dir(&common::vpp_api_dir()).unwrap_or_else(|e| panic!("{e}"));
    let canon = Canon::new(&api);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut failures = Vec::new();
    let (mut tried, mut decoded) = (0, 0);
    for table in vppx::binapi::message_tables() {
        for info in table {
            let (module, def) = canon.message(info.name_crc).expect("in the model");
            for round in 0..60 {
                let len = match round % 3 {
                    0 => (rng.next() % 32) as usize,
                    1 => (rng.next() % 256) as usize,
                    _ => (rng.next() % 1200) as usize,
                };
                let bytes = rng.bytes(len);
                tried += 1;
                let v = match (info.decode_json)(&bytes) {
                    Ok(v) => v,
                    Err(e) => {
                        if e.message.as_deref() != Some(info.name) {
                            failures.push(format!("{}: error without the message: {e}", info.name));
                        }
                        continue;
                    }
                };
                decoded += 1;
                let input = canon.input_form(&module.name, &def.fields, &v);
                let again = match (info.encode_json)(input) {
                    Ok(b) => b,
                    Err(e) => {
                        failures.push(format!(
                            "{}: decoded {} but cannot encode it again: {e}",
                            info.name,
                            hex(&bytes)
                        ));
                        continue;
                    }
                };
                match (info.decode_json)(&again) {
                    Ok(w) if w == v => {}
                    Ok(w) => failures.push(format!(
                        "{}: {} decodes to {v}, re-encoded to {w}",
                        info.name,
                        hex(&bytes)
                    )),
                    Err(e) => failures.push(format!("{}: re-encoded bytes fail: {e}", info.name)),
                }
            }
        }
    }
    eprintln!("random inputs: {tried}, decoded: {decoded}");
    failures.truncate(30);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(decoded * 20 > tried, "only {decoded} of {tried} decoded");
}
