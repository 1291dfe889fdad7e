//! The attachment helpers: thin wrappers over the generated operations that take the app id
//! from the client, accept friendly arguments and return plain values.
//!
//! Each helper exists only when the document defines its operation: the generator's facts
//! table names the helper each operation enables, and the build script announces it as
//! `cfg(sunco_helper = "...")`. Media tokens and cookies exist in API versions up to 12.8
//! only.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Secret;

/// An uploaded attachment. The service may say more of it in a later version: the struct may
/// gain fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Attachment {
    /// The URL to send in a file, image or carousel message.
    pub media_url: String,
    /// The media type the API recorded, e.g. `image/png`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// Media tokens by attachment path, as returned by `Client::media_tokens`. `Debug` shows the
/// paths, never the tokens.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaTokens {
    #[serde(default)]
    tokens: BTreeMap<String, Secret>,
}

impl MediaTokens {
    /// The token for `path`, if one was issued.
    pub fn get(&self, path: &str) -> Option<&Secret> {
        self.tokens.get(path)
    }

    /// Paths and tokens, ordered by path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Secret)> {
        self.tokens
            .iter()
            .map(|(path, token)| (path.as_str(), token))
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The map of path to token.
    pub fn into_map(self) -> BTreeMap<String, Secret> {
        self.tokens
    }
}

impl fmt::Debug for MediaTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.tokens.keys().map(|path| (path, "[redacted]")))
            .finish()
    }
}

#[cfg(sunco_helper = "upload")]
impl crate::Client {
    /// Uploads an attachment to the client's app and returns its media URL and type.
    ///
    /// The file is streamed; before anything is sent its size is checked against the upload
    /// limit (50 MiB by default), and its extension and first bytes against the service's file
    /// validation (see [`ALLOWED_EXTENSIONS`](crate::ALLOWED_EXTENSIONS); turned off by
    /// [`Upload::without_file_check`](crate::Upload::without_file_check)). Sends `POST /v2/apps/{appId}/attachments` through
    /// [`Client::upload_attachment`](crate::Client::upload_attachment).
    ///
    /// ```no_run
    /// use sunshine_conversations_client::{Client, Upload};
    ///
    /// let client = Client::from_env()?;
    /// let attachment = client.upload(Upload::path("photo.png")?)?;
    /// println!("{}", attachment.media_url);
    /// # Ok::<(), sunshine_conversations_client::Error>(())
    /// ```
    pub fn upload(&self, mut upload: crate::Upload) -> Result<Attachment, crate::Error> {
        use crate::{Error, operations};

        let app_id = self.require_app_id()?;
        upload.check()?;
        let crate::Upload {
            file,
            access,
            intended_for,
            conversation_id,
            options,
            ..
        } = upload;
        let mut request = self
            .upload_attachment(app_id, &access, operations::UploadAttachmentForm::new(file))
            .with_options(options);
        if let Some(intended_for) = intended_for {
            request = request.for_(intended_for);
        }
        if let Some(id) = conversation_id {
            request = request.conversation_id(id);
        }
        let response = request.send()?;
        let (status, outcome) = (response.status(), *response.outcome());
        let attachment = response.into_inner().attachment.unwrap_or_default();
        let media_url = attachment.media_url.ok_or(Error::Incomplete {
            operation: operations::info::UPLOAD_ATTACHMENT.id,
            status,
            missing: ".attachment.mediaUrl",
            outcome,
        })?;
        Ok(Attachment {
            media_url,
            media_type: attachment.media_type,
        })
    }
}

#[cfg(sunco_helper = "delete")]
impl crate::Client {
    /// Deletes an attachment of the client's app by its media URL. Sends
    /// `POST /v2/apps/{appId}/attachments/remove` through [`Client::delete_attachment`](crate::Client::delete_attachment).
    ///
    /// Deleting is retried after a lost answer (`502`, `503`, `504`, a dropped connection); when
    /// the retry then finds the attachment gone, the first attempt did the job and this
    /// returns `Ok`. Deleted attachments can stay in the CDN's cache for up to 15 minutes.
    pub fn delete(&self, media_url: &str) -> Result<(), crate::Error> {
        use crate::{Error, types};

        let app_id = self.require_app_id()?;
        if media_url.trim().is_empty() {
            return Err(Error::invalid("media URL", "must not be empty"));
        }
        let body = types::AttachmentDeleteBody::builder()
            .media_url(media_url)
            .try_into()?;
        self.delete_attachment(app_id, &body).send()?;
        Ok(())
    }
}

impl crate::Client {
    /// Issues a media token for each attachment path (e.g. `/apps/{appId}/...` from a private
    /// attachment's media URL). Sends `POST /v2/apps/{appId}/attachments/token` through the
    /// generated `generate_media_json_web_token`.
    ///
    /// The operation exists in API versions up to 12.8 only: a build from a document of 13.1
    /// or later returns [`Error::Unsupported`](crate::Error::Unsupported), sending nothing.
    pub fn media_tokens<I, S>(&self, paths: I) -> Result<MediaTokens, crate::Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        #[cfg(sunco_helper = "media_tokens")]
        {
            use crate::{Error, types};

            let app_id = self.require_app_id()?;
            let paths: Vec<String> = paths.into_iter().map(Into::into).collect();
            if paths.is_empty() || paths.iter().any(|p| p.trim().is_empty()) {
                return Err(Error::invalid("paths", "give at least one non-empty path"));
            }
            let body = types::AttachmentMediaTokenBody::builder()
                .paths(paths)
                .try_into()?;
            let response = self.generate_media_json_web_token(app_id, &body).send()?;
            Ok(response.into_inner())
        }
        #[cfg(not(sunco_helper = "media_tokens"))]
        {
            let _ = paths;
            Err(crate::Error::Unsupported {
                helper: "media_tokens",
                operation: "generateMediaJsonWebToken",
            })
        }
    }

    /// Exchanges a media token for the cookie that lets a browser read private attachments,
    /// returning the `Set-Cookie` values for you to pass on (the official clients drop them).
    /// The media token, not the client's credentials, authenticates this request. Sends
    /// `GET /v2/apps/{appId}/attachments/cookie` through the generated `set_cookie`.
    ///
    /// The operation exists in API versions up to 12.8 only: a build from a document of 13.1
    /// or later returns [`Error::Unsupported`](crate::Error::Unsupported), sending nothing.
    pub fn media_cookie(&self, media_token: &Secret) -> Result<Vec<Secret>, crate::Error> {
        #[cfg(sunco_helper = "media_cookie")]
        {
            let app_id = self.require_app_id()?;
            let response = self
                .with_bearer_token(media_token.clone())?
                .set_cookie(app_id)
                .send()?;
            Ok(response
                .headers()
                .get_all(ureq::http::header::SET_COOKIE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .map(Secret::new)
                .collect())
        }
        #[cfg(not(sunco_helper = "media_cookie"))]
        {
            let _ = media_token;
            Err(crate::Error::Unsupported {
                helper: "media_cookie",
                operation: "setCookie",
            })
        }
    }
}
