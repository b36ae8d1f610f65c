//! Reading assignment policies: every page, streamed to the caller as it arrives.

use policy_model::{
    requests::{list_policies_url, ListPoliciesOptions},
    AccessPackageAssignmentPolicy, ODataPage,
};

use super::{GraphClient, GraphClientError};

/// Follows `@odata.nextLink` (a whole URL, used as given) until the last page, handing each page to
/// `on_page` with whether more are coming. One request per page, never one per row.
pub async fn list_all_policies(
    client: &GraphClient,
    mut on_page: impl FnMut(Vec<AccessPackageAssignmentPolicy>, bool),
) -> Result<(), GraphClientError> {
    let mut url = Some(list_policies_url(
        client.base_url(),
        &ListPoliciesOptions::default(),
    ));
    while let Some(current) = url {
        let page: ODataPage<AccessPackageAssignmentPolicy> = client.get_json(&current).await?;
        url = page.next_link;
        on_page(page.value, url.is_some());
    }
    Ok(())
}
