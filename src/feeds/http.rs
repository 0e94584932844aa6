//! Fetching one feed or page, politely: `User-Agent: byline/VERSION`,
//! conditional requests (a 304 is "unchanged"), one timeout for the whole
//! request, a size cap enforced while reading, bounded redirects, and a pause
//! between two requests to the same host. Files (a feed saved on disk) go
//! through the same door, with the same cap.

use super::source::Source;
use crate::config::FeedSettings;
use std::collections::HashMap;
use std::io::Read;
use std::time::Instant;
use ureq::ResponseExt;

/// The validators of the last copy seen, sent back to ask "has it changed?".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What a request brought back.
#[derive(Debug)]
pub enum Fetched {
    /// 304 Not Modified.
    Unchanged,
    Body(Body),
}

#[derive(Debug)]
pub struct Body {
    pub bytes: Vec<u8>,
    /// Where it was found in the end (after redirects).
    pub url: String,
    pub validators: Validators,
}

/// A request that failed, and where: one line for the user.
#[derive(Debug, thiserror::Error)]
#[error("{at}: {kind}")]
pub struct FetchError {
    /// The host, or the file's path.
    pub at: String,
    pub kind: Failure,
}

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("HTTP {0}")]
    Status(String),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("too big: more than {0} MiB (cut off there)")]
    TooBig(u64),
    #[error("host not found")]
    HostNotFound,
    #[error("cannot connect")]
    Connect,
    #[error("too many redirects")]
    Redirects,
    #[error("{0}")]
    Other(String),
}

pub struct Fetcher {
    agent: ureq::Agent,
    settings: FeedSettings,
    /// When the last request to each host ended.
    last: HashMap<String, Instant>,
}

impl Fetcher {
    pub fn new(settings: FeedSettings) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(settings.timeout()))
            .max_redirects(settings.max_redirects)
            .user_agent(format!("byline/{}", env!("CARGO_PKG_VERSION")))
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher { agent, settings, last: HashMap::new() }
    }

    /// Fetch `source`, asking only for a copy newer than `since`.
    pub fn fetch(&mut self, source: &Source, since: &Validators) -> Result<Fetched, FetchError> {
        match source {
            Source::File(path) => {
                let at = path.display().to_string();
                let fail = |kind| FetchError { at: at.clone(), kind };
                let file = std::fs::File::open(path).map_err(|e| fail(Failure::Other(e.to_string())))?;
                let mut bytes = Vec::new();
                file.take(self.settings.max_bytes() + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| fail(Failure::Other(e.to_string())))?;
                if bytes.len() as u64 > self.settings.max_bytes() {
                    return Err(fail(Failure::TooBig(self.settings.max_mib)));
                }
                Ok(Fetched::Body(Body { bytes, url: source.url(), validators: Validators::default() }))
            }
            Source::Http(url) => {
                let host = source.host().unwrap_or_default();
                self.wait_for(&host);
                let result = self.get(url, since);
                self.last.insert(host.clone(), Instant::now());
                result.map_err(|kind| FetchError { at: host, kind })
            }
        }
    }

    /// Sleep until the host has had its pause since our last request to it.
    fn wait_for(&self, host: &str) {
        if let Some(last) = self.last.get(host) {
            let ready = *last + self.settings.host_delay();
            let now = Instant::now();
            if ready > now {
                std::thread::sleep(ready - now);
            }
        }
    }

    fn get(&self, url: &str, since: &Validators) -> Result<Fetched, Failure> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &since.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &since.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| self.failure(e))?;
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(Fetched::Unchanged);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(Failure::Status(format!("{} {reason}", status.as_u16()).trim_end().to_string()));
        }
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string).filter(|v| !v.is_empty())
        };
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.settings.max_bytes())
            .read_to_vec()
            .map_err(|e| self.failure(e))?;
        Ok(Fetched::Body(Body { bytes, url: final_url, validators }))
    }

    fn failure(&self, e: ureq::Error) -> Failure {
        match e {
            ureq::Error::Timeout(_) => Failure::Timeout(self.settings.timeout().as_secs()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Failure::Timeout(self.settings.timeout().as_secs())
            }
            ureq::Error::BodyExceedsLimit(_) => Failure::TooBig(self.settings.max_mib),
            ureq::Error::HostNotFound => Failure::HostNotFound,
            ureq::Error::ConnectionFailed => Failure::Connect,
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => Failure::Connect,
            ureq::Error::TooManyRedirects => Failure::Redirects,
            other => Failure::Other(crate::sanitize::clean_line(&other.to_string())),
        }
    }
}
