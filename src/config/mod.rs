//! Configuration: where state lives ([`paths`]) and what the user set.

pub mod paths;

pub use paths::Paths;
