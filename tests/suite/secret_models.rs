//! Every generated model with a secret field (key secrets, webhook and integration secrets,
//! OAuth tokens, passwords: found from the document's names and markings, see the generator's
//! facts table) keeps it out of `Debug`, and an answer of an operation that carries secrets
//! is never quoted in an error. The samples come from the build: one minimal valid value per
//! model and secret field, synthesised from the document with the field set.

#[allow(unused_imports)] // the samples of a full-api build name the models
use sunshine_conversations_client::types;

const SENTINEL: &str = "sunco-secret-sentinel";

struct SecretSample {
    model: &'static str,
    field: &'static str,
    json: &'static str,
    /// `Debug` of the decoded model, and the model encoded again.
    decoded: Result<(String, String), String>,
}

#[allow(dead_code)] // a default build has no model with a secret field
fn check<T>(json: &str) -> Result<(String, String), String>
where
    T: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Debug,
{
    let value: T = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let encoded = serde_json::to_string(&value).map_err(|e| e.to_string())?;
    Ok((format!("{value:?}"), encoded))
}

include!(concat!(env!("OUT_DIR"), "/secret_samples.rs"));

#[test]
fn every_model_with_a_secret_field_hides_it() {
    let samples = secret_samples();
    if cfg!(feature = "full-api") {
        assert!(samples.len() >= 10, "{} secret fields found", samples.len());
    } else {
        // The attachments build answers one secret, the media tokens, held in MediaTokens.
        assert!(samples.is_empty(), "{} secret fields found", samples.len());
    }
    for sample in samples {
        let (debug, encoded) = sample.decoded.unwrap_or_else(|e| {
            panic!(
                "{} {}: the sample {} does not decode: {e}",
                sample.model, sample.field, sample.json
            )
        });
        assert!(
            encoded.contains(SENTINEL),
            "{} {}: the sample set the field",
            sample.model,
            sample.field
        );
        assert!(
            !debug.contains(SENTINEL),
            "{} {}: Debug shows the secret: {debug}",
            sample.model,
            sample.field
        );
    }
}

/// An answer of a secret-bearing operation that does not decode is not quoted.
#[cfg(feature = "full-api")]
#[test]
fn a_misshapen_secret_answer_is_not_quoted() {
    use crate::support::{self, RawServer, Reply, response};
    let body = format!(r#"{{"key": {{"id": 7, "secret": "{SENTINEL}"}}}}"#);
    let server = RawServer::start(vec![
        Reply::Bytes(response(
            200,
            &[("content-type", "application/json")],
            &body,
        )),
        Reply::Bytes(response(
            500,
            &[("content-type", "application/json")],
            &body,
        )),
    ]);
    let client = support::client(&server.url());
    for _ in 0..2 {
        let err = client.get_app_key("app", "key").send().unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(SENTINEL), "{shown}");
    }
}
