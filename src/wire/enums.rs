//! Enums and enum flags. Generated enums keep an `Other(u32)` variant and
//! flags are plain bit sets, so a value added by a newer VPP decodes and
//! re-encodes unchanged instead of failing.
//!
//! JSON: an enum is its VPP name (`"ADDRESS_IP6"`), or its number when it
//! has none; flags are numbers (jq can test bits), and are read from a
//! number, a name, `"A|B"`, or a list of names.

use serde::{de, Deserializer, Serializer};

use super::codec::{Decode, Encode, Reader, Writer};
use super::error::{Result, WireError};

/// What the enum and flag macros need to know about a generated type.
pub trait VppEnum: Sized + Copy {
    /// The VPP type name, e.g. `address_family`.
    const TYPE_NAME: &'static str;
    /// Every named value, in declaration order.
    const NAMES: &'static [(&'static str, u32)];
    fn from_raw(v: u32) -> Self;
    fn to_raw(self) -> u32;
}

/// Writes `v` at the enum's declared width, refusing values that do not fit.
pub fn encode_width<T: Encode + TryFrom<u32>>(v: u32, w: &mut Writer) -> Result<()> {
    let n = T::try_from(v)
        .map_err(|_| WireError::invalid(format!("value {v} does not fit the field's width")))?;
    n.encode(w)
}

/// Reads a value of the enum's declared width.
pub fn decode_width<T: Decode + Into<i64>>(r: &mut Reader<'_>) -> Result<u32> {
    let v: i64 = T::decode(r)?.into();
    // Signed widths keep their bit pattern, as C's cast would.
    Ok(v as u32)
}

pub fn name_of<E: VppEnum>(e: E) -> Option<&'static str> {
    let raw = e.to_raw();
    E::NAMES.iter().find(|(_, v)| *v == raw).map(|(n, _)| *n)
}

