//! The client over a real Unix socket, against a small scripted stand-in for VPP: a thread
//! that accepts one connection and answers with the frames a real VPP sent in
//! `golden/api/session.jsonl` (their contexts set to the ones our client used).
//!
//! One file, past 600 lines: every test shares the scripted stand-in for VPP.

mod common;

use std::io::{Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::Value;
use vppx::binapi::interface::{
    SwInterfaceDetails, SwInterfaceDump, SwInterfaceEvent, SwInterfaceSetFlags,
};
use vppx::binapi::memclnt::SockclntCreateReply;
use vppx::binapi::vpe::{ShowVersion, ShowVersionReply};
use vppx::client::{Backoff, Client, ClientError, ConnectOptions};
use vppx::wire::{decode_message, encode_message, message_id, write_frame, FrameBuffer, Message};

/// The frames of `golden/api/session.jsonl`, by `seq`.
#[derive(Clone)]
struct Golden(Arc<Vec<Value>>);

impl Golden {
    fn load() -> Golden {
        let raw = common::golden("api/session.jsonl");
        let text = String::from_utf8(raw).expect("utf-8");
        let frames = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        Golden(Arc::new(frames))
    }

    fn body(&self, seq: usize) -> Vec<u8> {
        let f = &self.0[seq];
        assert_eq!(f["seq"].as_u64(), Some(seq as u64));
        let hex = f["hex"].as_str().expect("hex");
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect()
    }

    fn fields(&self, seq: usize) -> &Value {
        &self.0[seq]["fields"]
    }
}

// Seqs in session.jsonl.
const HANDSHAKE_REPLY: usize = 1;
const SHOW_VERSION_REPLY: usize = 3;
const SW_INTERFACE_DETAILS: [usize; 4] = [8, 9, 10, 11];
const CONTROL_PING_REPLY: usize = 12;
const SET_FLAGS_REPLY_OK: usize = 16;
const SET_FLAGS_REPLY_INVALID_INDEX: usize = 61;
const INTERFACE_EVENT: usize = 72;
const SOCKCLNT_DELETE_REPLY: usize = 80;

/// `body` with the u32 at `offset` (a context) set to `value`.
fn with_u32(mut body: Vec<u8>, offset: usize, value: u32) -> Vec<u8> {
    body[offset..offset + 4].copy_from_slice(&value.to_be_bytes());
    body
}

fn u32_at(body: &[u8], offset: usize) -> u32 {
    u32::from_be_bytes(body[offset..offset + 4].try_into().expect("4 bytes"))
}

/// One accepted connection, seen from the fake VPP's side.
struct Peer {
    stream: UnixStream,
    frames: FrameBuffer,
    golden: Golden,
}

impl Peer {
    /// The next body the client sent, or `None` once it closed the connection.
    fn recv(&mut self) -> Option<Vec<u8>> {
        let mut buf = [0u8; 65536];
        loop {
            if let Some(body) = self.frames.next_frame().expect("client framing") {
                return Some(body);
            }
            match self.stream.read(&mut buf) {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.frames.extend(&buf[..n]),
            }
        }
    }

    /// Like `recv`, but `None` also when nothing comes within `timeout`.
    fn recv_within(&mut self, timeout: Duration) -> Option<Vec<u8>> {
        self.stream.set_read_timeout(Some(timeout)).unwrap();
        let got = self.recv();
        self.stream.set_read_timeout(None).unwrap();
        got
    }

    fn send(&mut self, body: &[u8]) {
        let mut out = Vec::new();
        write_frame(&mut out, body).unwrap();
        let _ = self.stream.write_all(&out);
    }

    /// Sends golden reply `seq` with the context of `request` (a request with client_index).
    fn answer(&mut self, request: &[u8], seq: usize) {
        let body = with_u32(self.golden.body(seq), 2, u32_at(request, 6));
        self.send(&body);
    }

    /// Answers sockclnt_create with the golden table (optionally edited).
    fn handshake_with(&mut self, edit: impl FnOnce(&mut SockclntCreateReply)) {
        let hello = self.recv().expect("sockclnt_create");
        assert_eq!(message_id(&hello).unwrap(), 15);
        let mut reply: SockclntCreateReply =
            decode_message(&self.golden.body(HANDSHAKE_REPLY)).unwrap();
        reply.context = u32_at(&hello, 2);
        edit(&mut reply);
        self.send(&encode_message(16, &reply).unwrap());
    }

    fn handshake(&mut self) {
        self.handshake_with(|_| {});
    }

    /// Answers the client's sockclnt_delete, if it sends one, then waits for it to close.
    fn goodbye(&mut self) {
        while let Some(req) = self.recv() {
            if message_id(&req).unwrap() == 17 {
                assert_eq!(u32_at(&req, 10), 0x8000_0001, "sockclnt_delete.index");
                self.answer(&req, SOCKCLNT_DELETE_REPLY);
            }
        }
    }
}

/// A fake VPP on a fresh socket, serving one connection with `script`.
struct FakeVpp {
    _dir: tempfile::TempDir,
    path: PathBuf,
    thread: Option<JoinHandle<()>>,
}

impl FakeVpp {
    fn start(golden: &Golden, script: impl FnOnce(&mut Peer) + Send + 'static) -> FakeVpp {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("api.sock");
        let listener = UnixListener::bind(&path).unwrap();
        let golden = golden.clone();
        let thread = thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut peer = Peer {
                stream,
                frames: FrameBuffer::new(),
                golden,
            };
            script(&mut peer);
        });
        FakeVpp {
            _dir: dir,
            path,
            thread: Some(thread),
        }
    }

    /// Waits for the script to end; a failed assertion in it fails the test.
    fn finish(mut self) {
        if let Some(t) = self.thread.take() {
            t.join().expect("the fake VPP's script failed");
        }
    }
}

