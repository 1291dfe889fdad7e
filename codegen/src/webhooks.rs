//! The webhook payload the document describes under `x-webhooks`: which component schemas are
//! its events (the `anyOf` of `events.items`), each event's `type` string (its schema's
//! `title`, `conversation:message`), and the documented example of each (the webhook body's
//! `examples`, named by event type, each usually a `$ref` into `components/examples`).
//! [`find`] reads them; [`emit`] writes the typed payload: `WebhookPayload`, and an `Event`
//! enum with one variant per event tagged by its `type`, plus the examples for the crate's
//! tests. Nothing about the events is hand-listed: a new document
//! brings its own.

use openapiv3::{MediaType, OpenAPI, ReferenceOr, RequestBody, Schema};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use crate::Repair;
use crate::error::{Error, pointer, pointer_join, schema_key};
use crate::ir::TypeRef;
use crate::keywords::Keywords;
use crate::names;
use crate::read::typed;
use crate::resolve::{Node, Resolver, SchemaRefs, unbox};
use crate::rust_types::{ModelNames, value_type};

/// The payload of the document's webhook calls.
#[derive(Debug, Clone)]
pub struct Webhooks {
    /// JSON pointer of the payload's schema.
    pub pointer: String,
    /// The schema of the payload's `app`, if it names one.
    pub app: Option<String>,
    /// The schema of the payload's `webhook`, if it names one.
    pub webhook: Option<String>,
    /// The events, in the document's order.
    pub events: Vec<Event>,
}

/// One documented event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Its component schema, e.g. `conversationMessageEvent`.
    pub schema: String,
    /// Its `type` string, e.g. `conversation:message`.
    pub event_type: String,
    /// Its documented example payload (the body's example named by its type), as JSON text.
    pub example: Option<String>,
}

impl Event {
    /// The name of its variant of the generated `Event` enum: its schema without the `Event`
    /// suffix, in Pascal case (`ConversationMessage`).
    pub fn variant(&self) -> String {
        names::pascal(self.schema.strip_suffix("Event").unwrap_or(&self.schema))
    }
}

impl Webhooks {
    /// The component schemas the payload needs: what the model step must generate.
    pub fn roots(&self) -> Vec<String> {
        self.app
            .iter()
            .chain(&self.webhook)
            .cloned()
            .chain(self.events.iter().map(|e| e.schema.clone()))
            .collect()
    }
}

