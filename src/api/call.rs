//! Calling any message by name: build the body from JSON, send it with the
//! client's untyped path, and collect what answers it — one reply, a dump's
//! details until the control_ping reply, or a get-stream's details until its
//! reply (continued with the reply's cursor while VPP answers EAGAIN).
//!
//! Answers are matched by message and `context` (found by field name, not
//! offset); anything else that arrives meanwhile is kept, in order, for
//! `--follow`.

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::binapi::memclnt::{ControlPing, ControlPingReply};
use crate::client::{Client, RawEvent, RETVAL_EAGAIN};
use crate::wire::{self, Message};

use super::schema::{Msg, Schema};
use super::ApiError;

/// What a call produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The reply (an object), the details (an array), or `null` for a
    /// message VPP does not answer.
    pub answer: Value,
    /// A non-zero retval VPP answered with (EAGAIN excepted, for get-streams).
    pub retval: Option<i32>,
}

/// One message call on a connected client.
pub struct Caller<'a> {
    pub client: &'a mut Client,
    pub schema: &'a Schema,
    pub timeout: Duration,
    /// What arrived unasked while waiting: events, for `--follow`.
    pub pending: VecDeque<RawEvent>,
}

impl<'a> Caller<'a> {
    pub fn new(client: &'a mut Client, schema: &'a Schema, timeout: Duration) -> Self {
        Caller {
            client,
            schema,
            timeout,
            pending: VecDeque::new(),
        }
    }

