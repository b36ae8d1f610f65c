//! Server-driven paging. The skiptoken is opaque to clients (as Graph's is)
//! and carries the offset of the next page; the nextLink is absolute and keeps
//! every other query option so following it repeats the same query.

use crate::error::GraphError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

const PREFIX: &str = "emulator-offset:";

pub fn encode_skip_token(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("{PREFIX}{offset}"))
}

pub fn decode_skip_token(token: &str) -> Result<usize, GraphError> {
    URL_SAFE_NO_PAD
        .decode(token.trim())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix(PREFIX).and_then(|n| n.parse().ok()))
        .ok_or_else(|| GraphError::bad_request("The $skiptoken value is not valid."))
}

/// Percent-encodes a query component, leaving OData punctuation readable.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~$'(),/:@!*".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `base` + `path` + the query of `pairs` without `$skiptoken`, plus the new token.
pub fn next_link(base: &str, path: &str, pairs: &[(String, String)], offset: usize) -> String {
    let mut query: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("$skiptoken"))
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect();
    query.push(format!("$skiptoken={}", encode_skip_token(offset)));
    format!("{base}{path}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_tokens_round_trip_and_reject_garbage() {
        assert_eq!(decode_skip_token(&encode_skip_token(4200)).unwrap(), 4200);
        assert!(decode_skip_token("not-a-token").is_err());
    }

    #[test]
    fn next_link_replaces_the_old_token_and_encodes_spaces() {
        let pairs = vec![
            ("$filter".to_owned(), "displayName eq 'A&B'".to_owned()),
            ("$skiptoken".to_owned(), encode_skip_token(2)),
        ];
        let link = next_link("http://h:1", "/v1.0/x", &pairs, 4);
        assert_eq!(
            link,
            format!(
                "http://h:1/v1.0/x?$filter=displayName%20eq%20'A%26B'&$skiptoken={}",
                encode_skip_token(4)
            )
        );
    }
}
