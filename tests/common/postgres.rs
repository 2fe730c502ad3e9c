//! A private PostgreSQL cluster for the tests that need a real server: one per test binary,
//! one database per test.
//!
//! `.ci/run` starts a cluster and names it in `DEALDESK_TEST_PGHOST` (its socket folder),
//! `DEALDESK_TEST_PGPORT`, `DEALDESK_TEST_PGUSER` and `DEALDESK_TEST_PGTLS_CERT`; otherwise the first test that asks
//! starts one itself, wherever PostgreSQL's programs are installed: `initdb` in a temporary
//! folder (as `nobody` when the tests run as root, since initdb refuses root), the server on
//! a Unix socket in that folder and on a loopback port with a certificate of its own for the
//! TLS tests. A small reaper process stops it and removes the folder when the test process
//! ends, however it ends (it waits for its standard input, a pipe this process holds, to
//! close). Where PostgreSQL is not installed the tests skip with the reason printed, unless
//! `DEALDESK_REQUIRE_POSTGRES=1`, which turns the skip into a failure.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use dealdesk::store::location::{ConnInfo, Location};

/// The superuser of a cluster the tests start.
const ADMIN: &str = "dealdesk_admin";

/// Members of this role log in with a password (scram); everyone else is trusted on the
/// socket, as on a developer's machine.
pub const PASSWORD_GROUP: &str = "dealdesk_test_password";

/// A running cluster.
#[derive(Debug)]
pub struct Server {
    pub socket_dir: PathBuf,
    pub port: u16,
    pub admin: String,
    /// The certificate the server presents on its loopback port (`port`) with TLS, when
    /// `openssl` was there to make one.
    pub tls: Option<PathBuf>,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();

/// The cluster for this test binary, or why there is none.
pub fn server() -> Result<&'static Server, String> {
    SERVER
        .get_or_init(|| match std::env::var_os("DEALDESK_TEST_PGHOST") {
            Some(host) => Ok(Server {
                socket_dir: PathBuf::from(host),
                port: std::env::var("DEALDESK_TEST_PGPORT").ok().and_then(|p| p.parse().ok()).unwrap_or(5432),
                admin: std::env::var("DEALDESK_TEST_PGUSER").unwrap_or_else(|_| ADMIN.into()),
                tls: std::env::var_os("DEALDESK_TEST_PGTLS_CERT").map(PathBuf::from),
            }),
            None => start(true),
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The cluster, or `None` after printing why the calling test skips (a failure instead when
/// `DEALDESK_REQUIRE_POSTGRES` is set).
pub fn server_or_skip(test: &str) -> Option<&'static Server> {
    match server() {
        Ok(server) => Some(server),
        Err(reason) if std::env::var_os("DEALDESK_REQUIRE_POSTGRES").is_some() => {
            panic!("{test}: PostgreSQL is required here (DEALDESK_REQUIRE_POSTGRES) but {reason}")
        }
        Err(reason) => {
            eprintln!("skipped {test}: {reason}");
            None
        }
    }
}

/// The folder of PostgreSQL's programs: the newest under /usr/lib/postgresql, else where
/// `pg_config` says, else wherever `initdb` is on the PATH.
fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort_by_key(|p| p.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()));
    if let Some(newest) = versions.pop() {
        return Some(newest);
    }
    let from_config = Command::new("pg_config").arg("--bindir").output().ok().filter(|o| o.status.success());
    if let Some(out) = from_config {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return Some(dir);
        }
    }
    std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|dir| dir.join("initdb").exists() && dir.join("pg_ctl").exists())
}

