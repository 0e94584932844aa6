//! Fetching one feed or page, politely: `User-Agent: byline/VERSION`,
//! conditional requests (a 304 is "unchanged"), one timeout for the whole
//! request, redirects followed here (at most `max_redirects`, http(s) only:
//! [`super::trust`]), the body decoded and capped while reading
//! ([`super::body`]), and a pause between two requests to the same host.
//! Files (a feed saved on disk) go through the same door, with the same cap.

use super::body::{self, Cut};
use super::source::Source;
use crate::config::FeedSettings;
use std::collections::HashMap;
use std::time::Instant;
use ureq::http::StatusCode;
use url::Url;

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
    #[error("too big: over {mib} MiB{} (cut off there)", if *.decoded { " once decompressed" } else { "" })]
    TooBig { mib: u64, decoded: bool },
    #[error("host not found")]
    HostNotFound,
    #[error("cannot connect")]
    Connect,
    #[error("too many redirects (more than {0})")]
    Redirects(u32),
    #[error("a redirect loop (back to {0})")]
    RedirectLoop(String),
    /// A redirect the trust rule refuses, or a coding byline does not read.
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Other(String),
}

pub struct Fetcher {
    agent: ureq::Agent,
    settings: FeedSettings,
    /// When the last request to each host ended.
    last: HashMap<String, Instant>,
}

/// One answer: a body, or where a redirect points.
enum Answer {
    Done(Fetched),
    Redirect(String),
}

impl Fetcher {
    pub fn new(settings: FeedSettings) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .user_agent(format!("byline/{}", env!("CARGO_PKG_VERSION")))
            .accept_encoding(body::ACCEPTED)
            .http_status_as_error(false)
            .build()
            .into();
        Fetcher { agent, settings, last: HashMap::new() }
    }

    /// Fetch `source`, asking only for a copy newer than `since`.
    pub fn fetch(&mut self, source: &Source, since: &Validators) -> Result<Fetched, FetchError> {
        match source {
            Source::File(path) => {
                let fail = |kind| FetchError { at: path.display().to_string(), kind };
                let file = std::fs::File::open(path).map_err(|e| fail(Failure::Other(e.to_string())))?;
                let bytes = body::read_capped(file, &[], self.settings.max_bytes()).map_err(|c| fail(self.cut(c)))?;
                Ok(Fetched::Body(Body { bytes, url: source.url(), validators: Validators::default() }))
            }
            Source::Http(url) => {
                let at = source.host().unwrap_or_default();
                let url =
                    Url::parse(url).map_err(|e| FetchError { at: at.clone(), kind: Failure::Other(e.to_string()) })?;
                self.follow(url, since).map_err(|kind| FetchError { at, kind })
            }
        }
    }

    /// Ask `url`, then each place it redirects to, within one timeout.
    fn follow(&mut self, mut url: Url, since: &Validators) -> Result<Fetched, Failure> {
        let deadline = Instant::now() + self.settings.timeout();
        let mut visited = vec![url.clone()];
        loop {
            let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
            self.wait_for(&host);
            let answer = self.get(&url, since, deadline);
            self.last.insert(host, Instant::now());
            let location = match answer? {
                Answer::Done(fetched) => return Ok(fetched),
                Answer::Redirect(location) => location,
            };
            let next = super::trust::redirect(&url, &location).map_err(Failure::Refused)?;
            if visited.contains(&next) {
                return Err(Failure::RedirectLoop(super::trust::quote(next.as_str())));
            }
            if visited.len() > self.settings.max_redirects as usize {
                return Err(Failure::Redirects(self.settings.max_redirects));
            }
            visited.push(next.clone());
            url = next;
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

    /// One request, with what is left of the timeout.
    fn get(&self, url: &Url, since: &Validators, deadline: Instant) -> Result<Answer, Failure> {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(self.timeout());
        }
        let mut request = self.agent.get(url.as_str()).config().timeout_global(Some(left)).build();
        if let Some(etag) = &since.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &since.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| self.failure(e))?;
        let status = response.status();
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string).filter(|v| !v.is_empty())
        };
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Answer::Done(Fetched::Unchanged));
        }
        if status.is_redirection()
            && status != StatusCode::MULTIPLE_CHOICES
            && let Some(location) = header("location")
        {
            return Ok(Answer::Redirect(location));
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(Failure::Status(format!("{} {reason}", status.as_u16()).trim_end().to_string()));
        }
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let codings = body::codings(header("content-encoding").as_deref()).map_err(|c| self.cut(c))?;
        let reader = response.body_mut().as_reader();
        let bytes = body::read_capped(reader, &codings, self.settings.max_bytes()).map_err(|c| self.cut(c))?;
        Ok(Answer::Done(Fetched::Body(Body { bytes, url: url.to_string(), validators })))
    }

    fn timeout(&self) -> Failure {
        Failure::Timeout(self.settings.timeout().as_secs())
    }

    /// Why a body could not be read, in the words of a failure.
    fn cut(&self, cut: Cut) -> Failure {
        match cut {
            Cut::TooBig { decoded } => Failure::TooBig { mib: self.settings.max_mib.max(1), decoded },
            Cut::Coding(why) => Failure::Refused(why),
            Cut::Broken(coding, e) => {
                Failure::Other(format!("broken {coding} data ({})", crate::sanitize::clean_line(&e.to_string())))
            }
            Cut::Io(e) => self.failure(ureq::Error::from(e)),
        }
    }

    fn failure(&self, e: ureq::Error) -> Failure {
        match e {
            ureq::Error::Timeout(_) => self.timeout(),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => self.timeout(),
            ureq::Error::HostNotFound => Failure::HostNotFound,
            // The resolver's own failure (`failed to lookup address information`), as std words it.
            ureq::Error::Io(io) if io.to_string().contains("lookup address") => Failure::HostNotFound,
            ureq::Error::ConnectionFailed => Failure::Connect,
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => Failure::Connect,
            ureq::Error::TooManyRedirects => Failure::Redirects(self.settings.max_redirects),
            other => Failure::Other(crate::sanitize::clean_line(&other.to_string())),
        }
    }
}
