//! ACL rules in every form they are written: a rule file, command-line words, and the JSON
//! rule list of the agent (strings or objects of words). Every rule that parses is written
//! back the two ways vppx shows rules (its text, and its JSON object) and each reads back
//! to the same rule.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vppx::ops::acl::{self, RuleInput};

fn round_trip(rule: &acl::Rule) {
    let text = rule.to_string();
    let words: Vec<&str> = text.split_whitespace().collect();
    let again = acl::parse_rule(&words)
        .unwrap_or_else(|e| panic!("{text:?}, as vppx writes it, does not parse: {}", e.0));
    assert_eq!(again, vec![rule.clone()], "{text:?} reads back otherwise");

    let json = serde_json::to_value(rule).expect("a rule serializes");
    let input = RuleInput::from_value(0, json.clone())
        .unwrap_or_else(|e| panic!("{json}, as vppx answers it, is refused: {e}"));
    let again = acl::parse_inputs(&[input])
        .unwrap_or_else(|e| panic!("{json}, as vppx answers it, does not parse: {e}"));
    assert_eq!(again, vec![rule.clone()], "{json} reads back otherwise");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let rules = match mode % 3 {
        0 => acl::parse_file(text),
        1 => acl::parse_args(&text.split('\0').collect::<Vec<_>>()),
        _ => {
            let Ok(serde_json::Value::Array(list)) = serde_json::from_str(text) else {
                return;
            };
            let inputs: Result<Vec<RuleInput>, _> = list
                .into_iter()
                .enumerate()
                .map(|(i, v)| RuleInput::from_value(i, v))
                .collect();
            match inputs {
                Ok(inputs) => acl::parse_inputs(&inputs),
                Err(_) => return,
            }
        }
    };
    if let Ok(rules) = rules {
        for r in &rules {
            round_trip(r);
        }
    }
});
