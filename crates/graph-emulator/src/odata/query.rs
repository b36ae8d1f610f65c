//! Query options of one request, validated the way Graph validates them:
//! unknown `$` options and options an endpoint does not support are 400s.

use super::expand::{parse_expand, ExpandItem};
use super::filter::Filter;
use super::paging::decode_skip_token;
use super::search::Search;
use crate::error::GraphError;

/// OData system query options Graph knows of; an endpoint allows a subset.
const KNOWN: &[&str] = &[
    "$top",
    "$skip",
    "$skiptoken",
    "$expand",
    "$filter",
    "$select",
    "$search",
    "$count",
    "$orderby",
    "$format",
    "$apply",
    "$compute",
    "$levels",
    "$deltatoken",
    "$index",
];

/// Graph's largest accepted page size for directory-style `$top`.
pub const MAX_TOP: usize = 999;

#[derive(Debug, Clone, Default)]
pub struct QueryOptions {
    pub top: Option<usize>,
    pub offset: usize,
    pub expand: Vec<ExpandItem>,
    pub filter: Option<Filter>,
    pub select: Option<Vec<String>>,
    pub search: Option<Search>,
    pub count: bool,
    pub order_by: Option<(String, bool)>,
    /// Every pair as sent, kept to rebuild the nextLink.
    pub pairs: Vec<(String, String)>,
}

impl QueryOptions {
    /// Parses `pairs`, accepting only the `$` options in `allowed`.
    pub fn parse(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Self, GraphError> {
        let mut options = QueryOptions {
            pairs: pairs.clone(),
            ..Default::default()
        };
        for (raw_key, value) in &pairs {
            let key = raw_key.to_ascii_lowercase();
            if !key.starts_with('$') {
                continue; // Graph ignores custom (non-$) query parameters.
            }
            if !KNOWN.contains(&key.as_str()) {
                return Err(GraphError::bad_request(format!(
                    "The query parameter '{raw_key}' is not supported."
                )));
            }
            if !allowed.contains(&key.as_str()) {
                return Err(GraphError::bad_request(format!(
                    "Query option '{}' is not allowed. To allow it, set the 'AllowedQueryOptions' \
                     property on EnableQueryAttribute or QueryValidationSettings.",
                    option_name(&key)
                )));
            }
            match key.as_str() {
                "$top" => options.top = Some(parse_top(value)?),
                "$skiptoken" => options.offset = decode_skip_token(value)?,
                "$expand" => options.expand = parse_expand(value)?,
                "$filter" => options.filter = Some(Filter::parse(value)?),
                "$select" => {
                    options.select = Some(
                        value
                            .split(',')
                            .map(|s| s.trim().to_owned())
                            .filter(|s| !s.is_empty())
                            .collect(),
                    )
                }
                "$search" => options.search = Some(Search::parse(value)?),
                "$count" => options.count = parse_bool(value)?,
                "$orderby" => options.order_by = Some(parse_order_by(value)?),
                _ => {}
            }
        }
        Ok(options)
    }
}

/// `$search` → `Search`, the spelling Graph's OData stack uses in messages.
fn option_name(key: &str) -> String {
    let bare = key.trim_start_matches('$');
    let mut chars = bare.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn parse_top(value: &str) -> Result<usize, GraphError> {
    let top: usize = value.trim().parse().map_err(|_| {
        GraphError::bad_request(format!(
            "Invalid value '{value}' for $top query option found."
        ))
    })?;
    if top == 0 || top > MAX_TOP {
        return Err(GraphError::bad_request(format!(
            "Invalid page size specified: '{top}'. Must be between 1 and {MAX_TOP} inclusive."
        )));
    }
    Ok(top)
}

fn parse_bool(value: &str) -> Result<bool, GraphError> {
    match value.trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(GraphError::bad_request(format!(
            "Invalid value '{other}' for $count query option found. Valid values are 'true', 'false'."
        ))),
    }
}

fn parse_order_by(value: &str) -> Result<(String, bool), GraphError> {
    let mut words = value.split_whitespace();
    let property = words
        .next()
        .ok_or_else(|| GraphError::bad_request("The $orderby expression is empty."))?;
    let descending = match words.next().map(str::to_ascii_lowercase).as_deref() {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(other) => {
            return Err(GraphError::bad_request(format!(
                "Syntax error: character '{other}' is not valid in $orderby '{value}'."
            )))
        }
    };
    Ok((property.to_owned(), descending))
}
