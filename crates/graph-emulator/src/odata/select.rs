//! `$select`: keep the named properties (plus `id` and `@odata.type`, which
//! Graph always returns for entities) and reject names the type lacks.

use crate::error::GraphError;
use serde_json::{Map, Value};

/// Fails like Graph when a selected property does not exist on the type.
pub fn validate(fields: &[String], known: &[String], type_name: &str) -> Result<(), GraphError> {
    for field in fields {
        if field != "*" && !known.iter().any(|k| k.eq_ignore_ascii_case(field)) {
            return Err(GraphError::bad_request(format!(
                "Parsing OData Select and Expand failed: Could not find a property named '{field}' \
                 on type '{type_name}'."
            )));
        }
    }
    Ok(())
}

/// Projects `item` onto `fields`; `extra` (expanded navigations) are kept too.
pub fn project(item: Value, fields: &[String], extra: &[String]) -> Value {
    if fields.iter().any(|f| f == "*") {
        return item;
    }
    let Value::Object(object) = item else {
        return item;
    };
    let keep = |key: &str| {
        key == "id"
            || key == "@odata.type"
            || fields
                .iter()
                .chain(extra)
                .any(|f| f.eq_ignore_ascii_case(key))
    };
    let projected: Map<String, Value> = object.into_iter().filter(|(k, _)| keep(k)).collect();
    Value::Object(projected)
}
