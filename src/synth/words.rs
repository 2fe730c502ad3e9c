//! The words the generator builds names, places and notes from.

pub(super) struct Sector {
    pub(super) name: &'static str,
    pub(super) trades: &'static [&'static str],
}

pub(super) const SECTORS: &[Sector] = &[
    Sector {
        name: "Logistics & warehousing",
        trades: &["Logistics", "Transport", "Distributie", "Cargo", "Expeditie"],
    },
    Sector {
        name: "Food wholesale",
        trades: &["Foodservice", "Voeding", "Delicatessen", "Traiteur", "Zuivel"],
    },
    Sector { name: "Construction", trades: &["Bouw", "Bouwgroep", "Construct", "Bâtiments", "Aannemingen"] },
    Sector { name: "Retail", trades: &["Retail", "Winkels", "Boutique", "Magasins"] },
    Sector {
        name: "Manufacturing",
        trades: &["Metaal", "Industries", "Techniek", "Productions", "Plastics"],
    },
    Sector { name: "Hospitality", trades: &["Brasserie", "Hotels", "Catering", "Taverne", "Frituur"] },
    Sector { name: "IT services", trades: &["Systems", "Software", "Digital", "ICT", "Data"] },
    Sector { name: "Agriculture", trades: &["Agri", "Tuinbouw", "Kwekerij", "Fermes", "Zaden"] },
    Sector { name: "Healthcare", trades: &["Medical", "Pharma", "Zorg", "Santé", "Apotheek"] },
    Sector {
        name: "Energy & installation",
        trades: &["Energie", "Solar", "Installaties", "Énergies", "Klimaat"],
    },
];

pub(super) const HEADS: &[&str] = &[
    "Bra", "Xan", "Hol", "Mo", "Lu", "Del", "Van", "Ker", "Lie", "Na", "Ou", "Zee", "Brou", "Ame", "Schel",
    "Ar", "Mer", "Wal", "Fla", "Ve", "Es", "Ty", "Gal", "Ro", "Sté", "Quin", "Jor", "Ilo", "Pe", "Dor",
    "Kem", "Ys", "Uni", "Ha", "Ré", "Cor", "Tor", "Vi", "Bel", "Oos",
];
pub(super) const MIDDLES: &[&str] = &[
    "bo", "tra", "lan", "sa", "men", "ta", "der", "ke", "ge", "mur", "de", "land", "we", "ro", "den", "lo",
    "ndra", "lu", "ca", "rix", "vi", "phi", "li", "dyck", "tel", "ma", "vo", "nis", "gra", "ver", "ban",
    "tex", "mo", "zo", "léa",
];
pub(super) const TAILS: &[&str] =
    &["n", "s", "x", "ria", "nia", "ton", "berg", "dal", "heim", "ville", "ix", "co"];
pub(super) const SURNAMES: &[&str] = &[
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dupont",
    "Martin",
    "Leclercq",
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meyer",
    "Schmit",
    "Weber",
    "Hoffmann",
    "Lefèvre",
    "Verhulst",
    "Van Damme",
    "Müller",
];
pub(super) const FIRST_NAMES: &[&str] = &[
    "Koen", "Els", "Martijn", "Sofie", "Pieter", "Anke", "Luc", "Marie", "Jean", "Claire", "Bram", "Fleur",
    "Daan", "Lotte", "Thomas", "Nathalie", "Joris", "Inge", "Hélène", "Gérard",
];
pub(super) const ROLES: &[&str] = &[
    "purchasing",
    "head of purchasing",
    "CFO",
    "owner",
    "inkoop",
    "category manager",
    "zaakvoerder",
    "gérant",
    "finance",
    "operations",
];
pub(super) const SOURCES: &[&str] = &["Graydon", "Creditsafe", "Coface", "own ledger", "Dun & Bradstreet"];
pub(super) const NOTES: &[&str] = &[
    "Met at the trade fair; wants a quote before the season.",
    "Parent company guarantee under discussion.",
    "Referred by our Ghent branch.",
    "Asked for 90 days: explain our standard terms.",
    "Seasonal business: volumes peak in spring.",
    "Switching from a competitor after delivery problems.",
];
pub(super) const DECISION_NOTES: &[&str] = &[
    "Approved after review of the latest accounts.",
    "Credit insurance cover confirmed.",
    "Limit lowered after two late payments.",
    "Routed to our wholesale partner.",
    "Declined: summons pending.",
    "Review after the next filed accounts.",
];

pub(super) fn cities(country: &str) -> &'static [&'static str] {
    match country {
        "BE" => &[
            "Antwerpen",
            "Gent",
            "Brugge",
            "Leuven",
            "Mechelen",
            "Hasselt",
            "Kortrijk",
            "Liège",
            "Namur",
            "Charleroi",
            "Mons",
            "Bruxelles",
            "Wavre",
            "Aalst",
            "Genk",
            "Roeselare",
        ],
        "NL" => &[
            "Utrecht",
            "Rotterdam",
            "Amsterdam",
            "Eindhoven",
            "Tilburg",
            "Breda",
            "Zwolle",
            "Groningen",
            "Venlo",
            "Maastricht",
            "Den Bosch",
            "Arnhem",
        ],
        "LU" => &["Luxembourg", "Esch-sur-Alzette", "Differdange", "Ettelbruck", "Wiltz"],
        "DE" => &["Aachen", "Köln", "Düsseldorf", "Trier"],
        _ => &["Lille", "Valenciennes", "Metz", "Reims"],
    }
}

pub(super) fn forms(country: &str) -> &'static [&'static str] {
    match country {
        "BE" => &["NV", "BV", "BV", "SRL", "SA", "CommV"],
        "NL" => &["BV", "B.V.", "VOF", "NV"],
        "LU" => &["S.à r.l.", "SA", "SARL"],
        "DE" => &["GmbH", "AG"],
        _ => &["SAS", "SARL"],
    }
}
