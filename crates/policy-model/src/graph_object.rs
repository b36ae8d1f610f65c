//! Macros that declare Graph objects and `@odata.type` unions so that every
//! one of them reads and writes JSON the same faithful way.

/// Declares a Graph object (complex or entity type).
///
/// Every member is a [`Nullable`](crate::Nullable) so absent, `null` and a
/// value survive a round trip, and members the model does not know land in
/// `extra` so a full PUT does not silently delete them.
macro_rules! graph_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]
                pub $field: crate::Nullable<$ty>,
            )*
            /// Members (and OData annotations) this model does not know, kept
            /// verbatim so that writing the object back loses nothing.
            #[serde(flatten)]
            pub extra: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl crate::unknown::FindUnknown for $name {
            fn find_unknown(&self, path: &str, found: &mut Vec<crate::unknown::UnknownPart>) {
                crate::unknown::unknown_members(&self.extra, path, found);
                $(
                    self.$field.find_unknown(
                        &crate::unknown::join(path, &crate::unknown::wire_name(stringify!($field))),
                        found,
                    );
                )*
            }
        }
    };
}

/// Declares a union dispatched on `@odata.type`.
///
/// Known `#microsoft.graph.*` values become typed variants; anything else
/// (a type added to Graph later, a value without `@odata.type`, even a
/// non-object) is kept as `Unknown` with its raw JSON and written back as is.
macro_rules! odata_union {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident($ty:ty) = $tag:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant($ty), )+
            /// A kind this model does not know, kept as the raw JSON.
            Unknown(::serde_json::Value),
        }

        impl $name {
            /// Every `@odata.type` the union knows.
            pub const KNOWN_ODATA_TYPES: &'static [&'static str] = &[$($tag,)+];

            /// The `@odata.type` this value is (or was read with).
            pub fn odata_type(&self) -> Option<&str> {
                match self {
                    $( $name::$variant(_) => Some($tag), )+
                    $name::Unknown(raw) => raw.get("@odata.type").and_then(::serde_json::Value::as_str),
                }
            }

            /// Builds the union from JSON, dispatching on `@odata.type`.
            pub fn from_value(value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                let tag = value
                    .get("@odata.type")
                    .and_then(::serde_json::Value::as_str)
                    .map(str::to_owned);
                match tag.as_deref() {
                    $(
                        // The canonical `#microsoft.graph.x` is dropped and
                        // re-added on output; the schema's other spelling
                        // (no `#`) stays in the members' `extra` so it is
                        // written back as it came.
                        Some(tag) if tag == $tag || tag == &$tag[1..] => {
                            let mut members = value;
                            if tag == $tag {
                                if let Some(object) = members.as_object_mut() {
                                    object.remove("@odata.type");
                                }
                            }
                            ::serde_json::from_value(members).map($name::$variant)
                        }
                    )+
                    _ => Ok($name::Unknown(value)),
                }
            }
        }

        impl crate::unknown::FindUnknown for $name {
            fn find_unknown(&self, path: &str, found: &mut Vec<crate::unknown::UnknownPart>) {
                match self {
                    $( $name::$variant(members) => members.find_unknown(path, found), )+
                    $name::Unknown(_) => found.push(crate::unknown::UnknownPart {
                        path: path.to_owned(),
                        what: crate::unknown::UnknownKind::Kind(self.odata_type().map(str::to_owned)),
                    }),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(
                        $name::$variant(members) if members.extra.contains_key("@odata.type") => {
                            ::serde::Serialize::serialize(members, serializer)
                        }
                        $name::$variant(members) => ::serde::Serialize::serialize(
                            &crate::graph_object::Tagged { odata_type: $tag, members },
                            serializer,
                        ),
                    )+
                    $name::Unknown(raw) => ::serde::Serialize::serialize(raw, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                Self::from_value(value).map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    };
}

/// Writes `@odata.type` followed by the variant's own members.
#[derive(serde::Serialize)]
pub(crate) struct Tagged<'a, T> {
    #[serde(rename = "@odata.type")]
    pub(crate) odata_type: &'static str,
    #[serde(flatten)]
    pub(crate) members: &'a T,
}

pub(crate) use {graph_object, odata_union};
