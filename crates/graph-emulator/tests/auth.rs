//! Bearer-token verification against a JWKS served by a local test issuer.

mod common;

use axum::http::Method;
use axum::routing::get as route_get;
use axum::{Json, Router};
use common::*;
use graph_emulator::{AuthSettings, Settings};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const SIGNING_KEY: &[u8] = include_bytes!("fixtures/signing-key.pem");
const OTHER_KEY: &[u8] = include_bytes!("fixtures/other-key.pem");
const READ: &str = "openid profile EntitlementManagement.Read.All";
const WRITE: &str = "EntitlementManagement.ReadWrite.All User.ReadBasic.All";

/// A stand-in OIDC provider: serves a JWKS it can rotate, counting fetches.
struct Issuer {
    url: String,
    jwks: Arc<Mutex<Value>>,
    fetches: Arc<AtomicUsize>,
}

async fn start_issuer() -> Issuer {
    let jwks = Arc::new(Mutex::new(fixture("jwks.json")));
    let fetches = Arc::new(AtomicUsize::new(0));
    let (served, counted) = (jwks.clone(), fetches.clone());
    let app = Router::new().route(
        "/jwks",
        route_get(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            let body = served.lock().unwrap().clone();
            async move { Json(body) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Issuer { url, jwks, fetches }
}

fn fixture(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn emulator(issuer: &Issuer) -> axum::Router {
    app(Settings {
        auth: Some(AuthSettings {
            issuer: issuer.url.clone(),
            jwks_uri: format!("{}/jwks", issuer.url),
            audiences: vec![
                "https://graph.microsoft.com".into(),
                "00000003-0000-0000-c000-000000000000".into(),
            ],
            ca_cert_pem: None,
        }),
        ..Settings::default()
    })
}

struct Token<'a> {
    issuer: &'a str,
    aud: &'a str,
    scp: &'a str,
    exp_offset: i64,
    key: &'a [u8],
    kid: &'a str,
}

impl<'a> Token<'a> {
    fn valid(issuer: &'a str, scp: &'a str) -> Self {
        Self {
            issuer,
            aud: "https://graph.microsoft.com",
            scp,
            exp_offset: 3600,
            key: SIGNING_KEY,
            kid: "test-signing-key",
        }
    }

    fn sign(&self) -> String {
        let now = chrono::Utc::now().timestamp();
        let claims = json!({
            "iss": self.issuer, "aud": self.aud, "scp": self.scp,
            "iat": now - 60, "nbf": now - 60, "exp": now + self.exp_offset,
            "oid": "7deff43e-1f17-44ef-9e5f-d516b0ba11d4", "name": "Alex Wilber",
        });
        let header = Header {
            kid: Some(self.kid.to_owned()),
            ..Header::new(Algorithm::RS256)
        };
        encode(
            &header,
            &claims,
            &EncodingKey::from_rsa_pem(self.key).unwrap(),
        )
        .unwrap()
    }
}

async fn call(
    app: &axum::Router,
    method: Method,
    token: Option<&str>,
    body: Option<Value>,
) -> Reply {
    let bearer = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = bearer
        .iter()
        .map(|b| ("authorization", b.as_str()))
        .collect();
    send(app, method, POLICIES, &headers, body).await
}

fn assert_unauthorized(reply: &Reply, message: &str) {
    assert_eq!(reply.status, 401, "{}", reply.json);
    assert_eq!(error_code(reply), "InvalidAuthenticationToken");
    assert_eq!(reply.json["error"]["message"], message);
    assert!(reply.headers.contains_key("www-authenticate"));
}

#[tokio::test]
async fn a_valid_token_with_read_scope_lists_policies() {
    let issuer = start_issuer().await;
    let app = emulator(&issuer);
    let reply = call(
        &app,
        Method::GET,
        Some(&Token::valid(&issuer.url, READ).sign()),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.json);
    // The log shows a verified summary.
    let log = get(&app, "/_emulator/requests").await.json;
    let summary = log[0]["headers"]["authorization"].as_str().unwrap();
    assert!(
        summary.ends_with("valid=true>") && summary.contains(&format!("iss={}", issuer.url)),
        "{summary}"
    );
}

#[tokio::test]
async fn graphs_app_id_is_an_accepted_audience() {
    let issuer = start_issuer().await;
    let token = Token {
        aud: "00000003-0000-0000-c000-000000000000",
        ..Token::valid(&issuer.url, READ)
    };
    assert_eq!(
        call(&emulator(&issuer), Method::GET, Some(&token.sign()), None)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn missing_token_is_401_access_token_is_empty() {
    let issuer = start_issuer().await;
    assert_unauthorized(
        &call(&emulator(&issuer), Method::GET, None, None).await,
        "Access token is empty.",
    );
}

#[tokio::test]
async fn garbage_token_is_401() {
    let issuer = start_issuer().await;
    let reply = call(&emulator(&issuer), Method::GET, Some("not-a-jwt"), None).await;
    assert_unauthorized(
        &reply,
        "CompactToken parsing failed with error code: 80049217",
    );
}

#[tokio::test]
async fn wrong_audience_is_401() {
    let issuer = start_issuer().await;
    let token = Token {
        aud: "api://someone-else",
        ..Token::valid(&issuer.url, READ)
    };
    let reply = call(&emulator(&issuer), Method::GET, Some(&token.sign()), None).await;
    assert_unauthorized(&reply, "Access token validation failure. Invalid audience.");
}

#[tokio::test]
async fn wrong_issuer_is_401() {
    let issuer = start_issuer().await;
    let token = Token::valid("https://evil.example", READ);
    let reply = call(&emulator(&issuer), Method::GET, Some(&token.sign()), None).await;
    assert_unauthorized(&reply, "Access token validation failure. Invalid issuer.");
}

#[tokio::test]
async fn wrong_signature_is_401() {
    let issuer = start_issuer().await;
    let token = Token {
        key: OTHER_KEY,
        ..Token::valid(&issuer.url, READ)
    };
    let reply = call(&emulator(&issuer), Method::GET, Some(&token.sign()), None).await;
    assert_unauthorized(
        &reply,
        "Access token validation failure. Invalid signature.",
    );
    let log = get(&emulator(&issuer), "/_emulator/requests").await;
    assert_eq!(log.status, 200, "control endpoints need no token");
}

#[tokio::test]
async fn expired_token_is_401() {
    let issuer = start_issuer().await;
    let token = Token {
        exp_offset: -3600,
        ..Token::valid(&issuer.url, READ)
    };
    let reply = call(&emulator(&issuer), Method::GET, Some(&token.sign()), None).await;
    assert_unauthorized(&reply, "Lifetime validation failed, the token is expired.");
}

#[tokio::test]
async fn missing_scope_is_403_unauthorized() {
    let issuer = start_issuer().await;
    let app = emulator(&issuer);
    let none = call(
        &app,
        Method::GET,
        Some(&Token::valid(&issuer.url, "User.Read").sign()),
        None,
    )
    .await;
    assert_eq!(none.status, 403);
    assert_eq!(error_code(&none), "UnAuthorized");
    // Read is not enough to write.
    let body = json!({ "displayName": "x", "accessPackage": { "id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b" } });
    let write = call(
        &app,
        Method::POST,
        Some(&Token::valid(&issuer.url, READ).sign()),
        Some(body.clone()),
    )
    .await;
    assert_eq!(write.status, 403);
    assert_eq!(error_code(&write), "UnAuthorized");
    let allowed = call(
        &app,
        Method::POST,
        Some(&Token::valid(&issuer.url, WRITE).sign()),
        Some(body),
    )
    .await;
    assert_eq!(allowed.status, 201, "{}", allowed.json);
}

#[tokio::test]
async fn directory_endpoints_answer_403_with_the_directory_code() {
    let issuer = start_issuer().await;
    let app = emulator(&issuer);
    let token = Token::valid(&issuer.url, READ).sign();
    let reply = send(
        &app,
        Method::GET,
        "/v1.0/users",
        &[("authorization", &format!("Bearer {token}"))],
        None,
    )
    .await;
    assert_eq!(reply.status, 403);
    assert_eq!(error_code(&reply), "Authorization_RequestDenied");
    let token = Token::valid(&issuer.url, WRITE).sign();
    let reply = send(
        &app,
        Method::GET,
        "/v1.0/users",
        &[("authorization", &format!("Bearer {token}"))],
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn an_unknown_kid_refetches_the_jwks_once() {
    let issuer = start_issuer().await;
    let app = emulator(&issuer);
    assert_eq!(
        call(
            &app,
            Method::GET,
            Some(&Token::valid(&issuer.url, READ).sign()),
            None
        )
        .await
        .status,
        200
    );
    assert_eq!(issuer.fetches.load(Ordering::SeqCst), 1);
    // The issuer rotates in a new key; a token signed with it must still verify.
    *issuer.jwks.lock().unwrap() = fixture("jwks-rotated.json");
    let rotated = Token {
        key: OTHER_KEY,
        kid: "rotated-key",
        ..Token::valid(&issuer.url, READ)
    };
    assert_eq!(
        call(&app, Method::GET, Some(&rotated.sign()), None)
            .await
            .status,
        200
    );
    assert_eq!(issuer.fetches.load(Ordering::SeqCst), 2);
    // Cached from now on.
    call(&app, Method::GET, Some(&rotated.sign()), None).await;
    assert_eq!(issuer.fetches.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_trailing_slash_on_the_issuer_flag_does_not_matter() {
    let issuer = start_issuer().await;
    let app = app(Settings {
        auth: Some(AuthSettings {
            issuer: format!("{}/", issuer.url),
            jwks_uri: format!("{}/jwks", issuer.url),
            audiences: vec!["https://graph.microsoft.com".into()],
            ca_cert_pem: None,
        }),
        ..Settings::default()
    });
    let reply = call(
        &app,
        Method::GET,
        Some(&Token::valid(&issuer.url, READ).sign()),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.json);
}
