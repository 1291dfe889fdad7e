//! The intermediate representation: every selected operation as plain data, which the emitters
//! (operations, mocks, contract cases) turn into code without looking at the document again.
//! Only the schemas lifted out of operations stay openapiv3 schemas, for the model step.

use std::collections::BTreeMap;

use openapiv3::Schema;

use crate::facts::Facts;

/// Everything the emitters need.
pub struct Api {
    /// `info.title` of the document.
    pub title: String,
    /// `info.version` of the document.
    pub version: String,
    /// The selected operations, lowered, in document order.
    pub operations: Vec<Operation>,
    /// Inline schemas lifted out as named models: name → (pointer, schema).
    pub lifted: BTreeMap<String, (String, Schema)>,
}

impl Api {
    /// The hand-written helpers the operations enable (see `facts::Row::helper`), sorted, each
    /// once.
    pub fn helpers(&self) -> Vec<&'static str> {
        let mut helpers: Vec<&'static str> = self
            .operations
            .iter()
            .filter_map(|op| op.facts.helper)
            .collect();
        helpers.sort_unstable();
        helpers.dedup();
        helpers
    }
}

/// One operation as plain data.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `operationId` as the document spells it.
    pub id: String,
    /// The method name: `operationId` in snake case.
    pub name: String,
    /// HTTP method, lower case.
    pub method: &'static str,
    /// Path template as in the document.
    pub path: String,
    /// The template split into literal text and parameters.
    pub path_parts: Vec<PathPart>,
    /// `tags`, in document order.
    pub tags: Vec<String>,
    /// `summary`, if any.
    pub summary: Option<String>,
    /// `description`, if any.
    pub description: Option<String>,
    /// Path parameters (in template order), then query parameters (in document order).
    pub params: Vec<Param>,
    /// The request body, if the operation takes one.
    pub body: Option<Body>,
    /// The documented responses.
    pub responses: Vec<Response>,
    /// Accepted security requirements, e.g. `basicAuth (app, account)`.
    pub security: Vec<String>,
    /// What the generator knows about the operation beyond the document (see [`crate::facts`]).
    pub facts: Facts,
    /// Whether the document marks the operation `deprecated`.
    pub deprecated: bool,
    /// How a cursor-paginated list pages, when the operation is one.
    pub pagination: Option<Pagination>,
    /// JSON pointer of the operation in the document.
    pub pointer: String,
}

/// Where an operation names a type (see [`Operation::types`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeUse {
    /// A path or query parameter.
    Param,
    /// The JSON request body.
    JsonBody,
    /// A field of a multipart form: a file (`true`) or a plain value.
    FormField {
        /// Whether the field is a file.
        file: bool,
    },
    /// The JSON answer of a response with this status.
    Answer(Status),
    /// One entry of a paginated list.
    Entry,
}

impl Operation {
    /// Every type the operation names, with where: what the steps that look at an operation's
    /// types (pruning, the models import of its code and of its mock) pick from.
    pub fn types(&self) -> Vec<(TypeUse, &TypeRef)> {
        let mut types: Vec<(TypeUse, &TypeRef)> = self
            .params
            .iter()
            .map(|p| (TypeUse::Param, &p.ty))
            .collect();
        match &self.body {
            Some(Body::Json { ty, .. }) => types.push((TypeUse::JsonBody, ty)),
            Some(Body::Multipart { fields }) => types.extend(
                fields
                    .iter()
                    .map(|f| (TypeUse::FormField { file: f.file }, &f.ty)),
            ),
            None => {}
        }
        for response in &self.responses {
            if let Payload::Json { ty, .. } = &response.payload {
                types.push((TypeUse::Answer(response.status), ty));
            }
        }
        if let Some(pagination) = &self.pagination {
            types.push((TypeUse::Entry, &pagination.item_ty));
        }
        types
    }

    /// The payloads of the documented success responses (`2xx`), without repeats.
    pub fn success_payloads(&self) -> Vec<&Payload> {
        let mut payloads: Vec<&Payload> = self
            .responses
            .iter()
            .filter(|r| r.status.is_success())
            .map(|r| &r.payload)
            .collect();
        payloads.dedup();
        payloads
    }

    /// The documented redirects (`3xx`) of an operation that documents no success (an
    /// endpoint meant for browsers, such as an OAuth authorisation): they are its answer,
    /// returned with their `Location` header rather than as errors. Redirects are never
    /// followed.
    pub fn redirect_answers(&self) -> Vec<u16> {
        if self.responses.iter().any(|r| r.status.is_success()) {
            return Vec::new();
        }
        self.responses
            .iter()
            .filter_map(|r| match r.status {
                Status::Code(code) if (300..400).contains(&code) => Some(code),
                _ => None,
            })
            .collect()
    }

    /// The `Accept` header: the media types of the documented answers that are not JSON (a
    /// redirect's `text/plain`, a file), then `application/json` for everything else and for
    /// errors. Only printable ASCII media types are listed.
    pub fn accept(&self) -> String {
        let mut types: Vec<&str> = Vec::new();
        for response in &self.responses {
            if let Payload::Bytes(media) = &response.payload
                && media.chars().all(|c| c.is_ascii_graphic() || c == ' ')
                && !media.contains(',')
                && !types.contains(&media.as_str())
            {
                types.push(media);
            }
        }
        types.push("application/json");
        types.join(", ")
    }

    /// The parameters the caller must give.
    pub fn required_params(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| p.required)
    }

    /// Whether a default build of the client has it (its [`DEFAULT_TAG`](crate::select::DEFAULT_TAG)).
    pub fn in_default_build(&self) -> bool {
        self.tags
            .iter()
            .any(|tag| tag == crate::select::DEFAULT_TAG)
    }

    /// The parameters the caller may leave out.
    pub fn optional_params(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| !p.required)
    }
}

