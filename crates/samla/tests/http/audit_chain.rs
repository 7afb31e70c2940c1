//! The audit trail against someone who can write to the database: rows are hashed with
//! a key kept outside it, and the trail's head is anchored outside it, so `samla audit
//! verify` finds an edited row even when every later hash was recomputed (without the
//! key, or with another), and finds rows cut from the end. Through the real binary, as
//! an operator runs it, on both databases.

use crate::common::cli::{text, Samla};
use crate::common::{free_port, ScratchDatabase};
use samla_domain::audit::{chained_hash, plain_hash, AuditEntry, AuditEvent, AuditKey, Link, Outcome, GENESIS_HASH};
use samla_storage::Store;
use std::process::Stdio;
use std::time::Duration;

/// The database the binary uses, opened straight (no key), as someone with access would.
async fn database(db: &ScratchDatabase) -> Store {
    let url = match &db.url {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", db.dir.0.join("samla.db").display()),
    };
    Store::connect(&url).await.expect("the database")
}

/// Turns off the append-only guard, as someone with database access could.
async fn bypass_guard(store: &Store) {
    let statements: &[&str] = if crate::common::backend_is_postgres() {
        &["ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"]
    } else {
        &["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
    };
    for statement in statements {
        sqlx::query(statement).execute(store.pool()).await.expect(statement);
    }
}

async fn rows(store: &Store) -> Vec<AuditEntry> {
    let mut conn = store.pool().acquire().await.unwrap();
    samla_storage::audit::page_after(&mut conn, 0, 100_000).await.unwrap()
}

fn event_of(row: &AuditEntry) -> AuditEvent {
    AuditEvent {
        actor_user_id: row.actor_user_id,
        actor_role: row.actor_role.clone(),
        organisation_id: row.organisation_id,
        action: row.action.clone(),
        record_type: row.record_type.clone(),
        record_id: row.record_id.clone(),
        outcome: Outcome::parse(&row.outcome).unwrap(),
        request_id: row.request_id.clone(),
    }
}

/// Writes a row's record id and hashes back over the stored row (the guard against edits
/// must be off).
async fn write_back(store: &Store, row: &AuditEntry) {
    sqlx::query("UPDATE audit_log SET record_id = $1, prev_hash = $2, hash = $3 WHERE seq = $4")
        .bind(row.record_id.as_deref())
        .bind(&row.prev_hash)
        .bind(&row.hash)
        .bind(row.seq)
        .execute(store.pool())
        .await
        .expect("the guard is off");
}

/// Changes row `seq`'s record id and recomputes every hash of its chain from it to the
/// end with `hash`, writing them back: the rewrite an attacker without the key would try.
async fn rewrite_from(store: &Store, seq: i64, hash: impl Fn(&str, &AuditEntry) -> String) {
    let mut all = rows(store).await;
    let index = all.iter().position(|r| r.seq == seq).expect("the row");
    all[index].record_id = Some("999".into());
    let chain = all[index].chain;
    let mut prev = all[index].prev_hash.clone();
    for row in all.iter_mut().skip(index).filter(|row| row.chain == chain) {
        row.prev_hash = prev.clone();
        row.hash = hash(&prev, row);
        prev = row.hash.clone();
        write_back(store, row).await;
    }
}

/// An organisation, a person and a token made from the command line, and a start and
/// stop of the server: rows in the trail, and anchors covering them.
async fn a_trail(samla: &Samla<'_>) {
    samla.add_organisation_with_admin().await;
    for label in ["one", "two", "three"] {
        samla.ok(&["token", "create", "--email", "ada@sk.no", "--label", label], None).await;
    }
    let server = samla.serve().await;
    assert_eq!(server.terminate().await, Some(0));
}

async fn last_seq(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT MAX(seq) FROM audit_log").fetch_one(store.pool()).await.unwrap()
}

/// `samla audit verify`: exit code, standard output and standard error.
async fn verify(samla: &Samla<'_>) -> (Option<i32>, String, String) {
    let output = samla.run(&["audit", "verify"], None).await;
    (output.status.code(), text(&output.stdout), text(&output.stderr))
}

/// Runs `samla audit verify`, which must find the trail broken; returns what it said why.
async fn verify_refused(samla: &Samla<'_>) -> String {
    let (code, out, err) = verify(samla).await;
    assert_eq!(code, Some(1), "{out}");
    err
}

/// Writes [`a_trail`] and opens the database with its guard against edits off.
async fn tampered_trail(db: &ScratchDatabase, samla: &Samla<'_>) -> Store {
    a_trail(samla).await;
    let store = database(db).await;
    bypass_guard(&store).await;
    store
}

fn anchors(db: &ScratchDatabase) -> Vec<String> {
    std::fs::read_to_string(db.dir.0.join("audit-anchors")).unwrap_or_default().lines().map(str::to_string).collect()
}

#[tokio::test]
async fn an_intact_trail_verifies_against_the_key_and_the_anchors() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    a_trail(&samla).await;
    // Written after the last anchor (the server's stop): verified, and counted as such.
    samla.ok(&["token", "create", "--email", "ada@sk.no", "--label", "later"], None).await;
    let store = database(&db).await;
    let total = last_seq(&store).await;
    let (code, out, err) = verify(&samla).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&format!("audit trail intact: {total} rows")), "{out}");
    assert!(out.contains("1 rows written since"), "{out}");
    assert!(!out.contains("before the audit key"), "a new database is keyed from its first row: {out}");
}

