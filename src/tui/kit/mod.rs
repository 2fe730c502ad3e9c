//! What the screens share: the key-table machinery and the intents, the line editor, the
//! layout geometry, colours, the title and footer, the help overlay and the profit chart.
//! Nothing here knows any one screen.

pub mod action;
pub mod chart;
pub mod chrome;
pub mod help;
pub mod keys;
pub mod layout;
pub mod line_edit;
pub mod theme;
pub mod wrap;
