//! The simulator over its socket, spoken to by a small raw client built on `vppx::wire`
//! alone (not vppx's client library, so a bug in one cannot hide in the other).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use vppx::binapi::{interface, memclnt, vpe};
use vppx::sim::{SimConfig, Simulator};
use vppx::wire::{self, FrameBuffer, Message};

struct Raw {
    stream: UnixStream,
    frames: FrameBuffer,
    ids: HashMap<String, u16>,
    index: u32,
    context: u32,
}

impl Raw {
    fn connect(sim: &Simulator) -> Raw {
        let stream = UnixStream::connect(sim.socket_path()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut raw = Raw {
            stream,
            frames: FrameBuffer::new(),
            ids: HashMap::new(),
            index: 0,
            context: 0,
        };
        let create = memclnt::SockclntCreate {
            context: 124,
            name: "raw".into(),
        };
        raw.send_body(&wire::encode_message(15, &create).unwrap());
        let body = raw.recv().expect("handshake reply");
        assert_eq!(wire::message_id(&body).unwrap(), 16);
        let reply: memclnt::SockclntCreateReply = wire::decode_message(&body).unwrap();
        assert_eq!((reply.response, reply.context), (0, 124));
        assert_eq!(reply.index & 0x8000_0000, 0x8000_0000);
        raw.index = reply.index;
        raw.ids = reply
            .message_table
            .into_iter()
            .map(|e| (e.name, e.index))
            .collect();
        raw
    }

    fn send_body(&mut self, body: &[u8]) {
        let mut out = Vec::new();
        wire::write_frame(&mut out, body).unwrap();
        self.stream.write_all(&out).unwrap();
    }

    /// Sends `m` with a fresh context; answers the context.
    fn send<M: Message>(&mut self, mut m: M) -> u32 {
        self.context += 1;
        m.set_context(self.context);
        m.set_client_index(self.index);
        let id = self.ids[M::NAME_CRC];
        self.send_body(&wire::encode_message(id, &m).unwrap());
        self.context
    }

    /// The next body, or `None` after `timeout` of silence.
    fn recv_within(&mut self, timeout: Duration) -> Option<Vec<u8>> {
        self.stream.set_read_timeout(Some(timeout)).unwrap();
        let mut buf = [0u8; 65536];
        loop {
            if let Some(b) = self.frames.next_frame().unwrap() {
                return Some(b);
            }
            match self.stream.read(&mut buf) {
                Ok(0) => return None,
                Ok(n) => self.frames.extend(&buf[..n]),
                Err(_) => return None,
            }
        }
    }

    fn recv(&mut self) -> Option<Vec<u8>> {
        self.recv_within(Duration::from_secs(5))
    }

    fn name_of(&self, body: &[u8]) -> String {
        let id = wire::message_id(body).unwrap();
        let name_crc = self.ids.iter().find(|(_, v)| **v == id).unwrap().0;
        name_crc.rsplit_once('_').unwrap().0.to_owned()
    }

    fn expect<M: Message>(&mut self) -> M {
        let body = self.recv().unwrap_or_else(|| panic!("no {} came", M::NAME));
        assert_eq!(self.name_of(&body), M::NAME);
        wire::decode_message(&body).unwrap()
    }
}

fn sim() -> (tempfile::TempDir, Simulator) {
    let dir = tempfile::tempdir().unwrap();
    let sim = Simulator::start(SimConfig {
        socket: dir.path().join("api.sock"),
        stats_socket: None,
        interfaces: vec!["pg0".into(), "pg1".into()],
        ..Default::default()
    })
    .unwrap();
    (dir, sim)
}

#[test]
fn handshake_dump_and_ping() {
    let (_dir, sim) = sim();
    let mut c = Raw::connect(&sim);
    assert_eq!(c.ids[memclnt::ControlPing::NAME_CRC], 23);
    let ctx = c.send(interface::SwInterfaceDump {
        sw_if_index: u32::MAX,
        ..Default::default()
    });
    c.send(memclnt::ControlPing::default());
    let mut names = Vec::new();
    loop {
        let body = c.recv().expect("dump answers");
        if c.name_of(&body) == "control_ping_reply" {
            let r: memclnt::ControlPingReply = wire::decode_message(&body).unwrap();
            assert_eq!(r.client_index, c.index);
            assert_eq!(r.vpe_pid, std::process::id());
            break;
        }
        let d: interface::SwInterfaceDetails = wire::decode_message(&body).unwrap();
        assert_eq!(d.context, ctx);
        names.push(d.interface_name);
    }
    assert_eq!(names, ["local0", "pg0", "pg1"]);
    let ctx = c.send(vpe::ShowVersion::default());
    let v: vpe::ShowVersionReply = c.expect();
    assert_eq!((v.context, v.retval, v.program.as_str()), (ctx, 0, "vpe"));
}

#[test]
fn unknown_ids_get_silence_and_the_connection_lives_on() {
    let (_dir, sim) = sim();
    let mut c = Raw::connect(&sim);
    c.send_body(&[0xff, 0xf0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert!(c.recv_within(Duration::from_millis(300)).is_none());
    let ctx = c.send(memclnt::ControlPing::default());
    let r: memclnt::ControlPingReply = c.expect();
    assert_eq!(r.context, ctx);
}

#[test]
fn events_follow_the_reply_and_reach_every_subscriber() {
    let (_dir, sim) = sim();
    let mut a = Raw::connect(&sim);
    let mut b = Raw::connect(&sim);
    for (c, pid) in [(&mut a, 11), (&mut b, 22)] {
        c.send(interface::WantInterfaceEvents {
            enable_disable: 1,
            pid,
            ..Default::default()
        });
        let r: interface::WantInterfaceEventsReply = c.expect();
        assert_eq!(r.retval, 0);
    }
    let ctx = a.send(interface::SwInterfaceSetFlags {
        sw_if_index: 1,
        flags: vppx::wire::VppEnum::from_raw(1),
        ..Default::default()
    });
    let reply: interface::SwInterfaceSetFlagsReply = a.expect();
    assert_eq!((reply.context, reply.retval), (ctx, 0));
    for (c, pid) in [(&mut a, 11), (&mut b, 22)] {
        let ev: interface::SwInterfaceEvent = c.expect();
        assert_eq!(ev.client_index, c.index);
        assert_eq!(ev.pid, pid);
        assert_eq!(ev.sw_if_index, 1);
        assert_eq!(vppx::wire::VppEnum::to_raw(ev.flags), 3);
        assert!(!ev.deleted);
    }
    // After sockclnt_delete the server answers 1 and closes.
    b.send(memclnt::SockclntDelete {
        index: b.index,
        ..Default::default()
    });
    let r: memclnt::SockclntDeleteReply = b.expect();
    assert_eq!(r.response, 1);
    assert!(b.recv().is_none(), "connection closed");
    // The one who left gets no more events; the other still does.
    a.send(interface::SwInterfaceSetFlags {
        sw_if_index: 1,
        ..Default::default()
    });
    let _: interface::SwInterfaceSetFlagsReply = a.expect();
    let ev: interface::SwInterfaceEvent = a.expect();
    assert_eq!(vppx::wire::VppEnum::to_raw(ev.flags), 0);
}

#[test]
fn stale_socket_is_replaced_and_stop_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("api.sock");
    std::fs::write(&path, b"stale").unwrap();
    let cfg = SimConfig {
        socket: path.clone(),
        ..Default::default()
    };
    let sim = Simulator::start(cfg.clone()).unwrap();
    let mut c = Raw::connect(&sim);
    // A second simulator on a live socket is refused.
    assert!(Simulator::start(cfg).is_err());
    sim.stop();
    assert!(!path.exists());
    assert!(c.recv_within(Duration::from_secs(2)).is_none());
}

#[test]
fn stats_segment_names_the_interfaces() {
    let dir = tempfile::tempdir().unwrap();
    let stats = dir.path().join("stats.sock");
    let sim = Simulator::start(SimConfig {
        socket: dir.path().join("api.sock"),
        stats_socket: Some(stats.clone()),
        interfaces: vec!["pg0".into()],
        ..Default::default()
    })
    .unwrap();
    let mut client = vppx::stats::StatsClient::connect(&stats).unwrap();
    let names = client.ls(&[".*"]).unwrap();
    for want in [
        "/sys/heartbeat",
        "/if/names",
        "/if/rx",
        "/interfaces/pg0/rx",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
    sim.stop();
    assert!(!stats.exists());
}
