//! The runtime `config.json`: what one build needs to serve any tenant.
//!
//! Parsing is pure Rust so it is tested natively; every problem names the field it concerns, because
//! the setup page shows exactly those names to the person deploying the site.

use serde::Deserialize;
use serde_json::Value;

/// Graph's public cloud, used when `graphBaseUrl` is left out.
pub const DEFAULT_GRAPH_BASE_URL: &str = "https://graph.microsoft.com/v1.0";

/// How the app gets its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Sign in with MSAL and call Graph with the admin's token.
    Msal,
    /// No sign-in: read the emulator's sample tenant.
    Demo,
}

/// MSAL's protocol mode: `AAD` for Microsoft Entra, `OIDC` for any other OpenID Connect provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtocolMode {
    Aad,
    Oidc,
}

impl ProtocolMode {
    pub fn as_msal_str(self) -> &'static str {
        match self {
            ProtocolMode::Aad => "AAD",
            ProtocolMode::Oidc => "OIDC",
        }
    }
}

/// Sign-in settings, present only in MSAL mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MsalSettings {
    pub client_id: String,
    pub authority: String,
    pub known_authorities: Vec<String>,
    pub protocol_mode: ProtocolMode,
    pub redirect_uri: String,
    pub post_logout_redirect_uri: String,
    pub scopes: Vec<String>,
}

/// A validated runtime configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub mode: Mode,
    pub graph_base_url: String,
    /// `None` in demo mode.
    pub msal: Option<MsalSettings>,
}

/// One thing wrong with `config.json`, tied to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The JSON member name, e.g. `clientId`; empty when the file as a whole is wrong.
    pub field: String,
    pub message: String,
}

impl ConfigProblem {
    fn new(field: &str, message: impl Into<String>) -> Self {
        ConfigProblem {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Parses and checks `config.json`; returns every problem at once so the deployer fixes them in one go.
pub fn parse_config(text: &str) -> Result<RuntimeConfig, Vec<ConfigProblem>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![ConfigProblem::new(
            "",
            format!("config.json is not valid JSON ({e}). Check for a missing comma or quote."),
        )]
    })?;
    let Some(obj) = value.as_object() else {
        return Err(vec![ConfigProblem::new(
            "",
            "config.json must be a JSON object like {\"mode\": \"msal\", \"clientId\": \"…\"}.",
        )]);
    };
    let mut problems = Vec::new();
    let mut fields = Fields {
        obj,
        problems: &mut problems,
    };

    let mode = match obj.get("mode") {
        None => Mode::Msal,
        Some(v) => match serde_json::from_value::<Mode>(v.clone()) {
            Ok(m) => m,
            Err(_) => {
                fields.problem(
                    "mode",
                    "Use \"msal\" to sign in to your tenant or \"demo\" for the sample tenant.",
                );
                Mode::Msal
            }
        },
    };
    let graph_base_url = fields
        .optional_string("graphBaseUrl")
        .unwrap_or_else(|| DEFAULT_GRAPH_BASE_URL.to_owned());
    if !is_http_url(&graph_base_url) {
        fields.problem(
            "graphBaseUrl",
            "Give the Graph endpoint with its version, e.g. https://graph.microsoft.com/v1.0.",
        );
    }
    let graph_base_url = graph_base_url.trim_end_matches('/').to_owned();

    let msal = if mode == Mode::Msal {
        Some(fields.msal_settings())
    } else {
        None
    };

    if problems.is_empty() {
        Ok(RuntimeConfig {
            mode,
            graph_base_url,
            msal,
        })
    } else {
        Err(problems)
    }
}

/// Field access that records a problem instead of failing at the first one.
struct Fields<'a> {
    obj: &'a serde_json::Map<String, Value>,
    problems: &'a mut Vec<ConfigProblem>,
}

