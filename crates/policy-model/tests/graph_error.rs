//! Decoding Graph error responses (graph-api-research.md §4).

use policy_model::error::{GraphErrorKind, RetryAfter};
use policy_model::GraphError;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const INVALID_MODEL: &str = r#"{"error":{"code":"InvalidModel","message":"The model is invalid.","innerError":{"date":"2023-01-14T10:00:00","request-id":"11111111-2222-3333-4444-555555555555","client-request-id":"66666666-7777-8888-9999-000000000000"}}}"#;

#[test]
fn decodes_the_envelope() {
    let error = GraphError::from_response(400, None, INVALID_MODEL);
    assert_eq!(error.status(), 400);
    assert_eq!(error.code(), "InvalidModel");
    assert!(error.has_graph_code());
    assert_eq!(error.message(), "The model is invalid.");
    assert_eq!(
        error.request_id(),
        Some("11111111-2222-3333-4444-555555555555")
    );
    assert_eq!(
        error.client_request_id(),
        Some("66666666-7777-8888-9999-000000000000")
    );
    assert_eq!(error.date(), Some("2023-01-14T10:00:00"));
    assert_eq!(error.to_string(), "InvalidModel: The model is invalid.");
    assert_eq!(error.kind(), GraphErrorKind::InvalidModel);
    assert!(!error.is_retryable());
    assert!(error.next_step().contains("validator"));
}

#[test]
fn copes_with_empty_and_non_json_bodies() {
    let empty = GraphError::from_response(404, None, "");
    assert_eq!(empty.code(), "NotFound");
    assert!(!empty.has_graph_code());
    assert!(empty.message().contains("404"));
    assert_eq!(empty.kind(), GraphErrorKind::NotFound);

    let html = GraphError::from_response(502, None, "<html><body>Bad gateway</body></html>");
    assert_eq!(html.code(), "BadGateway");
    assert!(html.message().contains("502"));

    let plain = GraphError::from_response(500, None, "upstream reset");
    assert_eq!(plain.message(), "upstream reset");
    assert_eq!(plain.kind(), GraphErrorKind::Other);

    let wrong_shape = GraphError::from_response(400, None, r#"{"error":"nope"}"#);
    assert_eq!(wrong_shape.code(), "BadRequest");
}

#[test]
fn lowercase_innererror_is_read_too() {
    let body = r#"{"error":{"code":"x","message":"y","innererror":{"request-id":"r1"}}}"#;
    assert_eq!(
        GraphError::from_response(400, None, body).request_id(),
        Some("r1")
    );
}

#[test]
fn duplicate_key_conflict() {
    let body =
        r#"{"error":{"code":"DuplicateKey","message":"There is already a duplicated entity."}}"#;
    let error = GraphError::from_response(409, None, body);
    assert_eq!(error.kind(), GraphErrorKind::DuplicateKey);
    assert!(error.explanation().contains("at the same time"));
    assert!(error.next_step().contains("one policy at a time"));
}

#[test]
fn forbidden_names_roles_and_permission() {
    let body = r#"{"error":{"code":"UnAuthorized","message":"User is not authorized to perform the operation. Reason: Unauthorized"}}"#;
    let error = GraphError::from_response(403, None, body);
    assert_eq!(error.kind(), GraphErrorKind::Forbidden);
    let step = error.next_step();
    for needed in [
        "Identity Governance Administrator",
        "Catalog owner",
        "Access package manager",
        "EntitlementManagement.ReadWrite.All",
        "EntitlementManagement.Read.All",
    ] {
        assert!(step.contains(needed), "{needed} missing from {step}");
    }
}

#[test]
fn auto_assignment_and_licence_codes() {
    let auto = GraphError::from_response(
        403,
        None,
        r#"{"error":{"code":"AutoAssignmentPolicyRequirementNotMet","message":"Only a Global admin or Identity governance admin can set an auto assignment policy."}}"#,
    );
    assert_eq!(
        auto.kind(),
        GraphErrorKind::AutoAssignmentPolicyRequirementNotMet
    );
    assert!(auto
        .next_step()
        .contains("Identity Governance Administrator"));

    let sku = GraphError::from_response(
        400,
        None,
        r#"{"error":{"code":"NoGovernanceSku","message":"This feature requires a Microsoft Entra ID Governance subscription."}}"#,
    );
    assert_eq!(sku.kind(), GraphErrorKind::NoGovernanceSku);
    assert!(sku.explanation().contains("Governance licence"));
}

#[test]
fn unauthenticated_401() {
    let body = r#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}"#;
    let error = GraphError::from_response(401, None, body);
    assert_eq!(error.kind(), GraphErrorKind::InvalidAuthenticationToken);
    assert!(error.next_step().starts_with("Sign in again"));
    assert_eq!(
        GraphError::from_response(401, None, "").kind(),
        GraphErrorKind::InvalidAuthenticationToken
    );
}

#[test]
fn throttled_with_retry_after_seconds() {
    let body = r#"{"error":{"code":"TooManyRequests","message":"Too many requests."}}"#;
    let error = GraphError::from_response(429, Some("17"), body);
    assert!(error.is_retryable());
    assert_eq!(error.kind(), GraphErrorKind::TooManyRequests);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(17)));
    assert!(error.next_step().contains("17 seconds"));
    let fractional = GraphError::from_response(429, Some(" 1.5 "), body);
    assert_eq!(fractional.retry_after(), Some(Duration::from_millis(1500)));
}

#[test]
fn unavailable_with_retry_after_http_date() {
    let error = GraphError::from_response(503, Some("Wed, 21 Oct 2015 07:28:00 GMT"), "");
    assert!(error.is_retryable());
    assert_eq!(error.kind(), GraphErrorKind::ServiceUnavailable);
    let at = UNIX_EPOCH + Duration::from_secs(1_445_412_480);
    assert_eq!(error.retry_after_header(), Some(&RetryAfter::At(at)));
    let now = at - Duration::from_secs(90);
    assert_eq!(error.retry_after_from(now), Some(Duration::from_secs(90)));
    // A date already past means "now".
    assert_eq!(
        error.retry_after_from(at + Duration::from_secs(5)),
        Some(Duration::ZERO)
    );
    assert_eq!(
        error.retry_after_from(SystemTime::now()),
        Some(Duration::ZERO)
    );
}

#[test]
fn bad_retry_after_is_ignored() {
    for header in ["", "soon", "-5", "1.2.3"] {
        let error = GraphError::from_response(429, Some(header), "");
        assert_eq!(error.retry_after(), None, "{header:?}");
        assert!(error.next_step().contains("Wait a moment"));
    }
}

#[test]
fn not_found_explains_the_nested_path() {
    let body = r#"{"error":{"code":"","message":"No HTTP resource was found that matches the request URI"}}"#;
    let error = GraphError::from_response(404, None, body);
    assert_eq!(error.code(), "NotFound");
    assert_eq!(
        error.message(),
        "No HTTP resource was found that matches the request URI"
    );
    assert!(error.next_step().contains("404"));
}
