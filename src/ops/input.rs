//! Reading optional fields of JSON input: a field may be left out, but when it is given
//! it must hold a value. `null` is refused, so that what a body says is what the
//! agent's OpenAPI document says it may (a string, a number, a list — never null).

use serde::{Deserialize, Deserializer};

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
    fn a_missing_field_is_none_a_null_one_is_refused() {
        let b: Body = serde_json::from_str("{}").unwrap();
        assert!(b.list.is_none());
        let b: Body = serde_json::from_str(r#"{"list": []}"#).unwrap();
        assert_eq!(b.list, Some(vec![]));
        let e = serde_json::from_str::<Body>(r#"{"list": null}"#).unwrap_err();
        assert!(e.to_string().contains("null"), "{e}");
    }
}
