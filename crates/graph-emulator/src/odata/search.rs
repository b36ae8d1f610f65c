//! Directory `$search`, as "Use the $search query parameter" documents it for
//! directory objects (https://learn.microsoft.com/graph/search-query-parameter):
//!
//! - clauses `"property:text"`, each inside double quotes; a double quote or a
//!   backslash inside is escaped with a backslash (`\"`, `\\`);
//! - joined by `AND` / `OR` (upper case, outside the quotes), any number of
//!   them, with parentheses for precedence (`AND` binds tighter, as usual);
//! - `displayName` and `description` are searched by tokens: the value and the
//!   text are split into words (spaces, symbols, letters vs digits, a lower- to
//!   upper-case change), matched case-insensitively and in any order, every word
//!   of the text as the start of a word of the value (`wil` finds "Alex Wilber",
//!   `OneVideo` finds "One Video"); words joined only by symbols also count
//!   joined (`helloworld` finds "hello-world");
//! - every other property falls back to a case-insensitive `startswith` of the
//!   whole value (`mail:alexw` finds `AlexW@contoso.com`, `mail:contoso` does not).

use crate::error::GraphError;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub property: String,
    pub value: String,
}

/// A parsed `$search` expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    Term(Term),
    And(Box<Search>, Box<Search>),
    Or(Box<Search>, Box<Search>),
}

/// Properties Graph searches by tokens; the rest are `startswith`.
const TOKENIZED: &[&str] = &["displayName", "description"];

impl Search {
    pub fn parse(value: &str) -> Result<Self, GraphError> {
        let mut parser = Parser {
            tokens: tokenize(value)?,
            position: 0,
            expression: value,
        };
        let search = parser.or()?;
        if parser.position < parser.tokens.len() {
            return Err(syntax(value, "unexpected input after the last clause"));
        }
        Ok(search)
    }

    pub fn matches(&self, item: &Value) -> bool {
        match self {
            Search::Term(term) => term.matches(item),
            Search::And(a, b) => a.matches(item) && b.matches(item),
            Search::Or(a, b) => a.matches(item) || b.matches(item),
        }
    }
}

impl Term {
    fn matches(&self, item: &Value) -> bool {
        let Some(text) = item
            .as_object()
            .and_then(|o| {
                o.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(&self.property))
            })
            .and_then(|(_, v)| v.as_str())
        else {
            return false;
        };
        if TOKENIZED
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&self.property))
        {
            token_match(text, &self.value)
        } else {
            text.to_lowercase().starts_with(&self.value.to_lowercase())
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Clause(String),
    And,
    Or,
    Open,
    Close,
}

fn syntax(expression: &str, why: &str) -> GraphError {
    GraphError::bad_request(format!("Syntax error: {why} in $search '{expression}'."))
}

fn tokenize(expression: &str) -> Result<Vec<Token>, GraphError> {
    let mut tokens = Vec::new();
    let mut chars = expression.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            '"' => {
                chars.next();
                let mut clause = String::new();
                loop {
                    match chars.next() {
                        Some('\\') => match chars.next() {
                            Some(escaped @ ('"' | '\\')) => clause.push(escaped),
                            _ => {
                                return Err(syntax(
                                    expression,
                                    "only \\\" and \\\\ may follow a backslash",
                                ))
                            }
                        },
                        Some('"') => break,
                        Some(other) => clause.push(other),
                        None => return Err(syntax(expression, "an unterminated clause")),
                    }
                }
                tokens.push(Token::Clause(clause));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                // Operators are upper case only; anything else outside quotes is an error.
                tokens.push(match word.as_str() {
                    "AND" => Token::And,
                    "OR" => Token::Or,
                    _ => {
                        return Err(syntax(
                            expression,
                            &format!("'{word}' must be enclosed in double quotes (or be AND / OR)"),
                        ))
                    }
                });
            }
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<Token>,
    position: usize,
    expression: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position)
    }

    fn or(&mut self) -> Result<Search, GraphError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.position += 1;
            left = Search::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Search, GraphError> {
        let mut left = self.primary()?;
        while self.peek() == Some(&Token::And) {
            self.position += 1;
            left = Search::And(Box::new(left), Box::new(self.primary()?));
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Search, GraphError> {
        let token = self.peek().cloned();
        self.position += 1;
        match token {
            Some(Token::Open) => {
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(syntax(self.expression, "a missing ')'"));
                }
                self.position += 1;
                Ok(inner)
            }
            Some(Token::Clause(clause)) => parse_term(&clause).map(Search::Term),
            _ => Err(syntax(
                self.expression,
                "expected a \"property:text\" clause",
            )),
        }
    }
}

fn parse_term(inner: &str) -> Result<Term, GraphError> {
    let (property, value) = inner.split_once(':').ok_or_else(|| {
        GraphError::bad_request(format!(
            "Invalid $search clause '{inner}': expected \"property:value\"."
        ))
    })?;
    Ok(Term {
        property: property.trim().to_owned(),
        value: value.trim().to_owned(),
    })
}

