//! TLS as the crate features and the builder ask: the trusted roots, and extra roots added to
//! them (a company CA that re-signs TLS at a proxy, a private deployment's CA).

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::Error;

/// The certificates of each PEM text given to
/// [`ClientBuilder::add_root_certificates_pem`](crate::ClientBuilder::add_root_certificates_pem).
/// A text without a certificate, or one that does not parse, is refused.
pub(crate) fn parse_roots(pems: &[Vec<u8>]) -> Result<Vec<Certificate<'static>>, Error> {
    let mut roots = Vec::new();
    for (index, pem) in pems.iter().enumerate() {
        let before = roots.len();
        for item in ureq::tls::parse_pem(pem) {
            match item {
                Ok(PemItem::Certificate(cert)) => roots.push(cert.to_owned()),
                Ok(_) => {}
                Err(e) => {
                    return Err(Error::invalid(
                        "root certificates",
                        format!("PEM text {} does not parse: {e}", index + 1),
                    ));
                }
            }
        }
        if roots.len() == before {
            return Err(Error::invalid(
                "root certificates",
                format!(
                    "PEM text {} holds no `-----BEGIN CERTIFICATE-----` block",
                    index + 1
                ),
            ));
        }
    }
    Ok(roots)
}

/// The TLS settings: rustls with bundled Mozilla roots by default, the platform's verifier with
/// `platform-verifier`, the platform's TLS library and roots with `native-tls`; `extra` roots
/// are trusted besides the bundled ones (or the platform's, with `native-tls`).
pub(crate) fn config(extra: Vec<Certificate<'static>>) -> TlsConfig {
    #[allow(unused_mut)] // mutated only under some TLS features
    let mut tls = TlsConfig::builder();
    #[cfg(feature = "native-tls")]
    {
        tls = tls.provider(ureq::tls::TlsProvider::NativeTls);
        if extra.is_empty() {
            return tls.root_certs(RootCerts::PlatformVerifier).build();
        }
        // native-tls adds specific roots to the platform's own when its built-in roots stay on:
        // ureq turns them off for `Specific`, so the bundled roots are added as well.
    }
    #[cfg(all(feature = "platform-verifier", not(feature = "native-tls")))]
    if extra.is_empty() {
        return tls.root_certs(RootCerts::PlatformVerifier).build();
    }
    if extra.is_empty() {
        return tls.build();
    }
    let bundled = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned());
    let roots: Vec<Certificate<'static>> = bundled.chain(extra).collect();
    tls.root_certs(RootCerts::from(roots)).build()
}
