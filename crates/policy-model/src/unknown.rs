//! Finding what the model read but does not recognise: members outside the
//! schema (for example beta-only members such as `canExtend`, which make a
//! v1.0 POST fail with InvalidModel), enum values and `@odata.type` kinds
//! added to Graph later. They are kept and written back; this lets the SPA
//! point them out.

use std::fmt;

/// One unrecognised part of a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownPart {
    /// JSON path, e.g. `requestApprovalSettings.stages[0].primaryApprovers[1]`.
    pub path: String,
    pub what: UnknownKind,
}

/// What kind of thing was not recognised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnknownKind {
    /// A member not in the schema (the path ends with its name).
    Member,
    /// An enum value not in the schema.
    EnumValue(String),
    /// An `@odata.type` the union does not know (or none at all).
    Kind(Option<String>),
}

impl fmt::Display for UnknownPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.what {
            UnknownKind::Member => write!(f, "unrecognised member {}", self.path),
            UnknownKind::EnumValue(value) => {
                write!(f, "unrecognised value \"{value}\" at {}", self.path)
            }
            UnknownKind::Kind(Some(kind)) => write!(f, "unrecognised kind {kind} at {}", self.path),
            UnknownKind::Kind(None) => write!(f, "entry without @odata.type at {}", self.path),
        }
    }
}

/// Implemented by every model type: appends what it does not recognise.
pub trait FindUnknown {
    /// Appends the unrecognised parts of `self`, which sits at `path`.
    fn find_unknown(&self, path: &str, found: &mut Vec<UnknownPart>);

    /// All unrecognised parts, from the root.
    fn unknown_parts(&self) -> Vec<UnknownPart> {
        let mut found = Vec::new();
        self.find_unknown("", &mut found);
        found
    }
}

impl<T: FindUnknown> FindUnknown for crate::Nullable<T> {
    fn find_unknown(&self, path: &str, found: &mut Vec<UnknownPart>) {
        if let Some(value) = self.as_option() {
            value.find_unknown(path, found);
        }
    }
}

impl<T: FindUnknown> FindUnknown for Vec<T> {
    fn find_unknown(&self, path: &str, found: &mut Vec<UnknownPart>) {
        for (index, item) in self.iter().enumerate() {
            item.find_unknown(&format!("{path}[{index}]"), found);
        }
    }
}

macro_rules! leaf {
    ($($leaf:ty),*) => {
        $(impl FindUnknown for $leaf {
            fn find_unknown(&self, _path: &str, _found: &mut Vec<UnknownPart>) {}
        })*
    };
}

// Navigation members kept as raw JSON (`serde_json::Value`) are outside
// Policy Desk's concern, so they count as leaves.
leaf!(
    String,
    bool,
    i32,
    i64,
    serde_json::Value,
    crate::GraphDuration
);

/// `parent.member`, or `member` at the root.
pub(crate) fn join(parent: &str, member: &str) -> String {
    if parent.is_empty() {
        member.to_owned()
    } else {
        format!("{parent}.{member}")
    }
}

/// Records members of `extra`, leaving out OData annotations (`@odata.*`,
/// `member@odata.type`), which are control information rather than settings.
pub(crate) fn unknown_members(
    extra: &serde_json::Map<String, serde_json::Value>,
    path: &str,
    found: &mut Vec<UnknownPart>,
) {
    for name in extra.keys().filter(|name| !name.contains('@')) {
        found.push(UnknownPart {
            path: join(path, name),
            what: UnknownKind::Member,
        });
    }
}
