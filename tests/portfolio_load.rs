//! Loading evaluates what the store parses: the portfolio `portfolio::load` builds block by
//! block equals the one built from `store::decode` of the same bytes and evaluated whole, for a
//! store of many blocks, a store in another layout, one whose layout breaks half-way (read
//! again whole) and on a pool of one thread; a damaged store gets `decode`'s own error.

use std::path::Path;

use dealdesk::domain::date::Date;
use dealdesk::domain::policy::Policy;
use dealdesk::domain::prospect::Prospect;
use dealdesk::portfolio::Portfolio;
use dealdesk::portfolio::load::{OnBlock, read_evaluated, read_portfolio};
use dealdesk::store::{self, StoreFile, stream};
use dealdesk::synth;

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

/// The portfolio as `decode` reads the file, evaluated whole.
fn decoded(path: &Path) -> Portfolio {
    let bytes = std::fs::read(path).unwrap();
    Portfolio::new(store::decode(&bytes, path).unwrap(), &Policy::default_policy(), today())
}

fn assert_same(got: &Portfolio, want: &Portfolio) {
    assert_eq!(got.len(), want.len());
    assert!(got.prospects().eq(want.prospects()), "the same prospects in the same order");
    assert_eq!(got.summaries(), want.summaries(), "the same evaluations");
    assert!((0..got.len()).all(|i| got.folded_name(i) == want.folded_name(i)), "the same folded names");
}

/// How many blocks the loader hands on, and whether it started over.
fn blocks(path: &Path) -> (usize, bool) {
    let policy = Policy::default_policy();
    let (mut count, mut started_over) = (0, false);
    let read = |each: &mut OnBlock| stream::read_in_chunks(path, each);
    read_evaluated(read, &policy, today(), |prospects, summaries, progress| {
        assert_eq!(prospects.len(), summaries.len(), "a summary per prospect");
        count += 1;
        started_over |= progress.started_over;
    })
    .unwrap();
    (count, started_over)
}

/// 6 000 generated prospects: over 4 MB, so more than one block of the reader.
fn many() -> Vec<Prospect> {
    synth::portfolio(6_000, 3)
}

#[test]
fn a_store_of_many_blocks_loads_as_decode_and_evaluate_give_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    store::write_new(&path, &many()).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 4 << 20, "bigger than one block");
    let (count, started_over) = blocks(&path);
    assert!(count >= 2 && !started_over, "{count} blocks, read line by line");
    let policy = Policy::default_policy();
    assert_same(&read_portfolio(&path, &policy, today()).unwrap(), &decoded(&path));
    // On a pool of one thread (the loader then evaluates each block where it reads it), the
    // same portfolio.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    assert_same(&pool.install(|| read_portfolio(&path, &policy, today())).unwrap(), &decoded(&path));
}

#[test]
fn another_layout_and_a_layout_that_breaks_half_way_load_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let policy = Policy::default_policy();
    // Pretty-printed by hand or another tool: read whole, in one block.
    let pretty = dir.path().join("pretty.json");
    let file = StoreFile { schema: store::SCHEMA_VERSION, prospects: synth::portfolio(300, 4) };
    std::fs::write(&pretty, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    assert_eq!(blocks(&pretty), (1, false));
    assert_same(&read_portfolio(&pretty, &policy, today()).unwrap(), &decoded(&pretty));
    // The store's own layout until two prospects share a line near the end: the blocks before
    // are handed on, then everything is read again whole.
    let joined = dir.path().join("joined.json");
    let text = String::from_utf8(store::encode(many()).unwrap()).unwrap();
    let near_end = text.len() - 3_000;
    let at = near_end + text[near_end..].find("},\n{").unwrap();
    let text = format!("{}}}, {{{}", &text[..at], &text[at + 4..]);
    std::fs::write(&joined, text).unwrap();
    let (count, started_over) = blocks(&joined);
    assert!(count >= 2 && started_over, "{count} blocks, then started over");
    assert_same(&read_portfolio(&joined, &policy, today()).unwrap(), &decoded(&joined));
}

#[test]
fn a_damaged_store_gets_the_error_decode_gives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let text = String::from_utf8(store::encode(many()).unwrap()).unwrap();
    // A field of the 5 000th prospect (line 5 001, in the second block) of the wrong type.
    let line = text.split('\n').nth(5_000).unwrap();
    let broken = line.replacen("\"id\":5000", "\"id\":\"five thousand\"", 1);
    assert_ne!(line, broken, "the line holds prospect 5000");
    std::fs::write(&path, text.replacen(line, &broken, 1)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let want = store::decode(&bytes, &path).unwrap_err().to_string();
    let got = read_portfolio(&path, &Policy::default_policy(), today()).unwrap_err().to_string();
    assert_eq!(got, want);
    assert!(got.contains(":5001:") && got.contains("prospects[4999].id"), "{got}");
}
