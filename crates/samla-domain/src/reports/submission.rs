//! A submission: one organisation's exact yearly counts of a programme, sent from its own
//! installation of samla to the installation of the programme's owner, which counts them
//! in its releases under the same disclosure control as its own courses.
//!
//! A submission holds tables of counts and no person. It travels as an envelope: the
//! submission's JSON as it was signed (base64), the sender's Ed25519 public key and the
//! signature, so that any change to a byte is found, and the owner knows the sender by
//! the key it registered. When it was made orders an installation's submissions of a year:
//! a later one corrects the earlier, an earlier or the same one again is a replay.

use super::national::{course_of, leader_of, participant_category, waiting_category, Facts, SubmittedCount, TableKind};
use super::tables::{Period, Term};
use data_encoding::BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The format this version of samla writes and reads.
pub const FORMAT: &str = "samla-statistics-submission/1";

/// The largest count one cell may hold: far above any organisation's year.
pub const MAX_COUNT: u64 = 1_000_000;

/// What an organisation counted of a programme in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub format: String,
    /// The programme's slug, the same in every installation that runs it.
    pub programme: String,
    pub year: i32,
    /// The organisation's name as it calls itself (the owner counts it under the name it
    /// registered).
    pub sender: String,
    /// When it was made (Unix seconds); a later submission of the year corrects an earlier.
    pub made_at: i64,
    pub tables: Vec<SubmittedTable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedTable {
    pub table: String,
    /// Only cells with a count; a cell left out counted nobody.
    pub cells: Vec<SubmittedCell>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmittedCell {
    /// `2025-spring` or `2025-autumn`.
    pub term: String,
    pub category: String,
    pub count: u64,
}

/// The tables a submission holds: every table of the release but the one by kind of
/// service, which the owner counts from the organisation's kind as it registered it.
pub fn submitted_kinds() -> impl Iterator<Item = TableKind> {
    TableKind::ALL.iter().copied().filter(|kind| *kind != TableKind::ParticipantsByServiceKind)
}

/// The submission of `organisation_id`'s counts in `facts` (the facts of `year`).
pub fn count(
    organisation_id: i64,
    programme: &str,
    year: i32,
    sender: &str,
    made_at: i64,
    facts: &Facts,
) -> Submission {
    let own = |id: i64| id == organisation_id;
    let tables = submitted_kinds()
        .map(|kind| {
            let counted: Vec<(i64, Term, &'static str)> = match kind {
                TableKind::WaitlistAtTermStart => facts.waiting.iter().map(waiting_category).collect(),
                TableKind::CoursesByStatus => facts.courses.iter().filter_map(course_of).collect(),
                TableKind::LeadersByCertification => facts.leaders.iter().map(leader_of).collect(),
                _ => facts
                    .participants
                    .iter()
                    .map(|f| (f.organisation_id, Term::of(f.course_start), participant_category(kind, f, "other")))
                    .collect(),
            };
            let mut cells: BTreeMap<(Term, &'static str), u64> = BTreeMap::new();
            for (_, term, category) in counted.into_iter().filter(|(id, term, _)| own(*id) && term.year == year) {
                *cells.entry((term, category)).or_default() += 1;
            }
            SubmittedTable {
                table: kind.as_str().to_string(),
                cells: cells
                    .into_iter()
                    .map(|((term, category), count)| SubmittedCell {
                        term: Period::Term(term).code(),
                        category: category.to_string(),
                        count,
                    })
                    .collect(),
            }
        })
        .collect();
    Submission {
        format: FORMAT.to_string(),
        programme: programme.to_string(),
        year,
        sender: sender.to_string(),
        made_at,
        tables,
    }
}

/// What is wrong with a submission; `at` names the place (`participants_by_age[3]`, the
/// fourth cell of that table) where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub at: Option<String>,
}

impl Problem {
    fn new(code: &'static str) -> Problem {
        Problem { code, at: None }
    }

    fn at(code: &'static str, at: String) -> Problem {
        Problem { code, at: Some(at) }
    }
}

/// The counts of a submission, each cell checked: a table and category samla knows, a term
/// of the submission's year, no cell twice, no count beyond [`MAX_COUNT`], and the tables
/// of participants counting the same persons in every term. Every problem, or the counts
/// (for `organisation_id`).
pub fn read(submission: &Submission, organisation_id: i64) -> Result<Vec<SubmittedCount>, Vec<Problem>> {
    let mut problems = Vec::new();
    if submission.format != FORMAT {
        problems.push(Problem::new("submission-error-format"));
    }
    if !(2000..=9999).contains(&submission.year) {
        problems.push(Problem::new("submission-error-year"));
    }
    let mut counts = Vec::new();
    let mut tables_seen = HashSet::new();
    for table in &submission.tables {
        let kind = TableKind::parse(&table.table).filter(|kind| *kind != TableKind::ParticipantsByServiceKind);
        let Some(kind) = kind else {
            problems.push(Problem::at("submission-error-table", table.table.clone()));
            continue;
        };
        if !tables_seen.insert(kind) {
            problems.push(Problem::at("submission-error-table-twice", table.table.clone()));
            continue;
        }
        let mut cells_seen = HashSet::new();
        for (index, cell) in table.cells.iter().enumerate() {
            let at = || format!("{}[{index}]", table.table);
            let term = match Period::parse(&cell.term) {
                Some(Period::Term(term)) if term.year == submission.year => term,
                _ => {
                    problems.push(Problem::at("submission-error-term", at()));
                    continue;
                }
            };
            let Some(category) = kind.categories().iter().copied().find(|c| *c == cell.category) else {
                problems.push(Problem::at("submission-error-category", at()));
                continue;
            };
            if cell.count > MAX_COUNT {
                problems.push(Problem::at("submission-error-count", at()));
            } else if !cells_seen.insert((term, category)) {
                problems.push(Problem::at("submission-error-cell-twice", at()));
            } else {
                counts.push(SubmittedCount { organisation_id, kind, term, category, count: cell.count });
            }
        }
    }
    if problems.is_empty() {
        problems.extend(totals_disagree(&counts));
    }
    if problems.is_empty() {
        Ok(counts)
    } else {
        Err(problems)
    }
}

/// The tables of participants count the same persons: in each term every such table has
/// the same total. A table left out counted nobody.
fn totals_disagree(counts: &[SubmittedCount]) -> Option<Problem> {
    let mut totals: HashMap<(TableKind, Term), u64> = HashMap::new();
    for count in counts.iter().filter(|c| c.kind.counts_participants()) {
        *totals.entry((count.kind, count.term)).or_default() += count.count;
    }
    let terms: HashSet<Term> = totals.keys().map(|(_, term)| *term).collect();
    let mut kinds = submitted_kinds().filter(|kind| kind.counts_participants());
    let disagree = kinds.any(|kind| {
        terms.iter().any(|term| {
            let total = |k: TableKind| totals.get(&(k, *term)).copied().unwrap_or(0);
            total(kind) != total(TableKind::ParticipantsByOutcome)
        })
    });
    disagree.then(|| Problem::new("submission-error-totals"))
}

/// A signed submission as it travels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    /// The submission's JSON, exactly as signed (base64).
    pub payload: String,
    /// The sender's Ed25519 public key (base64).
    pub key: String,
    /// The signature of the payload's bytes (base64).
    pub signature: String,
}

