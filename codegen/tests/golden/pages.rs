// generated from tests/fixtures/pages.yaml (Typed pages 1.0.0) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
pub mod types {
    ///`Conversation`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Conversation {
        #[serde(
            rename = "displayName",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub display_name: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
    }
    impl Conversation {
        pub fn builder() -> builder::Conversation {
            Default::default()
        }
    }
    ///`ConversationListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationListResponse {
        ///List of returned conversations.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub conversations: ::std::vec::Vec<Conversation>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub links: ::std::option::Option<Links>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meta: ::std::option::Option<Meta>,
    }
    impl ConversationListResponse {
        pub fn builder() -> builder::ConversationListResponse {
            Default::default()
        }
    }
    ///Previous and next page links, if they exist.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Links {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub prev: ::std::option::Option<::std::string::String>,
    }
    impl Links {
        pub fn builder() -> builder::Links {
            Default::default()
        }
    }
    ///`Message`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Message {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub received: ::std::option::Option<::std::string::String>,
    }
    impl Message {
        pub fn builder() -> builder::Message {
            Default::default()
        }
    }
    ///`MessageListResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct MessageListResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub links: ::std::option::Option<Links>,
        ///List of returned messages.
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub messages: ::std::vec::Vec<Message>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub meta: ::std::option::Option<Meta>,
    }
    impl MessageListResponse {
        pub fn builder() -> builder::MessageListResponse {
            Default::default()
        }
    }
    ///Response metadata.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Meta {
        ///A record id to give as `page[after]` for the next page.
        #[serde(
            rename = "afterCursor",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub after_cursor: ::std::option::Option<::std::string::String>,
        ///A record id to give as `page[before]` for the previous page.
        #[serde(
            rename = "beforeCursor",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub before_cursor: ::std::option::Option<::std::string::String>,
        ///Whether there are more records that can be fetched.
        #[serde(
            rename = "hasMore",
            skip_serializing_if = "::std::option::Option::is_none"
        )]
        pub has_more: ::std::option::Option<bool>,
    }
    impl Meta {
        pub fn builder() -> builder::Meta {
            Default::default()
        }
    }
    ///`Page`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Page {
        ///Results will only contain the records that come after this record id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub after: ::std::option::Option<PageAfter>,
        ///Results will only contain the records that come before this record id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub before: ::std::option::Option<PageBefore>,
        ///The number of records to return.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<i64>,
    }
    impl Page {
        /// `size`, or the default the document gives it when it is absent (the field keeps what was sent: `None` is sent as nothing).
        pub fn size_or_default(&self) -> i64 {
            match &self.size {
                ::std::option::Option::Some(value) => ::std::clone::Clone::clone(value),
                ::std::option::Option::None => defaults::default_u64::<i64, 25>(),
            }
        }
    }
    impl ::std::default::Default for Page {
        fn default() -> Self {
            Self {
                after: Default::default(),
                before: Default::default(),
                size: ::std::option::Option::None,
            }
        }
    }
    impl Page {
        pub fn builder() -> builder::Page {
            Default::default()
        }
    }
    ///Results will only contain the records that come after this record id.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct PageAfter(::std::string::String);
    impl ::std::ops::Deref for PageAfter {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<PageAfter> for ::std::string::String {
        fn from(value: PageAfter) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for PageAfter {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 24usize {
                return Err("longer than 24 characters".into());
            }
            if value.chars().count() < 24usize {
                return Err("shorter than 24 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for PageAfter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for PageAfter {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PageAfter {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            Ok(
                Self(
                    <::std::string::String as ::serde::Deserialize>::deserialize(
                        deserializer,
                    )?,
                ),
            )
        }
    }
    ///Results will only contain the records that come before this record id.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct PageBefore(::std::string::String);
    impl ::std::ops::Deref for PageBefore {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<PageBefore> for ::std::string::String {
        fn from(value: PageBefore) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for PageBefore {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 24usize {
                return Err("longer than 24 characters".into());
            }
            if value.chars().count() < 24usize {
                return Err("shorter than 24 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for PageBefore {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for PageBefore {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PageBefore {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            Ok(
                Self(
                    <::std::string::String as ::serde::Deserialize>::deserialize(
                        deserializer,
                    )?,
                ),
            )
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct Conversation {
            display_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Conversation {
            fn default() -> Self {
                Self {
                    display_name: Ok(Default::default()),
                    id: Ok(Default::default()),
                }
            }
        }
        impl Conversation {
            pub fn display_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.display_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for display_name: {e}")
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
        impl ::std::convert::TryFrom<Conversation> for super::Conversation {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Conversation,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    display_name: value.display_name?,
                    id: value.id?,
                })
            }
        }
        impl ::std::convert::From<super::Conversation> for Conversation {
            fn from(value: super::Conversation) -> Self {
                Self {
                    display_name: Ok(value.display_name),
                    id: Ok(value.id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationListResponse {
            conversations: ::std::result::Result<
                ::std::vec::Vec<super::Conversation>,
                ::std::string::String,
            >,
            links: ::std::result::Result<
                ::std::option::Option<super::Links>,
                ::std::string::String,
            >,
            meta: ::std::result::Result<
                ::std::option::Option<super::Meta>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationListResponse {
            fn default() -> Self {
                Self {
                    conversations: Ok(Default::default()),
                    links: Ok(Default::default()),
                    meta: Ok(Default::default()),
                }
            }
        }
        impl ConversationListResponse {
            pub fn conversations<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Conversation>>,
                T::Error: ::std::fmt::Display,
            {
                self.conversations = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for conversations: {e}")
                    });
                self
            }
            pub fn links<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Links>>,
                T::Error: ::std::fmt::Display,
            {
                self.links = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for links: {e}")
                    });
                self
            }
            pub fn meta<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Meta>>,
                T::Error: ::std::fmt::Display,
            {
                self.meta = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for meta: {e}")
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
                    links: value.links?,
                    meta: value.meta?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationListResponse>
        for ConversationListResponse {
            fn from(value: super::ConversationListResponse) -> Self {
                Self {
                    conversations: Ok(value.conversations),
                    links: Ok(value.links),
                    meta: Ok(value.meta),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Links {
            next: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            prev: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Links {
            fn default() -> Self {
                Self {
                    next: Ok(Default::default()),
                    prev: Ok(Default::default()),
                }
            }
        }
        impl Links {
            pub fn next<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.next = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for next: {e}")
                    });
                self
            }
            pub fn prev<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.prev = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for prev: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Links> for super::Links {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Links,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    next: value.next?,
                    prev: value.prev?,
                })
            }
        }
        impl ::std::convert::From<super::Links> for Links {
            fn from(value: super::Links) -> Self {
                Self {
                    next: Ok(value.next),
                    prev: Ok(value.prev),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Message {
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            received: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Message {
            fn default() -> Self {
                Self {
                    id: Ok(Default::default()),
                    received: Ok(Default::default()),
                }
            }
        }
        impl Message {
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
            pub fn received<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.received = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for received: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Message> for super::Message {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Message,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    id: value.id?,
                    received: value.received?,
                })
            }
        }
        impl ::std::convert::From<super::Message> for Message {
            fn from(value: super::Message) -> Self {
                Self {
                    id: Ok(value.id),
                    received: Ok(value.received),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct MessageListResponse {
            links: ::std::result::Result<
                ::std::option::Option<super::Links>,
                ::std::string::String,
            >,
            messages: ::std::result::Result<
                ::std::vec::Vec<super::Message>,
                ::std::string::String,
            >,
            meta: ::std::result::Result<
                ::std::option::Option<super::Meta>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for MessageListResponse {
            fn default() -> Self {
                Self {
                    links: Ok(Default::default()),
                    messages: Ok(Default::default()),
                    meta: Ok(Default::default()),
                }
            }
        }
        impl MessageListResponse {
            pub fn links<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Links>>,
                T::Error: ::std::fmt::Display,
            {
                self.links = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for links: {e}")
                    });
                self
            }
            pub fn messages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Message>>,
                T::Error: ::std::fmt::Display,
            {
                self.messages = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for messages: {e}")
                    });
                self
            }
            pub fn meta<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Meta>>,
                T::Error: ::std::fmt::Display,
            {
                self.meta = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for meta: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<MessageListResponse>
        for super::MessageListResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: MessageListResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    links: value.links?,
                    messages: value.messages?,
                    meta: value.meta?,
                })
            }
        }
        impl ::std::convert::From<super::MessageListResponse> for MessageListResponse {
            fn from(value: super::MessageListResponse) -> Self {
                Self {
                    links: Ok(value.links),
                    messages: Ok(value.messages),
                    meta: Ok(value.meta),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Meta {
            after_cursor: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            before_cursor: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            has_more: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Meta {
            fn default() -> Self {
                Self {
                    after_cursor: Ok(Default::default()),
                    before_cursor: Ok(Default::default()),
                    has_more: Ok(Default::default()),
                }
            }
        }
        impl Meta {
            pub fn after_cursor<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.after_cursor = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for after_cursor: {e}")
                    });
                self
            }
            pub fn before_cursor<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.before_cursor = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for before_cursor: {e}")
                    });
                self
            }
            pub fn has_more<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.has_more = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for has_more: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Meta> for super::Meta {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Meta,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    after_cursor: value.after_cursor?,
                    before_cursor: value.before_cursor?,
                    has_more: value.has_more?,
                })
            }
        }
        impl ::std::convert::From<super::Meta> for Meta {
            fn from(value: super::Meta) -> Self {
                Self {
                    after_cursor: Ok(value.after_cursor),
                    before_cursor: Ok(value.before_cursor),
                    has_more: Ok(value.has_more),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Page {
            after: ::std::result::Result<
                ::std::option::Option<super::PageAfter>,
                ::std::string::String,
            >,
            before: ::std::result::Result<
                ::std::option::Option<super::PageBefore>,
                ::std::string::String,
            >,
            size: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Page {
            fn default() -> Self {
                Self {
                    after: Ok(Default::default()),
                    before: Ok(Default::default()),
                    size: Ok(::std::option::Option::None),
                }
            }
        }
        impl Page {
            pub fn after<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PageAfter>>,
                T::Error: ::std::fmt::Display,
            {
                self.after = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for after: {e}")
                    });
                self
            }
            pub fn before<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PageBefore>>,
                T::Error: ::std::fmt::Display,
            {
                self.before = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for before: {e}")
                    });
                self
            }
            pub fn size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for size: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Page> for super::Page {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Page,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    after: value.after?,
                    before: value.before?,
                    size: value.size?,
                })
            }
        }
        impl ::std::convert::From<super::Page> for Page {
            fn from(value: super::Page) -> Self {
                Self {
                    after: Ok(value.after),
                    before: Ok(value.before),
                    size: Ok(value.size),
                }
            }
        }
    }
    /// Generation of default values for serde.
    pub mod defaults {
        pub(super) fn default_u64<T, const V: u64>() -> T
        where
            T: ::std::convert::TryFrom<u64>,
            <T as ::std::convert::TryFrom<u64>>::Error: ::std::fmt::Debug,
        {
            T::try_from(V).unwrap()
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
/// Operations: one blocking method on [`Client`](crate::Client) per operation of the document (Typed pages 1.0.0), with the request builders and multipart forms they use.
///
/// # By tag
///
/// The document's tags, in its order, and the methods of each (a method named after the operation's `operationId`, in snake case):
///
/// - **Conversations**: [`list_conversations`](crate::Client::list_conversations)
/// - **Messages**: [`list_messages`](crate::Client::list_messages)
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
        /// `GET /v2/apps/{appId}/conversations/{conversationId}/messages` (`listMessages`).
        ///
        /// The facts table: the document: messages are paginated backwards, the most recent page first; `page[before]` from `meta.beforeCursor` goes back in the history.
        pub(crate) const LIST_MESSAGES: OperationInfo = OperationInfo {
            id: "listMessages",
            method: Method::Get,
            path: "/v2/apps/{appId}/conversations/{conversationId}/messages",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: false,
        };
    }
    impl crate::Client {
        /// List Conversations
        ///
        /// Lists the conversations of the app, paginated forwards.
        ///
        /// Returns the request; its `send()` sends `GET /v2/apps/{appId}/conversations`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `page` (deepObject query `page`, optional, a setter of the request): Contains parameters for applying cursor pagination.
        ///
        /// Responses:
        /// - `200`: Ok ([`types::ConversationListResponse`])
        /// - `400`: Invalid page query parameters
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1conversations/get` (operation `listConversations`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn list_conversations<'a>(
            &'a self,
            app_id: &'a str,
        ) -> ListConversationsRequest<'a> {
            ListConversationsRequest {
                client: self,
                app_id,
                page: None,
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
        page: Option<types::Page>,
        options: crate::RequestOptions,
    }
    impl<'a> ListConversationsRequest<'a> {
        /// Sets `page` (deepObject query). Contains parameters for applying cursor pagination.
        pub fn page(mut self, value: types::Page) -> Self {
            self.page = Some(value);
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
        ) -> Result<
            crate::ResponseValue<types::ConversationListResponse>,
            crate::Error,
        > {
            self.send_at(None)
        }
        /// Sends the request for the page that follows `cursor` in the list's direction
        /// (the page before it for a list that pages backwards; the first page without one).
        fn send_at(
            self,
            cursor: Option<&str>,
        ) -> Result<
            crate::ResponseValue<types::ConversationListResponse>,
            crate::Error,
        > {
            let ListConversationsRequest { client, app_id, page, options } = self;
            let mut request = crate::__rt::Request::new(&info::LIST_CONVERSATIONS);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/conversations");
            request.query_page("page", page.as_ref(), "after", cursor)?;
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => {
                    response.json_allow_empty::<types::ConversationListResponse>()
                }
                400 => Err(response.error("Invalid page query parameters")),
                _ => Err(response.error("")),
            }
        }
        /// Every page, fetched lazily: the first as set up, then each asking for `page[after]` = the previous page's `meta.afterCursor` while its `meta.hasMore` is true. At most [`MAX_PAGES`](crate::MAX_PAGES) pages unless [`Pages::max_pages`](crate::Pages::max_pages) says otherwise; an error (a failed call, a cursor given twice) is the last item.
        pub fn pages(self) -> crate::Pages<'a, types::ConversationListResponse> {
            let first = self;
            crate::__rt::pages(
                info::LIST_CONVERSATIONS.id,
                move |cursor: Option<&str>| { first.clone().send_at(cursor) },
            )
        }
        /// Every entry of `conversations` on every page, fetched lazily as [`pages`](Self::pages) does.
        pub fn items(self) -> crate::Items<'a, types::ConversationListResponse> {
            crate::__rt::items(self.pages())
        }
    }
    impl crate::Client {
        /// List Messages
        ///
        /// Lists the messages of a conversation, the most recent page first.
        ///
        /// Returns the request; its `send()` sends `GET /v2/apps/{appId}/conversations/{conversationId}/messages`.
        ///
        /// Arguments:
        /// - `app_id` (path segment `appId`, required): Identifies the app.
        /// - `conversation_id` (path segment `conversationId`, required): Identifies the conversation.
        /// - `page` (deepObject query `page`, optional, a setter of the request): Contains parameters for applying cursor pagination.
        ///
        /// Responses:
        /// - `200`: Ok ([`types::MessageListResponse`])
        /// - `404`: Conversation not found
        ///
        /// Generated from `#/paths/~1v2~1apps~1{appId}~1conversations~1{conversationId}~1messages/get` (operation `listMessages`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn list_messages<'a>(
            &'a self,
            app_id: &'a str,
            conversation_id: &'a str,
        ) -> ListMessagesRequest<'a> {
            ListMessagesRequest {
                client: self,
                app_id,
                conversation_id,
                page: None,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::list_messages`](crate::Client::list_messages) request: set its optional parameters, then [`send`](ListMessagesRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct ListMessagesRequest<'a> {
        client: &'a crate::Client,
        app_id: &'a str,
        conversation_id: &'a str,
        page: Option<types::Page>,
        options: crate::RequestOptions,
    }
    impl<'a> ListMessagesRequest<'a> {
        /// Sets `page` (deepObject query). Contains parameters for applying cursor pagination.
        pub fn page(mut self, value: types::Page) -> Self {
            self.page = Some(value);
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
        ) -> Result<crate::ResponseValue<types::MessageListResponse>, crate::Error> {
            self.send_at(None)
        }
        /// Sends the request for the page that follows `cursor` in the list's direction
        /// (the page before it for a list that pages backwards; the first page without one).
        fn send_at(
            self,
            cursor: Option<&str>,
        ) -> Result<crate::ResponseValue<types::MessageListResponse>, crate::Error> {
            let ListMessagesRequest { client, app_id, conversation_id, page, options } = self;
            let mut request = crate::__rt::Request::new(&info::LIST_MESSAGES);
            request.path_literal("/v2/apps/");
            request.path_param("appId", app_id)?;
            request.path_literal("/conversations/");
            request.path_param("conversationId", conversation_id)?;
            request.path_literal("/messages");
            request.query_page("page", page.as_ref(), "before", cursor)?;
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<types::MessageListResponse>(),
                404 => Err(response.error("Conversation not found")),
                _ => Err(response.error("")),
            }
        }
        /// Every page, fetched lazily: the first as set up, then each asking for `page[before]` = the previous page's `meta.beforeCursor` while its `meta.hasMore` is true. At most [`MAX_PAGES`](crate::MAX_PAGES) pages unless [`Pages::max_pages`](crate::Pages::max_pages) says otherwise; an error (a failed call, a cursor given twice) is the last item.
        pub fn pages(self) -> crate::Pages<'a, types::MessageListResponse> {
            let first = self;
            crate::__rt::pages(
                info::LIST_MESSAGES.id,
                move |cursor: Option<&str>| { first.clone().send_at(cursor) },
            )
        }
        /// Every entry of `messages` on every page, fetched lazily as [`pages`](Self::pages) does.
        pub fn items(self) -> crate::Items<'a, types::MessageListResponse> {
            crate::__rt::items(self.pages())
        }
    }
    impl crate::ListPage for types::ConversationListResponse {
        type Entry = types::Conversation;
        const CURSOR: &'static str = "meta.afterCursor";
        fn has_more(&self) -> bool {
            self.meta.as_ref().and_then(|meta| meta.has_more).unwrap_or(false)
        }
        fn next_cursor(&self) -> Option<&str> {
            self.meta
                .as_ref()
                .and_then(|meta| meta.after_cursor.as_ref().map(|c| c.as_str()))
        }
        fn into_entries(self) -> Vec<types::Conversation> {
            self.conversations
        }
    }
    impl crate::ListPage for types::MessageListResponse {
        type Entry = types::Message;
        const CURSOR: &'static str = "meta.beforeCursor";
        fn has_more(&self) -> bool {
            self.meta.as_ref().and_then(|meta| meta.has_more).unwrap_or(false)
        }
        fn next_cursor(&self) -> Option<&str> {
            self.meta
                .as_ref()
                .and_then(|meta| meta.before_cursor.as_ref().map(|c| c.as_str()))
        }
        fn into_entries(self) -> Vec<types::Message> {
            self.messages
        }
    }
    /// The `operationId` of every operation this build generated, in document order.
    pub const OPERATION_IDS: &[&str] = &["listConversations", "listMessages"];
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
        /// Mocks `GET /v2/apps/{appId}/conversations/{conversationId}/messages` ([`Client::list_messages`](crate::Client::list_messages)): `config` sets what to match and what to answer.
        fn list_messages<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListMessagesWhen, ListMessagesThen);
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
        fn list_messages<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListMessagesWhen, ListMessagesThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::GET,
                    LIST_MESSAGES_ROUTE,
                );
                config(ListMessagesWhen(when), ListMessagesThen(then));
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
        /// Matches each `page[...]` query parameter the value has.
        pub fn page(self, value: &types::Page) -> Self {
            Self(support::deep_object(self.0, "page", value))
        }
    }
    impl ListConversationsThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &types::ConversationListResponse) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
        /// Answers `400` (Invalid page query parameters) with the API's `errors` array holding one entry.
        pub fn bad_request(self, code: &str, title: &str) -> Self {
            self.error(400u16, code, title)
        }
    }
    /// The route of `/v2/apps/{appId}/conversations/{conversationId}/messages`.
    const LIST_MESSAGES_ROUTE: &[Segment] = &[
        Segment::Literal("/v2/apps/"),
        Segment::Param("appId"),
        Segment::Literal("/conversations/"),
        Segment::Param("conversationId"),
        Segment::Literal("/messages"),
    ];
    crate::__rt::mock::wrappers!(
        ListMessagesWhen,
        " What a mock of [`Client::list_messages`](crate::Client::list_messages) matches, besides the method and path.",
        ListMessagesThen,
        " What a mock of [`Client::list_messages`](crate::Client::list_messages) answers."
    );
    impl ListMessagesWhen {
        /// Matches the `appId` path segment.
        pub fn app_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    LIST_MESSAGES_ROUTE,
                    "appId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches the `conversationId` path segment.
        pub fn conversation_id(self, value: &str) -> Self {
            Self(
                support::path_param(
                    self.0,
                    LIST_MESSAGES_ROUTE,
                    "conversationId",
                    &value.to_string(),
                ),
            )
        }
        /// Matches each `page[...]` query parameter the value has.
        pub fn page(self, value: &types::Page) -> Self {
            Self(support::deep_object(self.0, "page", value))
        }
    }
    impl ListMessagesThen {
        /// Answers `200` (Ok) with this JSON body.
        pub fn ok(self, value: &types::MessageListResponse) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
        /// Answers `404` (Conversation not found) with the API's `errors` array holding one entry.
        pub fn not_found(self, code: &str, title: &str) -> Self {
            self.error(404u16, code, title)
        }
    }
}
