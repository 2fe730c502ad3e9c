//! Writes small seed inputs for the fuzz targets and the mutation tests, from generated
//! prospects: store files, CSV files in both Benelux dialects, field texts, policy files and
//! typed what-if values.
//!
//! ```text
//! cargo run --example fuzz_seeds -- fuzz/corpus
//! ```
//! writes `fuzz/corpus/{store_decode,csv_import,field_set,policy_load,terms_typed}/`.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use dealdesk::domain::fields::Field;
use dealdesk::domain::policy::Policy;
use dealdesk::io::csv_export;
use dealdesk::store;
use dealdesk::synth;

fn main() -> ExitCode {
    let Some(root) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: fuzz_seeds DIR");
        return ExitCode::from(2);
    };
    match write_seeds(&root) {
        Ok(count) => {
            eprintln!("{count} seeds written under {}", root.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fuzz_seeds: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_seeds(root: &std::path::Path) -> Result<usize, Box<dyn std::error::Error>> {
    let mut count = 0;
    let mut put = |dir: &str, name: String, bytes: &[u8]| -> std::io::Result<()> {
        let dir = root.join(dir);
        fs::create_dir_all(&dir)?;
        count += 1;
        fs::write(dir.join(name), bytes)
    };
    // Stores of 0 to 3 prospects from several seeds: every shape the generator makes.
    for seed in 0..12u64 {
        let size = (seed % 4) as usize;
        let prospects = synth::portfolio(size, seed);
        put("store_decode", format!("store-{seed}.json"), &store::encode(&prospects)?)?;
        let mut csv = Vec::new();
        csv_export::write_prospects(&prospects, &mut csv)?;
        put("csv_import", format!("comma-{seed}.csv"), &csv)?;
        // The Benelux dialect: `;` between cells, decimal commas.
        let text = String::from_utf8(csv)?;
        let semicolons: String = text.replace(',', ";").replace('.', ",");
        put("csv_import", format!("semicolon-{seed}.csv"), semicolons.as_bytes())?;
    }
    // Every field with a value the generator gave it, behind the selector byte that picks it.
    let sample = synth::portfolio(40, 5);
    for (i, field) in Field::ALL.iter().enumerate() {
        let text = sample.iter().map(|p| field.get(p)).find(|t| !t.is_empty()).unwrap_or_default();
        let mut bytes = vec![i as u8];
        bytes.extend_from_slice(text.as_bytes());
        put("field_set", format!("{}.txt", field.key()), &bytes)?;
    }
    // The shipped policy in its file form, without a schema (version 1), and one section.
    let policy = Policy::default_policy().to_file_json();
    put("policy_load", "shipped.json".into(), serde_json::to_string_pretty(&policy)?.as_bytes())?;
    let mut old = policy.clone();
    if let Some(map) = old.as_object_mut() {
        map.remove("schema");
    }
    put("policy_load", "schema-1.json".into(), old.to_string().as_bytes())?;
    put("policy_load", "partial.json".into(), br#"{"schema": 2, "limits": {"fit_advance_step_pct": "5"}}"#)?;
    // A value for each line of the what-if, behind the selector byte that picks the line.
    for (line, text) in ["45", "30", "2,5", "125.000", "", "", "", "7.5"].iter().enumerate() {
        let mut bytes = vec![line as u8];
        bytes.extend_from_slice(text.as_bytes());
        put("terms_typed", format!("line-{line}.txt"), &bytes)?;
    }
    Ok(count)
}
