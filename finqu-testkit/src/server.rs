//! Binding, routing and the accept loop.

use std::collections::HashSet;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinSet;
use tower_service::Service as _;

use crate::api::guard::{Guard, guard};
use crate::config::Builder;
use crate::conn::ConnectionKiller;
use crate::error::ApiError;
use crate::routes::Server;
use crate::state::{AppState, Shared};

/// A started server: its address, state, and the means to stop it.
pub(crate) struct Running {
    pub(crate) addr: SocketAddr,
    pub(crate) app: AppState,
    pub(crate) shutdown: oneshot::Sender<()>,
    pub(crate) task: tokio::task::JoinHandle<()>,
}

pub(crate) async fn start(config: Builder) -> std::io::Result<Running> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
    let addr = listener.local_addr()?;
    let keys: HashSet<String> = crate::routes::routes()
        .iter()
        .map(crate::routes::Route::key)
        .collect();
    let shared =
        Shared::new(config, format!("http://{addr}"), keys).map_err(std::io::Error::other)?;
    let app = AppState(Arc::new(shared));
    let router = router(&app);
    let (shutdown, stop) = oneshot::channel();
    let task = tokio::spawn(serve(listener, router, stop));
    Ok(Running {
        addr,
        app,
        shutdown,
        task,
    })
}

fn router(app: &AppState) -> Router {
    let mut routes = Router::new();
    for (route, handler) in crate::routes::table() {
        let (path, handler) = match route.server {
            Server::Login => (route.path.to_owned(), handler),
            Server::Api => {
                let guard_state = Guard {
                    app: app.clone(),
                    requires: route.requires,
                };
                let handler = handler.route_layer(from_fn_with_state(guard_state, guard));
                (format!("{}{}", app.api_prefix, route.path), handler)
            }
        };
        routes = routes.route(&path, handler);
    }
    routes
        .fallback(|| async { ApiError::not_found("resource").into_response() })
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed().into_response() })
        .layer(from_fn_with_state(app.clone(), crate::observe::observe))
        .with_state(app.clone())
        .merge(crate::control::router(app.clone()))
}

/// Accept until `stop` fires; dropping the task drops every connection with it.
async fn serve(listener: TcpListener, router: Router, mut stop: oneshot::Receiver<()>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, router.clone()));
                }
                // E.g. out of file descriptors: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// Serve one HTTP/1.1 connection until it ends or a fault kills it.
async fn connection(stream: TcpStream, router: Router) {
    // Best effort: small answers should not wait for Nagle.
    let _ = stream.set_nodelay(true);
    let killer = ConnectionKiller::default();
    let handle = killer.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(handle.clone());
        let mut router = router.clone();
        async move { router.call(request).await }
    });
    let conn =
        hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = conn => {}
        () = killer.killed() => {}
    }
}
