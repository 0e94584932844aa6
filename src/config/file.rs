//! `config.toml`: key bindings and colours, layered over the defaults
//! embedded from `assets/default-config.toml`.
//!
//! The defaults file is also the schema: a section, action or colour name
//! the defaults do not have is an error in the user's file, reported on one
//! line with the line number, before anything is drawn.

use super::feeds::FeedSettings;
use super::keys::{Action, Binding, Context, Key, KeyMap};
use super::paths::Paths;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// The defaults, as `byline --print-default-config` prints them.
pub const DEFAULT_CONFIG: &str = include_str!("../../assets/default-config.toml");

/// A colour as written in the config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    /// The terminal's own colour.
    Default,
    /// One of the 16 named colours, 0 (black) to 15 (white).
    Named(u8),
    Indexed(u8),
    Rgb(u8, u8, u8),
}

const COLOUR_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl Colour {
    pub fn parse(s: &str) -> Option<Colour> {
        let name = s.to_ascii_lowercase().replace(['_', '-'], "").replace("grey", "gray");
        if name == "default" || name == "reset" {
            return Some(Colour::Default);
        }
        if let Some(i) = COLOUR_NAMES.iter().position(|n| *n == name) {
            return Some(Colour::Named(i as u8));
        }
        if let Some(hex) = name.strip_prefix('#').filter(|h| h.len() == 6) {
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            return Some(Colour::Rgb(byte(0)?, byte(2)?, byte(4)?));
        }
        name.parse::<u8>().ok().map(Colour::Indexed)
    }
}

/// A style as written in the config file: `"black on yellow bold"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StyleSpec {
    pub fg: Option<Colour>,
    pub bg: Option<Colour>,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub reverse: bool,
}

impl StyleSpec {
    pub fn parse(s: &str) -> Result<StyleSpec, String> {
        let mut spec = StyleSpec::default();
        let mut words = s.split_whitespace().peekable();
        while let Some(word) = words.next() {
            match word.to_ascii_lowercase().as_str() {
                "bold" => spec.bold = true,
                "dim" => spec.dim = true,
                "italic" => spec.italic = true,
                "underline" | "underlined" => spec.underline = true,
                "reverse" | "reversed" => spec.reverse = true,
                "on" => {
                    let bg = words.next().ok_or_else(|| format!("{s:?}: a colour must follow \"on\""))?;
                    spec.bg = Some(Colour::parse(bg).ok_or_else(|| format!("{s:?}: unknown colour {bg:?}"))?);
                }
                _ if spec.fg.is_none() && Colour::parse(word).is_some() => spec.fg = Colour::parse(word),
                _ => return Err(format!("{s:?}: unknown colour or style {word:?}")),
            }
        }
        Ok(spec)
    }
}

/// The configuration in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub keys: KeyMap,
    /// Style per role (`match`, `selection`, `changed`, ...).
    pub colors: BTreeMap<String, StyleSpec>,
    /// How `byline fetch` treats the servers it asks.
    pub feeds: FeedSettings,
}

/// A config file byline cannot use: one line, naming the file and the line.
#[derive(Debug, thiserror::Error)]
#[error("{origin}{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
pub struct ConfigError {
    pub origin: String,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    feeds: Option<FeedSettings>,
}

struct Parsed {
    bindings: Vec<Binding>,
    colors: Vec<(String, StyleSpec, usize)>,
    feeds: Option<FeedSettings>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn parse(text: &str, origin: &str, schema: Option<&Parsed>) -> Result<Parsed, ConfigError> {
    let error = |offset: Option<usize>, message: String| ConfigError {
        origin: origin.to_string(),
        line: offset.map(|o| line_of(text, o)),
        message,
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let message = e.message().lines().next().unwrap_or("not valid TOML").to_string();
        error(e.span().map(|s| s.start), message)
    })?;
    let mut bindings = Vec::new();
    for (context_name, actions) in &raw.keys {
        let context = Context::from_name(context_name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
            error(
                Some(context_name.span().start),
                format!("unknown section [keys.{}] (known: {})", context_name.get_ref(), known.join(", ")),
            )
        })?;
        let mut entries: Vec<_> = actions.iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (action_name, value) in entries {
            let at = Some(action_name.span().start);
            let name = action_name.get_ref();
            let action = Action::from_name(name)
                .ok_or_else(|| error(at, format!("unknown action {name:?} in [keys.{}]", context.name())))?;
            if let Some(schema) = schema
                && !schema.bindings.iter().any(|b| b.context == context && b.action == action)
            {
                let homes: Vec<String> = schema
                    .bindings
                    .iter()
                    .filter(|b| b.action == action)
                    .map(|b| format!("[keys.{}]", b.context.name()))
                    .collect();
                return Err(error(
                    at,
                    format!(
                        "action {name:?} does nothing in [keys.{}] (it is used in {})",
                        context.name(),
                        homes.join(", ")
                    ),
                ));
            }
            let names: Vec<&str> = match value.get_ref() {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(items) => items.iter().map(|v| v.as_str().unwrap_or("\u{0}")).collect(),
                _ => vec!["\u{0}"],
            };
            let keys = names
                .iter()
                .map(|n| match *n {
                    "\u{0}" => Err(format!("{name} needs a list of key names, like [\"q\", \"ctrl-c\"]")),
                    n => Key::parse(n),
                })
                .collect::<Result<Vec<Key>, String>>()
                .map_err(|m| error(at, m))?;
            bindings.push(Binding { context, action, keys });
        }
    }
    bindings.sort_by_key(|b| b.context);
    let mut colors = Vec::new();
    for (role, value) in &raw.colors {
        let at = Some(role.span().start);
        if let Some(schema) = schema
            && !schema.colors.iter().any(|(r, _, _)| r == role.get_ref())
        {
            let known: Vec<&str> = schema.colors.iter().map(|(r, _, _)| r.as_str()).collect();
            return Err(error(at, format!("unknown colour {:?} (known: {})", role.get_ref(), known.join(", "))));
        }
        let spec = StyleSpec::parse(value.get_ref()).map_err(|m| error(Some(value.span().start), m))?;
        colors.push((role.get_ref().clone(), spec, role.span().start));
    }
    colors.sort_by_key(|c| c.2);
    Ok(Parsed { bindings, colors, feeds: raw.feeds })
}

