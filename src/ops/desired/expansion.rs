//! A bound on what a document's YAML aliases expand to, checked before anything is built
//! from the document.
//!
//! An alias (`*name`) stands for its anchor's whole value wherever it appears, so a small
//! file — many routes each naming one long path list, or aliases of aliases — reads as
//! gigabytes. Written out, a document holds at most one value (a scalar, a list, a map)
//! per two bytes of its text (`[1,1]`); with its aliases expanded it may hold a million
//! values more — routes sharing a list of paths by an anchor are read — and no more (see
//! docs/design.md, “Desired state”): aliases never make a document cost more than a
//! written-out one of its size, give or take a million values. The count stops at the
//! bound, so the check costs at most that many steps whatever the aliases say.
//!
//! Hand-written over a crate: the check walks serde_norway's own reading of the text
//! (the one the document is then read with), which no crate offers to bound.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess};
use serde::de::{VariantAccess, Visitor};

/// The most values a document of `len` bytes may hold once its aliases are expanded.
pub fn budget(len: usize) -> u64 {
    len as u64 / 2 + 1_000_000
}

/// Counts the values of `text` with its aliases expanded. `Err` (located where the count
/// passed [`budget`]) when there are more; any other fault of the text is left to the
/// reading that follows, which meets it at the same place.
pub fn check(text: &str) -> Result<(), serde_norway::Error> {
    let limit = budget(text.len());
    let count = Cell::new(0);
    let walk = Walk {
        count: &count,
        limit,
    };
    match walk.deserialize(serde_norway::Deserializer::from_str(text)) {
        Err(e) if count.get() > limit => Err(e),
        _ => Ok(()),
    }
}

/// Visits every value, counting; fails as soon as the count passes `limit`.
#[derive(Clone, Copy)]
struct Walk<'a> {
    count: &'a Cell<u64>,
    limit: u64,
}

impl Walk<'_> {
    fn tick<E: de::Error>(self) -> Result<(), E> {
        let n = self.count.get() + 1;
        self.count.set(n);
        if n > self.limit {
            return Err(E::custom(format_args!(
                "the document's YAML aliases expand it past {} values, a million more than \
                 its text could hold written out: write the repeated parts out, or list the \
                 routes in a route file",
                self.limit
            )));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.tick()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.tick()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.tick()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.tick()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.tick()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.tick()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.tick()
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<(), E> {
        self.tick()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.tick()?;
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.tick()?;
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.tick()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.tick()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    /// A tagged value (`!tag value`).
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        self.tick()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `routes` routes, each naming (by alias) one list of `paths` paths.
    fn aliased(routes: u32, paths: u32) -> String {
        let list: Vec<String> = (0..paths)
            .map(|i| format!("{{next_hop: 192.0.2.{}, interface: pg0}}", i % 250 + 1))
            .collect();
        let mut t = String::from("routes:\n  tables:\n    - table: 0\n      routes:\n");
        t += &format!(
            "        - {{prefix: 10.0.0.0/32, paths: &p [{}]}}\n",
            list.join(", ")
        );
        for i in 1..routes {
            t += &format!(
                "        - {{prefix: 10.{}.{}.0/24, paths: *p}}\n",
                i >> 8,
                i & 255
            );
        }
        t
    }

    #[test]
    fn a_document_written_out_stays_within_the_budget() {
        for text in [
            include_str!("../../../examples/node.yaml"),
            "",
            "[]",
            "{a: [1, 2, {b: c}], d: ~}",
            "- -\n  - -\n",
        ] {
            assert!(check(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn routes_sharing_a_path_list_are_read() {
        // 10,000 routes of 8 paths: 450,000 values from 300 KB.
        assert!(check(&aliased(10_000, 8)).is_ok());
    }

    #[test]
    fn many_routes_naming_one_long_path_list_are_refused_at_the_anchor() {
        let text = aliased(5000, 255);
        let e = check(&text).expect_err("refused");
        assert!(e.to_string().contains("YAML aliases expand it past"), "{e}");
        // Inside an alias, the reader places a fault at the anchored value it repeats.
        assert_eq!(e.location().expect("located").line(), 5, "{e}");
    }

    #[test]
    fn nested_aliases_are_refused_without_expanding_them() {
        let mut text = format!("a0: &a0 [{}]\n", vec!["x"; 1000].join(", "));
        // 10^42 values if expanded: the walk stops at the budget.
        for i in 1..40 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text += &format!("a{i}: &a{i} [{refs}]\n");
        }
        assert!(check(&text).is_err());
    }
}
