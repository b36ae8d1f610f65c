//! The HTTP surface: Graph routes behind the token gate, `/_emulator/*`
//! controls outside it, and the cross-cutting layers in the order Graph's
//! behaviour needs (ids and envelope outermost, then the log, CORS, faults).

mod control;
mod directory;
mod entitlement;
pub mod listing;
mod policies;
mod policy_validation;
mod views;

pub use policies::COLLECTION_PATH as POLICIES_PATH;

use crate::auth::require_token;
use crate::cors::graph_cors;
use crate::error::GraphError;
use crate::request_context::request_context;
use crate::state::AppState;
use crate::{faults, request_log};
use axum::http::{StatusCode, Uri};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;

const EM: &str = "/v1.0/identityGovernance/entitlementManagement";

pub fn router(state: AppState) -> Router {
    let graph = Router::new()
        .route(
            &format!("{EM}/assignmentPolicies"),
            get(policies::list).post(policies::create),
        )
        .route(
            &format!("{EM}/assignmentPolicies/{{id}}"),
            get(policies::get_one)
                .put(policies::replace)
                .delete(policies::delete),
        )
        .route(
            &format!("{EM}/accessPackages"),
            get(entitlement::list_access_packages),
        )
        .route(
            &format!("{EM}/accessPackages/{{id}}"),
            get(entitlement::get_access_package),
        )
        .route(&format!("{EM}/catalogs"), get(entitlement::list_catalogs))
        .route(
            &format!("{EM}/catalogs/{{id}}"),
            get(entitlement::get_catalog),
        )
        .route(
            &format!("{EM}/catalogs/{{id}}/customWorkflowExtensions"),
            get(entitlement::list_custom_workflow_extensions),
        )
        .route(
            &format!("{EM}/catalogs/{{catalog}}/customWorkflowExtensions/{{id}}"),
            get(entitlement::get_custom_workflow_extension),
        )
        .route(
            &format!("{EM}/connectedOrganizations"),
            get(entitlement::list_connected_organizations),
        )
        .route(
            &format!("{EM}/connectedOrganizations/{{id}}"),
            get(entitlement::get_connected_organization),
        )
        .route("/v1.0/users", get(directory::list_users))
        .route("/v1.0/users/{id}", get(directory::get_user))
        .route("/v1.0/groups", get(directory::list_groups))
        .route("/v1.0/groups/{id}", get(directory::get_group))
        .route(
            "/v1.0/servicePrincipals",
            get(directory::list_service_principals),
        )
        .route(
            "/v1.0/servicePrincipals/{id}",
            get(directory::get_service_principal),
        )
        .route(
            "/v1.0/directoryObjects/getByIds",
            post(directory::get_by_ids),
        )
        .route_layer(from_fn_with_state(state.clone(), require_token));

    let control = Router::new()
        .route("/_emulator/tenant", get(control::tenant))
        .route(
            "/_emulator/requests",
            get(control::requests).delete(control::clear_requests),
        )
        .route(
            "/_emulator/faults",
            get(control::faults)
                .post(control::add_fault)
                .delete(control::clear_faults),
        );

    Router::new()
        .merge(graph)
        .merge(control)
        .fallback(unknown_resource)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.faults.clone(), faults::inject))
        .layer(graph_cors())
        .layer(from_fn_with_state(state.log.clone(), request_log::record))
        .layer(from_fn(request_context))
        .with_state(state)
}

/// Graph names the first path segment it could not resolve.
async fn unknown_resource(uri: Uri) -> GraphError {
    match uri.path().strip_prefix("/v1.0/") {
        Some(rest) => {
            let segment = rest.rsplit('/').find(|s| !s.is_empty()).unwrap_or(rest);
            GraphError::bad_request(format!("Resource not found for the segment '{segment}'."))
        }
        None => GraphError::new(
            StatusCode::NOT_FOUND,
            "NotFound",
            format!(
                "The emulator serves /v1.0/... and /_emulator/...; '{}' is neither.",
                uri.path()
            ),
        ),
    }
}

async fn method_not_allowed() -> GraphError {
    GraphError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target.",
    )
}