/// A new signing key: its secret half to keep, its public half to give the owner.
pub fn new_signing_key() -> ([u8; 32], String) {
    let mut secret = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
    let public = public_key(&secret);
    (secret, public)
}

/// The public half of a secret key (base64).
pub fn public_key(secret: &[u8; 32]) -> String {
    BASE64.encode(SigningKey::from_bytes(secret).verifying_key().as_bytes())
}

/// A public key samla can check signatures with, written as samla writes it (so that one
/// key is stored and compared as one text); `None` for anything else.
pub fn canonical_key(text: &str) -> Option<String> {
    verifying_key(text).map(|key| BASE64.encode(key.as_bytes()))
}

fn verifying_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = BASE64.decode(text.trim().as_bytes()).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok().filter(|key| !key.is_weak())
}

/// The submission signed with `secret`.
pub fn sign(submission: &Submission, secret: &[u8; 32]) -> Envelope {
    let payload = serde_json::to_vec(submission).unwrap_or_default();
    let key = SigningKey::from_bytes(secret);
    Envelope {
        format: FORMAT.to_string(),
        payload: BASE64.encode(&payload),
        key: BASE64.encode(key.verifying_key().as_bytes()),
        signature: BASE64.encode(&key.sign(&payload).to_bytes()),
    }
}

/// A submission whose signature holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub submission: Submission,
    /// The key it was signed with, as the envelope wrote it.
    pub key: String,
    /// SHA-256 of the signed bytes (hex): the same submission sent again has the same.
    pub digest: String,
}

/// Reads an envelope and checks its signature against the key it names; whether that
/// key is the one the owner registered is the caller's to check.
pub fn open(bytes: &[u8]) -> Result<Opened, Problem> {
    let envelope: Envelope = serde_json::from_slice(bytes).map_err(|_| Problem::new("submission-error-unreadable"))?;
    if envelope.format != FORMAT {
        return Err(Problem::new("submission-error-format"));
    }
    let key = verifying_key(&envelope.key).ok_or(Problem::new("submission-error-key"))?;
    let payload =
        BASE64.decode(envelope.payload.as_bytes()).map_err(|_| Problem::new("submission-error-unreadable"))?;
    let signature: [u8; 64] = BASE64
        .decode(envelope.signature.as_bytes())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(Problem::new("submission-error-signature"))?;
    key.verify_strict(&payload, &Signature::from_bytes(&signature))
        .map_err(|_| Problem::new("submission-error-signature"))?;
    let submission: Submission =
        serde_json::from_slice(&payload).map_err(|_| Problem::new("submission-error-unreadable"))?;
    let digest = data_encoding::HEXLOWER.encode(&Sha256::digest(&payload));
    Ok(Opened { submission, key: envelope.key.trim().to_string(), digest })
}

/// Whether two texts name the same public key.
pub fn same_key(a: &str, b: &str) -> bool {
    matches!((verifying_key(a), verifying_key(b)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests;
