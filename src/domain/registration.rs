//! Country codes and company registration numbers, checked the way the registers define them.

/// The officially assigned ISO 3166-1 alpha-2 codes.
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH \
BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ \
DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR \
GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR \
KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV \
MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE \
RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL \
TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Parses a country as its ISO 3166 alpha-2 code, in any case: `be` → `BE`.
pub fn parse_country(raw: &str) -> Result<String, String> {
    let code = raw.trim().to_ascii_uppercase();
    if assigned(code.as_bytes()) {
        Ok(code)
    } else {
        Err(format!("'{}' is not an ISO 3166 country code (e.g. BE, NL, LU)", raw.trim()))
    }
}

/// Whether `code` is in `ISO_3166_ALPHA2`: a binary search of its sorted codes, each two
/// letters and a space, as every CSV row's country is checked.
fn assigned(code: &[u8]) -> bool {
    let list = ISO_3166_ALPHA2.as_bytes();
    let (mut low, mut high) = (0, list.len().div_ceil(3));
    while low < high {
        let mid = low + (high - low) / 2;
        let at = list.get(3 * mid..3 * mid + 2).unwrap_or_default();
        match at.cmp(code) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

const BE_FORM: &str = "a Belgian enterprise number: 10 digits starting with 0 or 1, e.g. 0403.170.701";
const NL_FORM: &str = "a Dutch KvK number: 8 digits, e.g. 12345678";

/// Checks a registration number against the prospect's country and returns its canonical form:
/// Belgian enterprise numbers as `0403.170.701`, Dutch KvK numbers as 8 digits, anything else
/// trimmed as typed. A number written with a `BE` prefix is Belgian whatever the country says.
pub fn canonical_registration(raw: &str, country: Option<&str>) -> Result<String, String> {
    let text = raw.trim();
    if strip_be_prefix(text).is_some() || country == Some("BE") {
        belgian(text)
    } else if country == Some("NL") {
        dutch(text)
    } else if text.is_empty() {
        Err("empty registration number".into())
    } else {
        Ok(text.to_string())
    }
}

/// The number after a `BE` prefix (any case, then a digit, a space or a dot), if it has one:
/// "BE0403…" is Belgian, "Berlin HRB 1234" is not.
fn strip_be_prefix(text: &str) -> Option<&str> {
    let rest = text.get(..2).filter(|p| p.eq_ignore_ascii_case("BE")).and_then(|_| text.get(2..))?;
    rest.trim_start_matches([' ', '.']).starts_with(|c: char| c.is_ascii_digit()).then_some(rest)
}

fn belgian(text: &str) -> Result<String, String> {
    let body = strip_be_prefix(text).unwrap_or(text);
    let digits: String = body.chars().filter(|c| !matches!(c, '.' | ' ' | '-')).collect();
    if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("'{text}' is not {BE_FORM}"));
    }
    if !digits.starts_with(['0', '1']) {
        return Err(format!("'{text}' does not start with 0 or 1: expected {BE_FORM}"));
    }
    let (base, check) = digits.split_at(8);
    let base: u64 = base.parse().map_err(|_| format!("'{text}' is not {BE_FORM}"))?;
    let check: u64 = check.parse().map_err(|_| format!("'{text}' is not {BE_FORM}"))?;
    if 97 - base % 97 != check {
        return Err(format!(
            "'{text}' fails the mod-97 check (its last two digits should be {:02})",
            97 - base % 97
        ));
    }
    Ok(format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..]))
}

fn dutch(text: &str) -> Result<String, String> {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(format!("'{text}' is not {NL_FORM}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belgian_numbers_in_every_written_form_share_one_canonical_form() {
        for raw in ["0403.170.701", "0403170701", "BE0403170701", "BE 0403.170.701", "be0403170701"] {
            assert_eq!(canonical_registration(raw, Some("BE")).as_deref(), Ok("0403.170.701"), "{raw}");
        }
        assert_eq!(canonical_registration("BE0403170701", None).as_deref(), Ok("0403.170.701"));
    }

    #[test]
    fn belgian_numbers_that_fail_say_the_expected_form() {
        let wrong_check = canonical_registration("0403.170.702", Some("BE")).unwrap_err();
        assert!(wrong_check.contains("mod-97") && wrong_check.contains("01"), "{wrong_check}");
        let short = canonical_registration("040317070", Some("BE")).unwrap_err();
        assert!(short.contains("0403.170.701"), "{short}");
        assert!(canonical_registration("2403170701", Some("BE")).is_err());
        assert!(canonical_registration("04031707ab", Some("BE")).is_err());
    }

    #[test]
    fn dutch_kvk_numbers_have_eight_digits() {
        assert_eq!(canonical_registration("3304 1413", Some("NL")).as_deref(), Ok("33041413"));
        assert!(canonical_registration("3304141", Some("NL")).unwrap_err().contains("8 digits"));
        assert!(canonical_registration("330414134", Some("NL")).is_err());
    }

    #[test]
    fn only_be_followed_by_digits_is_a_belgian_prefix() {
        assert_eq!(canonical_registration("Berlin HRB 1234", Some("DE")).as_deref(), Ok("Berlin HRB 1234"));
        assert_eq!(canonical_registration("be 0403.170.701", Some("FR")).as_deref(), Ok("0403.170.701"));
    }

    #[test]
    fn other_countries_keep_free_text() {
        assert_eq!(canonical_registration(" B 123 456 ", Some("LU")).as_deref(), Ok("B 123 456"));
        assert_eq!(canonical_registration("HRB 1234", None).as_deref(), Ok("HRB 1234"));
    }

    #[test]
    fn the_code_list_is_sorted_for_its_binary_search() {
        let codes: Vec<&str> = ISO_3166_ALPHA2.split(' ').collect();
        assert!(codes.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        assert!(codes.iter().all(|c| assigned(c.as_bytes())));
        for absent in ["AA", "ZZ", "BX", "A", "", "BEL", "be"] {
            assert!(!assigned(absent.as_bytes()), "{absent}");
        }
    }

    #[test]
    fn countries_are_iso_codes() {
        assert_eq!(parse_country(" nl ").as_deref(), Ok("NL"));
        assert!(parse_country("XX").is_err());
        assert!(parse_country("Belgium").is_err());
    }
}
