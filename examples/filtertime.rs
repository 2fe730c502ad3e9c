use dealdesk::domain::{date::Date, policy::Policy};
use dealdesk::tui::portfolio::PortfolioView;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let policy = Policy::default_policy();
    let today = Date::new(2026, 11, 28).unwrap();
    let t = Instant::now();
    let book = dealdesk::store::load_book(std::path::Path::new(&path), &policy, today).unwrap();
    println!("load_book {:?} n={}", t.elapsed(), book.len());
    let mut view = PortfolioView::default();
    let t = Instant::now();
    view.refresh(&book);
    println!("first refresh (sort) {:?}", t.elapsed());
    for q in ["a", "an", "ant", "an", "", "x"] {
        view.query.set(q);
        let t = Instant::now();
        view.refresh(&book);
        println!("query {q:?}: {:?} ({} rows)", t.elapsed(), view.rows.len());
    }
}