/// The webhook payload of the document, or `None` when it has no `x-webhooks`. A payload the
/// generator cannot read is an error naming the place in the document.
///
/// The documented examples are made to fit their schemas where the document's own example
/// contradicts it in a way typing cannot absorb (a number where the schema says string, as
/// `externalId: 912382197` in the `conversation:referral` example): each such value is turned
/// into the string the schema asks for, and listed in `repairs` with its pointer. The examples
/// are read only `with_examples` (for the crate's tests).
pub fn find(
    doc: &OpenAPI,
    repairs: &mut Vec<Repair>,
    with_examples: bool,
) -> Result<Option<Webhooks>, Error> {
    // openapiv3 keeps an extension as plain JSON, whose maps serde_json orders by key.
    let Some(hooks) = doc.extensions.get("x-webhooks") else {
        return Ok(None);
    };
    let hooks = hooks.as_object().ok_or_else(|| {
        Error::at(
            "/x-webhooks",
            "must be a map of webhook names to path items",
        )
    })?;
    let resolver = Resolver::new(doc);
    // The first webhook by name whose body has an `events` array: "Webhook Event" in every
    // version. Only the webhooks' request bodies are read, as openapiv3 reads a request body;
    // the rest of a webhook (an extension no validator checks) is not the generator's business.
    for (name, item) in hooks {
        let Some(body) = item.get("post").and_then(|post| post.get("requestBody")) else {
            continue;
        };
        let at = pointer(["x-webhooks", name.as_str(), "post", "requestBody"]);
        // Read as the body itself unless it is a reference: serde cannot say where in an
        // untagged `ReferenceOr` a value failed.
        let body = match body.get("$ref") {
            Some(_) => typed::<_, ReferenceOr<RequestBody>>(body, &at)?,
            None => ReferenceOr::Item(typed::<_, RequestBody>(body, &at)?),
        };
        let (body, at) = resolver.resolve(&body, &at, "requestBodies", |c| &c.request_bodies)?;
        let Some(content) = body.content.get("application/json") else {
            continue;
        };
        let content_at = pointer_join(&at, ["content", "application/json"]);
        let Some(schema) = &content.schema else {
            continue;
        };
        let (schema, at) = resolver.schema(schema, &pointer_join(&content_at, ["schema"]))?;
        let Some(properties) = Keywords::of(schema)
            .properties
            .filter(|p| p.contains_key("events"))
        else {
            continue;
        };
        let reference = |property: &str| match properties.get(property) {
            Some(ReferenceOr::Reference { reference }) => schema_key(reference).map(str::to_owned),
            _ => None,
        };
        // `events`, its items and their union, each through any references.
        let events_at = pointer_join(&at, ["properties", "events"]);
        let Some(events) = properties.get("events").map(unbox) else {
            continue;
        };
        let (events, events_at) = resolver.schema(&events, &events_at)?;
        let items_at = pointer_join(&events_at, ["items"]);
        let items = Keywords::of(events).items.map(unbox).ok_or_else(|| {
            Error::at(
                items_at.clone(),
                "the events must be an array of event schemas",
            )
        })?;
        let (items, items_at) = resolver.schema(&items, &items_at)?;
        let union = Keywords::of(items);
        let (union, members) = [("anyOf", union.any_of), ("oneOf", union.one_of)]
            .into_iter()
            .find(|(_, members)| !members.is_empty())
            .ok_or_else(|| {
                Error::at(
                    pointer_join(&items_at, ["anyOf"]),
                    "the events must be an `anyOf` (or `oneOf`) of event schemas",
                )
            })?;
        let members_at = pointer_join(&items_at, [union]);
        let mut events = Vec::new();
        for (index, member) in members.iter().enumerate() {
            let member_at = format!("{members_at}/{index}");
            let key = match member {
                ReferenceOr::Reference { reference } => schema_key(reference),
                ReferenceOr::Item(_) => None,
            }
            .ok_or_else(|| {
                Error::at(member_at.clone(), "must be a `$ref` to a component schema")
            })?;
            let (event_schema, schema_at) = resolver.schema(member, &member_at)?;
            let event_type = event_schema
                .schema_data
                .title
                .as_deref()
                .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_graphic()))
                .ok_or_else(|| {
                    Error::at(
                        format!("{schema_at}/title"),
                        "a webhook event needs its `type` string (`conversation:message`) as \
                         its title",
                    )
                })?;
            if events.iter().any(|e: &Event| e.event_type == event_type) {
                return Err(Error::at(
                    format!("{schema_at}/title"),
                    format!("`{event_type}` is the title of two webhook events"),
                ));
            }
            let example = if with_examples {
                example(
                    &resolver,
                    content,
                    &content_at,
                    event_type,
                    event_schema,
                    repairs,
                )?
            } else {
                None
            };
            events.push(Event {
                schema: key.to_owned(),
                event_type: event_type.to_owned(),
                example,
            });
        }
        return Ok(Some(Webhooks {
            pointer: at,
            app: reference("app"),
            webhook: reference("webhook"),
            events,
        }));
    }
    Ok(None)
}

