//! TLS trust for fetching the JWKS from a loopback issuer with a
//! self-signed certificate (`--ca-cert`).
//!
//! The e2e OIDC provider's certificate is self-signed with `CA:TRUE`, and
//! webpki refuses a CA certificate as a server's own certificate
//! (`CaUsedAsEndEntity`), so merely adding it as a root is not enough. A
//! server presenting exactly one of the given certificates is trusted
//! outright (certificate pinning: stricter than CA trust, and hostname-free,
//! which suits `localhost` vs `127.0.0.1`); any other server is checked by
//! webpki against the given certificates as roots.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("no PEM certificate found ({0})")]
    NoCertificate(String),
    #[error("the certificate cannot be a trust anchor: {0}")]
    Anchor(rustls::Error),
    #[error("cannot build the TLS verifier: {0}")]
    Verifier(String),
}

/// A rustls client configuration trusting the certificates in `pem`.
pub fn client_config(pem: &[u8]) -> Result<ClientConfig, TrustError> {
    let certificates: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<_, _>>()
        .map_err(|e| TrustError::NoCertificate(e.to_string()))?;
    if certificates.is_empty() {
        return Err(TrustError::NoCertificate(
            "the file holds no CERTIFICATE block".into(),
        ));
    }
    let mut roots = RootCertStore::empty();
    for certificate in &certificates {
        roots.add(certificate.clone()).map_err(TrustError::Anchor)?;
    }
    // ring explicitly: the process default would panic if feature unification
    // ever compiled in a second provider. Its lack of post-quantum key
    // exchange (the deprecation) does not matter for a loopback test issuer.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| TrustError::Verifier(e.to_string()))?;
    let verifier = PinnedOrWebpki {
        pinned: certificates,
        webpki,
        algorithms: provider.signature_verification_algorithms,
    };
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TrustError::Verifier(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

#[derive(Debug)]
struct PinnedOrWebpki {
    pinned: Vec<CertificateDer<'static>>,
    webpki: Arc<WebPkiServerVerifier>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for PinnedOrWebpki {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if self
            .pinned
            .iter()
            .any(|pinned| pinned.as_ref() == end_entity.as_ref())
        {
            return Ok(ServerCertVerified::assertion());
        }
        self.webpki
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    // The handshake signatures are still checked: pinning says whose
    // certificate it is, these prove the server holds its private key.
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}
