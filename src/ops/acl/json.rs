//! The JSON form of rules: how `GET /acls` writes a rule, and the two forms a request body
//! may give one in (its words as a string, or an object of them).

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::rule::{finish, located, parse_rule, proto_name, range, Rule};
use crate::ops::error::{OpsError, Result};

/// JSON: `{action, src, dst, proto, sport, dport, tcp_flags, text}`, all strings, in the
/// words a rule is written with (`"proto": "tcp"`, `"dport": "80-443"`), so a rule read back
/// can be sent again as it is.
impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Rule", 8)?;
        st.serialize_field("action", &self.action.to_string())?;
        st.serialize_field("src", &self.src.to_string())?;
        st.serialize_field("dst", &self.dst.to_string())?;
        st.serialize_field("proto", &proto_name(self.proto))?;
        st.serialize_field("sport", &range(self.sport))?;
        st.serialize_field("dport", &range(self.dport))?;
        let flags = (self.tcp_flags != (0, 0))
            .then(|| format!("{}/{}", self.tcp_flags.0, self.tcp_flags.1));
        st.serialize_field("tcp_flags", &flags)?;
        st.serialize_field("text", &self.to_string())?;
        st.end()
    }
}
/// A rule as a JSON body gives it: the words as one string, or an object of the same
/// words (`{"action": "permit", "src": "198.51.100.0/24", "proto": "tcp", "dport":
/// "80-443"}`; ports and protocols may also be numbers).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RuleInput {
    Text(String),
    Fields(RuleFields),
}

/// The object form of [`RuleInput`]; what `GET /acls/{name}` answers is accepted back
/// (its `text` is ignored).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFields {
    pub action: String,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub src: Option<String>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub dst: Option<String>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub proto: Option<Word>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub sport: Option<Word>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub dport: Option<Word>,
    #[serde(default)]
    pub tcp_flags: Option<String>,
    #[serde(default, deserialize_with = "crate::ops::input::present")]
    pub text: Option<String>,
}

/// A value written as a string or a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Word {
    Text(String),
    Number(u64),
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Word::Text(s) => f.write_str(s),
            Word::Number(n) => write!(f, "{n}"),
        }
    }
}

impl RuleInput {
    /// The rule's words.
    pub fn text(&self) -> String {
        match self {
            RuleInput::Text(s) => s.clone(),
            RuleInput::Fields(f) => {
                let mut words = vec![f.action.clone()];
                let pairs = [
                    ("src", f.src.clone()),
                    ("dst", f.dst.clone()),
                    ("proto", f.proto.as_ref().map(Word::to_string)),
                    ("sport", f.sport.as_ref().map(Word::to_string)),
                    ("dport", f.dport.as_ref().map(Word::to_string)),
                    ("tcp-flags", f.tcp_flags.clone()),
                ];
                for (key, value) in pairs {
                    let Some(v) = value else { continue };
                    // What GET gives back for "no constraint" needs no word.
                    let open = match key {
                        "proto" => v == "any" || v == "0",
                        "sport" | "dport" => v == "0-65535",
                        _ => false,
                    };
                    if !open {
                        words.push(key.to_string());
                        words.push(v);
                    }
                }
                words.join(" ")
            }
        }
    }
}

impl RuleInput {
    /// One rule of a JSON list, at `index`: a string or an object, the error naming the
    /// rule by its index (`rule 2: unknown field ...`).
    pub fn from_value(index: usize, v: serde_json::Value) -> Result<RuleInput> {
        match v {
            serde_json::Value::String(s) => Ok(RuleInput::Text(s)),
            v @ serde_json::Value::Object(_) => serde_json::from_value(v)
                .map(RuleInput::Fields)
                .map_err(|e| OpsError::BadInput(format!("rule {index}: {e}"))),
            other => Err(OpsError::BadInput(format!(
                "rule {index}: {other} is neither a rule's words (a string) nor an object of them"
            ))),
        }
    }
}

/// The rules of a JSON body; errors name each bad rule by its index in the list (from 0,
/// as `rule 0 "TEXT": why`).
pub fn parse_inputs(inputs: &[RuleInput]) -> Result<Vec<Rule>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let text = input.text();
        let words: Vec<&str> = text.split_whitespace().collect();
        match parse_rule(&words) {
            Ok(r) => rules.extend(r),
            Err(e) => errors.push(located(&format!("rule {i}"), &text, &e)),
        }
    }
    finish(rules, errors)
}
