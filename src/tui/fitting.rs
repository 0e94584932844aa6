//! What to keep when a line is narrower than what it should say: pieces
//! are kept whole or left out, never cut mid-word, and the most useful
//! piece is the last to go. The status line chooses its key hints this
//! way; a header line its fields (an outlet, a byline, a date).

use super::text;

/// Which of `items` (width, rank) to keep within `room` columns: the best
/// ranked first while they fit, each whole or not at all (of equal rank,
/// the one that comes first), and a lesser one where a better one did not
/// fit (a short key hint in the room a long one left).
pub fn keep_best(items: &[(usize, u8)], room: usize) -> Vec<bool> {
    keep(items, room, true)
}

fn keep(items: &[(usize, u8)], room: usize, fill: bool) -> Vec<bool> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(items[i].1), i));
    let mut keep = vec![false; items.len()];
    let mut used = 0;
    for i in order {
        if used + items[i].0 <= room {
            used += items[i].0;
            keep[i] = true;
        } else if !fill {
            break;
        }
    }
    keep
}

/// `fields` (text, rank) joined with `sep` in their order, within `width`
/// columns: the worst ranked left out first, and a field is shown only
/// with every better one (a byline never in place of the date). The best
/// ranked always stays, cut with `…` if it alone is too wide.
pub fn fields(fields: &[(&str, u8)], sep: &str, width: usize) -> String {
    let gap = text::width(sep);
    let sizes: Vec<(usize, u8)> = fields.iter().map(|(f, rank)| (text::width(f) + gap, *rank)).collect();
    let mut keep = keep(&sizes, width + gap, false);
    let best = (0..fields.len()).max_by_key(|&i| (fields[i].1, std::cmp::Reverse(i)));
    if let Some(best) = best.filter(|&b| !keep[b]) {
        keep[best] = true;
        // Room for a few letters of it, at least: the others give way.
        let others =
            |keep: &[bool]| -> usize { (0..fields.len()).filter(|&i| keep[i] && i != best).map(|i| sizes[i].0).sum() };
        while width.saturating_sub(others(&keep)) < 6 {
            let Some(worst) = (0..fields.len()).filter(|&i| keep[i] && i != best).min_by_key(|&i| fields[i].1) else {
                break;
            };
            keep[worst] = false;
        }
        let room = width.saturating_sub(others(&keep));
        let shown: Vec<String> = (0..fields.len())
            .filter(|&i| keep[i])
            .map(|i| if i == best { text::truncate(fields[i].0, room) } else { fields[i].0.to_string() })
            .collect();
        return text::truncate(&shown.join(sep), width);
    }
    let shown: Vec<&str> = (0..fields.len()).filter(|&i| keep[i]).map(|i| fields[i].0).collect();
    shown.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_ranked_pieces_that_fit_are_kept_whole() {
        // Two pieces of 10 and one of 20, ranked 3, 9, 5, in 25 columns.
        assert_eq!(keep_best(&[(10, 3), (10, 9), (20, 5)], 25), [true, true, false]);
        assert_eq!(keep_best(&[(10, 3), (10, 9), (20, 5)], 30), [false, true, true]);
        assert_eq!(keep_best(&[(40, 9)], 30), [false]);
    }

    #[test]
    fn the_byline_gives_way_before_the_date_and_the_outlet_is_cut_last() {
        let f = [("The Moscow Times", 3), ("by AFP", 1), ("2022-02-21", 2)];
        assert_eq!(fields(&f, " · ", 80), "The Moscow Times · by AFP · 2022-02-21");
        assert_eq!(fields(&f, " · ", 38), "The Moscow Times · by AFP · 2022-02-21");
        assert_eq!(fields(&f, " · ", 37), "The Moscow Times · 2022-02-21");
        assert_eq!(fields(&f, " · ", 28), "The Moscow Times", "not the byline in place of the date");
        assert_eq!(fields(&f, " · ", 20), "The Moscow Times");
        assert_eq!(fields(&f, " · ", 10), "The Mosco…");
    }
}
