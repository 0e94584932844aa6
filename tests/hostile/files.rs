//! The hostile corpus: every kind of file a scraper, a crash or an attacker
//! can leave in a library folder, written into a temporary folder by the
//! test, each with the outcome byline must give it.

use std::path::{Path, PathBuf};

/// What must become of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Indexed: some article's text (or title) contains this.
    Indexed(&'static str),
    /// Skipped with its path and a reason of this label.
    Skipped(&'static str),
    /// Some lines indexed, others skipped with their line number.
    Partly,
    /// Not an article file at all (a folder with an article's name): walked into.
    Folder,
}

/// Every control character: C0 (but tab and newline), DEL, C1.
pub fn all_controls() -> String {
    ('\u{0}'..='\u{1f}').chain('\u{7f}'..='\u{9f}').filter(|c| !matches!(c, '\t' | '\n' | '\0')).collect()
}

/// Escape sequences of every family and the bidi characters.
pub const SEQUENCES: &str = concat!(
    "\u{1b}[2J\u{1b}[H\u{1b}[31mred\u{1b}[0m",
    "\u{1b}]0;pwned title\u{7}",
    "\u{1b}]52;c;ZXZpbA==\u{1b}\\",
    "\u{1b}]8;;http://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}Pq#0;2;0;0;0\u{1b}\\",
    "\u{1b}c\u{1b}7\u{1b}8\u{1b}(0",
    "\u{9b}2J\u{9d}0;c1 title\u{9c}",
    "\u{202e}reversed\u{202c}\u{2066}isolate\u{2069}\u{200f}\u{061c}\u{2028}"
);

pub struct Corpus {
    pub root: PathBuf,
    pub files: Vec<(PathBuf, Expect)>,
}

impl Corpus {
    fn put(&mut self, name: &str, bytes: impl AsRef<[u8]>, expect: Expect) {
        let path = self.root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        self.files.push((path, expect));
    }
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut out = if bom { if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] } } else { vec![] };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn article(title: &str, marker: &str) -> String {
    format!(
        "{title}\n\nThe zebra council met on Monday about {marker} and other matters of the day.\n\nA second paragraph says more.\n"
    )
}

