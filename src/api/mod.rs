//! `vppx api`: any binary-API message by name, with the definitions the
//! running VPP reports about itself (`get_api_json`), so a call is exact for
//! that VPP's version, CRCs included.
//!
//! [`codec`] is the model-driven codec (apigen's model, `crate::wire`'s
//! rules); [`schema`] holds the definitions, picks the generated type where
//! name and CRC match, and caches VPP's answer (see docs/design.md, “Schema cache”); [`call`] sends
//! and collects answers through the client's untyped path. It must not know about the command line.

pub mod call;
pub mod codec;
pub mod schema;

use std::time::Duration;

use crate::client::{Client, ClientError};
use crate::error::{Classify, ErrorClass};
use crate::wire::WireError;

pub use call::{retval_of, Caller, Outcome};
pub use codec::Codec;
pub use schema::{Binding, Msg, Schema};

/// What can go wrong in `vppx api`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A schema file or answer that is not `.api.json`-shaped.
    #[error("schema: {0}")]
    Schema(String),
    /// A message name the schema does not define.
    #[error("this VPP has no message {0}")]
    Unknown(String),
    /// A message (this version of it) missing from VPP's message table; nothing was sent.
    #[error("this VPP has no message {0} (not in its message table)")]
    NotInTable(String),
    /// The JSON given does not make this message.
    #[error("{0}")]
    Input(WireError),
    /// What VPP sent does not decode with the schema.
    #[error("cannot decode VPP's answer: {0}")]
    Decode(WireError),
    #[error("no answer from VPP within {}", humantime::format_duration(*.0))]
    Timeout(Duration),
    #[error(transparent)]
    Client(#[from] ClientError),
}

impl Classify for ApiError {
    fn class(&self) -> ErrorClass {
        match self {
            ApiError::Schema(_) | ApiError::Input(_) => ErrorClass::BadInput,
            ApiError::Unknown(_) | ApiError::NotInTable(_) => ErrorClass::Incompatible,
            ApiError::Decode(_) => ErrorClass::BadAnswer,
            ApiError::Timeout(_) => ErrorClass::Timeout,
            ApiError::Client(c) => c.class(),
        }
    }

    fn vpp_refusal(&self) -> Option<(i32, Option<&'static str>)> {
        match self {
            ApiError::Client(c) => c.vpp_refusal(),
            _ => None,
        }
    }
}

/// The running VPP's definitions: from the cache when this VPP's message table was seen
/// before (see docs/design.md, “Schema cache”), else asked of VPP with `get_api_json` and cached. The second value is a
/// one-line notice when a cache file existed but was not trusted (and was rebuilt).
/// `refresh`: ask VPP and rewrite the cache whatever it holds.
pub fn fetch_schema(
    client: &mut Client,
    refresh: bool,
) -> Result<(Schema, Option<String>), ApiError> {
    use crate::binapi::memclnt::GetApiJson;

    let key = schema::cache_key(client.message_table().keys());
    let cached = schema::cache_file(&key);
    let mut notice = None;
    if let Some(path) = cached.as_ref().filter(|_| !refresh) {
        match schema::read_cache(path, &key) {
            Ok(Some(s)) => return Ok((s, None)),
            Ok(None) => {}
            Err(why) => {
                notice = Some(format!(
                    "schema cache {} not used ({why}); rebuilding it",
                    path.display()
                ))
            }
        }
    }
    client.require(crate::needs![request GetApiJson])?;
    let reply = client.request(GetApiJson::default())?;
    let schema = Schema::from_json("get_api_json's answer", &reply.json).map_err(|e| match e {
        // VPP's own answer not parsing is VPP's problem, not the user's input.
        ApiError::Schema(what) => ApiError::Decode(WireError::invalid(what)),
        other => other,
    })?;
    if let Some(path) = cached {
        schema::store_cache(&path, &key, &reply.json);
    }
    Ok((schema, notice))
}
