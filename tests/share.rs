//! Share links (issue 6): a lossless round trip of the whole quote, and a
//! clear refusal of anything damaged, altered or made with another book.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cloudquote::engine::document::catalog::BuildModel;
use cloudquote::engine::document::credit_month::CreditMonth;
use cloudquote::engine::document::pricebook::PriceBook;
use cloudquote::engine::document::quote::{ManagementModel, Quote, SpecificLine};
use cloudquote::engine::document::raci::{Letters, Party};
use cloudquote::engine::files::share::{
    book_hash, builtin_ref, decode, encode, ShareError, SharedBook, MAX_LINK_CHARS, PREFIX,
};
use cloudquote::engine::lang::Lang;
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::responsibilities::{set_cell, RaciCatalogue};
use proptest::prelude::*;

mod common;
use common::arb_quote;

fn book() -> PriceBook {
    PriceBook::builtin().expect("built-in book")
}

fn sample() -> Quote {
    let mut q = Quote::new(chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap());
    q.client = "Mutuelle Atlantique — « Portail » 🚀".into();
    q.project = "Adhérents & partenaires".into();
    let id = q.add_line("OS-MGD");
    q.set_quantity(id, Quantity::parse("12,5").unwrap());
    q
}

#[test]
fn a_link_round_trips_with_the_builtin_book_by_reference() {
    let quote = sample();
    let link = encode(&quote, builtin_ref(&book())).expect("encodes");
    assert!(link.starts_with(PREFIX));
    assert!(
        link.len() < 1_000,
        "a small quote makes a short link ({})",
        link.len()
    );
    let shared = decode(&format!("#{link}"), &book()).expect("decodes");
    assert_eq!(shared.quote, quote);
    assert_eq!(shared.book, None);
}

#[test]
fn a_link_can_embed_its_own_book() {
    let mut own = book();
    own.version = "2027.1-client".into();
    own.illustrative = false;
    let link = encode(
        &sample(),
        SharedBook::Embedded {
            book: Box::new(own.clone()),
        },
    )
    .unwrap();
    let shared = decode(&link, &book()).expect("decodes");
    assert_eq!(shared.book, Some(own));
}

#[test]
fn a_damaged_or_altered_link_is_refused() {
    let link = encode(&sample(), builtin_ref(&book())).unwrap();
    // Truncated.
    let cut = &link[..link.len() - 10];
    assert!(matches!(decode(cut, &book()), Err(ShareError::Damaged(_))));
    // One character changed in the middle.
    let mut chars: Vec<char> = link.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    let altered: String = chars.into_iter().collect();
    assert!(matches!(
        decode(&altered, &book()),
        Err(ShareError::Damaged(_))
    ));
    // Not base64 at all.
    assert!(matches!(
        decode("q1.@@@", &book()),
        Err(ShareError::Damaged(_))
    ));
    // Not a quote link.
    assert_eq!(decode("#section-2", &book()), Err(ShareError::NotALink));
    assert_eq!(decode("", &book()), Err(ShareError::NotALink));
}

fn pack(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 6);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

#[test]
fn a_well_formed_link_with_wrong_content_says_what_is_wrong() {
    let hash = book_hash(&book());
    let version = book().version;
    let quote = sample().to_json();
    let v2 = pack(&format!(
        r#"{{"v":2,"quote":{quote},"book":{{"kind":"builtin","version":"{version}","hash":"{hash}"}}}}"#
    ));
    assert_eq!(decode(&v2, &book()), Err(ShareError::Version(2)));
    let other = pack(&format!(
        r#"{{"v":1,"quote":{quote},"book":{{"kind":"builtin","version":"{version}","hash":"0000000000000000"}}}}"#
    ));
    let e = decode(&other, &book()).unwrap_err();
    assert!(matches!(e, ShareError::OtherBuiltin { .. }));
    assert!(e.message(Lang::Fr).contains("Les prix différeraient"));
    let bad_quote = pack(&format!(
        r#"{{"v":1,"quote":{{"schema_version":2}},"book":{{"kind":"builtin","version":"{version}","hash":"{hash}"}}}}"#
    ));
    assert!(matches!(
        decode(&bad_quote, &book()),
        Err(ShareError::Quote(_))
    ));
    // A version-1 quote inside a link is migrated like a file.
    let v1 = pack(&format!(
        r#"{{"v":1,"quote":{{"schema_version":1,"client":"ACME","project":"ERP","model":"co_managed","commitment_months":24,"support_chain":"full_france","environments":[],"lines":[]}},"book":{{"kind":"builtin","version":"{version}","hash":"{hash}"}}}}"#
    ));
    assert_eq!(decode(&v1, &book()).unwrap().quote.client, "ACME");
}

#[test]
fn a_quote_too_large_for_a_link_says_so() {
    let mut quote = sample();
    // Labels that do not compress: a pseudo-random alphabet soup.
    let mut seed: u64 = 42;
    let mut random = |n: usize| -> String {
        (0..n)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + ((seed >> 33) % 26) as u8)
            })
            .collect()
    };
    for i in 0..300 {
        quote.specific.push(SpecificLine {
            id: i + 1,
            label: random(60),
            amount: Money::parse(&format!("{}.{:02}", i * 37 % 9973, i % 100)).unwrap(),
            charge: cloudquote::engine::document::catalog::Charge::OneTime,
            date: None,
        });
    }
    match encode(&quote, builtin_ref(&book())) {
        Err(ShareError::TooLarge { chars }) => assert!(chars > MAX_LINK_CHARS),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

proptest! {
    /// Whatever the quote, the link gives it back exactly.
    #[test]
    fn every_quote_survives_the_round_trip(
        quote in arb_quote(),
        client in "\\PC{0,40}",
        model in 0usize..3,
        raci in proptest::collection::vec((0usize..25, 0usize..2, "[RACI]{0,3}"), 0..5),
        simulate in any::<bool>(),
    ) {
        let mut quote = quote;
        quote.client = client;
        quote.model = ManagementModel::ALL[model];
        let ids: Vec<String> = RaciCatalogue::builtin().ids().map(String::from).collect();
        for (a, p, letters) in raci {
            let letters = Letters::parse(&letters).unwrap();
            set_cell(&mut quote.raci, quote.model, BuildModel::NoBuild, &ids[a], Party::ALL[p], letters);
        }
        if simulate {
            quote.sla_simulation = Some(CreditMonth::new(quote.start_date));
        }
        match encode(&quote, builtin_ref(&book())) {
            Ok(link) => {
                let back = decode(&link, &book()).expect("decodes");
                prop_assert_eq!(back.quote, quote);
            }
            Err(ShareError::TooLarge { .. }) => {}
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}
