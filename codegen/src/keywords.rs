//! What a parsed schema says, whichever form openapiv3 gave it: a typed kind (`type: string`
//! with its constraints) or `Any`, which it uses when keywords mix (`allOf` next to
//! `properties`, `enum` without `type`). The samples, the webhooks and their examples read
//! schemas keyword by keyword, as the document wrote them; this is that reading, in one place.

use indexmap::IndexMap;
use openapiv3::{
    IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};
use serde_json::Value;

/// The keywords of one schema (not of what it refers to or combines).
#[derive(Debug, Clone, Copy, Default)]
pub struct Keywords<'s> {
    /// `type`.
    pub typ: Option<&'s str>,
    /// `format`.
    pub format: Option<&'s str>,
    /// `properties`, when the schema has them (or says it is an object).
    pub properties: Option<&'s IndexMap<String, ReferenceOr<Box<Schema>>>>,
    /// `required`.
    pub required: &'s [String],
    /// `items`.
    pub items: Option<&'s ReferenceOr<Box<Schema>>>,
    /// `minItems`.
    pub min_items: Option<usize>,
    /// `maxItems`.
    pub max_items: Option<usize>,
    /// `minLength`.
    pub min_length: Option<usize>,
    /// `maxLength`.
    pub max_length: Option<usize>,
    /// `minimum`.
    pub minimum: Option<f64>,
    /// `maximum`.
    pub maximum: Option<f64>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: bool,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: bool,
    /// `allOf`, when the schema has it.
    pub all_of: Option<&'s [ReferenceOr<Schema>]>,
    /// `oneOf`.
    pub one_of: &'s [ReferenceOr<Schema>],
    /// `anyOf`.
    pub any_of: &'s [ReferenceOr<Schema>],
}

impl<'s> Keywords<'s> {
    /// The keywords of `schema`.
    pub fn of(schema: &'s Schema) -> Self {
        let none = Keywords::default();
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => Keywords {
                typ: Some("string"),
                format: format_name(&string.format),
                min_length: string.min_length,
                max_length: string.max_length,
                ..none
            },
            SchemaKind::Type(Type::Number(number)) => Keywords {
                typ: Some("number"),
                format: number_format(&number.format),
                minimum: number.minimum,
                maximum: number.maximum,
                exclusive_minimum: number.exclusive_minimum,
                exclusive_maximum: number.exclusive_maximum,
                ..none
            },
            SchemaKind::Type(Type::Integer(integer)) => Keywords {
                typ: Some("integer"),
                format: integer_format(&integer.format),
                // Bounds as the document's numbers; samples reason in f64 either way.
                minimum: integer.minimum.map(|n| n as f64),
                maximum: integer.maximum.map(|n| n as f64),
                exclusive_minimum: integer.exclusive_minimum,
                exclusive_maximum: integer.exclusive_maximum,
                ..none
            },
            SchemaKind::Type(Type::Boolean(_)) => Keywords {
                typ: Some("boolean"),
                ..none
            },
            SchemaKind::Type(Type::Object(object)) => Keywords {
                typ: Some("object"),
                properties: Some(&object.properties),
                required: &object.required,
                ..none
            },
            SchemaKind::Type(Type::Array(array)) => Keywords {
                typ: Some("array"),
                items: array.items.as_ref(),
                min_items: array.min_items,
                max_items: array.max_items,
                ..none
            },
            SchemaKind::OneOf { one_of } => Keywords { one_of, ..none },
            SchemaKind::AllOf { all_of } => Keywords {
                all_of: Some(all_of),
                ..none
            },
            SchemaKind::AnyOf { any_of } => Keywords { any_of, ..none },
            SchemaKind::Not { .. } => none,
            SchemaKind::Any(any) => Keywords {
                typ: any.typ.as_deref(),
                format: any.format.as_deref(),
                properties: (!any.properties.is_empty()).then_some(&any.properties),
                required: &any.required,
                items: any.items.as_ref(),
                min_items: any.min_items,
                max_items: any.max_items,
                min_length: any.min_length,
                max_length: any.max_length,
                minimum: any.minimum,
                maximum: any.maximum,
                exclusive_minimum: any.exclusive_minimum.unwrap_or(false),
                exclusive_maximum: any.exclusive_maximum.unwrap_or(false),
                all_of: (!any.all_of.is_empty()).then_some(&any.all_of),
                one_of: &any.one_of,
                any_of: &any.any_of,
            },
        }
    }
}

/// The first value of the schema's `enum` that is not `null`, as the document wrote it.
pub fn first_enum_value(schema: &Schema) -> Option<Value> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(string)) => string
            .enumeration
            .iter()
            .flatten()
            .next()
            .cloned()
            .map(Value::String),
        SchemaKind::Type(Type::Integer(integer)) => integer
            .enumeration
            .iter()
            .flatten()
            .next()
            .map(|&n| Value::from(n)),
        SchemaKind::Type(Type::Number(number)) => number
            .enumeration
            .iter()
            .flatten()
            .next()
            .and_then(|&n| serde_json::Number::from_f64(n))
            .map(Value::Number),
        SchemaKind::Type(Type::Boolean(boolean)) => boolean
            .enumeration
            .iter()
            .flatten()
            .next()
            .map(|&b| Value::Bool(b)),
        SchemaKind::Any(any) => any.enumeration.iter().find(|v| !v.is_null()).cloned(),
        _ => None,
    }
}

/// A string schema's `format` as written.
fn format_name(format: &VariantOrUnknownOrEmpty<StringFormat>) -> Option<&str> {
    written(format, |known| match known {
        StringFormat::Date => "date",
        StringFormat::DateTime => "date-time",
        StringFormat::Password => "password",
        StringFormat::Byte => "byte",
        StringFormat::Binary => "binary",
    })
}

/// A number schema's `format` as written.
fn number_format(format: &VariantOrUnknownOrEmpty<NumberFormat>) -> Option<&str> {
    written(format, |known| match known {
        NumberFormat::Float => "float",
        NumberFormat::Double => "double",
    })
}

/// An integer schema's `format` as written.
fn integer_format(format: &VariantOrUnknownOrEmpty<IntegerFormat>) -> Option<&str> {
    written(format, |known| match known {
        IntegerFormat::Int32 => "int32",
        IntegerFormat::Int64 => "int64",
    })
}

/// A `format` as written: a known one by its name, an unknown one as it stands.
fn written<T>(format: &VariantOrUnknownOrEmpty<T>, name: fn(&T) -> &'static str) -> Option<&str> {
    match format {
        VariantOrUnknownOrEmpty::Item(known) => Some(name(known)),
        VariantOrUnknownOrEmpty::Unknown(text) => Some(text),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}
