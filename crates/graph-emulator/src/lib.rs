//! A Graph-faithful local stand-in for the Microsoft Graph v1.0 endpoints
//! Policy Desk uses (entitlement-management assignment policies and the
//! directory look-ups around them), for end-to-end tests and the no-tenant
//! demo.
//!
//! It deliberately shares no code with `policy-model`: it is the independent
//! check of that crate, so it speaks raw Graph JSON.

pub mod auth;
pub mod cli;
mod cors;
pub mod error;
pub mod faults;
pub mod odata;
pub mod request_context;
pub mod request_log;
pub mod routes;
pub mod server;
pub mod state;
pub mod tenant;

pub use routes::router;
pub use server::serve;
pub use state::{AppState, AuthSettings, Settings};
