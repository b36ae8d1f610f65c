//! The shared shape of every Graph collection response: filter/search/order
//! the stored items, cut one page, and wrap it with `@odata.context` and an
//! absolute `@odata.nextLink`.

use crate::odata::paging::next_link;
use crate::odata::QueryOptions;
use axum::http::header::HOST;
use axum::http::HeaderMap;
use serde_json::{json, Value};

/// Where the client reached us, so links point back the same way (127.0.0.1 vs localhost).
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// One page of matching items plus where the next page starts.
pub struct Page<'a> {
    pub items: Vec<&'a Value>,
    pub next_offset: Option<usize>,
    pub total: usize,
}

pub fn page<'a>(all: &'a [Value], options: &QueryOptions, server_page_size: usize) -> Page<'a> {
    let mut matching: Vec<&Value> = all
        .iter()
        .filter(|item| options.filter.as_ref().is_none_or(|f| f.matches(item)))
        .filter(|item| options.search.as_ref().is_none_or(|s| s.matches(item)))
        .collect();
    if let Some((property, descending)) = &options.order_by {
        let key = |v: &Value| {
            crate::odata::filter::resolve(v, std::slice::from_ref(property))
                .and_then(Value::as_str)
                .map(str::to_lowercase)
        };
        matching.sort_by_key(|a| key(a));
        if *descending {
            matching.reverse();
        }
    }
    let total = matching.len();
    let size = options.top.unwrap_or(server_page_size);
    let start = options.offset.min(total);
    let end = (start + size).min(total);
    Page {
        items: matching[start..end].to_vec(),
        next_offset: (end < total).then_some(end),
        total,
    }
}

/// `entity_set` is the metadata fragment, e.g. `users` or
/// `identityGovernance/entitlementManagement/assignmentPolicies`.
pub fn collection_body(
    headers: &HeaderMap,
    path: &str,
    entity_set: &str,
    options: &QueryOptions,
    values: Vec<Value>,
    page: &Page<'_>,
) -> Value {
    let base = base_url(headers);
    let selected = options
        .select
        .as_ref()
        .map(|fields| format!("({})", fields.join(",")))
        .unwrap_or_default();
    let mut body =
        json!({ "@odata.context": format!("{base}/v1.0/$metadata#{entity_set}{selected}") });
    if options.count {
        body["@odata.count"] = json!(page.total);
    }
    body["value"] = Value::Array(values);
    if let Some(offset) = page.next_offset {
        body["@odata.nextLink"] = json!(next_link(&base, path, &options.pairs, offset));
    }
    body
}

/// Property names seen on any item, for `$select` validation of loosely typed collections.
pub fn known_properties(items: &[Value], navigations: &[&str]) -> Vec<String> {
    let mut known: Vec<String> = navigations.iter().map(|n| (*n).to_owned()).collect();
    for item in items {
        if let Some(object) = item.as_object() {
            for key in object.keys() {
                if !known.contains(key) {
                    known.push(key.clone());
                }
            }
        }
    }
    known
}

/// Decodes the raw query string and validates it against `allowed` options.
pub fn parse_query(
    raw: Option<&str>,
    allowed: &[&str],
) -> Result<QueryOptions, crate::error::GraphError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
        .map_err(|e| {
            crate::error::GraphError::bad_request(format!("The query string is malformed: {e}"))
        })?;
    QueryOptions::parse(pairs, allowed)
}

/// Reads a JSON object body, answering like Graph when it is not one.
pub fn parse_json_body(bytes: &[u8]) -> Result<Value, crate::error::GraphError> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value @ Value::Object(_)) => Ok(value),
        _ => Err(crate::error::GraphError::bad_request(
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        )),
    }
}
