//! The simulator's stats segment content: `/sys/boottime`, a moving `/sys/heartbeat`,
//! `/if/names` and the `/if/*` counters (all zero), and VPP's `/interfaces/<name>/<counter>`
//! symlinks, kept in step with the model's interfaces by [`SimStats::sync`].

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::model::Model;
use super::statseg::{EntryId, SegmentOptions, StatSegment, StatsServer};
use crate::stats::Result;

const COMBINED: &[&str] = &[
    "rx",
    "rx-unicast",
    "rx-multicast",
    "rx-broadcast",
    "tx",
    "tx-unicast",
    "tx-multicast",
    "tx-broadcast",
];
const SIMPLE: &[&str] = &[
    "drops",
    "punt",
    "ip4",
    "ip6",
    "rx-no-buf",
    "rx-miss",
    "rx-error",
    "tx-error",
    "mpls",
];

/// The published segment and what keeps it current.
pub struct SimStats {
    seg: Arc<Mutex<StatSegment>>,
    server: StatsServer,
    stop: Arc<AtomicBool>,
    heartbeat: Option<JoinHandle<()>>,
    names: EntryId,
    /// `(counter name, /if/<name> entry)`.
    counters: Vec<(&'static str, EntryId)>,
    /// sw_if_index → (interface name, its symlinks).
    links: BTreeMap<u32, (String, Vec<EntryId>)>,
    len: usize,
}

impl SimStats {
    /// Creates the segment for `model`'s interfaces and serves it on `path`.
    pub fn start(path: &Path, model: &Model) -> Result<SimStats> {
        let mut seg = StatSegment::create(&SegmentOptions::default())?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        seg.add_scalar("/sys/boottime", now)?;
        let hb = seg.add_scalar("/sys/heartbeat", 0)?;
        let names = seg.add_names("/if/names", &[])?;
        let mut counters = Vec::new();
        for c in COMBINED {
            counters.push((*c, seg.add_combined(&format!("/if/{c}"), 1, 0)?));
        }
        for c in SIMPLE {
            counters.push((*c, seg.add_simple(&format!("/if/{c}"), 1, 0)?));
        }
        let server = seg.serve(path)?;
        let seg = Arc::new(Mutex::new(seg));
        let stop = Arc::new(AtomicBool::new(false));
        let heartbeat = {
            let (seg, stop) = (seg.clone(), stop.clone());
            std::thread::Builder::new()
                .name("sim-heartbeat".into())
                .spawn(move || {
                    let mut beat = 0u64;
                    while !stop.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(200));
                        beat += 1;
                        if beat % 5 == 0 {
                            let seg = seg.lock().unwrap_or_else(|e| e.into_inner());
                            let _ = seg.set_scalar(hb, beat / 5);
                        }
                    }
                })
                .ok()
        };
        let mut stats = SimStats {
            seg,
            server,
            stop,
            heartbeat,
            names,
            counters,
            links: BTreeMap::new(),
            len: 0,
        };
        stats.sync(model);
        Ok(stats)
    }

    /// Brings `/if/*` and the symlinks in line with the model's interfaces.
    pub fn sync(&mut self, model: &Model) {
        let seg = self.seg.clone();
        let mut seg = seg.lock().unwrap_or_else(|e| e.into_inner());
        let len = model.interfaces().map(|i| i.sw_if_index as usize + 1).max();
        let len = len.unwrap_or(0).max(self.len);
        if len > self.len {
            for (_, id) in &self.counters {
                let _ = seg.resize(*id, len);
            }
            self.len = len;
        }
        // Interfaces gone, or renamed in their slot.
        let stale: Vec<u32> = self
            .links
            .iter()
            .filter(|(sw, (name, _))| model.get(**sw).is_none_or(|i| &i.name != name))
            .map(|(sw, _)| *sw)
            .collect();
        for sw in stale {
            if let Some((_, ids)) = self.links.remove(&sw) {
                for id in ids {
                    let _ = seg.remove(id);
                }
            }
            let _ = seg.set_name(self.names, sw as usize, None);
        }
        for i in model.interfaces() {
            if self.links.contains_key(&i.sw_if_index) {
                continue;
            }
            let _ = seg.set_name(self.names, i.sw_if_index as usize, Some(&i.name));
            let ids = self
                .counters
                .iter()
                .filter_map(|(c, target)| {
                    let name = format!("/interfaces/{}/{c}", i.name);
                    seg.add_symlink(&name, *target, i.sw_if_index).ok()
                })
                .collect();
            self.links.insert(i.sw_if_index, (i.name.clone(), ids));
        }
    }

    /// Stops the heartbeat and the socket (removing its file).
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(h) = self.heartbeat.take() {
            let _ = h.join();
        }
        self.server.stop();
    }
}
