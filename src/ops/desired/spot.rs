//! Where a value of a document is: every scalar the checks may complain about is read as
//! a [`Spot`], numbered in the order the document gives it. A check that fails after the
//! document was read (a next hop of the wrong family, an interface VPP lacks) names the
//! spot's number; the document is then read once more, failing at that very scalar, so
//! that the YAML reader itself reports the line, the column and the field path (see
//! docs/design.md, “Desired state”). Reading is deterministic, so the numbers agree.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

thread_local! {
    /// The next spot's number while a document is read.
    static NEXT: Cell<u32> = const { Cell::new(0) };
    /// The spot to fail at, and the message, on the second reading.
    static FAIL: RefCell<Option<(u32, String)>> = const { RefCell::new(None) };
}

/// Starts numbering spots from 0, failing at `fail` if given; the guard clears it.
pub(super) fn reading(fail: Option<(u32, String)>) -> Reading {
    NEXT.with(|n| n.set(0));
    FAIL.with(|f| *f.borrow_mut() = fail);
    Reading
}

/// While alive, spots are being numbered for one reading.
pub(super) struct Reading;

impl Drop for Reading {
    fn drop(&mut self) {
        FAIL.with(|f| *f.borrow_mut() = None);
    }
}

/// A scalar of the document as written (numbers and booleans as their text), and its
/// number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub text: String,
    pub at: u32,
}

impl fmt::Display for Spot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

struct SpotVisitor;

impl SpotVisitor {
    fn take<E: de::Error>(text: String) -> Result<Spot, E> {
        let at = NEXT.with(|n| {
            let at = n.get();
            n.set(at + 1);
            at
        });
        let fail = FAIL.with(|f| {
            f.borrow()
                .as_ref()
                .filter(|(id, _)| *id == at)
                .map(|(_, m)| m.clone())
        });
        match fail {
            Some(msg) => Err(E::custom(msg)),
            None => Ok(Spot { text, at }),
        }
    }
}

impl<'de> Visitor<'de> for SpotVisitor {
    type Value = Spot;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Spot, E> {
        Self::take(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Spot, E> {
        Self::take(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Spot, E> {
        Self::take(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Spot, E> {
        Self::take(v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Spot, E> {
        Self::take(v.to_string())
    }
}

impl<'de> Deserialize<'de> for Spot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Spot, D::Error> {
        d.deserialize_any(SpotVisitor)
    }
}
