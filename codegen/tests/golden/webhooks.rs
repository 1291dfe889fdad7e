// generated from tests/fixtures/webhooks.yaml (Webhook payload 1.0.0) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
pub mod types {
    ///The app that triggered the events.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct AppSubSchema {
        ///The unique ID of the app.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
    }
    impl AppSubSchema {
        pub fn builder() -> builder::AppSubSchema {
            Default::default()
        }
    }
    ///`ConversationMessageEvent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationMessageEvent {
        ///When the event was generated.
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::std::string::String>,
        ///The unique ID of the event.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub payload: ::std::option::Option<ConversationMessageEventPayload>,
        ///The type of the event.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl ConversationMessageEvent {
        pub fn builder() -> builder::ConversationMessageEvent {
            Default::default()
        }
    }
    ///The payload of the event.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationMessageEventPayload {
        ///The conversation in which the message was sent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation: ::std::option::Option<ConversationTruncated>,
        ///The message that was sent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub message: ::std::option::Option<MessageWebhook>,
    }
    impl ConversationMessageEventPayload {
        pub fn builder() -> builder::ConversationMessageEventPayload {
            Default::default()
        }
    }
    ///`ConversationReadEvent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationReadEvent {
        ///When the event was generated.
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::std::string::String>,
        ///The unique ID of the event.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub payload: ::std::option::Option<ConversationReadEventPayload>,
        ///The type of the event.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl ConversationReadEvent {
        pub fn builder() -> builder::ConversationReadEvent {
            Default::default()
        }
    }
    ///The payload of the event.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationReadEventPayload {
        ///The conversation in which the message was read.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub conversation: ::std::option::Option<ConversationTruncated>,
    }
    impl ConversationReadEventPayload {
        pub fn builder() -> builder::ConversationReadEventPayload {
            Default::default()
        }
    }
    ///`ConversationTruncated`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationTruncated {
        ///The unique ID of the conversation.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
    }
    impl ConversationTruncated {
        pub fn builder() -> builder::ConversationTruncated {
            Default::default()
        }
    }
    ///`EventSubSchema`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct EventSubSchema {
        ///When the event was generated.
        #[serde(
            rename = "createdAt",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub created_at: ::std::option::Option<::std::string::String>,
        ///The unique ID of the event.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///The type of the event.
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl EventSubSchema {
        pub fn builder() -> builder::EventSubSchema {
            Default::default()
        }
    }
    ///`ListWebhooksResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ListWebhooksResponse {
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub webhooks: ::std::vec::Vec<WebhookSubSchema>,
    }
    impl ListWebhooksResponse {
        pub fn builder() -> builder::ListWebhooksResponse {
            Default::default()
        }
    }
    ///`MessageWebhook`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct MessageWebhook {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub content: ::std::option::Option<MessageWebhookContent>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
    }
    impl MessageWebhook {
        pub fn builder() -> builder::MessageWebhook {
            Default::default()
        }
    }
    ///`MessageWebhookContent`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct MessageWebhookContent {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub text: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl MessageWebhookContent {
        pub fn builder() -> builder::MessageWebhookContent {
            Default::default()
        }
    }
    ///The webhook that generated the payload.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct WebhookSubSchema {
        ///The unique ID of the webhook.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        ///Schema version of the payload delivered to this webhook (v2).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub version: ::std::option::Option<::std::string::String>,
    }
    impl WebhookSubSchema {
        pub fn builder() -> builder::WebhookSubSchema {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AppSubSchema {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AppSubSchema {
            fn default() -> Self {
                Self { id: Ok(Default::default()) }
            }
        }
        impl AppSubSchema {
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
        impl ::std::convert::TryFrom<AppSubSchema> for super::AppSubSchema {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AppSubSchema,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { id: value.id? })
            }
        }
        impl ::std::convert::From<super::AppSubSchema> for AppSubSchema {
            fn from(value: super::AppSubSchema) -> Self {
                Self { id: Ok(value.id) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationMessageEvent {
            created_at: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                ::std::option::Option<super::ConversationMessageEventPayload>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationMessageEvent {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    id: Ok(Default::default()),
                    payload: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl ConversationMessageEvent {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
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
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::ConversationMessageEventPayload>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
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
        impl ::std::convert::TryFrom<ConversationMessageEvent>
        for super::ConversationMessageEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationMessageEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    id: value.id?,
                    payload: value.payload?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationMessageEvent>
        for ConversationMessageEvent {
            fn from(value: super::ConversationMessageEvent) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    payload: Ok(value.payload),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationMessageEventPayload {
            conversation: ::std::result::Result<
                ::std::option::Option<super::ConversationTruncated>,
                ::std::string::String,
            >,
            message: ::std::result::Result<
                ::std::option::Option<super::MessageWebhook>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationMessageEventPayload {
            fn default() -> Self {
                Self {
                    conversation: Ok(Default::default()),
                    message: Ok(Default::default()),
                }
            }
        }
        impl ConversationMessageEventPayload {
            pub fn conversation<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::ConversationTruncated>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.conversation = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for conversation: {e}")
                    });
                self
            }
            pub fn message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::MessageWebhook>>,
                T::Error: ::std::fmt::Display,
            {
                self.message = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for message: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ConversationMessageEventPayload>
        for super::ConversationMessageEventPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationMessageEventPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    conversation: value.conversation?,
                    message: value.message?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationMessageEventPayload>
        for ConversationMessageEventPayload {
            fn from(value: super::ConversationMessageEventPayload) -> Self {
                Self {
                    conversation: Ok(value.conversation),
                    message: Ok(value.message),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationReadEvent {
            created_at: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                ::std::option::Option<super::ConversationReadEventPayload>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationReadEvent {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    id: Ok(Default::default()),
                    payload: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl ConversationReadEvent {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
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
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::ConversationReadEventPayload>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
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
        impl ::std::convert::TryFrom<ConversationReadEvent>
        for super::ConversationReadEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationReadEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    id: value.id?,
                    payload: value.payload?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationReadEvent>
        for ConversationReadEvent {
            fn from(value: super::ConversationReadEvent) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    payload: Ok(value.payload),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationReadEventPayload {
            conversation: ::std::result::Result<
                ::std::option::Option<super::ConversationTruncated>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationReadEventPayload {
            fn default() -> Self {
                Self {
                    conversation: Ok(Default::default()),
                }
            }
        }
        impl ConversationReadEventPayload {
            pub fn conversation<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::ConversationTruncated>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.conversation = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for conversation: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ConversationReadEventPayload>
        for super::ConversationReadEventPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationReadEventPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    conversation: value.conversation?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationReadEventPayload>
        for ConversationReadEventPayload {
            fn from(value: super::ConversationReadEventPayload) -> Self {
                Self {
                    conversation: Ok(value.conversation),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationTruncated {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationTruncated {
            fn default() -> Self {
                Self { id: Ok(Default::default()) }
            }
        }
        impl ConversationTruncated {
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
        impl ::std::convert::TryFrom<ConversationTruncated>
        for super::ConversationTruncated {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationTruncated,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { id: value.id? })
            }
        }
        impl ::std::convert::From<super::ConversationTruncated>
        for ConversationTruncated {
            fn from(value: super::ConversationTruncated) -> Self {
                Self { id: Ok(value.id) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct EventSubSchema {
            created_at: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for EventSubSchema {
            fn default() -> Self {
                Self {
                    created_at: Ok(Default::default()),
                    id: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl EventSubSchema {
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
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
        impl ::std::convert::TryFrom<EventSubSchema> for super::EventSubSchema {
            type Error = super::error::ConversionError;
            fn try_from(
                value: EventSubSchema,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    created_at: value.created_at?,
                    id: value.id?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::EventSubSchema> for EventSubSchema {
            fn from(value: super::EventSubSchema) -> Self {
                Self {
                    created_at: Ok(value.created_at),
                    id: Ok(value.id),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ListWebhooksResponse {
            webhooks: ::std::result::Result<
                ::std::vec::Vec<super::WebhookSubSchema>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ListWebhooksResponse {
            fn default() -> Self {
                Self {
                    webhooks: Ok(Default::default()),
                }
            }
        }
        impl ListWebhooksResponse {
            pub fn webhooks<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::WebhookSubSchema>>,
                T::Error: ::std::fmt::Display,
            {
                self.webhooks = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for webhooks: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ListWebhooksResponse>
        for super::ListWebhooksResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ListWebhooksResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { webhooks: value.webhooks? })
            }
        }
        impl ::std::convert::From<super::ListWebhooksResponse> for ListWebhooksResponse {
            fn from(value: super::ListWebhooksResponse) -> Self {
                Self {
                    webhooks: Ok(value.webhooks),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MessageWebhook {
            content: ::std::result::Result<
                ::std::option::Option<super::MessageWebhookContent>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MessageWebhook {
            fn default() -> Self {
                Self {
                    content: Ok(Default::default()),
                    id: Ok(Default::default()),
                }
            }
        }
        impl MessageWebhook {
            pub fn content<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<super::MessageWebhookContent>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.content = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for content: {e}")
                    });
                self
            }
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
        impl ::std::convert::TryFrom<MessageWebhook> for super::MessageWebhook {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MessageWebhook,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    content: value.content?,
                    id: value.id?,
                })
            }
        }
        impl ::std::convert::From<super::MessageWebhook> for MessageWebhook {
            fn from(value: super::MessageWebhook) -> Self {
                Self {
                    content: Ok(value.content),
                    id: Ok(value.id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MessageWebhookContent {
            text: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MessageWebhookContent {
            fn default() -> Self {
                Self {
                    text: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl MessageWebhookContent {
            pub fn text<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.text = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for text: {e}")
                    });
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
        impl ::std::convert::TryFrom<MessageWebhookContent>
        for super::MessageWebhookContent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MessageWebhookContent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    text: value.text?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::MessageWebhookContent>
        for MessageWebhookContent {
            fn from(value: super::MessageWebhookContent) -> Self {
                Self {
                    text: Ok(value.text),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct WebhookSubSchema {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            version: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for WebhookSubSchema {
            fn default() -> Self {
                Self {
                    id: Ok(Default::default()),
                    version: Ok(Default::default()),
                }
            }
        }
        impl WebhookSubSchema {
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
            pub fn version<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.version = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for version: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<WebhookSubSchema> for super::WebhookSubSchema {
            type Error = super::error::ConversionError;
            fn try_from(
                value: WebhookSubSchema,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    version: value.version?,
                })
            }
        }
        impl ::std::convert::From<super::WebhookSubSchema> for WebhookSubSchema {
            fn from(value: super::WebhookSubSchema) -> Self {
                Self {
                    id: Ok(value.id),
                    version: Ok(value.version),
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
/// Operations: one blocking method on [`Client`](crate::Client) per operation of the document (Webhook payload 1.0.0), with the request builders and multipart forms they use.
///
/// # By tag
///
/// The document's tags, in its order, and the methods of each (a method named after the operation's `operationId`, in snake case):
///
/// - **Webhooks**: [`list_webhooks`](crate::Client::list_webhooks)
pub mod operations {
    use super::types;
    /// What each operation is, for the request path: its route, and the facts that decide
    /// retries and what an error may quote.
    pub(crate) mod info {
        use crate::__rt::{Method, OperationInfo, Repeat};
        /// `GET /v2/apps/{appId}/webhooks` (`listWebhooks`).
        pub(crate) const LIST_WEBHOOKS: OperationInfo = OperationInfo {
            id: "listWebhooks",
            method: Method::Get,
            path: "/v2/apps/{appId}/webhooks",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: false,
        };
    }
    impl crate::Client {
        /// List Webhooks
        ///
        /// Returns the request; its `send()` sends `GET /v2/apps/{appId}/webhooks`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        ///
        /// Responses:
        /// - `200`: Ok ([`types::ListWebhooksResponse`])
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1webhooks/get` (operation `listWebhooks`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn list_webhooks<'a>(&'a self, app_id: &'a str) -> ListWebhooksRequest<'a> {
            ListWebhooksRequest {
                client: self,
                app_id,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::list_webhooks`](crate::Client::list_webhooks) request: set its optional parameters, then [`send`](ListWebhooksRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct ListWebhooksRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        options: crate::RequestOptions,
    }
    impl<'a> ListWebhooksRequest<'a> {
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
        ) -> Result<crate::ResponseValue<types::ListWebhooksResponse>, crate::Error> {
            let ListWebhooksRequest { client, app_id, options } = self;
            let mut request = crate::__rt::Request::new(&info::LIST_WEBHOOKS);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/webhooks");
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<types::ListWebhooksResponse>(),
                _ => Err(response.error("")),
            }
        }
    }
    /// The `operationId` of every operation this build generated, in document order.
    pub const OPERATION_IDS: &[&str] = &["listWebhooks"];
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
        /// Mocks `GET /v2/apps/{appId}/webhooks` ([`Client::list_webhooks`](crate::Client::list_webhooks)): `config` sets what to match and what to answer.
        fn list_webhooks<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListWebhooksWhen, ListWebhooksThen);
    }
    impl MockServerExt for MockServer {
        fn list_webhooks<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListWebhooksWhen, ListWebhooksThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::GET,
                    LIST_WEBHOOKS_ROUTE,
                );
                config(ListWebhooksWhen(when), ListWebhooksThen(then));
            })
        }
    }
    /// The route of `/v2/apps/{appId}/webhooks`.
    const LIST_WEBHOOKS_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/webhooks"),
    ];
    crate::__rt::mock::wrappers!(
        ListWebhooksWhen,
        " What a mock of [`Client::list_webhooks`](crate::Client::list_webhooks) matches, besides the method and path.",
        ListWebhooksThen,
        " What a mock of [`Client::list_webhooks`](crate::Client::list_webhooks) answers."
    );
    impl ListWebhooksWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    LIST_WEBHOOKS_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
    }
    impl ListWebhooksThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &types::ListWebhooksResponse) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
    }
}
/// The typed payload of the document's webhook calls (`x-webhooks`), re-exported
/// with the hand-written verification in the crate's `webhooks` module.
pub mod webhooks {
    use super::types;
    /// The body of a webhook call: the document's `x-webhooks` payload (`/x-webhooks/Webhook Event/post/requestBody/content/application~1json/schema`).
    ///
    /// Parse one with [`crate::webhooks::parse`], which bounds the body's size; an event
    /// of a type the document does not know is kept as [`Event::Unknown`].
    #[derive(Debug, Clone, ::serde::Deserialize)]
    #[non_exhaustive]
    pub struct WebhookPayload {
        /// The app the events belong to.
        #[serde(default)]
        pub app: ::std::option::Option<types::AppSubSchema>,
        /// The webhook that delivered them.
        #[serde(default)]
        pub webhook: ::std::option::Option<types::WebhookSubSchema>,
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
        /// `conversation:message` (schema `conversationMessageEvent`).
        ConversationMessage(::std::boxed::Box<types::ConversationMessageEvent>),
        /// `conversation:read` (schema `conversationReadEvent`).
        ConversationRead(::std::boxed::Box<types::ConversationReadEvent>),
        /// A type the document does not describe, or an event that does not decode as
        /// documented.
        Unknown(crate::webhooks::UnknownEvent),
    }
    impl Event {
        /// The event's `type`, e.g. `conversation:message`.
        pub fn event_type(&self) -> &str {
            match self {
                Event::ConversationMessage(_) => "conversation:message",
                Event::ConversationRead(_) => "conversation:read",
                Event::Unknown(event) => event.event_type(),
            }
        }
        /// The document's schema of the event, e.g. `conversationMessageEvent`; `None` for
        /// [`Event::Unknown`].
        pub fn schema(&self) -> ::std::option::Option<&'static str> {
            match self {
                Event::ConversationMessage(_) => {
                    ::std::option::Option::Some("conversationMessageEvent")
                }
                Event::ConversationRead(_) => {
                    ::std::option::Option::Some("conversationReadEvent")
                }
                Event::Unknown(_) => ::std::option::Option::None,
            }
        }
        /// The event as JSON: the typed event serialised, or an unknown one as it arrived.
        pub fn to_json(&self) -> ::serde_json::Value {
            match self {
                Event::ConversationMessage(event) => {
                    ::serde_json::to_value(event).unwrap_or_default()
                }
                Event::ConversationRead(event) => {
                    ::serde_json::to_value(event).unwrap_or_default()
                }
                Event::Unknown(event) => event.raw().clone(),
            }
        }
        /// The event's `id`, which tells a redelivered event.
        pub fn id(&self) -> ::std::option::Option<::std::string::String> {
            match self {
                Event::Unknown(event) => event.id().map(::std::borrow::ToOwned::to_owned),
                typed => {
                    typed
                        .to_json()
                        .get("id")
                        .and_then(::serde_json::Value::as_str)
                        .map(::std::borrow::ToOwned::to_owned)
                }
            }
        }
        fn from_value(value: ::serde_json::Value) -> Self {
            let kind = value
                .get("type")
                .and_then(::serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned();
            match kind.as_str() {
                "conversation:message" => {
                    match ::serde_json::from_value::<
                        types::ConversationMessageEvent,
                    >(value.clone()) {
                        Ok(event) => {
                            Event::ConversationMessage(::std::boxed::Box::new(event))
                        }
                        Err(error) => {
                            Event::Unknown(
                                crate::__rt::UnknownEvent::undecoded(value, error),
                            )
                        }
                    }
                }
                "conversation:read" => {
                    match ::serde_json::from_value::<
                        types::ConversationReadEvent,
                    >(value.clone()) {
                        Ok(event) => {
                            Event::ConversationRead(::std::boxed::Box::new(event))
                        }
                        Err(error) => {
                            Event::Unknown(
                                crate::__rt::UnknownEvent::undecoded(value, error),
                            )
                        }
                    }
                }
                _ => Event::Unknown(crate::__rt::UnknownEvent::unknown(value)),
            }
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Event {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            ::std::result::Result::Ok(Event::from_value(value))
        }
    }
    /// Every event the document describes: its `type` and its schema.
    pub const EVENT_TYPES: &[(&str, &str)] = &[
        ("conversation:message", "conversationMessageEvent"),
        ("conversation:read", "conversationReadEvent"),
    ];
}
