//! Drawing the overview screen: `impl Widget for &State`. Every cell is measured in display
//! width (CJK counts two), every write is clipped to its area, so any size down to 0×0 draws
//! without a panic; text from the files is shown with control characters and bidi overrides
//! escaped, never raw.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::detail::Tone;
use super::pages;
use super::state::{Mode, Page, State};
use crate::i18n::overview::screen::of;
use crate::text::{self, width};

/// Below this the screen only says it is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;

/// Text from a file, safe to draw: control characters and bidi overrides shown escaped.
pub fn clean(s: &str) -> String {
    text::for_terminal(s).into_owned()
}

/// Write `s` at (`x`, `y`) within `area`, at most `max` cells, never outside the area.
pub fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    let room = usize::from(area.right() - x).min(max);
    buf.set_stringn(x, y, s, room, style).0
}

/// `s` cut to `cells` display cells, then padded to exactly that.
pub fn fit(s: &str, cells: usize) -> String {
    text::pad(&text::truncate(s, cells), cells)
}

/// `s` right-aligned in `cells` cells.
pub fn right(s: &str, cells: usize) -> String {
    let s = text::truncate(s, cells);
    format!("{}{s}", " ".repeat(cells.saturating_sub(width(&s))))
}

/// Lines of at most `cells` cells (by display width; never inside a character). Chinese
/// breaks anywhere; a run of ASCII letters and digits (an English word, a number, a path)
/// moves whole to the next line when it fits on one.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let is_word = |c: char| c.is_ascii_alphanumeric() || "-_./%'()".contains(c);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        // Where the ASCII word being written began in `line` (bytes), and its width.
        let mut word: Option<(usize, usize)> = None;
        for c in para.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > cells && !line.is_empty() {
                match word {
                    Some((start, ww)) if is_word(c) && start > 0 && ww + w <= cells => {
                        let carried = line.split_off(start);
                        out.push(line.trim_end().to_string());
                        line = carried;
                        used = ww;
                    }
                    _ => {
                        out.push(std::mem::take(&mut line));
                        used = 0;
                        word = word.map(|_| (0, 0));
                    }
                }
                if c == ' ' {
                    continue;
                }
            }
            word = if is_word(c) {
                Some(word.map_or((line.len(), w), |(start, ww)| (start, ww + w)))
            } else {
                None
            };
            line.push(c);
            used += w;
        }
        out.push(line);
    }
    out
}

/// The parts of the screen.
pub struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
    pub status: Rect,
}

pub fn layout(area: Rect) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, tabs, body, footer, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Some(Areas {
        header,
        tabs,
        body,
        footer,
        status,
    })
}

impl Widget for &State {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = of(self.lang);
        let Some(a) = layout(area) else {
            Paragraph::new(t.too_small)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        };
        header(self, a.header, buf);
        tabs(self, a.tabs, buf);
        match (&self.mode, &self.detail) {
            (Mode::Detail, Some(d)) => pages::detail(self, d, a.body, buf),
            _ => match self.page {
                Page::Units => pages::units(self, a.body, buf),
                Page::Matrix => pages::matrix(self, a.body, buf),
                Page::Files => pages::files(self, a.body, buf),
                Page::Notice => pages::notice(self, a.body, buf),
            },
        }
        footer(self, a.footer, buf);
        status(self, a.status, buf);
        if self.mode == Mode::Help {
            help(self, a.body, buf);
        }
    }
}

fn header(s: &State, area: Rect, buf: &mut Buffer) {
    let w = s.lang.words();
    let o = &s.overview;
    let line = w.screen_heading(o.year, o.today, s.shown.len(), o.rows.len());
    put(
        buf,
        area,
        area.x,
        area.y,
        &line,
        usize::from(area.width),
        s.theme.title(),
    );
}

fn tabs(s: &State, area: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    let mut x = area.x;
    for (i, (p, name)) in Page::ALL.iter().zip(t.pages).enumerate() {
        let label = format!(" {} {name} ", i + 1);
        let style = if *p == s.page && s.mode != Mode::Detail {
            s.theme.selected()
        } else {
            s.theme.dim()
        };
        x = put(buf, area, x, area.y, &label, usize::from(area.width), style);
        x = put(buf, area, x, area.y, " ", 1, Style::new());
    }
    if let (Mode::Detail, Some(d)) = (&s.mode, &s.detail) {
        let name = format!(" > {} ", clean(&d.name));
        put(
            buf,
            area,
            x,
            area.y,
            &name,
            usize::from(area.width),
            s.theme.selected(),
        );
        return;
    }
    let w = s.lang.words();
    let sep = s.lang.words().colon();
    let mut what = format!(
        "  {}{sep}{}  {}{sep}{}",
        t.filter,
        w.filter_name(s.filters.first().copied()),
        t.sort,
        w.sort_name(s.sort)
    );
    if !s.find.is_empty() {
        what.push_str(&format!("  {}{sep}{}", t.find, clean(&s.find)));
    }
    put(
        buf,
        area,
        x,
        area.y,
        &what,
        usize::from(area.width),
        s.theme.label(),
    );
}

