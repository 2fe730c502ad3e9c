//! The screens of the desk. Each variant's state lives in its screen's folder; `dispatch`
//! is the one place that sends keys and drawing to them.

use super::compare::state::CompareView;
use super::import::state::ImportPreview;
use super::matrix::state::MatrixView;
use super::policy::state::PolicyEditor;
use super::prospect::state::ProspectForm;
use super::terms::state::TermsEditor;

/// The screen under any overlay.
#[derive(Debug, Clone)]
pub enum Screen {
    /// No store yet: offer a new prospect, the demo or an import.
    Welcome,
    /// The table; its state (`PortfolioView`) outlives the screens above it, so it is the
    /// desk's (`App::view`).
    Portfolio,
    Prospect(Box<ProspectForm>),
    /// The what-if on one prospect's terms.
    Terms(Box<TermsEditor>),
    Compare(CompareView),
    Matrix(Box<MatrixView>),
    Policy(Box<PolicyEditor>),
    ImportPreview(Box<ImportPreview>),
}

impl Screen {
    /// The form, when this is the prospect screen (for pop-ups that act on it).
    pub fn form_mut(&mut self) -> Option<&mut ProspectForm> {
        if let Screen::Prospect(form) = self { Some(form) } else { None }
    }

    /// The policy editor, when this is the policy screen.
    pub fn policy_mut(&mut self) -> Option<&mut PolicyEditor> {
        if let Screen::Policy(editor) = self { Some(editor) } else { None }
    }
}
