//! The one way forms work on pages: the body is read as name/value pairs (kept as
//! typed, so a form with errors shows them again), parsed through the domain, and on
//! failure re-rendered with an error summary at the top and a message at each field.

use crate::error::WebError;
use crate::i18n::I18n;
use axum::extract::{FromRequest, Request};
use minijinja::Value;
use samla_domain::accounts::Language;
use samla_domain::FieldErrors;
use std::collections::BTreeMap;

/// A submitted form, as typed.
#[derive(Debug, Clone, Default)]
pub struct FormData(Vec<(String, String)>);

impl FormData {
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// A form from name/value pairs.
    #[cfg(test)]
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        FormData(pairs)
    }

    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    /// What to show again after an error; secrets are never sent back.
    pub fn kept(&self) -> FormState {
        let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in &self.0 {
            if key == "csrf" || key.contains("password") || key == "code" {
                continue;
            }
            values.entry(key.clone()).or_default().push(value.clone());
        }
        FormState { values, errors: FieldErrors::new() }
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = WebError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let bytes = axum::body::to_bytes(request.into_body(), crate::http::MAX_BODY_BYTES)
            .await
            .map_err(|_| WebError::PayloadTooLarge)?;
        serde_urlencoded::from_bytes(&bytes)
            .map(FormData)
            .map_err(|_| WebError::BadRequest { detail_key: "problem-form-detail", location: String::new() })
    }
}

/// Values and errors of a form being shown.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    values: BTreeMap<String, Vec<String>>,
    errors: FieldErrors,
}

impl FormState {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_value(mut self, name: &str, value: impl ToString) -> Self {
        self.values.insert(name.to_string(), vec![value.to_string()]);
        self
    }

    pub fn with_values(mut self, name: &str, values: Vec<String>) -> Self {
        self.values.insert(name.to_string(), values);
        self
    }

    /// Nothing typed and nothing wrong: a form shown for the first time.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.errors.is_empty()
    }

    pub fn with_errors(mut self, errors: FieldErrors) -> Self {
        self.errors = errors;
        self
    }

    /// The form as templates see it: `values` (first value by name), `lists` (all values),
    /// `errors` (message by field), `summary` (in field order, for the top box; the first
    /// error of each field) and `all` (every error).
    pub fn to_value(&self, i18n: &I18n, language: Language) -> Value {
        let message = |e: &samla_domain::FieldError| {
            let args: Vec<(&str, String)> = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
            i18n.text(language, e.code, &args)
        };
        let values: BTreeMap<&str, &str> =
            self.values.iter().map(|(k, v)| (k.as_str(), v.first().map(String::as_str).unwrap_or(""))).collect();
        let mut errors: BTreeMap<String, String> = BTreeMap::new();
        let mut summary = Vec::new();
        // Every error, also several for one field (a manual's problems, each with its place).
        let all: Vec<Value> = self
            .errors
            .0
            .iter()
            .map(|e| minijinja::context! { field => e.field.clone(), message => message(e) })
            .collect();
        for error in &self.errors.0 {
            if !errors.contains_key(&error.field) {
                let text = message(error);
                errors.insert(error.field.clone(), text.clone());
                summary.push(minijinja::context! { field => error.field.clone(), message => text });
            }
        }
        minijinja::context! {
            values => values,
            lists => self.values.clone(),
            errors => errors,
            summary => summary,
            all => all,
        }
    }
}
