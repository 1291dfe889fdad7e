//! Schema resolution: following local `$ref`s into `components` ([`Resolver`] where one that
//! leads nowhere is an error, [`SchemaRefs`] where it is only nothing to read), and, for the
//! lowering step, giving every schema a [`TypeRef`]. Inline object schemas (a response declared as
//! `type: object` with properties, a deepObject filter, an `allOf` body) and inline string
//! enums are lifted out as named models, so typify generates them next to the document's own
//! components.

use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, Components, OpenAPI, ReferenceOr, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};

use crate::error::{Error, pointer_join, ref_pointer, schema_key};
use crate::ir::TypeRef;
use crate::names;

/// A schema or a reference to one, from either of openapiv3's two spellings
/// (`ReferenceOr<Schema>` for members, `ReferenceOr<Box<Schema>>` for properties and items).
#[derive(Debug, Clone, Copy)]
pub enum Node<'s> {
    /// `$ref`: the reference as written.
    Ref(&'s str),
    /// An inline schema.
    Schema(&'s Schema),
}

impl<'s> From<&'s ReferenceOr<Schema>> for Node<'s> {
    fn from(item: &'s ReferenceOr<Schema>) -> Self {
        match item {
            ReferenceOr::Reference { reference } => Node::Ref(reference),
            ReferenceOr::Item(schema) => Node::Schema(schema),
        }
    }
}

impl<'s> From<&'s ReferenceOr<Box<Schema>>> for Node<'s> {
    fn from(item: &'s ReferenceOr<Box<Schema>>) -> Self {
        match item {
            ReferenceOr::Reference { reference } => Node::Ref(reference),
            ReferenceOr::Item(schema) => Node::Schema(schema),
        }
    }
}

/// The component schemas of a document, for following `$ref`s where one that leads nowhere is
/// no error, only nothing to read: samples and example repairs, which make do without it.
/// ([`Resolver`] follows them where it is an error, with pointers.)
#[derive(Debug, Clone, Copy)]
pub struct SchemaRefs<'a>(Option<&'a IndexMap<String, ReferenceOr<Schema>>>);

impl<'a> SchemaRefs<'a> {
    /// The component schemas of `doc`.
    pub fn of(doc: &'a OpenAPI) -> Self {
        SchemaRefs(doc.components.as_ref().map(|c| &c.schemas))
    }

    /// The schema `node` is, through up to 16 references into `components/schemas`.
    pub fn schema<'s>(&self, node: Node<'s>) -> Option<&'s Schema>
    where
        'a: 's,
    {
        let mut node = node;
        for _ in 0..16 {
            match node {
                Node::Schema(schema) => return Some(schema),
                Node::Ref(reference) => {
                    let key = schema_key(reference)?;
                    node = Node::from(self.0?.get(key)?);
                }
            }
        }
        None
    }
}

/// Resolves references and types against one document, collecting lifted schemas.
pub struct Resolver<'a> {
    doc: &'a OpenAPI,
    /// Lifted schemas: name → (pointer, schema).
    pub lifted: BTreeMap<String, (String, Schema)>,
    lifted_by_pointer: HashMap<String, String>,
    taken: HashSet<String>,
}

impl<'a> Resolver<'a> {
    /// A resolver for `doc`; lifted names never collide with its component names.
    pub fn new(doc: &'a OpenAPI) -> Self {
        Resolver {
            doc,
            lifted: BTreeMap::new(),
            lifted_by_pointer: HashMap::new(),
            taken: doc
                .components
                .iter()
                .flat_map(|c| c.schemas.keys())
                .map(|k| names::pascal(k))
                .collect(),
        }
    }

