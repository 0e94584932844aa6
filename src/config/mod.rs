//! Configuration: where state lives ([`paths`]), the key map ([`keys`]), how
//! feeds are fetched ([`feeds`]) and the user's `config.toml` over the
//! embedded defaults ([`file`]).

pub mod feeds;
pub mod file;
pub mod keys;
pub mod paths;

pub use feeds::FeedSettings;
pub use file::{Config, ConfigError, DEFAULT_CONFIG};
pub use keys::{Action, Context, Key, KeyMap};
pub use paths::Paths;
