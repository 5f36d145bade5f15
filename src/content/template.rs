//! Filling in the `{placeholders}` of a text, which the content compiler
//! has checked each text may (or must) use.

/// `template` with each `{name}` of `values` replaced by its value; the
/// content compiler has checked which names each template uses.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_names_and_keeps_the_rest() {
        assert_eq!(
            fill("{carrier} is in our network", &[("carrier", "Aetna")]),
            "Aetna is in our network"
        );
        assert_eq!(
            fill("Step {n} of {total}", &[("n", "2"), ("total", "5")]),
            "Step 2 of 5"
        );
        assert_eq!(fill("{other} {", &[("n", "1")]), "{other} {");
    }
}
