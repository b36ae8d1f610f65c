//! Macros that declare Graph objects and `@odata.type` unions so that every
//! one of them reads and writes JSON the same faithful way.
//!
//! Reading and writing are written by hand rather than derived: a derived
//! `#[serde(flatten)]` struct buffers through serde's private `Content` type
//! and instantiates the whole deserializer once per struct and per input
//! format, which in the SPA's wasm costs far more than the model itself. Here
//! a top-level object is read once into `serde_json` values (the only code
//! generic over the input format, shared by every type; a [`Shape`] lets it
//! reject a known member given twice, as derived structs do), and every member
//! is then taken out by small functions that work on `serde_json::Value` alone.
//! Output is the same: known members in declaration order, then `extra`.

use serde::de::{self, Deserialize, Deserializer, MapAccess, Unexpected, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Error, Map, Value};
use std::fmt;

/// Members of a JSON object.
pub(crate) type Members = Map<String, Value>;

/// Reads a model value from JSON that has already been parsed, without
/// instantiating serde's deserializer machinery for each model type.
pub(crate) trait FromJson: Sized {
    fn from_json(value: Value) -> Result<Self, Error>;

    /// For a graph object (or a collection of them), the members it knows,
    /// so that reading JSON can reject a known member given twice at any
    /// depth, as derived structs do. `None` for everything else.
    fn shape() -> Option<&'static Shape> {
        None
    }
}

/// The members a graph object knows, and for each the shape of its value.
pub(crate) struct Shape {
    pub(crate) name: &'static str,
    pub(crate) members: &'static [(&'static str, ShapeOf)],
}

/// [`FromJson::shape`] of a member's type.
pub(crate) type ShapeOf = fn() -> Option<&'static Shape>;

macro_rules! from_json_through_serde {
    ($($leaf:ty),*) => {
        $(impl FromJson for $leaf {
            fn from_json(value: Value) -> Result<Self, Error> {
                <$leaf as Deserialize>::deserialize(value)
            }
        })*
    };
}

from_json_through_serde!(String, bool, i32, i64);

impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, Error> {
        Ok(value)
    }
}

impl FromJson for crate::GraphDuration {
    fn from_json(value: Value) -> Result<Self, Error> {
        String::from_json(value).map(Self::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_json).collect(),
            other => Err(invalid_type(&other, &"a sequence")),
        }
    }

    fn shape() -> Option<&'static Shape> {
        T::shape()
    }
}

/// One member as a [`Nullable`](crate::Nullable): absent, `null` or a value.
///
/// A member that does not read records its error in `failed` (the first one
/// wins) and reads as absent, so an object is built in one straight pass;
/// [`GraphObject::from_members`] then returns the error.
pub(crate) fn member<T: FromJson>(
    members: &mut Members,
    name: &str,
    failed: &mut Option<Error>,
) -> crate::Nullable<T> {
    match members.remove(name) {
        None => crate::Nullable::Absent,
        Some(Value::Null) => crate::Nullable::Null,
        Some(value) => match T::from_json(value) {
            Ok(value) => crate::Nullable::Value(value),
            Err(error) => {
                failed.get_or_insert(error);
                crate::Nullable::Absent
            }
        },
    }
}

/// `Ok(object)`, or the first member error recorded by [`member`].
pub(crate) fn finish<T>(object: T, failed: Option<Error>) -> Result<T, Error> {
    match failed {
        None => Ok(object),
        Some(error) => Err(error),
    }
}

/// What a Graph object type tells the shared reading and writing code.
pub(crate) trait GraphObject: FromJson {
    /// The object's name and known members, for reading.
    fn object_shape() -> &'static Shape;

    /// Builds the object from its members; what is left becomes `extra`.
    fn from_members(members: Members) -> Result<Self, Error>;

    /// Members the model does not know.
    fn extra(&self) -> &Members;

    /// Writes the known members that are not absent, then `extra`.
    fn serialize_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// The members of a JSON object, or the error a derived struct would give.
pub(crate) fn object_members(value: Value, name: &'static str) -> Result<Members, Error> {
    match value {
        Value::Object(members) => Ok(members),
        other => Err(invalid_type(&other, &Expecting(name))),
    }
}

/// Reads a graph object from any deserializer: the object becomes a map
/// (a known member given twice is an error, as with a derived struct), then
/// [`GraphObject::from_members`] takes it apart.
pub(crate) fn deserialize_object<'de, T: GraphObject, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let shape = T::object_shape();
    let value = de::DeserializeSeed::deserialize(Shaped(Some(shape)), deserializer)?;
    object_members(value, shape.name)
        .and_then(T::from_members)
        .map_err(de::Error::custom)
}

