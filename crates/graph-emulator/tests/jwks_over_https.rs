//! `--ca-cert`: fetching the JWKS over https from a loopback issuer whose
//! self-signed certificate is made like the e2e OIDC provider's (CA:TRUE,
//! SANs localhost and 127.0.0.1).

mod common;

use common::*;
use graph_emulator::{AuthSettings, Settings};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::json;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::ServerConfig;

const CERT: &[u8] = include_bytes!("fixtures/tls-cert.pem");
const KEY: &[u8] = include_bytes!("fixtures/tls-key.pem");
const JWKS: &str = include_str!("fixtures/jwks.json");

/// A minimal https server answering every request with the JWKS.
async fn start_https_issuer() -> u16 {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(CERT)
        .collect::<Result<_, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(KEY).unwrap();
    // ring without post-quantum groups is fine for a loopback test server.
    #[allow(deprecated)]
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A failed handshake (an untrusting client) is the point of some tests.
                let Ok(mut tls) = acceptor.accept(stream).await else {
                    return;
                };
                let mut request = Vec::new();
                let mut buffer = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match tls.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{JWKS}",
                    JWKS.len()
                );
                let _ = tls.write_all(response.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    port
}

fn token(issuer: &str) -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"iss": issuer, "aud": "https://graph.microsoft.com", "scp": "EntitlementManagement.Read.All", "exp": now + 600, "nbf": now - 60});
    let header = Header {
        kid: Some("test-signing-key".into()),
        ..Header::new(Algorithm::RS256)
    };
    encode(
        &header,
        &claims,
        &EncodingKey::from_rsa_pem(include_bytes!("fixtures/signing-key.pem")).unwrap(),
    )
    .unwrap()
}

fn emulator(issuer: &str, ca_cert_pem: Option<Vec<u8>>) -> axum::Router {
    app(Settings {
        auth: Some(AuthSettings {
            issuer: issuer.to_owned(),
            jwks_uri: format!("{issuer}/jwks"),
            audiences: vec!["https://graph.microsoft.com".into()],
            ca_cert_pem,
        }),
        ..Settings::default()
    })
}

#[tokio::test]
async fn the_given_ca_cert_makes_the_https_jwks_trusted() {
    let port = start_https_issuer().await;
    for host in ["localhost", "127.0.0.1"] {
        let issuer = format!("https://{host}:{port}");
        let app = emulator(&issuer, Some(CERT.to_vec()));
        let bearer = format!("Bearer {}", token(&issuer));
        let reply = send(
            &app,
            axum::http::Method::GET,
            POLICIES,
            &[("authorization", &bearer)],
            None,
        )
        .await;
        assert_eq!(reply.status, 200, "{host}: {}", reply.json);
    }
}

#[tokio::test]
async fn without_the_ca_cert_the_jwks_fetch_fails_loudly() {
    let port = start_https_issuer().await;
    let issuer = format!("https://localhost:{port}");
    let app = emulator(&issuer, None);
    let bearer = format!("Bearer {}", token(&issuer));
    let reply = send(
        &app,
        axum::http::Method::GET,
        POLICIES,
        &[("authorization", &bearer)],
        None,
    )
    .await;
    assert_eq!(reply.status, 500);
    assert_eq!(error_code(&reply), "UnknownError");
    assert!(reply.json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("/jwks"));
}

#[test]
fn a_file_that_is_not_a_certificate_stops_startup() {
    let result = graph_emulator::AppState::new(Settings {
        auth: Some(AuthSettings {
            issuer: "https://localhost:1".into(),
            jwks_uri: "https://localhost:1/jwks".into(),
            audiences: vec![],
            ca_cert_pem: Some(b"not a certificate".to_vec()),
        }),
        ..Settings::default()
    });
    assert!(result.is_err());
}