/// Every word of `query` starts some word of `text`, case-insensitively.
fn token_match(text: &str, query: &str) -> bool {
    let words = words_with_joins(text);
    let wanted = words_of(query);
    !wanted.is_empty()
        && wanted
            .iter()
            .all(|w| words.iter().any(|word| word.starts_with(w.as_str())))
}

/// The lower-cased words of `text`: split at spaces, at symbols (each symbol a
/// word of its own), between letters and digits, and where lower case turns
/// upper (`HelloWorld`; `HELLOworld` stays one word, as Graph documents).
fn words_of(text: &str) -> Vec<String> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Letter,
        Digit,
    }
    let mut words = Vec::new();
    let mut current = String::new();
    let mut last: Option<(Class, bool)> = None;
    let flush = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            words.push(std::mem::take(current).to_lowercase());
        }
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut current, &mut words);
            last = None;
            continue;
        }
        if !c.is_alphanumeric() {
            flush(&mut current, &mut words);
            words.push(c.to_lowercase().collect());
            last = None;
            continue;
        }
        let class = if c.is_numeric() {
            Class::Digit
        } else {
            Class::Letter
        };
        let upper = c.is_uppercase();
        if let Some((last_class, last_upper)) = last {
            let lower_to_upper = class == Class::Letter && upper && !last_upper;
            if last_class != class || lower_to_upper {
                flush(&mut current, &mut words);
            }
        }
        current.push(c);
        last = Some((class, upper));
    }
    flush(&mut current, &mut words);
    words
}

/// [`words_of`] plus, for each space-separated part, its letters and digits
/// joined (`hello-world` also gives `helloworld`).
fn words_with_joins(text: &str) -> Vec<String> {
    let mut words = words_of(text);
    for part in text.split_whitespace() {
        let joined: String = part
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if !joined.is_empty() && !words.contains(&joined) {
            words.push(joined);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn hit(search: &str, item: &Value) -> bool {
        Search::parse(search).unwrap().matches(item)
    }

    #[test]
    fn display_names_match_by_word_starts_in_any_order() {
        let alex = json!({"displayName": "Alex Wilber", "mail": "AlexW@contoso.com"});
        assert!(hit(r#""displayName:wil""#, &alex));
        assert!(hit(r#""displayName:WILBER alex""#, &alex));
        assert!(!hit(r#""displayName:lex""#, &alex), "not contains");
        assert!(!hit(r#""displayName:wil bob""#, &alex), "every word");
        assert!(hit(r#""displayName:AlexWil""#, &alex), "case change splits");
        let video = json!({"displayName": "OneVideo"});
        assert!(hit(r#""displayName:one video""#, &video));
        assert!(hit(r#""displayName:video""#, &video));
        let joined = json!({"displayName": "hello-world 123abc"});
        assert!(hit(r#""displayName:helloworld""#, &joined));
        assert!(
            hit(r#""displayName:abc""#, &joined),
            "digits split from letters"
        );
        let upper = json!({"displayName": "HELLOworld"});
        assert!(
            !hit(r#""displayName:world""#, &upper),
            "HELLOworld is one word"
        );
    }

    #[test]
    fn other_properties_are_startswith() {
        let alex = json!({"displayName": "Alex Wilber", "mail": "AlexW@contoso.com"});
        assert!(hit(r#""mail:alexw@""#, &alex));
        assert!(!hit(r#""mail:contoso""#, &alex));
        assert!(
            !hit(r#""userPrincipalName:alex""#, &alex),
            "absent property"
        );
    }

    #[test]
    fn escapes_operators_and_parentheses() {
        let item = json!({"displayName": "Say \"hi\" OR C:\\temp", "description": "One"});
        assert!(hit(r#""displayName:say \"hi\" OR c:\\temp""#, &item));
        assert!(hit(r#""displayName:nobody" OR "description:one""#, &item));
        assert!(!hit(r#""displayName:nobody" AND "description:one""#, &item));
        assert!(hit(
            r#""description:One" AND ("displayName:nobody" OR "displayName:say")"#,
            &item
        ));
        assert!(
            hit(
                r#""displayName:say" OR "displayName:x" AND "description:none""#,
                &item
            ),
            "AND binds tighter"
        );
    }

    #[test]
    fn malformed_searches_are_errors() {
        for bad in [
            "",
            "wil",
            r#""displayName:wil"#,
            r#""displayName:wil" or "mail:wil""#,
            r#""displayName:wil" OR"#,
            r#"("displayName:wil""#,
            r#""displayName:a\b""#,
            r#""wil""#,
        ] {
            assert!(Search::parse(bad).is_err(), "{bad}");
        }
    }
}
