//! `/events`: interface state changes as server-sent events.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use super::AppState;
use crate::agent::error::ApiError;
use crate::ops::events::{Event as Line, EventKind};

/// One event as SSE: its kind as the event name, its JSON (`vppx --json watch`'s line) as
/// the data.
fn sse(line: &Line) -> Result<Event, Infallible> {
    let data = serde_json::to_string(line).unwrap_or_else(|_| "{}".into());
    Ok(Event::default().event(line.event.as_str()).data(data))
}

pub async fn events(
    State(app): State<AppState>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    if !app.vpp.events_ready() {
        return Err(ApiError::unavailable(app.vpp.last_error()));
    }
    // One permit per stream, held until the client goes: past --max-event-streams the
    // next client is turned away at once, so streams never take the slots that scrapes
    // and changes need.
    let Ok(permit) = Arc::clone(&app.event_streams).try_acquire_owned() else {
        return Err(ApiError::busy(
            "every event stream slot is taken (--max-event-streams); try again later",
        ));
    };
    let (rx, now) = app.vpp.subscribe_events();
    let initial: Vec<_> = now
        .iter()
        .map(|s| sse(&Line::state(EventKind::Initial, s)))
        .collect();
    let live = stream::unfold((rx, permit), |(mut rx, permit)| async move {
        let ev = match rx.recv().await {
            Ok(line) => sse(&line),
            // A client that fell behind the channel gets this instead of what it missed.
            Err(RecvError::Lagged(n)) => sse(&Line::lagged(n)),
            Err(RecvError::Closed) => return None,
        };
        Some((ev, (rx, permit)))
    });
    Ok(Sse::new(stream::iter(initial).chain(live))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agent::http::OPENAPI;

    /// Every kind of `/events` data line has the documented EventLine fields, no others.
    #[test]
    fn event_lines_match_the_document() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
        let schema = &doc["components"]["schemas"]["EventLine"];
        let documented = schema["properties"].as_object().expect("properties");
        let state = crate::ops::events::LinkState {
            sw_if_index: 1,
            name: "pg0".into(),
            admin_up: true,
            link_up: false,
            deleted: false,
        };
        for line in [
            serde_json::to_value(Line::state(EventKind::Change, &state)).expect("json"),
            serde_json::to_value(Line::note(EventKind::Disconnected, "gone".into())).expect("json"),
            serde_json::to_value(Line::lagged(3)).expect("json"),
        ] {
            let obj = line.as_object().expect("an object");
            for key in obj.keys() {
                assert!(documented.contains_key(key), "{key} undocumented in {line}");
            }
            for key in schema["required"].as_array().expect("required") {
                assert!(
                    obj.contains_key(key.as_str().unwrap()),
                    "{key} missing in {line}"
                );
            }
            let event = &line["event"];
            assert!(
                documented["event"]["enum"]
                    .as_array()
                    .is_some_and(|e| e.contains(event)),
                "{event} is not a documented event"
            );
        }
    }
}
