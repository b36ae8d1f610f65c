//! The accept loop. axum's own `serve` cannot close a single connection on
//! demand, which the `drop` faults need, so each connection is served with
//! hyper directly and raced against its own kill switch.

use crate::error::StartupError;
use axum::Router;
use hyper_util::rt::TokioIo;
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;

/// Handed to every request of a connection; firing it closes that connection.
#[derive(Clone, Debug)]
pub struct ConnectionKill(Arc<Notify>);

impl ConnectionKill {
    pub fn fire(&self) {
        self.0.notify_one();
    }
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()>,
) -> Result<(), StartupError> {
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // A failed accept (e.g. the peer reset first) only loses that connection.
                Err(error) => {
                    eprintln!("graph-emulator: accept failed: {error}");
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let kill = Arc::new(Notify::new());
        let app = app.clone();
        let handle = ConnectionKill(kill.clone());
        let service = hyper::service::service_fn(
            move |mut request: hyper::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(handle.clone());
                app.clone().oneshot(request.map(axum::body::Body::new))
            },
        );
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                served = connection => report(served),
                () = kill.notified() => {}
            }
        });
    }
}

/// Clients hanging up mid-request is normal traffic; anything else (a
/// malformed request, say) is worth a line on stderr.
fn report(served: Result<(), hyper::Error>) {
    if let Err(error) = served {
        let routine = error.is_incomplete_message()
            || error.is_closed()
            || error.is_canceled()
            || error.is_body_write_aborted();
        if !routine {
            eprintln!("graph-emulator: connection error: {error}");
        }
    }
}
