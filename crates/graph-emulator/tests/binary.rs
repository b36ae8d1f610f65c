//! The `graph-emulator` binary: the one "listening" line, real HTTP, a
//! clean exit on SIGTERM, and startup errors on bad flags.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_graph-emulator");

#[tokio::test]
async fn prints_one_line_serves_and_stops_on_sigterm() {
    let mut child = Command::new(BINARY)
        .args(["--port", "0", "--page-size", "7"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("graph-emulator listening on ")
        .expect("the ready line")
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");

    let body: serde_json::Value = reqwest::get(format!(
        "{url}/v1.0/identityGovernance/entitlementManagement/assignmentPolicies"
    ))
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(body["value"].as_array().unwrap().len(), 7);
    assert!(body["@odata.nextLink"].as_str().unwrap().starts_with(&url));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        child.wait().unwrap().success(),
        "SIGTERM is a clean shutdown"
    );
}

#[test]
fn an_unreadable_schema_stops_startup_with_a_message() {
    let output = Command::new(BINARY)
        .args(["--schema", "/nonexistent/schema.json"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/schema.json"));
    assert!(output.stdout.is_empty(), "no ready line when startup fails");
}
