//! Term ceilings by country, no economics without a volume, and the deviations of edited
//! terms from the matrix cell.

use super::*;

#[test]
fn term_ceilings_by_country() {
    let p = deal(100_000, Some(1_000_000), Some(0));
    let be = term_ceiling(&p, &policy());
    assert_eq!((be.max_days, be.void_above), (60, true));
    assert!(be.law.contains("14 August 2021") && be.law.contains("void"), "{}", be.law);
    assert_eq!(be.refusal(60), None);
    assert!(be.refusal(61).is_some_and(|r| r.starts_with("61 days cannot be agreed: Belgian law")));
    // A Dutch seller (an SME): 60 days at most towards a large buyer (250 staff or more, or
    // unknown size), otherwise the directive's 60 days unless agreed.
    let mut nl = policy();
    nl.seller.home_country = "NL".into();
    let large = with(p.clone(), |p| p.employees = Some(400));
    let small = with(p.clone(), |p| (p.employees, p.revenue) = (Some(20), Some(eur(3_000_000))));
    assert!(term_ceiling(&large, &nl).void_above);
    assert!(term_ceiling(&p, &nl).void_above, "size unknown: treated as large");
    let soft = term_ceiling(&small, &nl);
    assert_eq!((soft.max_days, soft.void_above), (60, false));
    assert!(soft.law.contains("2011/7/EU") && soft.law.contains("unless expressly agreed"));
    nl.seller.is_sme = false;
    assert!(!term_ceiling(&large, &nl).void_above, "the rule protects SME sellers only");
    // Luxembourg: no national rule in the policy, the directive.
    let mut lu = policy();
    lu.seller.home_country = "LU".into();
    assert!(!term_ceiling(&p, &lu).void_above);
    // A matrix cell longer than the ceiling is cut to it.
    let mut long = policy();
    long.terms.get_mut(Band::A).cells.get_mut(Segment::Core).payment_days = 90;
    let s = suggest_under(&p, Band::A, &long);
    assert_eq!(s.terms.payment_days, 60);
    assert!(s.why.iter().any(|l| l.starts_with("At most 60 days: Belgian law")), "{:#?}", s.why);
}

#[test]
fn unknown_volume_means_no_economics() {
    let p = with(healthy(), |p| p.margin_pct = Some(pct("25")));
    let e = evaluate(&p, &policy(), today());
    assert_eq!((e.segment, e.deal, e.economics), (None, None, None));
    says(&e.assumptions, "annual volume unknown: no economics");
    let s = e.suggestion;
    let first = "Band A (minimal risk); volume unknown: the terms of the smallest segment";
    assert_eq!(s.why[0], first);
    assert_eq!((s.credit_need, s.credit_cap, s.terms.credit_limit), (Money::ZERO, Money::ZERO, Money::ZERO));
    assert_eq!(s.terms.channel, Channel::Wholesaler);
}

#[test]
fn deviations_from_the_cell() {
    // The guaranteed band A line: 45 days, no advance, guarantee 37 000, limit 83 000, cap
    // 46 000.
    let p = with(deal(500_000, Some(250_000), Some(5)), |p| p.revenue = Some(eur(2_000_000)));
    let s = suggest_for(&p, Band::A);
    let check = |change: &dyn Fn(&mut Terms)| {
        let mut t = s.terms.clone();
        change(&mut t);
        deviations(&t, &s).into_iter().map(|d| format!("{}: {}", d.term, d.text)).collect::<Vec<_>>()
    };
    assert!(check(&|_| {}).is_empty(), "the suggestion is within policy");
    assert_eq!(check(&|t| t.payment_days = 60), ["payment_days: 60 payment days are above the policy's 45"]);
    assert_eq!(
        check(&|t| t.security_amount = eur(30_000)),
        [
            "credit_limit: Unsecured limit 53 000 is above the cap 46 000",
            "security_amount: The bank guarantee of 30 000 is smaller than the policy's 37 000"
        ]
    );
    assert_eq!(
        check(&|t| (t.security, t.security_amount) = (Security::None, Money::ZERO)),
        [
            "credit_limit: Unsecured limit 83 000 is above the cap 46 000",
            "security: No security is weaker than the policy's bank guarantee"
        ]
    );
    assert_eq!(
        check(&|t| t.credit_limit = eur(90_000))[0],
        "credit_limit: Credit limit 90 000 is above the policy's 83 000"
    );
    // A stronger security or more advance is no deviation; full prepayment needs no security.
    assert!(check(&|t| t.security = Security::LetterOfCredit).is_empty());
    assert!(check(&|t| t.advance_pct = pct("40")).is_empty());
    assert!(
        check(&|t| (t.advance_pct, t.delivery, t.security) =
            (Pct::HUNDRED, Delivery::AfterPayment, Security::None))
        .is_empty()
    );
    // Below the cell's advance: band D's 30 %.
    let d = suggest_for(&deal(2_000_000, Some(10_000_000), Some(0)), Band::D);
    let t = Terms { advance_pct: pct("20"), ..d.terms.clone() };
    assert_eq!(deviations(&t, &d)[0].text, "Advance 20 % is below the policy's 30 %");
}
