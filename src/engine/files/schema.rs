//! The JSON Schema (draft 2020-12) of the quote and price book files, native
//! only (the browser build never compiles schemars): what `quote schema`
//! prints and `docs/*.schema.json` hold.
#![cfg(not(target_arch = "wasm32"))]

/// The JSON Schema (draft 2020-12) of a quote file, generated from
/// [`crate::engine::document::quote::Quote`]: what `quote schema quote` prints and
/// `docs/quote.schema.json` holds.
pub fn quote_schema() -> String {
    let mut schema = schemars::schema_for!(crate::engine::document::quote::Quote);
    schema.insert(
        "description".to_owned(),
        format!(
            "A quote file (schema_version {}). Version 1 and 2 files are migrated when \
             read (see docs/quote-format.md). Amounts and quantities are decimal strings (§7).",
            crate::engine::document::quote::SCHEMA_VERSION
        )
        .into(),
    );
    // The engine reads versions 1 and 2 too, but only by migrating them: the schema
    // describes the current version.
    if let Some(version) = schema.pointer_mut("/properties/schema_version") {
        if let Some(obj) = version.as_object_mut() {
            obj.insert(
                "const".to_owned(),
                crate::engine::document::quote::SCHEMA_VERSION.into(),
            );
        }
    }
    to_pretty(&schema)
}

/// The JSON Schema (draft 2020-12) of one price book file, generated from
/// [`crate::engine::document::pricebook::PriceBook`] (§13): what `quote schema pricebook`
/// prints and `docs/pricebook.schema.json` holds.
pub fn pricebook_schema() -> String {
    let mut schema = schemars::schema_for!(crate::engine::document::pricebook::PriceBook);
    schema.insert(
        "description".to_owned(),
        "A price book (\"fiche tarifaire\", §13): every price of the catalogue, in force \
         from its effective date in its region (§9.7). Amounts are decimal strings (§7)."
            .into(),
    );
    to_pretty(&schema)
}

fn to_pretty(schema: &schemars::Schema) -> String {
    // A schema is plain JSON with string keys: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schemas_are_json_and_describe_amounts_as_strings() {
        let quote: serde_json::Value = serde_json::from_str(&quote_schema()).unwrap();
        assert_eq!(quote["title"], "Quote");
        assert_eq!(quote["properties"]["schema_version"]["const"], 3);
        assert_eq!(quote["$defs"]["ManagedFunction"]["type"], "string");
        assert_eq!(quote["$defs"]["Money"]["type"], "string");
        assert_eq!(quote["$defs"]["Quantity"]["type"], "string");
        let required = quote["required"].as_array().unwrap();
        assert!(required.iter().any(|r| r == "start_date"));
        assert!(
            !required.iter().any(|r| r == "tickets"),
            "tickets has a default"
        );
        let book: serde_json::Value = serde_json::from_str(&pricebook_schema()).unwrap();
        assert_eq!(book["title"], "PriceBook");
        assert_eq!(book["additionalProperties"], false);
    }
}