/// Writes a graph object as a JSON object.
pub(crate) fn serialize_object<T: GraphObject, S: Serializer>(
    object: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    object.serialize_members(&mut map)?;
    map.end()
}

/// Writes one member unless it is absent.
pub(crate) fn serialize_member<M: SerializeMap, T: Serialize>(
    map: &mut M,
    name: &'static str,
    value: &crate::Nullable<T>,
) -> Result<(), M::Error> {
    if value.is_absent() {
        Ok(())
    } else {
        map.serialize_entry(name, value)
    }
}

/// Writes `extra` after the known members.
pub(crate) fn serialize_extra<M: SerializeMap>(
    map: &mut M,
    extra: &Members,
) -> Result<(), M::Error> {
    for (name, value) in extra {
        map.serialize_entry(name, value)?;
    }
    Ok(())
}

/// Writes a union variant: `@odata.type` followed by the variant's own
/// members, unless the members carry their own spelling of the tag.
pub(crate) fn serialize_variant<T: GraphObject, S: Serializer>(
    members: &T,
    odata_type: &'static str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    if !members.extra().contains_key("@odata.type") {
        map.serialize_entry("@odata.type", odata_type)?;
    }
    members.serialize_members(&mut map)?;
    map.end()
}

/// Finds which of `tags` a union value has. The canonical `#microsoft.graph.x`
/// is removed (it is re-added on output); the schema's other spelling (no
/// `#`) stays in the members' `extra` so it is written back as it came.
pub(crate) fn union_tag(value: &mut Value, tags: &'static [&'static str]) -> Option<&'static str> {
    let (known, canonical) = {
        let tag = value.get("@odata.type").and_then(Value::as_str)?;
        let known = tags
            .iter()
            .find(|known| tag == **known || tag == &known[1..])?;
        (*known, tag == *known)
    };
    if canonical {
        if let Some(object) = value.as_object_mut() {
            object.remove("@odata.type");
        }
    }
    Some(known)
}

fn invalid_type(value: &Value, expected: &dyn de::Expected) -> Error {
    let unexpected = match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(flag) => Unexpected::Bool(*flag),
        Value::Number(number) => {
            if let Some(unsigned) = number.as_u64() {
                Unexpected::Unsigned(unsigned)
            } else if let Some(signed) = number.as_i64() {
                Unexpected::Signed(signed)
            } else {
                Unexpected::Float(number.as_f64().unwrap_or_default())
            }
        }
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    de::Error::invalid_type(unexpected, expected)
}

/// `struct Name`, as serde's derive spells what it expected.
struct Expecting(&'static str);

impl de::Expected for Expecting {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "struct {}", self.0)
    }
}

/// Reads an object's members into a map, rejecting a known member given
/// twice (at this depth and, through [`Shape`], in known nested objects).
struct MembersVisitor(&'static Shape);

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Members;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&Expecting(self.0.name), formatter)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Members, A::Error> {
        let mut members = Members::new();
        while let Some(name) = access.next_key::<String>()? {
            let known = self.0.members.iter().find(|(known, _)| *known == name);
            if let Some((known, _)) = known {
                if members.contains_key(&name) {
                    return Err(de::Error::duplicate_field(known));
                }
            }
            let value = access.next_value_seed(Shaped(known.and_then(|(_, shape)| shape())))?;
            members.insert(name, value);
        }
        Ok(members)
    }
}