impl Fields<'_> {
    fn problem(&mut self, field: &str, message: &str) {
        self.problems.push(ConfigProblem::new(field, message));
    }

    fn optional_string(&mut self, field: &str) -> Option<String> {
        match self.obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(_) => {
                self.problem(field, "Must be a non-empty text value.");
                None
            }
        }
    }

    fn required_string(&mut self, field: &str, hint: &str) -> String {
        match self.obj.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
            None | Some(Value::Null) => {
                self.problem(field, &format!("Missing. {hint}"));
                String::new()
            }
            Some(_) => {
                self.problem(field, &format!("Must be a non-empty text value. {hint}"));
                String::new()
            }
        }
    }

    fn string_list(&mut self, field: &str) -> Option<Vec<String>> {
        match self.obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let strings: Option<Vec<String>> = items
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned)
                    })
                    .collect();
                if strings.is_none() {
                    self.problem(field, "Must be a list of non-empty text values.");
                }
                strings
            }
            Some(_) => {
                self.problem(field, "Must be a list, e.g. [\"…\"].");
                None
            }
        }
    }

    fn msal_settings(&mut self) -> MsalSettings {
        let client_id = self.required_string(
            "clientId",
            "Use the Application (client) ID of your app registration in Microsoft Entra.",
        );
        let authority = self.required_string(
            "authority",
            "Use https://login.microsoftonline.com/<your tenant id>.",
        );
        if !authority.is_empty() && !authority.starts_with("https://") {
            self.problem(
                "authority",
                "Must start with https:// (MSAL refuses insecure authorities).",
            );
        }
        let redirect_uri = self.required_string(
            "redirectUri",
            "Use this site's redirect.html, e.g. https://policies.example.org/redirect.html, and register it as an SPA redirect URI.",
        );
        if !redirect_uri.is_empty() && !is_http_url(&redirect_uri) {
            self.problem(
                "redirectUri",
                "Must be a full http(s) URL of this site's redirect.html.",
            );
        }
        let post_logout_redirect_uri = self
            .optional_string("postLogoutRedirectUri")
            .unwrap_or_else(|| redirect_uri.clone());
        let known_authorities = self.string_list("knownAuthorities").unwrap_or_default();
        let protocol_mode = match self.obj.get("protocolMode") {
            None | Some(Value::Null) => ProtocolMode::Aad,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("aad") => ProtocolMode::Aad,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("oidc") => ProtocolMode::Oidc,
            Some(_) => {
                self.problem("protocolMode", "Use \"AAD\" for Microsoft Entra or \"OIDC\" for another OpenID Connect provider.");
                ProtocolMode::Aad
            }
        };
        let scopes = match self.string_list("scopes") {
            Some(list) if list.is_empty() => {
                self.problem(
                    "scopes",
                    "List at least https://graph.microsoft.com/EntitlementManagement.Read.All.",
                );
                list
            }
            Some(list) => list,
            None => vec!["https://graph.microsoft.com/EntitlementManagement.Read.All".to_owned()],
        };
        MsalSettings {
            client_id,
            authority,
            known_authorities,
            protocol_mode,
            redirect_uri,
            post_logout_redirect_uri,
            scopes,
        }
    }
}

fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_of(result: Result<RuntimeConfig, Vec<ConfigProblem>>) -> Vec<String> {
        result.unwrap_err().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn demo_config_needs_no_sign_in_settings() {
        let cfg =
            parse_config(r#"{"mode":"demo","graphBaseUrl":"http://127.0.0.1:9/v1.0/"}"#).unwrap();
        assert_eq!(cfg.mode, Mode::Demo);
        assert_eq!(cfg.graph_base_url, "http://127.0.0.1:9/v1.0");
        assert!(cfg.msal.is_none());
    }

    #[test]
    fn full_msal_config_is_read() {
        let cfg = parse_config(
            r#"{"mode":"msal","clientId":"abc","authority":"https://login.microsoftonline.com/t",
                "redirectUri":"https://app.example/redirect.html","knownAuthorities":["login.microsoftonline.com"],
                "protocolMode":"OIDC","scopes":["https://graph.microsoft.com/EntitlementManagement.ReadWrite.All"]}"#,
        )
        .unwrap();
        let msal = cfg.msal.unwrap();
        assert_eq!(msal.client_id, "abc");
        assert_eq!(msal.protocol_mode, ProtocolMode::Oidc);
        assert_eq!(
            msal.post_logout_redirect_uri,
            "https://app.example/redirect.html"
        );
        assert_eq!(msal.known_authorities, vec!["login.microsoftonline.com"]);
        assert_eq!(cfg.graph_base_url, DEFAULT_GRAPH_BASE_URL);
    }

    #[test]
    fn mode_defaults_to_msal_and_names_every_missing_field() {
        assert_eq!(
            fields_of(parse_config("{}")),
            vec!["clientId", "authority", "redirectUri"]
        );
    }

    #[test]
    fn wrong_types_and_values_are_named() {
        let fields = fields_of(parse_config(
            r#"{"mode":"prod","clientId":5,"authority":"http://insecure","redirectUri":"redirect.html",
                "scopes":[],"protocolMode":"saml","graphBaseUrl":"graph"}"#,
        ));
        for f in [
            "mode",
            "graphBaseUrl",
            "clientId",
            "authority",
            "redirectUri",
            "protocolMode",
            "scopes",
        ] {
            assert!(
                fields.contains(&f.to_owned()),
                "{f} not reported in {fields:?}"
            );
        }
    }

    #[test]
    fn invalid_json_is_a_whole_file_problem() {
        let problems = parse_config("{mode: demo}").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "");
        assert!(problems[0].message.contains("not valid JSON"));
        assert_eq!(fields_of(parse_config("[1]")), vec![""]);
    }
}
