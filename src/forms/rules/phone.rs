//! US phone numbers as people type them, normalised to E.164 (`+1NXXNXXXXXX`).

/// Why a phone number was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("the number has characters other than digits, spaces, ( ) - . and a leading +")]
    Characters,
    #[error("a US number has 10 digits (or 11 starting with 1)")]
    Length,
    #[error("only US numbers (+1) are accepted")]
    Country,
    #[error("a US area code or exchange cannot start with 0 or 1")]
    NotUs,
}

/// The longest input considered a phone number at all, in characters.
pub const MAX_INPUT: usize = 30;

/// Normalises a US number typed in any common format to E.164:
/// `(949) 763-3440`, `949-763-3440`, `949.763.3440`, `949 763 3440`,
/// `9497633440`, `1 949 763 3440`, `+1 (949) 763-3440`, `+19497633440`.
pub fn normalize_us(input: &str) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    if trimmed.chars().count() > MAX_INPUT {
        return Err(PhoneError::Length);
    }
    let (plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-' | '.'))
    {
        return Err(PhoneError::Characters);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let national = match (plus, digits.len()) {
        (false, 10) => digits.as_str(),
        (_, 11) if digits.starts_with('1') => &digits[1..],
        (true, _) if !digits.starts_with('1') => return Err(PhoneError::Country),
        _ => return Err(PhoneError::Length),
    };
    let bytes = national.as_bytes();
    if matches!(bytes[0], b'0' | b'1') || matches!(bytes[3], b'0' | b'1') {
        return Err(PhoneError::NotUs);
    }
    Ok(format!("+1{national}"))
}

/// `+19497633440` as `(949) 763-3440`; anything else is returned as is.
pub fn display_us(e164: &str) -> String {
    match e164.strip_prefix("+1") {
        Some(n) if n.len() == 10 && n.bytes().all(|b| b.is_ascii_digit()) => {
            format!("({}) {}-{}", &n[..3], &n[3..6], &n[6..])
        }
        _ => e164.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_us_formats_normalise() {
        for input in [
            "(949) 763-3440",
            "949-763-3440",
            "949.763.3440",
            "949 763 3440",
            "9497633440",
            "1 949 763 3440",
            "1-949-763-3440",
            "+1 (949) 763-3440",
            "+19497633440",
            "  949 763 3440  ",
        ] {
            assert_eq!(
                normalize_us(input).as_deref(),
                Ok("+19497633440"),
                "{input}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_us_number() {
        assert_eq!(normalize_us("763-3440"), Err(PhoneError::Length));
        assert_eq!(normalize_us("949 763 34400"), Err(PhoneError::Length));
        assert_eq!(normalize_us("2 949 763 3440"), Err(PhoneError::Length));
        assert_eq!(normalize_us("+44 20 7946 0958"), Err(PhoneError::Country));
        assert_eq!(normalize_us("949-763-34a0"), Err(PhoneError::Characters));
        assert_eq!(
            normalize_us("949 763 3440 ext 2"),
            Err(PhoneError::Characters)
        );
        assert_eq!(normalize_us("📞 949 763 3440"), Err(PhoneError::Characters));
        assert_eq!(normalize_us("+1+9497633440"), Err(PhoneError::Characters));
        assert_eq!(normalize_us("(149) 763-3440"), Err(PhoneError::NotUs));
        assert_eq!(normalize_us("(949) 063-3440"), Err(PhoneError::NotUs));
        assert_eq!(normalize_us(""), Err(PhoneError::Length));
        assert_eq!(
            normalize_us(&"9".repeat(MAX_INPUT + 1)),
            Err(PhoneError::Length)
        );
    }

    #[test]
    fn displays_e164_the_us_way() {
        assert_eq!(display_us("+19497633440"), "(949) 763-3440");
        assert_eq!(display_us("+442079460958"), "+442079460958");
    }
}
