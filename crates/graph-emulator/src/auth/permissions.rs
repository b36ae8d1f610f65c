//! Which delegated scopes (or application roles) each Graph area needs, and
//! the 403 each area answers with when they are missing.

use crate::error::GraphError;
use axum::http::{Method, StatusCode};

pub struct Requirement {
    /// Any one of these grants access.
    pub accepted: &'static [&'static str],
    pub entitlement_management: bool,
}

const EM_READ: &[&str] = &[
    "EntitlementManagement.Read.All",
    "EntitlementManagement.ReadWrite.All",
];
const EM_WRITE: &[&str] = &["EntitlementManagement.ReadWrite.All"];
const DIRECTORY: &[&str] = &[
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
const USERS: &[&str] = &[
    "User.ReadBasic.All",
    "User.Read.All",
    "User.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
const GROUPS: &[&str] = &[
    "GroupMember.Read.All",
    "Group.Read.All",
    "Group.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];
const APPLICATIONS: &[&str] = &[
    "Application.Read.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Directory.AccessAsUser.All",
];

/// `path` is the request path starting with `/v1.0/`.
pub fn requirement(method: &Method, path: &str) -> Requirement {
    let lower = path.to_ascii_lowercase();
    let area = |accepted| Requirement {
        accepted,
        entitlement_management: false,
    };
    if lower.starts_with("/v1.0/identitygovernance/") {
        let read = method == Method::GET || method == Method::HEAD;
        Requirement {
            accepted: if read { EM_READ } else { EM_WRITE },
            entitlement_management: true,
        }
    } else if lower.starts_with("/v1.0/users") {
        area(USERS)
    } else if lower.starts_with("/v1.0/groups") {
        area(GROUPS)
    } else if lower.starts_with("/v1.0/serviceprincipals") {
        area(APPLICATIONS)
    } else {
        area(DIRECTORY)
    }
}

impl Requirement {
    pub fn is_met_by(&self, granted: &[String]) -> bool {
        granted
            .iter()
            .any(|g| self.accepted.iter().any(|a| a.eq_ignore_ascii_case(g)))
    }

    pub fn denied(&self) -> GraphError {
        if self.entitlement_management {
            GraphError::new(
                StatusCode::FORBIDDEN,
                "UnAuthorized",
                "User is not authorized to perform the operation. Reason: Unauthorized",
            )
        } else {
            GraphError::new(
                StatusCode::FORBIDDEN,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.",
            )
        }
    }
}
