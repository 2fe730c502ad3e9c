//! `~/.pgpass` as libpq reads it (the client crate does not): lines of
//! `host:port:database:user:password`, `*` matching anything, `\:` and `\\` escaping, the
//! first matching line winning. A file that others may read is ignored, as libpq ignores it.

use std::path::{Path, PathBuf};

/// The password file: `PGPASSFILE`, else `~/.pgpass`.
pub fn location() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PGPASSFILE") {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pgpass"))
}

/// What a connection is to, for matching a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    /// A host name, or the socket directory for a Unix socket (libpq matches those as
    /// `localhost`).
    pub host: &'a str,
    pub port: u16,
    pub database: &'a str,
    pub user: &'a str,
}

/// The fields of one line, unescaped; `None` for a comment, a blank or a short line.
fn fields(line: &str) -> Option<[String; 5]> {
    if line.trim_start().starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut out: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), out.last_mut()) {
                    field.push(next);
                }
            }
            // The password may itself hold colons only when escaped; past the fifth field a
            // colon is part of the password.
            ':' if out.len() < 5 => out.push(String::new()),
            c => {
                if let Some(field) = out.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    out.try_into().ok()
}

/// The password of the first line that matches, from the file's text.
pub fn find(text: &str, target: Target) -> Option<String> {
    let port = target.port.to_string();
    let host = if target.host.starts_with('/') { "localhost" } else { target.host };
    let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
    text.lines().filter_map(fields).find_map(|[h, p, d, u, password]| {
        let host_ok = matches(&h, host) || matches(&h, target.host);
        (host_ok && matches(&p, &port) && matches(&d, target.database) && matches(&u, target.user))
            .then_some(password)
    })
}

/// The password for `target` from the file at `path`, when the file exists, only its owner
/// may read it, and a line matches.
pub fn lookup(path: &Path, target: Target) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    if !meta.is_file() {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    find(&text, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TARGET: Target = Target { host: "db.example.com", port: 5432, database: "sales", user: "ann" };

    #[test]
    fn the_first_matching_line_wins_with_wildcards_and_escapes() {
        let text = "# team database\n\
                    other.example.com:5432:sales:ann:wrong\n\
                    db.example.com:*:sales:ann:pa\\:ss\\\\word\n\
                    *:*:*:*:fallback\n";
        assert_eq!(find(text, TARGET).as_deref(), Some("pa:ss\\word"));
        assert_eq!(find(text, Target { user: "bob", ..TARGET }).as_deref(), Some("fallback"));
        assert_eq!(find("db.example.com:5433:sales:ann:x\n", TARGET), None);
        assert_eq!(find("db.example.com:5432:sales\n", TARGET), None);
    }

    #[test]
    fn a_unix_socket_matches_localhost() {
        let socket = Target { host: "/var/run/postgresql", ..TARGET };
        assert_eq!(find("localhost:5432:sales:ann:local\n", socket).as_deref(), Some("local"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_can_read_is_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "*:*:*:*:secret\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(lookup(&path, TARGET), None);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(lookup(&path, TARGET).as_deref(), Some("secret"));
    }
}
