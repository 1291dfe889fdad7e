// generated from tests/fixtures/deep_object.yaml (deepObject filters 1.0.0) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
pub mod types {
    ///`ConversationListFilter`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationListFilter {
        ///The external id of the user.
        #[serde(
            rename = "userExternalId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_external_id: ::std::option::Option<::std::string::String>,
        ///The user's id. One of `userId` or `userExternalId` is required.
        #[serde(
            rename = "userId",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub user_id: ::std::option::Option<::std::string::String>,
    }
    impl ConversationListFilter {
        pub fn builder() -> builder::ConversationListFilter {
            Default::default()
        }
    }
    ///`ConversationListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationListResponse {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub conversations: ::std::vec::Vec<ConversationListResponseConversationsItem>,
    }
    impl ConversationListResponse {
        pub fn builder() -> builder::ConversationListResponse {
            Default::default()
        }
    }
    ///`ConversationListResponseConversationsItem`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationListResponseConversationsItem {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
    }
    impl ConversationListResponseConversationsItem {
        pub fn builder() -> builder::ConversationListResponseConversationsItem {
            Default::default()
        }
    }
    ///`IntegrationListFilter`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct IntegrationListFilter {
        ///Comma-separated list of types to return.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub types: ::std::option::Option<::std::string::String>,
    }
    impl IntegrationListFilter {
        pub fn builder() -> builder::IntegrationListFilter {
            Default::default()
        }
    }
    ///`IntegrationListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct IntegrationListResponse {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub integrations: ::std::vec::Vec<IntegrationListResponseIntegrationsItem>,
    }
    impl IntegrationListResponse {
        pub fn builder() -> builder::IntegrationListResponse {
            Default::default()
        }
    }
    ///`IntegrationListResponseIntegrationsItem`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct IntegrationListResponseIntegrationsItem {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl IntegrationListResponseIntegrationsItem {
        pub fn builder() -> builder::IntegrationListResponseIntegrationsItem {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct ConversationListFilter {
            user_external_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationListFilter {
            fn default() -> Self {
                Self {
                    user_external_id: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                }
            }
        }
        impl ConversationListFilter {
            pub fn user_external_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_external_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for user_external_id: {e}"
                        )
                    });
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ConversationListFilter>
        for super::ConversationListFilter {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationListFilter,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    user_external_id: value.user_external_id?,
                    user_id: value.user_id?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationListFilter>
        for ConversationListFilter {
            fn from(value: super::ConversationListFilter) -> Self {
                Self {
                    user_external_id: Ok(value.user_external_id),
                    user_id: Ok(value.user_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationListResponse {
            conversations: ::std::result::Result<
                ::std::vec::Vec<super::ConversationListResponseConversationsItem>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationListResponse {
            fn default() -> Self {
                Self {
                    conversations: Ok(Default::default()),
                }
            }
        }
        impl ConversationListResponse {
            pub fn conversations<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<super::ConversationListResponseConversationsItem>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.conversations = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for conversations: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ConversationListResponse>
        for super::ConversationListResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationListResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    conversations: value.conversations?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationListResponse>
        for ConversationListResponse {
            fn from(value: super::ConversationListResponse) -> Self {
                Self {
                    conversations: Ok(value.conversations),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationListResponseConversationsItem {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationListResponseConversationsItem {
            fn default() -> Self {
                Self { id: Ok(Default::default()) }
            }
        }
        impl ConversationListResponseConversationsItem {
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
        }
        impl ::std::convert::TryFrom<ConversationListResponseConversationsItem>
        for super::ConversationListResponseConversationsItem {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationListResponseConversationsItem,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { id: value.id? })
            }
        }
        impl ::std::convert::From<super::ConversationListResponseConversationsItem>
        for ConversationListResponseConversationsItem {
            fn from(value: super::ConversationListResponseConversationsItem) -> Self {
                Self { id: Ok(value.id) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct IntegrationListFilter {
            types: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for IntegrationListFilter {
            fn default() -> Self {
                Self {
                    types: Ok(Default::default()),
                }
            }
        }
        impl IntegrationListFilter {
            pub fn types<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.types = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for types: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<IntegrationListFilter>
        for super::IntegrationListFilter {
            type Error = super::error::ConversionError;
            fn try_from(
                value: IntegrationListFilter,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { types: value.types? })
            }
        }
        impl ::std::convert::From<super::IntegrationListFilter>
        for IntegrationListFilter {
            fn from(value: super::IntegrationListFilter) -> Self {
                Self { types: Ok(value.types) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct IntegrationListResponse {
            integrations: ::std::result::Result<
                ::std::vec::Vec<super::IntegrationListResponseIntegrationsItem>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for IntegrationListResponse {
            fn default() -> Self {
                Self {
                    integrations: Ok(Default::default()),
                }
            }
        }
        impl IntegrationListResponse {
            pub fn integrations<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::vec::Vec<super::IntegrationListResponseIntegrationsItem>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.integrations = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for integrations: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<IntegrationListResponse>
        for super::IntegrationListResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: IntegrationListResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    integrations: value.integrations?,
                })
            }
        }
        impl ::std::convert::From<super::IntegrationListResponse>
        for IntegrationListResponse {
            fn from(value: super::IntegrationListResponse) -> Self {
                Self {
                    integrations: Ok(value.integrations),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct IntegrationListResponseIntegrationsItem {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for IntegrationListResponseIntegrationsItem {
            fn default() -> Self {
                Self {
                    id: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl IntegrationListResponseIntegrationsItem {
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<IntegrationListResponseIntegrationsItem>
        for super::IntegrationListResponseIntegrationsItem {
            type Error = super::error::ConversionError;
            fn try_from(
                value: IntegrationListResponseIntegrationsItem,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::IntegrationListResponseIntegrationsItem>
        for IntegrationListResponseIntegrationsItem {
            fn from(value: super::IntegrationListResponseIntegrationsItem) -> Self {
                Self {
                    id: Ok(value.id),
                    type_: Ok(value.type_),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    impl ::std::convert::From<error::ConversionError> for crate::Error {
        fn from(error: error::ConversionError) -> Self {
            crate::__rt::model_not_built(error.to_string())
        }
    }
}
/// Operations: one blocking method on [`Client`](crate::Client) per operation of the document (deepObject filters 1.0.0), with the request builders and multipart forms they use.
///
/// # By tag
///
/// The document's tags, in its order, and the methods of each (a method named after the operation's `operationId`, in snake case):
///
/// - **Conversations**: [`list_conversations`](crate::Client::list_conversations)
/// - **Integrations**: [`list_integrations`](crate::Client::list_integrations)
pub mod operations {
    use super::types;
    /// What each operation is, for the request path: its route, and the facts that decide
    /// retries and what an error may quote.
    pub(crate) mod info {
        use crate::__rt::{Method, OperationInfo, Repeat};
        /// `GET /v2/apps/{appId}/conversations` (`listConversations`).
        pub(crate) const LIST_CONVERSATIONS: OperationInfo = OperationInfo {
            id: "listConversations",
            method: Method::Get,
            path: "/v2/apps/{appId}/conversations",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: false,
        };
        /// `GET /v2/apps/{appId}/integrations` (`listIntegrations`).
        pub(crate) const LIST_INTEGRATIONS: OperationInfo = OperationInfo {
            id: "listIntegrations",
            method: Method::Get,
            path: "/v2/apps/{appId}/integrations",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: false,
        };
    }
    impl crate::Client {
        /// List Conversations
        ///
        /// Lists all conversations that a user is part of.
        ///
        /// Returns the request; its `send()` sends `GET /v2/apps/{appId}/conversations`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `filter` (deepObject query `filter`, required): Contains parameters for filtering the results.
        ///
        /// Responses:
        /// - `200`: Ok ([`types::ConversationListResponse`])
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1conversations/get` (operation `listConversations`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn list_conversations<'a>(
            &'a self,
            app_id: &'a str,
            filter: &'a types::ConversationListFilter,
        ) -> ListConversationsRequest<'a> {
            ListConversationsRequest {
                client: self,
                app_id,
                filter,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::list_conversations`](crate::Client::list_conversations) request: set its optional parameters, then [`send`](ListConversationsRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct ListConversationsRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        filter: &'a types::ConversationListFilter,
        options: crate::RequestOptions,
    }
    impl<'a> ListConversationsRequest<'a> {
        /// Ends this call at `timeout`, every attempt and wait included, instead of at the
        /// client's deadline.
        pub fn with_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }
        /// Sends `name: value` with this call (a credential, or a header the client sets
        /// itself, is refused when it is sent, before anything goes out).
        pub fn with_header(mut self, name: &str, value: &str) -> Self {
            self.options = self.options.header(name, value);
            self
        }
        /// Cancels this call once `token` is cancelled.
        pub fn cancel_with(mut self, token: &crate::CancelToken) -> Self {
            self.options = self.options.cancel_with(token);
            self
        }
        /// These settings of the call, on top of the client's.
        pub fn with_options(mut self, options: crate::RequestOptions) -> Self {
            self.options = options;
            self
        }
        /// Sends the request.
        pub fn send(
            self,
        ) -> Result<
            crate::ResponseValue<types::ConversationListResponse>,
            crate::Error,
        > {
            let ListConversationsRequest { client, app_id, filter, options } = self;
            let mut request = crate::__rt::Request::new(&info::LIST_CONVERSATIONS);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/conversations");
            request.query_deep_object("filter", filter)?;
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => {
                    response.json_allow_empty::<types::ConversationListResponse>()
                }
                _ => Err(response.error("")),
            }
        }
    }
    impl crate::Client {
        /// List Integrations
        ///
        /// Lists the integrations of an app.
        ///
        /// Returns the request; its `send()` sends `GET /v2/apps/{appId}/integrations`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `filter` (deepObject query `filter`, optional, a setter of the request): Contains parameters for filtering the results.
        ///
        /// Responses:
        /// - `200`: Ok ([`types::IntegrationListResponse`])
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1integrations/get` (operation `listIntegrations`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn list_integrations<'a>(
            &'a self,
            app_id: &'a str,
        ) -> ListIntegrationsRequest<'a> {
            ListIntegrationsRequest {
                client: self,
                app_id,
                filter: None,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::list_integrations`](crate::Client::list_integrations) request: set its optional parameters, then [`send`](ListIntegrationsRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct ListIntegrationsRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        filter: Option<types::IntegrationListFilter>,
        options: crate::RequestOptions,
    }
    impl<'a> ListIntegrationsRequest<'a> {
        /// Sets `filter` (deepObject query). Contains parameters for filtering the results.
        pub fn filter(mut self, value: types::IntegrationListFilter) -> Self {
            self.filter = Some(value);
            self
        }
        /// Ends this call at `timeout`, every attempt and wait included, instead of at the
        /// client's deadline.
        pub fn with_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }
        /// Sends `name: value` with this call (a credential, or a header the client sets
        /// itself, is refused when it is sent, before anything goes out).
        pub fn with_header(mut self, name: &str, value: &str) -> Self {
            self.options = self.options.header(name, value);
            self
        }
        /// Cancels this call once `token` is cancelled.
        pub fn cancel_with(mut self, token: &crate::CancelToken) -> Self {
            self.options = self.options.cancel_with(token);
            self
        }
        /// These settings of the call, on top of the client's.
        pub fn with_options(mut self, options: crate::RequestOptions) -> Self {
            self.options = options;
            self
        }
        /// Sends the request.
        pub fn send(
            self,
        ) -> Result<crate::ResponseValue<types::IntegrationListResponse>, crate::Error> {
            let ListIntegrationsRequest { client, app_id, filter, options } = self;
            let mut request = crate::__rt::Request::new(&info::LIST_INTEGRATIONS);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/integrations");
            if let Some(value) = &filter {
                request.query_deep_object("filter", value)?;
            }
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => {
                    response.json_allow_empty::<types::IntegrationListResponse>()
                }
                _ => Err(response.error("")),
            }
        }
    }
    /// The `operationId` of every operation this build generated, in document order.
    pub const OPERATION_IDS: &[&str] = &["listConversations", "listIntegrations"];
}
/// Typed [httpmock](https://docs.rs/httpmock) helpers, one per operation, for testing
/// code that uses this client (cargo feature `mock`).
#[cfg(feature = "mock")]
pub mod mock {
    use super::types;
    use crate::__rt::mock::{self as support, Segment};
    use httpmock::{Mock, MockServer};
    /// One typed mock per generated operation, on an [`httpmock::MockServer`].
    pub trait MockServerExt {
        /// Mocks `GET /v2/apps/{appId}/conversations` ([`Client::list_conversations`](crate::Client::list_conversations)): `config` sets what to match and what to answer.
        fn list_conversations<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListConversationsWhen, ListConversationsThen);
        /// Mocks `GET /v2/apps/{appId}/integrations` ([`Client::list_integrations`](crate::Client::list_integrations)): `config` sets what to match and what to answer.
        fn list_integrations<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListIntegrationsWhen, ListIntegrationsThen);
    }
    impl MockServerExt for MockServer {
        fn list_conversations<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListConversationsWhen, ListConversationsThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::GET,
                    LIST_CONVERSATIONS_ROUTE,
                );
                config(ListConversationsWhen(when), ListConversationsThen(then));
            })
        }
        fn list_integrations<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListIntegrationsWhen, ListIntegrationsThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::GET,
                    LIST_INTEGRATIONS_ROUTE,
                );
                config(ListIntegrationsWhen(when), ListIntegrationsThen(then));
            })
        }
    }
    /// The route of `/v2/apps/{appId}/conversations`.
    const LIST_CONVERSATIONS_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/conversations"),
    ];
    crate::__rt::mock::wrappers!(
        ListConversationsWhen,
        " What a mock of [`Client::list_conversations`](crate::Client::list_conversations) matches, besides the method and path.",
        ListConversationsThen,
        " What a mock of [`Client::list_conversations`](crate::Client::list_conversations) answers."
    );
    impl ListConversationsWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    LIST_CONVERSATIONS_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches each `filter[...]` query parameter the value has.
        pub fn filter(self, value: &types::ConversationListFilter) -> Self {
            Self(support::deep_object(self.0, "filter", value))
        }
    }
    impl ListConversationsThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &types::ConversationListResponse) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
    }
    /// The route of `/v2/apps/{appId}/integrations`.
    const LIST_INTEGRATIONS_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/integrations"),
    ];
    crate::__rt::mock::wrappers!(
        ListIntegrationsWhen,
        " What a mock of [`Client::list_integrations`](crate::Client::list_integrations) matches, besides the method and path.",
        ListIntegrationsThen,
        " What a mock of [`Client::list_integrations`](crate::Client::list_integrations) answers."
    );
    impl ListIntegrationsWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    LIST_INTEGRATIONS_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches each `filter[...]` query parameter the value has.
        pub fn filter(self, value: &types::IntegrationListFilter) -> Self {
            Self(support::deep_object(self.0, "filter", value))
        }
    }
    impl ListIntegrationsThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &types::IntegrationListResponse) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
    }
}