    /// The document.
    pub fn doc(&self) -> &'a OpenAPI {
        self.doc
    }

    /// Follows local `$ref`s into a `components` section, returning the item and its pointer.
    pub fn resolve<'b, T>(
        &self,
        item: &'b ReferenceOr<T>,
        at: &str,
        section: &str,
        get: fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'b T, String), Error>
    where
        'a: 'b,
    {
        let mut current = item;
        let mut at = at.to_owned();
        for _ in 0..16 {
            match current {
                ReferenceOr::Item(item) => return Ok((item, at)),
                ReferenceOr::Reference { reference } => {
                    let prefix = format!("#/components/{section}/");
                    let key = reference.strip_prefix(&prefix).ok_or_else(|| {
                        Error::at(
                            at.clone(),
                            format!("`{reference}` is not a reference into components/{section}"),
                        )
                    })?;
                    current = self
                        .doc
                        .components
                        .as_ref()
                        .and_then(|c| get(c).get(key))
                        .ok_or_else(|| {
                            Error::at(at.clone(), format!("`{reference}` points at nothing"))
                        })?;
                    at = ref_pointer(reference).to_owned();
                }
            }
        }
        Err(Error::at(at, "a chain of more than 16 references"))
    }

    /// A schema, through any references.
    pub fn schema<'b>(
        &self,
        item: &'b ReferenceOr<Schema>,
        at: &str,
    ) -> Result<(&'b Schema, String), Error>
    where
        'a: 'b,
    {
        self.resolve(item, at, "schemas", |c| &c.schemas)
    }

    /// The type of a schema. References become models; plain scalars, arrays and free-form
    /// objects map to Rust types; string enums and anything else are lifted out as models.
    pub fn type_of(
        &mut self,
        schema: &ReferenceOr<Schema>,
        at: &str,
        hint: &str,
    ) -> Result<TypeRef, Error> {
        let schema = match schema {
            ReferenceOr::Reference { reference } => {
                // `schema` refuses a reference outside components/schemas, so the key is there.
                let (target, _) = self.schema(schema, at)?;
                let key = schema_key(reference).unwrap_or(reference);
                return Ok(if is_string_enum(target) {
                    TypeRef::StringEnum(key.to_owned())
                } else {
                    TypeRef::Model(key.to_owned())
                });
            }
            ReferenceOr::Item(schema) => schema,
        };
        Ok(match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) if s.enumeration.is_empty() => TypeRef::String,
            SchemaKind::Type(Type::String(_)) => match self.lift(schema, at, hint) {
                TypeRef::Model(name) => TypeRef::StringEnum(name),
                other => other,
            },
            SchemaKind::Type(Type::Integer(i)) if i.enumeration.is_empty() => TypeRef::Integer,
            SchemaKind::Type(Type::Number(n)) if n.enumeration.is_empty() => TypeRef::Number,
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Boolean,
            SchemaKind::Type(Type::Array(array)) => match &array.items {
                None => TypeRef::Array(Box::new(TypeRef::Json)),
                Some(items) => {
                    let items = unbox(items);
                    let inner =
                        self.type_of(&items, &pointer_join(at, ["items"]), &format!("{hint}Item"))?;
                    TypeRef::Array(Box::new(inner))
                }
            },
            SchemaKind::Type(Type::Object(object)) if object.properties.is_empty() => {
                match &object.additional_properties {
                    None | Some(AdditionalProperties::Any(true)) => TypeRef::JsonObject,
                    Some(AdditionalProperties::Schema(inner)) => {
                        let inner = self.type_of(
                            inner,
                            &pointer_join(at, ["additionalProperties"]),
                            &format!("{hint}Value"),
                        )?;
                        TypeRef::Map(Box::new(inner))
                    }
                    Some(AdditionalProperties::Any(false)) => self.lift(schema, at, hint),
                }
            }
            SchemaKind::Any(any) if any == &Default::default() => TypeRef::Json,
            _ => self.lift(schema, at, hint),
        })
    }

    /// Whether a body of this schema may be empty: it requires no property (an object without
    /// `required`, a free-form object or any JSON), so an empty answer is its default value.
    pub fn empty_ok(&self, schema: &ReferenceOr<Schema>, at: &str) -> bool {
        let Ok((schema, _)) = self.schema(schema, at) else {
            return false;
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => object.required.is_empty(),
            SchemaKind::Any(any) => any.required.is_empty() && any.all_of.is_empty(),
            _ => false,
        }
    }

    /// Names an inline schema so typify generates it as a model. The same node lifted twice
    /// (a shared `components/parameters` entry) gets one name.
    fn lift(&mut self, schema: &Schema, at: &str, hint: &str) -> TypeRef {
        if let Some(name) = self.lifted_by_pointer.get(at) {
            return TypeRef::Model(name.clone());
        }
        let base = schema
            .schema_data
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(hint);
        let mut name = names::pascal(base);
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{}{n}", names::pascal(base));
            n += 1;
        }
        self.taken.insert(name.clone());
        self.lifted_by_pointer.insert(at.to_owned(), name.clone());
        self.lifted
            .insert(name.clone(), (at.to_owned(), schema.clone()));
        TypeRef::Model(name)
    }
}

/// A string schema with an `enum` list.
fn is_string_enum(schema: &Schema) -> bool {
    matches!(&schema.schema_kind, SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty())
}

/// A string schema of format `binary`: a file.
pub fn is_binary(schema: &Schema) -> bool {
    matches!(
        &schema.schema_kind,
        SchemaKind::Type(Type::String(s))
            if matches!(s.format, VariantOrUnknownOrEmpty::Item(StringFormat::Binary))
    )
}

/// A boxed schema reference as a plain one.
pub fn unbox(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item((**schema).clone()),
    }
}

/// Media types decoded as JSON.
pub fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_types() {
        assert!(is_json("application/json"));
        assert!(is_json("application/problem+json; charset=utf-8"));
        assert!(!is_json("text/plain"));
    }
}
