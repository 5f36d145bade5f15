//! URL fragment slugs for headings (`## Risks vs. Benefits` -> `risks-vs-benefits`).
//!
//! Pure and dependency-free: the compiler gives headings their anchors with
//! it, and the app's tests check anchors with it.

/// The slug of `text`: lowercase ASCII letters and digits, every run of
/// anything else written as one `-`, with no `-` at either end.
///
/// Latin letters with diacritics are folded to their base letter (`é` -> `e`,
/// `ß` -> `ss`), and apostrophes (`'`, `’`, `‘`, `ʼ`) are dropped without a
/// hyphen, so `Ketamine’s` -> `ketamines`. Text without a letter or digit
/// gives an empty string, which callers must treat as "no slug".
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if is_apostrophe(c) {
            continue;
        }
        let mut push = |c: char| {
            if c.is_ascii_alphanumeric() {
                if pending_hyphen && !slug.is_empty() {
                    slug.push('-');
                }
                pending_hyphen = false;
                slug.push(c.to_ascii_lowercase());
            } else {
                pending_hyphen = true;
            }
        };
        if c.is_ascii() {
            push(c);
        } else {
            match fold(c) {
                Some(folded) => folded.chars().for_each(&mut push),
                None => push(c),
            }
        }
    }
    slug
}

/// Whether `text` is already a slug: non-empty and unchanged by [`slugify`].
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && slugify(text) == text
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// The ASCII spelling of a Latin letter with a diacritic, if it has a trivial one.
fn fold(c: char) -> Option<&'static str> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "i",
        'ĵ' | 'Ĵ' => "j",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'Ţ' | 'Ť' | 'Ŧ' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ŵ' | 'Ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::{is_slug, slugify};

    #[test]
    fn lowercases_and_hyphenates() {
        assert_eq!(slugify("Risks vs. Benefits"), "risks-vs-benefits");
        assert_eq!(
            slugify("What Is Ketamine Therapy?"),
            "what-is-ketamine-therapy"
        );
        assert_eq!(slugify("Legal Status"), "legal-status");
    }

    #[test]
    fn keeps_digits() {
        assert_eq!(slugify("Top 10 Tips for 2024"), "top-10-tips-for-2024");
        assert_eq!(slugify("24/7 Care"), "24-7-care");
    }

    #[test]
    fn collapses_runs_and_trims() {
        assert_eq!(slugify("  --Hello,   World!--  "), "hello-world");
        assert_eq!(slugify("a — b – c"), "a-b-c");
        assert_eq!(slugify("(Intro)"), "intro");
        assert_eq!(slugify("snake_case_name"), "snake-case-name");
    }

    #[test]
    fn drops_apostrophes_without_hyphen() {
        assert_eq!(slugify("Ketamine’s Effects"), "ketamines-effects");
        assert_eq!(slugify("Ketamine's Effects"), "ketamines-effects");
        assert_eq!(slugify("Don‘t"), "dont");
        assert_eq!(slugify("‘Quoted’ words"), "quoted-words");
    }

    #[test]
    fn folds_diacritics() {
        assert_eq!(slugify("Café Crème"), "cafe-creme");
        assert_eq!(slugify("Ñandú"), "nandu");
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("Œuvre Æon"), "oeuvre-aeon");
        assert_eq!(slugify("Łódź"), "lodz");
    }

    #[test]
    fn other_scripts_are_separators() {
        assert_eq!(slugify("Ketamine 氯胺酮 therapy"), "ketamine-therapy");
        assert_eq!(slugify("Ω"), "");
    }

    #[test]
    fn empty_when_no_letters_or_digits() {
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("?!"), "");
        assert_eq!(slugify(" — "), "");
        assert_eq!(slugify("’’"), "");
    }

    #[test]
    fn is_slug_accepts_only_canonical_slugs() {
        assert!(is_slug("my-id"));
        assert!(is_slug("faq1"));
        assert!(!is_slug(""));
        assert!(!is_slug("My-Id"));
        assert!(!is_slug("-my-id"));
        assert!(!is_slug("my--id"));
        assert!(!is_slug("my_id"));
    }

    #[test]
    fn idempotent() {
        for text in ["Risks vs. Benefits", "Ketamine’s Effects", "Café", "a--b"] {
            let once = slugify(text);
            assert_eq!(slugify(&once), once);
        }
    }
}
