//! Reading one entry's value out of the segment, for every directory type.
//!
//! The shapes follow vpp_papi's reader, which is what operators compare us with: simple and
//! combined vectors are `[thread][index]`, a symlink yields its target element per thread,
//! scalars and gauges are the union word read as a `u64`.

use super::directory::{DirEntry, Directory};
use super::error::{Result, StatsError};
use super::layout::{StatType, COMBINED_SIZE};
use super::value::{CombinedCounter, Log2Histogram, StatValue};
use super::vector::{VecRef, View};

/// Reads `entry`'s current value. `None` for entries that hold none (deleted slots) or
/// that this reader does not decode (ring buffers, unknown types).
pub(crate) fn read_value(
    view: View<'_>,
    dir: &Directory,
    entry: &DirEntry,
) -> Result<Option<StatValue>> {
    read(view, dir, entry).map_err(|e| e.in_entry(entry.name()))
}

fn read(view: View<'_>, dir: &Directory, entry: &DirEntry) -> Result<Option<StatValue>> {
    let value = || dir.current_value(view, entry.index());
    Ok(Some(match entry.stat_type() {
        StatType::ScalarIndex => StatValue::Scalar(value()?),
        StatType::Gauge => StatValue::Gauge(value()?),
        StatType::CounterVectorSimple => {
            StatValue::Simple(per_thread(view, value()?, 8, |v| read_u64s(view, v))?)
        }
        StatType::CounterVectorCombined => {
            StatValue::Combined(per_thread(view, value()?, COMBINED_SIZE, |v| {
                read_combined(view, v)
            })?)
        }
        StatType::NameVector => StatValue::Names(read_names(view, value()?)?),
        StatType::HistogramLog2 => StatValue::Histogram(read_histogram(view, value()?)?),
        StatType::Symlink => read_symlink(view, dir, entry)?,
        StatType::Illegal | StatType::Empty | StatType::RingBuffer | StatType::Other(_) => {
            return Ok(None)
        }
    }))
}

/// The vector of per-thread pointers a counter entry's union points at.
fn threads(view: View<'_>, ptr: u64) -> Result<VecRef> {
    view.vector("per-thread vector", ptr, 8, 8)
}

fn per_thread<T>(
    view: View<'_>,
    ptr: u64,
    elem_size: usize,
    read_one: impl Fn(VecRef) -> Result<Vec<T>>,
) -> Result<Vec<Vec<T>>> {
    let threads = threads(view, ptr)?;
    (0..threads.len)
        .map(|t| {
            let data = view.u64_elem("per-thread vector", threads, t)?;
            read_one(view.vector("counter vector", data, elem_size, 8)?)
        })
        .collect()
}

fn read_u64s(view: View<'_>, v: VecRef) -> Result<Vec<u64>> {
    (0..v.len)
        .map(|i| view.seg.u64("counter", v.offset + i * 8))
        .collect()
}

fn read_combined(view: View<'_>, v: VecRef) -> Result<Vec<CombinedCounter>> {
    (0..v.len)
        .map(|i| combined_at(view, v.offset + i * COMBINED_SIZE))
        .collect()
}

fn combined_at(view: View<'_>, at: usize) -> Result<CombinedCounter> {
    Ok(CombinedCounter {
        packets: view.seg.u64("combined counter", at)?,
        bytes: view.seg.u64("combined counter", at + 8)?,
    })
}

fn read_names(view: View<'_>, ptr: u64) -> Result<Vec<Option<String>>> {
    let slots = view.vector("name vector", ptr, 8, 8)?;
    let mut raw = Vec::new();
    (0..slots.len)
        .map(|i| {
            let name = view.u64_elem("name vector", slots, i)?;
            if name == 0 {
                return Ok(None);
            }
            let bytes = view.vector("name", name, 1, 1)?;
            raw.clear();
            // The length counts a trailing NUL, which vpp_papi drops without looking at it.
            view.seg
                .bytes("name", bytes.offset, bytes.len.saturating_sub(1), &mut raw)?;
            Ok(Some(String::from_utf8_lossy(&raw).into_owned()))
        })
        .collect()
}

fn read_histogram(view: View<'_>, ptr: u64) -> Result<Log2Histogram> {
    let threads = threads(view, ptr)?;
    let mut hist = Log2Histogram {
        min_exp: 0,
        bins: Vec::with_capacity(threads.len),
    };
    for t in 0..threads.len {
        let data = view.u64_elem("histogram threads", threads, t)?;
        if data == 0 {
            hist.bins.push(Vec::new());
            continue;
        }
        let values = read_u64s(view, view.vector("histogram bins", data, 8, 8)?)?;
        match values.split_first() {
            Some((&min_exp, bins)) => {
                hist.min_exp = min_exp;
                hist.bins.push(bins.to_vec());
            }
            None => hist.bins.push(Vec::new()),
        }
    }
    Ok(hist)
}

