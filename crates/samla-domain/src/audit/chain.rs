//! The chains: each row's hash covers the row and the hash of the row before it in its
//! chain. Every organisation has a chain of its own (rows without an organisation share
//! chain 0), so writers of different organisations never wait for each other; each
//! chain's first row links to the last row of the single chain samla kept before, and
//! anchors record every chain's head.
//!
//! Rows are hashed with HMAC-SHA256 under the [`AuditKey`], so rows that were edited,
//! and every hash after them recomputed, still do not verify without the key. Databases
//! from before the key have rows hashed with plain SHA-256; they keep their hashes, and
//! the [`ChainSeal`] written (with the key) when the key was introduced pins the last of
//! them, so they cannot be rewritten unnoticed after that day either.

use super::anchor::{Anchor, SignedAnchor, SINGLE_CHAIN};
use super::key::AuditKey;
use super::{AuditEntry, AuditEvent, Outcome};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// The hash before the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const ROW_LABEL: &str = "samla-audit-row v2";
const CHAINED_ROW_LABEL: &str = "samla-audit-row v3";
const SEAL_LABEL: &str = "samla-audit-seal v1";

/// Every field of a row in a fixed order, the previous hash first.
fn row_fields(prev_hash: &str, seq: i64, at: i64, event: &AuditEvent) -> [String; 11] {
    let opt_i = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    [
        prev_hash.to_string(),
        seq.to_string(),
        at.to_string(),
        opt_i(event.actor_user_id),
        event.actor_role.clone().unwrap_or_default(),
        opt_i(event.organisation_id),
        event.action.clone(),
        event.record_type.clone().unwrap_or_default(),
        event.record_id.clone().unwrap_or_default(),
        event.outcome.as_str().to_string(),
        event.request_id.clone().unwrap_or_default(),
    ]
}

/// The hash of a row written with the audit key: HMAC-SHA256 over the previous hash and
/// every field, each length-prefixed so no two different rows serialise alike.
pub fn keyed_hash(key: &AuditKey, prev_hash: &str, seq: i64, at: i64, event: &AuditEvent) -> String {
    let fields = row_fields(prev_hash, seq, at, event);
    let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
    key.mac(ROW_LABEL, &fields)
}

/// The chain an event's row belongs to: its organisation's, or 0 without one.
pub fn chain_of(event: &AuditEvent) -> i64 {
    event.organisation_id.unwrap_or(0)
}

/// Where a row stands: its chain, its number within the chain (from 1), and its sequence
/// number in the whole trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub chain: i64,
    pub chain_seq: i64,
    pub seq: i64,
}

/// The hash of a row in its organisation's chain: HMAC-SHA256 over the previous hash in
/// that chain, the row's place ([`Link`]) and every field.
pub fn chained_hash(key: &AuditKey, prev_hash: &str, link: Link, at: i64, event: &AuditEvent) -> String {
    let mut fields = row_fields(prev_hash, link.seq, at, event).to_vec();
    fields.splice(1..1, [link.chain.to_string(), link.chain_seq.to_string()]);
    let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
    key.mac(CHAINED_ROW_LABEL, &fields)
}

/// The hash of a row written before samla had an audit key: SHA-256 over the same
/// length-prefixed fields, without a key. Only verified, never written any more.
pub fn plain_hash(prev_hash: &str, seq: i64, at: i64, event: &AuditEvent) -> String {
    let mut hasher = Sha256::new();
    for value in row_fields(prev_hash, seq, at, event) {
        hasher.update((value.len() as u64).to_be_bytes());
        hasher.update(value.as_bytes());
    }
    data_encoding::HEXLOWER.encode(&hasher.finalize())
}

/// Written once per database, with the key, when the key is introduced: from which row
/// on rows are keyed, and the hash of the last row before it (the genesis hash when
/// there was none). A key that cannot verify the seal is not this database's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainSeal {
    pub keyed_from_seq: i64,
    pub legacy_head: String,
    pub sealed_at: i64,
    pub mac: String,
}

impl ChainSeal {
    pub fn new(key: &AuditKey, keyed_from_seq: i64, legacy_head: &str, sealed_at: i64) -> ChainSeal {
        let mac =
            key.mac(SEAL_LABEL, &Self::fields(keyed_from_seq, legacy_head, sealed_at).each_ref().map(|s| s.as_str()));
        ChainSeal { keyed_from_seq, legacy_head: legacy_head.to_string(), sealed_at, mac }
    }

