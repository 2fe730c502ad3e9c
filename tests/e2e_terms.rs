//! End to end: the article's X-against-Y question asked of the real binary in a pseudo-terminal.
//! Mark X and Y, compare them, open X's what-if from its column, raise the advance until the
//! risk-adjusted profit on screen moves, record the decision, and find it in the JSON store.

mod common;

use common::pty::{DEADLINE, Desk, Key};
use common::sandbox::Sandbox;
use dealdesk::domain::money::Pct;
use dealdesk::domain::vocabulary::Status;

const X: &str = "Xantra Logistics NV";
const Y: &str = "Ysendyck Delicatessen BV";

/// The portfolio has been drawn with its whole list.
const ALL_SHOWN: &str = "50 of 50";

/// Filters the portfolio to `fragment` (one match), keeps the filter, marks the row with Space
/// and clears the filter with Esc, waiting for each step to show.
fn mark(desk: &mut Desk, fragment: &str, name: &str, marked: usize) {
    desk.send("/");
    desk.wait_for("Enter keep", DEADLINE);
    desk.send(fragment);
    desk.wait_for(&format!("/ {fragment}  b band"), DEADLINE);
    let screen = desk.wait_for("1 of 50", DEADLINE);
    assert!(screen.contains(name), "{fragment:?} should find {name}:\n{screen}");
    desk.send_key(Key::Enter);
    desk.wait_for("Enter open", DEADLINE);
    desk.send(" ");
    desk.wait_until(&format!("{name} marked"), DEADLINE, |s| {
        s.contains(&format!("● {name}")) && s.contains(&format!("{marked} marked"))
    });
    desk.send_key(Key::Esc);
    desk.wait_for(ALL_SHOWN, DEADLINE);
}

/// (suggested, edited) of a row of the what-if's figures table. The columns are right-aligned
/// and one apart, so the header's last "Suggested", "Edited" and "Change" say where they end.
fn figure(screen: &str, labels: &[&str]) -> Option<(String, String)> {
    let header = screen.lines().find(|l| l.contains("Change"))?;
    let [suggested, edited, change] = ["Suggested", "Edited", "Change"]
        .map(|title| header.rfind(title).map(|at| header[..at].chars().count() + title.chars().count()));
    let (suggested, edited, width) = (suggested?, edited?, change? - edited? - 1);
    let line = screen.lines().find(|l| labels.iter().any(|label| l.contains(&format!("││{label}"))))?;
    let line: Vec<char> = line.chars().collect();
    let cell = |end: usize| Some(line.get(end - width..end)?.iter().collect::<String>().trim().to_string());
    Some((cell(suggested)?, cell(edited)?)).filter(|(s, e)| !s.is_empty() && !e.is_empty())
}

/// The risk-adjusted profit, suggested and edited, as the what-if shows it.
fn profit(screen: &str) -> Option<(String, String)> {
    figure(screen, &["Risk-adj.", "RA profit"])
}

/// Whether the compare header cell holding `name` is drawn as the selected column (reversed).
fn selected_column(desk: &Desk, name: &str) -> bool {
    let screen = desk.screen();
    let Some((row, line)) = screen.lines().enumerate().find(|(_, l)| l.contains(name)) else {
        return false;
    };
    let col = line[..line.find(name).unwrap_or(0)].chars().count();
    desk.with_screen(|s| s.cell(row as u16, col as u16).is_some_and(|c| c.inverse()))
}

/// The title says every change is on disk (" dealdesk ✓ saved · …").
fn saved_on_disk(screen: &str) -> bool {
    screen.lines().next().is_some_and(|title| title.trim_start().starts_with("dealdesk ✓ saved"))
}

