//! Policy Desk: list and create Microsoft Entra access package assignment policies from the browser.
//!
//! `config` and the row/summary logic are pure Rust and tested natively; `auth` (MSAL) and `graph`
//! (HTTP) are the only modules that reach outside the page.

pub mod app;
pub mod auth;
pub mod config;
pub mod create;
pub mod graph;
pub mod listing;
pub mod session;
pub mod ui;