fn footer(s: &State, area: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    if s.mode == Mode::Search {
        let label = format!("{}: ", t.find);
        let x = put(
            buf,
            area,
            area.x,
            area.y,
            &label,
            usize::from(area.width),
            s.theme.label(),
        );
        put(
            buf,
            area,
            x,
            area.y,
            &clean(s.search.value()),
            usize::from(area.width),
            Style::new(),
        );
        return;
    }
    let keys = match (&s.mode, s.page) {
        (Mode::Detail, _) => t.keys_detail,
        (_, Page::Units) => t.keys_units,
        (_, Page::Matrix) => t.keys_matrix,
        _ => t.keys_scroll,
    };
    put(
        buf,
        area,
        area.x,
        area.y,
        keys,
        usize::from(area.width),
        s.theme.key(),
    );
}

fn status(s: &State, area: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    match &s.status {
        Some((msg, warn)) => {
            let style = if *warn { s.theme.error() } else { s.theme.ok() };
            put(
                buf,
                area,
                area.x,
                area.y,
                &clean(msg),
                usize::from(area.width),
                style,
            );
        }
        None if s.mode == Mode::Search => {
            put(
                buf,
                area,
                area.x,
                area.y,
                t.keys_search,
                usize::from(area.width),
                s.theme.dim(),
            );
        }
        None => {
            put(
                buf,
                area,
                area.x,
                area.y,
                t.flags_legend,
                usize::from(area.width),
                s.theme.dim(),
            );
        }
    }
}

fn help(s: &State, body: Rect, buf: &mut Buffer) {
    let t = of(s.lang);
    let inner_w = t.help.iter().map(|l| width(l)).max().unwrap_or(0) as u16 + 4;
    let w = inner_w.min(body.width);
    let h = (t.help.len() as u16 + 2).min(body.height);
    let area = Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    );
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(s.theme.border())
        .title(t.help_title)
        .border_style(s.theme.focused_border());
    let inner = block.inner(area);
    block.render(area, buf);
    for (i, line) in t.help.iter().enumerate() {
        let y = inner.y + i as u16;
        put(
            buf,
            inner,
            inner.x + 1,
            y,
            line,
            usize::from(inner.width.saturating_sub(1)),
            Style::new(),
        );
    }
}

/// How a tone is painted.
pub fn tone(s: &State, tone: Tone) -> Style {
    match tone {
        Tone::Heading => s.theme.title(),
        Tone::Normal => Style::new(),
        Tone::Overdue => s.theme.overdue(),
        Tone::Warn => s.theme.due_soon(),
        Tone::Done => s.theme.complete(),
        Tone::Dim => s.theme.dim(),
    }
}

/// Where the terminal cursor belongs: after the typed name while searching.
pub fn cursor(s: &State, area: Rect) -> Option<Position> {
    if s.mode != Mode::Search {
        return None;
    }
    let a = layout(area)?;
    let label = width(&format!("{}: ", of(s.lang).find)) as u16;
    let typed: String = s.search.value().chars().take(s.search.cursor()).collect();
    let x = a.footer.x + label + width(&clean(&typed)) as u16;
    Some(Position::new(
        x.min(a.footer.right().saturating_sub(1)),
        a.footer.y,
    ))
}

pub fn draw(s: &State, frame: &mut Frame<'_>) {
    let area = frame.area();
    frame.render_widget(s, area);
    if let Some(p) = cursor(s, area) {
        frame.set_cursor_position(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_cells_and_keeps_words_whole() {
        assert_eq!(wrap("学法考试ab", 4), ["学法", "考试", "ab"]);
        assert_eq!(wrap("the ledgers of six", 10), ["the", "ledgers of", "six"]);
        assert_eq!(wrap("abcdefgh", 4), ["abcd", "efgh"]);
        for width in 3..30 {
            for line in wrap("截至2025年11月20日，共收到报送文件7份 of 110 units", width)
            {
                assert!(crate::text::width(&line) <= width, "{width}: {line}");
            }
        }
    }
}