/// The documented example of the event `event_type` (the body's example of that name, through
/// a reference), as JSON text, its events made to fit `event_schema` (see [`coerce`]).
fn example(
    resolver: &Resolver<'_>,
    content: &MediaType,
    content_at: &str,
    event_type: &str,
    event_schema: &Schema,
    repairs: &mut Vec<Repair>,
) -> Result<Option<String>, Error> {
    let Some(example) = content.examples.get(event_type) else {
        return Ok(None);
    };
    let example_at = pointer_join(content_at, ["examples", event_type]);
    let (example, example_at) =
        resolver.resolve(example, &example_at, "examples", |c| &c.examples)?;
    let Some(mut value) = example.value.clone() else {
        return Ok(None);
    };
    let refs = SchemaRefs::of(resolver.doc());
    let events = value.get_mut("events").and_then(Value::as_array_mut);
    for (index, event) in events.into_iter().flatten().enumerate() {
        let at = format!("{example_at}/value/events/{index}");
        coerce(refs, Node::Schema(event_schema), event, &at, 0, repairs);
    }
    Ok(Some(value.to_string()))
}

/// Turns the numbers and booleans of `value` that `schema` declares as strings into strings,
/// following references into `components/schemas`, `allOf`, properties and array items (not
/// `anyOf`/`oneOf`, whose member is not known), and records each change.
pub(crate) fn coerce(
    refs: SchemaRefs<'_>,
    schema: Node<'_>,
    value: &mut Value,
    at: &str,
    depth: usize,
    repairs: &mut Vec<Repair>,
) {
    if depth > 64 {
        return;
    }
    let Some(schema) = refs.schema(schema) else {
        return;
    };
    let keywords = Keywords::of(schema);
    for member in keywords.all_of.unwrap_or_default() {
        coerce(refs, member.into(), value, at, depth + 1, repairs);
    }
    match value {
        Value::Number(_) | Value::Bool(_) if keywords.typ == Some("string") => {
            repairs.push(Repair {
                pointer: at.to_owned(),
                what: format!(
                    "the example gives {value} where its schema declares a string; read as \
                     the string \"{value}\""
                ),
            });
            *value = Value::String(value.to_string());
        }
        Value::Object(object) => {
            if let Some(properties) = keywords.properties {
                // In the value's order (serde_json orders a map by key): the repairs are listed
                // by name.
                for (name, inner) in object.iter_mut() {
                    if let Some(property) = properties.get(name) {
                        let at = pointer_join(at, [name]);
                        coerce(refs, property.into(), inner, &at, depth + 1, repairs);
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = keywords.items {
                for (index, inner) in items.iter_mut().enumerate() {
                    let at = format!("{at}/{index}");
                    coerce(refs, item.into(), inner, &at, depth + 1, repairs);
                }
            }
        }
        _ => {}
    }
}

/// The `webhooks` module's generated items: `WebhookPayload`, `Event` and its decoding,
/// and `EVENT_TYPES`.
pub fn emit(webhooks: &Webhooks, models: &ModelNames) -> Result<TokenStream, Error> {
    let model = |key: &str| -> Result<TokenStream, Error> {
        value_type(&TypeRef::Model(key.to_owned()), models)
            .map_err(|message| Error::at(pointer(["components", "schemas", key]), message))
    };
    let optional = |key: &Option<String>| -> Result<TokenStream, Error> {
        Ok(match key {
            Some(key) => model(key)?,
            None => quote! { ::serde_json::Value },
        })
    };
    let app = optional(&webhooks.app)?;
    let webhook = optional(&webhooks.webhook)?;
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    let mut type_arms = Vec::new();
    let mut schema_arms = Vec::new();
    let mut json_arms = Vec::new();
    let mut types = Vec::new();
    for event in &webhooks.events {
        let variant = format_ident!("{}", event.variant());
        let ty = model(&event.schema)?;
        let (event_type, schema) = (&event.event_type, &event.schema);
        let doc = format!(" `{event_type}` (schema `{schema}`).");
        variants.push(quote! { #[doc = #doc] #variant(::std::boxed::Box<#ty>) });
        arms.push(quote! {
            #event_type => match ::serde_json::from_value::<#ty>(value.clone()) {
                Ok(event) => Event::#variant(::std::boxed::Box::new(event)),
                Err(error) => Event::Unknown(crate::__rt::UnknownEvent::undecoded(value, error)),
            }
        });
        type_arms.push(quote! { Event::#variant(_) => #event_type });
        schema_arms.push(quote! { Event::#variant(_) => ::std::option::Option::Some(#schema) });
        json_arms.push(quote! {
            Event::#variant(event) => ::serde_json::to_value(event).unwrap_or_default()
        });
        types.push(quote! { (#event_type, #schema) });
    }
    let payload_doc = format!(
        " The body of a webhook call: the document's `x-webhooks` payload (`{}`).",
        webhooks.pointer
    );
    Ok(quote! {
        #[doc = #payload_doc]
        ///
        /// Parse one with [`crate::webhooks::parse`], which bounds the body's size; an event
        /// of a type the document does not know is kept as [`Event::Unknown`].
        #[derive(Debug, Clone, ::serde::Deserialize)]
        #[non_exhaustive]
        pub struct WebhookPayload {
            /// The app the events belong to.
            #[serde(default)]
            pub app: ::std::option::Option<#app>,
            /// The webhook that delivered them.
            #[serde(default)]
            pub webhook: ::std::option::Option<#webhook>,
            /// The events, in the order they occurred.
            #[serde(default)]
            pub events: ::std::vec::Vec<Event>,
        }

        /// One event of a webhook call, by its `type`: one variant per event the document
        /// describes, and [`Event::Unknown`] for any other (or one that does not decode as
        /// documented), with its type, id, creation time and raw JSON kept.
        #[derive(Debug, Clone)]
        #[non_exhaustive]
        pub enum Event {
            #(#variants,)*
            /// A type the document does not describe, or an event that does not decode as
            /// documented.
            Unknown(crate::webhooks::UnknownEvent),
        }

        impl Event {
            /// The event's `type`, e.g. `conversation:message`.
            pub fn event_type(&self) -> &str {
                match self {
                    #(#type_arms,)*
                    Event::Unknown(event) => event.event_type(),
                }
            }

            /// The document's schema of the event, e.g. `conversationMessageEvent`; `None` for
            /// [`Event::Unknown`].
            pub fn schema(&self) -> ::std::option::Option<&'static str> {
                match self {
                    #(#schema_arms,)*
                    Event::Unknown(_) => ::std::option::Option::None,
                }
            }

            /// The event as JSON: the typed event serialised, or an unknown one as it arrived.
            pub fn to_json(&self) -> ::serde_json::Value {
                match self {
                    #(#json_arms,)*
                    Event::Unknown(event) => event.raw().clone(),
                }
            }

            /// The event's `id`, which tells a redelivered event.
            pub fn id(&self) -> ::std::option::Option<::std::string::String> {
                match self {
                    Event::Unknown(event) => event.id().map(::std::borrow::ToOwned::to_owned),
                    typed => typed
                        .to_json()
                        .get("id")
                        .and_then(::serde_json::Value::as_str)
                        .map(::std::borrow::ToOwned::to_owned),
                }
            }

            fn from_value(value: ::serde_json::Value) -> Self {
                let kind = value
                    .get("type")
                    .and_then(::serde_json::Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                match kind.as_str() {
                    #(#arms,)*
                    _ => Event::Unknown(crate::__rt::UnknownEvent::unknown(value)),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Event {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Event::from_value(value))
            }
        }

        /// Every event the document describes: its `type` and its schema.
        pub const EVENT_TYPES: &[(&str, &str)] = &[#(#types),*];
    })
}

/// `webhook_examples.rs`, for the crate's tests: `EXAMPLES`, the document's example payload of
/// each event by event type.
pub fn examples_source(webhooks: Option<&Webhooks>) -> String {
    let events = webhooks.map(|w| w.events.as_slice()).unwrap_or_default();
    let examples: String = events
        .iter()
        .filter_map(|event| {
            let json = event.example.as_ref()?;
            Some(format!("    ({:?}, {json:?}),\n", event.event_type))
        })
        .collect();
    format!(
        "// generated by build.rs for the crate's tests; do not edit.\n\n\
         /// The document's example payload of each event, by event type.\n\
         pub const EXAMPLES: &[(&str, &str)] = &[\n{examples}];\n"
    )
}
