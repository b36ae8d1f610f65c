//! The model covers the whole schema: policies generated from
//! `assignment-policy.schema.json` — every property of every type, every
//! derived `@odata.type`, every enum value — parse with nothing left
//! unrecognised and serialize back unchanged.

use policy_model::{AccessPackageAssignmentPolicy, FindUnknown};
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = "microsoft.graph.accessPackageAssignmentPolicy";

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/graph/assignment-policy.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Builds sample JSON from the schema. `pick` chooses which enum value and
/// which derived type fill single-valued slots, so a run of picks covers all.
struct Generator<'a> {
    defs: &'a Map<String, Value>,
    pick: usize,
    visited_types: RefCell<BTreeSet<String>>,
    emitted_enum_values: RefCell<BTreeSet<(String, String)>>,
}

impl Generator<'_> {
    fn reference(&self, reference: &str) -> Value {
        let name = reference.trim_start_matches("#/$defs/");
        let def = &self.defs[name];
        if let Some(values) = def.get("enum").and_then(Value::as_array) {
            let value = values[self.pick % values.len()].clone();
            self.emitted_enum_values
                .borrow_mut()
                .insert((name.to_owned(), value.as_str().unwrap().to_owned()));
            return value;
        }
        if name.ends_with("(polymorphic)") {
            let concrete = self.concrete_types(def);
            return self.tagged(&concrete[self.pick % concrete.len()]);
        }
        self.object(name)
    }

    fn concrete_types(&self, polymorphic: &Value) -> Vec<String> {
        polymorphic["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|branch| {
                branch["then"]["$ref"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("#/$defs/")
                    .to_owned()
            })
            .filter(|name| {
                !self.defs[name]["$comment"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("(Abstract)")
            })
            .collect()
    }

    fn tagged(&self, name: &str) -> Value {
        let mut object = self.object(name);
        object
            .as_object_mut()
            .unwrap()
            .insert("@odata.type".into(), json!(format!("#{name}")));
        object
    }

    fn object(&self, name: &str) -> Value {
        self.visited_types.borrow_mut().insert(name.to_owned());
        let mut object = Map::new();
        for (member, schema) in self.defs[name]["properties"].as_object().unwrap() {
            if member != "@odata.type" {
                object.insert(member.clone(), self.value(schema));
            }
        }
        Value::Object(object)
    }

    fn value(&self, schema: &Value) -> Value {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            return self.reference(reference);
        }
        if let Some(alternatives) = schema.get("anyOf").and_then(Value::as_array) {
            let chosen = alternatives
                .iter()
                .find(|alternative| alternative.get("type") != Some(&json!("null")))
                .unwrap();
            return self.value(chosen);
        }
        let kind = match &schema["type"] {
            Value::Array(kinds) => kinds
                .iter()
                .find(|kind| *kind != "null")
                .unwrap()
                .as_str()
                .unwrap(),
            kind => kind.as_str().unwrap_or("object"),
        };
        match kind {
            "array" => self.array(&schema["items"]),
            "string" => match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2026-01-02T03:04:05Z"),
                Some("duration") => json!("P14D"),
                Some("date") => json!("2026-01-02"),
                _ => json!("text"),
            },
            "integer" => json!(1),
            "boolean" => json!(true),
            _ => json!({}),
        }
    }

    /// Arrays of a union hold one element of every concrete type.
    fn array(&self, items: &Value) -> Value {
        let reference = items
            .get("$ref")
            .or_else(|| {
                items
                    .get("anyOf")
                    .and_then(|alternatives| alternatives[0].get("$ref"))
            })
            .and_then(Value::as_str);
        if let Some(name) = reference.map(|reference| reference.trim_start_matches("#/$defs/")) {
            if name.ends_with("(polymorphic)") {
                let concrete = self.concrete_types(&self.defs[name]);
                return concrete.iter().map(|name| self.tagged(name)).collect();
            }
        }
        json!([self.value(items)])
    }
}

#[test]
fn generated_policies_cover_every_type_member_and_enum_value() {
    let schema = schema();
    let defs = schema["$defs"].as_object().unwrap();
    let generator = Generator {
        defs,
        pick: 0,
        visited_types: RefCell::new(BTreeSet::new()),
        emitted_enum_values: RefCell::new(BTreeSet::new()),
    };
    let mut generator = generator;
    for pick in 0..12 {
        generator.pick = pick;
        let body = generator.object(ROOT);
        assert_eq!(
            body["questions"].as_array().unwrap().len(),
            2,
            "both question kinds"
        );
        assert_eq!(
            body["specificAllowedTargets"].as_array().unwrap().len(),
            14,
            "every subject set kind"
        );
        let policy: AccessPackageAssignmentPolicy = serde_json::from_value(body.clone())
            .unwrap_or_else(|error| panic!("pick {pick}: {error}\n{body:#}"));
        assert_eq!(
            policy.unknown_parts(),
            vec![],
            "pick {pick}: model lacks members"
        );
        assert_eq!(
            serde_json::to_value(&policy).unwrap(),
            body,
            "pick {pick}: round trip changed the body"
        );
    }

    // Every enum value of the schema was emitted and understood.
    let enums: Vec<(&String, &Value)> = defs
        .iter()
        .filter(|(_, def)| def.get("enum").is_some())
        .collect();
    assert_eq!(enums.len(), 11);
    for (name, def) in enums {
        for value in def["enum"].as_array().unwrap() {
            let key = (name.clone(), value.as_str().unwrap().to_owned());
            assert!(
                generator.emitted_enum_values.borrow().contains(&key),
                "{key:?} never generated"
            );
        }
    }

    // Every type was generated, except abstract ones (their members are
    // generated through the derived types).
    let types: Vec<&String> = defs
        .iter()
        .filter(|(name, def)| {
            def.get("enum").is_none()
                && !name.ends_with("(polymorphic)")
                && !name.starts_with("collectionResponse")
        })
        .map(|(name, _)| name)
        .collect();
    assert_eq!(types.len(), 60);
    for name in types {
        let is_abstract = defs[name]["$comment"]
            .as_str()
            .unwrap_or_default()
            .contains("(Abstract)");
        assert!(
            is_abstract || generator.visited_types.borrow().contains(name),
            "{name} never generated"
        );
    }
}

#[test]
fn collection_response_reads_as_an_odata_page() {
    let body = json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/assignmentPolicies",
        "@odata.count": 2,
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies?$skiptoken=x",
        "value": [{"id": "a"}, {"id": "b", "displayName": "B"}]
    });
    let page: policy_model::ODataPage<AccessPackageAssignmentPolicy> =
        serde_json::from_value(body.clone()).unwrap();
    assert_eq!(page.count, Some(2));
    assert_eq!(serde_json::to_value(&page).unwrap(), body);
}
