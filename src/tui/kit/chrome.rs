//! What every screen shares around its body: the title with the save state, the banner, the
//! notice line and the footer of keys; and small text helpers for cells and panels.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::keys::{self, Table};
use super::layout::FrameAreas;
use super::theme::Theme;
use crate::domain::format::{count, fit};
use crate::domain::money::Money;
use crate::tui::app::{App, SaveState};
use crate::tui::viewing;

/// Whether the banner line is shown (read-only or demo).
pub fn has_banner(app: &App) -> bool {
    app.read_only.is_some() || app.demo
}

/// The title, banner and notice every screen shares; `form_edited` when the screen is a form
/// with changes not saved into the portfolio yet. The footer is drawn by the dispatcher, from
/// the key table in force.
pub fn chrome(frame: &mut Frame, app: &App, f: &FrameAreas, screen: &str, form_edited: bool) {
    let t = app.theme;
    let save = match &app.save_state {
        _ if app.loading.is_some() => {
            Span::styled(format!("reading {} %…", app.loading.map_or(0, |p| p.percent())), t.warning())
        }
        SaveState::Failed(_) => Span::styled("✗ save failed", t.error()),
        _ if app.viewing.is_some() => Span::styled("viewing a file", t.warning()),
        _ if form_edited => Span::styled("● form not saved (Ctrl-S)", t.warning()),
        SaveState::Saved if app.unsaved() => Span::styled("● not saved", t.warning()),
        SaveState::Saved => Span::styled("✓ saved", t.good()),
        SaveState::Saving => Span::styled("saving…", t.dim()),
    };
    // The screen, the file and the count where they fit; the count and then the file give way
    // on a narrow terminal, and a screen name too long still is cut at a word, with "…".
    let file = match (&app.viewing, &app.team) {
        (Some(v), _) => viewing::file_name(&v.path),
        (None, Some(team)) => format!("{} as {}", team.label, team.user),
        (None, None) => viewing::file_name(&app.store_path),
    };
    let prospects = count(app.portfolio.len(), "prospect");
    let room = usize::from(f.title.width).saturating_sub(" dealdesk ".len() + save.width());
    let rest = [
        format!(" · {screen} · {file} · {prospects}"),
        format!(" · {screen} · {file}"),
        format!(" · {screen}"),
    ]
    .into_iter()
    .find(|r| r.chars().count() <= room)
    .unwrap_or_else(|| fit_words(&format!(" · {screen}"), room));
    let title = Line::from(vec![Span::styled(" dealdesk ", t.title()), save, Span::raw(rest)]);
    frame.render_widget(Paragraph::new(title), f.title);
    if has_banner(app) {
        let width = usize::from(f.banner.width);
        let text = match &app.read_only {
            Some(_) if let Some(v) = &app.viewing => {
                let file = viewing::file_name(&v.path);
                let long =
                    format!(" VIEWING {file} (read-only): Ctrl-S adds its prospects to your portfolio ");
                let short = format!(" VIEWING {file} (read-only): Ctrl-S adds them to your portfolio ");
                if long.chars().count() <= width { long } else { fit_words(&short, width) }
            }
            Some(holder) => fit_words(&format!(" READ-ONLY: {holder} "), width),
            None => " DEMO: a temporary copy of the demo portfolio; your own store is not touched ".into(),
        };
        frame.render_widget(Paragraph::new(text).style(t.banner()), f.banner);
    }
    if let Some(notice) = &app.notice {
        let style = if notice.error { t.error() } else { Style::new() };
        frame.render_widget(Paragraph::new(Span::styled(format!(" {}", notice.text), style)), f.notice);
    }
}

/// The footer: the table's footer keys.
pub fn footer(t: Theme, table: Table) -> Line<'static> {
    let mut spans = Vec::new();
    for b in table.bindings() {
        if let (Some(short), Some(key)) = (b.footer, b.keys.first()) {
            spans.push(Span::styled(format!(" {}", keys::label(key)), t.key()));
            spans.push(Span::raw(format!(" {short} ")));
        }
    }
    Line::from(spans)
}

