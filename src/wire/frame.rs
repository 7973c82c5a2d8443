//! The socket transport's framing: a 16-byte header (8 unused bytes, a
//! big-endian body length, 4 unused bytes) before every message.

use super::error::{Result, WireError, WireErrorKind};

pub const HEADER_LEN: usize = 16;

/// The largest body accepted. VPP's biggest answers (get_api_json, large
/// dumps' details) are a few MiB; anything far larger is a broken stream.
pub const MAX_BODY_LEN: usize = 64 << 20;

/// Appends a framed body to `out`.
pub fn write_frame(out: &mut Vec<u8>, body: &[u8]) -> Result<()> {
    let len = u32::try_from(body.len())
        .ok()
        .filter(|&l| (l as usize) <= MAX_BODY_LEN)
        .ok_or_else(|| {
            WireError::new(WireErrorKind::FrameTooLarge {
                len: body.len(),
                max: MAX_BODY_LEN,
            })
        })?;
    out.extend_from_slice(&[0u8; 8]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.extend_from_slice(body);
    Ok(())
}

/// The body length a header announces.
pub fn body_len(header: &[u8; HEADER_LEN]) -> Result<usize> {
    let len = u32::from_be_bytes([header[8], header[9], header[10], header[11]]) as usize;
    if len > MAX_BODY_LEN {
        return Err(WireError::new(WireErrorKind::FrameTooLarge {
            len,
            max: MAX_BODY_LEN,
        }));
    }
    Ok(len)
}

/// Splits a byte stream into frames: feed it what the socket gave, take
/// whole bodies out. One read may hold several frames or part of one.
#[derive(Debug, Default)]
pub struct FrameBuffer {
    buf: Vec<u8>,
    start: usize,
}

impl FrameBuffer {
    pub fn new() -> Self {
        FrameBuffer::default()
    }

    pub fn extend(&mut self, data: &[u8]) {
        if self.start > 0 && self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
        }
        self.buf.extend_from_slice(data);
    }

    /// The next complete body, if one has arrived.
    pub fn next_frame(&mut self) -> Result<Option<Vec<u8>>> {
        let avail = &self.buf[self.start..];
        if avail.len() < HEADER_LEN {
            self.compact();
            return Ok(None);
        }
        let mut header = [0u8; HEADER_LEN];
        header.copy_from_slice(&avail[..HEADER_LEN]);
        let len = body_len(&header)?;
        if avail.len() < HEADER_LEN + len {
            self.compact();
            return Ok(None);
        }
        let body = avail[HEADER_LEN..HEADER_LEN + len].to_vec();
        self.start += HEADER_LEN + len;
        Ok(Some(body))
    }

    /// Bytes received but not yet returned as a frame.
    pub fn pending(&self) -> usize {
        self.buf.len() - self.start
    }

    fn compact(&mut self) {
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
    }
}