/// Reads any JSON value; with a shape, objects (also inside arrays) are read
/// with [`MembersVisitor`] for it.
#[derive(Clone, Copy)]
struct Shaped(Option<&'static Shape>);

impl<'de> de::DeserializeSeed<'de> for Shaped {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Shaped {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        if let Some(shape) = self.0 {
            return MembersVisitor(shape).visit_map(access).map(Value::Object);
        }
        let mut members = Members::new();
        while let Some(name) = access.next_key::<String>()? {
            let value = access.next_value_seed(self)?;
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// The JSON name of a model field: snake_case → camelCase, with `kind` for
/// `type` (a Rust keyword) and `odata_type` for the `@odata.type` annotation.
macro_rules! wire_name {
    (kind) => {
        "type"
    };
    (odata_type) => {
        "@odata.type"
    };
    ($field:ident) => {{
        const BYTES: [u8; $crate::graph_object::camel_case_len(stringify!($field))] =
            $crate::graph_object::camel_case(stringify!($field));
        const NAME: &str = match ::core::str::from_utf8(&BYTES) {
            Ok(name) => name,
            Err(_) => panic!("field names are ASCII"),
        };
        NAME
    }};
}

/// Length of `field` in camelCase (underscores dropped).
pub(crate) const fn camel_case_len(field: &str) -> usize {
    let bytes = field.as_bytes();
    let mut length = 0;
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] != b'_' {
            length += 1;
        }
        index += 1;
    }
    length
}

/// `field` (ASCII snake_case) in camelCase.
pub(crate) const fn camel_case<const N: usize>(field: &str) -> [u8; N] {
    let bytes = field.as_bytes();
    let mut out = [0u8; N];
    let mut index = 0;
    let mut written = 0;
    let mut upper = false;
    while index < bytes.len() {
        if bytes[index] == b'_' {
            upper = true;
        } else {
            out[written] = if upper {
                bytes[index].to_ascii_uppercase()
            } else {
                bytes[index]
            };
            upper = false;
            written += 1;
        }
        index += 1;
    }
    out
}

/// Declares a Graph object (complex or entity type).
///
/// Every member is a [`Nullable`](crate::Nullable) so absent, `null` and a
/// value survive a round trip, and members the model does not know land in
/// `extra` so a full PUT does not silently delete them. The JSON name of a
/// member is its field name in camelCase (`kind` is `type`, `odata_type` is
/// `@odata.type`); known members are written in declaration order, then
/// `extra`.
macro_rules! graph_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: crate::Nullable<$ty>,
            )*
            /// Members (and OData annotations) this model does not know, kept
            /// verbatim so that writing the object back loses nothing.
            pub extra: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl crate::graph_object::GraphObject for $name {
            fn object_shape() -> &'static crate::graph_object::Shape {
                static SHAPE: crate::graph_object::Shape = crate::graph_object::Shape {
                    name: stringify!($name),
                    members: &[$((
                        crate::graph_object::wire_name!($field),
                        <$ty as crate::graph_object::FromJson>::shape,
                    ),)*],
                };
                &SHAPE
            }

            #[allow(unused_mut)]
            fn from_members(
                mut members: crate::graph_object::Members,
            ) -> Result<Self, ::serde_json::Error> {
                #[allow(unused_mut)]
                let mut failed = None;
                let object = Self {
                    $(
                        $field: crate::graph_object::member(
                            &mut members,
                            crate::graph_object::wire_name!($field),
                            &mut failed,
                        ),
                    )*
                    extra: members,
                };
                crate::graph_object::finish(object, failed)
            }

            fn extra(&self) -> &crate::graph_object::Members {
                &self.extra
            }

            fn serialize_members<M: ::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> Result<(), M::Error> {
                $(
                    crate::graph_object::serialize_member(
                        map,
                        crate::graph_object::wire_name!($field),
                        &self.$field,
                    )?;
                )*
                crate::graph_object::serialize_extra(map, &self.extra)
            }
        }

        impl crate::graph_object::FromJson for $name {
            fn from_json(value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                <Self as crate::graph_object::GraphObject>::from_members(
                    crate::graph_object::object_members(value, stringify!($name))?,
                )
            }

            fn shape() -> Option<&'static crate::graph_object::Shape> {
                Some(<Self as crate::graph_object::GraphObject>::object_shape())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                crate::graph_object::serialize_object(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::graph_object::deserialize_object(deserializer)
            }
        }

        impl crate::unknown::FindUnknown for $name {
            fn find_unknown(&self, path: &str, found: &mut Vec<crate::unknown::UnknownPart>) {
                crate::unknown::unknown_members(&self.extra, path, found);
                $(
                    self.$field.find_unknown(
                        &crate::unknown::join(path, crate::graph_object::wire_name!($field)),
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
            pub fn from_value(mut value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                match crate::graph_object::union_tag(&mut value, Self::KNOWN_ODATA_TYPES) {
                    $(
                        Some($tag) => {
                            <$ty as crate::graph_object::FromJson>::from_json(value).map($name::$variant)
                        }
                    )+
                    _ => Ok($name::Unknown(value)),
                }
            }
        }

        impl crate::graph_object::FromJson for $name {
            fn from_json(value: ::serde_json::Value) -> Result<Self, ::serde_json::Error> {
                Self::from_value(value)
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
                        $name::$variant(members) => {
                            crate::graph_object::serialize_variant(members, $tag, serializer)
                        }
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

pub(crate) use {graph_object, odata_union, wire_name};
