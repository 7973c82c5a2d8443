//! Rust forms of VPP's common wire types.
//!
//! Addresses, prefixes and MACs get the standard library's and ipnet's types
//! so that callers and JSON see `"10.0.0.1"` and `"10.0.0.0/24"` rather than
//! VPP's `{af, un}` structs; the byte layout stays VPP's.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use super::codec::{Decode, Encode, Reader, Writer};
use super::error::{Result, WireError, WireErrorKind};

/// `vl_api_address_family_t` values inside `vl_api_address_t`.
const AF_IP4: u8 = 0;
const AF_IP6: u8 = 1;

impl Encode for Ipv4Addr {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&self.octets());
        Ok(())
    }
}

impl Decode for Ipv4Addr {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(Ipv4Addr::from(r.array::<4>()?))
    }
}

impl Encode for Ipv6Addr {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&self.octets());
        Ok(())
    }
}

impl Decode for Ipv6Addr {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(Ipv6Addr::from(r.array::<16>()?))
    }
}

/// `vl_api_address_t`: a one-byte family, then a 16-byte union with an IPv4
/// address left-aligned.
impl Encode for IpAddr {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        match self {
            IpAddr::V4(a) => {
                w.put(&[AF_IP4]);
                w.put(&a.octets());
                w.put(&[0u8; 12]);
            }
            IpAddr::V6(a) => {
                w.put(&[AF_IP6]);
                w.put(&a.octets());
            }
        }
        Ok(())
    }
}

impl Decode for IpAddr {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let af: u8 = r.field("af")?;
        let un: [u8; 16] = r.array().map_err(|e| e.in_field("un"))?;
        match af {
            AF_IP4 => Ok(IpAddr::V4(Ipv4Addr::new(un[0], un[1], un[2], un[3]))),
            AF_IP6 => Ok(IpAddr::V6(Ipv6Addr::from(un))),
            other => {
                Err(WireError::invalid(format!("unknown address family {other}")).in_field("af"))
            }
        }
    }
}

fn prefix_len(r: &mut Reader<'_>) -> Result<u8> {
    r.field("len")
}

/// `vl_api_prefix_t` (and `address_with_prefix`): an address and a length.
/// Host bits are kept as sent: an interface address is a prefix with them set.
impl Encode for IpNet {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.field("address", &self.addr())?;
        w.field("len", &self.prefix_len())
    }
}

impl Decode for IpNet {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let addr: IpAddr = r.field("address")?;
        let len = prefix_len(r)?;
        IpNet::new(addr, len).map_err(|_| {
            WireError::invalid(format!("prefix length {len} too long for {addr}")).in_field("len")
        })
    }
}

impl Encode for Ipv4Net {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.field("address", &self.addr())?;
        w.field("len", &self.prefix_len())
    }
}

impl Decode for Ipv4Net {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let addr: Ipv4Addr = r.field("address")?;
        let len = prefix_len(r)?;
        Ipv4Net::new(addr, len).map_err(|_| {
            WireError::invalid(format!("prefix length {len} too long for {addr}")).in_field("len")
        })
    }
}

impl Encode for Ipv6Net {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.field("address", &self.addr())?;
        w.field("len", &self.prefix_len())
    }
}

impl Decode for Ipv6Net {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let addr: Ipv6Addr = r.field("address")?;
        let len = prefix_len(r)?;
        Ipv6Net::new(addr, len).map_err(|_| {
            WireError::invalid(format!("prefix length {len} too long for {addr}")).in_field("len")
        })
    }
}

/// An Ethernet address; JSON and `Display` use `aa:bb:cc:dd:ee:ff`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MacAddress(pub [u8; 6]);

impl fmt::Display for MacAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0;
        write!(
            f,
            "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
            b[0], b[1], b[2], b[3], b[4], b[5]
        )
    }
}

impl FromStr for MacAddress {
    type Err = WireError;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || WireError::invalid(format!("invalid MAC address '{s}'"));
        let mut out = [0u8; 6];
        let mut parts = s.split([':', '-']);
        for b in out.iter_mut() {
            let p = parts.next().ok_or_else(bad)?;
            if p.len() != 2 {
                return Err(bad());
            }
            *b = u8::from_str_radix(p, 16).map_err(|_| bad())?;
        }
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(MacAddress(out))
    }
}

impl Encode for MacAddress {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&self.0);
        Ok(())
    }
}

impl Decode for MacAddress {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(MacAddress(r.array()?))
    }
}

