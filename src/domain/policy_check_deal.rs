//! The rules that keep the deal-side policy sound: no security loses more than none, the
//! excess above the unsecured cap is covered on first demand, and the home country has a VAT
//! rate. (Terms need no monotone matrix to be monotone: each band starts from the strictest
//! terms of the better bands, see `terms`.)

use super::policy::Policy;
use super::vocabulary::Security;

impl Policy {
    pub(super) fn validate_deal(&self, fail: &mut impl FnMut(String, String)) {
        let unsecured = self.lgd_pct.none;
        for (security, lgd) in self.lgd_pct.iter() {
            if *lgd > unsecured {
                let key: &str = security.into();
                fail(
                    format!("lgd_pct.{key}"),
                    format!(
                        "{lgd} % must not be above the unsecured {unsecured} %: security never loses more"
                    ),
                );
            }
        }
        let cover = &self.security.excess_cover;
        for (key, security) in [("domestic", cover.domestic), ("cross_border", cover.cross_border)] {
            if !matches!(security, Security::BankGuarantee | Security::LetterOfCredit) {
                fail(
                    format!("security.excess_cover.{key}"),
                    "must be bank_guarantee or letter_of_credit: only first-demand cover takes exposure above the cap".into(),
                );
            }
        }
        let home = &self.seller.home_country;
        if home.len() != 2 || !home.chars().all(|c| c.is_ascii_uppercase()) {
            fail(
                "seller.home_country".into(),
                format!("'{home}' is not an ISO 3166 alpha-2 code such as BE"),
            );
        } else if !self.exposure.vat_pct.contains_key(home) {
            fail("exposure.vat_pct".into(), format!("has no rate for the home country {home}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::money::Pct;
    use crate::domain::policy::Policy;
    use crate::domain::vocabulary::Security;

    fn first_issue(edit: impl FnOnce(&mut Policy)) -> String {
        let mut policy = Policy::default_policy();
        edit(&mut policy);
        policy.validate().first().map(ToString::to_string).unwrap_or_default()
    }

    #[test]
    fn deal_rules_name_their_field() {
        assert_eq!(first_issue(|_| {}), "");
        let lgd = first_issue(|p| p.lgd_pct.bank_guarantee = Pct::whole(99));
        assert!(
            lgd.starts_with("lgd_pct.bank_guarantee: 99 % must not be above the unsecured 95 %"),
            "{lgd}"
        );
        let cover = first_issue(|p| p.security.excess_cover.domestic = Security::CreditInsurance);
        assert!(cover.starts_with("security.excess_cover.domestic: must be bank_guarantee"), "{cover}");
        let home = first_issue(|p| p.seller.home_country = "DE".into());
        assert_eq!(home, "exposure.vat_pct: has no rate for the home country DE");
        let code = first_issue(|p| p.seller.home_country = "Belgium".into());
        assert!(code.starts_with("seller.home_country: 'Belgium' is not an ISO 3166"), "{code}");
    }
}
