//! Names for the ids a policy refers to: users, groups and service principals in one
//! `POST /directoryObjects/getByIds` per 1,000 ids, connected organizations by id. Answers are
//! kept for the rest of the page's life, so going back and forth between policies does not ask
//! again. An id Graph does not return is a deleted (or hidden) object and is remembered as such.

use std::{cell::RefCell, collections::HashMap};

use policy_model::{
    detail::{
        requests::{
            connected_organization_url, get_by_ids, ConnectedOrganization, DirectoryObject,
        },
        PrincipalKind, PrincipalRef,
    },
    ODataPage,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{GraphClient, GraphClientError, TokenSource, WaitNotice};

/// What an id turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Found: its display name and a second line (sign-in name, mail, app id or state).
    Named {
        name: String,
        detail: Option<String>,
    },
    /// Graph does not return it: deleted, or not visible to the signed-in admin.
    Deleted,
}

thread_local! {
    /// (Graph base URL, object id) → what Graph said. One page load is one signed-in tenant.
    static CACHE: RefCell<HashMap<(String, String), Resolution>> = RefCell::new(HashMap::new());
}

/// What is already known about `principals`, without asking Graph.
pub fn cached_names(base_url: &str, principals: &[PrincipalRef]) -> HashMap<String, Resolution> {
    CACHE.with_borrow(|cache| {
        principals
            .iter()
            .filter_map(|p| {
                cache
                    .get(&(base_url.to_owned(), p.id.clone()))
                    .map(|r| (p.id.clone(), r.clone()))
            })
            .collect()
    })
}

/// The outcome of resolving: the names found (and the deleted), how many requests it took, and
/// the error when a look-up could not be made at all (e.g. 403 without `Directory.Read.All`),
/// in which case those ids stay unresolved rather than being called deleted.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub names: HashMap<String, Resolution>,
    pub requests: usize,
    pub failure: Option<GraphClientError>,
}

/// Resolves every principal not already cached: one `getByIds` per 1,000 directory ids and one
/// GET per connected organization.
pub async fn resolve_principals(
    client: &GraphClient,
    post: &ReadPost,
    principals: &[PrincipalRef],
) -> Resolved {
    let base = client.base_url().to_owned();
    let known = cached_names(&base, principals);
    let missing: Vec<PrincipalRef> = principals
        .iter()
        .filter(|p| !known.contains_key(&p.id))
        .cloned()
        .collect();
    let mut out = Resolved {
        names: known,
        ..Resolved::default()
    };
    for request in get_by_ids(&base, &missing) {
        out.requests += 1;
        let body = request.body.unwrap_or(Value::Null);
        match post
            .post_json::<ODataPage<DirectoryObject>>(&request.url, &body)
            .await
        {
            Ok(page) => {
                let mut found: HashMap<String, DirectoryObject> = page
                    .value
                    .into_iter()
                    .map(|object| (object.id.clone(), object))
                    .collect();
                for id in body["ids"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    let resolution = match found.remove(id) {
                        Some(object) => Resolution::Named {
                            detail: object.detail().map(str::to_owned),
                            name: object.display_name.unwrap_or_else(|| id.to_owned()),
                        },
                        None => Resolution::Deleted,
                    };
                    out.names.insert(id.to_owned(), resolution);
                }
            }
            Err(e) => {
                out.failure.get_or_insert(e);
            }
        }
    }
    for organization in missing
        .iter()
        .filter(|p| p.kind == PrincipalKind::ConnectedOrganization)
    {
        out.requests += 1;
        let url = connected_organization_url(&base, &organization.id);
        match client.get_json::<ConnectedOrganization>(&url).await {
            Ok(found) => {
                out.names.insert(
                    organization.id.clone(),
                    Resolution::Named {
                        name: found.display_name.unwrap_or_else(|| found.id.clone()),
                        detail: found.state,
                    },
                );
            }
            Err(GraphClientError::Graph(e)) if e.status() == 404 => {
                out.names
                    .insert(organization.id.clone(), Resolution::Deleted);
            }
            Err(e) => {
                out.failure.get_or_insert(e);
            }
        }
    }
    CACHE.with_borrow_mut(|cache| {
        for (id, resolution) in &out.names {
            cache.insert((base.clone(), id.clone()), resolution.clone());
        }
    });
    out
}

/// A POST that only reads (such as `getByIds`), so it is as safe to repeat as a GET: it goes
/// through [`GraphClient::post_read_json`], with the same token, throttling and renewal rules.
#[derive(Clone)]
pub struct ReadPost {
    client: GraphClient,
}

impl ReadPost {
    pub fn new(token: TokenSource, on_wait: Option<WaitNotice>) -> ReadPost {
        // The URLs it is given are absolute, so the client needs no base of its own.
        let client = GraphClient::new("", token);
        ReadPost {
            client: match on_wait {
                Some(notice) => client.with_wait_notice(notice),
                None => client,
            },
        }
    }

    pub async fn post_json<T: DeserializeOwned>(
        &self,
        url: &str,
        body: &Value,
    ) -> Result<T, GraphClientError> {
        self.client.post_read_json(url, body).await
    }
}
