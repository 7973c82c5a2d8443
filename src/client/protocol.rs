//! The protocol core: a plain struct fed with message bodies, no I/O inside.
//!
//! One file, past 600 lines: what a connection remembers and every transition of it, kept
//! together so that no I/O creeps in.
//!
//! It owns what a connection has to remember — the message table from the handshake, fresh
//! contexts, the requests in flight and what each waits for, dumps collecting details until
//! their control_ping reply, events queued in arrival order — and nothing about sockets or
//! time. The socket loop in [`super::Client`] feeds it what VPP sends and writes out what it
//! produces; tests feed it the golden frames directly.
//!
//! Routing an incoming body: its `_vl_msg_id` names the message. If some pending request
//! waits for that message, the body is decoded once (finding `context` by field name, as
//! the generated code does) and handed to the request with that context. Anything else —
//! an id nothing waits for, a message without a context, a context nothing waits for — is
//! an event and joins the queue. `memclnt_keepalive` is answered on the spot.

use std::any::Any;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;

use crate::binapi::memclnt::{
    ControlPing, ControlPingReply, MemclntKeepalive, MemclntKeepaliveReply, SockclntCreate,
    SockclntCreateReply,
};
use crate::wire::{
    decode_message, encode_message, message_id, write_frame, Dump, GetStream, Message, Request,
    WireError,
};

use super::error::ClientError;

/// The most unsolicited messages (events, and answers nothing waits for) kept unread. One
/// more is an error ([`ClientError::Overflow`]): the reader fell behind, and dropping
/// events silently would make a watcher's state wrong without a word.
pub const MAX_EVENTS_QUEUED: usize = 65_536;

/// The most bytes of unsolicited messages kept unread (see [`MAX_EVENTS_QUEUED`]).
pub const MAX_EVENT_BYTES: usize = 64 << 20;

/// The most requests one connection keeps in flight; one more is refused before it is
/// sent ([`ClientError::Overflow`]).
pub const MAX_IN_FLIGHT: usize = 65_536;

/// `sockclnt_create`'s id: memclnt's messages are registered first, so it is always 15.
pub const SOCKCLNT_CREATE_ID: u16 = 15;
/// `sockclnt_create_reply`'s id, always 16.
pub const SOCKCLNT_CREATE_REPLY_ID: u16 = 16;
/// The context of the handshake (any number works; requests count from 1 afterwards).
pub const HANDSHAKE_CONTEXT: u32 = 0x7678_0001;

/// `VNET_API_ERROR_EAGAIN`: a get-stream's "more: call again with this cursor".
pub const RETVAL_EAGAIN: i32 = -165;

/// The handshake's message table: `name_crc` ↔ id, as this VPP numbered them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageTable {
    by_name: BTreeMap<String, u16>,
    by_id: HashMap<u16, String>,
}

impl MessageTable {
    /// A table from `(id, name_crc)` pairs. A name listed twice keeps its first id.
    pub fn new<I: IntoIterator<Item = (u16, String)>>(entries: I) -> Self {
        let mut table = MessageTable::default();
        for (id, name) in entries {
            if table.by_name.contains_key(&name) {
                continue;
            }
            table.by_id.entry(id).or_insert_with(|| name.clone());
            table.by_name.insert(name, id);
        }
        table
    }

    /// The id of a `name_crc`, e.g. `show_version_51077d14`.
    pub fn id(&self, name_crc: &str) -> Option<u16> {
        self.by_name.get(name_crc).copied()
    }

    /// The `name_crc` of an id.
    pub fn name(&self, id: u16) -> Option<&str> {
        self.by_id.get(&id).map(String::as_str)
    }

