//! Anchors: the head of every chain of the trail (how many rows, and the last row's
//! hash) written now and then, signed with the audit key, to an append-only file outside
//! the database and to the log. Rows cut from the end of a chain, or a chain rebuilt, no
//! longer match an anchor written before.
//!
//! One anchor is one line of text:
//!
//! ```text
//! samla-audit-anchor v2 at=1767225600 keyed-from=1 rows=1234 chains=-1:4:<64 hex>,0:9:<64 hex>,7:1221:<64 hex> mac=<64 hex>
//! ```
//!
//! `at` is unix seconds, `keyed-from` the first row written with the key, `rows` the
//! rows of all chains together, and `chains` each chain as `chain:rows:head`: chain -1
//! is the single chain samla kept before chains per organisation (its rows counted by
//! sequence number, the genesis hash when empty), 0 the rows without an organisation, any
//! other the organisation's id. `mac` is the HMAC-SHA256 under the audit key of the rest.
//!
//! Lines of the first form (`samla-audit-anchor v1 … rows=… head=…`), written while
//! there was one chain, are still read: they anchor chain -1.

use super::key::AuditKey;
use super::GENESIS_HASH;

const PREFIX_V1: &str = "samla-audit-anchor v1";
const PREFIX_V2: &str = "samla-audit-anchor v2";
/// How often a running server writes an anchor besides at start and stop.
pub const ANCHOR_INTERVAL_SECONDS: i64 = 24 * 60 * 60;
/// The chain of rows written before chains per organisation.
pub const SINGLE_CHAIN: i64 = -1;

/// One chain's head at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHead {
    pub chain: i64,
    pub rows: i64,
    pub head: String,
}

/// The trail's heads at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub at: i64,
    pub keyed_from: i64,
    /// Ordered by chain, each chain once.
    pub chains: Vec<ChainHead>,
}

impl Anchor {
    /// The rows of all chains together.
    pub fn rows(&self) -> i64 {
        self.chains.iter().map(|c| c.rows).sum()
    }

    fn chains_text(&self) -> String {
        let heads: Vec<String> = self.chains.iter().map(|c| format!("{}:{}:{}", c.chain, c.rows, c.head)).collect();
        heads.join(",")
    }
}

/// How an anchor was written: with one chain (v1, read only) or with every chain (v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Single,
    Chains,
}

/// An anchor with its signature, as read from or written to the anchors file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedAnchor {
    pub anchor: Anchor,
    pub mac: String,
    form: Form,
}

