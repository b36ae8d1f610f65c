//! The validator's findings.

use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Graph would reject the policy (or the policy cannot work): fix before saving.
    Error,
    /// Legal but risky or surprising: worth a second look.
    Warning,
}

/// Which rule produced a finding; stable names for the SPA and the tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    DisplayNameRequired,
    AccessPackageIdRequired,
    AllowedTargetScopeRequired,
    MaxApprovalStages,
    ApprovalStagesRequired,
    StageNeedsApprover,
    EscalationNeedsApprovers,
    ManagerLevelRange,
    SponsorsNeedConnectedOrganizationScope,
    FallbackApproverRequired,
    AttributeRuleOnlyInAutoAssignment,
    AutoAssignmentNeedsRule,
    TargetsMatchScope,
    SubjectLimit,
    DurationDaysAndTimeOnly,
    ExpirationConsistent,
    ReviewRecurrence,
    ReviewNeedsReviewers,
    QuestionText,
    QuestionChoices,
    LanguageCode,
    RegexPattern,
    CustomExtensionStage,
    /// Warning: forwarding to alternate approvers with a decision timeout
    /// under four days (the admin center refuses it).
    EscalationTiming,
    /// Warning: a value or kind Policy Desk does not know (kept unchanged).
    UnrecognisedValue,
    /// Warning: external users get access with no end and no review.
    ExternalAccessWithoutExpiryOrReview,
    /// Warning: anyone in scope gets access with no approval.
    BroadAccessWithoutApproval,
    /// Warning: a relative approver or on-behalf requestor that the requestors in scope do not
    /// have (a service principal's manager, a user's application owners…): it would find no one.
    SubjectDoesNotFitRequestors,
}

/// One finding: where, how serious, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationIssue {
    /// JSON path such as `requestApprovalSettings.stages[1].primaryApprovers`.
    pub path: String,
    pub severity: Severity,
    pub rule: Rule,
    /// Plain English, saying how to fix it.
    pub message: String,
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity} at {}: {}", self.path, self.message)
    }
}

/// All findings for one policy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidationReport {
    pub issues: Vec<ValidationIssue>,
}

impl ValidationReport {
    /// True when nothing blocks saving (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.has_errors()
    }

    /// True when at least one error was found.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &ValidationIssue> {
        self.issues
            .iter()
            .filter(|issue| issue.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &ValidationIssue> {
        self.issues
            .iter()
            .filter(|issue| issue.severity == Severity::Warning)
    }

    /// Findings at `path` or below it, for showing next to a form field.
    pub fn at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a ValidationIssue> + 'a {
        self.issues.iter().filter(move |issue| {
            issue.path == path
                || issue
                    .path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
    }

    /// True when `rule` produced a finding.
    pub fn has(&self, rule: Rule) -> bool {
        self.issues.iter().any(|issue| issue.rule == rule)
    }

    pub(crate) fn error(
        &mut self,
        rule: Rule,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, rule, path, message);
    }

    pub(crate) fn warning(
        &mut self,
        rule: Rule,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Warning, rule, path, message);
    }

    fn push(
        &mut self,
        severity: Severity,
        rule: Rule,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.issues.push(ValidationIssue {
            path: path.into(),
            severity,
            rule,
            message: message.into(),
        });
    }
}
