//! A small `$filter` language: `path eq|ne literal`, `startswith(path,'x')`,
//! `contains(path,'x')`, `tolower(path)` as the first argument of either function,
//! combined with `and` / `or` and parentheses. Paths such as
//! `accessPackage/id` walk nested JSON; property names match case-insensitively
//! (Graph's docs themselves write `accesspackage/id`).
//!
//! `startswith` ignores case, as Graph's does. `contains` is ordinal: the
//! documented way to search access packages by name is
//! `contains(tolower(displayName),'team')` (v1.0 "List accessPackages"), and the
//! `tolower` there is what makes it case-insensitive.

use crate::error::GraphError;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Text(String),
    Bool(bool),
    Number(f64),
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    Eq(Vec<String>, Literal),
    Ne(Vec<String>, Literal),
    StartsWith(Operand, String),
    Contains(Operand, String),
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
}

/// The string a function looks at: a property, or `tolower(property)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Operand {
    pub path: Vec<String>,
    pub lower: bool,
}

impl Operand {
    fn value(&self, item: &Value) -> Option<String> {
        let text = resolve(item, &self.path)?.as_str()?;
        Some(if self.lower {
            text.to_lowercase()
        } else {
            text.to_owned()
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
    Comma,
}

fn invalid(expression: &str, why: &str) -> GraphError {
    GraphError::bad_request(format!("Invalid filter clause: {why} in '{expression}'."))
}

fn tokenize(expression: &str) -> Result<Vec<Token>, GraphError> {
    let mut tokens = Vec::new();
    let mut chars = expression.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | ',' => {
                chars.next();
                tokens.push(match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    _ => Token::Comma,
                });
            }
            '\'' => {
                chars.next();
                let mut text = String::new();
                loop {
                    match chars.next() {
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                            text.push('\'');
                        }
                        Some('\'') => break,
                        Some(other) => text.push(other),
                        None => return Err(invalid(expression, "unterminated string literal")),
                    }
                }
                tokens.push(Token::Text(text));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | ',' | '\'') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                tokens.push(Token::Word(word));
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
    fn peek_keyword(&self, keyword: &str) -> bool {
        matches!(self.tokens.get(self.position), Some(Token::Word(w)) if w.eq_ignore_ascii_case(keyword))
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.position).cloned();
        self.position += 1;
        token
    }

    fn expect(&mut self, wanted: Token) -> Result<(), GraphError> {
        match self.next() {
            Some(token) if token == wanted => Ok(()),
            _ => Err(invalid(self.expression, &format!("expected {wanted:?}"))),
        }
    }

    fn or(&mut self) -> Result<Filter, GraphError> {
        let mut left = self.and()?;
        while self.peek_keyword("or") {
            self.position += 1;
            left = Filter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, GraphError> {
        let mut left = self.clause()?;
        while self.peek_keyword("and") {
            self.position += 1;
            left = Filter::And(Box::new(left), Box::new(self.clause()?));
        }
        Ok(left)
    }

    fn clause(&mut self) -> Result<Filter, GraphError> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or()?;
                self.expect(Token::Close)?;
                Ok(inner)
            }
            Some(Token::Word(word))
                if word.eq_ignore_ascii_case("startswith")
                    || word.eq_ignore_ascii_case("contains") =>
            {
                let function = word.to_ascii_lowercase();
                self.expect(Token::Open)?;
                let operand = self.operand()?;
                self.expect(Token::Comma)?;
                let text = match self.next() {
                    Some(Token::Text(text)) => text,
                    _ => {
                        return Err(invalid(
                            self.expression,
                            &format!("{function} needs a string"),
                        ))
                    }
                };
                self.expect(Token::Close)?;
                Ok(if function == "contains" {
                    Filter::Contains(operand, text)
                } else {
                    Filter::StartsWith(operand, text)
                })
            }
            Some(Token::Word(word)) => {
                let path = split_path(&word);
                let operator = match self.next() {
                    Some(Token::Word(op)) => op.to_ascii_lowercase(),
                    _ => return Err(invalid(self.expression, "expected an operator")),
                };
                let literal = self.literal()?;
                match operator.as_str() {
                    "eq" => Ok(Filter::Eq(path, literal)),
                    "ne" => Ok(Filter::Ne(path, literal)),
                    other => Err(invalid(
                        self.expression,
                        &format!("operator '{other}' is not supported"),
                    )),
                }
            }
            _ => Err(invalid(self.expression, "expected a property")),
        }
    }

    /// `path` or `tolower(path)`.
    fn operand(&mut self) -> Result<Operand, GraphError> {
        if self.peek_keyword("tolower") && self.tokens.get(self.position + 1) == Some(&Token::Open)
        {
            self.position += 2;
            let path = self.path()?;
            self.expect(Token::Close)?;
            return Ok(Operand { path, lower: true });
        }
        Ok(Operand {
            path: self.path()?,
            lower: false,
        })
    }

    fn path(&mut self) -> Result<Vec<String>, GraphError> {
        match self.next() {
            Some(Token::Word(word)) => Ok(split_path(&word)),
            _ => Err(invalid(self.expression, "expected a property")),
        }
    }

    fn literal(&mut self) -> Result<Literal, GraphError> {
        match self.next() {
            Some(Token::Text(text)) => Ok(Literal::Text(text)),
            Some(Token::Word(word)) => match word.as_str() {
                "true" => Ok(Literal::Bool(true)),
                "false" => Ok(Literal::Bool(false)),
                "null" => Ok(Literal::Null),
                other => other
                    .parse()
                    .map(Literal::Number)
                    .map_err(|_| invalid(self.expression, &format!("'{other}' is not a literal"))),
            },
            _ => Err(invalid(self.expression, "expected a literal")),
        }
    }
}

