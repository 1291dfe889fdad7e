// generated from openapi/sunshine-conversations.yaml (Sunshine Conversations API 12.5.1) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
pub mod types {
    ///`AttachmentDeleteBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AttachmentDeleteBody {
        ///The media URL used for a file or image message.
        #[serde(rename = "mediaUrl")]
        pub media_url: ::std::string::String,
    }
    ///`AttachmentMediaTokenBody`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    pub struct AttachmentMediaTokenBody {
        ///An array of strings representing the list of attachment paths used to generate the media JWT. One token will be generated for each path. Each token will be valid for 2 hours by default. This value can be modified, see [App Settings](#operation/createApp) for more information.
        pub paths: ::std::vec::Vec<::std::string::String>,
    }
    ///`AttachmentResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    pub struct AttachmentResponse {
        ///The uploaded attachment object.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub attachment: ::std::option::Option<AttachmentSchema>,
    }
    ///`AttachmentSchema`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
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
}
/// Operations: one blocking method on [`Client`](crate::Client) per operation.
pub mod operations {
    #[allow(unused_imports)]
    use super::types;
    use crate::request::{Method, OperationInfo, Request};
    /// The `multipart/form-data` body of [`Client::upload_attachment`](crate::Client::upload_attachment).
    #[derive(Debug)]
    pub struct UploadAttachmentForm {
        /// The `source` part.
        pub source: crate::FilePart,
    }
    impl UploadAttachmentForm {
        fn into_parts(self) -> crate::multipart::Parts {
            let mut parts = crate::multipart::Parts::new();
            parts.file("source", self.source);
            parts
        }
    }
    impl crate::Client {
        /// Upload Attachment
        ///
        /// Upload an attachment to Sunshine Conversations to use in future messages. Files are uploaded using the multipart/form-data content type. Use the returned mediaUrl to send a file, image or carousel message.
        /// <aside class="notice">Note that Sunshine Conversations limits the size and type of file you can upload to the platform. See the <a href="https://docs.smooch.io/guide/validating-files">file validation</a> guide for more details.</aside>
        ///
        /// Sends `POST /v2/apps/{appId}/attachments`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `access` (query `access`, required): The access level for the attachment. Currently the available access levels are public and private. If you are a licensed Zendesk customer, you must use public. Private is not supported.
        /// - `for_` (query `for`, optional): Specifies the intended container for the attachment, to enable automatic attachment deletion (on deletion of associated message, conversation or user). For now, only message is supported. See [Attachments for Messages](#section/Attachments-for-Messages) for details.
        /// - `conversation_id` (query `conversationId`, optional): Links the attachment getting uploaded to the conversation ID.
        /// - `body`: the `multipart/form-data` request body: `source` (file)
        ///
        /// Responses:
        /// - `201`: Created ([`types::AttachmentResponse`])
        /// - `400`: Bad request
        ///
        /// Credentials: `basicAuth (integration, app, account)` or `bearerAuth (integration, app, account)`.
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1attachments/post` (operation `uploadAttachment`).
        pub fn upload_attachment(
            &self,
            app_id: &str,
            access: &str,
            for_: Option<&str>,
            conversation_id: Option<&str>,
            body: UploadAttachmentForm,
        ) -> Result<crate::ResponseValue<types::AttachmentResponse>, crate::Error> {
            const OPERATION: OperationInfo = OperationInfo {
                id: "uploadAttachment",
                method: Method::Post,
                path: "/v2/apps/{appId}/attachments",
                sensitive: false,
            };
            let mut request = Request::new(&OPERATION);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments");
            request.query("access", access);
            if let Some(value) = for_ {
                request.query("for", value);
            }
            if let Some(value) = conversation_id {
                request.query("conversationId", value);
            }
            request.multipart(body.into_parts());
            let response = self.execute(request)?;
            match response.status() {
                200..=299 => response.json::<types::AttachmentResponse>(),
                400 => Err(response.error("Bad request")),
                _ => Err(response.error("")),
            }
        }
    }
    impl crate::Client {
        /// Delete Attachment
        ///
        /// Remove an attachment uploaded to Sunshine Conversations through the Upload attachment API.
        /// See [Attachments for Messages](#section/Attachments-for-Messages) to have attachments automatically deleted when deleting messages, conversations or users.
        /// <aside class="notice">Note that deleted attachments can remain available on our CDN’s cache up to 15 minutes after the delete call.</aside>
        ///
        /// Sends `POST /v2/apps/{appId}/attachments/remove`.
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
        pub fn delete_attachment(
            &self,
            app_id: &str,
            body: &types::AttachmentDeleteBody,
        ) -> Result<crate::ResponseValue<crate::JsonObject>, crate::Error> {
            const OPERATION: OperationInfo = OperationInfo {
                id: "deleteAttachment",
                method: Method::Post,
                path: "/v2/apps/{appId}/attachments/remove",
                sensitive: false,
            };
            let mut request = Request::new(&OPERATION);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments/remove");
            request.json(body)?;
            let response = self.execute(request)?;
            match response.status() {
                200..=299 => response.json::<crate::JsonObject>(),
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
        /// Sends `POST /v2/apps/{appId}/attachments/token`.
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
        pub fn generate_media_json_web_token(
            &self,
            app_id: &str,
            body: &types::AttachmentMediaTokenBody,
        ) -> Result<crate::ResponseValue<crate::MediaTokens>, crate::Error> {
            const OPERATION: OperationInfo = OperationInfo {
                id: "generateMediaJsonWebToken",
                method: Method::Post,
                path: "/v2/apps/{appId}/attachments/token",
                sensitive: true,
            };
            let mut request = Request::new(&OPERATION);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments/token");
            request.json(body)?;
            let response = self.execute(request)?;
            match response.status() {
                200..=299 => response.json::<crate::MediaTokens>(),
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
        /// Sends `GET /v2/apps/{appId}/attachments/cookie`.
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
        pub fn set_cookie(
            &self,
            app_id: &str,
        ) -> Result<crate::ResponseValue<crate::JsonObject>, crate::Error> {
            const OPERATION: OperationInfo = OperationInfo {
                id: "setCookie",
                method: Method::Get,
                path: "/v2/apps/{appId}/attachments/cookie",
                sensitive: false,
            };
            let mut request = Request::new(&OPERATION);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/attachments/cookie");
            let response = self.execute(request)?;
            match response.status() {
                200..=299 => response.json::<crate::JsonObject>(),
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
    #[allow(unused_imports)]
    use super::types;
    #[allow(unused_imports)]
    use crate::mock_support::{self as support, Segment};
    use httpmock::{Mock, MockServer, Then, When};
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
                let when = when
                    .method(httpmock::Method::POST)
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Any,
                                Segment::Literal("/attachments"),
                            ],
                        ),
                    );
                config(UploadAttachmentWhen(when), UploadAttachmentThen(then));
            })
        }
        fn delete_attachment<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(DeleteAttachmentWhen, DeleteAttachmentThen),
        {
            self.mock(|when, then| {
                let when = when
                    .method(httpmock::Method::POST)
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Any,
                                Segment::Literal("/attachments/remove"),
                            ],
                        ),
                    );
                config(DeleteAttachmentWhen(when), DeleteAttachmentThen(then));
            })
        }
        fn generate_media_json_web_token<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(GenerateMediaJsonWebTokenWhen, GenerateMediaJsonWebTokenThen),
        {
            self.mock(|when, then| {
                let when = when
                    .method(httpmock::Method::POST)
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Any,
                                Segment::Literal("/attachments/token"),
                            ],
                        ),
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
                let when = when
                    .method(httpmock::Method::GET)
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Any,
                                Segment::Literal("/attachments/cookie"),
                            ],
                        ),
                    );
                config(SetCookieWhen(when), SetCookieThen(then));
            })
        }
    }
    /// What a mock of [`Client::upload_attachment`](crate::Client::upload_attachment) matches, besides the method and path.
    pub struct UploadAttachmentWhen(When);
    impl UploadAttachmentWhen {
        /// The underlying httpmock matcher, for anything not covered here.
        pub fn into_inner(self) -> When {
            self.0
        }
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(
                self
                    .0
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Value(&value),
                                Segment::Literal("/attachments"),
                            ],
                        ),
                    ),
            )
        }
        /// Matches the `access` query parameter.
        pub fn access(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(self.0.query_param("access", value))
        }
        /// Matches the `for` query parameter.
        pub fn for_(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(self.0.query_param("for", value))
        }
        /// Matches the `conversationId` query parameter.
        pub fn conversation_id(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(self.0.query_param("conversationId", value))
        }
        /// Matches the file name of the `source` part (as sent: sanitised, see [`crate::sanitize_file_name`]).
        pub fn source_file_name(self, file_name: &str) -> Self {
            Self(self.0.body_includes(support::file_part_header("source", file_name)))
        }
    }
    /// What a mock of [`Client::upload_attachment`](crate::Client::upload_attachment) answers.
    pub struct UploadAttachmentThen(Then);
    impl UploadAttachmentThen {
        /// The underlying httpmock responder, for anything not covered here.
        pub fn into_inner(self) -> Then {
            self.0
        }
        /// Answers `201` (Created) with this JSON body.
        pub fn created(self, value: &types::AttachmentResponse) -> Self {
            Self(
                self
                    .0
                    .status(201u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `400` (Bad request) with the API's `errors` array holding one entry.
        pub fn bad_request(self, code: &str, title: &str) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .body(support::errors_body(code, title)),
            )
        }
        /// Answers `status` with the API's `errors` array holding one entry.
        pub fn error(self, status: u16, code: &str, title: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .body(support::errors_body(code, title)),
            )
        }
    }
    /// What a mock of [`Client::delete_attachment`](crate::Client::delete_attachment) matches, besides the method and path.
    pub struct DeleteAttachmentWhen(When);
    impl DeleteAttachmentWhen {
        /// The underlying httpmock matcher, for anything not covered here.
        pub fn into_inner(self) -> When {
            self.0
        }
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(
                self
                    .0
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Value(&value),
                                Segment::Literal("/attachments/remove"),
                            ],
                        ),
                    ),
            )
        }
        /// Matches the JSON request body exactly.
        pub fn body(self, value: &types::AttachmentDeleteBody) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    /// What a mock of [`Client::delete_attachment`](crate::Client::delete_attachment) answers.
    pub struct DeleteAttachmentThen(Then);
    impl DeleteAttachmentThen {
        /// The underlying httpmock responder, for anything not covered here.
        pub fn into_inner(self) -> Then {
            self.0
        }
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &crate::JsonObject) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `404` (Attachment not found) with the API's `errors` array holding one entry.
        pub fn not_found(self, code: &str, title: &str) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .body(support::errors_body(code, title)),
            )
        }
        /// Answers `status` with the API's `errors` array holding one entry.
        pub fn error(self, status: u16, code: &str, title: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .body(support::errors_body(code, title)),
            )
        }
    }
    /// What a mock of [`Client::generate_media_json_web_token`](crate::Client::generate_media_json_web_token) matches, besides the method and path.
    pub struct GenerateMediaJsonWebTokenWhen(When);
    impl GenerateMediaJsonWebTokenWhen {
        /// The underlying httpmock matcher, for anything not covered here.
        pub fn into_inner(self) -> When {
            self.0
        }
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(
                self
                    .0
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Value(&value),
                                Segment::Literal("/attachments/token"),
                            ],
                        ),
                    ),
            )
        }
        /// Matches the JSON request body exactly.
        pub fn body(self, value: &types::AttachmentMediaTokenBody) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    /// What a mock of [`Client::generate_media_json_web_token`](crate::Client::generate_media_json_web_token) answers.
    pub struct GenerateMediaJsonWebTokenThen(Then);
    impl GenerateMediaJsonWebTokenThen {
        /// The underlying httpmock responder, for anything not covered here.
        pub fn into_inner(self) -> Then {
            self.0
        }
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &crate::MediaTokens) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with the API's `errors` array holding one entry.
        pub fn error(self, status: u16, code: &str, title: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .body(support::errors_body(code, title)),
            )
        }
    }
    /// What a mock of [`Client::set_cookie`](crate::Client::set_cookie) matches, besides the method and path.
    pub struct SetCookieWhen(When);
    impl SetCookieWhen {
        /// The underlying httpmock matcher, for anything not covered here.
        pub fn into_inner(self) -> When {
            self.0
        }
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            let value = value.to_owned();
            Self(
                self
                    .0
                    .path_matches(
                        support::path_regex(
                            &[
                                Segment::Literal("/v2/apps/"),
                                Segment::Value(&value),
                                Segment::Literal("/attachments/cookie"),
                            ],
                        ),
                    ),
            )
        }
    }
    /// What a mock of [`Client::set_cookie`](crate::Client::set_cookie) answers.
    pub struct SetCookieThen(Then);
    impl SetCookieThen {
        /// The underlying httpmock responder, for anything not covered here.
        pub fn into_inner(self) -> Then {
            self.0
        }
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &crate::JsonObject) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        /// Answers `status` with the API's `errors` array holding one entry.
        pub fn error(self, status: u16, code: &str, title: &str) -> Self {
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .body(support::errors_body(code, title)),
            )
        }
    }
}