impl Serialize for MacAddress {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MacAddress {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// Lowercase hex, the JSON form of byte arrays.
pub fn to_hex(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Reads hex (an optional `0x` prefix, either case).
pub fn from_hex(s: &str) -> std::result::Result<Vec<u8>, String> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    if s.len() % 2 != 0 {
        return Err(format!("hex string '{s}' has an odd number of digits"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| {
            s.get(i..i + 2)
                .and_then(|p| u8::from_str_radix(p, 16).ok())
                .ok_or_else(|| format!("invalid hex string '{s}'"))
        })
        .collect()
}

/// Raw bytes of a counted or trailing `u8` array; hex in JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Bytes(pub Vec<u8>);

impl std::ops::Deref for Bytes {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Self {
        Bytes(v)
    }
}

impl Encode for Bytes {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&self.0);
        Ok(())
    }
}

impl Bytes {
    /// Reads `n` bytes.
    pub fn decode_n(r: &mut Reader<'_>, n: usize) -> Result<Self> {
        Ok(Bytes(r.take(n)?.to_vec()))
    }

    /// Reads to the end of the message.
    pub fn decode_rest(r: &mut Reader<'_>) -> Result<Self> {
        let n = r.remaining();
        Self::decode_n(r, n)
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        from_hex(&s).map(Bytes).map_err(de::Error::custom)
    }
}

/// A fixed-size `u8` array of `N` bytes; hex in JSON. Shorter values are
/// zero-padded on the wire, longer ones refused (as FD.io's client does).
/// Values compare as their wire form: `[1, 2]` equals `[1, 2, 0, 0]` for
/// N = 4, so a value equals what decoding its encoding gives back.
#[derive(Debug, Clone)]
pub struct FixedBytes<const N: usize>(pub Vec<u8>);

impl<const N: usize> FixedBytes<N> {
    /// The bytes as written on the wire (zero-padded to `N` when shorter).
    fn padded(&self) -> impl Iterator<Item = u8> + '_ {
        let pad = N.saturating_sub(self.0.len());
        self.0.iter().copied().chain(std::iter::repeat_n(0, pad))
    }
}

/// `N` zero bytes, as decoding an all-zero field gives.
impl<const N: usize> Default for FixedBytes<N> {
    fn default() -> Self {
        FixedBytes(vec![0; N])
    }
}

impl<const N: usize> PartialEq for FixedBytes<N> {
    fn eq(&self, other: &Self) -> bool {
        self.padded().eq(other.padded())
    }
}

impl<const N: usize> Eq for FixedBytes<N> {}

impl<const N: usize> std::hash::Hash for FixedBytes<N> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        for b in self.padded() {
            h.write_u8(b);
        }
    }
}

impl<const N: usize> std::ops::Deref for FixedBytes<N> {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl<const N: usize> From<Vec<u8>> for FixedBytes<N> {
    fn from(v: Vec<u8>) -> Self {
        FixedBytes(v)
    }
}

impl<const N: usize> Encode for FixedBytes<N> {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        if self.0.len() > N {
            return Err(WireError::new(WireErrorKind::TooLong {
                len: self.0.len(),
                max: N,
            }));
        }
        w.put(&self.0);
        w.put(&vec![0u8; N - self.0.len()]);
        Ok(())
    }
}

impl<const N: usize> Decode for FixedBytes<N> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(FixedBytes(r.take(N)?.to_vec()))
    }
}

impl<const N: usize> Serialize for FixedBytes<N> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de, const N: usize> Deserialize<'de> for FixedBytes<N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let v = from_hex(&s).map_err(de::Error::custom)?;
        if v.len() > N {
            return Err(de::Error::custom(format!("{} bytes, at most {N}", v.len())));
        }
        Ok(FixedBytes(v))
    }
}

/// The storage of a VPP union: `N` bytes, the size of its largest member.
/// A member is written left-aligned and zero-padded; reading a member
/// interprets the same bytes, as C does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnionBytes<const N: usize>(pub [u8; N]);

impl<const N: usize> Default for UnionBytes<N> {
    fn default() -> Self {
        UnionBytes([0u8; N])
    }
}

impl<const N: usize> UnionBytes<N> {
    /// Stores one member's encoding.
    pub fn from_member<T: Encode>(name: &str, value: &T) -> Result<Self> {
        let mut w = Writer::new();
        w.field(name, value)?;
        let b = w.as_slice();
        if b.len() > N {
            return Err(WireError::new(WireErrorKind::TooLong {
                len: b.len(),
                max: N,
            })
            .in_field(name));
        }
        let mut out = [0u8; N];
        out[..b.len()].copy_from_slice(b);
        Ok(UnionBytes(out))
    }

    /// Reads the bytes as one member.
    pub fn member<T: Decode>(&self, name: &str) -> Result<T> {
        Reader::new(&self.0).field(name)
    }
}

impl<const N: usize> Encode for UnionBytes<N> {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&self.0);
        Ok(())
    }
}

impl<const N: usize> Decode for UnionBytes<N> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(UnionBytes(r.array()?))
    }
}
