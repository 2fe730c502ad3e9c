//! CSV import and export as a user meets them: spreadsheet files from the Benelux, the errors
//! they get, and the promise that an export imports back to the same prospects.

use dealdesk::domain::date::Date;
use dealdesk::domain::fields::Field;
use dealdesk::domain::money::{Money, NumberStyle, Pct};
use dealdesk::domain::prospect::Prospect;
use dealdesk::domain::register_entry::RegisterEntry;
use dealdesk::domain::vocabulary::{Insolvency, Status, Trend};
use dealdesk::io::csv_error::{CsvFileError, HeaderProblem};
use dealdesk::io::csv_export::write_prospects;
use dealdesk::io::csv_import::read_prospects;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use rust_decimal::dec;

fn money(text: &str) -> Option<Money> {
    Money::parse(text, NumberStyle::Point).ok()
}

#[test]
fn a_semicolon_file_with_decimal_commas_bom_and_quotes_reads_value_by_value() {
    let text = "\u{feff}registration;name;country;revenue;equity;late_filing;insolvency;\
                margin_pct;accounts_date;note\r\n\
                BE 0403.170.701;\"Dupont; Fils & Cie\";be;1.234.567,89;-12.345,6;ja;nee;18,5;\
                31/12/2024;\"line one\r\nline \"\"two\"\"\"\r\n\
                3304 1413;Van Dam BV;NL;250000;;NEE;Non;;2025-06-30;\r\n\
                ;Société Générale;FR;€ 1.000;0;oui;oui;12,25;;\r\n\
                \r\n";
    let import = read_prospects(text.as_bytes()).unwrap();
    assert!(import.is_clean(), "{:?}", import.errors);
    assert_eq!(import.delimiter, ';');
    assert_eq!(import.style, NumberStyle::Comma);
    let rows: Vec<usize> = import.prospects.iter().map(|p| p.row).collect();
    assert_eq!(rows, [2, 3, 4]);

    let dupont = &import.prospects[0].prospect;
    assert_eq!(dupont.id, 0);
    assert_eq!(dupont.name, "Dupont; Fils & Cie");
    assert_eq!(dupont.country.as_deref(), Some("BE"));
    assert_eq!(dupont.registration.as_deref(), Some("0403.170.701"));
    assert_eq!(dupont.revenue, money("1234567.89"));
    assert_eq!(dupont.equity, money("-12345.60"));
    assert_eq!(dupont.late_filing, Some(true));
    assert_eq!(dupont.insolvency, Some(Insolvency::None));
    assert_eq!(dupont.margin_pct, Some(Pct::new(dec!(18.5))));
    assert_eq!(dupont.accounts_date, Date::new(2024, 12, 31));
    assert_eq!(dupont.note.as_deref(), Some("line one\r\nline \"two\""));
    assert_eq!(dupont.status, Status::New);
    assert_eq!(dupont.cash, None);

    let van_dam = &import.prospects[1].prospect;
    assert_eq!(van_dam.name, "Van Dam BV");
    assert_eq!(van_dam.registration.as_deref(), Some("33041413"));
    assert_eq!(van_dam.revenue, Some(Money::units(250_000)));
    assert_eq!(van_dam.equity, None, "an empty cell is unknown, not zero");
    assert_eq!(van_dam.late_filing, Some(false));
    assert_eq!(van_dam.insolvency, Some(Insolvency::None));
    assert_eq!(van_dam.margin_pct, None);
    assert_eq!(van_dam.accounts_date, Date::new(2025, 6, 30));
    assert_eq!(van_dam.note, None);

    let societe = &import.prospects[2].prospect;
    assert_eq!(societe.name, "Société Générale");
    assert_eq!(societe.registration, None);
    assert_eq!(societe.revenue, Some(Money::units(1000)));
    assert_eq!(societe.equity, Some(Money::ZERO));
    assert_eq!(societe.late_filing, Some(true));
    assert_eq!(societe.insolvency, Some(Insolvency::Unspecified));
    assert_eq!(societe.margin_pct, Some(Pct::new(dec!(12.25))));
}

#[test]
fn a_comma_file_reads_decimal_points() {
    let text = "name,revenue,late_share_pct\n\"Acme, Inc.\",\"1,234.5\",7.5\n";
    let import = read_prospects(text.as_bytes()).unwrap();
    assert_eq!((import.delimiter, import.style), (',', NumberStyle::Point));
    let acme = &import.prospects[0].prospect;
    assert_eq!(acme.name, "Acme, Inc.");
    assert_eq!(acme.revenue, money("1234.50"));
    assert_eq!(acme.late_share_pct, Some(Pct::new(dec!(7.5))));
}

#[test]
fn an_unknown_header_is_named_with_the_accepted_ones() {
    let err = read_prospects(b"name;turnover;revenue\nA;1;2\n").unwrap_err();
    assert_eq!(
        err,
        CsvFileError::Header(vec![HeaderProblem::Unknown { column: 1, name: "turnover".into() }])
    );
    let message = err.to_string();
    assert!(message.contains("column B: unknown column 'turnover'"), "{message}");
    assert!(message.contains("accepted columns: name, country, registration"), "{message}");
}

