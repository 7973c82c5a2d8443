//! The connection loop: one task per connection, a bounded number at once, and
//! connections that stop moving closed.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::io::{AsyncRead, AsyncWrite};

/// Where connections come from: a TCP port or a Unix socket.
pub trait Listener {
    type Io: AsyncRead + AsyncWrite + Unpin + Send + 'static;
    fn next(&self) -> impl Future<Output = std::io::Result<Self::Io>>;
}

impl Listener for tokio::net::TcpListener {
    type Io = tokio::net::TcpStream;
    async fn next(&self) -> std::io::Result<Self::Io> {
        let (s, _) = self.accept().await?;
        let _ = s.set_nodelay(true);
        Ok(s)
    }
}

impl Listener for tokio::net::UnixListener {
    type Io = tokio::net::UnixStream;
    async fn next(&self) -> std::io::Result<Self::Io> {
        Ok(self.accept().await?.0)
    }
}

/// Serves `app` on `listener` until `shutdown` resolves: one task per connection, at
/// most `max_connections` at once, each closed after `idle` without a byte either way
/// and given `header_timeout` to send a request's headers.
pub async fn serve(
    listener: impl Listener,
    app: Router,
    max_connections: usize,
    header_timeout: Duration,
    idle: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let slots = Arc::new(tokio::sync::Semaphore::new(max_connections.max(1)));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&slots).acquire_owned() => match p { Ok(p) => p, Err(_) => break },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.next() => match r {
                Ok(s) => s,
                Err(_) => {
                    // Out of descriptors or similar: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let svc = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let (io, last) = crate::agent::idle::Watched::new(stream);
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(io), svc);
            tokio::select! {
                _ = conn => {}
                () = crate::agent::idle::expired(last, idle) => {}
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use axum::body::Bytes;

    use super::*;

    /// A connection that stops moving is closed: silent from the start, stalled in its
    /// headers, stalled in its body, or silent after an answer. The limits here are short;
    /// the bound on the test is generous (it only has to tell "closed" from "kept open").
    #[test]
    fn connections_that_stop_moving_are_closed() {
        use std::io::{Read, Write};
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = Router::new().route(
            "/",
            axum::routing::post(|b: Bytes| async move { b.len().to_string() }),
        );
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = rt.spawn(serve(
            listener,
            app,
            16,
            Duration::from_millis(300),
            Duration::from_millis(300),
            async {
                let _ = stopped.await;
            },
        ));
        let closed = |c: &mut std::net::TcpStream| -> Vec<u8> {
            c.set_read_timeout(Some(Duration::from_secs(30)))
                .expect("timeout");
            let mut got = Vec::new();
            match c.read_to_end(&mut got) {
                Ok(_) => got,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => got,
                Err(e) => panic!("the connection was kept open ({e}); got {got:?}"),
            }
        };
        for half in [
            &b""[..],
            b"POST / HTTP/1.1\r\nHost: x\r\n",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12",
        ] {
            let mut c = std::net::TcpStream::connect(addr).expect("connect");
            c.write_all(half).expect("write");
            closed(&mut c);
        }
        let mut c = std::net::TcpStream::connect(addr).expect("connect");
        c.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n12")
            .expect("write");
        let answer = String::from_utf8(closed(&mut c)).expect("text");
        assert!(
            answer.starts_with("HTTP/1.1 200") && answer.ends_with("\r\n\r\n2"),
            "{answer:?}"
        );
        let _ = stop.send(());
        rt.block_on(server).expect("server");
    }
}