fn opts(timeout_ms: u64) -> ConnectOptions {
    ConnectOptions {
        client_name: "vppx-test".into(),
        timeout: Duration::from_millis(timeout_ms),
    }
}

#[test]
fn connect_show_version_and_close() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let req = peer.recv().expect("show_version");
        assert_eq!(message_id(&req).unwrap(), 902);
        assert_eq!(u32_at(&req, 2), 0x8000_0001, "client_index");
        peer.answer(&req, SHOW_VERSION_REPLY);
        peer.goodbye();
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).expect("connects");
    assert_eq!(client.client_index(), 0x8000_0001);
    assert_eq!(client.message_table().len(), 927);
    assert!(client.has_message(ShowVersion::NAME_CRC));
    assert_eq!(client.message_id("show_version_51077d14"), Some(902));
    assert!(!client.has_message("show_version_00000000"));
    let reply: ShowVersionReply = client.request(ShowVersion::default()).expect("answers");
    assert_eq!(
        reply.version,
        golden.fields(SHOW_VERSION_REPLY)["version"]
            .as_str()
            .unwrap()
    );
    client.close().expect("closes");
    vpp.finish();
}

#[test]
fn a_dump_arriving_in_small_pieces() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let dump = peer.recv().expect("sw_interface_dump");
        let ping = peer.recv().expect("control_ping");
        assert_eq!(message_id(&ping).unwrap(), 23);
        let ctx = u32_at(&dump, 6);
        let mut bytes = Vec::new();
        for seq in SW_INTERFACE_DETAILS {
            write_frame(&mut bytes, &with_u32(peer.golden.body(seq), 2, ctx)).unwrap();
        }
        let ping_reply = with_u32(peer.golden.body(CONTROL_PING_REPLY), 2, u32_at(&ping, 6));
        write_frame(&mut bytes, &ping_reply).unwrap();
        // Frame boundaries must not matter.
        for chunk in bytes.chunks(97) {
            peer.stream.write_all(chunk).unwrap();
            peer.stream.flush().unwrap();
            thread::sleep(Duration::from_millis(1));
        }
        peer.goodbye();
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    let details: Vec<SwInterfaceDetails> = client.dump(SwInterfaceDump::default()).unwrap();
    let names: Vec<_> = details.iter().map(|d| d.interface_name.clone()).collect();
    let expected: Vec<_> = SW_INTERFACE_DETAILS
        .iter()
        .map(|&s| {
            golden.fields(s)["interface_name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names, expected);
    client.close().unwrap();
    vpp.finish();
}

#[test]
fn a_silent_vpp_is_a_timeout() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let _ = peer.recv().expect("show_version");
        // Say nothing; wait for the client to go.
        while peer.recv().is_some() {}
    });
    let mut client = Client::connect(&vpp.path, &opts(300)).unwrap();
    let start = Instant::now();
    let err = client.request(ShowVersion::default()).unwrap_err();
    let took = start.elapsed();
    assert!(matches!(err, ClientError::Timeout { .. }), "{err}");
    assert!(err.is_unreachable());
    assert_eq!(
        err.to_string(),
        "no answer from VPP within 300ms waiting for the reply to show_version"
    );
    assert!(took >= Duration::from_millis(300), "{took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    drop(client);
    vpp.finish();
}

