//! Runs one statement with its values, given as a tuple: `db::all(conn, sql, (a, b))`
//! binds `a` as `$1` and `b` as `$2`, exactly as `sqlx::query_as(sql).bind(a).bind(b)`
//! would, and fetches every row. sqlx's error becomes a [`StoreError`] as `?` would turn
//! it into one (a missing row is [`StoreError::NotFound`], a taken unique value
//! [`StoreError::Taken`]).

use crate::{Result, StoreError};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::{Any, Encode, Executor, FromRow, Type};

/// A statement that values can be bound to, one after another.
pub trait Bind<'q>: Sized {
    fn bind_value<T: 'q + Encode<'q, Any> + Type<Any>>(self, value: T) -> Self;
}

impl<'q> Bind<'q> for Query<'q, Any, AnyArguments<'q>> {
    fn bind_value<T: 'q + Encode<'q, Any> + Type<Any>>(self, value: T) -> Self {
        self.bind(value)
    }
}

impl<'q, O> Bind<'q> for QueryAs<'q, Any, O, AnyArguments<'q>> {
    fn bind_value<T: 'q + Encode<'q, Any> + Type<Any>>(self, value: T) -> Self {
        self.bind(value)
    }
}

impl<'q, O> Bind<'q> for QueryScalar<'q, Any, O, AnyArguments<'q>> {
    fn bind_value<T: 'q + Encode<'q, Any> + Type<Any>>(self, value: T) -> Self {
        self.bind(value)
    }
}

/// A statement's values, in the order of their numbers: `()`, `(a,)`, `(a, b)`, …
pub trait Binds<'q> {
    fn bind_to<Q: Bind<'q>>(self, query: Q) -> Q;
}

macro_rules! binds_for_tuple {
    ($($value:ident),*) => {
        impl<'q, $($value),*> Binds<'q> for ($($value,)*)
        where
            $($value: 'q + Encode<'q, Any> + Type<Any>,)*
        {
            #[allow(non_snake_case, clippy::unused_unit)]
            fn bind_to<Q: Bind<'q>>(self, query: Q) -> Q {
                let ($($value,)*) = self;
                $(let query = query.bind_value($value);)*
                query
            }
        }
    };
}

binds_for_tuple!();
binds_for_tuple!(A);
binds_for_tuple!(A, B);
binds_for_tuple!(A, B, C);
binds_for_tuple!(A, B, C, D);
binds_for_tuple!(A, B, C, D, E);
binds_for_tuple!(A, B, C, D, E, F);
binds_for_tuple!(A, B, C, D, E, F, G);
binds_for_tuple!(A, B, C, D, E, F, G, H);
binds_for_tuple!(A, B, C, D, E, F, G, H, I);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, P);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, R);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, R, S);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, R, S, T);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, R, S, T, U);
binds_for_tuple!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, P, R, S, T, U, V);

/// What a row can be read as: a `FromRow` struct or a tuple of columns.
pub trait Row: for<'r> FromRow<'r, AnyRow> + Send + Unpin {}

impl<T: for<'r> FromRow<'r, AnyRow> + Send + Unpin> Row for T {}

/// The one row the statement returns, as `O`.
pub async fn one<'q, 'c, O: Row>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<O> {
    Ok(binds.bind_to(sqlx::query_as(sql)).fetch_one(conn).await?)
}

/// The row the statement returns, if any, as `O`.
pub async fn optional<'q, 'c, O: Row>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<Option<O>> {
    Ok(binds.bind_to(sqlx::query_as(sql)).fetch_optional(conn).await?)
}

/// Every row the statement returns, as `O`.
pub async fn all<'q, 'c, O: Row>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<Vec<O>> {
    Ok(binds.bind_to(sqlx::query_as(sql)).fetch_all(conn).await?)
}

/// The first column of the one row the statement returns.
pub async fn scalar<'q, 'c, O>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<O>
where
    (O,): Row,
{
    Ok(one::<(O,)>(conn, sql, binds).await?.0)
}

/// The first column of the row the statement returns, if any.
pub async fn scalar_optional<'q, 'c, O>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<Option<O>>
where
    (O,): Row,
{
    Ok(optional::<(O,)>(conn, sql, binds).await?.map(|(value,)| value))
}

/// The first column of every row the statement returns.
pub async fn scalars<'q, 'c, O>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<Vec<O>>
where
    (O,): Row,
{
    Ok(all::<(O,)>(conn, sql, binds).await?.into_iter().map(|(value,)| value).collect())
}

/// Runs the statement for what it changes.
pub async fn execute<'q, 'c>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<()> {
    changed(conn, sql, binds).await?;
    Ok(())
}

/// Runs the statement: how many rows it changed.
pub async fn changed<'q, 'c>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<u64> {
    Ok(binds.bind_to(sqlx::query(sql)).execute(conn).await?.rows_affected())
}

/// Runs the statement; true when it changed exactly one row (false when another writer
/// got there first, or nothing matched).
pub async fn changed_one<'q, 'c>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<bool> {
    Ok(changed(conn, sql, binds).await? == 1)
}

/// Runs the statement; [`StoreError::NotFound`] when it changed nothing.
pub async fn execute_found<'q, 'c>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<()> {
    if changed(conn, sql, binds).await? == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Whether the statement (a `SELECT 1 …`) returns a row.
pub async fn exists<'q, 'c>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<bool> {
    let found: Option<i64> = scalar_optional(conn, sql, binds).await?;
    Ok(found.is_some())
}

/// Runs an update guarded by the version the caller read (`… RETURNING version`): the new
/// version, or [`StoreError::Stale`] when the row was changed meanwhile (or is not there).
pub async fn next_version<'q, 'c>(
    conn: impl Executor<'c, Database = Any>,
    sql: &'q str,
    binds: impl Binds<'q>,
) -> Result<i64> {
    let version: Option<i64> = scalar_optional(conn, sql, binds).await?;
    version.ok_or(StoreError::Stale)
}

/// The version an update guarded by the caller's version returned, or why there is none:
/// what `lookup` (the row's read) fails with, typically [`StoreError::NotFound`], and
/// otherwise [`StoreError::Stale`].
pub async fn version_or_why<T>(
    version: Option<i64>,
    lookup: impl std::future::Future<Output = Result<T>>,
) -> Result<i64> {
    match version {
        Some(version) => Ok(version),
        None => {
            lookup.await?;
            Err(StoreError::Stale)
        }
    }
}
