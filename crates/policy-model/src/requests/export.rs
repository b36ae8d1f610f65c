//! The create request written for other tools: the same POST, to the same Graph, as a raw HTTP
//! request, a curl command, Microsoft Graph PowerShell, or Terraform's `msgraph` provider. The
//! body is passed through as written (never re-serialized), so every tool sends the exact JSON the
//! form previews.
//!
//! Each format embeds the JSON in a block its language leaves alone (a quoted bash heredoc, a
//! single-quoted PowerShell here-string, a Terraform heredoc with its template sequences escaped),
//! because pretty-printed JSON never has a line that could end such a block early.

use super::url::{policies_collection_url, POLICIES_PATH};

/// A way to send the create request from outside Policy Desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// `POST <url>`, headers, blank line, body: for Graph Explorer, REST clients, `.http` files.
    Http,
    /// A bash command for curl, the token taken from `$TOKEN`.
    Curl,
    /// Microsoft Graph PowerShell's `Invoke-MgGraphRequest` (takes the JSON as is; the typed
    /// cmdlet's model has dropped `@odata.type` of subject sets on the way before).
    PowerShell,
    /// An `msgraph_resource` of the `microsoft/msgraph` Terraform provider.
    Terraform,
}

impl ExportFormat {
    /// Every format, in the order a menu offers them.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Http,
        ExportFormat::Curl,
        ExportFormat::PowerShell,
        ExportFormat::Terraform,
    ];

    /// Stable key (for a `<select>` value and tests).
    pub fn key(self) -> &'static str {
        match self {
            Self::Http => "http",
            Self::Curl => "curl",
            Self::PowerShell => "powershell",
            Self::Terraform => "terraform",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.key() == key)
    }

    /// What a menu shows.
    pub fn label(self) -> &'static str {
        match self {
            Self::Http => "HTTP request",
            Self::Curl => "curl (bash)",
            Self::PowerShell => "Microsoft Graph PowerShell",
            Self::Terraform => "Terraform (microsoft/msgraph)",
        }
    }

    /// A file name for a download.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Http => "create-assignment-policy.http",
            Self::Curl => "create-assignment-policy.sh",
            Self::PowerShell => "create-assignment-policy.ps1",
            Self::Terraform => "assignment-policy.tf",
        }
    }
}

/// The create request (`POST …/assignmentPolicies` with `body_json`) in `format`, against
/// `graph_base` (such as `https://graph.microsoft.com/v1.0`). `display_name` names the Terraform
/// resource.
pub fn export_create_request(
    format: ExportFormat,
    graph_base: &str,
    body_json: &str,
    display_name: Option<&str>,
) -> String {
    let url = policies_collection_url(graph_base);
    let body = body_json.trim_end();
    match format {
        ExportFormat::Http => {
            format!("POST {url}\nContent-Type: application/json\n\n{body}\n")
        }
        ExportFormat::Curl => format!(
            "# $TOKEN: an access token for Microsoft Graph with EntitlementManagement.ReadWrite.All\n\
             curl --fail-with-body -sS -X POST {url} \\\n  \
             -H \"Authorization: Bearer $TOKEN\" \\\n  \
             -H 'Content-Type: application/json' \\\n  \
             --data-binary @- <<'POLICY_JSON'\n\
             {body}\n\
             POLICY_JSON\n",
            url = bash_single_quoted(&url),
        ),
        ExportFormat::PowerShell => format!(
            "# Microsoft Graph PowerShell (Install-Module Microsoft.Graph.Authentication)\n\
             Connect-MgGraph -Scopes 'EntitlementManagement.ReadWrite.All'\n\
             $body = @'\n\
             {body}\n\
             '@\n\
             Invoke-MgGraphRequest -Method POST -Uri {url} -Body $body -ContentType 'application/json'\n",
            url = powershell_single_quoted(&url),
        ),
        ExportFormat::Terraform => format!(
            "# Terraform, provider microsoft/msgraph\n\
             resource \"msgraph_resource\" \"{name}\" {{\n  \
             url         = \"{path}\"\n  \
             api_version = \"{version}\"\n  \
             # Graph changes these policies only by a PUT of the whole policy.\n  \
             update_method = \"PUT\"\n  \
             # Questions and custom extension settings are read back only when expanded.\n  \
             read_query_parameters = {{\n    \
             \"$expand\" = [\"questions\", \"customExtensionStageSettings($expand=customExtension)\"]\n  \
             }}\n  \
             body = jsondecode(<<-POLICY_JSON\n\
             {body}\n  \
             POLICY_JSON\n  \
             )\n\
             }}\n",
            name = terraform_name(display_name),
            path = POLICIES_PATH.trim_start_matches('/'),
            version = api_version(graph_base),
            body = indent(&terraform_heredoc_text(body), "    "),
        ),
    }
}

/// `'…'` for bash: nothing inside is expanded; a `'` is closed, escaped and reopened.
fn bash_single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// `'…'` for PowerShell: nothing inside is expanded; a `'` is doubled.
fn powershell_single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Terraform reads `${` and `%{` in a heredoc as template sequences; `$${` and `%%{` are the
/// literal text.
fn terraform_heredoc_text(text: &str) -> String {
    text.replace("${", "$${").replace("%{", "%%{")
}