    pub fn map(&self) -> &BTreeMap<String, u16> {
        &self.by_name
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    /// Sorts the `name_crc`s this table lacks into *missing* (no message of that name) and
    /// *changed* (the name is there with another CRC); see docs/design.md, “Compatibility with the
    /// running VPP”.
    pub fn check(&self, names: &[&str]) -> (Vec<String>, Vec<String>) {
        let mut missing = Vec::new();
        let mut changed = Vec::new();
        for &name_crc in names {
            if self.by_name.contains_key(name_crc) {
                continue;
            }
            let base = strip_crc(name_crc);
            let other = self.by_name.keys().any(|k| strip_crc(k) == base);
            if other {
                changed.push(name_crc.to_string());
            } else {
                missing.push(name_crc.to_string());
            }
        }
        (missing, changed)
    }
}

/// `show_version` from `show_version_51077d14`; a name without a CRC stays as it is.
fn strip_crc(name_crc: &str) -> &str {
    match name_crc.rsplit_once('_') {
        Some((base, crc)) if crc.len() == 8 && crc.bytes().all(|b| b.is_ascii_hexdigit()) => base,
        _ => name_crc,
    }
}

/// A message that arrived while nobody was waiting for it: an event (e.g.
/// `sw_interface_event`), or anything else VPP sent unasked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEvent {
    /// Its `name_crc` from the message table, or `unknown_msg_<id>` for an id the table lacks.
    pub name_crc: String,
    /// The whole body, starting with `_vl_msg_id`.
    pub body: Vec<u8>,
}

impl RawEvent {
    /// Whether this is an `M`.
    pub fn is<M: Message>(&self) -> bool {
        self.name_crc == M::NAME_CRC
    }

    /// The event as an `M`, or `None` if it is another message.
    pub fn decode<M: Message>(&self) -> Result<Option<M>, ClientError> {
        if !self.is::<M>() {
            return Ok(None);
        }
        Ok(Some(decode_message::<M>(&self.body)?))
    }
}

type Value = Box<dyn Any + Send>;
/// Decodes a body to its message, returning the message's `context` beside it.
type DecodeFn = fn(&[u8]) -> Result<(Option<u32>, Value), WireError>;

fn decode_any<M: Message>(body: &[u8]) -> Result<(Option<u32>, Value), WireError> {
    let m = decode_message::<M>(body)?;
    Ok((m.context(), Box::new(m)))
}

/// What a request in flight waits for.
enum State {
    /// One reply.
    Reply { reply: u16 },
    /// Details until the control_ping reply.
    Dump {
        details: u16,
        ping_reply: u16,
        items: Vec<Value>,
        error: Option<ClientError>,
    },
    /// Details until the stream's own reply.
    Stream {
        details: u16,
        reply: u16,
        items: Vec<Value>,
        error: Option<ClientError>,
    },
    /// Given up on (its caller timed out): what still comes for it is dropped, until
    /// the message that would have ended it.
    Abandoned { ends_on: u16 },
}

impl State {
    fn expects(&self, id: u16) -> bool {
        match *self {
            State::Reply { reply } => reply == id,
            State::Dump {
                details,
                ping_reply,
                ..
            } => details == id || ping_reply == id,
            State::Stream { details, reply, .. } => details == id || reply == id,
            State::Abandoned { ends_on } => ends_on == id,
        }
    }
}

enum Done {
    Reply(Value),
    Dump(Vec<Value>),
    Stream(Vec<Value>, Value),
}

/// The protocol state of one connected client. Requests are encoded into a caller's
/// buffer (framed, ready to write); bodies VPP sends go to [`Protocol::handle_frame`];
/// finished answers are taken by context.
pub struct Protocol {
    table: Arc<MessageTable>,
    client_index: u32,
    next_context: u32,
    separate_ping_context: bool,
    pending: HashMap<u32, State>,
    /// A dump's control_ping context → the dump's context, when they differ.
    ping_alias: HashMap<u32, u32>,
    done: HashMap<u32, Result<Done, ClientError>>,
    decoders: HashMap<u16, DecodeFn>,
    events: VecDeque<RawEvent>,
    /// The bytes of the bodies in `events`.
    event_bytes: usize,
    outgoing: Vec<u8>,
    keepalive: Option<(u16, u16)>,
    progress: u64,
}