#[test]
fn a_silent_handshake_is_a_timeout() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| while peer.recv().is_some() {});
    let start = Instant::now();
    let err = Client::connect(&vpp.path, &opts(200)).unwrap_err();
    assert!(
        matches!(&err, ClientError::Timeout { what, .. } if what.contains("sockclnt_create")),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_secs(2));
    vpp.finish();
}

#[test]
fn a_closed_connection_is_disconnected() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let _ = peer.recv().expect("show_version");
        // Return: the socket closes.
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    let err = client.request(ShowVersion::default()).unwrap_err();
    assert!(matches!(err, ClientError::Disconnected), "{err}");
    assert!(err.is_unreachable());
    let err = client.request(ShowVersion::default()).unwrap_err();
    assert!(matches!(err, ClientError::Disconnected), "{err}");
    assert!(client.close().is_err());
    vpp.finish();
}

#[test]
fn a_missing_socket_is_a_connect_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such.sock");
    let err = Client::connect(&path, &ConnectOptions::default()).unwrap_err();
    assert!(
        matches!(&err, ClientError::Connect { path: p, .. } if p == &path),
        "{err}"
    );
    assert!(err.is_unreachable());
    assert!(err.to_string().contains("no-such.sock"), "{err}");
}

#[test]
fn a_message_vpp_lacks_is_never_sent() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake_with(|r| r.message_table.retain(|e| e.name != ShowVersion::NAME_CRC));
        // The first thing to arrive must be the goodbye.
        let req = peer.recv().expect("sockclnt_delete");
        assert_eq!(message_id(&req).unwrap(), 17);
        peer.answer(&req, SOCKCLNT_DELETE_REPLY);
        peer.goodbye();
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    let err = client.request(ShowVersion::default()).unwrap_err();
    assert!(matches!(&err, ClientError::NotInTable(n) if n == "show_version_51077d14"));
    assert!(err.is_unreachable());
    // Without show_version, the incompatibility is reported without a version.
    let err = client.require(&["show_version_51077d14"]).unwrap_err();
    assert!(matches!(
        &err,
        ClientError::Incompatible { missing, changed, vpp_version: None }
            if missing == &["show_version_51077d14"] && changed.is_empty()
    ));
    client.close().unwrap();
    vpp.finish();
}

#[test]
fn require_names_missing_and_changed_with_the_version() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let req = peer.recv().expect("show_version");
        assert_eq!(message_id(&req).unwrap(), 902);
        peer.answer(&req, SHOW_VERSION_REPLY);
        peer.goodbye();
    });
    let client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    client
        .require(&["show_version_51077d14", "control_ping_51077d14"])
        .unwrap();
    client
        .require(vppx::needs![request SwInterfaceSetFlags, dump SwInterfaceDump])
        .unwrap();
    let err = client
        .require(&[
            "show_version_51077d14",
            "sw_interface_dump_00000000",
            "vppx_no_such_thing_12345678",
        ])
        .unwrap_err();
    let version = golden.fields(SHOW_VERSION_REPLY)["version"]
        .as_str()
        .unwrap();
    match &err {
        ClientError::Incompatible {
            missing,
            changed,
            vpp_version,
        } => {
            assert_eq!(missing, &["vppx_no_such_thing_12345678"]);
            assert_eq!(changed, &["sw_interface_dump_00000000"]);
            assert_eq!(vpp_version.as_deref(), Some(version));
        }
        other => panic!("{other}"),
    }
    assert!(err.is_unreachable());
    client.close().unwrap();
    vpp.finish();
}

