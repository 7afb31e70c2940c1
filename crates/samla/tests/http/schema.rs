//! The schema itself, as each backend sees it after every migration: the costs that must not
//! grow with the country start with lookups that use an index.

use crate::common::{backend_is_postgres, TestApp};

/// Foreign keys (`table.column -> referenced table`) whose column starts no index.
async fn unindexed_foreign_keys(app: &TestApp) -> Vec<(String, String, String)> {
    let sql = if backend_is_postgres() {
        "SELECT c.conrelid::regclass::text, a.attname::text, c.confrelid::regclass::text
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f'
            AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
          ORDER BY 1, 2"
    } else {
        "SELECT m.name, f.\"from\", f.\"table\"
           FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
          WHERE m.type = 'table'
            AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
                             WHERE i.seqno = 0 AND i.name = f.\"from\")
            AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.pk = 1 AND p.name = f.\"from\")
          ORDER BY 1, 2"
    };
    app.rows(sql, ()).await
}

#[tokio::test]
async fn every_foreign_key_starts_an_index_except_who_wrote_a_row() {
    let app = TestApp::spawn().await;
    let unindexed = unindexed_foreign_keys(&app).await;
    assert!(
        unindexed.iter().any(|(_, _, referenced)| referenced == "users"),
        "the query finds foreign keys at all (authors are left unindexed on purpose)"
    );
    let missing: Vec<String> = unindexed
        .into_iter()
        .filter(|(_, _, referenced)| referenced != "users")
        .map(|(table, column, referenced)| format!("{table}.{column} -> {referenced}"))
        .collect();
    assert!(missing.is_empty(), "foreign keys without an index: {missing:#?}");
}

#[tokio::test]
async fn the_planner_gets_statistics_of_the_tables_that_hold_rows() {
    let app = TestApp::spawn().await;
    if backend_is_postgres() {
        // PostgreSQL's autovacuum keeps them; samla asks nothing of it.
        app.state.store.refresh_statistics().await.expect("a no-op on PostgreSQL");
        return;
    }
    let pool = app.state.store.pool();
    let analysed = |table: &'static str| async move {
        let stat1: Option<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
                .fetch_optional(pool)
                .await
                .expect("catalogue");
        if stat1.is_none() {
            return false;
        }
        let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = $1")
            .bind(table)
            .fetch_one(pool)
            .await
            .expect("statistics");
        rows > 0
    };
    let holidays = app.add_organisation("bykommune", "Bykommune", "NO").await;
    for n in 0..200 {
        sqlx::query("INSERT INTO school_holidays (organisation_id, name, first_day, last_day) VALUES ($1, $2, $3, $3)")
            .bind(holidays)
            .bind(format!("Ferie {n}"))
            .bind(format!("2027-01-{:02}", n % 28 + 1))
            .execute(pool)
            .await
            .expect("holiday");
    }
    assert!(!analysed("school_holidays").await, "no statistics before");
    app.state.store.refresh_statistics().await.expect("statistics refreshed");
    assert!(analysed("school_holidays").await, "the table with rows is analysed");
}
