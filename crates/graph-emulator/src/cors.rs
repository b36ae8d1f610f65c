//! CORS the way Graph answers browsers: any origin, any request headers,
//! and the response headers a client needs to read (ids for support
//! tickets, Retry-After for throttling, Location after a create).

use axum::http::{HeaderName, Method};
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

pub fn graph_cors() -> CorsLayer {
    let h = HeaderName::from_static;
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        // Graph accepts whatever request headers a browser announces
        // (Authorization, Content-Type, ConsistencyLevel, client-request-id,
        // Prefer, SDK headers...), so mirror them rather than list them.
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([
            h("request-id"),
            h("client-request-id"),
            h("retry-after"),
            h("location"),
            h("etag"),
            h("www-authenticate"),
        ])
        .max_age(std::time::Duration::from_secs(3600))
}
