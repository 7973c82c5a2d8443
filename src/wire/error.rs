//! The codec's one error type. Every error carries where it happened — the
//! message and the field path — because "short frame" alone is useless when a
//! VPP of another version sends something unexpected.

use std::fmt;

/// What went wrong while encoding or decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireErrorKind {
    /// The input ended before the value did.
    Short { need: usize, have: usize },
    /// A value that cannot be represented on the wire or in Rust.
    Invalid(String),
    /// A string or byte array longer than its fixed wire size allows.
    TooLong { len: usize, max: usize },
    /// A fixed array given with the wrong number of elements.
    WrongLength { len: usize, expected: usize },
    /// A socket frame announced a body larger than the codec accepts.
    FrameTooLarge { len: usize, max: usize },
}

/// An encoding or decoding error, naming the message and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    pub kind: WireErrorKind,
    /// Field names from the outermost to the innermost.
    pub path: Vec<String>,
    /// The message being encoded or decoded, once known.
    pub message: Option<String>,
}

impl WireError {
    pub fn new(kind: WireErrorKind) -> Self {
        WireError {
            kind,
            path: Vec::new(),
            message: None,
        }
    }

    pub fn invalid(what: impl Into<String>) -> Self {
        Self::new(WireErrorKind::Invalid(what.into()))
    }

    /// Prepends a field name; called on the way out of each nested decode.
    pub fn in_field(mut self, field: &str) -> Self {
        self.path.insert(0, field.to_string());
        self
    }

    /// Names the message, unless an inner message already did.
    pub fn in_message(mut self, message: &str) -> Self {
        if self.message.is_none() {
            self.message = Some(message.to_string());
        }
        self
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.message, self.path.is_empty()) {
            (Some(m), false) => write!(f, "{m}.{}: ", self.path.join("."))?,
            (Some(m), true) => write!(f, "{m}: ")?,
            (None, false) => write!(f, "{}: ", self.path.join("."))?,
            (None, true) => {}
        }
        match &self.kind {
            WireErrorKind::Short { need, have } => {
                write!(f, "message too short: need {need} more bytes, have {have}")
            }
            WireErrorKind::Invalid(what) => write!(f, "{what}"),
            WireErrorKind::TooLong { len, max } => {
                write!(f, "too long: {len} bytes, at most {max}")
            }
            WireErrorKind::WrongLength { len, expected } => {
                write!(f, "wrong length: {len} elements, expected {expected}")
            }
            WireErrorKind::FrameTooLarge { len, max } => {
                write!(f, "frame of {len} bytes exceeds the limit of {max}")
            }
        }
    }
}

impl std::error::Error for WireError {}

pub type Result<T, E = WireError> = std::result::Result<T, E>;
