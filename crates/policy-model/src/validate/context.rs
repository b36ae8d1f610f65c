//! What the validator needs from its caller.

/// Checks that a requestor-question regex pattern compiles; `Err` carries the
/// reason to show. The SPA passes one backed by the browser's `RegExp`, which
/// is also the dialect the answers are checked in.
pub type PatternChecker = dyn Fn(&str) -> Result<(), String>;

/// Settings for [`validate`](super::validate).
pub struct ValidationContext {
    pattern_checker: Option<Box<PatternChecker>>,
}

impl ValidationContext {
    /// The default context: regex patterns are checked with the `regex` crate
    /// when the `regex` feature is on, and not checked otherwise.
    pub fn new() -> Self {
        Self {
            pattern_checker: default_pattern_checker(),
        }
    }

    /// Uses `checker` for question regex patterns instead of the default.
    pub fn with_pattern_checker(
        mut self,
        checker: impl Fn(&str) -> Result<(), String> + 'static,
    ) -> Self {
        self.pattern_checker = Some(Box::new(checker));
        self
    }

    /// Does not check regex patterns at all.
    pub fn without_pattern_checker(mut self) -> Self {
        self.pattern_checker = None;
        self
    }

    /// The pattern checker in use, if any.
    pub fn pattern_checker(&self) -> Option<&PatternChecker> {
        self.pattern_checker.as_deref()
    }
}

impl Default for ValidationContext {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for ValidationContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValidationContext")
            .field("pattern_checker", &self.pattern_checker.is_some())
            .finish()
    }
}

#[cfg(feature = "regex")]
fn default_pattern_checker() -> Option<Box<PatternChecker>> {
    Some(Box::new(|pattern: &str| {
        regex::Regex::new(pattern)
            .map(|_| ())
            .map_err(|error| error.to_string())
    }))
}

#[cfg(not(feature = "regex"))]
fn default_pattern_checker() -> Option<Box<PatternChecker>> {
    None
}