fn split_path(word: &str) -> Vec<String> {
    word.split('/').map(str::to_owned).collect()
}

/// Walks `path` into `value`, matching property names case-insensitively.
pub fn resolve<'a>(value: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(value, |current, segment| {
        current
            .as_object()?
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(segment))
            .map(|(_, v)| v)
    })
}

fn literal_matches(found: Option<&Value>, literal: &Literal) -> bool {
    match (found, literal) {
        (None | Some(Value::Null), Literal::Null) => true,
        // GUIDs and enum names compare case-insensitively in Graph.
        (Some(Value::String(s)), Literal::Text(t)) => s.eq_ignore_ascii_case(t),
        (Some(Value::Bool(b)), Literal::Bool(l)) => b == l,
        (Some(Value::Number(n)), Literal::Number(l)) => n.as_f64() == Some(*l),
        _ => false,
    }
}

impl Filter {
    pub fn parse(expression: &str) -> Result<Self, GraphError> {
        let mut parser = Parser {
            tokens: tokenize(expression)?,
            position: 0,
            expression,
        };
        let filter = parser.or()?;
        if parser.position < parser.tokens.len() {
            return Err(invalid(expression, "unexpected trailing input"));
        }
        Ok(filter)
    }

    pub fn matches(&self, item: &Value) -> bool {
        match self {
            Filter::Eq(path, literal) => literal_matches(resolve(item, path), literal),
            Filter::Ne(path, literal) => !literal_matches(resolve(item, path), literal),
            Filter::StartsWith(operand, prefix) => operand
                .value(item)
                .is_some_and(|s| s.to_lowercase().starts_with(&prefix.to_lowercase())),
            Filter::Contains(operand, part) => operand
                .value(item)
                .is_some_and(|s| s.contains(part.as_str())),
            Filter::And(a, b) => a.matches(item) && b.matches(item),
            Filter::Or(a, b) => a.matches(item) || b.matches(item),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn and_binds_tighter_than_or() {
        let filter = Filter::parse("a eq 'x' or b eq 'y' and c eq 'z'").unwrap();
        assert!(filter.matches(&json!({"a": "x"})));
        assert!(!filter.matches(&json!({"b": "y"})));
        assert!(filter.matches(&json!({"b": "y", "c": "z"})));
    }

    #[test]
    fn parentheses_quotes_and_literals() {
        let filter = Filter::parse("(name eq 'O''Connor' or enabled eq true) and n ne 3").unwrap();
        assert!(filter.matches(&json!({"name": "O'Connor", "n": 1})));
        assert!(filter.matches(&json!({"enabled": true, "n": 1})));
        assert!(!filter.matches(&json!({"enabled": true, "n": 3})));
    }

    #[test]
    fn nested_paths_and_startswith_ignore_case() {
        let item = json!({"accessPackage": {"id": "ABC"}, "displayName": "Sales team"});
        assert!(Filter::parse("accesspackage/ID eq 'abc'")
            .unwrap()
            .matches(&item));
        assert!(Filter::parse("startswith(displayName,'sal')")
            .unwrap()
            .matches(&item));
    }

    #[test]
    fn contains_is_ordinal_and_tolower_makes_it_case_insensitive() {
        let item = json!({"displayName": "Partner Team Site"});
        let matches = |f: &str| Filter::parse(f).unwrap().matches(&item);
        assert!(matches("contains(tolower(displayName),'team')"));
        assert!(matches("contains(tolower(displayName),'er te')"));
        assert!(matches("contains(displayName,'Team')"));
        assert!(!matches("contains(displayName,'team')"));
        assert!(!matches("contains(tolower(displayName),'Team')"));
        assert!(matches("startswith(tolower(displayName),'partner')"));
        assert!(!matches("contains(tolower(description),'team')"));
    }

    #[test]
    fn malformed_expressions_are_errors() {
        for bad in [
            "",
            "a eq",
            "a gt 'x'",
            "a eq 'x",
            "startswith(a)",
            "contains(a,3)",
            "contains(tolower(a,'x')",
            "a eq 'x' b",
        ] {
            assert!(Filter::parse(bad).is_err(), "{bad}");
        }
    }
}
