//! Connecting as people have their connections: a URL, with what it leaves out taken from
//! `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, the password from the URL, else `PGPASSWORD`,
//! else `~/.pgpass`; TLS through native-tls (OpenSSL here), verifying the server's
//! certificate and name whenever TLS is asked for.
//!
//! `sslmode` is read as libpq reads it, except that dealdesk never accepts a certificate it
//! cannot verify: `require` and `verify-full` check the chain and the host name, `verify-ca`
//! the chain only; `sslrootcert=FILE` adds the team's own CA. `prefer` (the default) uses TLS
//! when the server offers it, verified as well; `disable` never does.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::config::{Host, SslMode};
use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};

use super::pgpass;
use crate::store::error::{DbProblem, StoreError};
use crate::store::location::{ConnInfo, percent_decode};

/// How long a connection attempt may take before the server counts as down.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where Unix sockets usually are, for a URL that names no host.
const SOCKET_DIRS: [&str; 3] = ["/var/run/postgresql", "/run/postgresql", "/tmp"];

/// The URL options the client crate reads (`sslrootcert` dealdesk reads itself).
const OPTIONS: [&str; 19] = [
    "user",
    "password",
    "dbname",
    "options",
    "application_name",
    "sslmode",
    "sslnegotiation",
    "host",
    "hostaddr",
    "port",
    "connect_timeout",
    "tcp_user_timeout",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_retries",
    "target_session_attrs",
    "channel_binding",
    "load_balance_hosts",
];

/// What the URL asks of TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tls {
    Disable,
    /// Use TLS when offered (`prefer`), or insist (`require`, `verify-full`): the chain and
    /// the host name are verified either way.
    Verified,
    /// `verify-ca`: the chain, not the host name.
    ChainOnly,
}

/// A connection URL taken apart: the part the client crate reads, and what dealdesk reads.
#[derive(Debug)]
struct Parsed {
    config: Config,
    tls: Tls,
    root_cert: Option<PathBuf>,
}

/// Reads the URL, moving `sslmode=verify-*` and `sslrootcert` out of what the crate sees.
fn parse(info: &ConnInfo, store: &str) -> Result<Parsed, StoreError> {
    let (base, query) = info.url().split_once('?').unwrap_or((info.url(), ""));
    let setup = |message: String| StoreError::Database {
        store: store.to_string(),
        problem: DbProblem::Setup,
        message: format!("the connection URL cannot be read: {message}"),
    };
    let (mut tls, mut root_cert, mut kept) = (Tls::Verified, None, Vec::new());
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key != "sslrootcert" && !OPTIONS.contains(&key) {
            return Err(setup(format!(
                "unknown option `{key}` (dealdesk reads sslrootcert and {})",
                OPTIONS.join(", ")
            )));
        }
        match (key, value) {
            ("sslmode", "verify-full") => kept.push("sslmode=require".to_string()),
            ("sslmode", "verify-ca") => {
                tls = Tls::ChainOnly;
                kept.push("sslmode=require".to_string());
            }
            ("sslmode", "disable") => {
                tls = Tls::Disable;
                kept.push(pair.to_string());
            }
            ("sslmode", "allow") => kept.push("sslmode=prefer".to_string()),
            ("sslrootcert", file) => root_cert = Some(PathBuf::from(percent_decode(file))),
            _ => kept.push(pair.to_string()),
        }
    }
    let url = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
    // The crate's messages name the option, never the URL, so they cannot show a password.
    let config = Config::from_str(&url).map_err(|e| setup(e.to_string()))?;
    Ok(Parsed { config, tls, root_cert })
}

/// The socket directory to use when nothing names a host.
fn default_socket_dir(port: u16) -> PathBuf {
    let socket = format!(".s.PGSQL.{port}");
    SOCKET_DIRS
        .iter()
        .map(Path::new)
        .find(|dir| dir.join(&socket).exists())
        .or_else(|| SOCKET_DIRS.iter().map(Path::new).find(|dir| dir.is_dir()))
        .unwrap_or(Path::new("/tmp"))
        .to_path_buf()
}

/// Fills in what the URL left out, as libpq would, and the password from the usual places.
fn complete(config: &mut Config) {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if config.get_ports().is_empty()
        && let Some(port) = env("PGPORT").and_then(|p| p.parse().ok())
    {
        config.port(port);
    }
    let port = config.get_ports().first().copied().unwrap_or(5432);
    if config.get_hosts().is_empty() && config.get_hostaddrs().is_empty() {
        match env("PGHOST") {
            Some(hosts) => hosts.split(',').for_each(|h| {
                config.host(h);
            }),
            None => {
                config.host_path(default_socket_dir(port));
            }
        }
    }
    if config.get_user().is_none()
        && let Some(user) = env("PGUSER").or_else(|| env("USER"))
    {
        config.user(&user);
    }
    let user = config.get_user().unwrap_or_default().to_string();
    if config.get_dbname().is_none() {
        config.dbname(&env("PGDATABASE").unwrap_or_else(|| user.clone()));
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_TIMEOUT);
    }
    if config.get_application_name().is_none() {
        config.application_name("dealdesk");
    }
    if config.get_password().is_some() {
        return;
    }
    if let Some(password) = std::env::var_os("PGPASSWORD").filter(|p| !p.is_empty()) {
        config.password(password.as_encoded_bytes());
        return;
    }
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(name)) => name.clone(),
        #[cfg(unix)]
        Some(Host::Unix(dir)) => dir.display().to_string(),
        None => String::new(),
    };
    let target =
        pgpass::Target { host: &host, port, database: config.get_dbname().unwrap_or_default(), user: &user };
    if let Some(password) = pgpass::location().and_then(|file| pgpass::lookup(&file, target)) {
        config.password(password);
    }
}

