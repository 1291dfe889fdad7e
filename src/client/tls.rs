//! TLS as the crate features and the builder ask: the trusted roots, and extra roots added to
//! them (a company CA that re-signs TLS at a proxy, a private deployment's CA).

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::Error;

/// PEM text of root certificates given to the builder, and how an error names it.
pub(crate) struct RootsPem {
    /// The setting it came from: `root certificates`, or `SUNCO_CA_FILE`.
    pub(crate) field: &'static str,
    /// Which text it is: `PEM text 2`, or the file's path.
    pub(crate) what: String,
    pub(crate) pem: Vec<u8>,
}

/// The certificates of each PEM text given to
/// [`ClientBuilder::add_root_certificates_pem`](crate::ClientBuilder::add_root_certificates_pem)
/// (or read from `SUNCO_CA_FILE`). A text without a certificate, or one that does not parse, is
/// refused, naming the setting it came from.
pub(crate) fn parse_roots(pems: &[RootsPem]) -> Result<Vec<Certificate<'static>>, Error> {
    let mut roots = Vec::new();
    for RootsPem { field, what, pem } in pems {
        let before = roots.len();
        for item in ureq::tls::parse_pem(pem) {
            match item {
                Ok(PemItem::Certificate(cert)) => roots.push(cert.to_owned()),
                Ok(_) => {}
                Err(e) => {
                    return Err(Error::RootCertificates {
                        setting: field,
                        reason: format!("{what} does not parse: {e}"),
                    });
                }
            }
        }
        if roots.len() == before {
            return Err(Error::RootCertificates {
                setting: field,
                reason: format!("{what} holds no `-----BEGIN CERTIFICATE-----` block"),
            });
        }
    }
    Ok(roots)
}

/// The TLS settings: rustls with bundled Mozilla roots by default, the platform's verifier with
/// `platform-verifier`, the platform's TLS library and roots with `native-tls`. `extra` roots
/// replace the platform's by the bundled roots plus these: ureq trusts only the given roots
/// when any are given (and turns native-tls' own off), so the bundled ones are given too.
pub(crate) fn config(extra: Vec<Certificate<'static>>) -> TlsConfig {
    let tls = TlsConfig::builder();
    #[cfg(feature = "native-tls")]
    let tls = tls.provider(ureq::tls::TlsProvider::NativeTls);
    if extra.is_empty() {
        #[cfg(any(feature = "native-tls", feature = "platform-verifier"))]
        return tls.root_certs(RootCerts::PlatformVerifier).build();
        #[cfg(not(any(feature = "native-tls", feature = "platform-verifier")))]
        return tls.build();
    }
    let bundled = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned());
    let roots: Vec<Certificate<'static>> = bundled.chain(extra).collect();
    tls.root_certs(RootCerts::from(roots)).build()
}
