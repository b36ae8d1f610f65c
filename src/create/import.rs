//! Import JSON: a pasted (or loaded) policy body fills the form. A body copied from a GET (the
//! detail page's JSON) works too: what Graph owns (`id`, dates, `catalog`, `@odata.context`, the
//! expanded package) is dropped and named; everything else, unknown members included, is kept.

use std::fmt;

use policy_model::{requests::create_body, AccessPackageAssignmentPolicy, READ_ONLY_MEMBERS};
use serde_json::Value;

use super::{Label, PolicyDraft};

/// A successful import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub draft: PolicyDraft,
    /// Members left out because Graph sets them (e.g. `id`, `createdDateTime`).
    pub dropped: Vec<String>,
}

/// Why the text is not a policy, said so the admin can find the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    /// Not JSON: where the parser stopped.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not an object.
    NotAnObject {
        found: &'static str,
    },
    /// A member has the wrong type (e.g. `"true"` for a boolean): its path and the reason.
    Member {
        path: String,
        message: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "Paste a policy's JSON first."),
            Self::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "Not valid JSON at line {line}, column {column}: {message}."
            ),
            Self::NotAnObject { found } => write!(
                f,
                "Expected a policy object ({{ \"displayName\": … }}) but found {found}."
            ),
            Self::Member { path, message } => {
                if path.is_empty() {
                    write!(f, "The policy could not be read: {message}.")
                } else {
                    write!(f, "{path}: {message}.")
                }
            }
        }
    }
}

/// Reads a policy body (or a policy as Graph returns it) into a draft.
pub fn import_policy(text: &str) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    import_value(value)
}

/// [`import_policy`] of JSON already read.
fn import_value(value: Value) -> Result<Imported, ImportError> {
    let Value::Object(members) = &value else {
        return Err(ImportError::NotAnObject {
            found: kind_of(&value),
        });
    };
    let mut dropped: Vec<String> = members
        .keys()
        .filter(|name| {
            READ_ONLY_MEMBERS.contains(&name.as_str()) || name.ends_with("@odata.context")
        })
        .cloned()
        .collect();
    let package_label = value
        .get("accessPackage")
        .and_then(|package| package.get("displayName"))
        .and_then(Value::as_str)
        .map(|name| Label {
            name: name.to_owned(),
            detail: value
                .pointer("/accessPackage/catalog/displayName")
                .and_then(Value::as_str)
                .map(str::to_owned),
        });
    if value
        .get("accessPackage")
        .and_then(Value::as_object)
        .is_some_and(|package| package.keys().any(|name| name != "id"))
    {
        dropped.push("accessPackage (all but its id)".to_owned());
    }
    let policy = parse(&value).map_err(|message| ImportError::Member {
        path: locate_error(&value),
        message,
    })?;
    // The draft holds what will be sent: the same reduction the POST body gets.
    let body = create_body(&policy).map_err(|e| ImportError::Member {
        path: String::new(),
        message: e.to_string(),
    })?;
    let policy = parse(&body).map_err(|message| ImportError::Member {
        path: String::new(),
        message,
    })?;
    let mut draft = PolicyDraft::from_policy(policy);
    if let (Some(id), Some(label)) = (draft.access_package_id().map(str::to_owned), package_label) {
        draft.labels.insert(id, label);
    }
    Ok(Imported { draft, dropped })
}

/// A new policy made from an existing one (its JSON as Graph returns it, as the detail page
/// reads it): imported like any GET answer, named "… (copy)" so the two are told apart in lists
/// and by the check after an interrupted create, and without the ids of its questions and custom
/// extension settings, which belong to the original. Custom extensions keep their names.
pub fn copy_policy(mut value: Value) -> Result<Imported, ImportError> {
    let mut extension_labels = Vec::new();
    if let Some(members) = value.as_object_mut() {
        for list in ["questions", "customExtensionStageSettings"] {
            if let Some(Value::Array(items)) = members.get_mut(list) {
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    item.remove("id");
                    let extension = item.get("customExtension");
                    let id = extension.and_then(|e| e.get("id")).and_then(Value::as_str);
                    let name = extension
                        .and_then(|e| e.get("displayName"))
                        .and_then(Value::as_str);
                    if let (Some(id), Some(name)) = (id, name) {
                        let detail = extension
                            .and_then(|e| e.get("description"))
                            .and_then(Value::as_str)
                            .filter(|d| !d.is_empty())
                            .map(str::to_owned);
                        extension_labels.push((
                            id.to_owned(),
                            Label {
                                name: name.to_owned(),
                                detail,
                            },
                        ));
                    }
                }
            }
        }
        let name = members
            .get("displayName")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_owned();
        members.insert(
            "displayName".to_owned(),
            Value::String(format!("{name} (copy)").trim_start().to_owned()),
        );
    }
    let mut imported = import_value(value)?;
    imported.draft.labels.extend(extension_labels);
    Ok(imported)
}

fn parse(value: &Value) -> Result<AccessPackageAssignmentPolicy, String> {
    serde_json::from_value(value.clone()).map_err(|e| e.to_string())
}

/// serde_json appends " at line 1 column 2" to syntax errors; the position is given separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[derive(Clone)]
enum Step {
    Member(String),
    Index(usize),
}

/// The path of the smallest part whose removal makes the policy readable: every member is
/// optional and every list may be shorter, so removing a part never adds an error, and the part
/// that fixes it is where the wrong type is.
fn locate_error(root: &Value) -> String {
    let mut path: Vec<Step> = Vec::new();
    while let Some(node) = get(root, &path) {
        let children: Vec<Step> = match node {
            Value::Object(members) => members.keys().cloned().map(Step::Member).collect(),
            Value::Array(items) => (0..items.len()).map(Step::Index).collect(),
            _ => Vec::new(),
        };
        let fixing = children.into_iter().find(|child| {
            let mut candidate = root.clone();
            let mut child_path = path.clone();
            child_path.push(child.clone());
            remove(&mut candidate, &child_path);
            parse(&candidate).is_ok()
        });
        match fixing {
            Some(child) => path.push(child),
            None => break,
        }
    }
    let mut text = String::new();
    for step in &path {
        match step {
            Step::Member(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

fn get<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(root, |node, step| match step {
        Step::Member(name) => node.get(name),
        Step::Index(index) => node.get(index),
    })
}

fn remove(root: &mut Value, path: &[Step]) {
    let Some((last, parent_path)) = path.split_last() else {
        return;
    };
    let mut node = root;
    for step in parent_path {
        let next = match step {
            Step::Member(name) => node.get_mut(name),
            Step::Index(index) => node.get_mut(*index),
        };
        match next {
            Some(next) => node = next,
            None => return,
        }
    }
    match (last, node) {
        (Step::Member(name), Value::Object(members)) => {
            members.remove(name);
        }
        (Step::Index(index), Value::Array(items)) if *index < items.len() => {
            items.remove(*index);
        }
        _ => {}
    }
}