fn defaults() -> Parsed {
    parse(DEFAULT_CONFIG, "default-config.toml", None).expect("the embedded default config is valid")
}

impl Config {
    /// The embedded defaults alone.
    pub fn defaults() -> Config {
        Config::layered("", "").expect("an empty file is valid")
    }

    /// The defaults with `user` (the text of a config file named `origin`) over them.
    pub fn layered(user: &str, origin: &str) -> Result<Config, ConfigError> {
        let base = defaults();
        let user = parse(user, origin, Some(&base))?;
        let user_bindings = user.bindings;
        let defaults = base
            .bindings
            .into_iter()
            .filter(|d| !user_bindings.iter().any(|u| u.context == d.context && u.action == d.action))
            .collect();
        let mut colors: BTreeMap<String, StyleSpec> = base.colors.into_iter().map(|(r, s, _)| (r, s)).collect();
        colors.extend(user.colors.into_iter().map(|(r, s, _)| (r, s)));
        // A field the user's [feeds] leaves out keeps its default (serde's `default`).
        let feeds = user.feeds.or(base.feeds).unwrap_or_default();
        Ok(Config { keys: KeyMap::layered(defaults, user_bindings), colors, feeds })
    }

    /// The user's `config.toml` over the defaults; the defaults alone when
    /// there is no file.
    pub fn load(paths: &Paths) -> Result<Config, ConfigError> {
        let path = paths.config_file();
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::layered(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::defaults()),
            Err(e) => Err(ConfigError { origin: path.display().to_string(), line: None, message: e.to_string() }),
        }
    }

    /// The style of a role; the default style for a role the defaults lack.
    pub fn color(&self, role: &str) -> StyleSpec {
        self.colors.get(role).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::keys::KeyCode;
    use super::*;

    #[test]
    fn defaults_parse_and_bind_the_basics() {
        let c = Config::defaults();
        assert_eq!(c.keys.get(Context::Global, Key::new(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(c.keys.get(Context::List, Key::new(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(c.keys.get(Context::Reader, Key::new(KeyCode::Char('N'))), Some(Action::PrevMatch));
        assert_eq!(c.color("match"), StyleSpec::parse("black on yellow").unwrap());
    }

    #[test]
    fn user_bindings_replace_and_take_keys_away() {
        let c = Config::layered("[keys.list]\nup = [\"l\", \"k\"]\ndown = \"x\"\n", "config.toml").unwrap();
        let l = Key::new(KeyCode::Char('l'));
        assert_eq!(c.keys.get(Context::List, l), Some(Action::Up));
        assert_eq!(c.keys.get(Context::List, Key::new(KeyCode::Char('j'))), None);
        assert_eq!(c.keys.get(Context::List, Key::new(KeyCode::Enter)), Some(Action::Open));
        let open = c.keys.bindings(Context::List).find(|b| b.action == Action::Open).unwrap();
        assert!(!open.keys.contains(&l));
    }

    #[test]
    fn errors_name_the_line() {
        let err = |text: &str| Config::layered(text, "config.toml").unwrap_err().to_string();
        assert_eq!(
            err("[keys.list]\nup = [\"k\"]\nfly = [\"f\"]\n"),
            "config.toml line 3: unknown action \"fly\" in [keys.list]"
        );
        assert_eq!(err("[keys.list]\n\nup = [\"kk\"]\n"), "config.toml line 3: unknown key name \"kk\"");
        assert!(err("[keys.lst]\nup = [\"k\"]\n").starts_with("config.toml line 1: unknown section [keys.lst]"));
        assert!(err("[keys.list]\nswap = [\"x\"]\n").starts_with("config.toml line 2: action \"swap\" does nothing"));
        assert!(err("[colors]\nmatch = \"blak on yellow\"\n").starts_with("config.toml line 2: "));
        assert!(err("[colors]\nmatchh = \"red\"\n").starts_with("config.toml line 2: unknown colour \"matchh\""));
        assert!(err("[keyz]\n").starts_with("config.toml line 1: unknown field"));
        assert!(!err("x = [").contains('\n'));
    }

    #[test]
    fn colours_parse() {
        let s = StyleSpec::parse("#ff8000 on 236 bold underline").unwrap();
        assert_eq!(
            (s.fg, s.bg, s.bold, s.underline),
            (Some(Colour::Rgb(255, 128, 0)), Some(Colour::Indexed(236)), true, true)
        );
        assert_eq!(StyleSpec::parse("on dark_grey").unwrap().bg, Some(Colour::Named(8)));
        assert!(StyleSpec::parse("red blue").is_err());
        assert!(StyleSpec::parse("on").is_err());
    }
}