impl Protocol {
    /// The body of `sockclnt_create` (id 15, no client_index). The name is cut to the
    /// 63 bytes VPP keeps.
    pub fn handshake_request(client_name: &str, context: u32) -> Result<Vec<u8>, ClientError> {
        let mut name = client_name;
        while name.len() > 63 {
            let mut end = 63;
            while !name.is_char_boundary(end) {
                end -= 1;
            }
            name = &name[..end];
        }
        let msg = SockclntCreate {
            context,
            name: name.to_string(),
        };
        Ok(encode_message(SOCKCLNT_CREATE_ID, &msg)?)
    }

    /// The state after VPP's `sockclnt_create_reply` (the whole body, id 16 first).
    pub fn from_handshake_reply(body: &[u8]) -> Result<Self, ClientError> {
        let id = message_id(body)?;
        if id != SOCKCLNT_CREATE_REPLY_ID {
            return Err(ClientError::Protocol(format!(
                "expected sockclnt_create_reply (id {SOCKCLNT_CREATE_REPLY_ID}), got id {id}"
            )));
        }
        let reply: SockclntCreateReply = decode_message(body)?;
        if reply.response != 0 {
            return Err(ClientError::vpp(SockclntCreate::NAME, reply.response));
        }
        let table = MessageTable::new(reply.message_table.into_iter().map(|e| (e.index, e.name)));
        Ok(Self::new(Arc::new(table), reply.index))
    }

    /// A core for a connection whose handshake is done elsewhere.
    pub fn new(table: Arc<MessageTable>, client_index: u32) -> Self {
        let keepalive = table
            .id(MemclntKeepalive::NAME_CRC)
            .zip(table.id(MemclntKeepaliveReply::NAME_CRC));
        Protocol {
            table,
            client_index,
            // The first request gets context 1, as vpp_papi numbers them.
            next_context: 0,
            separate_ping_context: false,
            pending: HashMap::new(),
            ping_alias: HashMap::new(),
            done: HashMap::new(),
            decoders: HashMap::new(),
            events: VecDeque::new(),
            event_bytes: 0,
            outgoing: Vec::new(),
            keepalive,
            progress: 0,
        }
    }

    /// Give each dump's control_ping its own context instead of the dump's (vpp_papi
    /// shares it; both work).
    pub fn set_separate_ping_context(&mut self, separate: bool) {
        self.separate_ping_context = separate;
    }

    pub fn table(&self) -> &Arc<MessageTable> {
        &self.table
    }

    /// The index VPP gave this client, sent as `client_index` in every request.
    pub fn client_index(&self) -> u32 {
        self.client_index
    }

    /// The id of a message, or [`ClientError::NotInTable`].
    pub fn id_of(&self, name_crc: &str) -> Result<u16, ClientError> {
        self.table
            .id(name_crc)
            .ok_or_else(|| ClientError::NotInTable(name_crc.to_string()))
    }

    /// Counts bodies routed to requests in flight; the socket loop restarts its
    /// inactivity timer when it moves.
    pub fn progress(&self) -> u64 {
        self.progress
    }

    /// How many requests are in flight (abandoned ones included until their end arrives).
    pub fn in_flight(&self) -> usize {
        self.pending.len()
    }

    /// Numbers the next request `next`, as a captured session did at that point.
    #[cfg(test)]
    pub(super) fn set_next_context(&mut self, next: u32) {
        self.next_context = next.wrapping_sub(1);
    }

    /// Refuses a new request when [`MAX_IN_FLIGHT`] are waiting already.
    fn check_room(&self) -> Result<(), ClientError> {
        if self.pending.len() >= MAX_IN_FLIGHT {
            return Err(ClientError::Overflow {
                what: "requests in flight",
                limit: format!("{MAX_IN_FLIGHT}"),
            });
        }
        Ok(())
    }

    /// A context no request in flight uses (never 0).
    pub fn fresh_context(&mut self) -> u32 {
        loop {
            self.next_context = self.next_context.wrapping_add(1);
            let c = self.next_context;
            if c != 0 && !self.pending.contains_key(&c) && !self.done.contains_key(&c) {
                return c;
            }
        }
    }