#[test]
fn x_on_a_raised_advance_is_compared_with_y_and_the_decision_lands_in_the_store() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", "2026-11-28"];
    let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
    desk.wait_for(ALL_SHOWN, DEADLINE);
    mark(&mut desk, "xantra", X, 1);
    mark(&mut desk, "ysen", Y, 2);

    desk.send("c");
    let screen = desk.wait_for("is worth more", DEADLINE);
    assert!(screen.contains("compare on suggested terms"), "{screen}");
    assert!(screen.contains(&format!("{X} is worth more")), "the verdict favours X:\n{screen}");
    assert!(selected_column(&desk, X) && !selected_column(&desk, Y), "X's column is selected:\n{screen}");

    desk.send("t");
    desk.wait_for(&format!("terms of {X}"), DEADLINE);
    desk.send_key(Key::Down);
    let mut screen = desk.wait_until("the focus on the advance", DEADLINE, |s| {
        s.lines().any(|l| l.contains("│›Advance %") && l.contains("30"))
    });
    let suggested = profit(&screen).expect("the risk-adjusted profit row").0;
    for _ in 0..3 {
        let before = profit(&screen).expect("the risk-adjusted profit row").1;
        desk.send("+");
        screen = desk.wait_until("the edited profit to move", DEADLINE, |s| {
            profit(s).is_some_and(|(_, edited)| edited != before)
        });
    }
    let (still, edited) = profit(&screen).unwrap();
    assert_eq!(still, suggested, "the suggested column stays put");
    assert_ne!(edited, suggested, "{screen}");
    assert!(screen.lines().any(|l| l.contains("│›Advance %") && l.contains(" 45 ")), "{screen}");

    desk.send_key(Key::CtrlS);
    desk.wait_for("Records the edited terms: 14 days, 45 % advance", DEADLINE);
    desk.wait_for("› reviewing", DEADLINE);
    desk.decide(2, "approved w/ conditions", "adapted: 45 % advance", X);
    desk.wait_until("the decision on disk", DEADLINE, saved_on_disk);

    desk.send_key(Key::Esc);
    // Back in compare, the column shows the terms just edited.
    desk.wait_for("compare on edited terms", DEADLINE);
    desk.wait_for("14* days, 45 % adv.", DEADLINE);
    desk.send_key(Key::Esc);
    desk.wait_for("Enter open", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());

    let prospects = dealdesk::store::load(&store).expect("the store loads");
    let x = prospects.iter().find(|p| p.name == X).expect("X in the store");
    let decision = x.history.last().expect("X has a decision");
    assert_eq!(
        (decision.status, decision.note.as_str()),
        (Status::ApprovedWithConditions, "adapted: 45 % advance")
    );
    assert_eq!(decision.terms.advance_pct, Pct::whole(45));
    assert_eq!(x.agreed_terms.as_ref(), Some(&decision.terms));
    assert_eq!(decision.risk_adjusted_profit.map(|m| m.grouped()), Some(edited), "the profit on screen");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&store).unwrap()).unwrap();
    let raw = json["prospects"].as_array().unwrap().iter().find(|p| p["name"] == X).unwrap();
    assert_eq!(raw["status"], "approved_with_conditions", "{raw}");
    assert_eq!(raw["agreed_terms"], raw["history"][0]["terms"], "{raw}");
}

/// The goal seek on risk in the real desk: X's what-if, `a` and then `p`; each changes the
/// edited terms and says what it did, never the opposite of what it did.
#[test]
fn the_goal_seeks_on_xs_what_if_change_the_terms_they_name() {
    let sandbox = Sandbox::new();
    let store = sandbox.demo_copy();
    let args = ["--store", store.to_str().unwrap(), "--as-of", "2026-11-28"];
    let mut desk = Desk::start_with(&sandbox, &args, (120, 40), &[]);
    desk.wait_for(ALL_SHOWN, DEADLINE);
    desk.send("/");
    desk.wait_for("Enter keep", DEADLINE);
    desk.send("xantra");
    desk.wait_for("1 of 50", DEADLINE);
    desk.send_key(Key::Enter);
    desk.wait_for("Enter open", DEADLINE);
    desk.send("t");
    desk.wait_for(&format!("terms of {X}"), DEADLINE);
    // Lower the advance to 10 %: the unsecured part grows above X's cap of 43 000.
    desk.send_key(Key::Down);
    for _ in 0..4 {
        desk.send("-");
    }
    desk.wait_until("the advance at 10 %", DEADLINE, |s| {
        s.lines().any(|l| l.contains("│›Advance %") && l.contains(" 10 "))
    });
    desk.wait_for("Outside policy: Advance 10 % is below the policy's 30 %", DEADLINE);
    desk.send("a");
    let screen = desk.wait_for("Goal seek: Advance 10 % → 30 %: the least that meets the goal", DEADLINE);
    assert!(screen.lines().any(|l| l.contains("│›Advance %") && l.contains(" 30 ")), "{screen}");
    assert!(!screen.contains("Outside policy"), "back within policy:\n{screen}");
    desk.send("p");
    let screen = desk.wait_until("the best terms within policy", DEADLINE, |s| {
        s.contains("Goal seek: Best within policy")
            || s.contains("Goal seek: The current terms already earn the most")
    });
    assert!(!screen.contains("Outside policy"), "the best terms are within policy:\n{screen}");
    desk.send_key(Key::Esc);
    desk.wait_for("Enter open", DEADLINE);
    desk.send("q");
    assert!(desk.wait_exit(DEADLINE).success());
}
