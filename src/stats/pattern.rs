//! Which entries a listing or scrape selects.
//!
//! Patterns are regular expressions matched at the *start* of the path, like vpp_papi's
//! `ls`/`dump` (Python's `re.match`): `/if/` selects every `/if/...` entry, `.*drops$` any
//! path ending in `drops`. An entry is selected when any pattern matches; an empty list
//! selects everything, which is what a full scrape wants.

use regex::RegexSet;

use super::error::Result;

#[derive(Debug, Clone)]
pub struct Patterns {
    sources: Vec<String>,
    set: Option<RegexSet>,
}

impl Patterns {
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<Self> {
        let sources: Vec<String> = patterns.iter().map(|p| p.as_ref().to_owned()).collect();
        let set = if sources.is_empty() {
            None
        } else {
            Some(RegexSet::new(sources.iter().map(|p| format!("^(?:{p})")))?)
        };
        Ok(Self { sources, set })
    }

    /// Selects every entry.
    pub fn all() -> Self {
        Self {
            sources: Vec::new(),
            set: None,
        }
    }

    pub fn is_match(&self, path: &str) -> bool {
        self.set.as_ref().is_none_or(|set| set.is_match(path))
    }

    /// The patterns as given; two `Patterns` with equal sources select the same entries.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    pub(crate) fn same_as<S: AsRef<str>>(&self, other: &[S]) -> bool {
        self.sources.len() == other.len()
            && self.sources.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchored_at_start_like_re_match() {
        let p = Patterns::new(&["/if/", ".*drops$"]).unwrap();
        assert!(p.is_match("/if/rx"));
        assert!(p.is_match("/interfaces/pg0/drops"));
        assert!(!p.is_match("/interfaces/pg0/rx"));
        assert!(!p.is_match("x/if/rx"));
        assert!(Patterns::all().is_match("anything"));
        assert!(Patterns::new::<&str>(&[]).unwrap().is_match("/x"));
    }

    #[test]
    fn alternation_does_not_escape_the_anchor() {
        let p = Patterns::new(&["/a|/b"]).unwrap();
        assert!(p.is_match("/b/x"));
        assert!(!p.is_match("x/b"));
    }

    #[test]
    fn invalid_regex_is_an_error() {
        assert!(Patterns::new(&["(unclosed"]).is_err());
    }
}
