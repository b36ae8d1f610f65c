//! Explanations and next steps for the Graph errors administrators meet with
//! assignment policies (see graph-api-research.md §4 for where each was seen).

use super::GraphError;

/// Roles that may create and change assignment policies.
const READ_ROLES: &str = "Identity Governance Administrator, Global Reader, Security Reader, Security Administrator or Compliance Administrator (Microsoft Entra roles), or Catalog reader, Catalog creator, Catalog owner or Access package manager (entitlement management roles, which see their own catalogs only)";
const WRITE_ROLES: &str = "Identity Governance Administrator (a Microsoft Entra role), or Catalog owner or Access package manager on the access package's catalog";
/// Delegated permissions Policy Desk asks for.
const PERMISSIONS: &str = "the delegated permission EntitlementManagement.Read.All to read (EntitlementManagement.ReadWrite.All to create or change)";

/// The failures Policy Desk explains specifically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphErrorKind {
    /// 400 `InvalidModel`: the body does not match the v1.0 model.
    InvalidModel,
    /// 409 `DuplicateKey`: usually parallel creates.
    DuplicateKey,
    /// 403 (`UnAuthorized` and others): the signed-in user lacks a role or the app a permission.
    Forbidden,
    /// `AutoAssignmentPolicyRequirementNotMet`: auto-assignment needs a directory role.
    AutoAssignmentPolicyRequirementNotMet,
    /// `NoGovernanceSku`: the tenant lacks a Microsoft Entra ID Governance licence.
    NoGovernanceSku,
    /// 404: the policy (or the URL) does not exist.
    NotFound,
    /// 401 (`InvalidAuthenticationToken`): the token is missing, expired or for another resource.
    InvalidAuthenticationToken,
    /// 429: throttled.
    TooManyRequests,
    /// 503: temporarily unavailable.
    ServiceUnavailable,
    /// Anything else.
    Other,
}

impl GraphErrorKind {
    /// Codes first (they are more specific), then the status.
    pub fn classify(status: u16, code: &str) -> GraphErrorKind {
        let code = code.to_ascii_lowercase();
        match code.as_str() {
            "invalidmodel" => return GraphErrorKind::InvalidModel,
            "duplicatekey" => return GraphErrorKind::DuplicateKey,
            "autoassignmentpolicyrequirementnotmet" => {
                return GraphErrorKind::AutoAssignmentPolicyRequirementNotMet
            }
            "nogovernancesku" => return GraphErrorKind::NoGovernanceSku,
            "invalidauthenticationtoken" => return GraphErrorKind::InvalidAuthenticationToken,
            _ => {}
        }
        match status {
            401 => GraphErrorKind::InvalidAuthenticationToken,
            403 => GraphErrorKind::Forbidden,
            404 => GraphErrorKind::NotFound,
            409 => GraphErrorKind::DuplicateKey,
            429 => GraphErrorKind::TooManyRequests,
            503 => GraphErrorKind::ServiceUnavailable,
            _ => GraphErrorKind::Other,
        }
    }

    /// What went wrong, in plain English.
    pub fn explanation(self) -> &'static str {
        match self {
            GraphErrorKind::InvalidModel => "Microsoft Graph rejected the policy because its JSON does not match the v1.0 model: a member has the wrong type, a value is not allowed, or a beta-only member (such as canExtend or accessPackageId) was sent.",
            GraphErrorKind::DuplicateKey => "Microsoft Graph reported a duplicate entity. This usually happens when several policies are created for the same access package at the same time.",
            GraphErrorKind::Forbidden => "You are signed in, but you are not allowed to do this: your account lacks an entitlement management role for this catalog, or the app lacks the Graph permission.",
            GraphErrorKind::AutoAssignmentPolicyRequirementNotMet => "Only a Global Administrator or an Identity Governance Administrator can create or change an automatic assignment policy; catalog owners and access package managers cannot.",
            GraphErrorKind::NoGovernanceSku => "This feature needs a Microsoft Entra ID Governance licence, and the tenant does not have one.",
            GraphErrorKind::NotFound => "Microsoft Graph could not find the policy or the address. It may have been deleted, or the id is wrong.",
            GraphErrorKind::InvalidAuthenticationToken => "Microsoft Graph did not accept the sign-in token: it is missing, has expired, or was issued for another resource.",
            GraphErrorKind::TooManyRequests => "Microsoft Graph is throttling requests because too many were sent in a short time.",
            GraphErrorKind::ServiceUnavailable => "Microsoft Graph is temporarily unavailable.",
            GraphErrorKind::Other => "Microsoft Graph could not complete the request.",
        }
    }
}

pub(super) fn next_step(error: &GraphError) -> String {
    let wait = || match error.retry_after() {
        Some(delay) => format!("Wait {} seconds, then try again.", delay.as_secs().max(1)),
        None => "Wait a moment, then try again.".to_owned(),
    };
    match error.kind() {
        GraphErrorKind::InvalidModel => "Fix the problems the validator lists and try again. If it lists none, copy the request id and compare the JSON preview with the Graph v1.0 documentation for accessPackageAssignmentPolicy.".to_owned(),
        GraphErrorKind::DuplicateKey => "Reload the access package's policies to see whether the policy was created after all; if not, create it again, one policy at a time.".to_owned(),
        GraphErrorKind::Forbidden => format!("To list and read policies you need one of these roles: {READ_ROLES}. To create or change them: {WRITE_ROLES}. Policy Desk also needs {PERMISSIONS}, which an administrator may have to consent to."),
        GraphErrorKind::AutoAssignmentPolicyRequirementNotMet => "Ask an Identity Governance Administrator to create or change this automatic assignment policy, or use a request-based policy instead.".to_owned(),
        GraphErrorKind::NoGovernanceSku => "Ask your licensing administrator to add Microsoft Entra ID Governance (https://aka.ms/entra/identitygovernance), or remove the setting that needs it.".to_owned(),
        GraphErrorKind::NotFound => "Reload the list of policies. If you typed the address or id, check it; Policy Desk always uses /identityGovernance/entitlementManagement/assignmentPolicies because the nested access-package path answers 404.".to_owned(),
        GraphErrorKind::InvalidAuthenticationToken => "Sign in again. If it keeps happening, sign out and back in so a fresh token for Microsoft Graph is issued.".to_owned(),
        GraphErrorKind::TooManyRequests => wait(),
        GraphErrorKind::ServiceUnavailable => wait(),
        GraphErrorKind::Other => match error.request_id() {
            Some(request_id) => format!("Try again. If it keeps failing, give your administrator the request id {request_id}."),
            None => "Try again. If it keeps failing, contact your administrator with the time of the error.".to_owned(),
        },
    }
}
