//! Requestor questions: text, choices, localizations and regex patterns.

use crate::validate::{Rule, ValidationContext, ValidationReport};
use crate::{
    AccessPackageAssignmentPolicy, AccessPackageLocalizedText, AccessPackageQuestion, Nullable,
};

pub(crate) fn check(
    policy: &AccessPackageAssignmentPolicy,
    context: &ValidationContext,
    report: &mut ValidationReport,
) {
    for (index, question) in policy.questions.items().iter().enumerate() {
        let path = format!("questions[{index}]");
        if matches!(question, AccessPackageQuestion::Unknown(_)) {
            continue;
        }
        if is_blank(question.text()) {
            report.error(
                Rule::QuestionText,
                format!("{path}.text"),
                format!(
                    "Question {} has no text; write the question requestors should answer.",
                    index + 1
                ),
            );
        }
        check_localizations(
            question.localizations(),
            &format!("{path}.localizations"),
            report,
        );
        match question {
            AccessPackageQuestion::MultipleChoice(question) => {
                let choices = question.choices.items();
                if choices.is_empty() {
                    report.error(
                        Rule::QuestionChoices,
                        format!("{path}.choices"),
                        format!("Question {} is multiple choice but has no answers to choose from; add at least one.", index + 1),
                    );
                }
                for (choice_index, choice) in choices.iter().enumerate() {
                    let choice_path = format!("{path}.choices[{choice_index}]");
                    if is_blank(&choice.actual_value) {
                        report.error(
                            Rule::QuestionChoices,
                            format!("{choice_path}.actualValue"),
                            "Give this answer a value (what is stored when it is chosen).",
                        );
                    }
                    if is_blank(&choice.text) {
                        report.error(
                            Rule::QuestionChoices,
                            format!("{choice_path}.text"),
                            "Give this answer a text (what requestors see).",
                        );
                    }
                    check_localizations(
                        choice.localizations.items(),
                        &format!("{choice_path}.localizations"),
                        report,
                    );
                }
            }
            AccessPackageQuestion::TextInput(question) => {
                let pattern = question
                    .regex_pattern
                    .as_deref()
                    .filter(|pattern| !pattern.is_empty());
                if let (Some(pattern), Some(checker)) = (pattern, context.pattern_checker()) {
                    if let Err(reason) = checker(pattern) {
                        report.error(
                            Rule::RegexPattern,
                            format!("{path}.regexPattern"),
                            format!("This pattern does not compile ({reason}); fix it, or remove it to accept any answer."),
                        );
                    }
                }
            }
            AccessPackageQuestion::Unknown(_) => {}
        }
    }
}

fn check_localizations(
    localizations: &[AccessPackageLocalizedText],
    path: &str,
    report: &mut ValidationReport,
) {
    for (index, localization) in localizations.iter().enumerate() {
        let path = format!("{path}[{index}]");
        match localization.language_code.as_deref() {
            Some(code) if is_language_code(code) => {}
            code => report.error(
                Rule::LanguageCode,
                format!("{path}.languageCode"),
                format!(
                    "\"{}\" is not a language code; use ISO 639-1, optionally with a region, such as \"fr\" or \"fr-CA\".",
                    code.unwrap_or_default()
                ),
            ),
        }
        if is_blank(&localization.text) {
            report.error(
                Rule::QuestionText,
                format!("{path}.text"),
                "Write the translated text, or remove this localization.",
            );
        }
    }
}

fn is_blank(text: &Nullable<String>) -> bool {
    text.as_deref().is_none_or(|text| text.trim().is_empty())
}

/// ISO 639-1 language, optionally `-` and an ISO 3166-1 alpha-2 region.
/// Case is not significant in language tags (BCP 47).
pub(crate) fn is_language_code(code: &str) -> bool {
    let (language, region) = match code.split_once('-') {
        Some((language, region)) => (language, Some(region)),
        None => (code, None),
    };
    let language = language.to_ascii_lowercase();
    let language_ok = ISO_639_1.split(' ').any(|known| known == language);
    let region_ok = region.is_none_or(|region| {
        region.len() == 2 && region.bytes().all(|byte| byte.is_ascii_alphabetic())
    });
    language_ok && region_ok
}

// The 184 two-letter codes of ISO 639-1.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_639_1_has_184_codes() {
        assert_eq!(ISO_639_1.split(' ').count(), 184);
    }

    #[test]
    fn language_codes() {
        for good in ["fr", "fr-CA", "en-us", "zh-TW", "EN"] {
            assert!(is_language_code(good), "{good}");
        }
        for bad in ["", "french", "xx", "fr-", "fr-CAN", "fr_CA", "f"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
