//! Command-line flags. Tests and other tools depend on these names.

use crate::auth::DEFAULT_AUDIENCES;
use crate::error::StartupError;
use crate::state::{AuthSettings, Settings};
use crate::tenant::TenantKind;
use clap::Parser;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "graph-emulator",
    version,
    about = "A local, Graph-faithful emulator of the Microsoft Graph v1.0 endpoints Policy Desk uses"
)]
pub struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on; 0 picks a free one (read the printed line).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Which deterministic tenant to serve.
    #[arg(long, value_enum, default_value_t = TenantKind::Sample)]
    pub tenant: TenantKind,
    /// Server-driven page size of list endpoints.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=999))]
    pub page_size: u32,
    /// Require bearer JWTs from this issuer (otherwise no token is needed).
    #[arg(long)]
    pub issuer: Option<String>,
    /// Where the issuer's JWKS lives; default `<issuer>/jwks`.
    #[arg(long, requires = "issuer")]
    pub jwks_uri: Option<String>,
    /// Extra CA certificate (PEM) to trust when fetching the JWKS over https.
    #[arg(long, requires = "issuer")]
    pub ca_cert: Option<PathBuf>,
    /// Accepted token audience; repeat for several. Defaults to Graph's two.
    #[arg(long = "audience")]
    pub audiences: Vec<String>,
    /// JSON Schema that POST/PUT assignment-policy bodies must satisfy.
    #[arg(long)]
    pub schema: Option<PathBuf>,
}

impl Cli {
    pub fn settings(&self) -> Result<Settings, StartupError> {
        let auth = match &self.issuer {
            None => None,
            Some(issuer) => Some(AuthSettings {
                issuer: issuer.clone(),
                jwks_uri: self
                    .jwks_uri
                    .clone()
                    .unwrap_or_else(|| format!("{}/jwks", issuer.trim_end_matches('/'))),
                audiences: if self.audiences.is_empty() {
                    DEFAULT_AUDIENCES.iter().map(|a| (*a).to_owned()).collect()
                } else {
                    self.audiences.clone()
                },
                ca_cert_pem: self.ca_cert.as_ref().map(read).transpose()?,
            }),
        };
        let schema = match &self.schema {
            None => None,
            Some(path) => Some(serde_json::from_slice(&read(path)?).map_err(|source| {
                StartupError::InvalidJson {
                    path: path.display().to_string(),
                    source,
                }
            })?),
        };
        Ok(Settings {
            tenant: self.tenant,
            page_size: self.page_size as usize,
            auth,
            schema,
        })
    }
}

fn read(path: &PathBuf) -> Result<Vec<u8>, StartupError> {
    std::fs::read(path).map_err(|source| StartupError::ReadFile {
        path: path.display().to_string(),
        source,
    })
}