    fn encode_into<M: Message>(
        &self,
        id: u16,
        mut msg: M,
        context: u32,
        out: &mut Vec<u8>,
    ) -> Result<(), ClientError> {
        msg.set_client_index(self.client_index);
        msg.set_context(context);
        let body = encode_message(id, &msg)?;
        write_frame(out, &body)?;
        Ok(())
    }

    fn expect<M: Message>(&mut self, id: u16) {
        self.decoders.entry(id).or_insert(decode_any::<M>);
    }

    /// Frames `req` into `out` with a fresh context and waits for its reply; returns the
    /// context. Nothing is written when either message is missing from the table.
    pub fn send_request<R: Request>(
        &mut self,
        req: R,
        out: &mut Vec<u8>,
    ) -> Result<u32, ClientError> {
        self.check_room()?;
        let id = self.id_of(R::NAME_CRC)?;
        let reply = self.id_of(R::Reply::NAME_CRC)?;
        let context = self.fresh_context();
        self.encode_into(id, req, context, out)?;
        self.expect::<R::Reply>(reply);
        self.pending.insert(context, State::Reply { reply });
        Ok(context)
    }

    /// Frames a dump and the control_ping that ends it into `out`; returns the dump's context.
    pub fn send_dump<D: Dump>(&mut self, req: D, out: &mut Vec<u8>) -> Result<u32, ClientError> {
        self.check_room()?;
        let id = self.id_of(D::NAME_CRC)?;
        let details = self.id_of(D::Details::NAME_CRC)?;
        let ping = self.id_of(ControlPing::NAME_CRC)?;
        let ping_reply = self.id_of(ControlPingReply::NAME_CRC)?;
        let context = self.fresh_context();
        let mut frames = Vec::new();
        self.encode_into(id, req, context, &mut frames)?;
        let ping_context = if self.separate_ping_context {
            // Reserve the dump's context before picking the ping's.
            self.pending.insert(
                context,
                State::Abandoned {
                    ends_on: ping_reply,
                },
            );
            self.fresh_context()
        } else {
            context
        };
        let sent = self.encode_into(ping, ControlPing::default(), ping_context, &mut frames);
        if let Err(e) = sent {
            self.pending.remove(&context);
            return Err(e);
        }
        out.extend_from_slice(&frames);
        self.expect::<D::Details>(details);
        self.expect::<ControlPingReply>(ping_reply);
        if ping_context != context {
            self.ping_alias.insert(ping_context, context);
        }
        self.pending.insert(
            context,
            State::Dump {
                details,
                ping_reply,
                items: Vec::new(),
                error: None,
            },
        );
        Ok(context)
    }

    /// Frames a get-stream request into `out`; returns its context.
    pub fn send_get_stream<G: GetStream>(
        &mut self,
        req: G,
        out: &mut Vec<u8>,
    ) -> Result<u32, ClientError> {
        self.check_room()?;
        let id = self.id_of(G::NAME_CRC)?;
        let details = self.id_of(G::Details::NAME_CRC)?;
        let reply = self.id_of(G::Reply::NAME_CRC)?;
        let context = self.fresh_context();
        self.encode_into(id, req, context, out)?;
        self.expect::<G::Details>(details);
        self.expect::<G::Reply>(reply);
        self.pending.insert(
            context,
            State::Stream {
                details,
                reply,
                items: Vec::new(),
                error: None,
            },
        );
        Ok(context)
    }

    /// Routes one body VPP sent (without the socket header). An error here is one that
    /// belongs to no request: a body too short for its id, or an undecodable message
    /// that nothing waits for.
    pub fn handle_frame(&mut self, body: &[u8]) -> Result<(), ClientError> {
        let id = message_id(body)?;
        if let Some((keepalive, keepalive_reply)) = self.keepalive {
            if id == keepalive {
                return self.answer_keepalive(body, keepalive_reply);
            }
        }
        let Some(decode) = self.decoders.get(&id).copied() else {
            return self.push_event(id, body);
        };
        match decode(body) {
            Ok((Some(context), value)) => self.route(id, context, value, body),
            Ok((None, _)) => self.push_event(id, body),
            Err(e) => self.fail_oldest(id, e),
        }
    }

