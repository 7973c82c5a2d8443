//! Reading input whole, and optional fields of JSON input.
//!
//! A file or standard input read whole (an ACL file, a document, a schema, a request, a
//! token) is read up to a bound and refused past it, so that `/dev/zero` or a runaway
//! pipe costs an error, not the machine's memory.
//!
//! A field of JSON input may be left out, but when it is given it must hold a value.
//! `null` is refused, so that what a body says is what the agent's OpenAPI document says
//! it may (a string, a number, a list — never null).

use std::io::Read;

use serde::{Deserialize, Deserializer};

/// The most of a file vppx reads whole: as much as one API message may carry.
pub const MAX_INPUT: u64 = 64 << 20;

/// The text of `source` (`-`: standard input), refused past `max` bytes.
pub fn read_text(source: &str, max: u64) -> std::io::Result<String> {
    let mut text = String::new();
    if source == "-" {
        std::io::stdin().take(max + 1).read_to_string(&mut text)?;
    } else {
        std::fs::File::open(source)?
            .take(max + 1)
            .read_to_string(&mut text)?;
    }
    if text.len() as u64 > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {}", size(max)),
        ));
    }
    Ok(text)
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// For `#[serde(default, deserialize_with = "present")]` on an `Option<T>` field: a
/// missing field is `None` (through `default`), a given one must be a `T`.
pub fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "present")]
        list: Option<Vec<String>>,
    }

    #[test]
    fn text_past_the_bound_is_refused_having_read_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "x".repeat(4097)).unwrap();
        let path = path.to_str().unwrap();
        let e = read_text(path, 4096).unwrap_err();
        assert_eq!(e.to_string(), "larger than 4 KiB");
        assert_eq!(read_text(path, 4097).unwrap().len(), 4097);
        let e = read_text("/dev/zero", MAX_INPUT).unwrap_err();
        assert_eq!(e.to_string(), "larger than 64 MiB");
        assert_eq!(size(1000), "1000 bytes");
    }

    #[test]
    fn a_missing_field_is_none_a_null_one_is_refused() {
        let b: Body = serde_json::from_str("{}").unwrap();
        assert!(b.list.is_none());
        let b: Body = serde_json::from_str(r#"{"list": []}"#).unwrap();
        assert_eq!(b.list, Some(vec![]));
        let e = serde_json::from_str::<Body>(r#"{"list": null}"#).unwrap_err();
        assert!(e.to_string().contains("null"), "{e}");
    }
}