    fn fields(keyed_from_seq: i64, legacy_head: &str, sealed_at: i64) -> [String; 3] {
        [keyed_from_seq.to_string(), legacy_head.to_string(), sealed_at.to_string()]
    }

    /// Whether `key` wrote this seal (and nothing in it changed since).
    pub fn is_signed_by(&self, key: &AuditKey) -> bool {
        let fields = Self::fields(self.keyed_from_seq, &self.legacy_head, self.sealed_at);
        key.signed(&self.mac, SEAL_LABEL, &fields.each_ref().map(|s| s.as_str()))
    }

    /// How many rows were written before the key.
    pub fn legacy_rows(&self) -> i64 {
        self.keyed_from_seq - 1
    }
}

/// The first place where the stored trail does not hold, or why it cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// A sequence number is missing from the single chain: a row was removed.
    Gap { expected_seq: i64, found_seq: i64 },
    /// A row is missing from an organisation's chain: the row `seq` is the chain's
    /// `found`th where its `expected`th was due.
    ChainGap { chain: i64, expected: i64, found: i64, seq: i64 },
    /// A row's content or link does not match its hash: it was edited, or written
    /// without the audit key.
    Mismatch { seq: i64 },
    /// The rows from before the key differ from what the seal pinned.
    LegacyRewritten { last_legacy_seq: i64 },
    /// The row an anchor names has another hash than the anchor recorded.
    AnchorMismatch { seq: i64, anchored_at: i64 },
    /// Rows an anchor saw are gone from the end of a chain (`rows` of the chain are left).
    Truncated { chain: i64, rows: i64, anchored_rows: i64, anchored_at: i64 },
    /// The seal is not signed by this key: another database's key, or an edited seal.
    SealBroken,
    /// There are rows but no seal: it was removed.
    SealMissing,
    /// A line of the anchors file is not an anchor.
    AnchorUnreadable { line: usize },
    /// An anchor is not signed by this key.
    AnchorForged { line: usize },
    /// An anchor records another first keyed row than the seal: the seal was replaced.
    AnchorDisagrees { line: usize, anchored_keyed_from: i64, sealed_keyed_from: i64 },
}

/// A chain for messages.
fn chain_name(chain: i64) -> String {
    match chain {
        0 => "the chain of rows without an organisation".into(),
        SINGLE_CHAIN => "the single chain of older rows".into(),
        organisation => format!("organisation {organisation}'s chain"),
    }
}

/// A time for messages: `2026-12-01 12:00:00 UTC`.
pub fn utc_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| unix.to_string())
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::Gap { expected_seq, found_seq } => {
                write!(f, "row {expected_seq} is missing (the next row is {found_seq}): rows were removed")
            }
            ChainBreak::Mismatch { seq } => {
                write!(f, "row {seq} does not match its hash: it was edited, or written without this audit key")
            }
            ChainBreak::LegacyRewritten { last_legacy_seq } => write!(
                f,
                "rows 1 to {last_legacy_seq}, written before the audit key, are not what was sealed when the key \
                 was introduced: one of them was edited"
            ),
            ChainBreak::AnchorMismatch { seq, anchored_at } => {
                write!(f, "row {seq} is not the row anchored at {}: the trail was rewritten", utc_time(*anchored_at))
            }
            ChainBreak::ChainGap { chain, expected, found, seq } => write!(
                f,
                "row {seq} is row {found} of {}, where row {expected} was due: rows were removed",
                chain_name(*chain)
            ),
            ChainBreak::Truncated { chain: SINGLE_CHAIN, rows, anchored_rows, anchored_at } => write!(
                f,
                "rows were cut from the end: the anchor of {} covers {anchored_rows} rows, the database has {rows}",
                utc_time(*anchored_at)
            ),
            ChainBreak::Truncated { chain, rows, anchored_rows, anchored_at } => write!(
                f,
                "rows were cut from the end of {}: the anchor of {} covers {anchored_rows} of its rows, the \
                 database has {rows}",
                chain_name(*chain),
                utc_time(*anchored_at)
            ),
            ChainBreak::SealBroken => f.write_str(
                "the trail's seal is not signed with this audit key: the key is not this database's, or the seal \
                 was edited",
            ),
            ChainBreak::SealMissing => {
                f.write_str("the database has audit rows but no seal of the audit key: the seal was removed")
            }
            ChainBreak::AnchorUnreadable { line } => write!(f, "line {line} of the anchors file is not an anchor"),
            ChainBreak::AnchorForged { line } => {
                write!(f, "the anchor on line {line} is not signed with this audit key")
            }
            ChainBreak::AnchorDisagrees { line, anchored_keyed_from, sealed_keyed_from } => write!(
                f,
                "the anchor on line {line} records the key from row {anchored_keyed_from}, the database's seal \
                 from row {sealed_keyed_from}: the seal was replaced"
            ),
        }
    }
}

