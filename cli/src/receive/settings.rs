//! The receiver's settings, from the `SUNCO_WEBHOOK_*` variables; a message naming the
//! variable when one is unusable.

use std::path::PathBuf;
use std::time::Duration;

use sunshine_conversations_client::{MAX_TIMEOUT, Secret, printable};

use crate::connect::configured_value;

/// The receiver's settings.
pub(super) struct Settings {
    pub(super) secret: Secret,
    pub(super) address: String,
    pub(super) workers: usize,
    pub(super) download_deadline: Duration,
}

impl Settings {
    pub(super) fn from_env() -> Result<Settings, String> {
        let Some(secret) = configured_value("SUNCO_WEBHOOK_SECRET") else {
            return Err("SUNCO_WEBHOOK_SECRET is not set: set it to the webhook's secret".into());
        };
        let number = |name: &str, default: u64, max: u64| -> Result<u64, String> {
            match configured_value(name) {
                Some(text) => text
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=max).contains(n))
                    .ok_or_else(|| {
                        format!("{name} is `{}`: it must be 1 to {max}", printable(&text))
                    }),
                None => Ok(default),
            }
        };
        Ok(Settings {
            secret: Secret::new(secret),
            address: std::env::var("SUNCO_WEBHOOK_ADDR")
                .unwrap_or_else(|_| "127.0.0.1:8080".into()),
            workers: usize::try_from(number("SUNCO_WEBHOOK_WORKERS", 4, 64)?).unwrap_or(4),
            download_deadline: Duration::from_secs(number(
                "SUNCO_WEBHOOK_DOWNLOAD_SECS",
                120,
                MAX_TIMEOUT.as_secs(),
            )?),
        })
    }
}

/// `SUNCO_WEBHOOK_DIR`, or a new directory under the system's temporary one.
pub(super) fn files_directory() -> Result<PathBuf, String> {
    if let Some(dir) = configured_value("SUNCO_WEBHOOK_DIR") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).map_err(|e| {
            format!(
                "cannot create {} (SUNCO_WEBHOOK_DIR): {e}",
                printable(&dir.display().to_string())
            )
        })?;
        return Ok(dir);
    }
    let dir = std::env::temp_dir().join(format!("sunco-webhook-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    eprintln!(
        "saving files to {} (created; set SUNCO_WEBHOOK_DIR to choose)",
        dir.display()
    );
    Ok(dir)
}