#[test]
fn a_file_without_a_name_column_is_refused() {
    let err = read_prospects(b"country;revenue\nBE;5\n").unwrap_err();
    assert_eq!(err, CsvFileError::Header(vec![HeaderProblem::MissingName]));
    assert!(err.to_string().contains("no 'name' column"), "{err}");
}

#[test]
fn every_error_of_every_bad_row_has_its_row_and_column() {
    let text = "name,revenue,country,bureau_score\n\
                Good,100,BE,50\n\
                Bad one,abc,ZZ,50\n\
                Fine,1,NL,1\n\
                ,5,BE,101\n";
    let import = read_prospects(text.as_bytes()).unwrap();
    let good: Vec<(usize, &str)> =
        import.prospects.iter().map(|p| (p.row, p.prospect.name.as_str())).collect();
    assert_eq!(good, [(2, "Good"), (4, "Fine")]);
    let errors: Vec<String> = import.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "row 3, column revenue: 'abc' is not a number",
            "row 3, column country: 'ZZ' is not an ISO 3166 country code (e.g. BE, NL, LU)",
            "row 5, column name: a name is required",
            "row 5, column bureau_score: '101' is more than 100",
        ]
    );
    assert_eq!(import.bad_rows(), [3, 5]);
    assert!(!import.is_clean());
}

#[test]
fn a_ragged_row_is_an_error_for_that_row_only() {
    let import = read_prospects(b"name;city\nA;Gent;extra\nB\nC;Brugge\n").unwrap();
    let good: Vec<usize> = import.prospects.iter().map(|p| p.row).collect();
    assert_eq!(good, [4]);
    let errors: Vec<(usize, Option<Field>)> = import.errors.iter().map(|e| (e.row, e.column)).collect();
    assert_eq!(errors, [(2, None), (3, None)]);
    assert_eq!(
        import.errors[0].to_string(),
        "row 2: has 3 cells but the header has 2 columns (a delimiter or quote out of place?)"
    );
}

/// Trimmed text as a form would keep it, rich in what CSV must quote, and in Unicode.
fn text() -> impl Strategy<Value = String> {
    let special = select(vec![',', ';', '"', '\n', '\r', ' ', '\t', 'é', '€', 'ß', '中', '😀']);
    vec(prop_oneof![any::<char>(), special], 0..16)
        .prop_map(|chars| chars.into_iter().collect::<String>().trim().to_string())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    text().prop_map(|t| Some(t).filter(|t| !t.is_empty()))
}

fn name() -> impl Strategy<Value = String> {
    text().prop_map(|t| if t.is_empty() { "N".into() } else { t })
}

/// Any amount an input may hold: up to 10^15 units either way, with 0 to 2 decimals.
fn amount(signed: bool) -> impl Strategy<Value = Option<Money>> {
    option::of((0u32..=2).prop_flat_map(move |scale| {
        let max = 1_000_000_000_000_000i64 * 10i64.pow(scale);
        let range = if signed { -max..=max } else { 0..=max };
        range.prop_map(move |n| Money::new(Decimal::new(n, scale)))
    }))
}

fn pct() -> impl Strategy<Value = Option<Pct>> {
    option::of((0u32..=6).prop_flat_map(|scale| {
        (0..=100 * 10i64.pow(scale)).prop_map(move |n| Pct::new(Decimal::new(n, scale)))
    }))
}

fn date() -> impl Strategy<Value = Option<Date>> {
    option::of(
        (1i32..=9999, 1u8..=12, 1u8..=31).prop_filter_map("a real day", |(y, m, d)| Date::new(y, m, d)),
    )
}

/// A country and a registration number valid for it, in canonical form.
fn country_and_registration() -> impl Strategy<Value = (Option<String>, Option<String>)> {
    let belgian = (0u64..20_000_000).prop_map(|base| {
        let digits = format!("{base:08}{:02}", 97 - base % 97);
        format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
    });
    let free = text().prop_filter("a BE prefix makes it Belgian", |t| {
        !t.is_empty() && !t.to_lowercase().starts_with("be")
    });
    prop_oneof![
        option::of(belgian).prop_map(|r| (Some("BE".into()), r)),
        option::of(0u32..100_000_000).prop_map(|n| (Some("NL".into()), n.map(|n| format!("{n:08}")))),
        (option::of(select(vec!["LU", "DE", "FR", "CH"])), option::of(free))
            .prop_map(|(c, r)| (c.map(String::from), r)),
    ]
}