#[test]
fn events_that_arrive_while_waiting_are_kept_in_order() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let req = peer.recv().expect("sw_interface_set_flags");
        let event = peer.golden.body(INTERFACE_EVENT);
        peer.send(&with_u32(event.clone(), 10, 1));
        peer.answer(&req, SET_FLAGS_REPLY_OK);
        peer.send(&with_u32(event, 10, 2));
        peer.goodbye();
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    client
        .request(SwInterfaceSetFlags {
            sw_if_index: 1,
            ..Default::default()
        })
        .unwrap();
    let mut seen = Vec::new();
    for _ in 0..2 {
        let ev = client
            .next_event(Duration::from_secs(2))
            .unwrap()
            .expect("an event");
        let e: SwInterfaceEvent = ev.decode().unwrap().expect("sw_interface_event");
        seen.push(e.sw_if_index);
    }
    assert_eq!(seen, [1, 2]);
    let start = Instant::now();
    assert!(client
        .next_event(Duration::from_millis(50))
        .unwrap()
        .is_none());
    assert!(start.elapsed() >= Duration::from_millis(50));
    client.close().unwrap();
    vpp.finish();
}

/// Answers `sw_interface_set_flags` requests in batches, refusing sw_if_index 99, and
/// returns the most requests it ever saw unanswered.
fn batching_vpp(peer: &mut Peer, window: usize, close_after: Option<usize>) -> usize {
    peer.handshake();
    let mut pending: Vec<Vec<u8>> = Vec::new();
    let mut most = 0;
    let mut answered = 0;
    loop {
        // Answer when the window is full or the client has nothing more to send.
        let next = if pending.len() >= window {
            None
        } else if pending.is_empty() {
            peer.recv_within(Duration::from_secs(2))
        } else {
            peer.recv_within(Duration::from_millis(100))
        };
        match next {
            Some(req) if message_id(&req).unwrap() == 17 => {
                peer.answer(&req, SOCKCLNT_DELETE_REPLY);
                peer.goodbye();
                return most;
            }
            Some(req) => {
                assert_eq!(message_id(&req).unwrap(), 210);
                pending.push(req);
                most = most.max(pending.len());
            }
            // The client went quiet (or away) with nothing outstanding.
            None if pending.is_empty() => return most,
            None => {
                for req in pending.drain(..) {
                    if close_after == Some(answered) {
                        return most;
                    }
                    let sw_if_index = u32_at(&req, 10);
                    let seq = if sw_if_index == 99 {
                        SET_FLAGS_REPLY_INVALID_INDEX
                    } else {
                        SET_FLAGS_REPLY_OK
                    };
                    peer.answer(&req, seq);
                    answered += 1;
                }
            }
        }
    }
}

fn set_flags(n: u32) -> impl Iterator<Item = SwInterfaceSetFlags> {
    (0..n).map(|i| SwInterfaceSetFlags {
        sw_if_index: if i == 37 { 99 } else { 1000 + i },
        ..Default::default()
    })
}

