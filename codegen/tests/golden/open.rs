// generated from tests/fixtures/open.yaml (Open models 1.0.0) by build.rs; do not edit.

/// Models: the request and response types of the generated operations.
#[allow(deprecated)]
pub mod types {
    ///`Ball`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Ball {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub bounces: ::std::option::Option<bool>,
        #[serde(rename = "type", default = "defaults::ball_type")]
        pub type_: ::std::string::String,
    }
    impl ::std::default::Default for Ball {
        fn default() -> Self {
            Self {
                bounces: Default::default(),
                type_: defaults::ball_type(),
            }
        }
    }
    impl Ball {
        pub fn builder() -> builder::Ball {
            Default::default()
        }
    }
    ///`Cat`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Cat {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub indoor: ::std::option::Option<bool>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<CatName>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<Size>,
        #[serde(rename = "type")]
        pub type_: ::std::string::String,
    }
    impl Cat {
        pub fn builder() -> builder::Cat {
            Default::default()
        }
    }
    ///`CatName`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct CatName(::std::string::String);
    impl ::std::ops::Deref for CatName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CatName> for ::std::string::String {
        fn from(value: CatName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CatName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 16usize {
                return Err("longer than 16 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CatName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CatName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CatName {
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
    ///`Dog`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Dog {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<DogName>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<Size>,
        ///The old tag number. Deprecated since collars have chips.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        #[deprecated(note = "Deprecated since collars have chips.")]
        pub tag: ::std::option::Option<::std::string::String>,
        #[serde(rename = "type")]
        pub type_: ::std::string::String,
        ///Whether the dog was wormed. Deprecated since the vet keeps it.
        #[deprecated(note = "Deprecated since the vet keeps it.")]
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        pub wormed: ::std::option::Option<bool>,
    }
    impl Dog {
        /// `wormed`, or the default the document gives it when it is absent (the field keeps what was sent: `None` is sent as nothing).
        #[deprecated(note = "Deprecated since the vet keeps it.")]
        pub fn wormed_or_default(&self) -> bool {
            match &self.wormed {
                ::std::option::Option::Some(value) => ::std::clone::Clone::clone(value),
                ::std::option::Option::None => ::std::default::Default::default(),
            }
        }
    }
    impl Dog {
        pub fn builder() -> builder::Dog {
            Default::default()
        }
    }
    ///`DogName`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct DogName(::std::string::String);
    impl ::std::ops::Deref for DogName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<DogName> for ::std::string::String {
        fn from(value: DogName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for DogName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 16usize {
                return Err("longer than 16 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for DogName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for DogName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for DogName {
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
    ///`Home`
    ///
    ///An arm this build's document does not describe decodes as `Unknown`, which keeps the JSON it arrived as and sends it back unchanged. A later document may add arms: a `match` needs a wildcard arm.
    #[derive(::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(untagged)]
    #[non_exhaustive]
    pub enum Home {
        Kennel {
            #[serde(
                rename = "kennelId",
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            kennel_id: ::std::option::Option<::std::string::String>,
        },
        Address {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            street: ::std::option::Option<::std::string::String>,
        },
        /// An arm this build's document does not describe (or a documented one that did not
        /// decode as documented), kept as the JSON it arrived as.
        Unknown(crate::UnknownArm),
    }
    impl<'de> ::serde::Deserialize<'de> for Home {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            #[derive(::serde::Deserialize)]
            struct Arm0 {
                #[serde(
                    rename = "kennelId",
                    skip_serializing_if = "::std::option::Option::is_none"
                )]
                kennel_id: ::std::option::Option<::std::string::String>,
            }
            #[derive(::serde::Deserialize)]
            struct Arm1 {
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                street: ::std::option::Option<::std::string::String>,
            }
            let raw = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            let keys: ::std::vec::Vec<&str> = raw
                .as_object()
                .map(|object| object.keys().map(::std::string::String::as_str).collect())
                .unwrap_or_default();
            if keys.iter().all(|key| ["kennelId"].contains(key))
                && let Ok(arm) = <Arm0 as ::serde::Deserialize>::deserialize(&raw)
                    .map(|arm| Self::Kennel {
                        kennel_id: arm.kennel_id,
                    })
            {
                return Ok(arm);
            }
            if keys.iter().all(|key| ["street"].contains(key))
                && let Ok(arm) = <Arm1 as ::serde::Deserialize>::deserialize(&raw)
                    .map(|arm| Self::Address {
                        street: arm.street,
                    })
            {
                return Ok(arm);
            }
            if let Ok(arm) = <Arm0 as ::serde::Deserialize>::deserialize(&raw)
                .map(|arm| Self::Kennel {
                    kennel_id: arm.kennel_id,
                })
            {
                return Ok(arm);
            }
            if let Ok(arm) = <Arm1 as ::serde::Deserialize>::deserialize(&raw)
                .map(|arm| Self::Address {
                    street: arm.street,
                })
            {
                return Ok(arm);
            }
            Ok(
                Self::Unknown(
                    <crate::UnknownArm as ::serde::Deserialize>::deserialize(raw)
                        .map_err(<D::Error as ::serde::de::Error>::custom)?,
                ),
            )
        }
    }
    ///`Pet`
    ///
    ///The arms are told apart by `type`: an answer decodes as the arm its `type` names. An arm this build's document does not describe decodes as `Unknown`, which keeps the JSON it arrived as and sends it back unchanged. A later document may add arms: a `match` needs a wildcard arm.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub enum Pet {
        Cat(Cat),
        Dog(Dog),
        /// An arm this build's document does not describe (or a documented one that did not
        /// decode as documented), kept as the JSON it arrived as.
        Unknown(crate::UnknownArm),
    }
    impl Pet {
        ///The value of `type` that tells this arm apart, as sent.
        pub fn tag(&self) -> ::std::option::Option<&str> {
            match self {
                Self::Cat(_) => Some("cat"),
                Self::Dog(_) => Some("dog"),
                Self::Unknown(arm) => arm.tag(),
            }
        }
    }
    impl ::serde::Serialize for Pet {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match self {
                Self::Cat(arm) => arm.serialize(serializer),
                Self::Dog(arm) => arm.serialize(serializer),
                Self::Unknown(arm) => arm.serialize(serializer),
            }
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Pet {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let raw = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            let arm = match raw.get("type").and_then(::serde_json::Value::as_str) {
                Some("cat") => {
                    <Cat as ::serde::Deserialize>::deserialize(&raw).ok().map(Self::Cat)
                }
                Some("dog") => {
                    <Dog as ::serde::Deserialize>::deserialize(&raw).ok().map(Self::Dog)
                }
                _ => None,
            };
            Ok(
                arm
                    .unwrap_or_else(|| Self::Unknown(
                        crate::__rt::unknown_arm(raw, "type"),
                    )),
            )
        }
    }
    impl ::std::convert::From<Cat> for Pet {
        fn from(value: Cat) -> Self {
            Self::Cat(value)
        }
    }
    impl ::std::convert::From<Dog> for Pet {
        fn from(value: Dog) -> Self {
            Self::Dog(value)
        }
    }
    ///`PetBase`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct PetBase {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub name: ::std::option::Option<PetBaseName>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub size: ::std::option::Option<Size>,
        #[serde(rename = "type")]
        pub type_: ::std::string::String,
    }
    impl PetBase {
        pub fn builder() -> builder::PetBase {
            Default::default()
        }
    }
    ///`PetBaseName`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    pub struct PetBaseName(::std::string::String);
    impl ::std::ops::Deref for PetBaseName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<PetBaseName> for ::std::string::String {
        fn from(value: PetBaseName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for PetBaseName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 16usize {
                return Err("longer than 16 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for PetBaseName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for PetBaseName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for PetBaseName {
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
    ///`PetList`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct PetList {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub home: ::std::option::Option<Home>,
        #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
        pub pets: ::std::vec::Vec<Pet>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub toy: ::std::option::Option<Toy>,
    }
    impl PetList {
        pub fn builder() -> builder::PetList {
            Default::default()
        }
    }
    ///`Rope`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Rope {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub knots: ::std::option::Option<u64>,
        #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
        pub type_: ::std::option::Option<::std::string::String>,
    }
    impl Rope {
        pub fn builder() -> builder::Rope {
            Default::default()
        }
    }
    ///How big.
    ///
    /// A value this build's document does not list decodes as `Unknown`, keeps the value
    /// and is sent back unchanged; `From<&str>` makes any value, named or not, and
    /// `as_str()` (or `Display`) gives it as sent.
    ///
    /// A later document may list more values: a `match` needs a wildcard arm.
    #[derive(Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[non_exhaustive]
    pub enum Size {
        ///`small`
        Small,
        ///`large`
        Large,
        /// A value this build's document does not list, kept as it arrived.
        Unknown(crate::UnknownValue),
    }
    impl Size {
        /// The values this build's document lists.
        pub const VALUES: &'static [&'static str] = &["small", "large"];
        /// The value as sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Small => "small",
                Self::Large => "large",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl ::std::convert::From<&str> for Size {
        fn from(value: &str) -> Self {
            match value {
                "small" => Self::Small,
                "large" => Self::Large,
                _ => Self::Unknown(crate::__rt::unknown_value(value.to_owned())),
            }
        }
    }
    impl ::std::convert::From<&::std::string::String> for Size {
        fn from(value: &::std::string::String) -> Self {
            Self::from(value.as_str())
        }
    }
    impl ::std::convert::From<::std::string::String> for Size {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "small" => Self::Small,
                "large" => Self::Large,
                _ => Self::Unknown(crate::__rt::unknown_value(value)),
            }
        }
    }
    impl ::std::str::FromStr for Size {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for Size {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for Size {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Size {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            crate::__rt::deserialize_open_str(deserializer)
        }
    }
    ///`Toy`
    ///
    ///The arms are told apart by `type`: an answer decodes as the arm its `type` names. An arm this build's document does not describe decodes as `Unknown`, which keeps the JSON it arrived as and sends it back unchanged. A later document may add arms: a `match` needs a wildcard arm.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub enum Toy {
        Ball(Ball),
        Rope(Rope),
        /// An arm this build's document does not describe (or a documented one that did not
        /// decode as documented), kept as the JSON it arrived as.
        Unknown(crate::UnknownArm),
    }
    impl Toy {
        ///The value of `type` that tells this arm apart, as sent.
        pub fn tag(&self) -> ::std::option::Option<&str> {
            match self {
                Self::Ball(_) => Some("ball"),
                Self::Rope(_) => Some("rope"),
                Self::Unknown(arm) => arm.tag(),
            }
        }
    }
    impl ::serde::Serialize for Toy {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match self {
                Self::Ball(arm) => arm.serialize(serializer),
                Self::Rope(arm) => arm.serialize(serializer),
                Self::Unknown(arm) => arm.serialize(serializer),
            }
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Toy {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let raw = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            let arm = match raw.get("type").and_then(::serde_json::Value::as_str) {
                Some("ball") => {
                    <Ball as ::serde::Deserialize>::deserialize(&raw)
                        .ok()
                        .map(Self::Ball)
                }
                Some("rope") => {
                    <Rope as ::serde::Deserialize>::deserialize(&raw)
                        .ok()
                        .map(Self::Rope)
                }
                _ => None,
            };
            Ok(
                arm
                    .unwrap_or_else(|| Self::Unknown(
                        crate::__rt::unknown_arm(raw, "type"),
                    )),
            )
        }
    }
    impl ::std::convert::From<Ball> for Toy {
        fn from(value: Ball) -> Self {
            Self::Ball(value)
        }
    }
    impl ::std::convert::From<Rope> for Toy {
        fn from(value: Rope) -> Self {
            Self::Rope(value)
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct Ball {
            bounces: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for Ball {
            fn default() -> Self {
                Self {
                    bounces: Ok(Default::default()),
                    type_: Ok(super::defaults::ball_type()),
                }
            }
        }
        impl Ball {
            pub fn bounces<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.bounces = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for bounces: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
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
        impl ::std::convert::TryFrom<Ball> for super::Ball {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Ball,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    bounces: value.bounces?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::Ball> for Ball {
            fn from(value: super::Ball) -> Self {
                Self {
                    bounces: Ok(value.bounces),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Cat {
            indoor: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<super::CatName>,
                ::std::string::String,
            >,
            size: ::std::result::Result<
                ::std::option::Option<super::Size>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for Cat {
            fn default() -> Self {
                Self {
                    indoor: Ok(Default::default()),
                    name: Ok(Default::default()),
                    size: Ok(Default::default()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl Cat {
            pub fn indoor<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.indoor = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for indoor: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::CatName>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Size>>,
                T::Error: ::std::fmt::Display,
            {
                self.size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for size: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
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
        impl ::std::convert::TryFrom<Cat> for super::Cat {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Cat,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    indoor: value.indoor?,
                    name: value.name?,
                    size: value.size?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::Cat> for Cat {
            fn from(value: super::Cat) -> Self {
                Self {
                    indoor: Ok(value.indoor),
                    name: Ok(value.name),
                    size: Ok(value.size),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Dog {
            name: ::std::result::Result<
                ::std::option::Option<super::DogName>,
                ::std::string::String,
            >,
            size: ::std::result::Result<
                ::std::option::Option<super::Size>,
                ::std::string::String,
            >,
            tag: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<::std::string::String, ::std::string::String>,
            wormed: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Dog {
            fn default() -> Self {
                Self {
                    name: Ok(Default::default()),
                    size: Ok(Default::default()),
                    tag: Ok(Default::default()),
                    type_: Err("no value supplied for type_".to_string()),
                    wormed: Ok(::std::option::Option::None),
                }
            }
        }
        impl Dog {
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::DogName>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Size>>,
                T::Error: ::std::fmt::Display,
            {
                self.size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for size: {e}")
                    });
                self
            }
            #[deprecated(note = "Deprecated since collars have chips.")]
            pub fn tag<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.tag = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for tag: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            #[deprecated(note = "Deprecated since the vet keeps it.")]
            pub fn wormed<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<bool>>,
                T::Error: ::std::fmt::Display,
            {
                self.wormed = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for wormed: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Dog> for super::Dog {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Dog,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    name: value.name?,
                    size: value.size?,
                    tag: value.tag?,
                    type_: value.type_?,
                    wormed: value.wormed?,
                })
            }
        }
        impl ::std::convert::From<super::Dog> for Dog {
            fn from(value: super::Dog) -> Self {
                Self {
                    name: Ok(value.name),
                    size: Ok(value.size),
                    tag: Ok(value.tag),
                    type_: Ok(value.type_),
                    wormed: Ok(value.wormed),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PetBase {
            name: ::std::result::Result<
                ::std::option::Option<super::PetBaseName>,
                ::std::string::String,
            >,
            size: ::std::result::Result<
                ::std::option::Option<super::Size>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for PetBase {
            fn default() -> Self {
                Self {
                    name: Ok(Default::default()),
                    size: Ok(Default::default()),
                    type_: Err("no value supplied for type_".to_string()),
                }
            }
        }
        impl PetBase {
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::PetBaseName>>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn size<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Size>>,
                T::Error: ::std::fmt::Display,
            {
                self.size = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for size: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
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
        impl ::std::convert::TryFrom<PetBase> for super::PetBase {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PetBase,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    name: value.name?,
                    size: value.size?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::PetBase> for PetBase {
            fn from(value: super::PetBase) -> Self {
                Self {
                    name: Ok(value.name),
                    size: Ok(value.size),
                    type_: Ok(value.type_),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct PetList {
            home: ::std::result::Result<
                ::std::option::Option<super::Home>,
                ::std::string::String,
            >,
            pets: ::std::result::Result<
                ::std::vec::Vec<super::Pet>,
                ::std::string::String,
            >,
            toy: ::std::result::Result<
                ::std::option::Option<super::Toy>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for PetList {
            fn default() -> Self {
                Self {
                    home: Ok(Default::default()),
                    pets: Ok(Default::default()),
                    toy: Ok(Default::default()),
                }
            }
        }
        impl PetList {
            pub fn home<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Home>>,
                T::Error: ::std::fmt::Display,
            {
                self.home = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for home: {e}")
                    });
                self
            }
            pub fn pets<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::Pet>>,
                T::Error: ::std::fmt::Display,
            {
                self.pets = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for pets: {e}")
                    });
                self
            }
            pub fn toy<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<super::Toy>>,
                T::Error: ::std::fmt::Display,
            {
                self.toy = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for toy: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<PetList> for super::PetList {
            type Error = super::error::ConversionError;
            fn try_from(
                value: PetList,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    home: value.home?,
                    pets: value.pets?,
                    toy: value.toy?,
                })
            }
        }
        impl ::std::convert::From<super::PetList> for PetList {
            fn from(value: super::PetList) -> Self {
                Self {
                    home: Ok(value.home),
                    pets: Ok(value.pets),
                    toy: Ok(value.toy),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Rope {
            knots: ::std::result::Result<
                ::std::option::Option<u64>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Rope {
            fn default() -> Self {
                Self {
                    knots: Ok(Default::default()),
                    type_: Ok(Default::default()),
                }
            }
        }
        impl Rope {
            pub fn knots<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<u64>>,
                T::Error: ::std::fmt::Display,
            {
                self.knots = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for knots: {e}")
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
        impl ::std::convert::TryFrom<Rope> for super::Rope {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Rope,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    knots: value.knots?,
                    type_: value.type_?,
                })
            }
        }
        impl ::std::convert::From<super::Rope> for Rope {
            fn from(value: super::Rope) -> Self {
                Self {
                    knots: Ok(value.knots),
                    type_: Ok(value.type_),
                }
            }
        }
    }
    /// Generation of default values for serde.
    pub mod defaults {
        pub(super) fn ball_type() -> ::std::string::String {
            "ball".to_string()
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
/// Operations: one blocking method on [`Client`](crate::Client) per operation of the document (Open models 1.0.0), with the request builders and multipart forms they use.
///
/// # By tag
///
/// The document's tags, in its order, and the methods of each (a method named after the operation's `operationId`, in snake case):
///
/// - **Pets**: [`list_pets`](crate::Client::list_pets), [`create_pet`](crate::Client::create_pet)
pub mod operations {
    use super::types;
    /// What each operation is, for the request path: its route, and the facts that decide
    /// retries and what an error may quote.
    pub(crate) mod info {
        use crate::__rt::{Method, OperationInfo, Repeat};
        /// `GET /pets` (`listPets`).
        pub(crate) const LIST_PETS: OperationInfo = OperationInfo {
            id: "listPets",
            method: Method::Get,
            path: "/pets",
            accept: "application/json",
            repeat: Repeat::Idempotent,
            absent_after_retry: None,
            secret_response: false,
        };
        /// `POST /pets` (`createPet`).
        pub(crate) const CREATE_PET: OperationInfo = OperationInfo {
            id: "createPet",
            method: Method::Post,
            path: "/pets",
            accept: "application/json",
            repeat: Repeat::OnlyIfNotProcessed,
            absent_after_retry: None,
            secret_response: false,
        };
    }
    impl crate::Client {
        /// Returns the request; its `send()` sends `GET /pets`.
        ///
        /// Arguments:
        /// - `legacy_filter` (query `legacyFilter`, optional, a setter of the request, deprecated in the document)
        ///
        /// Responses:
        /// - `200`: The pets. ([`types::PetList`])
        ///
        /// Generated from `#/paths/~1pets/get` (operation `listPets`).
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn list_pets<'a>(&'a self) -> ListPetsRequest<'a> {
            ListPetsRequest {
                client: self,
                legacy_filter: None,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::list_pets`](crate::Client::list_pets) request: set its optional parameters, then [`send`](ListPetsRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct ListPetsRequest<'a> {
        client: &'a crate::Client,
        legacy_filter: Option<::std::string::String>,
        options: crate::RequestOptions,
    }
    impl<'a> ListPetsRequest<'a> {
        /// Sets `legacyFilter` (query).
        #[deprecated(note = "the parameter is deprecated in the OpenAPI document")]
        pub fn legacy_filter(mut self, value: impl Into<::std::string::String>) -> Self {
            self.legacy_filter = Some(value.into());
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
        pub fn send(self) -> Result<crate::ResponseValue<types::PetList>, crate::Error> {
            let ListPetsRequest { client, legacy_filter, options } = self;
            let mut request = crate::__rt::Request::new(&info::LIST_PETS);
            request.path_literal("/pets");
            if let Some(value) = &legacy_filter {
                request.query("legacyFilter", value);
            }
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json_allow_empty::<types::PetList>(),
                _ => Err(response.error("")),
            }
        }
    }
    impl crate::Client {
        /// Returns the request; its `send()` sends `POST /pets`.
        ///
        /// Arguments:
        /// - `body`: the JSON request body ([`types::Pet`])
        ///
        /// Responses:
        /// - `201`: The pet. ([`types::Pet`])
        ///
        /// Generated from `#/paths/~1pets/post` (operation `createPet`).
        #[deprecated(note = "the operation is deprecated in the OpenAPI document")]
        #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
        pub fn create_pet<'a>(&'a self, body: &'a types::Pet) -> CreatePetRequest<'a> {
            CreatePetRequest {
                client: self,
                body,
                options: crate::RequestOptions::default(),
            }
        }
    }
    /// A [`Client::create_pet`](crate::Client::create_pet) request: set its optional parameters, then [`send`](CreatePetRequest::send) it.
    #[must_use = "a request does nothing until `send` is called"]
    #[derive(Clone)]
    #[cfg_attr(docsrs, doc(cfg(feature = "full-api")))]
    pub struct CreatePetRequest<'a> {
        client: &'a crate::Client,
        body: &'a types::Pet,
        options: crate::RequestOptions,
    }
    impl<'a> CreatePetRequest<'a> {
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
        pub fn send(self) -> Result<crate::ResponseValue<types::Pet>, crate::Error> {
            let CreatePetRequest { client, body, options } = self;
            let mut request = crate::__rt::Request::new(&info::CREATE_PET);
            request.path_literal("/pets");
            request.json(body)?;
            request.options(options);
            let response = crate::__rt::execute(client, request)?;
            match response.status() {
                200..=299 => response.json::<types::Pet>(),
                _ => Err(response.error("")),
            }
        }
    }
    /// The `operationId` of every operation this build generated, in document order.
    pub const OPERATION_IDS: &[&str] = &["listPets", "createPet"];
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
        /// Mocks `GET /pets` ([`Client::list_pets`](crate::Client::list_pets)): `config` sets what to match and what to answer.
        fn list_pets<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListPetsWhen, ListPetsThen);
        /// Mocks `POST /pets` ([`Client::create_pet`](crate::Client::create_pet)): `config` sets what to match and what to answer.
        fn create_pet<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(CreatePetWhen, CreatePetThen);
    }
    impl MockServerExt for MockServer {
        fn list_pets<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(ListPetsWhen, ListPetsThen),
        {
            self.mock(|when, then| {
                let when = support::route(when, httpmock::Method::GET, LIST_PETS_ROUTE);
                config(ListPetsWhen(when), ListPetsThen(then));
            })
        }
        fn create_pet<F>(&self, config: F) -> Mock<'_>
        where
            F: FnOnce(CreatePetWhen, CreatePetThen),
        {
            self.mock(|when, then| {
                let when = support::route(
                    when,
                    httpmock::Method::POST,
                    CREATE_PET_ROUTE,
                );
                config(CreatePetWhen(when), CreatePetThen(then));
            })
        }
    }
    /// The route of `/pets`.
    const LIST_PETS_ROUTE: &[Segment] = &[Segment::Literal("/pets")];
    crate::__rt::mock::wrappers!(
        ListPetsWhen,
        " What a mock of [`Client::list_pets`](crate::Client::list_pets) matches, besides the method and path.",
        ListPetsThen,
        " What a mock of [`Client::list_pets`](crate::Client::list_pets) answers."
    );
    impl ListPetsWhen {
        /// Matches the `legacyFilter` query parameter.
        pub fn legacy_filter(self, value: &str) -> Self {
            Self(self.0.query_param("legacyFilter", value.to_string()))
        }
    }
    impl ListPetsThen {
        /// Answers `200` (The pets.) with this JSON body.
        pub fn ok(self, value: &types::PetList) -> Self {
            Self(support::json(self.0, 200u16, value))
        }
    }
    /// The route of `/pets`.
    const CREATE_PET_ROUTE: &[Segment] = &[Segment::Literal("/pets")];
    crate::__rt::mock::wrappers!(
        CreatePetWhen,
        " What a mock of [`Client::create_pet`](crate::Client::create_pet) matches, besides the method and path.",
        CreatePetThen,
        " What a mock of [`Client::create_pet`](crate::Client::create_pet) answers."
    );
    impl CreatePetWhen {
        /// Matches the JSON request body exactly.
        pub fn body(self, value: &types::Pet) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    impl CreatePetThen {
        /// Answers `201` (The pet.) with this JSON body.
        pub fn created(self, value: &types::Pet) -> Self {
            Self(support::json(self.0, 201u16, value))
        }
    }
}
