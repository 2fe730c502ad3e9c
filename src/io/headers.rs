//! Which column a header names: the field key (`net_result`), its label as the form shows it
//! (`Net result`), or a Dutch or French name a Benelux user writes (`omzet`, `chiffre
//! d'affaires`). Case, accents, spaces, `-`, `_` and a trailing unit in brackets (`Omzet (EUR)`)
//! do not matter. The README lists this table.

use crate::domain::fields::Field;

/// The Dutch and French names accepted for each field, as users write them.
pub const ALIASES: &[(Field, &[&str])] = &[
    (Field::Name, &["naam", "bedrijfsnaam", "firmanaam", "nom", "raison sociale", "dénomination", "société"]),
    (Field::Country, &["land", "pays"]),
    (
        Field::Registration,
        &[
            "ondernemingsnummer",
            "kbo-nummer",
            "kbo",
            "kvk-nummer",
            "kvk",
            "numéro d'entreprise",
            "n° d'entreprise",
            "numéro bce",
            "bce",
        ],
    ),
    (Field::Sector, &["sector", "branche", "secteur", "activité"]),
    (Field::City, &["stad", "gemeente", "plaats", "vestigingsplaats", "ville", "localité", "commune"]),
    (Field::Contact, &["contactpersoon", "personne de contact"]),
    (Field::Founded, &["opgericht", "oprichtingsjaar", "année de création", "fondée en"]),
    (Field::Employees, &["werknemers", "aantal werknemers", "personeel", "employés", "effectif"]),
    (Field::AccountsDate, &["balansdatum", "einde boekjaar", "date de clôture", "clôture de l'exercice"]),
    (Field::Revenue, &["omzet", "chiffre d'affaires"]),
    (Field::Ebit, &["bedrijfsresultaat", "résultat d'exploitation"]),
    (
        Field::NetResult,
        &["nettoresultaat", "resultaat van het boekjaar", "résultat net", "résultat de l'exercice"],
    ),
    (Field::TotalAssets, &["balanstotaal", "totaal activa", "total du bilan", "total de l'actif"]),
    (Field::Equity, &["eigen vermogen", "capitaux propres", "fonds propres"]),
    (Field::CurrentAssets, &["vlottende activa", "actifs circulants", "actif circulant"]),
    (Field::Inventory, &["voorraden", "voorraad", "stocks"]),
    (Field::Cash, &["liquide middelen", "kas", "trésorerie", "valeurs disponibles", "liquidités"]),
    (
        Field::CurrentLiabilities,
        &[
            "kortlopende schulden",
            "schulden op ten hoogste één jaar",
            "dettes à court terme",
            "dettes à un an au plus",
        ],
    ),
    (Field::TotalLiabilities, &["vreemd vermogen", "totale schulden", "total des dettes", "fonds de tiers"]),
    (Field::RetainedEarnings, &["reserves", "overgedragen resultaat", "réserves", "résultat reporté"]),
    (
        Field::DbtDays,
        &["dagen na vervaldag", "betalingsachterstand", "jours de retard", "retard de paiement"],
    ),
    (Field::LateSharePct, &["laattijdige facturen", "factures en retard"]),
    (Field::DbtTrend, &["trend", "tendance"]),
    (Field::BureauScore, &["kredietscore", "score de crédit"]),
    (Field::Summons, &["dagvaardingen", "citations"]),
    (Field::SummonsAuthority, &["dagvaarding rsz of fiscus", "citation onss ou fisc"]),
    (Field::TaxDebt, &["fiscale schuld", "belastingschuld", "dette fiscale"]),
    (Field::SocialDebt, &["rsz-schuld", "sociale schuld", "dette onss", "dette sociale"]),
    (Field::LateFiling, &["laattijdige neerlegging", "dépôt tardif"]),
    (Field::Insolvency, &["insolventie", "faillissement", "faillite", "insolvabilité"]),
    (Field::AnnualVolume, &["jaarvolume", "volume annuel"]),
    (Field::MarginPct, &["brutomarge", "marge", "marge brute"]),
    (Field::OrdersPerYear, &["bestellingen per jaar", "commandes par an"]),
    (Field::RequestedDays, &["gevraagde betaaltermijn", "délai de paiement demandé"]),
    (Field::Status, &["statut"]),
    (Field::Note, &["notitie", "opmerking", "remarque", "commentaire"]),
];

/// A header reduced to what matters: lower case without accents, a trailing `(…)` dropped, and
/// every run of spaces, `-`, `_` and `.` one `_`; `’` counts as `'`.
pub fn normalise(header: &str) -> String {
    let mut text = header.trim();
    if let Some(open) = text.rfind('(')
        && text.ends_with(')')
        && open > 0
    {
        text = text[..open].trim_end();
    }
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if matches!(c, ' ' | '-' | '_' | '.' | '\u{a0}') {
            gap = !out.is_empty();
            continue;
        }
        if std::mem::take(&mut gap) {
            out.push('_');
        }
        out.push(fold(c));
    }
    out
}

/// The letter without its accent, for the accents of Dutch and French.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        '’' | '‘' => '\'',
        other => other,
    }
}

/// The field a header names, if any.
pub fn field_for(header: &str) -> Option<Field> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    Field::from_key(&key)
        .or_else(|| Field::ALL.iter().copied().find(|f| normalise(f.label()) == key))
        .or_else(|| {
            ALIASES.iter().find(|(_, names)| names.iter().any(|n| normalise(n) == key)).map(|(f, _)| *f)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_as_users_write_them() {
        let cases = [
            ("name", Field::Name),
            ("  Naam ", Field::Name),
            ("NOM", Field::Name),
            ("Omzet (EUR)", Field::Revenue),
            ("Chiffre d’affaires", Field::Revenue),
            ("chiffre-d'affaires", Field::Revenue),
            ("Eigen vermogen", Field::Equity),
            ("CAPITAUX PROPRES", Field::Equity),
            ("Net Result", Field::NetResult),
            ("late-filing", Field::LateFiling),
            ("Registration no.", Field::Registration),
            ("Numéro d'entreprise", Field::Registration),
            ("Date de clôture", Field::AccountsDate),
            ("Invoices late (%)", Field::LateSharePct),
        ];
        for (header, want) in cases {
            assert_eq!(field_for(header), Some(want), "{header}");
        }
        for header in ["", "turnover", "()", "omzetten"] {
            assert_eq!(field_for(header), None, "{header}");
        }
    }

    #[test]
    fn no_alias_names_two_fields() {
        let mut seen = std::collections::HashMap::new();
        let names = ALIASES.iter().flat_map(|(f, names)| names.iter().map(move |n| (normalise(n), *f)));
        let keys = Field::ALL.iter().flat_map(|f| [(normalise(f.key()), *f), (normalise(f.label()), *f)]);
        for (name, field) in keys.chain(names) {
            if let Some(other) = seen.insert(name.clone(), field) {
                assert_eq!(other, field, "{name} names two fields");
            }
        }
    }
}