#[test]
fn pipeline_keeps_a_window_and_attributes_each_reply() {
    let golden = Golden::load();
    let most = Arc::new(Mutex::new(0));
    let seen = most.clone();
    let vpp = FakeVpp::start(&golden, move |peer| {
        *seen.lock().unwrap() = batching_vpp(peer, 8, None);
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    let mut results = Vec::new();
    client
        .pipeline(set_flags(100), 8, |i, r| results.push((i, r)))
        .expect("pipeline");
    let order: Vec<usize> = results.iter().map(|(i, _)| *i).collect();
    assert_eq!(order, (0..100).collect::<Vec<_>>());
    for (i, r) in &results {
        if *i == 37 {
            let err = r.as_ref().unwrap_err();
            assert_eq!(
                err.to_string(),
                "sw_interface_set_flags: VNET_API_ERROR_INVALID_SW_IF_INDEX (-2)"
            );
        } else {
            assert!(r.is_ok(), "request {i}: {:?}", r.as_ref().err());
        }
    }
    // The connection is still in step afterwards.
    client
        .pipeline(set_flags(3), 8, |_, r| assert!(r.is_ok()))
        .unwrap();
    client.close().unwrap();
    vpp.finish();
    assert_eq!(
        *most.lock().unwrap(),
        8,
        "the window was not filled, or overrun"
    );
}

#[test]
fn pipeline_reports_requests_in_flight_when_vpp_goes_away() {
    let golden = Golden::load();
    let vpp = FakeVpp::start(&golden, |peer| {
        batching_vpp(peer, 8, Some(10));
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    let mut ok = Vec::new();
    let mut lost = Vec::new();
    let err = client
        .pipeline(set_flags(100), 8, |i, r| match r {
            Ok(_) => ok.push(i),
            Err(ClientError::Disconnected) => lost.push(i),
            Err(e) => panic!("request {i}: {e}"),
        })
        .unwrap_err();
    assert!(matches!(err, ClientError::Disconnected), "{err}");
    assert_eq!(ok, (0..10).collect::<Vec<_>>());
    // The ones sent and never answered: the rest of the window, in order, no more.
    assert!(!lost.is_empty() && lost.len() <= 8, "{lost:?}");
    assert_eq!(lost, (10..10 + lost.len()).collect::<Vec<_>>());
    vpp.finish();
}

#[test]
fn backoff_gives_up_after_its_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.sock");
    let backoff = Backoff {
        initial: Duration::from_millis(20),
        max: Duration::from_millis(40),
        attempts: Some(4),
    };
    let mut tries = 0;
    let start = Instant::now();
    let err = backoff
        .retry(
            || {
                tries += 1;
                Client::connect(&path, &ConnectOptions::default())
            },
            |_, _, _| {},
        )
        .unwrap_err();
    assert!(matches!(err, ClientError::Connect { .. }), "{err}");
    assert_eq!(tries, 4);
    // 20 + 40 + 40 ms of waiting between the four tries.
    assert!(start.elapsed() >= Duration::from_millis(100));
    let err = backoff
        .connect(&path, &ConnectOptions::default())
        .unwrap_err();
    assert!(matches!(err, ClientError::Connect { .. }), "{err}");
}

#[test]
fn backoff_connects_once_vpp_is_up() {
    let golden = Golden::load();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.sock");
    let late = {
        let path = path.clone();
        let golden = golden.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(150));
            serve_one(&path, golden);
        })
    };
    let backoff = Backoff {
        initial: Duration::from_millis(10),
        max: Duration::from_millis(50),
        attempts: Some(100),
    };
    let client = backoff
        .connect(&path, &opts(2000))
        .expect("connects in the end");
    assert_eq!(client.client_index(), 0x8000_0001);
    client.close().unwrap();
    late.join().unwrap();
}

fn serve_one(path: &Path, golden: Golden) {
    let listener = UnixListener::bind(path).unwrap();
    let (stream, _) = listener.accept().unwrap();
    let mut peer = Peer {
        stream,
        frames: FrameBuffer::new(),
        golden,
    };
    peer.handshake();
    peer.goodbye();
}

/// A figure, not a check: `cargo test --release --test client -- --ignored --nocapture`.
#[test]
#[ignore]
fn pipeline_throughput() {
    let golden = Golden::load();
    const N: u32 = 200_000;
    let vpp = FakeVpp::start(&golden, |peer| {
        peer.handshake();
        let reply = peer.golden.body(SET_FLAGS_REPLY_OK);
        let mut buf = vec![0u8; 1 << 16];
        let mut out = Vec::new();
        loop {
            while let Some(req) = peer.frames.next_frame().unwrap() {
                if message_id(&req).unwrap() == 17 {
                    peer.answer(&req, SOCKCLNT_DELETE_REPLY);
                    continue;
                }
                write_frame(&mut out, &with_u32(reply.clone(), 2, u32_at(&req, 6))).unwrap();
            }
            if !out.is_empty() {
                let _ = peer.stream.write_all(&out);
                out.clear();
            }
            match peer.stream.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => peer.frames.extend(&buf[..n]),
            }
        }
    });
    let mut client = Client::connect(&vpp.path, &opts(2000)).unwrap();
    for window in [1, 16, 64, 256] {
        let start = Instant::now();
        let mut ok = 0u32;
        client
            .pipeline(set_flags(N), window, |_, r| ok += u32::from(r.is_ok()))
            .unwrap();
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(ok, N);
        println!("window {window}: {:.0} requests/s", f64::from(N) / secs);
    }
    client.close().unwrap();
    vpp.finish();
}

#[test]
fn a_client_can_move_to_another_thread() {
    fn send<T: Send>() {}
    send::<Client>();
    send::<ClientError>();
}
