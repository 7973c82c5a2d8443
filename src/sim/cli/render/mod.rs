//! Text renderers: plain view structs in, VPP's CLI text out.
//!
//! Each renderer is a pure function producing the whole `cli_inband_reply.reply` text,
//! trailing newline included. The views hold values, not simulator types, so the renderers can
//! be tested against real VPP captures and the simulator core stays free to model things its
//! own way.
//!
//! VPP lays out its tables with `format`'s field widths: `%-Ns` (left), `%Ns` (right) and
//! `%=Ns` (centred, the odd space going to the left). A field longer than its width is cut to
//! the width, which is why `show runtime` prints `ip4-full-reassembly-expire-wal`. The helpers
//! below do the same.

mod fib;
mod iface;
mod system;

pub use fib::{
    render_fib, DpoKind, DpoView, FibEntryView, FibPathKind, FibPathView, FibSourceView,
    FibTableView, LoadBalanceView, PathListView,
};
pub use iface::{
    render_created_interface, render_hardware, render_interface_addresses, render_interfaces,
    sort_like_vpp, Combined, FibRef, IfaceCounters, IfaceView,
};
pub use system::{
    render_buffers, render_errors, render_memory, render_runtime, render_version, BufferPoolView,
    ErrorCounterView, HeapView, NodeRuntimeView, NodeState, RuntimeView, Severity, VersionView,
};

/// Cuts `s` to at most `width` characters.
fn cut(s: &str, width: usize) -> &str {
    match s.char_indices().nth(width) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `%-Ns`: left-justified in `width`, cut to it.
fn left(s: &str, width: usize) -> String {
    format!("{:<width$}", cut(s, width))
}

/// `%Ns`: right-justified in `width`, cut to it.
fn right(s: &str, width: usize) -> String {
    format!("{:>width$}", cut(s, width))
}

/// `%=Ns`: centred in `width`, the odd space on the left, cut to the width.
fn center(s: &str, width: usize) -> String {
    let s = cut(s, width);
    let pad = width.saturating_sub(s.chars().count());
    let l = pad.div_ceil(2);
    format!("{}{s}{}", " ".repeat(l), " ".repeat(pad - l))
}

/// A MAC as VPP prints it: `02:fe:f7:e0:6d:2c`.
fn mac(m: &[u8; 6]) -> String {
    let parts: Vec<String> = m.iter().map(|b| format!("{b:02x}")).collect();
    parts.join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn justify_like_vpp_format() {
        assert_eq!(center("State", 10), "   State  ");
        assert_eq!(center("Idx", 5), " Idx ");
        assert_eq!(center("interrupt wait", 12), "interrupt wa");
        assert_eq!(left("ab", 4), "ab  ");
        assert_eq!(left("abcdef", 4), "abcd");
        assert_eq!(right("7", 3), "  7");
        assert_eq!(cut("é€x", 2), "é€");
        assert_eq!(mac(&[2, 0xfe, 0, 1, 0xab, 0xff]), "02:fe:00:01:ab:ff");
    }
}
