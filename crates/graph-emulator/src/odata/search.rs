//! Directory `$search`: `"displayName:meg" OR "mail:meg"`. Graph tokenizes
//! values and matches word prefixes case-insensitively; so does this.

use crate::error::GraphError;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub property: String,
    pub value: String,
}

/// Terms joined by one operator (Graph allows mixing; the emulator does not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub terms: Vec<Term>,
    pub all: bool,
}

impl Search {
    pub fn parse(value: &str) -> Result<Self, GraphError> {
        let all = value.contains(" AND ");
        let separator = if all { " AND " } else { " OR " };
        let terms = value
            .split(separator)
            .map(|raw| parse_term(raw.trim()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Search { terms, all })
    }

    pub fn matches(&self, item: &Value) -> bool {
        let hit = |term: &Term| {
            item.as_object()
                .and_then(|o| {
                    o.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(&term.property))
                })
                .and_then(|(_, v)| v.as_str())
                .is_some_and(|text| word_prefix_match(text, &term.value))
        };
        if self.all {
            self.terms.iter().all(hit)
        } else {
            self.terms.iter().any(hit)
        }
    }
}

fn parse_term(raw: &str) -> Result<Term, GraphError> {
    let inner = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .ok_or_else(|| {
            GraphError::bad_request(format!(
                "Syntax error: the $search clause '{raw}' must be enclosed in double quotes."
            ))
        })?;
    let (property, value) = inner.split_once(':').ok_or_else(|| {
        GraphError::bad_request(format!(
            "Invalid $search clause '{inner}': expected \"property:value\"."
        ))
    })?;
    Ok(Term {
        property: property.trim().to_owned(),
        value: value.trim().to_owned(),
    })
}

fn word_prefix_match(text: &str, query: &str) -> bool {
    let text = text.to_lowercase();
    let query = query.to_lowercase();
    text.starts_with(&query)
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| !word.is_empty() && word.starts_with(&query))
}