/// Edits a row past the middle of a trail (`past` rows past it), recomputes the hashes
/// from there with `hash`, and expects `samla audit verify` to name that row as the
/// first that does not match.
async fn an_edit_is_detected_at_its_row(past: i64, hash: impl Fn(&str, &AuditEntry) -> String) {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let store = tampered_trail(&db, &samla).await;
    let middle = last_seq(&store).await / 2 + past;
    rewrite_from(&store, middle, hash).await;
    let err = verify_refused(&samla).await;
    assert!(err.contains(&format!("row {middle} does not match its hash")), "names the first broken row: {err}");
}

#[tokio::test]
async fn an_edit_with_plain_hashes_recomputed_is_detected_at_its_row() {
    an_edit_is_detected_at_its_row(0, |prev, row| plain_hash(prev, row.seq, row.at, &event_of(row))).await;
}

/// Where a row stands in its chain.
fn link_of(row: &AuditEntry) -> Link {
    Link { chain: row.chain.expect("a chained row"), chain_seq: row.chain_seq.expect("a chained row"), seq: row.seq }
}

#[tokio::test]
async fn an_edit_with_hashes_recomputed_under_another_key_is_detected_at_its_row() {
    let wrong = AuditKey::generate();
    an_edit_is_detected_at_its_row(1, |prev, row| chained_hash(&wrong, prev, link_of(row), row.at, &event_of(row)))
        .await;
}

#[tokio::test]
async fn rows_cut_from_the_end_are_detected_by_the_anchors() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let store = tampered_trail(&db, &samla).await;
    let total = last_seq(&store).await;
    let last_anchor = anchors(&db).last().cloned().expect("the server's stop wrote an anchor");
    assert!(last_anchor.contains(&format!(" rows={total} ")), "the stop anchored every row: {last_anchor}");
    // The last row of the organisation's chain goes; the rows after it (the server's
    // start and stop, without an organisation) stay.
    let (last, of_chain): (i64, i64) = sqlx::query_as(
        "SELECT seq, chain_seq FROM audit_log WHERE chain = (SELECT id FROM organisations) ORDER BY seq DESC LIMIT 1",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert!(last < total, "rows of another chain came after it");
    sqlx::query("DELETE FROM audit_log WHERE seq = $1").bind(last).execute(store.pool()).await.unwrap();
    let err = verify_refused(&samla).await;
    assert!(err.contains("cut from the end of organisation"), "{err}");
    assert!(err.contains(&format!("covers {of_chain} of its rows, the database has {}", of_chain - 1)), "{err}");
}

