//! How insurer names are read as words, shared by the content compiler
//! (which normalises every carrier name and alias of `carriers.toml` once)
//! and the insurance checker (`src/insurance/matcher.rs` normalises what a
//! visitor types), so both always agree on what a name "says".
//!
//! Pure Rust without dependencies: the app compiles it into the browser
//! module too (the crate without its `compiler` feature).

/// The most words a carrier name or alias may have once normalised; the
/// checker matches names word by word and keeps its bookkeeping small.
pub const MAX_NAME_WORDS: usize = 6;

/// `text` as lowercase ASCII words separated by single spaces, leaving out
/// the words of `ignore` (which must be normalised already).
///
/// Letters and digits make words; apostrophes inside a word are dropped
/// ("Cigna's" reads "cignas"); common Latin accents are folded ("Aetná" reads
/// "aetna"); everything else separates words.
pub fn normalise(text: &str, ignore: &[&str]) -> String {
    let mut out = String::with_capacity(text.len().min(128));
    let mut word_start = 0;
    let mut in_word = false;
    let end_word = |out: &mut String, word_start: usize| {
        if ignore.contains(&&out[word_start..]) {
            out.truncate(word_start.saturating_sub(1));
        }
    };
    for c in text.chars() {
        if is_apostrophe(c) {
            continue;
        }
        match fold(c) {
            Some(letter) => {
                if !in_word {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    word_start = out.len();
                    in_word = true;
                }
                out.push(letter);
            }
            None if in_word => {
                in_word = false;
                end_word(&mut out, word_start);
            }
            None => {}
        }
    }
    if in_word {
        end_word(&mut out, word_start);
    }
    out
}

/// Whether `word` is already one normalised word (lowercase ASCII letters
/// and digits), as the ignore list must be.
pub fn is_word(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// The lowercase ASCII letter or digit `c` stands for, if any.
fn fold(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let folded = match c.to_lowercase().next()? {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => return None,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IGNORE: &[&str] = &["insurance", "health", "of", "the"];

    #[test]
    fn lowercases_and_splits_on_anything_but_letters_and_digits() {
        assert_eq!(
            normalise("BlueCross BlueShield", &[]),
            "bluecross blueshield"
        );
        assert_eq!(
            normalise("  Blue-Cross/Blue_Shield!! ", &[]),
            "blue cross blue shield"
        );
        assert_eq!(normalise("B.C.B.S.", &[]), "b c b s");
        assert_eq!(normalise("Plan 2024", &[]), "plan 2024");
    }

    #[test]
    fn drops_apostrophes_and_folds_accents() {
        assert_eq!(normalise("Cigna's", &[]), "cignas");
        assert_eq!(normalise("Cigna\u{2019}s", &[]), "cignas");
        assert_eq!(normalise("AETNÁ Ñ", &[]), "aetna n");
    }

    #[test]
    fn leaves_out_ignored_words_anywhere() {
        assert_eq!(normalise("Magellan Health", IGNORE), "magellan");
        assert_eq!(normalise("Health of the Magellan", IGNORE), "magellan");
        assert_eq!(normalise("BCBS of Texas insurance", IGNORE), "bcbs texas");
        assert_eq!(normalise("health insurance", IGNORE), "");
        // Only whole words: "healthy" is not "health".
        assert_eq!(normalise("healthy ofa", IGNORE), "healthy ofa");
    }

    #[test]
    fn nothing_to_read() {
        for text in ["", "   ", "\u{1f600}\u{1f3e5}", "—…", "<>/()"] {
            assert_eq!(normalise(text, IGNORE), "", "{text:?}");
        }
    }

    #[test]
    fn words_of_the_ignore_list() {
        assert!(is_word("insurance"));
        assert!(is_word("401k"));
        assert!(!is_word(""));
        assert!(!is_word("Health"));
        assert!(!is_word("health plan"));
        assert!(!is_word("ça"));
    }
}
