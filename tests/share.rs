//! Share links (issue 6): a lossless round trip of the whole quote, and a
//! clear refusal of anything damaged, altered or made with another book.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cloudquote::engine::document::catalog::BuildModel;
use cloudquote::engine::document::credit_month::{CreditMonth, FunctionMonth};
use cloudquote::engine::document::pricebook::PriceBook;
use cloudquote::engine::document::quote::{ManagementModel, Quote, SpecificLine};
use cloudquote::engine::document::raci::{Letters, Party};
use cloudquote::engine::files::library::{read_stored, read_stored_with_books};
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
    q.set_quantity(id, Quantity::from_file_text("12.5").unwrap());
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
            amount: Money::from_file_text(&format!("{}.{:02}", i * 37 % 9973, i % 100)).unwrap(),
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

/// A version-2 file (interruptions per line): lines 1 and 3 OS-MGD, 2
/// K8S-MGD, 4 SEC-FW, 5 APP-MGD; March 2027 (44 640 minutes).
fn v2_quote(first_item: &str) -> String {
    let mut q = Quote::new(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    for item in [first_item, "K8S-MGD", "OS-MGD", "SEC-FW", "APP-MGD"] {
        q.add_line(item);
    }
    let mut v: serde_json::Value = serde_json::from_str(&q.to_json()).unwrap();
    v["schema_version"] = 2.into();
    v["sla_simulation"] = serde_json::json!({
        "month": "2027-03-01",
        "functions": [
            {"id": 1, "line": 1, "interruption_minutes": "30000", "iaas_down_minutes": "30000"},
            {"id": 2, "line": 2, "interruption_minutes": "45"},
            {"id": 3, "line": 3, "interruption_minutes": "20000", "iaas_down_minutes": "15000",
             "client_caused_minutes": "5000"},
            {"id": 4, "line": 4, "interruption_minutes": "100"},
            {"id": 5, "line": 5, "interruption_minutes": "60"},
            {"id": 6, "line": 9, "interruption_minutes": "10"}
        ],
        "incidents": [
            {"id": 7, "priority": "p1", "environment": "production", "line": 3,
             "resolution_hours": "12"}
        ]
    });
    v.to_string()
}

fn summary(month: &CreditMonth) -> Vec<(u32, String, String, String, String)> {
    month
        .functions
        .iter()
        .map(|f| {
            (
                f.id,
                f.function.to_string(),
                f.interruption_minutes.to_string(),
                f.iaas_down_minutes.to_string(),
                f.client_caused_minutes.to_string(),
            )
        })
        .collect()
}

fn row(id: u32, function: &str, minutes: [&str; 3]) -> (u32, String, String, String, String) {
    let [a, b, c] = minutes;
    (id, function.into(), a.into(), b.into(), c.into())
}

#[test]
fn a_version_2_simulation_moves_to_the_managed_functions_of_its_lines() {
    // §10 "Fonction Managée": lines 1 and 3 are the "os" function; they merge
    // into entry 1: 30 000 + 20 000 minutes capped at March's 44 640; IaaS
    // 30 000 + 15 000 capped at the interruption, 44 640; client-caused
    // 5 000 capped at what is left, 0. The security line (no function) and
    // the missing line 9 are dropped; incidents keep their line.
    let q = Quote::from_json(&v2_quote("OS-MGD")).expect("migrates");
    assert_eq!(q.schema_version, 3);
    let sim = q.sla_simulation.expect("the simulation");
    assert_eq!(
        summary(&sim),
        [
            row(1, "os", ["44640", "44640", "0"]),
            row(2, "kubernetes", ["45", "0", "0"]),
            row(5, "application:5", ["60", "0", "0"]),
        ]
    );
    assert_eq!(sim.incidents[0].line.map(|l| l.0), Some(3));
    // Written back as version 3, read again unchanged.
    let again = Quote::from_json(&Quote::from_json(&v2_quote("OS-MGD")).unwrap().to_json());
    assert_eq!(again.unwrap().sla_simulation.unwrap(), sim);
}

#[test]
fn a_version_2_link_is_migrated_with_the_book_it_carries() {
    // The link's own book knows "OS-LEGACY" (a managed OS item): line 1
    // joins the "os" function with line 3. The built-in book does not know
    // it: read as a plain file, line 1's entry is dropped.
    let mut own = book();
    let mut legacy = own.item("OS-MGD").expect("OS-MGD").clone();
    legacy.code = "OS-LEGACY".into();
    own.items.push(legacy);
    let json = v2_quote("OS-LEGACY");
    let embedded = serde_json::to_string(&SharedBook::Embedded {
        book: Box::new(own),
    })
    .unwrap();
    let link = pack(&format!(r#"{{"v":1,"quote":{json},"book":{embedded}}}"#));
    let shared = decode(&link, &book()).expect("decodes");
    let sim = shared.quote.sla_simulation.expect("the simulation");
    assert_eq!(sim.functions[0].function.to_string(), "os");
    assert_eq!(sim.functions[0].interruption_minutes.to_string(), "44640");
    let plain = Quote::from_json(&json).unwrap().sla_simulation.unwrap();
    assert_eq!(
        summary(&plain),
        [
            row(2, "kubernetes", ["45", "0", "0"]),
            row(3, "os", ["20000", "15000", "5000"]),
            row(5, "application:5", ["60", "0", "0"]),
        ]
    );
    // With the built-in book by reference, the built-in items place it.
    let hash = book_hash(&book());
    let version = book().version;
    let json = v2_quote("OS-MGD");
    let link = pack(&format!(
        r#"{{"v":1,"quote":{json},"book":{{"kind":"builtin","version":"{version}","hash":"{hash}"}}}}"#
    ));
    let sim = decode(&link, &book())
        .unwrap()
        .quote
        .sla_simulation
        .unwrap();
    assert_eq!(summary(&sim)[0], row(1, "os", ["44640", "44640", "0"]));
}

#[test]
fn the_browser_library_reads_a_stored_version_2_quote() {
    let raw = format!(r#"{{"revision": 4, "quote": {}}}"#, v2_quote("OS-MGD"));
    let stored = read_stored(&raw).expect("reads");
    assert_eq!(stored.revision, 4);
    assert_eq!(stored.quote.schema_version, 3);
    let sim = stored
        .quote
        .sla_simulation
        .as_ref()
        .expect("the simulation");
    assert_eq!(sim.functions.len(), 3);
    let with_books = read_stored_with_books(&raw, Some(&[book()])).expect("reads");
    assert_eq!(with_books.quote, stored.quote);
}

#[test]
fn a_version_3_simulation_round_trips_through_a_link() {
    let mut quote = sample();
    let mut month = CreditMonth::new(quote.start_date);
    month.functions.push(FunctionMonth {
        id: 1,
        function: "application:1".parse().unwrap(),
        interruption_minutes: "12.5".parse().unwrap(),
        iaas_down_minutes: Default::default(),
        client_caused_minutes: Default::default(),
    });
    quote.sla_simulation = Some(month);
    let link = encode(&quote, builtin_ref(&book())).unwrap();
    assert_eq!(decode(&link, &book()).unwrap().quote, quote);
    assert!(quote.to_json().contains("\"function\": \"application:1\""));
}

#[test]
fn absurd_version_2_minutes_are_read_without_a_panic() {
    // The extremes of a decimal in a version-2 entry: the migration caps
    // what it can and reports the rest; it never panics.
    for (interruption, iaas) in [
        ("44640", "-79228162514264337593543950335"),
        (
            "-79228162514264337593543950335",
            "79228162514264337593543950335",
        ),
        (
            "79228162514264337593543950335",
            "79228162514264337593543950335",
        ),
    ] {
        let mut v: serde_json::Value = serde_json::from_str(&v2_quote("OS-MGD")).unwrap();
        let entry = &mut v["sla_simulation"]["functions"][0];
        entry["interruption_minutes"] = interruption.into();
        entry["iaas_down_minutes"] = iaas.into();
        let _ = Quote::from_json(&v.to_string());
    }
}

/// A link made on 2026-11-30 by the app of the time, with the built-in book
/// before the corrections of SPEC §14 (its version 2024.1, hash
/// 86d59657db4f2450): it still opens, with the book it was made with.
const LINK_OF_THE_EARLIER_BUILTIN_BOOK: &str = "q1.eNpVUsluwjAQ_RU0p1ZKq0DZmlsv_YBeKxQZe0xcvATbCUUR_94ZQhFIOWSWt2ReBuihmhZw6EJGqAZIskEn6h5jMsFDNStAWoM-QwUf0uHkiauJwokPPbptxGcooI3hByXvUOGCQkuvurP2VDvhxQ4V9VMWMddKsBDMytnqpZzSQxMZnDPZkUrtgs9NguptWUDE3cUDfH4xvGvbQASyEYabQes6NSEizdD3JgbPDIT9HmBvvKId8qU6mZnlRkBtcuKViArOmwKs8cigzYOE3_03s5F7ZNoBjJe2U6jqFuPolI5XFqDJhRQp3_dhWgJ_Qm_wSNWho4_HCGciDHv0F74HHfzNUTwwlLydWpRGGzkuCSkxpVoj1kdherprpYVNOCqNkVGIJ5-REDl2eM8w1tqGEK84EnBxx5hIubC6HLNekzgNtyHseXq957YzNhs-5u0H4STnr5xiIxK7Xi_V4n25WKntXM_mC-b5A0xCzl0";

#[test]
fn a_link_made_with_an_earlier_builtin_book_opens_with_that_book() {
    let builtin = PriceBook::builtin().unwrap();
    let shared = decode(LINK_OF_THE_EARLIER_BUILTIN_BOOK, &builtin)
        .expect("an earlier built-in book's link opens");
    assert_eq!(shared.quote.client, "Acme (lien de novembre)");
    let book = shared
        .book
        .expect("the link opens with the book it was made with");
    assert_eq!(book.version, "2024.1");
    assert_ne!(book, builtin, "the earlier book, not today's");
    // Another hash under the same version is still refused.
    let unknown = SharedBook::Builtin {
        version: "2024.1".into(),
        hash: "0000000000000000".into(),
    };
    let link = encode(&shared.quote, unknown).unwrap();
    assert!(matches!(
        decode(&link, &builtin),
        Err(ShareError::OtherBuiltin { .. })
    ));
}

/// Links made on 2026-12-01 by the app of the time name the built-in book
/// 2024.1 by one of two hashes: the one written before amounts gained two
/// decimals, and the one written after (issue 17). Since the built-in book
/// is 2024.2 (SPEC §15), both open with the 2024.1 book itself; another hash
/// under 2024.1 is refused.
#[test]
fn a_link_naming_the_2024_1_book_by_either_of_its_hashes_opens_with_it() {
    let builtin = PriceBook::builtin().unwrap();
    assert_eq!(builtin.version, "2024.2");
    let mut quote = Quote::new(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    quote.client = "Acme (lien du matin)".into();
    let mut opened = Vec::new();
    for hash in ["6b0ea0f242a7cfe2", "0ebd89ae71d4f364"] {
        let named = SharedBook::Builtin {
            version: "2024.1".into(),
            hash: hash.into(),
        };
        let shared = decode(&encode(&quote, named).unwrap(), &builtin).expect("opens");
        assert_eq!(shared.quote.client, "Acme (lien du matin)");
        let book = shared.book.expect("the 2024.1 book, not today's");
        assert_eq!(book.version, "2024.1");
        assert!(book.model_adjustments.is_empty(), "no Co-Managed prices");
        opened.push(book);
    }
    assert_eq!(opened[0], opened[1], "the same book under both hashes");
    // The app of main wrote this hash for that very content.
    assert_eq!(book_hash(&opened[1]), "0ebd89ae71d4f364");
    let other = SharedBook::Builtin {
        version: "2024.1".into(),
        hash: "1111111111111111".into(),
    };
    assert!(matches!(
        decode(&encode(&quote, other).unwrap(), &builtin),
        Err(ShareError::OtherBuiltin { .. })
    ));
}
