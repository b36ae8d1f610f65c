//! Reading assignment policies: every page, streamed to the caller as it arrives.

use policy_model::{
    requests::{access_packages_with_policies_url, list_policies_url, ListPoliciesOptions},
    AccessPackage, AccessPackageAssignmentPolicy, Nullable, ODataPage,
};

use serde::de::DeserializeOwned;

use super::{GraphClient, GraphClientError};

/// Where the policies came from, which the page tells the admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSource {
    /// `assignmentPolicies`: every policy the caller's directory role can read.
    TenantWide,
    /// `accessPackages?$expand=assignmentPolicies`: a catalog owner's or access package manager's
    /// own packages, after the tenant-wide list answered 403.
    PerAccessPackage,
}

/// Follows `@odata.nextLink` (a whole URL, used as given) until the last page, handing each page to
/// `on_page` with whether more are coming. One request per page, never one per row.
///
/// A 403 on the first page means the admin's role is scoped to catalogs or packages; Graph
/// documents `accessPackages?$expand=assignmentPolicies` for them, so that is tried next.
pub async fn list_all_policies(
    client: &GraphClient,
    mut on_page: impl FnMut(Vec<AccessPackageAssignmentPolicy>, bool),
) -> Result<ListSource, GraphClientError> {
    let first = list_policies_url(client.base_url(), &ListPoliciesOptions::default());
    // Only a 403 on the very first page means "your role cannot list tenant-wide"; later pages
    // failing must not start the list over (it would show the first pages twice).
    let mut delivered_any = false;
    let tenant_wide = follow_pages(client, first, |page, more| {
        delivered_any = true;
        on_page(page, more)
    })
    .await;
    match tenant_wide {
        Err(GraphClientError::Graph(e)) if e.status() == 403 && !delivered_any => {
            let by_package = access_packages_with_policies_url(client.base_url());
            follow_pages(client, by_package, |packages: Vec<AccessPackage>, more| {
                on_page(
                    packages
                        .into_iter()
                        .flat_map(policies_with_their_package)
                        .collect(),
                    more,
                )
            })
            .await
            // Neither list works: the tenant-wide error names the roles that can read it.
            .map_err(|fallback| match fallback {
                GraphClientError::Graph(f) if f.status() == 403 => GraphClientError::Graph(e),
                other => other,
            })?;
            Ok(ListSource::PerAccessPackage)
        }
        other => other.map(|()| ListSource::TenantWide),
    }
}

async fn follow_pages<T: DeserializeOwned>(
    client: &GraphClient,
    first: String,
    mut each: impl FnMut(Vec<T>, bool),
) -> Result<(), GraphClientError> {
    let mut url = Some(first);
    while let Some(current) = url {
        let page: ODataPage<T> = client.get_json(&current).await?;
        url = page.next_link;
        each(page.value, url.is_some());
    }
    Ok(())
}

/// Policies expanded under a package do not repeat the package; put a reference to it (with its
/// name and catalog) on each, so rows look the same as from the tenant-wide list.
fn policies_with_their_package(mut package: AccessPackage) -> Vec<AccessPackageAssignmentPolicy> {
    let policies = std::mem::take(&mut package.assignment_policies)
        .into_option()
        .unwrap_or_default();
    let reference = AccessPackage {
        id: package.id,
        display_name: package.display_name,
        catalog: package.catalog,
        ..Default::default()
    };
    policies
        .into_iter()
        .map(|mut policy| {
            if !matches!(policy.access_package, Nullable::Value(_)) {
                policy.access_package = Nullable::Value(reference.clone());
            }
            policy
        })
        .collect()
}