fn is_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl SignedAnchor {
    pub fn sign(key: &AuditKey, anchor: Anchor) -> SignedAnchor {
        let mac = key.mac(PREFIX_V2, &Self::fields_v2(&anchor).each_ref().map(|s| s.as_str()));
        SignedAnchor { anchor, mac, form: Form::Chains }
    }

    /// An anchor of the single chain as samla wrote them before chains per organisation.
    pub fn sign_single_chain(key: &AuditKey, at: i64, rows: i64, head: &str, keyed_from: i64) -> SignedAnchor {
        let anchor =
            Anchor { at, keyed_from, chains: vec![ChainHead { chain: SINGLE_CHAIN, rows, head: head.into() }] };
        let mac = key.mac(PREFIX_V1, &Self::fields_v1(&anchor).each_ref().map(|s| s.as_str()));
        SignedAnchor { anchor, mac, form: Form::Single }
    }

    fn fields_v1(anchor: &Anchor) -> [String; 4] {
        let (rows, head) = anchor.chains.first().map_or((0, GENESIS_HASH), |c| (c.rows, c.head.as_str()));
        [anchor.at.to_string(), rows.to_string(), head.to_string(), anchor.keyed_from.to_string()]
    }

    fn fields_v2(anchor: &Anchor) -> [String; 3] {
        [anchor.at.to_string(), anchor.keyed_from.to_string(), anchor.chains_text()]
    }

    pub fn is_signed_by(&self, key: &AuditKey) -> bool {
        match self.form {
            Form::Single => {
                key.signed(&self.mac, PREFIX_V1, &Self::fields_v1(&self.anchor).each_ref().map(|s| s.as_str()))
            }
            Form::Chains => {
                key.signed(&self.mac, PREFIX_V2, &Self::fields_v2(&self.anchor).each_ref().map(|s| s.as_str()))
            }
        }
    }

    /// The line for the anchors file and the log (no newline).
    pub fn line(&self) -> String {
        let a = &self.anchor;
        match self.form {
            Form::Single => {
                let [at, rows, head, keyed_from] = Self::fields_v1(a);
                format!("{PREFIX_V1} at={at} rows={rows} head={head} keyed-from={keyed_from} mac={}", self.mac)
            }
            Form::Chains => format!(
                "{PREFIX_V2} at={} keyed-from={} rows={} chains={} mac={}",
                a.at,
                a.keyed_from,
                a.rows(),
                a.chains_text(),
                self.mac
            ),
        }
    }

    /// Reads one line as [`SignedAnchor::line`] writes it; `None` for anything else.
    pub fn parse(line: &str) -> Option<SignedAnchor> {
        let line = line.trim_end_matches(['\n', '\r']);
        if let Some(rest) = line.strip_prefix(PREFIX_V1) {
            return Self::parse_v1(rest.strip_prefix(' ')?);
        }
        Self::parse_v2(line.strip_prefix(PREFIX_V2)?.strip_prefix(' ')?)
    }

    fn parse_v1(rest: &str) -> Option<SignedAnchor> {
        let mut parts = rest.split(' ');
        let mut field = |name: &str| parts.next()?.strip_prefix(name)?.strip_prefix('=').map(str::to_string);
        let at = field("at")?.parse().ok()?;
        let rows: i64 = field("rows")?.parse().ok()?;
        let head = field("head")?;
        let keyed_from: i64 = field("keyed-from")?.parse().ok()?;
        let mac = field("mac")?;
        if parts.next().is_some() || rows < 0 || keyed_from < 1 || !is_hex(&head) || !is_hex(&mac) {
            return None;
        }
        let chains = vec![ChainHead { chain: SINGLE_CHAIN, rows, head }];
        Some(SignedAnchor { anchor: Anchor { at, keyed_from, chains }, mac, form: Form::Single })
    }

    fn parse_v2(rest: &str) -> Option<SignedAnchor> {
        let mut parts = rest.split(' ');
        let mut field = |name: &str| parts.next()?.strip_prefix(name)?.strip_prefix('=').map(str::to_string);
        let at = field("at")?.parse().ok()?;
        let keyed_from: i64 = field("keyed-from")?.parse().ok()?;
        let rows: i64 = field("rows")?.parse().ok()?;
        let chains_text = field("chains")?;
        let mac = field("mac")?;
        if parts.next().is_some() || keyed_from < 1 || !is_hex(&mac) {
            return None;
        }
        let mut chains: Vec<ChainHead> = Vec::new();
        for entry in chains_text.split(',').filter(|e| !e.is_empty()) {
            let mut bits = entry.split(':');
            let chain: i64 = bits.next()?.parse().ok()?;
            let count: i64 = bits.next()?.parse().ok()?;
            let head = bits.next()?.to_string();
            let in_order = chains.last().is_none_or(|last| last.chain < chain);
            if bits.next().is_some() || chain < SINGLE_CHAIN || count < 0 || !is_hex(&head) || !in_order {
                return None;
            }
            chains.push(ChainHead { chain, rows: count, head });
        }
        let anchor = Anchor { at, keyed_from, chains };
        (anchor.rows() == rows).then_some(SignedAnchor { anchor, mac, form: Form::Chains })
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
        Anchor {
            at: 1_767_225_600,
            keyed_from: 1,
            chains: vec![
                ChainHead { chain: SINGLE_CHAIN, rows: 4, head: "cd".repeat(32) },
                ChainHead { chain: 0, rows: 30, head: "ef".repeat(32) },
                ChainHead { chain: 7, rows: 1200, head: "ab".repeat(32) },
            ],
        }
    }

    #[test]
    fn an_anchor_is_one_line_that_reads_back() {
        let key = AuditKey::generate();
        let signed = SignedAnchor::sign(&key, anchor());
        let line = signed.line();
        assert!(!line.contains('\n'));
        let chains = format!("-1:4:{},0:30:{},7:1200:{}", "cd".repeat(32), "ef".repeat(32), "ab".repeat(32));
        let start = format!("samla-audit-anchor v2 at=1767225600 keyed-from=1 rows=1234 chains={chains} mac=");
        assert!(line.starts_with(&start), "{line}");
        assert_eq!(SignedAnchor::parse(&line), Some(signed.clone()));
        assert_eq!(SignedAnchor::parse(&format!("{line}\r\n")), Some(signed.clone()));
        assert!(signed.is_signed_by(&key));
        assert!(!signed.is_signed_by(&AuditKey::generate()));
        let empty = SignedAnchor::sign(&key, Anchor { at: 1, keyed_from: 1, chains: vec![] });
        assert_eq!(SignedAnchor::parse(&empty.line()), Some(empty.clone()), "{}", empty.line());
    }

    #[test]
    fn anchors_of_the_single_chain_are_still_read_and_checked() {
        let key = AuditKey::generate();
        let old = SignedAnchor::sign_single_chain(&key, 1_767_225_600, 1234, &"ab".repeat(32), 1);
        let line = old.line();
        assert!(
            line.starts_with(&format!(
                "samla-audit-anchor v1 at=1767225600 rows=1234 head={} keyed-from=1 mac=",
                "ab".repeat(32)
            )),
            "{line}"
        );
        let read = SignedAnchor::parse(&line).expect("a v1 line");
        assert!(read.is_signed_by(&key));
        assert_eq!(read.anchor.chains, vec![ChainHead { chain: SINGLE_CHAIN, rows: 1234, head: "ab".repeat(32) }]);
        let fewer = SignedAnchor::parse(&line.replace("rows=1234", "rows=1200")).unwrap();
        assert!(!fewer.is_signed_by(&key));
    }

    #[test]
    fn a_changed_anchor_is_no_longer_signed() {
        let key = AuditKey::generate();
        let line = SignedAnchor::sign(&key, anchor()).line();
        let fewer = SignedAnchor::parse(&line.replace("rows=1234", "rows=1230").replace(":1200:", ":1196:")).unwrap();
        assert!(!fewer.is_signed_by(&key));
        let later = SignedAnchor::parse(&line.replace("keyed-from=1", "keyed-from=2")).unwrap();
        assert!(!later.is_signed_by(&key));
        let dropped = line.replace(&format!(",7:1200:{}", "ab".repeat(32)), "").replace("rows=1234", "rows=34");
        assert!(!SignedAnchor::parse(&dropped).unwrap().is_signed_by(&key), "a chain left out");
    }

    #[test]
    fn other_lines_are_not_anchors() {
        let line = SignedAnchor::sign(&AuditKey::generate(), anchor()).line();
        for bad in [
            String::new(),
            "hello".to_string(),
            line.replace("v2", "v3"),
            line.replace("rows=1234", "rows=1235"),
            line.replace("rows=1234", "rows=x"),
            line.replace(":1200:", ":-1:"),
            line.replace("0:30:", "9:30:"),
            line.replace("-1:4:", "-2:4:"),
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
