//! Paged lists: the `limit` and `cursor` query parameters every paged list reads
//! ([`page_params!`]), how they are checked ([`page_bounds`]), and the two ways a list
//! makes its next cursor: an offset into the whole list ([`Page::of_slice`]) or the key
//! of the last row of a page read one row past the limit ([`Page::after_key`]).

use super::Page;
use crate::error::WebError;
use samla_domain::{FieldError, FieldErrors};
use utoipa::ToSchema;

/// A paged list's query parameters: the list's own filters as written, then `limit` and
/// `cursor` as every paged list reads them, with [`page_bounds`] as a method. Written
/// `undocumented limit:` first, `limit` has no description (as the audit search's).
macro_rules! page_params {
    (undocumented limit: $($rest:tt)*) => {
        page_params!(@define [] $($rest)*);
    };
    (@define [$($limit_doc:meta)?]
        $(#[$doc:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $ty:ty),* $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(serde::Deserialize, utoipa::IntoParams)]
        #[into_params(parameter_in = Query)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            $(#[$limit_doc])?
            #[param(minimum = 1, maximum = 200)]
            pub limit: Option<i64>,
            /// `next_cursor` from the previous page.
            #[param(pattern = "^[0-9]{1,18}$")]
            pub cursor: Option<String>,
        }

        impl $name {
            /// The page asked for, as [`page_bounds`](crate::api::paging::page_bounds) reads it.
            pub fn page_bounds(&self) -> Result<(i64, Option<i64>), crate::error::WebError> {
                crate::api::paging::page_bounds(self.limit, self.cursor.as_deref())
            }
        }
    };
    ($($rest:tt)*) => {
        page_params!(@define [doc = " How many to return, 1–200 (default 50)."] $($rest)*);
    };
}

/// The page size (1–200, default 50) and the cursor (a number of at most 18 digits), or
/// 422 naming `limit` and `cursor`.
pub fn page_bounds(limit: Option<i64>, cursor: Option<&str>) -> Result<(i64, Option<i64>), WebError> {
    let mut errors = FieldErrors::new();
    let limit = limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        errors.push(FieldError::new("limit", "error-limit").with_arg("max", 200));
    }
    let cursor = match cursor {
        Some(c) => match c.parse::<i64>() {
            Ok(v) if v >= 0 && c.len() <= 18 && c.bytes().all(|b| b.is_ascii_digit()) => Some(v),
            _ => {
                errors.push(FieldError::new("cursor", "error-cursor"));
                None
            }
        },
        None => None,
    };
    errors.finish(|| (limit, cursor)).map_err(WebError::Invalid)
}

impl<T: ToSchema> Page<T> {
    /// The page of a whole list that starts `offset` rows in (none: at the start) and
    /// holds at most `limit`; the cursor is the offset of the next page, none at the end.
    pub fn of_slice<R>(all: &[R], offset: Option<i64>, limit: i64, item: impl FnMut(&R) -> T) -> Self {
        let offset = offset.unwrap_or(0).min(all.len() as i64) as usize;
        let end = (offset + limit as usize).min(all.len());
        let items = all[offset..end].iter().map(item).collect();
        Page { items, next_cursor: (end < all.len()).then(|| end.to_string()) }
    }

    /// A page read with one row more than `limit` to tell whether another follows: the
    /// first `limit` rows, and, when the extra row came, the key of the last one shown
    /// as the cursor.
    pub fn after_key<R>(mut rows: Vec<R>, limit: i64, key: impl Fn(&R) -> i64, item: impl FnMut(R) -> T) -> Self {
        let next_cursor = if rows.len() as i64 > limit {
            rows.truncate(limit as usize);
            rows.last().map(|row| key(row).to_string())
        } else {
            None
        };
        Page { items: rows.into_iter().map(item).collect(), next_cursor }
    }
}