/// The Graph version the base URL names (`v1.0` unless it is `…/beta`).
fn api_version(graph_base: &str) -> &'static str {
    if graph_base.trim_end_matches('/').ends_with("/beta") {
        "beta"
    } else {
        "v1.0"
    }
}

/// A Terraform resource name from the policy's name: lower case, `_` for anything else, starting
/// with a letter.
fn terraform_name(display_name: Option<&str>) -> String {
    let mut name = String::new();
    for c in display_name.unwrap_or_default().chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('_') {
            name.push('_');
        }
    }
    let name = name.trim_end_matches('_');
    match name.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => name.to_owned(),
        Some(_) => format!("policy_{name}"),
        None => "assignment_policy".to_owned(),
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{by}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://graph.microsoft.com/v1.0";
    const BODY: &str = "{\n  \"displayName\": \"Partners ${env} 100%{x} it's\",\n  \"accessPackage\": {\n    \"id\": \"a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b\"\n  }\n}";
    const URL: &str =
        "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/assignmentPolicies";

    #[test]
    fn http_is_the_request_line_headers_and_the_body_as_written() {
        let text = export_create_request(ExportFormat::Http, BASE, BODY, None);
        assert_eq!(
            text,
            format!("POST {URL}\nContent-Type: application/json\n\n{BODY}\n")
        );
    }

    #[test]
    fn curl_sends_the_body_through_a_quoted_heredoc() {
        let text = export_create_request(ExportFormat::Curl, &format!("{BASE}/"), BODY, None);
        assert!(text.contains(&format!("-X POST '{URL}'")), "{text}");
        assert!(text.contains("\"Authorization: Bearer $TOKEN\""));
        // the body verbatim between the quoted heredoc's lines: `${env}` is not expanded
        assert!(
            text.contains(&format!("<<'POLICY_JSON'\n{BODY}\nPOLICY_JSON\n")),
            "{text}"
        );
        assert_eq!(
            bash_single_quoted("it's"),
            r"'it'\''s'",
            "a quote closes, escapes and reopens"
        );
    }

    #[test]
    fn powershell_uses_a_literal_here_string() {
        let text = export_create_request(ExportFormat::PowerShell, BASE, BODY, None);
        assert!(
            text.contains(&format!("$body = @'\n{BODY}\n'@\n")),
            "{text}"
        );
        assert!(text.contains(&format!(
            "Invoke-MgGraphRequest -Method POST -Uri '{URL}' -Body $body"
        )));
        assert!(text.contains("EntitlementManagement.ReadWrite.All"));
        assert_eq!(powershell_single_quoted("it's"), "'it''s'");
    }

    #[test]
    fn terraform_is_an_msgraph_resource_with_template_sequences_escaped() {
        let text = export_create_request(
            ExportFormat::Terraform,
            BASE,
            BODY,
            Some("Partners: 2 stages"),
        );
        assert!(
            text.starts_with("# Terraform, provider microsoft/msgraph\nresource \"msgraph_resource\" \"partners_2_stages\" {\n"),
            "{text}"
        );
        assert!(text.contains(
            "  url         = \"identityGovernance/entitlementManagement/assignmentPolicies\"\n"
        ));
        assert!(text.contains("  api_version = \"v1.0\"\n"));
        assert!(text.contains("  update_method = \"PUT\"\n"));
        assert!(text.contains("    \"displayName\": \"Partners $${env} 100%%{x} it's\",\n"));
        assert!(text.contains("  body = jsondecode(<<-POLICY_JSON\n    {\n"));
        assert!(text.ends_with("    }\n  POLICY_JSON\n  )\n}\n"), "{text}");
        // the body, less the heredoc's indent and escapes, is the body
        let inside = text
            .split_once("<<-POLICY_JSON\n")
            .and_then(|(_, rest)| rest.split_once("\n  POLICY_JSON"))
            .unwrap()
            .0;
        let unescaped: Vec<String> = inside
            .lines()
            .map(|l| {
                l.strip_prefix("    ")
                    .unwrap_or(l)
                    .replace("$${", "${")
                    .replace("%%{", "%{")
            })
            .collect();
        assert_eq!(unescaped.join("\n"), BODY);
    }

    #[test]
    fn terraform_names_and_versions() {
        assert_eq!(terraform_name(Some("  ")), "assignment_policy");
        assert_eq!(terraform_name(None), "assignment_policy");
        assert_eq!(
            terraform_name(Some("2025 Partners")),
            "policy_2025_partners"
        );
        assert_eq!(terraform_name(Some("Élan -- Sales!")), "lan_sales");
        assert_eq!(api_version("https://graph.microsoft.com/beta/"), "beta");
        assert_eq!(api_version("https://graph.microsoft.us/v1.0"), "v1.0");
    }

    #[test]
    fn every_format_has_a_key_label_and_file() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_key(format.key()), Some(format));
            assert!(!format.label().is_empty() && format.file_name().contains('.'));
        }
        assert_eq!(ExportFormat::from_key("json"), None);
    }
}
