//! Corporate TLS against a real TLS server on loopback, with a CA made in the test: an extra
//! root is trusted besides the bundled ones; an unknown CA, an expired certificate, a wrong
//! host name and a CA presented as the server's certificate are refused with a message that
//! says which and what to do; HTTPS goes through an HTTP `CONNECT` proxy.

use crate::support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, date_time_ymd};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use sunshine_conversations_client::{CertificateProblem, Client, Error, RetryPolicy};

/// A CA of the test's own.
struct Ca {
    params: CertificateParams,
    key: KeyPair,
    pem: String,
    der: CertificateDer<'static>,
}

fn new_ca(name: &str) -> Ca {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    let cert = params.self_signed(&key).unwrap();
    Ca {
        pem: cert.pem(),
        der: cert.der().clone(),
        params,
        key,
    }
}

/// A server certificate for `host`, signed by `ca`; `expired` puts its validity in 2001.
fn leaf(ca: &Ca, host: &str, expired: bool) -> (CertificateDer<'static>, KeyPair) {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec![host.to_owned()]).unwrap();
    params.distinguished_name.push(DnType::CommonName, host);
    if expired {
        params.not_before = date_time_ymd(2000, 1, 1);
        params.not_after = date_time_ymd(2001, 1, 1);
    }
    let issuer = Issuer::from_params(&ca.params, &ca.key);
    let cert = params.signed_by(&key, &issuer).unwrap();
    (cert.der().clone(), key)
}

/// A TLS server on loopback presenting `chain`, answering every request `200 {}`; at most 8
/// connections.
fn tls_server(chain: Vec<CertificateDer<'static>>, key: &KeyPair) -> SocketAddr {
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(8) {
            let Ok(stream) = stream else { break };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let config = Arc::clone(&config);
            std::thread::spawn(move || {
                let connection = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(connection, stream);
                let mut reader = BufReader::new(&mut tls);
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return; // the client refused the certificate
                    }
                    if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                    if line == "\r\n" {
                        break;
                    }
                }
                let mut body = vec![0u8; length];
                let _ = reader.read_exact(&mut body);
                let _ = tls.write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\
                      connection: close\r\n\r\n{}",
                );
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    address
}

fn client(address: SocketAddr, roots: Option<&str>) -> Client {
    let mut builder = Client::builder()
        .base_url(format!("https://localhost:{}", address.port()))
        .basic_auth("key", "secret")
        .app_id("app")
        .retry_policy(RetryPolicy::none());
    if let Some(pem) = roots {
        builder = builder.add_root_certificates_pem(pem);
    }
    builder.build().unwrap()
}

fn refused(address: SocketAddr, roots: Option<&str>) -> (Option<CertificateProblem>, String) {
    let err = client(address, roots).delete("u").unwrap_err();
    assert!(
        !err.is_retryable(),
        "a refused certificate is refused again: {err:?}"
    );
    let problem = match &err {
        Error::Transport { source, .. } => source.certificate_problem(),
        other => panic!("not a transport error: {other:?}"),
    };
    (problem, err.to_string())
}

#[test]
fn an_extra_root_is_trusted_and_refusals_say_why() {
    let ca = new_ca("sunco test CA");
    let (cert, key) = leaf(&ca, "localhost", false);
    let server = tls_server(vec![cert], &key);

    // Trusted through the extra root.
    client(server, Some(&ca.pem)).delete("u").unwrap();

    // Without it: an unknown issuer, and how to add the root.
    let (problem, message) = refused(server, None);
    assert_eq!(
        problem,
        Some(CertificateProblem::UnknownIssuer),
        "{message}"
    );
    assert!(message.contains("add_root_certificates_pem"), "{message}");
    assert!(message.contains("SUNCO_CA_FILE"), "{message}");
    assert!(!message.contains("OtherError"), "{message}");

    // Another CA than the server's: unknown too.
    let other = new_ca("another CA");
    let (problem, _) = refused(server, Some(&other.pem));
    assert_eq!(problem, Some(CertificateProblem::UnknownIssuer));

    // Expired.
    let (cert, key) = leaf(&ca, "localhost", true);
    let (problem, message) = refused(tls_server(vec![cert], &key), Some(&ca.pem));
    assert_eq!(problem, Some(CertificateProblem::Expired), "{message}");
    assert!(
        message.contains("expired") && message.contains("clock"),
        "{message}"
    );

    // For another host name.
    let (cert, key) = leaf(&ca, "files.example.com", false);
    let (problem, message) = refused(tls_server(vec![cert], &key), Some(&ca.pem));
    assert_eq!(problem, Some(CertificateProblem::WrongHost), "{message}");
    assert!(message.contains("host name"), "{message}");

    // The CA itself as the server's certificate.
    let (problem, message) = refused(tls_server(vec![ca.der.clone()], &ca.key), Some(&ca.pem));
    assert_eq!(
        problem,
        Some(CertificateProblem::CaAsServerCertificate),
        "{message}"
    );
    assert!(!message.contains("CaUsedAsEndEntity"), "{message}");
}

#[test]
fn text_without_a_certificate_is_refused_before_sending() {
    for pem in [
        "",
        "not a certificate",
        "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
    ] {
        let err = Client::builder()
            .basic_auth("key", "secret")
            .add_root_certificates_pem(pem)
            .build()
            .unwrap_err();
        assert!(err.nothing_sent(), "{err}");
        assert!(
            matches!(
                &err,
                sunshine_conversations_client::Error::RootCertificates {
                    setting: "root certificates",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("root certificates"), "{err}");
    }
}

#[test]
fn https_goes_through_a_connect_proxy() {
    let ca = new_ca("sunco proxy test CA");
    let (cert, key) = leaf(&ca, "localhost", false);
    let server = tls_server(vec![cert], &key);
    let proxy = support::proxies::http_connect(server);
    Client::builder()
        .base_url(format!("https://localhost:{}", server.port()))
        .basic_auth("key", "secret")
        .app_id("app")
        .add_root_certificates_pem(&ca.pem)
        .proxy(format!("http://127.0.0.1:{}", proxy.port))
        .build()
        .unwrap()
        .delete("u")
        .unwrap();
    assert_eq!(proxy.asked(), vec![format!("localhost:{}", server.port())]);
}
