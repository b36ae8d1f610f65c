//! `/v1.0/users`, `/groups`, `/servicePrincipals` and
//! `/directoryObjects/getByIds`: what a principal picker needs, with the
//! directory's rules (advanced queries need `ConsistencyLevel: eventual`,
//! users come back with Graph's default property set unless `$select`ed).

use super::listing::{
    base_url, collection_body, known_properties, page, parse_json_body, parse_query,
};
use crate::error::GraphError;
use crate::odata::select::{project, validate as validate_select};
use crate::odata::QueryOptions;
use crate::state::AppState;
use crate::tenant::find_by_id;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::Json;
use serde_json::{json, Value};

const LIST_OPTIONS: &[&str] = &[
    "$top",
    "$skiptoken",
    "$filter",
    "$select",
    "$search",
    "$count",
    "$orderby",
];
const ITEM_OPTIONS: &[&str] = &["$select"];

/// Properties Graph returns for a user when no `$select` is given.
const USER_DEFAULT_PROPERTIES: &[&str] = &[
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
];

#[derive(Clone, Copy)]
pub enum Kind {
    User,
    Group,
    ServicePrincipal,
}

impl Kind {
    fn entity_set(self) -> &'static str {
        match self {
            Kind::User => "users",
            Kind::Group => "groups",
            Kind::ServicePrincipal => "servicePrincipals",
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            Kind::User => "microsoft.graph.user",
            Kind::Group => "microsoft.graph.group",
            Kind::ServicePrincipal => "microsoft.graph.servicePrincipal",
        }
    }

    fn items(self, state: &AppState) -> Vec<Value> {
        let tenant = state.tenant();
        match self {
            Kind::User => tenant.users.clone(),
            Kind::Group => tenant.groups.clone(),
            Kind::ServicePrincipal => tenant.service_principals.clone(),
        }
    }

    /// Graph's default projection, or the `$select`ed one.
    fn shape(self, item: &Value, select: Option<&Vec<String>>) -> Value {
        match (select, self) {
            (Some(fields), _) => project(item.clone(), fields, &[]),
            (None, Kind::User) => {
                let fields: Vec<String> = USER_DEFAULT_PROPERTIES
                    .iter()
                    .map(|s| (*s).to_owned())
                    .collect();
                project(item.clone(), &fields, &[])
            }
            (None, _) => item.clone(),
        }
    }
}

fn is_eventual(headers: &HeaderMap) -> bool {
    headers
        .get("consistencylevel")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("eventual"))
}

fn requires_eventual(options: &QueryOptions, headers: &HeaderMap) -> Result<(), GraphError> {
    if options.search.is_some() && !is_eventual(headers) {
        return Err(GraphError::new(
            StatusCode::BAD_REQUEST,
            "Request_UnsupportedQuery",
            "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        ));
    }
    if options.count && !is_eventual(headers) {
        return Err(GraphError::new(
            StatusCode::BAD_REQUEST,
            "Request_BadRequest",
            "$count is not currently supported.",
        ));
    }
    Ok(())
}

pub async fn list(
    kind: Kind,
    state: AppState,
    headers: HeaderMap,
    uri: Uri,
    raw: Option<String>,
) -> Result<Json<Value>, GraphError> {
    let items = kind.items(&state);
    let options = parse_query(raw.as_deref(), LIST_OPTIONS)?;
    requires_eventual(&options, &headers)?;
    if let Some(fields) = &options.select {
        validate_select(fields, &known_properties(&items, &[]), kind.type_name())?;
    }
    let page = page(&items, &options, state.page_size);
    let values = page
        .items
        .iter()
        .map(|item| kind.shape(item, options.select.as_ref()))
        .collect();
    Ok(Json(collection_body(
        &headers,
        uri.path(),
        kind.entity_set(),
        &options,
        values,
        &page,
    )))
}

pub async fn get_one(
    kind: Kind,
    state: AppState,
    id: String,
    headers: HeaderMap,
    raw: Option<String>,
) -> Result<Json<Value>, GraphError> {
    let items = kind.items(&state);
    let options = parse_query(raw.as_deref(), ITEM_OPTIONS)?;
    if let Some(fields) = &options.select {
        validate_select(fields, &known_properties(&items, &[]), kind.type_name())?;
    }
    // Users can also be addressed by userPrincipalName, as in Graph.
    let item = find_by_id(&items, &id)
        .or_else(|| {
            items.iter().find(|u| {
                u["userPrincipalName"]
                    .as_str()
                    .is_some_and(|upn| upn.eq_ignore_ascii_case(&id))
            })
        })
        .ok_or_else(|| GraphError::directory_not_found(&id))?;
    let mut body = kind.shape(item, options.select.as_ref());
    body["@odata.context"] = json!(format!(
        "{}/v1.0/$metadata#{}/$entity",
        base_url(&headers),
        kind.entity_set()
    ));
    Ok(Json(body))
}

macro_rules! directory_handlers {
    ($list:ident, $get:ident, $kind:expr) => {
        pub async fn $list(
            State(state): State<AppState>,
            headers: HeaderMap,
            uri: Uri,
            RawQuery(raw): RawQuery,
        ) -> Result<Json<Value>, GraphError> {
            list($kind, state, headers, uri, raw).await
        }
        pub async fn $get(
            State(state): State<AppState>,
            Path(id): Path<String>,
            headers: HeaderMap,
            RawQuery(raw): RawQuery,
        ) -> Result<Json<Value>, GraphError> {
            get_one($kind, state, id, headers, raw).await
        }
    };
}

directory_handlers!(list_users, get_user, Kind::User);
directory_handlers!(list_groups, get_group, Kind::Group);
directory_handlers!(
    list_service_principals,
    get_service_principal,
    Kind::ServicePrincipal
);

/// `POST /v1.0/directoryObjects/getByIds` with `{"ids": [...], "types": [...]}`.
pub async fn get_by_ids(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, GraphError> {
    let body = parse_json_body(&body)?;
    let ids: Vec<&str> = body["ids"]
        .as_array()
        .map(|ids| ids.iter().filter_map(Value::as_str).collect())
        .filter(|ids: &Vec<&str>| !ids.is_empty())
        .ok_or_else(|| {
            GraphError::new(
                StatusCode::BAD_REQUEST,
                "Request_BadRequest",
                "Invalid value specified for property 'ids' of resource 'directoryObject'.",
            )
        })?;
    let types: Vec<String> = body["types"]
        .as_array()
        .map(|t| {
            t.iter()
                .filter_map(Value::as_str)
                .map(str::to_ascii_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let wanted =
        |name: &str| types.is_empty() || types.iter().any(|t| t == &name.to_ascii_lowercase());
    let mut values = Vec::new();
    for id in ids {
        for kind in [Kind::User, Kind::Group, Kind::ServicePrincipal] {
            let type_name = kind.type_name().trim_start_matches("microsoft.graph.");
            if !wanted(type_name) {
                continue;
            }
            if let Some(item) = find_by_id(&kind.items(&state), id) {
                let mut shaped = json!({ "@odata.type": format!("#{}", kind.type_name()) });
                if let (Some(target), Value::Object(source)) =
                    (shaped.as_object_mut(), kind.shape(item, None))
                {
                    target.extend(source);
                }
                values.push(shaped);
            }
        }
    }
    Ok(Json(json!({
        "@odata.context": format!("{}/v1.0/$metadata#directoryObjects", base_url(&headers)),
        "value": values,
    })))
}