fn prospect() -> impl Strategy<Value = Prospect> {
    let identity = (
        name(),
        country_and_registration(),
        opt_text(),
        opt_text(),
        opt_text(),
        option::of(1800u16..=2100),
        option::of(0u32..=10_000_000),
    );
    let financials = (
        date(),
        amount(false),
        amount(true),
        amount(true),
        amount(false),
        amount(true),
        amount(false),
        amount(false),
        amount(false),
        amount(false),
        amount(false),
        amount(true),
    );
    let payment = (
        option::of(0u32..=3650),
        pct(),
        option::of(select(vec![Trend::Improving, Trend::Stable, Trend::Worsening])),
        opt_text(),
        date(),
        option::of(0u8..=100),
        option::of(0u32..=3650),
    );
    let insolvency = select(vec![
        Insolvency::None,
        Insolvency::Unspecified,
        Insolvency::Reorganisation,
        Insolvency::Bankruptcy,
        Insolvency::Liquidation,
    ]);
    // A register column holds a listing (yes/no) or an amount, and reads back as it was.
    let register = || {
        prop_oneof![
            any::<bool>().prop_map(|b| Some(RegisterEntry::Listed(b))),
            amount(false).prop_map(|a| a.map(RegisterEntry::Amount)),
        ]
    };
    let signals = (
        option::of(0u32..=10_000_000),
        register(),
        register(),
        option::of(any::<bool>()),
        option::of(insolvency),
        option::of(any::<bool>()),
    );
    let status = select(vec![
        Status::New,
        Status::Reviewing,
        Status::Approved,
        Status::ApprovedWithConditions,
        Status::RoutedToPartner,
        Status::Declined,
        Status::OnHold,
    ]);
    let deal =
        (amount(false), pct(), option::of(0u32..=10_000_000), option::of(0u32..=3650), status, opt_text());
    (identity, financials, payment, signals, deal).prop_map(|(i, f, p, s, d)| Prospect {
        id: 0,
        name: i.0,
        country: i.1.0,
        registration: i.1.1,
        sector: i.2,
        city: i.3,
        contact: i.4,
        founded: i.5,
        employees: i.6,
        accounts_date: f.0,
        revenue: f.1,
        ebit: f.2,
        net_result: f.3,
        total_assets: f.4,
        equity: f.5,
        current_assets: f.6,
        inventory: f.7,
        cash: f.8,
        current_liabilities: f.9,
        total_liabilities: f.10,
        retained_earnings: f.11,
        dbt_days: p.0,
        late_share_pct: p.1,
        dbt_trend: p.2,
        dbt_source: p.3,
        dbt_observed: p.4,
        bureau_score: p.5,
        observed_terms_days: p.6,
        summons_12m: s.0,
        summons_authority: s.5,
        tax_debt: s.1,
        social_debt: s.2,
        late_filing: s.3,
        insolvency: s.4,
        annual_volume: d.0,
        margin_pct: d.1,
        orders_per_year: d.2,
        requested_payment_days: d.3,
        status: d.4,
        note: d.5,
        agreed_terms: None,
        history: Vec::new(),
    })
}

/// Bytes that look enough like CSV to reach the row parser: a real header, then noise.
fn csv_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let header = select(vec![
        "name;country;registration;revenue;late_filing\n",
        "\u{feff}name,equity,accounts_date,status\r\n",
        "name\n",
    ]);
    let noise = vec(
        prop_oneof![select(b";,\"\r\n .-0123456789abBE\xef\xbb\xbf\xff\xe9".to_vec()), any::<u8>()],
        0..300,
    );
    (header, noise).prop_map(|(h, n)| [h.as_bytes(), &n].concat())
}

proptest! {
    #[test]
    fn export_then_import_gives_back_the_same_prospects(prospects in vec(prospect(), 0..6)) {
        let mut out = Vec::new();
        write_prospects(&prospects, &mut out).unwrap();
        let import = read_prospects(&out).unwrap();
        prop_assert!(import.is_clean(), "{:?}", import.errors);
        prop_assert_eq!(import.prospects.len(), prospects.len());
        for (i, (back, want)) in import.prospects.iter().zip(&prospects).enumerate() {
            for field in Field::ALL {
                prop_assert_eq!(field.get(&back.prospect), field.get(want), "{:?}", field);
            }
            prop_assert_eq!(&back.prospect, want);
            prop_assert_eq!(back.row, i + 2);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..400)) {
        let _ = read_prospects(&bytes);
    }

    #[test]
    fn csv_like_noise_never_panics_and_rows_stay_ordered(bytes in csv_like_bytes()) {
        if let Ok(import) = read_prospects(&bytes) {
            let good: Vec<usize> = import.prospects.iter().map(|p| p.row).collect();
            prop_assert!(good.windows(2).all(|w| w[0] < w[1]), "{:?}", good);
            prop_assert!(import.errors.windows(2).all(|w| w[0].row <= w[1].row));
            let bad = import.bad_rows();
            prop_assert!(good.iter().chain(&bad).all(|&row| row >= 2));
            prop_assert!(good.iter().all(|row| !bad.contains(row)));
        }
    }
}
