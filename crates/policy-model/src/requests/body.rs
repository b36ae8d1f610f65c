//! Create and update bodies: the policy as JSON without the members Graph
//! owns.

use crate::model::READ_ONLY_MEMBERS;
use crate::AccessPackageAssignmentPolicy;
use serde_json::{Map, Value};

/// The POST body: the policy without read-only members and response-only
/// annotations, with `accessPackage` reduced to its `{"id"}` reference and
/// each custom extension to its `@odata.type` and `id`.
pub fn create_body(policy: &AccessPackageAssignmentPolicy) -> Result<Value, serde_json::Error> {
    let mut body = serde_json::to_value(policy)?;
    if let Some(members) = body.as_object_mut() {
        strip_server_members(members);
    }
    Ok(body)
}

/// The PUT body: the whole policy (PUT replaces it), shaped like
/// [`create_body`]; the id travels in the URL.
pub fn update_body(policy: &AccessPackageAssignmentPolicy) -> Result<Value, serde_json::Error> {
    create_body(policy)
}

fn strip_server_members(members: &mut Map<String, Value>) {
    for name in READ_ONLY_MEMBERS {
        members.remove(*name);
    }
    // `@odata.context` (and `accessPackage@odata.context`) describe a
    // response; they are not part of the resource.
    members.retain(|name, _| !name.ends_with("@odata.context"));
    // An expanded access package (name, catalog, policies …) is read-only
    // data; Graph needs only the reference.
    if let Some(package) = members.get_mut("accessPackage") {
        if let Some(package_members) = package.as_object_mut() {
            package_members.retain(|name, _| name == "id");
        }
    }
    if let Some(Value::Array(stages)) = members.get_mut("customExtensionStageSettings") {
        for stage in stages.iter_mut() {
            if let Some(Value::Object(extension)) = stage.get_mut("customExtension") {
                extension.retain(|name, _| name == "id" || name == "@odata.type");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn read_only_members_are_left_out() {
        let policy: AccessPackageAssignmentPolicy = serde_json::from_value(json!({
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#x/$entity",
            "id": "p1",
            "displayName": "Sales",
            "createdDateTime": "2020-12-18T20:18:02.587Z",
            "modifiedDateTime": "2020-12-18T20:18:02.65Z",
            "catalog": {"id": "c1", "displayName": "General"},
            "accessPackage": {"id": "a1", "displayName": "Sales tools", "catalog": {"id": "c1"}},
            "customExtensionStageSettings": [{
                "stage": "assignmentRequestCreated",
                "customExtension": {
                    "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
                    "id": "e1",
                    "displayName": "Notify"
                }
            }],
            "futureMember": {"kept": true}
        }))
        .unwrap();
        let body = create_body(&policy).unwrap();
        assert_eq!(
            body,
            json!({
                "displayName": "Sales",
                "accessPackage": {"id": "a1"},
                "customExtensionStageSettings": [{
                    "stage": "assignmentRequestCreated",
                    "customExtension": {
                        "@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension",
                        "id": "e1"
                    }
                }],
                "futureMember": {"kept": true}
            })
        );
    }
}
