//! Lookups several operations share: interface names ↔ `sw_if_index`, from one dump.

use std::collections::BTreeMap;

use crate::binapi::interface::SwInterfaceDump;
use crate::client::Client;
use crate::ops::error::Result;

/// `~0`: no interface.
pub(crate) const NO_INTERFACE: u32 = u32::MAX;

/// Interface names by index and indexes by name, from one dump.
#[derive(Debug, Clone, Default)]
pub struct InterfaceNames {
    by_index: BTreeMap<u32, String>,
    by_name: BTreeMap<String, u32>,
}

impl InterfaceNames {
    /// The names of `(sw_if_index, name)` pairs (what [`InterfaceNames::load`] dumps).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u32, String)>) -> Self {
        let mut names = InterfaceNames::default();
        for (index, name) in pairs {
            names.by_index.insert(index, name.clone());
            names.by_name.insert(name, index);
        }
        names
    }

    pub fn load(client: &mut Client) -> Result<Self> {
        let mut names = InterfaceNames::default();
        for d in client.dump(SwInterfaceDump::default())? {
            names
                .by_index
                .insert(d.sw_if_index, d.interface_name.clone());
            names.by_name.insert(d.interface_name, d.sw_if_index);
        }
        Ok(names)
    }

    pub fn index(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }

    pub fn name(&self, index: u32) -> Option<&str> {
        self.by_index.get(&index).map(String::as_str)
    }

    /// How a path's interface prints: its name, `#N` for an index VPP did not list, none
    /// for `~0`.
    pub fn label(&self, index: u32) -> Option<String> {
        (index != NO_INTERFACE).then(|| {
            self.name(index)
                .map(str::to_string)
                .unwrap_or_else(|| format!("#{index}"))
        })
    }
}