pub fn build(root: &Path) -> Corpus {
    use Expect::*;
    let mut c = Corpus { root: root.to_path_buf(), files: Vec::new() };
    // Empty and blank files, in every format.
    for ext in ["txt", "md", "json", "jsonl"] {
        c.put(
            &format!("empty/empty.{ext}"),
            "",
            if ext == "json" { Skipped("bad format") } else { Skipped("no article text") },
        );
        // A no-break space is not JSON whitespace: in JSONL it is a bad line.
        let blank = match ext {
            "json" => Skipped("bad format"),
            "jsonl" => Partly,
            _ => Skipped("no article text"),
        };
        c.put(&format!("empty/blank.{ext}"), " \n\t\r\n  \u{a0}\n", blank);
    }
    // Binary: a NUL after 64 KiB of text, and one at the start.
    let mut late = article("Late binary", "nothing").repeat(700).into_bytes();
    assert!(late.len() > 64 * 1024);
    late.extend_from_slice(b"\0\x01\x02tail");
    c.put("binary/late_nul.txt", late, Skipped("binary"));
    c.put("binary/png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Skipped("binary"));
    // Huge: sparse files over the 32 MiB cap.
    for name in ["huge/huge.txt", "huge/huge.md", "huge/huge.json"] {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::File::create(&path).unwrap().set_len(33 * 1024 * 1024).unwrap();
        c.files.push((path, Skipped("too big")));
    }
    // Encodings.
    c.put(
        "enc/invalid_utf8.txt",
        b"Invalid bytes\n\nThe zebra \xff\xfe\xc3 invalidmarker text went on.\n",
        Indexed("invalidmarker"),
    );
    c.put(
        "enc/cp1252.txt",
        b"Caf\xe9 story\n\nThe zebra said \x93cp1252marker\x94 \x80 5 \x96 done.\n",
        Indexed("cp1252marker"),
    );
    // 0x81 0x8D 0x8F 0x90 0x9D are undefined in Windows-1252 and decode to C1 controls.
    c.put(
        "enc/cp1252_c1.txt",
        b"C1 story \xe9\n\nThe zebra \x90said\x9d cp1252c1marker \x81\x8d\x8f and more text after.\n",
        Indexed("cp1252c1marker"),
    );
    let u = article("UTF-16 story", "utf16marker");
    c.put("enc/utf16le_bom.txt", utf16(&u, true, true), Indexed("utf16marker"));
    c.put("enc/utf16be_bom.txt", utf16(&u, false, true), Indexed("utf16marker"));
    c.put("enc/utf16le_nobom.txt", utf16(&u, true, false), Indexed("utf16marker"));
    c.put("enc/utf16be_nobom.txt", utf16(&u, false, false), Indexed("utf16marker"));
    c.put("enc/utf16_odd.txt", [0xFF, 0xFE, b'h', 0, b'i', 0, b'x'], Indexed("hi"));
    c.put(
        "enc/utf16_json.json",
        utf16(r#"{"title":"UTF-16 JSON","text":"The zebra utf16jsonmarker story."}"#, true, true),
        Indexed("utf16jsonmarker"),
    );
    // Front matter.
    let fm = "---\ntitle: Front matter story\noutlet: Example Times\n---\n\nThe zebra frontmarker paragraph.\n";
    c.put("fm/bom.md", format!("\u{feff}{fm}"), Indexed("frontmarker"));
    c.put("fm/crlf.md", fm.replace('\n', "\r\n"), Indexed("frontmarker"));
    c.put("fm/unclosed.md", "---\ntitle: Never closed\n\nThe zebra unclosedmarker paragraph.\n", Skipped("bad format"));
    c.put(
        "fm/bad_yaml.md",
        "---\ntitle: [unclosed\n: : :\n---\n\nThe zebra badyamlmarker paragraph.\n",
        Skipped("bad format"),
    );
    c.put(
        "fm/not_a_map.md",
        "---\n- a list\n- not a map\n---\n\nThe zebra listmarker paragraph.\n",
        Skipped("bad format"),
    );
    let bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: Bomb\n---\n\nThe zebra bombmarker.\n";
    c.put("fm/alias_bomb.md", bomb, Skipped("bad format"));
    c.put("fm/only_dashes.md", "---\n---\n", Skipped("no article text"));
    c.put("fm/hostile_fields.md", format!("---\ntitle: 'Evil{SEQUENCES}title'\noutlet: 'Evil{SEQUENCES}outlet'\nurl: \"https://evil.example/\\e]0;x\\a\"\nbyline: 'By {SEQUENCES}'\n---\n\nThe zebra hostilefieldsmarker {SEQUENCES} text.\n"), Indexed("hostilefieldsmarker"));
    // Broken JSON and JSONL.
    c.put("json/truncated.json", r#"{"title": "Cut off", "text": "The zebra"#, Skipped("bad format"));
    c.put("json/string.json", r#""just a string""#, Skipped("bad format"));
    c.put("json/null.json", "null", Skipped("bad format"));
    c.put(
        "json/wrong_types.json",
        r#"{"title": 5, "text": ["wrongtypesmarker", 3], "date": {}}"#,
        Indexed("wrongtypesmarker"),
    );
    c.put("json/array_of_junk.json", "[1, \"two\", null, []]", Skipped("no article text"));
    c.put("json/deep_array.json", "[".repeat(100_000), Skipped("bad format"));
    c.put(
        "json/deep_field.json",
        format!(
            r#"{{"title":"Deep","text":"The zebra deepmarker.","extra":{}1{}}}"#,
            "[".repeat(50_000),
            "]".repeat(50_000)
        ),
        Skipped("bad format"),
    );
    c.put("json/escapes.json", format!(r#"{{"title":"Escapes \u001b]0;pwned\u0007 title","outlet":"Out\u009blet","text":"The zebra jsonescapemarker \u001b[2J\u0000\u202e\u009d0;x\u009c gone. {}"}}"#, all_controls().chars().map(|ch| format!("\\u{:04x}", ch as u32)).collect::<String>()), Indexed("jsonescapemarker"));
    let jsonl = format!(
        "{}\n{{broken\n\n[1,2]\n{}\n\"str\"\n{}",
        r#"{"title":"Line one","text":"The zebra jsonlonemarker."}"#,
        r#"{"title":"Line two","text":"The zebra jsonltwomarker \u001b]52;c;eA==\u0007."}"#,
        r#"{"title":"No newline at end","text":"The zebra jsonllastmarker."}"#
    );
    c.put("json/mixed.jsonl", jsonl, Partly);
    c.put("json/all_bad.jsonl", "{\n}\n{]\n", Partly);
    c.put("json/crlf.jsonl", "{\"title\":\"CRLF line\",\"text\":\"The zebra jsonlcrlfmarker.\"}\r\n{\"title\":\"CRLF two\",\"text\":\"The zebra second crlf.\"}\r\n", Indexed("jsonlcrlfmarker"));
    let path = root.join("json/huge_line.jsonl");
    std::fs::File::create(&path).unwrap().set_len(20 * 1024 * 1024).unwrap();
    c.files.push((path, Partly));
    // Hostile text in plain files.
    c.put(
        "text/controls.txt",
        format!("Controls{}title\n\nThe zebra controlsmarker {} end.\n", all_controls(), all_controls()),
        Indexed("controlsmarker"),
    );
    c.put(
        "text/sequences.txt",
        format!("Sequences {SEQUENCES} title\n\nThe zebra sequencesmarker {SEQUENCES} end.\n"),
        Indexed("sequencesmarker"),
    );
    c.put(
        "text/sequences.md",
        format!("# Markdown {SEQUENCES}\n\nThe zebra mdsequencesmarker {SEQUENCES} end.\n"),
        Indexed("mdsequencesmarker"),
    );
    c.put(
        "text/entities.txt",
        "Entities &#27;[2J title\n\nThe zebra entitiesmarker &#27;]0;x&#7; &#x1b;[31m &#155; &lt;script&gt; end.\n",
        Indexed("entitiesmarker"),
    );
    c.put("text/bidi.txt", "Bidi \u{202e}gnp.exe\u{202c} title\n\nThe zebra bidimarker \u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{061c} end.\n", Indexed("bidimarker"));
    c.put(
        "text/tabs_zero_width.txt",
        "Tabs\tand\u{200b}zero\u{feff}width\n\nThe zebra\ttabsmarker\u{200d}👩‍👩‍👧 日本語 e\u{301} end.\n",
        Indexed("tabsmarker"),
    );
    c.put(
        "text/long_line.txt",
        format!("Long line\n\nThe zebra longlinemarker {}\n", "word ".repeat(400_000)),
        Indexed("longlinemarker"),
    );
    c.put(
        "text/long_word.txt",
        format!("Long word\n\nThe zebra longwordmarker {}\n", "x".repeat(1_000_000)),
        Indexed("longwordmarker"),
    );
    c.put(
        "text/long_title.md",
        format!("---\ntitle: {}\n---\n\nThe zebra longtitlemarker.\n", "T".repeat(200_000)),
        Indexed("longtitlemarker"),
    );
    let many: String = (0..100_000).map(|i| format!("Paragraph {i} of the zebra story.\n\n")).collect();
    c.put(
        "text/100k_paragraphs.txt",
        format!("A hundred thousand paragraphs\n\n{many}"),
        Indexed("Paragraph 99999 of"),
    );
    c.put("text/only_title.txt", "Just a title and nothing else", Indexed("Just a title"));
    c.put("text/only_newlines.txt", "\n\n\n\r\r\r\n", Skipped("no article text"));
    c.put("text/only_controls.txt", all_controls(), Skipped("no article text"));
    c.put(
        "text/only_sequences.txt",
        "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZXZpbA==\u{1b}\\\u{9b}31m\u{202e}\u{2066}\n",
        Skipped("no article text"),
    );
    // A file name that is itself hostile.
    c.put(
        "names/evil\u{1b}]0;pwned\u{7}\u{202e}name.txt",
        article("Evil name", "evilnamemarker"),
        Indexed("evilnamemarker"),
    );
    c.put(
        "names/spaces and ünïcödé 日本.txt",
        article("Unicode name", "unicodenamemarker"),
        Indexed("unicodenamemarker"),
    );
    // Not regular files.
    let special = root.join("special");
    std::fs::create_dir_all(special.join("loop")).unwrap();
    std::os::unix::fs::symlink(&special, special.join("loop/back")).unwrap();
    c.files.push((special.join("loop/back"), Skipped("unreadable")));
    std::os::unix::fs::symlink("self.txt", special.join("self.txt")).unwrap();
    c.files.push((special.join("self.txt"), Skipped("unreadable")));
    std::os::unix::fs::symlink("nowhere/gone.txt", special.join("dangling.txt")).unwrap();
    c.files.push((special.join("dangling.txt"), Skipped("unreadable")));
    let fifo = special.join("fifo.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo");
    c.files.push((fifo, Skipped("not a regular file")));
    std::fs::create_dir_all(special.join("folder.txt")).unwrap();
    c.files.push((special.join("folder.txt"), Folder));
    c.put("special/folder.txt/inside.txt", article("Inside a folder", "insidemarker"), Indexed("insidemarker"));
    std::os::unix::fs::symlink("../text/bidi.txt", special.join("link_to_bidi.txt")).unwrap();
    c.files.push((special.join("link_to_bidi.txt"), Indexed("bidimarker")));
    // Ordinary articles, so that the hostile ones sit in a real library.
    for i in 0..8 {
        c.put(
            &format!("ok/plain_{i}.txt"),
            article(&format!("Plain story {i}"), &format!("plainmarker{i}")),
            Indexed("plainmarker"),
        );
    }
    c
}
