//! Anchors: the chain's head (how many rows, and the last row's hash) written now and
//! then, signed with the audit key, to an append-only file outside the database and to
//! the log. Rows cut from the end of the trail, or a trail rebuilt, no longer match an
//! anchor written before.
//!
//! One anchor is one line of text:
//!
//! ```text
//! samla-audit-anchor v1 at=1767225600 rows=1234 head=<64 hex> keyed-from=1 mac=<64 hex>
//! ```
//!
//! `at` is unix seconds, `rows` the sequence number of the last row (0 for an empty
//! trail, whose head is the genesis hash), `keyed-from` the first row written with the
//! key, and `mac` the HMAC-SHA256 under the audit key of the other four.

use super::key::AuditKey;

const PREFIX: &str = "samla-audit-anchor v1";
const LABEL: &str = "samla-audit-anchor v1";
/// How often a running server writes an anchor besides at start and stop.
pub const ANCHOR_INTERVAL_SECONDS: i64 = 24 * 60 * 60;

/// The chain's head at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub at: i64,
    pub rows: i64,
    pub head: String,
    pub keyed_from: i64,
}

/// An anchor with its signature, as read from or written to the anchors file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedAnchor {
    pub anchor: Anchor,
    pub mac: String,
}

impl Anchor {
    fn fields(&self) -> [String; 4] {
        [self.at.to_string(), self.rows.to_string(), self.head.clone(), self.keyed_from.to_string()]
    }
}

impl SignedAnchor {
    pub fn sign(key: &AuditKey, anchor: Anchor) -> SignedAnchor {
        let mac = key.mac(LABEL, &anchor.fields().each_ref().map(|s| s.as_str()));
        SignedAnchor { anchor, mac }
    }

    pub fn is_signed_by(&self, key: &AuditKey) -> bool {
        key.signed(&self.mac, LABEL, &self.anchor.fields().each_ref().map(|s| s.as_str()))
    }

    /// The line for the anchors file and the log (no newline).
    pub fn line(&self) -> String {
        let a = &self.anchor;
        format!("{PREFIX} at={} rows={} head={} keyed-from={} mac={}", a.at, a.rows, a.head, a.keyed_from, self.mac)
    }

    /// Reads one line as [`SignedAnchor::line`] writes it; `None` for anything else.
    pub fn parse(line: &str) -> Option<SignedAnchor> {
        let rest = line.trim_end_matches(['\n', '\r']).strip_prefix(PREFIX)?.strip_prefix(' ')?;
        let mut parts = rest.split(' ');
        let mut field = |name: &str| parts.next()?.strip_prefix(name)?.strip_prefix('=').map(str::to_string);
        let at = field("at")?.parse().ok()?;
        let rows: i64 = field("rows")?.parse().ok()?;
        let head = field("head")?;
        let keyed_from: i64 = field("keyed-from")?.parse().ok()?;
        let mac = field("mac")?;
        let is_hex = |s: &str| s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if parts.next().is_some() || rows < 0 || keyed_from < 1 || !is_hex(&head) || !is_hex(&mac) {
            return None;
        }
        Some(SignedAnchor { anchor: Anchor { at, rows, head, keyed_from }, mac })
    }
}

/// Whether a running server should write an anchor now, the last one having been
/// written at `last_at`.
pub fn anchor_due(last_at: i64, now: i64) -> bool {
    now.saturating_sub(last_at) >= ANCHOR_INTERVAL_SECONDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Anchor {
        Anchor { at: 1_767_225_600, rows: 1234, head: "ab".repeat(32), keyed_from: 1 }
    }

    #[test]
    fn an_anchor_is_one_line_that_reads_back() {
        let key = AuditKey::generate();
        let signed = SignedAnchor::sign(&key, anchor());
        let line = signed.line();
        assert!(!line.contains('\n'));
        assert!(
            line.starts_with(&format!(
                "samla-audit-anchor v1 at=1767225600 rows=1234 head={} keyed-from=1 mac=",
                "ab".repeat(32)
            )),
            "{line}"
        );
        assert_eq!(SignedAnchor::parse(&line), Some(signed.clone()));
        assert_eq!(SignedAnchor::parse(&format!("{line}\r\n")), Some(signed.clone()));
        assert!(signed.is_signed_by(&key));
        assert!(!signed.is_signed_by(&AuditKey::generate()));
    }

    #[test]
    fn a_changed_anchor_is_no_longer_signed() {
        let key = AuditKey::generate();
        let line = SignedAnchor::sign(&key, anchor()).line();
        let fewer = SignedAnchor::parse(&line.replace("rows=1234", "rows=1200")).unwrap();
        assert!(!fewer.is_signed_by(&key));
        let later = SignedAnchor::parse(&line.replace("keyed-from=1", "keyed-from=2")).unwrap();
        assert!(!later.is_signed_by(&key));
    }

    #[test]
    fn other_lines_are_not_anchors() {
        let line = SignedAnchor::sign(&AuditKey::generate(), anchor()).line();
        for bad in [
            String::new(),
            "hello".to_string(),
            line.replace("v1", "v2"),
            line.replace("rows=1234", "rows=-1"),
            line.replace("rows=1234", "rows=x"),
            line.replace("keyed-from=1", "keyed-from=0"),
            line.replace(&"ab".repeat(32), &"AB".repeat(32)),
            line.replace(" at=", " when="),
            format!("{line} extra=1"),
            line[..line.len() - 1].to_string(),
        ] {
            assert_eq!(SignedAnchor::parse(&bad), None, "{bad}");
        }
    }

    #[test]
    fn a_server_anchors_once_a_day() {
        assert!(!anchor_due(1000, 1000));
        assert!(!anchor_due(1000, 1000 + 24 * 3600 - 1));
        assert!(anchor_due(1000, 1000 + 24 * 3600));
        assert!(anchor_due(i64::MIN, i64::MAX));
    }
}