    fn answer_keepalive(&mut self, body: &[u8], reply_id: u16) -> Result<(), ClientError> {
        let ka: MemclntKeepalive = decode_message(body)?;
        let reply = MemclntKeepaliveReply {
            context: ka.context,
            retval: 0,
        };
        let body = encode_message(reply_id, &reply)?;
        write_frame(&mut self.outgoing, &body)?;
        Ok(())
    }

    /// Queues an unsolicited message; past [`MAX_EVENTS_QUEUED`] or [`MAX_EVENT_BYTES`]
    /// it is refused with an error rather than queued or dropped quietly.
    fn push_event(&mut self, id: u16, body: &[u8]) -> Result<(), ClientError> {
        if self.events.len() >= MAX_EVENTS_QUEUED
            || self.event_bytes.saturating_add(body.len()) > MAX_EVENT_BYTES
        {
            return Err(ClientError::Overflow {
                what: "unread events from VPP",
                limit: format!("{MAX_EVENTS_QUEUED} messages or {MAX_EVENT_BYTES} bytes"),
            });
        }
        let name_crc = match self.table.name(id) {
            Some(n) => n.to_string(),
            None => format!("unknown_msg_{id}"),
        };
        self.event_bytes += body.len();
        self.events.push_back(RawEvent {
            name_crc,
            body: body.to_vec(),
        });
        Ok(())
    }

    fn route(
        &mut self,
        id: u16,
        context: u32,
        value: Value,
        body: &[u8],
    ) -> Result<(), ClientError> {
        let key = match self.ping_alias.get(&context) {
            Some(&dump) if self.pending.get(&dump).is_some_and(|p| p.expects(id)) => dump,
            _ => context,
        };
        let Some(p) = self.pending.get_mut(&key) else {
            return self.push_event(id, body);
        };
        let finished = match p {
            State::Reply { reply } if *reply == id => Some(Ok(Done::Reply(value))),
            State::Dump {
                details,
                items,
                error,
                ..
            } if *details == id => {
                if error.is_none() {
                    items.push(value);
                }
                None
            }
            State::Dump {
                ping_reply,
                items,
                error,
                ..
            } if *ping_reply == id => Some(match error.take() {
                Some(e) => Err(e),
                None => Ok(Done::Dump(std::mem::take(items))),
            }),
            State::Stream {
                details,
                items,
                error,
                ..
            } if *details == id => {
                if error.is_none() {
                    items.push(value);
                }
                None
            }
            State::Stream {
                reply,
                items,
                error,
                ..
            } if *reply == id => Some(match error.take() {
                Some(e) => Err(e),
                None => Ok(Done::Stream(std::mem::take(items), value)),
            }),
            State::Abandoned { ends_on } => {
                if *ends_on == id {
                    self.finish(key, None);
                }
                return Ok(());
            }
            _ => {
                // Its context, another message: not an answer to this request.
                return self.push_event(id, body);
            }
        };
        self.progress += 1;
        if let Some(result) = finished {
            self.finish(key, Some(result));
        }
        Ok(())
    }

    fn finish(&mut self, key: u32, result: Option<Result<Done, ClientError>>) {
        self.pending.remove(&key);
        self.ping_alias.retain(|_, dump| *dump != key);
        if let Some(result) = result {
            self.done.insert(key, result);
        }
    }

    /// A body that did not decode goes to the oldest request waiting for that message
    /// (VPP answers in order), so one bad answer fails one request, not the connection.
    fn fail_oldest(&mut self, id: u16, e: WireError) -> Result<(), ClientError> {
        let oldest = self
            .pending
            .iter()
            .filter(|(_, p)| p.expects(id))
            .map(|(&c, _)| c)
            .min_by_key(|&c| c.wrapping_sub(self.next_context.wrapping_add(1)));
        let Some(key) = oldest else {
            return Err(e.into());
        };
        self.progress += 1;
        let Some(p) = self.pending.get_mut(&key) else {
            return Err(e.into());
        };
        match p {
            State::Dump { details, error, .. } | State::Stream { details, error, .. }
                if *details == id =>
            {
                // Keep collecting until the end marker, so the stream stays in step.
                error.get_or_insert(e.into());
            }
            State::Abandoned { ends_on } => {
                if *ends_on == id {
                    self.finish(key, None);
                }
            }
            _ => self.finish(key, Some(Err(e.into()))),
        }
        Ok(())
    }

