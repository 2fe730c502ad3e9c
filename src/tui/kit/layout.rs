//! Where each part of a screen goes. Rendering and the mouse handler both ask here, so a click
//! lands on the row that was drawn under it.

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the desk is designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame every screen shares: a title, an optional banner, the body, a notice, the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameAreas {
    pub title: Rect,
    pub banner: Rect,
    pub body: Rect,
    pub notice: Rect,
    pub footer: Rect,
}

pub fn frame(area: Rect, banner: bool) -> FrameAreas {
    let [title, banner_area, body, notice, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(banner)),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    FrameAreas { title, banner: banner_area, body, notice, footer }
}

/// The portfolio screen's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortfolioAreas {
    pub frame: FrameAreas,
    pub filter: Rect,
    pub header: Rect,
    /// The table rows.
    pub body: Rect,
    pub totals: Rect,
}

pub fn portfolio(area: Rect, banner: bool) -> PortfolioAreas {
    let frame = frame(area, banner);
    let [filter, header, body, totals] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(frame.body);
    PortfolioAreas { frame, filter, header, body, totals }
}

/// The prospect screen's parts: the form on the left, the live assessment on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProspectAreas {
    pub frame: FrameAreas,
    pub form: Rect,
    pub panel: Rect,
}

pub fn prospect(area: Rect, banner: bool) -> ProspectAreas {
    let frame = frame(area, banner);
    let form_width = if frame.body.width >= 110 { frame.body.width / 2 } else { 44 };
    let [form, panel] =
        Layout::horizontal([Constraint::Length(form_width), Constraint::Min(20)]).areas(frame.body);
    ProspectAreas { frame, form, panel }
}

/// A centred box of at most `width` × `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}
