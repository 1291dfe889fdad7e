//! The client a subcommand uses: from the `SUNCO_*` variables, or, for the demo with nothing
//! configured, one of a local stand-in server. Nothing else ever uses the stand-in: a
//! subcommand without an app id, or an empty `SUNCO_APP_ID` next to a configured host, is a
//! usage error that sends nothing.

use clap::CommandFactory;
use sunshine_conversations_client::{Client, Error};

use crate::args::Cli;
use crate::failure::Failure;
use crate::stand_in::StandIn;

/// A variable that is set to something other than blanks.
pub fn configured(name: &str) -> bool {
    configured_value(name).is_some()
}

/// The value of a variable that is set to something other than blanks.
pub fn configured_value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The host variable that is set, if any.
fn host_configured() -> Option<&'static str> {
    ["SUNCO_BASE_URL", "SUNCO_REGION", "SUNCO_SUBDOMAIN"]
        .into_iter()
        .find(|name| configured(name))
}

/// The client of a subcommand, from the environment.
pub fn from_env() -> Result<Client, Failure> {
    client(false)
}

/// The demo's client: of a stand-in started here when neither an app nor a host is
/// configured (said on stderr), else from the environment.
pub fn for_demo() -> Result<(Client, Option<StandIn>), Failure> {
    if !configured("SUNCO_APP_ID") && host_configured().is_none() {
        let (server, client) = StandIn::client().map_err(Failure::Other)?;
        return Ok((client, Some(server)));
    }
    Ok((client(true)?, None))
}

fn client(demo: bool) -> Result<Client, Failure> {
    if configured("SUNCO_APP_ID") {
        return match Client::from_env() {
            Ok(client) => Ok(client),
            // A CA file that cannot be used is a usage error: nothing was sent.
            Err(Error::RootCertificates {
                setting, reason, ..
            }) => Err(Failure::usage(format!(
                "{setting}: {reason}; nothing was sent"
            ))),
            Err(e) => Err(e.into()),
        };
    }
    let what = if std::env::var_os("SUNCO_APP_ID").is_some() {
        "SUNCO_APP_ID is empty"
    } else {
        "SUNCO_APP_ID is not set"
    };
    let why = match (demo, host_configured()) {
        (true, Some(host)) => {
            format!("{host} is set, so the demo talks to that host and needs the app")
        }
        _ => "this command works on an app of your account".to_owned(),
    };
    Err(Failure::Usage {
        message: format!(
            "{what}: {why}; set SUNCO_APP_ID (with SUNCO_KEY_ID and SUNCO_KEY_SECRET); nothing \
             was sent"
        ),
        usage: Some(Cli::command().render_usage().to_string()),
    })
}
