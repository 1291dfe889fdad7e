// generated from openapi/sunshine-conversations.yaml (Sunshine Conversations API 12.5.1) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
pub mod types {
    ///`AttachmentDeleteBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AttachmentDeleteBody {
        ///The media URL used for a file or image message.
        #[serde(rename = "mediaUrl")]
        pub media_url: ::std::string::String,
    }
    impl AttachmentDeleteBody {
        pub fn builder() -> builder::AttachmentDeleteBody {
            Default::default()
        }
    }
    ///`AttachmentMediaTokenBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AttachmentMediaTokenBody {
        ///An array of strings representing the list of attachment paths used to generate the media JWT. One token will be generated for each path. Each token will be valid for 2 hours by default. This value can be modified, see App Settings (operation `createApp`) for more information.
        pub paths: ::std::vec::Vec<::std::string::String>,
    }
    impl AttachmentMediaTokenBody {
        pub fn builder() -> builder::AttachmentMediaTokenBody {
            Default::default()
        }
    }
    ///`AttachmentResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct AttachmentResponse {
        ///The uploaded attachment object.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub attachment: ::std::option::Option<AttachmentSchema>,
    }
    impl AttachmentResponse {
        pub fn builder() -> builder::AttachmentResponse {
            Default::default()
        }
    }
    ///`AttachmentSchema`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct AttachmentSchema {
        ///Uploaded attachment's media type
        #[serde(
            rename = "mediaType",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub media_type: ::std::option::Option<::std::string::String>,
        ///Uploaded attachment’s url
        #[serde(
            rename = "mediaUrl",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub media_url: ::std::option::Option<::std::string::String>,
    }
    impl AttachmentSchema {
        pub fn builder() -> builder::AttachmentSchema {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AttachmentDeleteBody {
            media_url: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttachmentDeleteBody {
            fn default() -> Self {
                Self {
                    media_url: Err("no value supplied for media_url".to_string()),
                }
            }
        }
        impl AttachmentDeleteBody {
            pub fn media_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.media_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for media_url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttachmentDeleteBody>
        for super::AttachmentDeleteBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttachmentDeleteBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    media_url: value.media_url?,
                })
            }
        }
        impl ::std::convert::From<super::AttachmentDeleteBody> for AttachmentDeleteBody {
            fn from(value: super::AttachmentDeleteBody) -> Self {
                Self {
                    media_url: Ok(value.media_url),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AttachmentMediaTokenBody {
            paths: ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttachmentMediaTokenBody {
            fn default() -> Self {
                Self {
                    paths: Err("no value supplied for paths".to_string()),
                }
            }
        }
        impl AttachmentMediaTokenBody {
            pub fn paths<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.paths = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for paths: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttachmentMediaTokenBody>
        for super::AttachmentMediaTokenBody {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttachmentMediaTokenBody,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { paths: value.paths? })
            }
        }
        impl ::std::convert::From<super::AttachmentMediaTokenBody>
        for AttachmentMediaTokenBody {
            fn from(value: super::AttachmentMediaTokenBody) -> Self {
                Self { paths: Ok(value.paths) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AttachmentResponse {
            attachment: ::std::result::Result<
                ::std::option::Option<super::AttachmentSchema>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttachmentResponse {
            fn default() -> Self {
                Self {
                    attachment: Ok(Default::default()),
                }
            }
        }
        impl AttachmentResponse {
            pub fn attachment<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::AttachmentSchema>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.attachment = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for attachment: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttachmentResponse> for super::AttachmentResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttachmentResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    attachment: value.attachment?,
                })
            }
        }
        impl ::std::convert::From<super::AttachmentResponse> for AttachmentResponse {
            fn from(value: super::AttachmentResponse) -> Self {
                Self {
                    attachment: Ok(value.attachment),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AttachmentSchema {
            media_type: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            media_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AttachmentSchema {
            fn default() -> Self {
                Self {
                    media_type: Ok(Default::default()),
                    media_url: Ok(Default::default()),
                }
            }
        }
        impl AttachmentSchema {
            pub fn media_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.media_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for media_type: {e}")
                    });
                self
            }
            pub fn media_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.media_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for media_url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AttachmentSchema> for super::AttachmentSchema {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AttachmentSchema,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    media_type: value.media_type?,
                    media_url: value.media_url?,
                })
            }
        }
        impl ::std::convert::From<super::AttachmentSchema> for AttachmentSchema {
            fn from(value: super::AttachmentSchema) -> Self {
                Self {
                    media_type: Ok(value.media_type),
                    media_url: Ok(value.media_url),
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
/// Operations: one blocking method on [`Client`](crate::Client) per operation of the document (Sunshine Conversations API 12.5.1), with the request builders and multipart forms they use.
///
/// # By tag
///
/// The document's tags, in its order, and the methods of each (a method named after the operation's `operationId`, in snake case):
///
/// - **Attachments**: [`upload_attachment`](crate::Client::upload_attachment), [`delete_attachment`](crate::Client::delete_attachment), [`generate_media_json_web_token`](crate::Client::generate_media_json_web_token), [`set_cookie`](crate::Client::set_cookie)
pub mod operations {
    use super::types;
    /// What each operation is, for the request path: its route, and the facts that decide
    /// retries and what an error may quote.
    pub(crate) mod info {
        use crate::__rt::{Method, OperationInfo, Repeat};
        /// `POST /v2/apps/{appId}/attachments` (`uploadAttachment`).
        ///
        /// The facts table: an upload sent twice may store the file twice: an orphan, public by default, whose URL the caller never learns.
        pub(crate) const UPLOAD_ATTACHMENT: OperationInfo = OperationInfo {
            id: "uploadAttachment",
            method: Method::Post,
            path: "/v2/apps/{appId}/attachments",
            accept: "application/json",
            repeat: Repeat::OnlyIfNotProcessed,
            absent_after_retry: None,
            secret_response: false,
        };
        /// `POST /v2/apps/{appId}/attachments/remove` (`deleteAttachment`).
        ///
        /// The facts table: deleting twice deletes once; a 404 after a lost answer means the first one worked.
        pub(crate) const DELETE_ATTACHMENT: OperationInfo = OperationInfo {
            id: "deleteAttachment",
            method: Method::Post,
            path: "/v2/apps/{appId}/attachments/remove",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: Some("attachment"),
            secret_response: false,
        };
        /// `POST /v2/apps/{appId}/attachments/token` (`generateMediaJsonWebToken`).
        ///
        /// The facts table: a media token can be issued again; the answer is a map of tokens, held in `MediaTokens`, whose `Debug` shows only the paths.
        pub(crate) const GENERATE_MEDIA_JSON_WEB_TOKEN: OperationInfo = OperationInfo {
            id: "generateMediaJsonWebToken",
            method: Method::Post,
            path: "/v2/apps/{appId}/attachments/token",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: true,
        };
        /// `GET /v2/apps/{appId}/attachments/cookie` (`setCookie`).
        ///
        /// The facts table: the answer's `Set-Cookie` carries the media token.
        pub(crate) const SET_COOKIE: OperationInfo = OperationInfo {
            id: "setCookie",
            method: Method::Get,
            path: "/v2/apps/{appId}/attachments/cookie",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: true,
        };
    }
    /// The `multipart/form-data` body of [`Client::upload_attachment`](crate::Client::upload_attachment): [`UploadAttachmentForm::new`] with its required parts, then a setter per optional one.
    #[derive(Debug)]
    #[non_exhaustive]
    pub struct UploadAttachmentForm {
        /// The `source` part.
        pub source: crate::FilePart,
    }
    impl UploadAttachmentForm {
        /// The form with its required parts; the optional ones are unset.
        pub fn new(source: crate::FilePart) -> Self {
            Self { source }
        }
        fn into_parts(self) -> crate::__rt::Parts {
            let mut parts = crate::__rt::Parts::new();
            parts.file("source", self.source);
            parts
        }
    }
    impl crate::Client {
        /// Upload Attachment
        ///
        /// Upload an attachment to Sunshine Conversations to use in future messages. Files are uploaded using the multipart/form-data content type. Use the returned mediaUrl to send a file, image or carousel message.
        /// Note that Sunshine Conversations limits the size and type of file you can upload to the platform. See the [file validation](https://docs.smooch.io/guide/validating-files) guide for more details.
        ///
        /// Returns the request; its `send()` sends `POST /v2/apps/{appId}/attachments`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `access` (query `access`, required): The access level for the attachment. Currently the available access levels are public and private. If you are a licensed Zendesk customer, you must use public. Private is not supported.
        /// - `for_` (query `for`, optional, a setter of the request): Specifies the intended container for the attachment, to enable automatic attachment deletion (on deletion of associated message, conversation or user). For now, only message is supported. See [Attachments for Messages](https://developer.zendesk.com/api-reference/conversations/#section/Attachments-for-Messages) for details.
        /// - `conversation_id` (query `conversationId`, optional, a setter of the request): Links the attachment getting uploaded to the conversation ID.
        /// - `body`: the `multipart/form-data` request body: `source` (file)
        ///
        /// Responses:
        /// - `201`: Created ([`types::AttachmentResponse`])
        /// - `400`: Bad request
        ///
        /// Credentials: `basicAuth (integration, app, account)` or `bearerAuth (integration, app, account)`.
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1attachments/post` (operation `uploadAttachment`).
        pub fn upload_attachment<'a>(
            &'a self,
            app_id: &'a str,
            access: &'a crate::Access,
            body: UploadAttachmentForm,
        ) -> UploadAttachmentRequest<'a> {
            UploadAttachmentRequest {
                client: self,
                app_id,
                access,
                body,
                for_: None,
                conversation_id: None,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::upload_attachment`](crate::Client::upload_attachment) request: set its optional parameters, then [`send`](UploadAttachmentRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    pub struct UploadAttachmentRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        access: &'a crate::Access,
        body: UploadAttachmentForm,
        for_: Option<crate::For>,
        conversation_id: Option<::std::string::String>,
        options: crate::RequestOptions,
    }
    impl<'a> UploadAttachmentRequest<'a> {
        /// Sets `for` (query). Specifies the intended container for the attachment, to enable automatic attachment deletion (on deletion of associated message, conversation or user). For now, only message is supported. See [Attachments for Messages](https://developer.zendesk.com/api-reference/conversations/#section/Attachments-for-Messages) for details.
        pub fn for_(mut self, value: crate::For) -> Self {
            self.for_ = Some(value);
            self
        }
        /// Sets `conversationId` (query). Links the attachment getting uploaded to the conversation ID.
        pub fn conversation_id(
            mut self,
            value: impl Into<::std::string::String>,
        ) -> Self {
            self.conversation_id = Some(value.into());
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
        ) -> Result<crate::ResponseValue<types::AttachmentResponse>, crate::Error> {
            let UploadAttachmentRequest {
                client,
                app_id,
                access,
                body,
                for_,
                conversation_id,
                options,
            } = self;
            let mut request = crate::__rt::Request::new(&info::UPLOAD_ATTACHMENT);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments");
            request.query("access", access);
            if let Some(value) = &for_ {
                request.query("for", value);
            }
            if let Some(value) = &conversation_id {
                request.query("conversationId", value);
            }
            request.multipart(body.into_parts());
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<types::AttachmentResponse>(),
                400 => Err(response.error("Bad request")),
                _ => Err(response.error("")),
            }
        }
    }
    impl crate::Client {
        /// Delete Attachment
        ///
        /// Remove an attachment uploaded to Sunshine Conversations through the Upload attachment API.
        /// See [Attachments for Messages](https://developer.zendesk.com/api-reference/conversations/#section/Attachments-for-Messages) to have attachments automatically deleted when deleting messages, conversations or users.
        /// Note that deleted attachments can remain available on our CDN’s cache up to 15 minutes after the delete call.
        ///
        /// Returns the request; its `send()` sends `POST /v2/apps/{appId}/attachments/remove`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `body`: the JSON request body ([`types::AttachmentDeleteBody`])
        ///
        /// Responses:
        /// - `200`: Ok
        /// - `404`: Attachment not found
        ///
        /// Credentials: `basicAuth (integration, app, account)` or `bearerAuth (integration, app, account)`.
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1attachments~1remove/post` (operation `deleteAttachment`).
        pub fn delete_attachment<'a>(
            &'a self,
            app_id: &'a str,
            body: &'a types::AttachmentDeleteBody,
        ) -> DeleteAttachmentRequest<'a> {
            DeleteAttachmentRequest {
                client: self,
                app_id,
                body,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::delete_attachment`](crate::Client::delete_attachment) request: set its optional parameters, then [`send`](DeleteAttachmentRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    pub struct DeleteAttachmentRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        body: &'a types::AttachmentDeleteBody,
        options: crate::RequestOptions,
    }
    impl<'a> DeleteAttachmentRequest<'a> {
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
        ) -> Result<crate::ResponseValue<crate::JsonObject>, crate::Error> {
            let DeleteAttachmentRequest { client, app_id, body, options } = self;
            let mut request = crate::__rt::Request::new(&info::DELETE_ATTACHMENT);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments/remove");
            request.json(body)?;
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                _ if response.done_by_earlier_attempt() => {
                    response.json_allow_empty::<crate::JsonObject>()
                }
                200..=299 => response.json_allow_empty::<crate::JsonObject>(),
                404 => Err(response.error("Attachment not found")),
                _ => Err(response.error("")),
            }
        }
    }
    impl crate::Client {
        /// Generate Media Token
        ///
        /// Generates a media JWT for a list of attachment paths.
        ///
        /// Returns the request; its `send()` sends `POST /v2/apps/{appId}/attachments/token`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `body`: the JSON request body ([`types::AttachmentMediaTokenBody`])
        ///
        /// Responses:
        /// - `200`: Ok ([`crate::MediaTokens`])
        ///
        /// Credentials: `basicAuth (app, account)` or `bearerAuth (app, account)`.
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1attachments~1token/post` (operation `generateMediaJsonWebToken`).
        pub fn generate_media_json_web_token<'a>(
            &'a self,
            app_id: &'a str,
            body: &'a types::AttachmentMediaTokenBody,
        ) -> GenerateMediaJsonWebTokenRequest<'a> {
            GenerateMediaJsonWebTokenRequest {
                client: self,
                app_id,
                body,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::generate_media_json_web_token`](crate::Client::generate_media_json_web_token) request: set its optional parameters, then [`send`](GenerateMediaJsonWebTokenRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    pub struct GenerateMediaJsonWebTokenRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        body: &'a types::AttachmentMediaTokenBody,
        options: crate::RequestOptions,
    }
    impl<'a> GenerateMediaJsonWebTokenRequest<'a> {
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
        ) -> Result<crate::ResponseValue<crate::MediaTokens>, crate::Error> {
            let GenerateMediaJsonWebTokenRequest { client, app_id, body, options } = self;
            let mut request = crate::__rt::Request::new(
                &info::GENERATE_MEDIA_JSON_WEB_TOKEN,
            );
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments/token");
            request.json(body)?;
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<crate::MediaTokens>(),
                _ => Err(response.error("")),
            }
        }
    }
    impl crate::Client {
        /// Set Cookie
        ///
        /// With the media JWT retrieved, pass it in the header of the below request as it’s authorization in order to set a cookie in the user’s browser corresponding to the path within the media JWT.
        /// The expiration date of this cookie will match the expiration date of the media JWT.
        ///
        /// Returns the request; its `send()` sends `GET /v2/apps/{appId}/attachments/cookie`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        ///
        /// Responses:
        /// - `200`: Ok
        ///
        /// Credentials: `bearerAuth (mediaToken)`.
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1attachments~1cookie/get` (operation `setCookie`).
        pub fn set_cookie<'a>(&'a self, app_id: &'a str) -> SetCookieRequest<'a> {
            SetCookieRequest {
                client: self,
                app_id,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::set_cookie`](crate::Client::set_cookie) request: set its optional parameters, then [`send`](SetCookieRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    pub struct SetCookieRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        options: crate::RequestOptions,
    }
    impl<'a> SetCookieRequest<'a> {
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
        ) -> Result<crate::ResponseValue<crate::JsonObject>, crate::Error> {
            let SetCookieRequest { client, app_id, options } = self;
            let mut request = crate::__rt::Request::new(&info::SET_COOKIE);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments/cookie");
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<crate::JsonObject>(),
                _ => Err(response.error("")),
            }
        }
    }
    /// The `operationId` of every operation this build generated, in document order.
    pub const OPERATION_IDS: &[&str] = &[
        "uploadAttachment",
        "deleteAttachment",
        "generateMediaJsonWebToken",
        "setCookie",
    ];
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
        /// Mocks `POST /v2/apps/{appId}/attachments` ([`Client::upload_attachment`](crate::Client::upload_attachment)): `config` sets what to match and what to answer.
        fn upload_attachment<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(UploadAttachmentWhen, UploadAttachmentThen);
        /// Mocks `POST /v2/apps/{appId}/attachments/remove` ([`Client::delete_attachment`](crate::Client::delete_attachment)): `config` sets what to match and what to answer.
        fn delete_attachment<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(DeleteAttachmentWhen, DeleteAttachmentThen);
        /// Mocks `POST /v2/apps/{appId}/attachments/token` ([`Client::generate_media_json_web_token`](crate::Client::generate_media_json_web_token)): `config` sets what to match and what to answer.
        fn generate_media_json_web_token<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(GenerateMediaJsonWebTokenWhen, GenerateMediaJsonWebTokenThen);
        /// Mocks `GET /v2/apps/{appId}/attachments/cookie` ([`Client::set_cookie`](crate::Client::set_cookie)): `config` sets what to match and what to answer.
        fn set_cookie<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(SetCookieWhen, SetCookieThen);
    }
    impl MockServerExt for MockServer {
        fn upload_attachment<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(UploadAttachmentWhen, UploadAttachmentThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::POST,
                    UPLOAD_ATTACHMENT_ROUTE,
                );
                config(UploadAttachmentWhen(when), UploadAttachmentThen(then));
            })
        }
        fn delete_attachment<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(DeleteAttachmentWhen, DeleteAttachmentThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::POST,
                    DELETE_ATTACHMENT_ROUTE,
                );
                config(DeleteAttachmentWhen(when), DeleteAttachmentThen(then));
            })
        }
        fn generate_media_json_web_token<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(GenerateMediaJsonWebTokenWhen, GenerateMediaJsonWebTokenThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::POST,
                    GENERATE_MEDIA_JSON_WEB_TOKEN_ROUTE,
                );
                config(
                    GenerateMediaJsonWebTokenWhen(when),
                    GenerateMediaJsonWebTokenThen(then),
                );
            })
        }
        fn set_cookie<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(SetCookieWhen, SetCookieThen),
        {
            self.mock(|when, then| {
                let when = support::route(when, httpmock::Method::GET, SET_COOKIE_ROUTE);
                config(SetCookieWhen(when), SetCookieThen(then));
            })
        }
    }
    /// The route of `/v2/apps/{appId}/attachments`.
    const UPLOAD_ATTACHMENT_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/attachments"),
    ];
    crate::__rt::mock::wrappers!(
        UploadAttachmentWhen,
        " What a mock of [`Client::upload_attachment`](crate::Client::upload_attachment) matches, besides the method and path.",
        UploadAttachmentThen,
        " What a mock of [`Client::upload_attachment`](crate::Client::upload_attachment) answers."
    );
    impl UploadAttachmentWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    UPLOAD_ATTACHMENT_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches the `access` query parameter.
        pub fn access(self, value: &crate::Access) -> Self {
            Self(self.0.query_param("access", value.to_string()))
        }
        /// Matches the `for` query parameter.
        pub fn for_(self, value: &crate::For) -> Self {
            Self(self.0.query_param("for", value.to_string()))
        }
        /// Matches the `conversationId` query parameter.
        pub fn conversation_id(self, value: &str) -> Self {
            Self(self.0.query_param("conversationId", value.to_string()))
        }
        /// Matches the file name of the `source` part (as sent: made safe, see [`crate::sanitize_file_name`]).
        pub fn source_file_name(self, file_name: &str) -> Self {
            Self(support::file_part(self.0, "source", file_name))
        }
    }
    impl UploadAttachmentThen {
        /// Answers `201` (Created) with this JSON body.
        pub fn created(self, value: &types::AttachmentResponse) -> Self {
            Self(support::json(self.0, 201u16, value))
        }
        /// Answers `400` (Bad request) with the API's `errors` array holding one entry.
        pub fn bad_request(self, code: &str, title: &str) -> Self {
            self.error(400u16, code, title)
        }
    }
    /// The route of `/v2/apps/{appId}/attachments/remove`.
    const DELETE_ATTACHMENT_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/attachments/remove"),
    ];
    crate::__rt::mock::wrappers!(
        DeleteAttachmentWhen,
        " What a mock of [`Client::delete_attachment`](crate::Client::delete_attachment) matches, besides the method and path.",
        DeleteAttachmentThen,
        " What a mock of [`Client::delete_attachment`](crate::Client::delete_attachment) answers."
    );
    impl DeleteAttachmentWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    DELETE_ATTACHMENT_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches the JSON request body exactly.
        pub fn body(self, value: &types::AttachmentDeleteBody) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    impl DeleteAttachmentThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &crate::JsonObject) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
        /// Answers `404` (Attachment not found) with the API's `errors` array holding one entry.
        pub fn not_found(self, code: &str, title: &str) -> Self {
            self.error(404u16, code, title)
        }
    }
    /// The route of `/v2/apps/{appId}/attachments/token`.
    const GENERATE_MEDIA_JSON_WEB_TOKEN_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/attachments/token"),
    ];
    crate::__rt::mock::wrappers!(
        GenerateMediaJsonWebTokenWhen,
        " What a mock of [`Client::generate_media_json_web_token`](crate::Client::generate_media_json_web_token) matches, besides the method and path.",
        GenerateMediaJsonWebTokenThen,
        " What a mock of [`Client::generate_media_json_web_token`](crate::Client::generate_media_json_web_token) answers."
    );
    impl GenerateMediaJsonWebTokenWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    GENERATE_MEDIA_JSON_WEB_TOKEN_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches the JSON request body exactly.
        pub fn body(self, value: &types::AttachmentMediaTokenBody) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    impl GenerateMediaJsonWebTokenThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &crate::MediaTokens) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
    }
    /// The route of `/v2/apps/{appId}/attachments/cookie`.
    const SET_COOKIE_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/attachments/cookie"),
    ];
    crate::__rt::mock::wrappers!(
        SetCookieWhen,
        " What a mock of [`Client::set_cookie`](crate::Client::set_cookie) matches, besides the method and path.",
        SetCookieThen,
        " What a mock of [`Client::set_cookie`](crate::Client::set_cookie) answers."
    );
    impl SetCookieWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    SET_COOKIE_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
    }
    impl SetCookieThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &crate::JsonObject) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
    }
}