/// What a successful check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedChain {
    pub rows: i64,
    /// Rows written before the key (covered by the seal).
    pub legacy_rows: i64,
    /// The anchor covering the most rows, if any.
    pub last_anchor: Option<Anchor>,
    pub anchors: usize,
}

impl VerifiedChain {
    /// Rows written after the last anchor (all of them without one).
    pub fn unanchored_rows(&self) -> i64 {
        self.rows - self.last_anchor.as_ref().map_or(0, Anchor::rows)
    }
}

/// A chain's state while checking: rows seen and the last one's hash.
#[derive(Debug, Clone)]
struct Position {
    rows: i64,
    head: String,
}

/// Checks the trail one row at a time, in sequence order, so a caller can stream rows
/// from the database instead of loading them all: first the single chain of rows written
/// before chains per organisation, then every organisation's chain, interleaved.
pub struct ChainVerifier<'k> {
    key: &'k AuditKey,
    seal: Option<ChainSeal>,
    /// Verified anchors, by the rows they cover.
    anchors: Vec<Anchor>,
    /// The heads anchors recorded, by (chain, rows): (head, anchored at).
    anchored: HashMap<(i64, i64), Vec<(String, i64)>>,
    single: Position,
    chains: BTreeMap<i64, Position>,
}

impl<'k> ChainVerifier<'k> {
    /// Checks the seal and the anchors (each `(line number, anchor)`) against the key.
    pub fn new(
        key: &'k AuditKey,
        seal: Option<ChainSeal>,
        anchors: Vec<(usize, SignedAnchor)>,
    ) -> Result<ChainVerifier<'k>, ChainBreak> {
        if seal.as_ref().is_some_and(|seal| !seal.is_signed_by(key)) {
            return Err(ChainBreak::SealBroken);
        }
        let sealed_keyed_from = seal.as_ref().map_or(1, |s| s.keyed_from_seq);
        let mut verified = Vec::with_capacity(anchors.len());
        let mut anchored: HashMap<(i64, i64), Vec<(String, i64)>> = HashMap::new();
        for (line, signed) in anchors {
            if !signed.is_signed_by(key) {
                return Err(ChainBreak::AnchorForged { line });
            }
            let anchor = signed.anchor;
            if anchor.keyed_from != sealed_keyed_from {
                return Err(ChainBreak::AnchorDisagrees {
                    line,
                    anchored_keyed_from: anchor.keyed_from,
                    sealed_keyed_from,
                });
            }
            for head in &anchor.chains {
                if head.rows == 0 {
                    if head.chain == SINGLE_CHAIN && head.head != GENESIS_HASH {
                        return Err(ChainBreak::AnchorMismatch { seq: 0, anchored_at: anchor.at });
                    }
                    continue;
                }
                anchored.entry((head.chain, head.rows)).or_default().push((head.head.clone(), anchor.at));
            }
            verified.push(anchor);
        }
        verified.sort_by_key(|a| (a.rows(), a.at));
        let start = Position { rows: 0, head: GENESIS_HASH.to_string() };
        Ok(ChainVerifier { key, seal, anchors: verified, anchored, single: start, chains: BTreeMap::new() })
    }

    /// Checks the next row.
    pub fn push(&mut self, row: &AuditEntry) -> Result<(), ChainBreak> {
        let Some(seal) = &self.seal else {
            return Err(ChainBreak::SealMissing);
        };
        let mismatch = ChainBreak::Mismatch { seq: row.seq };
        let event = event_of(row).ok_or(mismatch.clone())?;
        let (chain, position, expected) = match (row.chain, row.chain_seq) {
            (None, None) => {
                // Rows of the single chain come before any chain per organisation.
                if !self.chains.is_empty() {
                    return Err(mismatch);
                }
                let position = &mut self.single;
                if row.seq != position.rows + 1 {
                    return Err(ChainBreak::Gap { expected_seq: position.rows + 1, found_seq: row.seq });
                }
                let expected = if row.seq < seal.keyed_from_seq {
                    plain_hash(&position.head, row.seq, row.at, &event)
                } else {
                    keyed_hash(self.key, &position.head, row.seq, row.at, &event)
                };
                (SINGLE_CHAIN, position, expected)
            }
            (Some(chain), Some(chain_seq)) => {
                if chain != chain_of(&event) || row.seq < seal.keyed_from_seq {
                    return Err(mismatch);
                }
                let single_head = &self.single.head;
                let position =
                    self.chains.entry(chain).or_insert_with(|| Position { rows: 0, head: single_head.clone() });
                if chain_seq != position.rows + 1 {
                    return Err(ChainBreak::ChainGap {
                        chain,
                        expected: position.rows + 1,
                        found: chain_seq,
                        seq: row.seq,
                    });
                }
                let link = Link { chain, chain_seq, seq: row.seq };
                let expected = chained_hash(self.key, &position.head, link, row.at, &event);
                (chain, position, expected)
            }
            _ => return Err(mismatch),
        };
        if row.prev_hash != position.head || row.hash != expected {
            return Err(mismatch);
        }
        if chain == SINGLE_CHAIN && row.seq == seal.legacy_rows() && row.hash != seal.legacy_head {
            return Err(ChainBreak::LegacyRewritten { last_legacy_seq: row.seq });
        }
        position.rows += 1;
        position.head = row.hash.clone();
        if let Some(heads) = self.anchored.get(&(chain, position.rows)) {
            if let Some((_, anchored_at)) = heads.iter().find(|(head, _)| *head != row.hash) {
                return Err(ChainBreak::AnchorMismatch { seq: row.seq, anchored_at: *anchored_at });
            }
        }
        Ok(())
    }

    /// After the last row: were rows cut from the end of any chain?
    pub fn finish(self) -> Result<VerifiedChain, ChainBreak> {
        let rows_of = |chain: i64| match chain {
            SINGLE_CHAIN => self.single.rows,
            chain => self.chains.get(&chain).map_or(0, |p| p.rows),
        };
        for anchor in self.anchors.iter().rev() {
            if let Some(cut) = anchor.chains.iter().find(|head| head.rows > rows_of(head.chain)) {
                return Err(ChainBreak::Truncated {
                    chain: cut.chain,
                    rows: rows_of(cut.chain),
                    anchored_rows: cut.rows,
                    anchored_at: anchor.at,
                });
            }
        }
        let legacy_rows = self.seal.as_ref().map_or(0, ChainSeal::legacy_rows);
        if self.single.rows < legacy_rows {
            // The seal saw more rows than there are; no anchor may have been written since.
            let sealed_at = self.seal.as_ref().map_or(0, |s| s.sealed_at);
            return Err(ChainBreak::Truncated {
                chain: SINGLE_CHAIN,
                rows: self.single.rows,
                anchored_rows: legacy_rows,
                anchored_at: sealed_at,
            });
        }
        let rows = self.single.rows + self.chains.values().map(|p| p.rows).sum::<i64>();
        let anchors = self.anchors.len();
        Ok(VerifiedChain { rows, legacy_rows, last_anchor: self.anchors.into_iter().last(), anchors })
    }
}