/// How a cursor-paginated list pages: the `page` parameter's cursor, the answer's `meta`
/// field with the next cursor, and the field holding the entries.
#[derive(Debug, Clone)]
pub struct Pagination {
    /// The Rust name of the `page` parameter.
    pub page_param: String,
    /// `after` or `before`.
    pub cursor_key: &'static str,
    /// `afterCursor` or `beforeCursor`.
    pub cursor_field: &'static str,
    /// The answer's array of entries, by its JSON name (`messages`).
    pub items_field: String,
    /// The type of one entry.
    pub item_ty: TypeRef,
    /// The answer's model, by schema name.
    pub answer: String,
    /// How the answer's model holds `meta`, and `meta`'s model `hasMore` and the cursor.
    pub meta: Field,
    /// See [`Pagination::meta`].
    pub has_more: Field,
    /// See [`Pagination::meta`].
    pub cursor: Field,
    /// The Rust field of the entries (a `Vec`).
    pub entries: String,
}

/// A property as typify holds it in a model's struct: its Rust field, and whether the field is
/// an `Option` (a property neither required nor with a default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The Rust field name.
    pub ident: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// Literal text, including its slashes.
    Literal(String),
    /// A path parameter, by its index in `Operation::params`.
    Param(usize),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// One path segment.
    Path,
    /// The query string.
    Query,
}

/// How a query parameter is serialised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `name=value`; arrays repeat the name when exploded, else join with commas.
    Form {
        /// Whether arrays repeat the name.
        explode: bool,
    },
    /// `name[key]=value` for each property of an object.
    DeepObject,
}

/// A path or query parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// The name on the wire.
    pub name: String,
    /// The Rust argument name.
    pub ident: String,
    /// Path or query.
    pub location: Location,
    /// Whether the caller must give it.
    pub required: bool,
    /// Its type.
    pub ty: TypeRef,
    /// How it is serialised.
    pub style: Style,
    /// `description`, if any.
    pub description: Option<String>,
    /// Whether the document marks the parameter `deprecated`.
    pub deprecated: bool,
    /// What the contract cases send: the parameter's example, or a minimal value of its
    /// schema.
    pub sample: serde_json::Value,
}

/// The Rust type of a value, before names are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// `String`.
    String,
    /// `i64`.
    Integer,
    /// `f64`.
    Number,
    /// `bool`.
    Boolean,
    /// Any JSON value.
    Json,
    /// A free-form JSON object.
    JsonObject,
    /// A list.
    Array(Box<TypeRef>),
    /// A string-keyed map.
    Map(Box<TypeRef>),
    /// A generated model, by its schema name (component key or lifted name).
    Model(String),
    /// A generated string enum (a model too), usable wherever a plain string is.
    StringEnum(String),
    /// A hand-written type of the crate named by the per-operation facts, e.g.
    /// `crate::Access`; it implements `Display`.
    Crate(&'static str),
}

impl TypeRef {
    /// Whether a value of this type can stand as one path segment or one query value.
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            TypeRef::String
                | TypeRef::Integer
                | TypeRef::Number
                | TypeRef::Boolean
                | TypeRef::StringEnum(_)
                | TypeRef::Crate(_)
        )
    }

    /// The schema names of the models this type uses.
    pub fn models(&self, out: &mut Vec<String>) {
        match self {
            TypeRef::Model(name) | TypeRef::StringEnum(name) => out.push(name.clone()),
            TypeRef::Array(inner) | TypeRef::Map(inner) => inner.models(out),
            _ => {}
        }
    }
}

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    /// A JSON document.
    Json {
        /// Its type.
        ty: TypeRef,
        /// What the contract cases send: the body's example, or a minimal value of its schema.
        sample: serde_json::Value,
    },
    /// A `multipart/form-data` form.
    Multipart {
        /// The form's fields in document order.
        fields: Vec<FormField>,
    },
}

/// One field of a multipart form.
#[derive(Debug, Clone)]
pub struct FormField {
    /// The part name on the wire.
    pub name: String,
    /// The Rust field name.
    pub ident: String,
    /// A streamed file part (`format: binary`) rather than a text value.
    pub file: bool,
    /// Type of a text field.
    pub ty: TypeRef,
    /// Whether the field must be present.
    pub required: bool,
    /// `description`, if any.
    pub description: Option<String>,
}

/// Which statuses a documented response covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exactly this code.
    Code(u16),
    /// `2XX` and friends: the hundreds digit.
    Range(u16),
    /// `default`.
    Default,
}

/// As the document writes it: `404`, `4XX`, `default`.
impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Code(code) => write!(f, "{code}"),
            Status::Range(hundreds) => write!(f, "{hundreds}XX"),
            Status::Default => f.write_str("default"),
        }
    }
}

impl Status {
    /// Whether the statuses are successes (`2xx`).
    pub fn is_success(self) -> bool {
        match self {
            Status::Code(code) => (200..300).contains(&code),
            Status::Range(hundreds) => hundreds == 2,
            Status::Default => false,
        }
    }
}

/// What a response carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// Nothing worth decoding.
    Empty,
    /// JSON of this type. `empty_ok`: the schema requires nothing (no required property), so an
    /// empty body means its default value.
    Json {
        /// The decoded type.
        ty: TypeRef,
        /// Whether an empty body is acceptable (decoded as the type's default).
        empty_ok: bool,
    },
    /// Bytes of a non-JSON media type.
    Bytes(String),
}

/// One documented response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The statuses it covers.
    pub status: Status,
    /// Its description.
    pub description: String,
    /// Its body.
    pub payload: Payload,
}
