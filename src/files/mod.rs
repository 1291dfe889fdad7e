//! Files both ways: what an upload sends (`upload`, the request; `file_part`, one file and its
//! source; `multipart`, the body; `file_check`, the service's file validation before sending;
//! `filename`, the name sent) and what a download fetches (`download`, with `media_hosts`, the
//! hosts that may see the client's credentials), and the attachment helpers on
//! [`Client`](crate::Client) (`attachments`).

pub(crate) mod attachments;
pub(crate) mod download;
// Only the upload helper checks files, and a document may lack its operation.
pub(crate) mod batch;
#[cfg_attr(not(sunco_helper = "upload"), allow(dead_code))]
pub(crate) mod file_check;
pub(crate) mod file_part;
pub(crate) mod filename;
pub(crate) mod media_hosts;
pub(crate) mod multipart;
pub(crate) mod upload;

use std::path::Path;

/// The directory `path` names a file in: its parent, or `.` for a bare name.
pub(crate) fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}
