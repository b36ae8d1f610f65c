//! Files served with the site itself (not Graph), fetched relative to the page's `<base>`.

use gloo_net::http::Request;

/// Why a site file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiteFileError {
    #[error("{path} was not found on this site (HTTP 404).")]
    Missing { path: String },
    #[error("{path} answered HTTP {status}.")]
    Status { path: String, status: u16 },
    #[error("{path} could not be fetched: {detail}")]
    Network { path: String, detail: String },
}

/// Fetches a file such as `config.json` as text, bypassing the HTTP cache so a redeployed config
/// takes effect on the next load.
pub async fn fetch_site_text(path: &str) -> Result<String, SiteFileError> {
    let network = |e: gloo_net::Error| SiteFileError::Network {
        path: path.to_owned(),
        detail: e.to_string(),
    };
    let response = Request::get(path)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(network)?;
    match response.status() {
        200..=299 => response.text().await.map_err(network),
        404 => Err(SiteFileError::Missing {
            path: path.to_owned(),
        }),
        status => Err(SiteFileError::Status {
            path: path.to_owned(),
            status,
        }),
    }
}