fn read_symlink(view: View<'_>, dir: &Directory, entry: &DirEntry) -> Result<StatValue> {
    let (target, element) = dir.symlink_target(entry)?;
    let element = element as usize;
    let elem_size = match target.stat_type() {
        StatType::CounterVectorSimple => 8,
        StatType::CounterVectorCombined => COMBINED_SIZE,
        other => {
            return Err(StatsError::BadSymlink {
                name: entry.name().to_owned(),
                reason: format!(
                    "target {} is a {}, not a counter vector",
                    target.name(),
                    other.as_str()
                ),
            })
        }
    };
    let threads = threads(view, dir.current_value(view, target.index())?)?;
    let mut offsets = Vec::with_capacity(threads.len);
    for t in 0..threads.len {
        let data = view.u64_elem("per-thread vector", threads, t)?;
        let v = view.vector("counter vector", data, elem_size, 8)?;
        if element >= v.len {
            return Err(StatsError::OutOfRange {
                what: format!("symlink target {} thread {t}", target.name()),
                index: element,
                len: v.len,
            });
        }
        offsets.push(v.offset + element * elem_size);
    }
    Ok(if elem_size == 8 {
        StatValue::SimpleElement(
            offsets
                .into_iter()
                .map(|at| view.seg.u64("counter", at))
                .collect::<Result<_>>()?,
        )
    } else {
        StatValue::CombinedElement(
            offsets
                .into_iter()
                .map(|at| combined_at(view, at))
                .collect::<Result<_>>()?,
        )
    })
}

/// A combined counter vector's length (its longest thread vector) and, summed over
/// threads, its counters at `indexes` only (zero past a thread's end): the cost is one
/// read per index and thread, however long the vector. `None` if `entry` is not a combined
/// counter vector.
pub(crate) fn combined_totals_at(
    view: View<'_>,
    dir: &Directory,
    entry: &DirEntry,
    indexes: &[u32],
) -> Result<Option<(usize, Vec<CombinedCounter>)>> {
    if entry.stat_type() != StatType::CounterVectorCombined {
        return Ok(None);
    }
    let sum = || -> Result<(usize, Vec<CombinedCounter>)> {
        let threads = threads(view, dir.current_value(view, entry.index())?)?;
        let mut out = vec![CombinedCounter::default(); indexes.len()];
        let mut len = 0;
        for t in 0..threads.len {
            let data = view.u64_elem("per-thread vector", threads, t)?;
            let v = view.vector("counter vector", data, COMBINED_SIZE, 8)?;
            len = len.max(v.len);
            for (total, &i) in out.iter_mut().zip(indexes) {
                let i = i as usize;
                if i < v.len {
                    let c = combined_at(view, v.offset + i * COMBINED_SIZE)?;
                    total.packets = total.packets.wrapping_add(c.packets);
                    total.bytes = total.bytes.wrapping_add(c.bytes);
                }
            }
        }
        Ok((len, out))
    };
    sum().map(Some).map_err(|e| e.in_entry(entry.name()))
}

/// A combined counter vector summed over threads, by index (as long as its longest thread
/// vector): one pass over the segment and one vector, however many threads, so that a
/// million routes' `/net/route/to` costs 16 bytes each. `None` if `entry` is not a
/// combined counter vector.
pub(crate) fn combined_totals(
    view: View<'_>,
    dir: &Directory,
    entry: &DirEntry,
) -> Result<Option<Vec<CombinedCounter>>> {
    if entry.stat_type() != StatType::CounterVectorCombined {
        return Ok(None);
    }
    let sum = || -> Result<Vec<CombinedCounter>> {
        let threads = threads(view, dir.current_value(view, entry.index())?)?;
        let mut out: Vec<CombinedCounter> = Vec::new();
        for t in 0..threads.len {
            let data = view.u64_elem("per-thread vector", threads, t)?;
            let v = view.vector("counter vector", data, COMBINED_SIZE, 8)?;
            if out.len() < v.len {
                out.resize(v.len, CombinedCounter::default());
            }
            for (i, total) in out.iter_mut().enumerate().take(v.len) {
                let c = combined_at(view, v.offset + i * COMBINED_SIZE)?;
                total.packets = total.packets.wrapping_add(c.packets);
                total.bytes = total.bytes.wrapping_add(c.bytes);
            }
        }
        Ok(out)
    };
    sum().map(Some).map_err(|e| e.in_entry(entry.name()))
}
