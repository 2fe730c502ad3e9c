//! Connections as people have them: the password from PGPASSWORD or ~/.pgpass (never shown),
//! TLS that verifies the server's certificate when asked for, and clear words when the
//! server cannot be reached.

mod common;

use common::postgres::{PASSWORD_GROUP, TestDb, database};
use common::sandbox::Sandbox;

const SECRET: &str = "c0rrect-h0rse";

/// `dealdesk --store URL check` with extra environment.
fn check(s: &Sandbox, url: &str, env: &[(&str, &str)]) -> (bool, String) {
    let out = s.command(&["--store", url, "check"]).envs(env.iter().copied()).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// A role that must log in with a password (the cluster asks members of PASSWORD_GROUP).
fn with_password(db: &TestDb) -> String {
    let role = db.role("pw");
    let mut admin = db.admin();
    admin
        .batch_execute(&format!(
            "DO $$ BEGIN CREATE ROLE {PASSWORD_GROUP} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
             ALTER ROLE {role} PASSWORD '{SECRET}'; GRANT {PASSWORD_GROUP} TO {role}; GRANT dealdesk_read TO {role};"
        ))
        .unwrap();
    role
}

#[test]
fn the_password_comes_from_pgpassword_or_pgpass_and_is_never_printed() {
    let Some(db) = database("password") else { return };
    let s = Sandbox::new();
    dealdesk::store::postgres::init(db.location().postgres().unwrap()).unwrap();
    let role = with_password(&db);
    let url = db.server.url(&db.name, &role);
    let (ok, without) = check(&s, &url, &[]);
    assert!(!ok && without.contains("asks for a password and none was given"), "{without}");
    let (ok, wrong) = check(&s, &url, &[("PGPASSWORD", "wrong-one")]);
    assert!(!ok && wrong.contains("password authentication failed"), "{wrong}");
    assert!(!wrong.contains("wrong-one"), "the password is never printed: {wrong}");
    let (ok, by_variable) = check(&s, &url, &[("PGPASSWORD", SECRET)]);
    assert!(ok && by_variable.contains("may read only"), "{by_variable}");
    let pgpass = s.path("pgpass");
    std::fs::write(&pgpass, format!("localhost:{}:{}:{role}:{SECRET}\n", db.server.port, db.name)).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let pgpass_arg = pgpass.display().to_string();
    let (ok, by_file) = check(&s, &url, &[("PGPASSFILE", &pgpass_arg)]);
    assert!(ok, "{by_file}");
    // ~/.pgpass itself, in the sandbox's home.
    std::fs::copy(&pgpass, s.path("home/.pgpass")).unwrap();
    let (ok, by_home) = check(&s, &url, &[]);
    assert!(ok, "{by_home}");
    for text in [without, by_variable, by_file, by_home] {
        assert!(!text.contains(SECRET), "the password is never printed: {text}");
    }
}

#[test]
fn tls_verifies_the_server_certificate_and_its_name() {
    let Some(db) = database("tls") else { return };
    let Some(cert) = db.server.tls.clone() else {
        assert!(std::env::var_os("DEALDESK_REQUIRE_POSTGRES").is_none(), "the TLS test needs openssl here");
        eprintln!("skipped tls: openssl made no certificate for the test server");
        return;
    };
    let s = Sandbox::new();
    dealdesk::store::postgres::init(db.location().postgres().unwrap()).unwrap();
    let (port, admin, name) = (db.server.port, &db.server.admin, &db.name);
    let cert = cert.display().to_string().replace('/', "%2F");
    let url = |host: &str, query: &str| format!("postgresql://{admin}@{host}:{port}/{name}?{query}");
    // A certificate nobody vouches for is refused.
    let (ok, untrusted) = check(&s, &url("localhost", "sslmode=require"), &[]);
    assert!(!ok && untrusted.contains("certificate could not be verified (self-signed"), "{untrusted}");
    let (ok, trusted) = check(&s, &url("localhost", &format!("sslmode=require&sslrootcert={cert}")), &[]);
    assert!(ok, "{trusted}");
    let (ok, full) = check(&s, &url("localhost", &format!("sslmode=verify-full&sslrootcert={cert}")), &[]);
    assert!(ok, "{full}");
    // The certificate names localhost, not 127.0.0.1: verify-full refuses, verify-ca accepts.
    let (ok, wrong_name) =
        check(&s, &url("127.0.0.1", &format!("sslmode=verify-full&sslrootcert={cert}")), &[]);
    assert!(!ok && wrong_name.contains("could not be verified (IP address mismatch)"), "{wrong_name}");
    let (ok, chain_only) =
        check(&s, &url("127.0.0.1", &format!("sslmode=verify-ca&sslrootcert={cert}")), &[]);
    assert!(ok, "{chain_only}");
}
