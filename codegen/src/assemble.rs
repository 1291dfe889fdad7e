//! The end of step 6, and step 7, assemble: the parts the emitters wrote put into the one
//! generated file (the modules `types`, `operations`, `mock` and `webhooks`), then the file
//! formatted: the models, parsed already, spliced into `types`, the whole unparsed by
//! prettyplease, under the file's "do not edit" line.

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Error;
use crate::ir;

/// What the emitters of step 6 wrote.
pub struct Parts {
    /// The operations (`emit`).
    pub operations: TokenStream,
    /// The `operations` module's doc, a line each (`docs::operations_by_tag`).
    pub operations_doc: Vec<String>,
    /// The typed httpmock helpers (`mock`).
    pub mocks: TokenStream,
    /// The typed webhook payload (`webhooks`), when asked for.
    pub webhooks: Option<TokenStream>,
    /// Whether a model's field is `#[deprecated]` (`models`).
    pub deprecated: bool,
}

impl Parts {
    /// The generated file, with its `types` module still empty (see [`format()`]).
    pub fn file(self) -> TokenStream {
        let Parts {
            operations,
            operations_doc,
            mocks,
            webhooks,
            deprecated,
        } = self;
        let webhooks_module = match webhooks {
            Some(items) => quote! {
                /// The typed payload of the document's webhook calls (`x-webhooks`), re-exported
                /// with the hand-written verification in the crate's `webhooks` module.
                pub mod webhooks {
                    use super::types;
                    #items
                }
            },
            None => quote! {},
        };
        // Fields the document marks deprecated are `#[deprecated]` for the code that uses them;
        // the models' own conversions set them all.
        let allow_deprecated = deprecated.then(|| quote!(#[allow(deprecated)]));
        quote! {
            /// Models: the request and response types of the generated operations.
            #allow_deprecated
            pub mod types {}

            #(#[doc = #operations_doc])*
            pub mod operations {
                #operations
            }

            /// Typed [httpmock](https://docs.rs/httpmock) helpers, one per operation, for testing
            /// code that uses this client (cargo feature `mock`).
            #[cfg(feature = "mock")]
            pub mod mock {
                #mocks
            }

            #webhooks_module
        }
    }
}

/// The formatted source of `file` (from [`Parts::file`]) with `models` as the items of its
/// `types` module, under a first line naming the document (`display`, and `api`'s title and
/// version).
pub fn format(
    file: TokenStream,
    models: Vec<syn::Item>,
    display: &str,
    api: &ir::Api,
) -> Result<String, Error> {
    let mut syntax = syn::parse2::<syn::File>(file)
        .map_err(|e| Error::whole(format!("generated code does not parse: {e}")))?;
    // The models, parsed already, go into `types` as they are: the largest part of the code is
    // not parsed twice.
    if let Some(syn::Item::Mod(types)) = syntax
        .items
        .iter_mut()
        .find(|item| matches!(item, syn::Item::Mod(m) if m.ident == "types"))
        && let Some((_, content)) = &mut types.content
    {
        *content = models;
    }
    Ok(format!(
        "// generated from {display} ({} {}) by build.rs; do not edit.\n\n{}",
        api.title,
        api.version,
        prettyplease::unparse(&syntax)
    ))
}
