//! Shared state of a running emulator and how it is built from settings.

use crate::auth::{trusted_issuer_tls_config, Authenticator, JwksCache};
use crate::error::StartupError;
use crate::faults::FaultStore;
use crate::request_log::RequestLog;
use crate::tenant::{Tenant, TenantKind};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// Everything needed to start an emulator; the CLI fills it, tests too.
#[derive(Debug, Clone)]
pub struct Settings {
    pub tenant: TenantKind,
    pub page_size: usize,
    pub auth: Option<AuthSettings>,
    /// JSON Schema that POST/PUT bodies must satisfy, when given.
    pub schema: Option<serde_json::Value>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            tenant: TenantKind::Sample,
            page_size: 100,
            auth: None,
            schema: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AuthSettings {
    pub issuer: String,
    pub jwks_uri: String,
    pub audiences: Vec<String>,
    /// PEM bytes of an extra CA to trust for the JWKS fetch.
    pub ca_cert_pem: Option<Vec<u8>>,
}

#[derive(Clone)]
pub struct AppState {
    tenant: Arc<RwLock<Tenant>>,
    pub page_size: usize,
    pub authenticator: Option<Arc<Authenticator>>,
    pub schema: Option<Arc<jsonschema::Validator>>,
    pub log: RequestLog,
    pub faults: FaultStore,
}

impl AppState {
    pub fn new(settings: Settings) -> Result<Self, StartupError> {
        let authenticator = settings
            .auth
            .map(build_authenticator)
            .transpose()?
            .map(Arc::new);
        let schema = settings
            .schema
            .map(|schema| {
                jsonschema::validator_for(&schema).map_err(|e| StartupError::InvalidSchema {
                    path: "--schema".to_owned(),
                    message: e.to_string(),
                })
            })
            .transpose()?
            .map(Arc::new);
        Ok(Self {
            tenant: Arc::new(RwLock::new(Tenant::build(settings.tenant))),
            page_size: settings.page_size.max(1),
            authenticator,
            schema,
            log: RequestLog::default(),
            faults: FaultStore::default(),
        })
    }

    /// A poisoned lock only means another request panicked; the data is still usable.
    pub fn tenant(&self) -> RwLockReadGuard<'_, Tenant> {
        self.tenant
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn tenant_mut(&self) -> RwLockWriteGuard<'_, Tenant> {
        self.tenant
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn build_authenticator(settings: AuthSettings) -> Result<Authenticator, StartupError> {
    // A hung issuer must fail the request, not hang it.
    let mut client = reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(std::time::Duration::from_secs(10));
    if let Some(pem) = &settings.ca_cert_pem {
        // Pinned + rooted trust; see auth::trusted_issuer_tls for why not add_root_certificate.
        let tls =
            trusted_issuer_tls_config(pem).map_err(|source| StartupError::InvalidCertificate {
                path: "--ca-cert".to_owned(),
                source,
            })?;
        client = client.use_preconfigured_tls(tls);
    }
    let client = client.build().map_err(StartupError::HttpClient)?;
    Ok(Authenticator {
        issuer: settings.issuer,
        audiences: settings.audiences,
        jwks: JwksCache::new(settings.jwks_uri, client),
    })
}