    /// The message by name, checked against VPP's table (see docs/design.md, “Compatibility with
    /// the running VPP” and “Socket transport”): a message it lacks — by name, or in this version —
    /// is refused before anything is sent.
    pub fn resolve(&self, name: &str) -> Result<Msg<'a>, ApiError> {
        let msg = self
            .schema
            .message(name)
            .ok_or_else(|| ApiError::Unknown(name.to_string()))?;
        let name_crc = msg.name_crc();
        if !self.client.has_message(&name_crc) {
            return Err(ApiError::NotInTable(name_crc));
        }
        Ok(msg)
    }

    /// Sends `name` built from `input` and collects its answer.
    pub fn call(&mut self, name: &str, input: &Value) -> Result<Outcome, ApiError> {
        let msg = self.resolve(name)?;
        let service = self.schema.service(&msg);
        let related = |n: &Option<String>| -> Result<Option<Msg<'a>>, ApiError> {
            match n {
                None => Ok(None),
                Some(n) => {
                    let m = self
                        .schema
                        .related(&msg, n)
                        .ok_or_else(|| ApiError::Unknown(n.clone()))?;
                    if !self.client.has_message(&m.name_crc()) {
                        return Err(ApiError::NotInTable(m.name_crc()));
                    }
                    Ok(Some(m))
                }
            }
        };
        let reply = related(&service.and_then(|s| s.reply.clone()))?;
        let stream_msg = related(&service.and_then(|s| s.stream_msg.clone()))?;
        let is_dump = service.is_some_and(|s| s.stream && s.stream_msg.is_none());
        if service.is_none() {
            // No service: guess the usual `_reply`, if VPP has it.
            let guess = self
                .schema
                .related(&msg, &format!("{}_reply", msg.name()))
                .filter(|m| self.client.has_message(&m.name_crc()));
            return self.request(&msg, guess.as_ref(), input);
        }
        match (reply, stream_msg) {
            (Some(reply), Some(details)) => self.get_stream(&msg, &details, &reply, input),
            (Some(details), None) if is_dump => self.dump(&msg, &details, input),
            (reply, _) => self.request(&msg, reply.as_ref(), input),
        }
    }

    /// Fills `context` and `client_index` (when the message has them) and encodes.
    fn body(&mut self, msg: &Msg<'_>, input: &Value, context: u32) -> Result<Vec<u8>, ApiError> {
        let mut obj = match input {
            Value::Null => Map::new(),
            Value::Object(o) => o.clone(),
            other => {
                return Err(ApiError::Input(
                    wire::WireError::invalid(format!(
                        "the request must be a JSON object, not {other}"
                    ))
                    .in_message(msg.name()),
                ))
            }
        };
        let has = |f: &str| msg.def.fields.field(f).is_some();
        if has("context") {
            obj.insert("context".into(), Value::from(context));
        }
        if has("client_index") {
            obj.insert(
                "client_index".into(),
                Value::from(self.client.client_index()),
            );
        }
        let fields = self
            .schema
            .encode(msg, &Value::Object(obj))
            .map_err(ApiError::Input)?;
        let id = self
            .client
            .message_id(&msg.name_crc())
            .ok_or_else(|| ApiError::NotInTable(msg.name_crc()))?;
        let mut body = id.to_be_bytes().to_vec();
        body.extend_from_slice(&fields);
        Ok(body)
    }

    fn send(&mut self, msg: &Msg<'_>, input: &Value) -> Result<u32, ApiError> {
        let context = self.client.next_context();
        let body = self.body(msg, input, context)?;
        self.client.send_raw(&body)?;
        Ok(context)
    }

    /// The next message VPP sends: `None` after `timeout` of silence.
    fn next(&mut self) -> Result<RawEvent, ApiError> {
        match self.client.next_event(self.timeout)? {
            Some(ev) => Ok(ev),
            None => Err(ApiError::Timeout(self.timeout)),
        }
    }

    /// Decodes `ev` if it is `msg` with our `context`.
    fn answer_to(
        &self,
        ev: &RawEvent,
        msg: &Msg<'_>,
        context: u32,
    ) -> Result<Option<Value>, ApiError> {
        if ev.name_crc != msg.name_crc() {
            return Ok(None);
        }
        let value = self
            .schema
            .decode(msg, ev.body.get(2..).unwrap_or_default())
            .map_err(ApiError::Decode)?;
        let ours = value.get("context").and_then(Value::as_u64) == Some(u64::from(context));
        Ok(ours.then_some(value))
    }

    fn request(
        &mut self,
        msg: &Msg<'_>,
        reply: Option<&Msg<'_>>,
        input: &Value,
    ) -> Result<Outcome, ApiError> {
        let context = self.send(msg, input)?;
        let Some(reply) = reply else {
            return Ok(Outcome {
                answer: Value::Null,
                retval: None,
            });
        };
        loop {
            let ev = self.next()?;
            if let Some(v) = self.answer_to(&ev, reply, context)? {
                let retval = retval_of(&v).filter(|rv| *rv != 0);
                return Ok(Outcome { answer: v, retval });
            }
            self.pending.push_back(ev);
        }
    }

    fn dump(
        &mut self,
        msg: &Msg<'_>,
        details: &Msg<'_>,
        input: &Value,
    ) -> Result<Outcome, ApiError> {
        let ping_id = self
            .client
            .message_id(ControlPing::NAME_CRC)
            .ok_or_else(|| ApiError::NotInTable(ControlPing::NAME_CRC.to_string()))?;
        let context = self.send(msg, input)?;
        let ping = ControlPing {
            client_index: self.client.client_index(),
            context,
        };
        let body = wire::encode_message(ping_id, &ping).map_err(ApiError::Input)?;
        self.client.send_raw(&body)?;
        let mut items = Vec::new();
        loop {
            let ev = self.next()?;
            if let Some(v) = self.answer_to(&ev, details, context)? {
                items.push(v);
                continue;
            }
            if ev.name_crc == ControlPingReply::NAME_CRC {
                let reply: ControlPingReply =
                    wire::decode_message(&ev.body).map_err(ApiError::Decode)?;
                if reply.context == context {
                    return Ok(Outcome {
                        answer: Value::Array(items),
                        retval: None,
                    });
                }
            }
            self.pending.push_back(ev);
        }
    }

    fn get_stream(
        &mut self,
        msg: &Msg<'_>,
        details: &Msg<'_>,
        reply: &Msg<'_>,
        input: &Value,
    ) -> Result<Outcome, ApiError> {
        let mut input = input.clone();
        let mut items = Vec::new();
        loop {
            let context = self.send(msg, &input)?;
            let last = loop {
                let ev = self.next()?;
                if let Some(v) = self.answer_to(&ev, details, context)? {
                    items.push(v);
                    continue;
                }
                if let Some(v) = self.answer_to(&ev, reply, context)? {
                    break v;
                }
                self.pending.push_back(ev);
            };
            match retval_of(&last) {
                Some(RETVAL_EAGAIN) => {
                    // More: ask again from the cursor VPP returned.
                    let cursor = last.get("cursor").cloned().ok_or_else(|| {
                        ApiError::Decode(wire::WireError::invalid(format!(
                            "{} answered EAGAIN without a cursor",
                            reply.name()
                        )))
                    })?;
                    match &mut input {
                        Value::Object(o) => {
                            o.insert("cursor".into(), cursor);
                        }
                        other => {
                            let mut o = Map::new();
                            o.insert("cursor".into(), cursor);
                            *other = Value::Object(o);
                        }
                    }
                }
                Some(rv) if rv != 0 => {
                    return Ok(Outcome {
                        answer: Value::Array(items),
                        retval: Some(rv),
                    })
                }
                _ => {
                    return Ok(Outcome {
                        answer: Value::Array(items),
                        retval: None,
                    })
                }
            }
        }
    }

    /// The next message that arrived unasked, decoded: `(name, fields)`.
    /// `None` after `wait` without one.
    pub fn next_event(&mut self, wait: Duration) -> Result<Option<(String, Value)>, ApiError> {
        let ev = match self.pending.pop_front() {
            Some(ev) => ev,
            None => match self.client.next_event(wait)? {
                Some(ev) => ev,
                None => return Ok(None),
            },
        };
        let Some(msg) = self.schema.message(&ev.name_crc) else {
            return Ok(Some((
                ev.name_crc.clone(),
                Value::from(wire::to_hex(&ev.body)),
            )));
        };
        let value = self
            .schema
            .decode(&msg, ev.body.get(2..).unwrap_or_default())
            .map_err(ApiError::Decode)?;
        Ok(Some((msg.name().to_string(), value)))
    }
}

/// The `retval` of a decoded message, found by field name.
pub fn retval_of(v: &Value) -> Option<i32> {
    v.get("retval")
        .and_then(Value::as_i64)
        .and_then(|r| i32::try_from(r).ok())
}