    /// Whether the request with this context has its whole answer.
    pub fn is_done(&self, context: u32) -> bool {
        self.done.contains_key(&context)
    }

    /// Stops waiting for a request: what still comes for it is dropped, not queued as events.
    pub fn abandon(&mut self, context: u32) {
        self.done.remove(&context);
        if let Some(p) = self.pending.get_mut(&context) {
            let ends_on = match *p {
                State::Reply { reply } => reply,
                State::Dump { ping_reply, .. } => ping_reply,
                State::Stream { reply, .. } => reply,
                State::Abandoned { ends_on } => ends_on,
            };
            *p = State::Abandoned { ends_on };
        }
    }

    /// The reply to a request, whatever its retval, once it has come.
    pub fn take_reply<M: Message>(&mut self, context: u32) -> Option<Result<M, ClientError>> {
        let done = self.done.remove(&context)?;
        Some(done.and_then(|d| match d {
            Done::Reply(v) => downcast(v),
            _ => Err(mismatch(M::NAME)),
        }))
    }

    /// The details of a dump still in progress that have come so far, taken so that a
    /// caller can handle a long dump as it arrives (see `Client::dump_each`).
    pub fn take_dump_items<M: Message>(&mut self, context: u32) -> Result<Vec<M>, ClientError> {
        match self.pending.get_mut(&context) {
            Some(State::Dump { items, .. }) => {
                std::mem::take(items).into_iter().map(downcast).collect()
            }
            _ => Ok(Vec::new()),
        }
    }

    /// A dump's details, once its control_ping reply has come.
    pub fn take_dump<M: Message>(&mut self, context: u32) -> Option<Result<Vec<M>, ClientError>> {
        let done = self.done.remove(&context)?;
        Some(done.and_then(|d| match d {
            Done::Dump(items) => items.into_iter().map(downcast).collect(),
            _ => Err(mismatch(M::NAME)),
        }))
    }

    /// A get-stream's details and its reply, once the reply has come.
    #[allow(clippy::type_complexity)]
    pub fn take_stream<D: Message, R: Message>(
        &mut self,
        context: u32,
    ) -> Option<Result<(Vec<D>, R), ClientError>> {
        let done = self.done.remove(&context)?;
        Some(done.and_then(|d| match d {
            Done::Stream(items, reply) => {
                let items = items.into_iter().map(downcast).collect::<Result<_, _>>()?;
                Ok((items, downcast(reply)?))
            }
            _ => Err(mismatch(R::NAME)),
        }))
    }

    /// The oldest queued event.
    pub fn pop_event(&mut self) -> Option<RawEvent> {
        let ev = self.events.pop_front()?;
        self.event_bytes -= ev.body.len();
        Some(ev)
    }

    pub fn events_queued(&self) -> usize {
        self.events.len()
    }

    /// Frames the core wants sent (keepalive answers), appended to `out`.
    pub fn take_outgoing(&mut self, out: &mut Vec<u8>) {
        out.append(&mut self.outgoing);
    }
}

fn downcast<M: Message>(v: Value) -> Result<M, ClientError> {
    v.downcast::<M>().map(|b| *b).map_err(|_| mismatch(M::NAME))
}

fn mismatch(name: &str) -> ClientError {
    ClientError::Protocol(format!("the answer held is not a {name}"))
}

/// `Err(Vpp)` for a non-zero retval answering `request`.
pub fn check_retval<M: Message>(request: &'static str, reply: M) -> Result<M, ClientError> {
    match reply.retval() {
        Some(rv) if rv != 0 => Err(ClientError::vpp(request, rv)),
        _ => Ok(reply),
    }
}