/// The event a stored row records; `None` for an outcome samla never writes.
fn event_of(row: &AuditEntry) -> Option<AuditEvent> {
    Some(AuditEvent {
        actor_user_id: row.actor_user_id,
        actor_role: row.actor_role.clone(),
        organisation_id: row.organisation_id,
        action: row.action.clone(),
        record_type: row.record_type.clone(),
        record_id: row.record_id.clone(),
        outcome: Outcome::parse(&row.outcome)?,
        request_id: row.request_id.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::ChainHead;

    fn key() -> AuditKey {
        AuditKey::from_hex(&"5a".repeat(32)).unwrap()
    }

    /// A trail of `n` rows whose first `legacy` rows were hashed without a key, as an
    /// older samla wrote them; with the seal written when the key came.
    fn trail(key: &AuditKey, n: i64, legacy: i64) -> (Vec<AuditEntry>, ChainSeal) {
        let mut prev = GENESIS_HASH.to_string();
        let mut seal = ChainSeal::new(key, 1, GENESIS_HASH, 900);
        let mut rows = Vec::new();
        for seq in 1..=n {
            if seq == legacy + 1 {
                seal = ChainSeal::new(key, seq, &prev, 900 + seq);
            }
            let event = AuditEvent::new("login", Outcome::Success).record("user", seq);
            let hash = if seq <= legacy {
                plain_hash(&prev, seq, 1000 + seq, &event)
            } else {
                keyed_hash(key, &prev, seq, 1000 + seq, &event)
            };
            rows.push(entry(seq, &event, &prev, &hash));
            prev = hash;
        }
        if legacy >= n {
            seal = ChainSeal::new(key, n + 1, &prev, 900 + n);
        }
        (rows, seal)
    }

    fn entry(seq: i64, event: &AuditEvent, prev: &str, hash: &str) -> AuditEntry {
        AuditEntry {
            seq,
            at: 1000 + seq,
            actor_user_id: event.actor_user_id,
            actor_role: event.actor_role.clone(),
            organisation_id: event.organisation_id,
            action: event.action.clone(),
            record_type: event.record_type.clone(),
            record_id: event.record_id.clone(),
            outcome: event.outcome.as_str().into(),
            request_id: event.request_id.clone(),
            chain: None,
            chain_seq: None,
            prev_hash: prev.to_string(),
            hash: hash.to_string(),
        }
    }

    /// An anchor of the single chain's first `upto` rows, as samla wrote them before
    /// chains per organisation.
    fn anchor_of(key: &AuditKey, rows: &[AuditEntry], upto: usize, keyed_from: i64) -> SignedAnchor {
        let head = if upto == 0 { GENESIS_HASH.to_string() } else { rows[upto - 1].hash.clone() };
        SignedAnchor::sign_single_chain(key, 5000 + upto as i64, upto as i64, &head, keyed_from)
    }

    /// The organisations whose rows [`chained`] writes, in turn.
    const WRITERS: [Option<i64>; 7] = [Some(3), Some(7), None, Some(3), Some(3), Some(7), Some(3)];

    /// `single` rows of the single chain (keyed), then a row for each of [`WRITERS`] in
    /// the chain of its organisation, with sequence numbers that leave gaps as
    /// PostgreSQL's sequence may.
    fn chained(key: &AuditKey, single: i64) -> (Vec<AuditEntry>, ChainSeal) {
        let (mut rows, seal) = trail(key, single, 0);
        let single_head = rows.last().map_or(GENESIS_HASH.to_string(), |r| r.hash.clone());
        let mut heads: BTreeMap<i64, (i64, String)> = BTreeMap::new();
        for (i, organisation) in WRITERS.iter().enumerate() {
            let mut event = AuditEvent::new("course.view", Outcome::Success).record("course", i);
            event.organisation_id = *organisation;
            let seq = single + 1 + 2 * i as i64;
            let (count, prev) = heads.entry(chain_of(&event)).or_insert((0, single_head.clone()));
            *count += 1;
            let link = Link { chain: chain_of(&event), chain_seq: *count, seq };
            let hash = chained_hash(key, prev, link, 1000 + seq, &event);
            let mut row = entry(seq, &event, prev, &hash);
            (row.chain, row.chain_seq) = (Some(link.chain), Some(link.chain_seq));
            *prev = hash;
            rows.push(row);
        }
        (rows, seal)
    }

    /// An anchor of every chain in `rows` (the single chain and those of organisations).
    fn anchor_of_chains(key: &AuditKey, rows: &[AuditEntry], at: i64) -> SignedAnchor {
        let mut heads: BTreeMap<i64, ChainHead> = BTreeMap::new();
        for row in rows {
            let chain = row.chain.unwrap_or(SINGLE_CHAIN);
            let head = heads.entry(chain).or_insert(ChainHead { chain, rows: 0, head: String::new() });
            head.rows += 1;
            head.head = row.hash.clone();
        }
        SignedAnchor::sign(key, Anchor { at, keyed_from: 1, chains: heads.into_values().collect() })
    }

    /// Recomputes the hashes of `chain` from its row at `from` on, as someone with
    /// database access and a key would after editing that row.
    fn rehash_chain(key: &AuditKey, rows: &mut [AuditEntry], from: usize) {
        let chain = rows[from].chain;
        let mut prev = rows[from].prev_hash.clone();
        for row in rows.iter_mut().skip(from).filter(|r| r.chain == chain) {
            let link = Link { chain: row.chain.unwrap(), chain_seq: row.chain_seq.unwrap(), seq: row.seq };
            row.prev_hash = prev.clone();
            row.hash = chained_hash(key, &prev, link, row.at, &event_of(row).unwrap());
            prev = row.hash.clone();
        }
    }

    #[test]
    fn chains_per_organisation_verify_after_the_single_chain_with_their_anchors() {
        let key = key();
        let (rows, seal) = chained(&key, 3);
        let anchors = vec![anchor_of(&key, &rows, 3, 1), anchor_of_chains(&key, &rows[..8], 6000)];
        let verified = verify(&key, &rows, Some(seal.clone()), anchors).unwrap();
        assert_eq!((verified.rows, verified.anchors, verified.unanchored_rows()), (10, 2, 2));
        // A database that never had a single chain: every chain starts from the genesis hash.
        let (rows, seal) = chained(&key, 0);
        assert_eq!(rows[0].prev_hash, GENESIS_HASH);
        let anchors = vec![anchor_of_chains(&key, &rows, 6000)];
        assert_eq!(verify(&key, &rows, Some(seal), anchors).unwrap().rows, 7);
    }

    #[test]
    fn an_edit_in_one_chain_is_found_at_its_row_even_rehashed_with_the_key_up_to_an_anchor() {
        let key = key();
        let (mut rows, seal) = chained(&key, 2);
        let anchors = vec![anchor_of_chains(&key, &rows, 6000)];
        // Organisation 3's second row (seq 9), its chain rehashed with another key.
        let wrong = AuditKey::generate();
        rows[5].record_id = Some("99".into());
        rehash_chain(&wrong, &mut rows, 5);
        assert_eq!(verify(&key, &rows, Some(seal.clone()), vec![]), Err(ChainBreak::Mismatch { seq: 9 }));
        // With the key itself: only the anchor, which saw the chain's head, tells.
        let (mut rows, _) = chained(&key, 2);
        rows[5].record_id = Some("99".into());
        rehash_chain(&key, &mut rows, 5);
        assert_eq!(
            verify(&key, &rows, Some(seal), anchors),
            Err(ChainBreak::AnchorMismatch { seq: 15, anchored_at: 6000 })
        );
    }

    #[test]
    fn a_row_removed_from_a_chain_or_moved_to_another_is_found() {
        let key = key();
        let (rows, seal) = chained(&key, 2);
        let mut removed = rows.clone();
        removed.remove(5);
        assert_eq!(
            verify(&key, &removed, Some(seal.clone()), vec![]),
            Err(ChainBreak::ChainGap { chain: 3, expected: 2, found: 3, seq: 11 })
        );
        let mut moved = rows.clone();
        moved[3].chain = Some(3);
        assert_eq!(verify(&key, &moved, Some(seal.clone()), vec![]), Err(ChainBreak::Mismatch { seq: 5 }));
        // A row in the single chain's form after the chains began.
        let mut late = rows.clone();
        (late[6].chain, late[6].chain_seq) = (None, None);
        assert_eq!(verify(&key, &late, Some(seal), vec![]), Err(ChainBreak::Mismatch { seq: 11 }));
    }

    #[test]
    fn the_single_chain_cannot_lose_rows_once_chains_link_to_its_end() {
        let key = key();
        let (rows, seal) = chained(&key, 3);
        // The single chain's last row removed: the chains' first rows link to it.
        let mut cut: Vec<AuditEntry> = rows.clone();
        cut.remove(2);
        assert_eq!(verify(&key, &cut, Some(seal), vec![]), Err(ChainBreak::Mismatch { seq: 4 }));
    }

    #[test]
    fn rows_cut_from_the_end_of_one_chain_are_found_while_others_grew() {
        let key = key();
        let (rows, seal) = chained(&key, 2);
        let anchors = vec![anchor_of_chains(&key, &rows[..7], 6000)];
        // Organisation 7's last rows are gone; organisation 3's chain has grown since.
        let kept: Vec<AuditEntry> =
            rows.iter().filter(|r| !(r.chain == Some(7) && r.chain_seq == Some(2))).cloned().collect();
        assert_eq!(
            verify(&key, &rows[..4], Some(seal.clone()), anchors.clone()),
            Err(ChainBreak::Truncated { chain: 0, rows: 0, anchored_rows: 1, anchored_at: 6000 })
        );
        let verified = verify(&key, &kept, Some(seal), anchors).unwrap();
        assert_eq!(verified.rows, 8, "organisation 7's second row came after the anchor");
    }

    fn verify(
        key: &AuditKey,
        rows: &[AuditEntry],
        seal: Option<ChainSeal>,
        anchors: Vec<SignedAnchor>,
    ) -> Result<VerifiedChain, ChainBreak> {
        let mut verifier =
            ChainVerifier::new(key, seal, anchors.into_iter().enumerate().map(|(i, a)| (i + 1, a)).collect())?;
        for row in rows {
            verifier.push(row)?;
        }
        verifier.finish()
    }

    /// Recomputes every hash from `from` on, as someone with database access (and
    /// perhaps a key) would after editing a row.
    fn rehash(rows: &mut [AuditEntry], from: usize, hash: impl Fn(&str, &AuditEntry) -> String) {
        let mut prev = if from == 0 { GENESIS_HASH.to_string() } else { rows[from - 1].hash.clone() };
        for row in rows.iter_mut().skip(from) {
            row.prev_hash = prev.clone();
            row.hash = hash(&prev, row);
            prev = row.hash.clone();
        }
    }

    #[test]
    fn an_intact_keyed_trail_verifies_with_its_anchors() {
        let key = key();
        let (rows, seal) = trail(&key, 6, 0);
        let anchors = vec![anchor_of(&key, &rows, 0, 1), anchor_of(&key, &rows, 4, 1)];
        let verified = verify(&key, &rows, Some(seal), anchors).unwrap();
        assert_eq!((verified.rows, verified.legacy_rows, verified.anchors), (6, 0, 2));
        assert_eq!(verified.last_anchor.as_ref().map(Anchor::rows), Some(4));
        assert_eq!(verified.unanchored_rows(), 2);
    }

    #[test]
    fn an_empty_trail_verifies_with_or_without_a_seal() {
        let key = key();
        assert_eq!(verify(&key, &[], None, vec![]).unwrap().rows, 0);
        let seal = ChainSeal::new(&key, 1, GENESIS_HASH, 1);
        let anchors = vec![anchor_of(&key, &[], 0, 1)];
        assert_eq!(verify(&key, &[], Some(seal), anchors).unwrap().anchors, 1);
    }

    #[test]
    fn an_edit_with_plain_hashes_recomputed_is_found_at_the_edited_row() {
        let key = key();
        let (mut rows, seal) = trail(&key, 6, 0);
        rows[2].record_id = Some("99".into());
        rehash(&mut rows, 2, |prev, row| plain_hash(prev, row.seq, row.at, &event_of(row).unwrap()));
        assert_eq!(verify(&key, &rows, Some(seal), vec![]), Err(ChainBreak::Mismatch { seq: 3 }));
    }

    #[test]
    fn an_edit_with_hashes_recomputed_under_another_key_is_found_at_the_edited_row() {
        let key = key();
        let wrong = AuditKey::generate();
        let (mut rows, seal) = trail(&key, 6, 0);
        rows[4].outcome = "denied".into();
        rehash(&mut rows, 4, |prev, row| keyed_hash(&wrong, prev, row.seq, row.at, &event_of(row).unwrap()));
        assert_eq!(verify(&key, &rows, Some(seal), vec![]), Err(ChainBreak::Mismatch { seq: 5 }));
    }

    #[test]
    fn a_cut_tail_is_found_by_the_anchor_that_saw_it() {
        let key = key();
        let (mut rows, seal) = trail(&key, 6, 0);
        let anchors = vec![anchor_of(&key, &rows, 5, 1)];
        rows.truncate(3);
        assert_eq!(
            verify(&key, &rows, Some(seal.clone()), anchors),
            Err(ChainBreak::Truncated { chain: SINGLE_CHAIN, rows: 3, anchored_rows: 5, anchored_at: 5005 })
        );
        // Without an anchor, a cut tail looks like a shorter trail: that is what anchors are for.
        assert!(verify(&key, &rows, Some(seal), vec![]).is_ok());
    }

    #[test]
    fn a_trail_rebuilt_with_the_key_after_an_anchor_differs_from_the_anchor() {
        // Even someone holding the key cannot change what an anchor already recorded.
        let key = key();
        let (mut rows, seal) = trail(&key, 6, 0);
        let anchors = vec![anchor_of(&key, &rows, 4, 1)];
        rows[1].action = "logout".into();
        rehash(&mut rows, 1, |prev, row| keyed_hash(&key, prev, row.seq, row.at, &event_of(row).unwrap()));
        assert_eq!(
            verify(&key, &rows, Some(seal), anchors),
            Err(ChainBreak::AnchorMismatch { seq: 4, anchored_at: 5004 })
        );
    }

    #[test]
    fn removed_and_unknown_rows_are_found() {
        let key = key();
        let (mut rows, seal) = trail(&key, 5, 0);
        rows[3].outcome = "maybe".into();
        assert_eq!(verify(&key, &rows, Some(seal.clone()), vec![]), Err(ChainBreak::Mismatch { seq: 4 }));
        let (mut rows, _) = trail(&key, 5, 0);
        rows.remove(1);
        assert_eq!(verify(&key, &rows, Some(seal), vec![]), Err(ChainBreak::Gap { expected_seq: 2, found_seq: 3 }));
    }

    #[test]
    fn rows_from_before_the_key_keep_their_hashes_and_are_pinned_by_the_seal() {
        let key = key();
        let (rows, seal) = trail(&key, 7, 4);
        assert_eq!(seal.keyed_from_seq, 5);
        let anchors = vec![anchor_of(&key, &rows, 4, 5), anchor_of(&key, &rows, 7, 5)];
        let verified = verify(&key, &rows, Some(seal.clone()), anchors).unwrap();
        assert_eq!((verified.rows, verified.legacy_rows, verified.unanchored_rows()), (7, 4, 0));

        // An old row edited and the plain hashes up to the key recomputed: the seal
        // pinned the last of them.
        let mut edited = rows.clone();
        edited[1].record_id = Some("x".into());
        rehash(&mut edited[..4], 1, |prev, row| plain_hash(prev, row.seq, row.at, &event_of(row).unwrap()));
        assert_eq!(
            verify(&key, &edited, Some(seal.clone()), vec![]),
            Err(ChainBreak::LegacyRewritten { last_legacy_seq: 4 })
        );
        // A keyed row cannot be passed off as an old one by editing the seal.
        let mut forged = seal.clone();
        forged.keyed_from_seq = 8;
        assert_eq!(verify(&key, &rows, Some(forged), vec![]), Err(ChainBreak::SealBroken));
        // Nor by a new seal under another key.
        let other = AuditKey::generate();
        assert_eq!(
            verify(&key, &rows, Some(ChainSeal::new(&other, 8, &rows[6].hash, 1)), vec![]),
            Err(ChainBreak::SealBroken)
        );
        // Old rows cut from the end before any keyed row was written.
        let (rows, seal) = trail(&key, 4, 4);
        assert_eq!(
            verify(&key, &rows[..2], Some(seal.clone()), vec![]),
            Err(ChainBreak::Truncated { chain: SINGLE_CHAIN, rows: 2, anchored_rows: 4, anchored_at: seal.sealed_at })
        );
    }

    #[test]
    fn a_missing_or_replaced_seal_is_found() {
        let key = key();
        let (rows, seal) = trail(&key, 3, 0);
        assert_eq!(verify(&key, &rows, None, vec![]), Err(ChainBreak::SealMissing));
        // A seal made anew with the key (as a start after removing it would) claiming the
        // keyed rows are old: the anchors remember where the key began.
        let anchors = vec![anchor_of(&key, &rows, 2, seal.keyed_from_seq)];
        let replaced = ChainSeal::new(&key, 4, &rows[2].hash, 9999);
        assert_eq!(
            verify(&key, &rows, Some(replaced), anchors),
            Err(ChainBreak::AnchorDisagrees { line: 1, anchored_keyed_from: 1, sealed_keyed_from: 4 })
        );
    }

    #[test]
    fn anchors_not_signed_with_the_key_are_refused() {
        let key = key();
        let (rows, seal) = trail(&key, 3, 0);
        let good = anchor_of(&key, &rows, 3, 1);
        let forged = anchor_of(&AuditKey::generate(), &rows, 1, 1);
        assert_eq!(verify(&key, &rows, Some(seal), vec![good, forged]), Err(ChainBreak::AnchorForged { line: 2 }));
    }

    #[test]
    fn the_plain_hash_is_the_one_older_samla_wrote() {
        // Pinned, so rows written before the key keep verifying.
        let event = AuditEvent::new("login", Outcome::Success).record("user", 1);
        assert_eq!(
            plain_hash(GENESIS_HASH, 1, 1000, &event),
            "aae9bcacbe6c7bb1c12c1a07c8475528f1658a2dcdae82edeab8efc553ae4e0e"
        );
    }

    #[test]
    fn breaks_are_told_in_words_naming_the_row() {
        assert!(ChainBreak::Mismatch { seq: 57 }.to_string().contains("row 57"));
        let cut = ChainBreak::Truncated { chain: SINGLE_CHAIN, rows: 3, anchored_rows: 5, anchored_at: 0 }.to_string();
        assert!(cut.contains("cut from the end") && cut.contains("1970-01-01 00:00:00 UTC"), "{cut}");
        let cut = ChainBreak::Truncated { chain: 7, rows: 3, anchored_rows: 5, anchored_at: 0 }.to_string();
        assert!(cut.contains("end of organisation 7's chain") && cut.contains("covers 5 of its rows"), "{cut}");
        let gap = ChainBreak::ChainGap { chain: 0, expected: 2, found: 3, seq: 40 }.to_string();
        assert!(gap.contains("row 40 is row 3 of the chain of rows without an organisation"), "{gap}");
    }
}