/// The connector that verifies what the URL asks for.
fn connector(parsed: &Parsed, store: &str) -> Result<postgres_native_tls::MakeTlsConnector, StoreError> {
    let setup = |message: String| StoreError::Database {
        store: store.to_string(),
        problem: DbProblem::Setup,
        message,
    };
    let mut builder = native_tls::TlsConnector::builder();
    if let Some(file) = &parsed.root_cert {
        let pem = std::fs::read(file).map_err(|e| setup(format!("sslrootcert {}: {e}", file.display())))?;
        let certs = native_tls::Certificate::stack_from_pem(&pem)
            .map_err(|e| setup(format!("sslrootcert {}: {e}", file.display())))?;
        for cert in certs {
            builder.add_root_certificate(cert);
        }
    }
    builder.danger_accept_invalid_hostnames(parsed.tls == Tls::ChainOnly);
    let connector = builder.build().map_err(|e| setup(format!("TLS cannot be set up: {e}")))?;
    Ok(postgres_native_tls::MakeTlsConnector::new(connector))
}

/// Opens a connection to the store's database.
pub fn connect(info: &ConnInfo) -> Result<Client, StoreError> {
    let store = info.describe();
    let mut parsed = parse(info, &store)?;
    complete(&mut parsed.config);
    let connected = match parsed.tls {
        Tls::Disable => parsed.config.connect(NoTls),
        _ if parsed.config.get_ssl_mode() == SslMode::Disable => parsed.config.connect(NoTls),
        _ => parsed.config.connect(connector(&parsed, &store)?),
    };
    connected.map_err(|e| database_error(&store, &e))
}

/// A client error as the store's error: what kind of problem, and what the server said
/// (its message, detail and hint; never the connection URL).
pub fn database_error(store: &str, e: &postgres::Error) -> StoreError {
    let error = |problem, message| StoreError::Database { store: store.to_string(), problem, message };
    let Some(db) = e.as_db_error() else {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(cause) = source {
            let text = cause.to_string();
            if !message.contains(&text) {
                message = format!("{message}: {text}");
            }
            source = cause.source();
        }
        if message.contains("password missing") {
            let asks = "it asks for a password and none was given (put it in PGPASSWORD or ~/.pgpass)";
            return error(DbProblem::Denied, asks.into());
        }
        if let Some(at) = message.find("certificate verify failed") {
            let why = message[at..].rsplit_once('(').map_or("", |(_, why)| why.trim_end_matches(')'));
            return error(
                DbProblem::Unreachable,
                format!(
                    "its TLS certificate could not be verified ({why}): name the CA that signed it with \
                     sslrootcert=FILE in the URL, and the host the certificate names (dealdesk never \
                     accepts a certificate it cannot verify)"
                ),
            );
        }
        return error(DbProblem::Unreachable, message);
    };
    let mut message = db.message().to_string();
    if let Some(detail) = db.detail() {
        message = format!("{message} ({detail})");
    }
    if let Some(hint) = db.hint() {
        message = format!("{message}; {hint}");
    }
    let code = db.code();
    let class = &code.code()[..2];
    let problem = if class == "28" || *code == SqlState::INSUFFICIENT_PRIVILEGE {
        DbProblem::Denied
    } else if class == "08" || class == "57" || class == "53" {
        DbProblem::Unreachable
    } else if *code == SqlState::UNDEFINED_TABLE
        || *code == SqlState::INVALID_SCHEMA_NAME
        || *code == SqlState::INVALID_CATALOG_NAME
    {
        DbProblem::Setup
    } else {
        DbProblem::Failed
    };
    error(problem, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(url: &str) -> ConnInfo {
        match crate::store::location::Location::parse(std::ffi::OsStr::new(url)) {
            crate::store::location::Location::Postgres(info) => info,
            other => panic!("{other:?}"),
        }
    }

    fn parsed(url: &str) -> Parsed {
        parse(&info(url), "test").unwrap()
    }

    #[test]
    fn verify_modes_become_require_with_dealdesk_checking_the_certificate() {
        let full = parsed("postgres://db.example.com/sales?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem");
        assert_eq!((full.tls, full.config.get_ssl_mode()), (Tls::Verified, SslMode::Require));
        assert_eq!(full.root_cert.as_deref(), Some(Path::new("/etc/ca.pem")));
        let ca = parsed("postgres://db.example.com/sales?sslmode=verify-ca");
        assert_eq!((ca.tls, ca.config.get_ssl_mode()), (Tls::ChainOnly, SslMode::Require));
        let plain = parsed("postgres://db.example.com/sales?sslmode=disable");
        assert_eq!(plain.tls, Tls::Disable);
        assert_eq!(parsed("postgres://db.example.com/sales").tls, Tls::Verified);
    }

    #[test]
    fn a_bad_url_is_an_error_that_does_not_repeat_it() {
        let error = parse(&info("postgres://ann:s3cret@db/sales?colour=blue"), "sales on db")
            .unwrap_err()
            .to_string();
        assert!(error.contains("colour") && !error.contains("s3cret"), "{error}");
    }
}
