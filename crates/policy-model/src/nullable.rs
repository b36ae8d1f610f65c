//! A JSON member that can be absent, `null`, or a value.
//!
//! Graph's PUT replaces the whole policy, and a member sent as `null` is not
//! the same request as a member left out, so the model must give back exactly
//! what it read. `Option<T>` cannot: it folds both into `None`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One member of a Graph object: left out, explicitly `null`, or set.
///
/// Use it with `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`
/// so an absent member stays absent on the way back out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// The member was not in the JSON object.
    #[default]
    Absent,
    /// The member was present with the value `null`.
    Null,
    /// The member was present with a value.
    Value(T),
}

impl<T> Nullable<T> {
    /// True when the member was left out; used by `skip_serializing_if`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// True when the member was present as `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, treating absent and `null` alike.
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// Mutable access to the value, treating absent and `null` alike.
    pub fn as_option_mut(&mut self) -> Option<&mut T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// Consumes the member, treating absent and `null` alike.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(value) => Some(value),
            Nullable::Absent | Nullable::Null => None,
        }
    }
}

impl<T: Default> Nullable<T> {
    /// The value, inserting `T::default()` first when absent or `null`
    /// (for forms that start editing a section the policy did not have).
    pub fn get_or_insert_default(&mut self) -> &mut T {
        if !matches!(self, Nullable::Value(_)) {
            *self = Nullable::Value(T::default());
        }
        match self {
            Nullable::Value(value) => value,
            Nullable::Absent | Nullable::Null => unreachable!("just set to a value"),
        }
    }
}

impl<T> Nullable<Vec<T>> {
    /// The items of a collection member; absent and `null` read as empty.
    pub fn items(&self) -> &[T] {
        self.as_option().map(Vec::as_slice).unwrap_or(&[])
    }
}

impl Nullable<String> {
    /// The text of a string member, if any.
    pub fn as_deref(&self) -> Option<&str> {
        self.as_option().map(String::as_str)
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `None` becomes `null` (present), not absent: a caller that converts an
    /// option means to send it.
    fn from(value: Option<T>) -> Self {
        match value {
            Some(value) => Nullable::Value(value),
            None => Nullable::Null,
        }
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(value) => value.serialize(serializer),
            // Absent is skipped by `skip_serializing_if`; if a caller forgot
            // that attribute, `null` is the closest faithful output.
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// Only called when the member is present; `#[serde(default)]` supplies
    /// `Absent` otherwise.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Holder {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        member: Nullable<u32>,
    }

    #[test]
    fn absent_null_and_value_round_trip_distinctly() {
        for text in [r#"{}"#, r#"{"member":null}"#, r#"{"member":7}"#] {
            let holder: Holder = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&holder).unwrap(), text);
        }
    }
}
