//! Where the portfolio lives: a JSON file (the default, no server needed) or a PostgreSQL
//! database shared by a team, chosen by `--store`, else `DEALDESK_STORE`, else the `store`
//! entry of the user's config file, else the default file in the user's data directory.
//!
//! A database is named by a connection URL (`postgres://ann@db.example.com/sales`); anything
//! else is a path. The URL may carry a password, so it is never shown: messages and the title
//! bar use [`ConnInfo::describe`], which names the host and the database only.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The environment variable that names the store when `--store` is not given.
pub const STORE_VARIABLE: &str = "DEALDESK_STORE";

/// A PostgreSQL connection URL as the user gave it. It may hold a password: `Debug` and
/// `Display` show only the host and the database.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnInfo(String);

impl ConnInfo {
    /// The URL itself, for the connector only.
    pub fn url(&self) -> &str {
        &self.0
    }

    /// "sales on db.example.com": the database and where it is, without user or password.
    pub fn describe(&self) -> String {
        let rest = self.0.split_once("://").map_or("", |(_, rest)| rest);
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let query_host = query.split('&').find_map(|kv| kv.strip_prefix("host="));
        let host = match (host, query_host) {
            ("", Some(socket)) => percent_decode(socket),
            ("", None) => "the local socket".to_string(),
            (host, _) => percent_decode(host),
        };
        let database = match percent_decode(path) {
            d if d.is_empty() => "the default database".to_string(),
            d => d,
        };
        format!("{database} on {host}")
    }
}

impl fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ConnInfo({})", self.describe())
    }
}

impl fmt::Display for ConnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "postgres: {}", self.describe())
    }
}

/// `%2F` and friends as the bytes they stand for; a broken escape stays as it is.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A store: a file or a database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Postgres(ConnInfo),
}

impl Location {
    /// A URL that starts with `postgres://` or `postgresql://` is a database; anything else a
    /// path.
    pub fn parse(text: &OsStr) -> Location {
        match text.to_str() {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Location::Postgres(ConnInfo(url.to_string()))
            }
            _ => Location::File(PathBuf::from(text)),
        }
    }

    /// The database, when the store is one.
    pub fn postgres(&self) -> Option<&ConnInfo> {
        match self {
            Location::Postgres(info) => Some(info),
            Location::File(_) => None,
        }
    }

    /// The file, when the store is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Postgres(info) => write!(f, "{info}"),
        }
    }
}

/// Where the choice of store came from, for `dealdesk check` and messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    Flag,
    Variable,
    ConfigFile(PathBuf),
    Default,
}

impl fmt::Display for Chosen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Chosen::Flag => f.write_str("--store"),
            Chosen::Variable => f.write_str(STORE_VARIABLE),
            Chosen::ConfigFile(path) => write!(f, "the store entry of {}", path.display()),
            Chosen::Default => f.write_str("the default"),
        }
    }
}

/// The user's config file (`config.json` in the config directory): only a `store` entry for now.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    store: Option<String>,
}

/// What the config file says, or why it cannot be used (a file that is not there says nothing).
fn from_config_file(path: &Path) -> Result<Option<String>, String> {
    let bytes = match super::target::read_regular(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let config: ConfigFile =
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(config.store.filter(|s| !s.trim().is_empty()))
}

/// Picks the store: the flag, else the variable, else the config file, else the default file.
/// A config file that cannot be read is an error (rather than silently using another store).
pub fn choose(
    flag: Option<&OsStr>,
    variable: Option<OsString>,
    config_file: Option<&Path>,
    default: Option<PathBuf>,
) -> Result<(Location, Chosen), String> {
    if let Some(flag) = flag {
        return Ok((Location::parse(flag), Chosen::Flag));
    }
    if let Some(value) = variable.filter(|v| !v.is_empty()) {
        return Ok((Location::parse(&value), Chosen::Variable));
    }
    if let Some(path) = config_file
        && let Some(store) = from_config_file(path)?
    {
        return Ok((Location::parse(OsStr::new(&store)), Chosen::ConfigFile(path.to_path_buf())));
    }
    default
        .map(|path| (Location::File(path), Chosen::Default))
        .ok_or_else(|| "no home directory to keep the store in: pass --store PATH".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_a_database_and_never_shows_its_password() {
        let at =
            Location::parse(OsStr::new("postgres://ann:s3cret@db.example.com:5433/sales?sslmode=require"));
        let Location::Postgres(info) = &at else { panic!("{at:?}") };
        assert_eq!(info.describe(), "sales on db.example.com:5433");
        for shown in [format!("{at}"), format!("{at:?}"), format!("{info}")] {
            assert!(!shown.contains("s3cret") && !shown.contains("ann"), "{shown}");
        }
        let socket = Location::parse(OsStr::new("postgresql:///team?host=%2Ftmp%2Fpg"));
        assert_eq!(socket.to_string(), "postgres: team on /tmp/pg");
        assert_eq!(Location::parse(OsStr::new("postgres.json")), Location::File("postgres.json".into()));
    }

    #[test]
    fn the_flag_beats_the_variable_beats_the_config_file_beats_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.json");
        std::fs::write(&config, r#"{"store": "postgres:///from-config"}"#).unwrap();
        let default = Some(PathBuf::from("/home/ann/portfolio.json"));
        let pick = |flag: Option<&str>, var: Option<&str>| {
            choose(flag.map(OsStr::new), var.map(OsString::from), Some(&config), default.clone()).unwrap()
        };
        assert_eq!(pick(Some("a.json"), Some("b.json")), (Location::File("a.json".into()), Chosen::Flag));
        assert_eq!(pick(None, Some("b.json")), (Location::File("b.json".into()), Chosen::Variable));
        let (from_file, chosen) = pick(None, None);
        assert_eq!(from_file.to_string(), "postgres: from-config on the local socket");
        assert_eq!(chosen, Chosen::ConfigFile(config.clone()));
        std::fs::remove_file(&config).unwrap();
        assert_eq!(pick(None, Some("")).1, Chosen::Default);
    }

    #[test]
    fn a_config_file_with_a_typo_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.json");
        std::fs::write(&config, r#"{"stor": "x.json"}"#).unwrap();
        let error = choose(None, None, Some(&config), None).unwrap_err();
        assert!(error.contains("config.json") && error.contains("unknown field"), "{error}");
    }
}