#[tokio::test]
async fn an_edited_anchor_is_refused() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    a_trail(&samla).await;
    // Lowering a chain's row count (and the total with it) to hide a cut breaks the
    // anchor's signature.
    let lines = anchors(&db);
    let last = lines.last().unwrap();
    let field = |name: &str| last.split(&format!(" {name}=")).nth(1).unwrap().split(' ').next().unwrap().to_string();
    let (rows, chains) = (field("rows").parse::<i64>().unwrap(), field("chains"));
    let (kept, lowered) = chains.rsplit_once(',').unwrap_or(("", &chains));
    let mut bits: Vec<String> = lowered.split(':').map(str::to_string).collect();
    bits[1] = (bits[1].parse::<i64>().unwrap() - 1).to_string();
    let lowered =
        [kept.to_string(), bits.join(":")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(",");
    let mut edited = lines.clone();
    *edited.last_mut().unwrap() = last
        .replace(&format!(" rows={rows} "), &format!(" rows={} ", rows - 1))
        .replace(&format!(" chains={chains} "), &format!(" chains={lowered} "));
    std::fs::write(db.dir.0.join("audit-anchors"), edited.join("\n") + "\n").unwrap();
    let (code, _, err) = verify(&samla).await;
    assert_eq!(code, Some(1));
    assert!(err.contains(&format!("anchor on line {} is not signed", lines.len())), "{err}");
    std::fs::write(db.dir.0.join("audit-anchors"), "not an anchor\n").unwrap();
    let (code, _, err) = verify(&samla).await;
    assert_eq!(code, Some(1));
    assert!(err.contains("line 1 of the anchors file is not an anchor"), "{err}");
}

