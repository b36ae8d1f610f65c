//! `$expand` lists such as `questions,customExtensionStageSettings($expand=customExtension)`.

use crate::error::GraphError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandItem {
    pub name: String,
    pub nested: Vec<ExpandItem>,
}

impl ExpandItem {
    /// Finds `name` (case-insensitive, like Graph) in an expand list.
    pub fn find<'a>(items: &'a [ExpandItem], name: &str) -> Option<&'a ExpandItem> {
        items
            .iter()
            .find(|item| item.name.eq_ignore_ascii_case(name))
    }
}

/// Splits on commas that are not inside parentheses.
fn split_top_level(value: &str, separator: char) -> Result<Vec<&str>, GraphError> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (index, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return Err(unbalanced(value));
                }
            }
            c if c == separator && depth == 0 => {
                parts.push(&value[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err(unbalanced(value));
    }
    parts.push(&value[start..]);
    Ok(parts)
}

fn unbalanced(value: &str) -> GraphError {
    GraphError::bad_request(format!(
        "Parsing OData Select and Expand failed: unbalanced parentheses in '{value}'."
    ))
}

pub fn parse_expand(value: &str) -> Result<Vec<ExpandItem>, GraphError> {
    let mut items = Vec::new();
    for part in split_top_level(value, ',')? {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (name, nested) = match part.find('(') {
            Some(open) if part.ends_with(')') => (
                &part[..open],
                parse_nested(&part[open + 1..part.len() - 1])?,
            ),
            Some(_) => return Err(unbalanced(value)),
            None => (part, Vec::new()),
        };
        items.push(ExpandItem {
            name: name.trim().to_owned(),
            nested,
        });
    }
    Ok(items)
}

/// Options inside `name(...)`, separated by `;`. Only `$expand` nests here.
fn parse_nested(inner: &str) -> Result<Vec<ExpandItem>, GraphError> {
    let mut nested = Vec::new();
    for option in split_top_level(inner, ';')? {
        let option = option.trim();
        if option.is_empty() {
            continue;
        }
        match option.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("$expand") => {
                nested.extend(parse_expand(value)?)
            }
            _ => {
                return Err(GraphError::bad_request(format!(
                    "Parsing OData Select and Expand failed: the emulator supports only nested \
                     $expand, found '{option}'."
                )))
            }
        }
    }
    Ok(nested)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_lists() {
        let items = parse_expand("questions, customExtensionStageSettings($expand=customExtension),accessPackage($expand=catalog)").unwrap();
        let names: Vec<_> = items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            ["questions", "customExtensionStageSettings", "accessPackage"]
        );
        assert_eq!(items[1].nested[0].name, "customExtension");
        assert_eq!(items[2].nested[0].name, "catalog");
    }

    #[test]
    fn rejects_unbalanced_and_unsupported_nesting() {
        assert!(parse_expand("accessPackage($expand=catalog").is_err());
        assert!(parse_expand("accessPackage)").is_err());
        assert!(parse_expand("accessPackage($top=1)").is_err());
    }
}