/// A command that runs as `nobody` when this process is root (initdb and the server refuse
/// root).
fn unprivileged(program: &Path) -> Command {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let out = command.stdin(Stdio::null()).output().map_err(|e| format!("cannot run {what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A loopback port nobody listens on now.
fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Initialises and starts a cluster in a new temporary folder; `durable` keeps fsync on (the
/// benchmark), the tests run without it.
pub fn start(durable: bool) -> Result<Server, String> {
    let bin = bin_dir().ok_or("PostgreSQL's programs (initdb, pg_ctl) are not installed")?;
    let dir = tempfile::Builder::new()
        .prefix("dealdesk-pg-")
        .tempdir()
        .map_err(|e| format!("no temporary folder: {e}"))?
        .keep();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        run(Command::new("chown").args(["nobody:nogroup"]).arg(&dir), "chown")?;
    }
    let data = dir.join("data");
    run(
        unprivileged(&bin.join("initdb")).args(["-D"]).arg(&data).args([
            "-U",
            ADMIN,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "-N",
        ]),
        "initdb",
    )?;
    let port = free_port()?;
    let tls = certificate(&dir);
    let mut conf =
        format!("unix_socket_directories = '{}'\nport = {port}\nmax_connections = 200\n", dir.display());
    conf.push_str(if durable {
        ""
    } else {
        "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
    });
    let mut hba = format!("local all +{PASSWORD_GROUP} scram-sha-256\nlocal all all trust\n");
    match &tls {
        Some(cert) => {
            conf.push_str(&format!(
                "listen_addresses = '127.0.0.1'\nssl = on\nssl_cert_file = '{}'\nssl_key_file = '{}'\n",
                cert.display(),
                dir.join("server.key").display()
            ));
            hba.push_str("hostssl all all 127.0.0.1/32 trust\n");
        }
        None => conf.push_str("listen_addresses = ''\n"),
    }
    std::fs::write(data.join("postgresql.auto.conf"), conf).map_err(|e| e.to_string())?;
    std::fs::write(data.join("pg_hba.conf"), hba).map_err(|e| e.to_string())?;
    run(
        unprivileged(&bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("log"))
            .args(["-w", "start"]),
        "pg_ctl start",
    )?;
    reap_on_exit(&bin, &dir)?;
    Ok(Server { socket_dir: dir, port, admin: ADMIN.into(), tls })
}

/// A self-signed certificate for `localhost` (owned by the server's user), if openssl is
/// installed.
fn certificate(dir: &Path) -> Option<PathBuf> {
    let (cert, key) = (dir.join("server.crt"), dir.join("server.key"));
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=DNS:localhost"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?
        .success();
    if !made {
        return None;
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).ok()?;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        Command::new("chown").arg("nobody:nogroup").arg(&key).arg(&cert).status().ok()?;
    }
    Some(cert)
}

/// Starts the process that stops the server and removes its folder once this process ends:
/// it reads its standard input, which this process keeps open until it exits.
fn reap_on_exit(bin: &Path, dir: &Path) -> Result<(), String> {
    let as_nobody = if unsafe { libc::geteuid() } == 0 {
        "setpriv --reuid=nobody --regid=nogroup --clear-groups "
    } else {
        ""
    };
    let script = format!(
        "cat >/dev/null; {as_nobody}'{}' -D '{}' -m immediate stop; rm -rf '{}'",
        bin.join("pg_ctl").display(),
        dir.join("data").display(),
        dir.display()
    );
    let mut reaper = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the reaper: {e}"))?;
    // Held until the process exits, when the kernel closes it and the reaper goes to work.
    Box::leak(Box::new(reaper.stdin.take()));
    Box::leak(Box::new(reaper));
    Ok(())
}

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// One test's own database.
pub struct TestDb {
    pub server: &'static Server,
    pub name: String,
}

impl Server {
    /// A URL for `user` on `database` over the Unix socket.
    pub fn url(&self, database: &str, user: &str) -> String {
        let host: String = self.socket_dir.display().to_string().replace('/', "%2F");
        format!("postgresql:///{database}?host={host}&port={}&user={user}", self.port)
    }

    /// A connection as the superuser.
    pub fn admin(&self, database: &str) -> postgres::Client {
        postgres::Client::connect(
            &format!(
                "host={} port={} user={} dbname={database}",
                self.socket_dir.display(),
                self.port,
                self.admin
            ),
            postgres::NoTls,
        )
        .unwrap_or_else(|e| panic!("cannot connect to the test cluster: {e}"))
    }

    /// A new, empty database for one test.
    pub fn database(&'static self, test: &str) -> TestDb {
        let n = DATABASES.fetch_add(1, Ordering::SeqCst);
        let short: String =
            test.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').take(30).collect();
        let name = format!("t{}_{n}_{short}", std::process::id()).to_lowercase();
        self.admin("postgres")
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("{e}"));
        TestDb { server: self, name }
    }
}

impl TestDb {
    /// The store as the superuser sees it.
    pub fn location(&self) -> Location {
        self.location_as(&self.server.admin.clone())
    }

    pub fn location_as(&self, user: &str) -> Location {
        Location::Postgres(self.info_as(user))
    }

    pub fn info_as(&self, user: &str) -> ConnInfo {
        match Location::parse(std::ffi::OsStr::new(&self.server.url(&self.name, user))) {
            Location::Postgres(info) => info,
            other => panic!("not a database: {other:?}"),
        }
    }

    pub fn admin(&self) -> postgres::Client {
        self.server.admin(&self.name)
    }

    /// A login role of this test only (roles are shared by the cluster's databases).
    pub fn role(&self, who: &str) -> String {
        let role = format!("{}_{who}", self.name);
        self.admin().batch_execute(&format!("CREATE ROLE {role} LOGIN")).unwrap_or_else(|e| panic!("{e}"));
        role
    }
}

/// A database for the calling test, or `None` after saying why it skips.
pub fn database(test: &str) -> Option<TestDb> {
    server_or_skip(test).map(|server| server.database(test))
}

/// Imports prospects as `dealdesk import` does (the import plan matches them against the
/// store's, every field of theirs applied) and says what it did.
pub fn import(
    store: &mut dyn dealdesk::store::backend::Backend,
    prospects: Vec<dealdesk::domain::prospect::Prospect>,
) -> dealdesk::store::backend::Imported {
    use dealdesk::domain::fields::Field;
    use dealdesk::domain::import_plan::{FieldSet, Incoming, plan};
    let incoming: Vec<Incoming> = prospects
        .into_iter()
        .enumerate()
        .map(|(i, prospect)| Incoming {
            label: format!("row {}", i + 1),
            prospect,
            updates: FieldSet::of(Field::ALL),
            keeps_newer_accounts: false,
            decided: Default::default(),
            terms: Default::default(),
        })
        .collect();
    let mut incoming = Some(incoming);
    // The statuses the prospects carry are recorded as decided by "tester" on 2026-11-28.
    let policy = dealdesk::domain::policy::Policy::default_policy();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-28T09:14:00+01:00").expect("a time");
    let stamp = dealdesk::domain::decision::Stamp { at, by: "tester".into() };
    let today = dealdesk::domain::date::Date::new(2026, 11, 28).expect("a date");
    let decider = dealdesk::domain::import_plan::Decider::for_file(&policy, today, stamp, "a test");
    store
        .import(&mut |portfolio| {
            let existing: Vec<_> = portfolio.iter().collect();
            Some(plan(&existing, incoming.take()?, &decider))
        })
        .expect("import")
        .expect("imported")
}
