//! Requestor questions: `accessPackageQuestion` and its derived types.

use crate::graph_object::{graph_object, odata_union};
use crate::Nullable;

graph_object! {
    /// `accessPackageLocalizedText`: `languageCode` is ISO 639-1, optionally
    /// with an ISO 3166-1 alpha-2 region (`fr`, `fr-CA`).
    pub struct AccessPackageLocalizedText {
        language_code: String,
        text: String,
    }
}

graph_object! {
    /// `accessPackageAnswerChoice`: one option of a multiple-choice question.
    pub struct AccessPackageAnswerChoice {
        actual_value: String,
        localizations: Vec<AccessPackageLocalizedText>,
        text: String,
    }
}

graph_object! {
    /// `accessPackageTextInputQuestion`.
    pub struct AccessPackageTextInputQuestion {
        id: String,
        is_answer_editable: bool,
        is_required: bool,
        localizations: Vec<AccessPackageLocalizedText>,
        sequence: i32,
        text: String,
        is_single_line_question: bool,
        /// Answers must match this pattern.
        regex_pattern: String,
    }
}

graph_object! {
    /// `accessPackageMultipleChoiceQuestion`.
    pub struct AccessPackageMultipleChoiceQuestion {
        id: String,
        is_answer_editable: bool,
        is_required: bool,
        localizations: Vec<AccessPackageLocalizedText>,
        sequence: i32,
        text: String,
        choices: Vec<AccessPackageAnswerChoice>,
        is_multiple_selection_allowed: bool,
    }
}

odata_union! {
    /// `accessPackageQuestion` (abstract), dispatched on `@odata.type`.
    pub enum AccessPackageQuestion {
        TextInput(AccessPackageTextInputQuestion) = "#microsoft.graph.accessPackageTextInputQuestion",
        MultipleChoice(AccessPackageMultipleChoiceQuestion) = "#microsoft.graph.accessPackageMultipleChoiceQuestion",
    }
}

impl AccessPackageQuestion {
    /// The question's text, whatever its kind.
    pub fn text(&self) -> &Nullable<String> {
        static ABSENT: Nullable<String> = Nullable::Absent;
        match self {
            Self::TextInput(question) => &question.text,
            Self::MultipleChoice(question) => &question.text,
            Self::Unknown(_) => &ABSENT,
        }
    }

    /// The question's localizations, whatever its kind.
    pub fn localizations(&self) -> &[AccessPackageLocalizedText] {
        match self {
            Self::TextInput(question) => question.localizations.items(),
            Self::MultipleChoice(question) => question.localizations.items(),
            Self::Unknown(_) => &[],
        }
    }
}
