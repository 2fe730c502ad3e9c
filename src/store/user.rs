//! Who uses the file store: the OS user's name, for the lock file and the decisions.

/// The login name of the user this process runs as (from the password database, as `id -un`
/// says it), else `$USER` or `%USERNAME%`, else "an unknown user".
pub fn os_user() -> String {
    let from_env = || std::env::var("USER").or_else(|_| std::env::var("USERNAME")).ok();
    whoami::username()
        .ok()
        .filter(|name| !name.is_empty())
        .or_else(from_env)
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "an unknown user".into())
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_user_as_id_says_it() {
        let Ok(out) = std::process::Command::new("id").arg("-un").output() else { return };
        let expected = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert_eq!(super::os_user(), expected);
    }
}
