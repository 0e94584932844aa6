//! The outlet a url names: `themoscowtimes.com` is The Moscow Times. A url is
//! something the article states, so this is reading, not guessing; an
//! unknown domain is given as the domain itself.

const KNOWN: &[(&str, &str)] = &[
    ("themoscowtimes.com", "The Moscow Times"),
    ("bloomberg.com", "Bloomberg"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "AP"),
    ("afp.com", "AFP"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("theguardian.com", "The Guardian"),
    ("ft.com", "Financial Times"),
    ("wsj.com", "The Wall Street Journal"),
    ("cnn.com", "CNN"),
    ("aljazeera.com", "Al Jazeera"),
    ("dailysabah.com", "Daily Sabah"),
    ("france24.com", "France 24"),
    ("dw.com", "DW"),
    ("kyivindependent.com", "The Kyiv Independent"),
    ("kyivpost.com", "Kyiv Post"),
    ("tass.com", "TASS"),
    ("rt.com", "RT"),
    ("npr.org", "NPR"),
    ("politico.com", "Politico"),
    ("politico.eu", "Politico Europe"),
    ("economist.com", "The Economist"),
    ("lemonde.fr", "Le Monde"),
    ("spiegel.de", "Der Spiegel"),
];

/// The host of an http(s) url, lower case, without `www.`.
pub fn host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// The outlet a url belongs to, by its domain.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = host(url)?;
    for (domain, name) in KNOWN {
        if host == *domain || host.ends_with(&format!(".{domain}")) {
            return Some(name.to_string());
        }
    }
    Some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_domains() {
        assert_eq!(outlet_from_url("https://www.themoscowtimes.com/2022/02/21/x").as_deref(), Some("The Moscow Times"));
        assert_eq!(outlet_from_url("https://uk.reuters.com/x").as_deref(), Some("Reuters"));
        assert_eq!(outlet_from_url("http://news.example.org/a?b").as_deref(), Some("news.example.org"));
        assert_eq!(outlet_from_url("ftp://x.com/"), None);
        assert_eq!(outlet_from_url("#"), None);
    }
}
