//! Where dealdesk keeps its files by default, per the platform's conventions.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "dealdesk")
}

/// The user's portfolio: e.g. `~/.local/share/dealdesk/portfolio.json` on Linux.
pub fn default_store() -> Option<PathBuf> {
    project().map(|p| p.data_dir().join("portfolio.json"))
}

/// The user's policy, when they have one: e.g. `~/.config/dealdesk/policy.json` on Linux.
pub fn default_policy() -> Option<PathBuf> {
    project().map(|p| p.config_dir().join("policy.json"))
}

/// The user's config file, where a `store` entry may name the store: e.g.
/// `~/.config/dealdesk/config.json` on Linux.
pub fn config_file() -> Option<PathBuf> {
    project().map(|p| p.config_dir().join("config.json"))
}
