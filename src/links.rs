//! An article's link: checked, opened in the browser, or copied.
//!
//! The url comes from the article file, so it is untrusted. Only `http` and
//! `https` links are used (parsed with the `url` crate, whose serialisation
//! is what is passed on: no spaces, quotes or control characters survive
//! it). The browser is started without a shell: `$BROWSER` (as newsboat
//! reads it: `%u` or `%s` stand for the url, else the url is appended as one
//! more argument) is split into words by `shell-words`, else the platform's
//! opener is used; the browser gets no terminal (stdin, stdout and stderr
//! are null) and its own process group. Copying writes OSC 52 (the base64
//! of the checked url) for the terminal to put on the clipboard.

use base64::Engine;
use std::process::{Command, Stdio};
use url::Url;

/// Why a link cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("this article has no link")]
    Missing,
    #[error("the article's link is not a valid URL ({0})")]
    Invalid(String),
    #[error("only http and https links are opened or copied, not {0}:")]
    Scheme(String),
    #[error("$BROWSER cannot be read ({0})")]
    Browser(String),
    #[error("cannot start {program}: {reason}")]
    Spawn { program: String, reason: String },
}

/// The article's url, if it is an http or https one.
pub fn validate(url: Option<&str>) -> Result<Url, LinkError> {
    let raw = url.map(str::trim).filter(|u| !u.is_empty()).ok_or(LinkError::Missing)?;
    let parsed = Url::parse(raw).map_err(|e| LinkError::Invalid(e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host().is_some() => Ok(parsed),
        "http" | "https" => Err(LinkError::Invalid("no host".into())),
        other => Err(LinkError::Scheme(crate::sanitize::clean_line(other))),
    }
}

/// How links are opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opener {
    /// A browser command line, as in `$BROWSER`.
    Browser(String),
    /// The platform's opener (`xdg-open`, `open`).
    Platform,
}

impl Opener {
    /// `$BROWSER` when set and not empty, else the platform's opener.
    pub fn from_env() -> Opener {
        match std::env::var("BROWSER") {
            Ok(b) if !b.trim().is_empty() => Opener::Browser(b),
            _ => Opener::Platform,
        }
    }

    /// The program and its arguments that open `url`.
    pub fn command(&self, url: &Url) -> Result<Vec<String>, LinkError> {
        let url = url.as_str();
        let Opener::Browser(line) = self else {
            let program = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
            return Ok(vec![program.to_string(), url.to_string()]);
        };
        let words = shell_words::split(line).map_err(|e| LinkError::Browser(e.to_string()))?;
        if words.is_empty() {
            return Err(LinkError::Browser("it is empty".into()));
        }
        let mut placed = false;
        let mut argv: Vec<String> = words
            .into_iter()
            .map(|w| {
                if w.contains("%u") || w.contains("%s") {
                    placed = true;
                }
                w.replace("%u", url).replace("%s", url)
            })
            .collect();
        if !placed {
            argv.push(url.to_string());
        }
        Ok(argv)
    }

    /// Start the browser on `url`, detached, and return the command run.
    pub fn open(&self, url: &Url) -> Result<Vec<String>, LinkError> {
        let argv = self.command(url)?;
        let mut cmd = Command::new(&argv[0]);
        cmd.args(&argv[1..]).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let mut child = cmd
            .spawn()
            .map_err(|e| LinkError::Spawn { program: crate::sanitize::clean_line(&argv[0]), reason: e.to_string() })?;
        // Reaped in the background, so that no zombie is left behind.
        let _ = std::thread::Builder::new().name("byline-browser".into()).spawn(move || child.wait());
        Ok(argv)
    }
}

/// The OSC 52 sequence that asks the terminal to put `url` on the clipboard.
pub fn osc52(url: &Url) -> String {
    osc52_text(url.as_str())
}

/// The OSC 52 sequence that puts `text` on the clipboard (base64: nothing
/// in it can end the sequence early).
pub fn osc52_text(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_pass() {
        assert_eq!(validate(Some("https://example.com/a?b=c")).unwrap().as_str(), "https://example.com/a?b=c");
        assert_eq!(validate(None), Err(LinkError::Missing));
        assert_eq!(validate(Some("  ")), Err(LinkError::Missing));
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "ftp://example.com/"] {
            assert!(matches!(validate(Some(bad)), Err(LinkError::Scheme(_))), "{bad}");
        }
        assert!(matches!(validate(Some("not a url")), Err(LinkError::Invalid(_))));
        assert!(matches!(validate(Some("https://")), Err(LinkError::Invalid(_))));
    }

    #[test]
    fn hostile_characters_stay_inside_one_encoded_argument() {
        let url = validate(Some("https://example.com/a b\"c'd;$(touch x)`e`\n")).unwrap();
        let argv = Opener::Browser("firefox --new-tab".into()).command(&url).unwrap();
        assert_eq!(argv.len(), 3);
        assert_eq!(argv[2], url.as_str());
        assert!(!argv[2].contains([' ', '"', '\n']), "{}", argv[2]);
    }

    #[test]
    fn placeholders_are_replaced_in_place() {
        let url = validate(Some("https://example.com/")).unwrap();
        let argv = Opener::Browser("'my browser' --url=%u --x".into()).command(&url).unwrap();
        assert_eq!(argv, ["my browser", "--url=https://example.com/", "--x"]);
        let argv = Opener::Browser("lynx %s".into()).command(&url).unwrap();
        assert_eq!(argv, ["lynx", "https://example.com/"]);
        assert!(matches!(Opener::Browser("'unclosed".into()).command(&url), Err(LinkError::Browser(_))));
        assert_eq!(Opener::Platform.command(&url).unwrap().len(), 2);
    }

    #[test]
    fn osc52_carries_the_base64_of_the_url() {
        let url = validate(Some("https://example.com/x")).unwrap();
        assert_eq!(osc52(&url), "\x1b]52;c;aHR0cHM6Ly9leGFtcGxlLmNvbS94\x07");
    }
}
