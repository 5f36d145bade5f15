//! Idempotency keys: one per submission, reused for every retry of the same
//! answers, so a backend that honours them never stores a message twice.

/// A random (version 4) UUID from 16 random bytes supplied by the caller.
pub fn key_from_random(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// A short fingerprint of what is sent (FNV-1a, 64 bits, as hex): not a
/// security measure, only a way to notice that the answers changed.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The key for sending answers with `fingerprint`: the previous attempt's
/// key if it sent the same answers (a retry), otherwise a new one.
pub fn key_for(previous: Option<(&str, &str)>, fingerprint: &str, random: [u8; 16]) -> String {
    match previous {
        Some((key, seen)) if seen == fingerprint => key.to_string(),
        _ => key_from_random(random),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_v4_uuids() {
        let key = key_from_random([0xff; 16]);
        assert_eq!(key, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let key = key_from_random([0; 16]);
        assert_eq!(key, "00000000-0000-4000-8000-000000000000");
        assert_ne!(key_from_random([1; 16]), key_from_random([2; 16]));
    }

    #[test]
    fn retries_reuse_the_key_and_changes_get_a_new_one() {
        let first = key_for(None, "aa", [1; 16]);
        assert_eq!(key_for(Some((&first, "aa")), "aa", [2; 16]), first);
        assert_ne!(key_for(Some((&first, "aa")), "bb", [2; 16]), first);
    }

    #[test]
    fn fingerprints_differ_for_different_text() {
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("same"), fingerprint("same"));
    }
}