#[tokio::test]
async fn the_key_file_is_made_at_first_start_and_kept() {
    let db = ScratchDatabase::new().await;
    let samla = Samla::new(&db);
    let key_path = db.dir.0.join("audit.key");
    assert!(!key_path.exists());
    samla.ok(&["org", "add", "--slug", "sk", "--name", "Sørkommune"], None).await;
    let key = std::fs::read_to_string(&key_path).expect("made at the first start");
    assert!(AuditKey::from_hex(&key).is_ok() && key.ends_with('\n'), "64 hex digits and a newline: {key:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "readable by its owner only");
    }
    let first = anchors(&db);
    assert_eq!(first.len(), 1, "the key's introduction is anchored: {first:?}");
    assert!(first[0].starts_with("samla-audit-anchor v2 ") && first[0].contains(" rows=0 "), "{first:?}");

    // Later commands and the server use the same key; the server anchors at start and
    // stop, in the anchors file and in its log.
    samla.ok(&["org", "add", "--slug", "nk", "--name", "Nordkommune"], None).await;
    let log = db.dir.0.join("serve.log");
    let bind = format!("127.0.0.1:{}", free_port());
    let mut child = samla
        .command(&["serve", "--bind", &bind])
        .env("SAMLA_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("serve starts");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let ready = format!("http://{bind}/readyz");
    while !reqwest::get(&ready).await.is_ok_and(|r| r.status().is_success()) {
        assert!(std::time::Instant::now() < deadline, "serve becomes ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(anchors(&db).len(), 2, "serve anchors as it starts");
    let pid = child.id().expect("running").to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let status = tokio::time::timeout(Duration::from_secs(20), child.wait()).await.expect("stops").unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&key_path).unwrap(), key, "the key is kept");
    let lines = anchors(&db);
    assert_eq!(lines.len(), 3, "start and stop anchored: {lines:?}");
    let logged = std::fs::read_to_string(&log).unwrap();
    for line in &lines[1..] {
        assert!(logged.contains(line.as_str()), "each anchor is in the log too: {logged}");
    }
    assert!(!logged.contains(key.trim()), "the key is never logged");

    // SAMLA_AUDIT_KEY takes the file's place; another key is refused.
    let mut other = samla.command(&["audit", "verify"]);
    let other = other.env("SAMLA_AUDIT_KEY", AuditKey::generate().to_hex()).output().await.unwrap();
    assert_eq!(other.status.code(), Some(1));
    assert!(text(&other.stderr).contains("not the key this database"), "{}", text(&other.stderr));
    let mut bad = samla.command(&["audit", "verify"]);
    let bad = bad.env("SAMLA_AUDIT_KEY", "not a key").output().await.unwrap();
    assert!(
        text(&bad.stderr).contains("SAMLA_AUDIT_KEY: an audit key is 64 hexadecimal digits"),
        "{}",
        text(&bad.stderr)
    );
    std::fs::rename(&key_path, db.dir.0.join("elsewhere.key")).unwrap();
    let mut from_environment = samla.command(&["audit", "verify"]);
    let from_environment = from_environment.env("SAMLA_AUDIT_KEY", key.trim()).output().await.unwrap();
    assert_eq!(from_environment.status.code(), Some(0), "{}", text(&from_environment.stderr));
    assert!(!key_path.exists(), "no file is made while the key comes from the environment");
    let (code, _, err) = verify(&samla).await;
    assert_eq!(code, Some(1), "without the key, nothing runs");
    assert!(err.contains("audit.key") && err.contains("SAMLA_AUDIT_KEY"), "{err}");
}

#[tokio::test]
async fn rows_from_before_the_key_keep_their_hashes_and_are_pinned() {
    // A database an older samla wrote: migrated, with rows hashed without a key.
    let db = ScratchDatabase::new().await;
    let store = database(&db).await;
    store.migrate().await.unwrap();
    let mut prev = GENESIS_HASH.to_string();
    for seq in 1..=3 {
        let event = AuditEvent::new("login.password", Outcome::Success).record("user", seq);
        let hash = plain_hash(&prev, seq, 1_700_000_000 + seq, &event);
        sqlx::query(
            "INSERT INTO audit_log (seq, at, action, record_type, record_id, outcome, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(seq)
        .bind(1_700_000_000 + seq)
        .bind(&event.action)
        .bind(event.record_type.as_deref())
        .bind(event.record_id.as_deref())
        .bind(event.outcome.as_str())
        .bind(&prev)
        .bind(&hash)
        .execute(store.pool())
        .await
        .unwrap();
        prev = hash;
    }

    // The first start of this samla makes the key and seals the trail; the old rows keep
    // their hashes, and everything after them is keyed.
    let samla = Samla::new(&db);
    samla.ok(&["org", "add", "--slug", "sk", "--name", "Sørkommune"], None).await;
    let (code, out, err) = verify(&samla).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("rows 1 to 3 were written before the audit key"), "{out}");
    assert!(anchors(&db)[0].contains(" rows=3 ") && anchors(&db)[0].contains(" keyed-from=4 "), "{:?}", anchors(&db));
    let after = rows(&store).await;
    let key = AuditKey::from_hex(&std::fs::read_to_string(db.dir.0.join("audit.key")).unwrap()).unwrap();
    let next = &after[3];
    assert_eq!(next.prev_hash, after[2].hash, "the first row of a chain links to the old rows' last");
    assert_eq!(next.hash, chained_hash(&key, &after[2].hash, link_of(next), next.at, &event_of(next)));

    // An old row edited and the old rows' plain hashes recomputed: the seal pinned them.
    bypass_guard(&store).await;
    let mut old = after[..3].to_vec();
    old[1].record_id = Some("999".into());
    let mut prev = old[0].hash.clone();
    for row in old.iter_mut().skip(1) {
        row.prev_hash = prev.clone();
        row.hash = plain_hash(&prev, row.seq, row.at, &event_of(row));
        prev = row.hash.clone();
        write_back(&store, row).await;
    }
    let (code, _, err) = verify(&samla).await;
    assert_eq!(code, Some(1));
    assert!(err.contains("rows 1 to 3, written before the audit key") && err.contains("edited"), "{err}");
}