/// A line of `label: value` pairs for panels.
pub fn pair(label: &str, value: String, value_style: Style) -> Vec<Span<'static>> {
    vec![Span::raw(format!("{label} ")), Span::styled(value, value_style)]
}

/// An amount in about three significant figures for tight cells: `2.4M`, `345k`, `9 870`.
pub fn short_amount(amount: Money) -> String {
    let v = amount.to_f64();
    match v.abs() {
        a if a >= 1e6 => format!("{:.1}M", v / 1e6),
        a if a >= 1e4 => format!("{:.0}k", v / 1e3),
        _ => amount.grouped(),
    }
}

/// An amount in at most `width` characters, as every table cell shows one: grouped (`1 406`),
/// else about three figures (`345k`), else two (`1.4k`), and only then cut with "…", so that
/// a cut number never looks whole.
pub fn amount_in(amount: Money, width: usize) -> String {
    let grouped = amount.grouped();
    if grouped.chars().count() <= width {
        return grouped;
    }
    let short = short_amount(amount);
    if short.chars().count() <= width {
        return short;
    }
    let v = amount.to_f64();
    let tight = match v.abs() {
        a if a >= 1e7 => format!("{:.0}M", v / 1e6),
        a if a >= 1e6 => format!("{:.1}M", v / 1e6),
        a if a >= 1e4 => format!("{:.0}k", v / 1e3),
        a if a >= 1e3 => format!("{:.1}k", v / 1e3),
        _ => short,
    };
    // A whole million before a cut one: 4.9M in three is 5M.
    match v.abs() >= 1e6 && tight.chars().count() > width {
        true => fit(&format!("{:.0}M", v / 1e6), width),
        false => fit(&tight, width),
    }
}

/// Text in at most `width` characters, cut after a whole word with "…" when it is longer.
pub fn fit_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let keep = width.saturating_sub(1);
    let cut: String = text.chars().take(keep).collect();
    // Whole when the next character starts a gap; else back to the last gap, unless the one
    // word is all there is room for.
    let ends_a_word = text.chars().nth(keep).is_some_and(|c| c == ' ');
    let at_word = match cut.trim_end().rfind(' ') {
        _ if ends_a_word => cut.trim_end(),
        Some(i) if !cut[..i].trim().is_empty() => cut[..i].trim_end(),
        _ => cut.as_str(),
    };
    format!("{at_word}…")
}

/// Clears an area before drawing a pop-up over it.
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn an_amount_too_wide_for_its_cell_takes_a_shorter_unit_never_a_silent_cut() {
        let m = |d| Money::new(d);
        assert_eq!(amount_in(m(dec!(1406)), 5), "1 406");
        // 1 406 in four: 1.406 thousand to one decimal.
        assert_eq!(amount_in(m(dec!(1406)), 4), "1.4k");
        // 345 600 in four: 345.6 thousand, whole.
        assert_eq!(amount_in(m(dec!(345600)), 4), "346k");
        // 2 400 000 in four: 2.4 million.
        assert_eq!(amount_in(m(dec!(2400000)), 4), "2.4M");
        // 12 345 678 in three: 12 million.
        assert_eq!(amount_in(m(dec!(12345678)), 3), "12M");
        // Narrower still: the ellipsis says it is cut.
        assert_eq!(amount_in(m(dec!(1406)), 3), "1.…");
        assert_eq!(amount_in(m(dec!(987)), 2), "9…");
    }

    #[test]
    fn text_too_long_is_cut_after_a_whole_word() {
        assert_eq!(
            fit_words(" READ-ONLY: process 12 of ann holds this store ", 30),
            " READ-ONLY: process 12 of ann…"
        );
        assert_eq!(fit_words("short", 30), "short");
        // One word longer than the room: cut inside it, as nothing else fits.
        assert_eq!(fit_words("Bakkerijgroothandel", 8), "Bakkeri…");
    }
}
