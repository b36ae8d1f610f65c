//! `graph_enum!`: a Graph string enum that keeps values it does not know.
//!
//! Graph grows its enums over time (`allowedTargetScope` gained
//! `allDirectoryAgentIdentities` after `unknownFutureValue`), so a policy read
//! from a newer tenant must still parse and must be written back unchanged.

/// Declares a Graph enum: known members with their wire names, plus
/// `Unknown(String)` holding any other value verbatim.
macro_rules! graph_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this version of Policy Desk does not know; it is sent
            /// back to Graph exactly as it was read.
            Unknown(String),
        }

        impl $name {
            /// Every member the model knows, in schema order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant,)+];

            /// The value as Graph spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other,
                }
            }

            /// Reads a wire value; anything unrecognised becomes `Unknown`.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )+
                    other => $name::Unknown(other.to_owned()),
                }
            }

            /// True for values outside the schema this model was built from.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl crate::unknown::FindUnknown for $name {
            fn find_unknown(&self, path: &str, found: &mut Vec<crate::unknown::UnknownPart>) {
                if let $name::Unknown(value) = self {
                    found.push(crate::unknown::UnknownPart {
                        path: path.to_owned(),
                        what: crate::unknown::UnknownKind::EnumValue(value.clone()),
                    });
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl crate::graph_object::FromJson for $name {
            fn from_json(value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                <String as crate::graph_object::FromJson>::from_json(value)
                    .map(|text| Self::from_wire(&text))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from_wire(&text))
            }
        }
    };
}

pub(crate) use graph_enum;
