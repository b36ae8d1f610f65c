//! Where this page sits in the browser: the path the site is served under, and the tab's
//! sessionStorage.

/// The path the site is served under, from the document's `<base href>` (Trunk's
/// `--public-url`): `"/"` at the root, `"/desk/"` under `/desk/`.
pub fn site_base_path() -> String {
    let Some(window) = web_sys::window() else {
        return "/".to_owned();
    };
    let origin = window.location().origin().unwrap_or_default();
    let path = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| base.strip_prefix(&origin).map(str::to_owned))
        .unwrap_or_default();
    let path = path.split(['?', '#']).next().unwrap_or_default();
    format!("/{}/", path.trim_matches('/')).replace("//", "/")
}

/// This tab's sessionStorage (`None` where the browser refuses it, e.g. storage disabled).
pub fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
