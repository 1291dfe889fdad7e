//! What a model keeps of a value its document does not describe. The service adds values
//! before any document lists them (new client types, new message contents); a build from an
//! older document must decode them, keep them and send them back unchanged.
//!
//! Every string enum of [`types`](crate::types) has an `Unknown(UnknownValue)` variant, and
//! every union (`oneOf`, `anyOf`) an `Unknown(UnknownArm)` variant. Known values decode to
//! their own variants as always.

use std::fmt;

/// A string enum's value that this build's document does not list, kept as it arrived. It is
/// made by the enum's `From<&str>` (`types::ClientType::from("newchannel")`), which gives the
/// named variant for a listed value, so code that sends a new value keeps working when a later
/// document lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// Only the generated enums make one, for a value they do not list.
    pub(crate) fn new(value: String) -> Self {
        UnknownValue(value)
    }

    /// The value, as it arrived.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An arm of a union that this build's document does not describe (a message content of a new
/// `type`, say), or one whose `type` names a documented arm that did not decode as documented,
/// kept as the JSON it arrived as and serialised back unchanged.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownArm {
    raw: serde_json::Value,
    /// The property that tells the union's arms apart, when the document names one.
    tag_property: Option<&'static str>,
}

impl UnknownArm {
    /// An arm to send as it is: a value of a kind newer than this build's document.
    pub fn new(raw: serde_json::Value) -> Self {
        UnknownArm {
            raw,
            tag_property: None,
        }
    }

    /// An arm the generated code decoded, told apart by `tag_property`.
    pub(crate) fn tagged(raw: serde_json::Value, tag_property: &'static str) -> Self {
        UnknownArm {
            raw,
            tag_property: Some(tag_property),
        }
    }

    /// The value of the property that tells the union's arms apart (`type`), when the union
    /// has one and the arm carries it as a string: what kind of arm this is.
    pub fn tag(&self) -> Option<&str> {
        self.raw.get(self.tag_property?)?.as_str()
    }

    /// The arm as it arrived.
    pub fn raw(&self) -> &serde_json::Value {
        &self.raw
    }

    /// The arm as it arrived, owned.
    pub fn into_raw(self) -> serde_json::Value {
        self.raw
    }
}

impl serde::Serialize for UnknownArm {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for UnknownArm {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(UnknownArm::new)
    }
}

/// Decodes a string into an open enum through its `From` impls, borrowing the text where the
/// deserializer can lend it.
pub fn deserialize_open_str<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct Visitor<T>(std::marker::PhantomData<T>);
    impl<T> serde::de::Visitor<'_> for Visitor<T>
    where
        T: for<'a> From<&'a str> + From<String>,
    {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }
        fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
            Ok(T::from(value))
        }
    }
    deserializer.deserialize_str(Visitor(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for a generated open enum.
    struct OpenStr(String);
    impl From<&str> for OpenStr {
        fn from(value: &str) -> Self {
            OpenStr(value.to_owned())
        }
    }
    impl From<String> for OpenStr {
        fn from(value: String) -> Self {
            OpenStr(value)
        }
    }
    impl<'de> serde::Deserialize<'de> for OpenStr {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize_open_str(d)
        }
    }

    #[test]
    fn an_unknown_arm_keeps_its_json_and_its_tag() {
        let raw = serde_json::json!({"type": "video", "mediaUrl": "https://x/v.mp4", "n": [1, 2]});
        let arm = UnknownArm::tagged(raw.clone(), "type");
        assert_eq!(arm.tag(), Some("video"));
        assert_eq!(serde_json::to_value(&arm).unwrap(), raw);
        assert_eq!(UnknownArm::new(raw.clone()).tag(), None);
        let decoded: UnknownArm = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(decoded.into_raw(), raw);
        assert_eq!(UnknownValue::new("x".into()).as_str(), "x");
        let open: OpenStr = serde_json::from_str("\"a\\nb\"").unwrap();
        assert_eq!(open.0, "a\nb");
    }
}