pub fn value_of<E: VppEnum>(name: &str) -> Option<u32> {
    E::NAMES.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

pub fn serialize_enum<E: VppEnum, S: Serializer>(
    e: E,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match name_of(e) {
        Some(n) => s.serialize_str(n),
        None => s.serialize_u32(e.to_raw()),
    }
}

pub fn serialize_flags<E: VppEnum, S: Serializer>(
    e: E,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_u32(e.to_raw())
}

/// Reads an enum or a flag set from a number or names.
pub fn deserialize_enum<'de, E: VppEnum, D: Deserializer<'de>>(
    d: D,
    flags: bool,
) -> std::result::Result<E, D::Error> {
    struct V<E>(bool, std::marker::PhantomData<E>);
    impl<'de, E: VppEnum> de::Visitor<'de> for V<E> {
        type Value = E;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a {} name or number", E::TYPE_NAME)
        }
        fn visit_u64<Er: de::Error>(self, v: u64) -> std::result::Result<E, Er> {
            u32::try_from(v)
                .map(E::from_raw)
                .map_err(|_| Er::custom(format!("{v} is out of range for {}", E::TYPE_NAME)))
        }
        fn visit_i64<Er: de::Error>(self, v: i64) -> std::result::Result<E, Er> {
            i32::try_from(v)
                .map(|v| E::from_raw(v as u32))
                .map_err(|_| Er::custom(format!("{v} is out of range for {}", E::TYPE_NAME)))
        }
        fn visit_str<Er: de::Error>(self, s: &str) -> std::result::Result<E, Er> {
            let mut raw = 0u32;
            let parts: Vec<&str> = if self.0 {
                s.split('|').collect()
            } else {
                vec![s]
            };
            for p in parts {
                let p = p.trim();
                if self.0 && p.is_empty() {
                    continue;
                }
                let v = value_of::<E>(p).ok_or_else(|| {
                    let names: Vec<&str> = E::NAMES.iter().map(|(n, _)| *n).collect();
                    Er::custom(format!(
                        "unknown {} value '{p}', expected one of {}",
                        E::TYPE_NAME,
                        names.join(", ")
                    ))
                })?;
                raw |= v;
            }
            Ok(E::from_raw(raw))
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<E, A::Error> {
            if !self.0 {
                return Err(de::Error::custom(format!(
                    "{} takes one value, not a list",
                    E::TYPE_NAME
                )));
            }
            let mut raw = 0u32;
            while let Some(name) = seq.next_element::<String>()? {
                raw |= V::<E>(true, std::marker::PhantomData)
                    .visit_str::<A::Error>(&name)?
                    .to_raw();
            }
            Ok(E::from_raw(raw))
        }
    }
    d.deserialize_any(V::<E>(flags, std::marker::PhantomData))
}

/// Declares a generated VPP enum: a Rust enum with an `Other(u32)` variant.
#[macro_export]
macro_rules! vpp_enum {
    ($(#[$m:meta])* $vis:vis enum $name:ident($vpp:literal, $width:ty) {
        $($variant:ident = $value:literal => $vname:literal,)*
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($variant,)*
            /// A value this build does not name.
            Other(u32),
        }

        impl $crate::wire::VppEnum for $name {
            const TYPE_NAME: &'static str = $vpp;
            const NAMES: &'static [(&'static str, u32)] = &[$(($vname, $value as u32),)*];
            #[allow(unreachable_patterns)]
            fn from_raw(v: u32) -> Self {
                match v {
                    $(x if x == $value as u32 => Self::$variant,)*
                    other => Self::Other(other),
                }
            }
            fn to_raw(self) -> u32 {
                match self {
                    $(Self::$variant => $value as u32,)*
                    Self::Other(v) => v,
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                <Self as $crate::wire::VppEnum>::from_raw(0)
            }
        }

        impl $crate::wire::Encode for $name {
            fn encode(&self, w: &mut $crate::wire::Writer) -> $crate::wire::Result<()> {
                $crate::wire::enums::encode_width::<$width>($crate::wire::VppEnum::to_raw(*self), w)
            }
        }

        impl $crate::wire::Decode for $name {
            fn decode(r: &mut $crate::wire::Reader<'_>) -> $crate::wire::Result<Self> {
                $crate::wire::enums::decode_width::<$width>(r)
                    .map(<Self as $crate::wire::VppEnum>::from_raw)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::wire::enums::serialize_enum(*self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::enums::deserialize_enum(d, false)
            }
        }
    };
}

/// Declares a generated VPP flag set: a bit set with VPP's names as constants.
#[macro_export]
macro_rules! vpp_flags {
    ($(#[$m:meta])* $vis:vis struct $name:ident($vpp:literal, $width:ty) {
        $($flag:ident = $value:literal,)*
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        $vis struct $name(pub u32);

        #[allow(non_upper_case_globals)]
        impl $name {
            $(pub const $flag: Self = Self($value as u32);)*

            /// Whether every bit of `other` is set.
            pub fn contains(self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }
        }

        impl std::ops::BitOr for $name {
            type Output = Self;
            fn bitor(self, o: Self) -> Self {
                Self(self.0 | o.0)
            }
        }

        impl std::ops::BitAnd for $name {
            type Output = Self;
            fn bitand(self, o: Self) -> Self {
                Self(self.0 & o.0)
            }
        }

        impl $crate::wire::VppEnum for $name {
            const TYPE_NAME: &'static str = $vpp;
            const NAMES: &'static [(&'static str, u32)] = &[$((stringify!($flag), $value as u32),)*];
            fn from_raw(v: u32) -> Self {
                Self(v)
            }
            fn to_raw(self) -> u32 {
                self.0
            }
        }

        impl $crate::wire::Encode for $name {
            fn encode(&self, w: &mut $crate::wire::Writer) -> $crate::wire::Result<()> {
                $crate::wire::enums::encode_width::<$width>(self.0, w)
            }
        }

        impl $crate::wire::Decode for $name {
            fn decode(r: &mut $crate::wire::Reader<'_>) -> $crate::wire::Result<Self> {
                $crate::wire::enums::decode_width::<$width>(r).map(Self)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::wire::enums::serialize_flags(*self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::wire::enums::deserialize_enum(d, true)
            }
        }
    };
}
