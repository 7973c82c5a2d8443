//! The encoding rules of VPP's binary API: big-endian integers, packed
//! structs, fixed and counted arrays, fixed and length-prefixed strings.
//!
//! Generated messages call these field by field; loops, padding and length
//! checks live here once so that generated code stays a flat list of calls.
//! Decoding never indexes past the input: every read goes through
//! [`Reader::take`], which returns an error naming the field instead.

use super::error::{Result, WireError, WireErrorKind};

/// A cursor over a message body.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    /// The next `n` bytes, or an error if the input is shorter.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let have = self.remaining();
        if n > have {
            return Err(WireError::new(WireErrorKind::Short { need: n, have }));
        }
        let out = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    /// Exactly `N` bytes as an array.
    pub fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    /// Decodes one field, naming it in any error.
    pub fn field<T: Decode>(&mut self, name: &str) -> Result<T> {
        T::decode(self).map_err(|e| e.in_field(name))
    }

    /// A count field: decoded as its declared type, returned as a length.
    pub fn count<T: Decode + TryInto<u64>>(&mut self, name: &str) -> Result<usize> {
        let n: T = self.field(name)?;
        n.try_into()
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| WireError::invalid("count out of range").in_field(name))
    }

    /// A fixed-size string: exactly `size` bytes, the value ends at the first NUL.
    pub fn fixed_string(&mut self, name: &str, size: usize) -> Result<String> {
        let raw = self.take(size).map_err(|e| e.in_field(name))?;
        let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
        Ok(String::from_utf8_lossy(&raw[..end]).into_owned())
    }

    /// A variable string: a `u32` length, then that many bytes.
    pub fn var_string(&mut self, name: &str) -> Result<String> {
        let len = self.count::<u32>(name)?;
        let raw = self.take(len).map_err(|e| e.in_field(name))?;
        Ok(String::from_utf8_lossy(raw).into_owned())
    }

    /// `n` raw bytes (a counted `u8` array).
    pub fn bytes(&mut self, name: &str, n: usize) -> Result<super::Bytes> {
        super::Bytes::decode_n(self, n).map_err(|e| e.in_field(name))
    }

    /// The rest of the message as raw bytes (a trailing `u8` array).
    pub fn rest_bytes(&mut self, name: &str) -> Result<super::Bytes> {
        super::Bytes::decode_rest(self).map_err(|e| e.in_field(name))
    }

    /// `n` elements of `T`.
    pub fn list<T: Decode>(&mut self, name: &str, n: usize) -> Result<Vec<T>> {
        // Each element takes at least one byte, so a count larger than the
        // input is rejected before allocating for it.
        if n > self.remaining() && std::mem::size_of::<T>() > 0 {
            return Err(WireError::new(WireErrorKind::Short {
                need: n,
                have: self.remaining(),
            })
            .in_field(name));
        }
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let v = T::decode(self).map_err(|e| e.in_field(&format!("{name}[{i}]")))?;
            out.push(v);
        }
        Ok(out)
    }

    /// Elements of `T` until the end of the message (VPP's legacy
    /// variable-length arrays without a count field).
    pub fn rest<T: Decode>(&mut self, name: &str) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while self.remaining() > 0 {
            out.push(T::decode(self).map_err(|e| e.in_field(&format!("{name}[{i}]")))?);
            i += 1;
        }
        Ok(out)
    }
}

/// An output buffer for a message body.
#[derive(Debug, Default, Clone)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        Writer {
            buf: Vec::with_capacity(n),
        }
    }

    pub fn into_inner(self) -> Vec<u8> {
        self.buf
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.buf
    }

    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn put(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Encodes one field, naming it in any error.
    pub fn field<T: Encode + ?Sized>(&mut self, name: &str, value: &T) -> Result<()> {
        value.encode(self).map_err(|e| e.in_field(name))
    }

    /// A count field holding `len`, checked against the field's width.
    pub fn count<T: Encode + TryFrom<usize>>(&mut self, name: &str, len: usize) -> Result<()> {
        let n = T::try_from(len).map_err(|_| {
            WireError::invalid(format!("{len} elements do not fit in the count field"))
                .in_field(name)
        })?;
        n.encode(self).map_err(|e| e.in_field(name))
    }

    /// A fixed-size string: NUL-padded to `size`, at most `size - 1` bytes
    /// of text so that VPP always finds a terminating NUL.
    pub fn fixed_string(&mut self, name: &str, value: &str, size: usize) -> Result<()> {
        let max = size.saturating_sub(1);
        if value.len() > max {
            return Err(WireError::new(WireErrorKind::TooLong {
                len: value.len(),
                max,
            })
            .in_field(name));
        }
        self.put(value.as_bytes());
        self.buf.resize(self.buf.len() + size - value.len(), 0);
        Ok(())
    }

    /// A variable string: a `u32` length, then the bytes, no NUL.
    pub fn var_string(&mut self, name: &str, value: &str) -> Result<()> {
        self.count::<u32>(name, value.len())?;
        self.put(value.as_bytes());
        Ok(())
    }

    /// A fixed array: exactly `size` elements.
    pub fn fixed_list<T: Encode>(&mut self, name: &str, values: &[T], size: usize) -> Result<()> {
        if values.len() != size {
            return Err(WireError::new(WireErrorKind::WrongLength {
                len: values.len(),
                expected: size,
            })
            .in_field(name));
        }
        self.list(name, values)
    }

    /// Every element of a counted or trailing array.
    pub fn list<T: Encode>(&mut self, name: &str, values: &[T]) -> Result<()> {
        for (i, v) in values.iter().enumerate() {
            v.encode(self)
                .map_err(|e| e.in_field(&format!("{name}[{i}]")))?;
        }
        Ok(())
    }
}

/// A value with a wire form.
pub trait Encode {
    fn encode(&self, w: &mut Writer) -> Result<()>;
}

/// A value that can be read from its wire form.
pub trait Decode: Sized {
    fn decode(r: &mut Reader<'_>) -> Result<Self>;
}

macro_rules! be_int {
    ($($t:ty),*) => {$(
        impl Encode for $t {
            fn encode(&self, w: &mut Writer) -> Result<()> {
                w.put(&self.to_be_bytes());
                Ok(())
            }
        }
        impl Decode for $t {
            fn decode(r: &mut Reader<'_>) -> Result<Self> {
                Ok(<$t>::from_be_bytes(r.array()?))
            }
        }
    )*};
}
be_int!(u8, u16, u32, u64, i8, i16, i32, i64);

/// `f64` travels in host order (little-endian on every platform VPP runs
/// on): VPP's byte-swapping helpers leave floats alone (see docs/design.md, “Floats on the wire”).
impl Encode for f64 {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&self.to_le_bytes());
        Ok(())
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(f64::from_le_bytes(r.array()?))
    }
}

/// One byte; any non-zero value reads as true, as in C.
impl Encode for bool {
    fn encode(&self, w: &mut Writer) -> Result<()> {
        w.put(&[u8::from(*self)]);
        Ok(())
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        Ok(r.array::<1>()?[0] != 0)
    }
}
