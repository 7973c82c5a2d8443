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

/// A string of the document as written (a [`Num`]'s digits), and its number.
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

/// A number of the document (a table, an MTU, a weight): only an integer is one, so that
/// the document reads as its JSON schema says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num(pub Spot);

/// A word that may be written as a string or a number (an ACL rule's `proto`, `sport`,
/// `dport`, as the ACL endpoints take them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSpot(pub Spot);

impl std::ops::Deref for Num {
    type Target = Spot;
    fn deref(&self) -> &Spot {
        &self.0
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Number,
    Either,
}

struct SpotVisitor(Mode);

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

    fn number<E: de::Error>(self, text: String, unexpected: de::Unexpected<'_>) -> Result<Spot, E> {
        if self.0 == Mode::Text {
            return Err(E::invalid_type(unexpected, &self));
        }
        Self::take(text)
    }
}

impl<'de> Visitor<'de> for SpotVisitor {
    type Value = Spot;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Mode::Text => "a string",
            Mode::Number => "an integer",
            Mode::Either => "a string or an integer",
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Spot, E> {
        if self.0 == Mode::Number {
            return Err(E::invalid_type(de::Unexpected::Str(v), &self));
        }
        Self::take(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Spot, E> {
        self.number(v.to_string(), de::Unexpected::Unsigned(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Spot, E> {
        self.number(v.to_string(), de::Unexpected::Signed(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Spot, E> {
        // 1500.0 is the integer 1500 (as JSON Schema counts integers).
        if v.fract() == 0.0 && v.abs() < 1e18 {
            return self.number(format!("{}", v as i64), de::Unexpected::Float(v));
        }
        Err(E::invalid_type(de::Unexpected::Float(v), &self))
    }
}

impl<'de> Deserialize<'de> for Spot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Spot, D::Error> {
        d.deserialize_any(SpotVisitor(Mode::Text))
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        d.deserialize_any(SpotVisitor(Mode::Number)).map(Num)
    }
}

impl<'de> Deserialize<'de> for WordSpot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<WordSpot, D::Error> {
        d.deserialize_any(SpotVisitor(Mode::Either)).map(WordSpot)
    }
}
