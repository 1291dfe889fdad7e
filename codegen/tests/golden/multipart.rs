// generated from tests/fixtures/multipart.yaml (Multipart bodies 1.0.0) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
pub mod types {
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
        ///Uploaded attachment's url
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
    ///What the file is.
    ///
    /// A value this build's document does not list decodes as `Unknown`, keeps the value
    /// and is sent back unchanged; `From<&str>` makes any value, named or not, and
    /// `as_str()` (or `Display`) gives it as sent.
    ///
    /// A later document may list more values: a `match` needs a wildcard arm.
    #[derive(Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[non_exhaustive]
    pub enum UploadFileKind {
        ///`image`
        Image,
        ///`file`
        File,
        /// A value this build's document does not list, kept as it arrived.
        Unknown(crate::UnknownValue),
    }
    impl UploadFileKind {
        /// The values this build's document lists.
        pub const VALUES: &'static [&'static str] = &["image", "file"];
        /// The value as sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Image => "image",
                Self::File => "file",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl ::std::convert::From<&str> for UploadFileKind {
        fn from(value: &str) -> Self {
            match value {
                "image" => Self::Image,
                "file" => Self::File,
                _ => Self::Unknown(crate::__rt::unknown_value(value.to_owned())),
            }
        }
    }
    impl ::std::convert::From<&::std::string::String> for UploadFileKind {
        fn from(value: &::std::string::String) -> Self {
            Self::from(value.as_str())
        }
    }
    impl ::std::convert::From<::std::string::String> for UploadFileKind {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "image" => Self::Image,
                "file" => Self::File,
                _ => Self::Unknown(crate::__rt::unknown_value(value)),
            }
        }
    }
    impl ::std::str::FromStr for UploadFileKind {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for UploadFileKind {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for UploadFileKind {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for UploadFileKind {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            crate::__rt::deserialize_open_str(deserializer)
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
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
/// Operations: one blocking method on [`Client`](crate::Client) per operation of the document (Multipart bodies 1.0.0), with the request builders and multipart forms they use.
///
/// # By tag
///
/// The document's tags, in its order, and the methods of each (a method named after the operation's `operationId`, in snake case):
///
/// - **Attachments**: [`upload_attachment`](crate::Client::upload_attachment)
/// - **Files**: [`upload_file`](crate::Client::upload_file)
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
        /// `POST /v2/apps/{appId}/files` (`uploadFile`).
        pub(crate) const UPLOAD_FILE: OperationInfo = OperationInfo {
            id: "uploadFile",
            method: Method::Post,
            path: "/v2/apps/{appId}/files",
            accept: "application/json",
            repeat: Repeat::OnlyIfNotProcessed,
            absent_after_retry: None,
            secret_response: false,
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
        /// Upload an attachment to use in future messages.
        ///
        /// Returns the request; its `send()` sends `POST /v2/apps/{appId}/attachments`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `access` (query `access`, required): The access level for the attachment.
        /// - `for_` (query `for`, optional, a setter of the request): Specifies the intended container for the attachment.
        /// - `conversation_id` (query `conversationId`, optional, a setter of the request): Links the attachment getting uploaded to the conversation ID.
        /// - `body`: the `multipart/form-data` request body: `source` (file)
        ///
        /// Responses:
        /// - `201`: Created ([`types::AttachmentResponse`])
        /// - `400`: Bad request
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
        /// Sets `for` (query). Specifies the intended container for the attachment.
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
    /// The `multipart/form-data` body of [`Client::upload_file`](crate::Client::upload_file): [`UploadFileForm::new`] with its required parts, then a setter per optional one.
    #[derive(Debug)]
    #[non_exhaustive]
    pub struct UploadFileForm {
        /// The file.
        pub source: crate::FilePart,
        /// The `thumbnail` part.
        pub thumbnail: Option<crate::FilePart>,
        /// What the file is.
        pub kind: types::UploadFileKind,
        /// A caption shown with the file.
        pub caption: Option<::std::string::String>,
        /// The `position` part.
        pub position: Option<i64>,
        /// The `private` part.
        pub private: Option<bool>,
    }
    impl UploadFileForm {
        /// The form with its required parts; the optional ones are unset.
        pub fn new(source: crate::FilePart, kind: types::UploadFileKind) -> Self {
            Self {
                source,
                thumbnail: None,
                kind,
                caption: None,
                position: None,
                private: None,
            }
        }
        /// Sets the `thumbnail` part.
        pub fn thumbnail(mut self, value: crate::FilePart) -> Self {
            self.thumbnail = Some(value);
            self
        }
        /// Sets the `caption` part.
        pub fn caption(mut self, value: ::std::string::String) -> Self {
            self.caption = Some(value);
            self
        }
        /// Sets the `position` part.
        pub fn position(mut self, value: i64) -> Self {
            self.position = Some(value);
            self
        }
        /// Sets the `private` part.
        pub fn private(mut self, value: bool) -> Self {
            self.private = Some(value);
            self
        }
        fn into_parts(self) -> crate::__rt::Parts {
            let mut parts = crate::__rt::Parts::new();
            parts.file("source", self.source);
            if let Some(value) = self.thumbnail {
                parts.file("thumbnail", value);
            }
            parts.text("kind", self.kind.to_string());
            if let Some(value) = self.caption {
                parts.text("caption", value.to_string());
            }
            if let Some(value) = self.position {
                parts.text("position", value.to_string());
            }
            if let Some(value) = self.private {
                parts.text("private", value.to_string());
            }
            parts
        }
    }
    impl crate::Client {
        /// Upload File
        ///
        /// Upload a file with what it is about.
        ///
        /// Returns the request; its `send()` sends `POST /v2/apps/{appId}/files`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `body`: the `multipart/form-data` request body: `source` (file), `thumbnail` (file), `kind` (text), `caption` (text), `position` (text), `private` (text)
        ///
        /// Responses:
        /// - `201`: Created ([`types::AttachmentResponse`])
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1files/post` (operation `uploadFile`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn upload_file<'a>(
            &'a self,
            app_id: &'a str,
            body: UploadFileForm,
        ) -> UploadFileRequest<'a> {
            UploadFileRequest {
                client: self,
                app_id,
                body,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::upload_file`](crate::Client::upload_file) request: set its optional parameters, then [`send`](UploadFileRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct UploadFileRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        body: UploadFileForm,
        options: crate::RequestOptions,
    }
    impl<'a> UploadFileRequest<'a> {
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
            let UploadFileRequest { client, app_id, body, options } = self;
            let mut request = crate::__rt::Request::new(&info::UPLOAD_FILE);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/files");
            request.multipart(body.into_parts());
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<types::AttachmentResponse>(),
                _ => Err(response.error("")),
            }
        }
    }
    /// The `operationId` of every operation this build generated, in document order.
    pub const OPERATION_IDS: &[&str] = &["uploadAttachment", "uploadFile"];
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
        /// Mocks `POST /v2/apps/{appId}/files` ([`Client::upload_file`](crate::Client::upload_file)): `config` sets what to match and what to answer.
        fn upload_file<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(UploadFileWhen, UploadFileThen);
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
        fn upload_file<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(UploadFileWhen, UploadFileThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::POST,
                    UPLOAD_FILE_ROUTE,
                );
                config(UploadFileWhen(when), UploadFileThen(then));
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
    /// The route of `/v2/apps/{appId}/files`.
    const UPLOAD_FILE_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/files"),
    ];
    crate::__rt::mock::wrappers!(
        UploadFileWhen,
        " What a mock of [`Client::upload_file`](crate::Client::upload_file) matches, besides the method and path.",
        UploadFileThen,
        " What a mock of [`Client::upload_file`](crate::Client::upload_file) answers."
    );
    impl UploadFileWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    UPLOAD_FILE_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches the file name of the `source` part (as sent: made safe, see [`crate::sanitize_file_name`]).
        pub fn source_file_name(self, file_name: &str) -> Self {
            Self(support::file_part(self.0, "source", file_name))
        }
        /// Matches the file name of the `thumbnail` part (as sent: made safe, see [`crate::sanitize_file_name`]).
        pub fn thumbnail_file_name(self, file_name: &str) -> Self {
            Self(support::file_part(self.0, "thumbnail", file_name))
        }
        /// Matches the value of the `kind` part.
        pub fn kind(self, value: impl ::std::fmt::Display) -> Self {
            Self(support::text_part(self.0, "kind", value))
        }
        /// Matches the value of the `caption` part.
        pub fn caption(self, value: impl ::std::fmt::Display) -> Self {
            Self(support::text_part(self.0, "caption", value))
        }
        /// Matches the value of the `position` part.
        pub fn position(self, value: impl ::std::fmt::Display) -> Self {
            Self(support::text_part(self.0, "position", value))
        }
        /// Matches the value of the `private` part.
        pub fn private(self, value: impl ::std::fmt::Display) -> Self {
            Self(support::text_part(self.0, "private", value))
        }
    }
    impl UploadFileThen {
        /// Answers `201` (Created) with this JSON body.
        pub fn created(self, value: &types::AttachmentResponse) -> Self {
            Self(support::json(self.0, 201u16, value))
        }
    }
}
