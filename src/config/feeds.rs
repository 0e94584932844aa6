//! The `[feeds]` section of `config.toml`: how `byline fetch` treats the
//! servers it asks (time allowed, size cap, politeness). Every field is
//! optional in the user's file; the defaults are those of
//! `assets/default-config.toml`.

use serde::Deserialize;
use std::time::Duration;

/// How feeds and their pages are fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeedSettings {
    /// Seconds allowed for one request, from connecting to the last byte.
    pub timeout_secs: u64,
    /// The largest feed or page read, in MiB; a bigger one is cut off there and reported.
    pub max_mib: u64,
    /// Milliseconds between two requests to the same host.
    pub host_delay_ms: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings { timeout_secs: 15, max_mib: 8, host_delay_ms: 1000, max_redirects: 5 }
    }
}

impl FeedSettings {
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_secs.max(1))
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_mib.max(1) * 1024 * 1024
    }

    pub fn host_delay(&self) -> Duration {
        Duration::from_millis(self.host_delay_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_defaults_file_says_what_the_code_does() {
        let raw: toml::Table = toml::from_str(crate::config::DEFAULT_CONFIG).unwrap();
        let written: FeedSettings = raw["feeds"].clone().try_into().unwrap();
        assert_eq!(written, FeedSettings::default());
        assert_eq!(Config::defaults().feeds, FeedSettings::default());
    }

    #[test]
    fn a_user_field_overrides_one_setting_and_a_typo_names_its_line() {
        let c = Config::layered("[feeds]\ntimeout_secs = 2\n", "config.toml").unwrap();
        assert_eq!(c.feeds, FeedSettings { timeout_secs: 2, ..FeedSettings::default() });
        assert_eq!(c.feeds.timeout(), Duration::from_secs(2));
        let err = Config::layered("[feeds]\n\ntimeout = 2\n", "config.toml").unwrap_err().to_string();
        assert!(err.starts_with("config.toml line 3:") && err.contains("timeout"), "{err}");
    }
}
