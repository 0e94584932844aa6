//! The coverage chart in the events view: who covered the selected event,
//! and when, drawn at 80x24 and 140x40 for an event of one day, an event of
//! many days and many outlets (capped, with "+N more"), and the demo's.

use byline::article::ArticleId;
use byline::article::Listing;
use byline::config::Config;
use byline::events::Event;
use byline::tui::Theme;
use byline::tui::testing::{Harness, buffer_text};
use byline::tui::views::events::EventsView;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 2, 1).unwrap().checked_add_days(chrono::Days::new(u64::from(d)))
}

fn event(id: &str, label: &str, articles: Vec<(Option<&str>, Option<NaiveDate>)>) -> Event {
    let members: Vec<Listing> = articles
        .iter()
        .enumerate()
        .map(|(i, (outlet, date))| Listing {
            id: ArticleId(format!("{id}{i:04}")),
            title: format!("{label}, account {i}"),
            outlet: outlet.map(str::to_string),
            date: *date,
        })
        .collect();
    let mut outlets: Vec<String> = articles.iter().filter_map(|(o, _)| o.map(str::to_string)).collect();
    outlets.sort();
    outlets.dedup();
    let dates = members.iter().filter_map(|m| m.date);
    Event {
        id: id.into(),
        label: label.into(),
        first_date: dates.clone().min(),
        last_date: dates.max(),
        articles: members,
        outlets,
    }
}

fn one_day() -> Event {
    event(
        "one",
        "Rebels ask Putin to recognise their regions",
        vec![(Some("Reuters"), day(20)), (Some("AFP"), day(20)), (Some("Reuters"), day(20)), (None, day(20))],
    )
}

/// Fourteen outlets over three weeks, one article undated.
fn long_and_wide() -> Event {
    let outlets = [
        "Reuters",
        "AFP",
        "AP",
        "Bloomberg",
        "BBC",
        "Le Monde",
        "Der Spiegel",
        "The Moscow Times",
        "Kyiv Independent",
        "Daily Sabah",
        "NHK",
        "Al Jazeera",
        "El País",
        "The Guardian",
    ];
    let mut articles = Vec::new();
    for (i, o) in outlets.iter().enumerate() {
        for k in 0..(14 - i).div_ceil(3) {
            articles.push((Some(*o), day(((i * 3 + k * 5) % 21) as u32)));
        }
    }
    articles.push((Some("Reuters"), None));
    articles.push((None, day(4)));
    event("long", "Troops mass on the border", articles)
}

fn draw(view: &mut EventsView, w: u16, h: u16) -> String {
    let theme = Theme::new(&Config::defaults(), false);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal.draw(|f| view.render(f, f.area(), &theme)).unwrap();
    buffer_text(frame.buffer)
}

#[test]
fn one_day_many_days_and_many_outlets_fit_both_sizes() {
    for (w, h) in SIZES {
        let mut view = EventsView::default();
        view.set_events(vec![long_and_wide(), one_day()]);
        let screen = draw(&mut view, w, h);
        assert!(screen.contains("Who covered it, when"), "{screen}");
        assert!(screen.contains("2022-02-01") && screen.contains("2022-02-21"), "first and last day:\n{screen}");
        if h < 30 {
            assert!(screen.contains("+8 more outlets"), "rows are capped and say so:\n{screen}");
        } else {
            assert!(screen.contains("The Guardian") && !screen.contains("more outlets"), "all fit:\n{screen}");
        }
        assert!(screen.contains("1 undated, not charted"), "{screen}");
        assert!(screen.contains("Reuters"), "the outlet with most articles comes first:\n{screen}");
        insta::assert_snapshot!(format!("coverage_long_{w}x{h}"), screen);

        view.select(1);
        let screen = draw(&mut view, w, h);
        assert!(screen.contains("2022-02-21"), "{screen}");
        let reuters = screen.lines().find(|l| l.contains("Reuters") && l.contains('█')).expect("a Reuters bar");
        assert!(reuters.trim_end_matches(['│', ' ']).ends_with('2'), "Reuters has two articles: {reuters}");
        assert!(screen.contains("unknown outlet"), "{screen}");
        assert!(!screen.contains("more outlets"), "{screen}");
        insta::assert_snapshot!(format!("coverage_one_day_{w}x{h}"), screen);
    }
}

#[test]
fn the_demo_events_show_their_chart() {
    for (w, h) in SIZES {
        let home = tempfile::tempdir().unwrap();
        let mut t = Harness::demo(home.path(), w, h);
        t.press("tab e esc g");
        let screen = t.screen();
        assert!(screen.contains("Who covered it, when"), "{screen}");
        insta::assert_snapshot!(format!("coverage_demo_{w}x{h}"), screen);
    }
}
