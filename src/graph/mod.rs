//! HTTP: Microsoft Graph, and the site's own files. This module is the only code that does HTTP.

mod client;
pub mod create;
mod detail;
mod directory;
mod error;
mod policies;
mod site_file;
mod sleep;

pub use client::{new_request_id, GraphClient, RetryWait, TokenSource, WaitNotice};
pub use detail::{get_policy_detail, PolicyDetail};
pub use directory::{cached_names, resolve_principals, ReadPost, Resolution, Resolved};
pub use error::GraphClientError;
pub use policies::{list_all_policies, ListSource};
pub use site_file::{fetch_site_text, SiteFileError};
