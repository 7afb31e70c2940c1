use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};

/// The value of one request cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Cookies to set on a response, all HttpOnly and SameSite.
#[derive(Debug, Default)]
pub struct CookieJar {
    pub(crate) set: Vec<HeaderValue>,
}

impl CookieJar {
    /// `max_age` of `None` makes a cookie that ends with the browser session; `Some(0)`
    /// removes it.
    pub fn add(&mut self, name: &str, value: &str, max_age: Option<i64>, secure: bool, same_site_strict: bool) {
        let mut text =
            format!("{name}={value}; Path=/; HttpOnly; SameSite={}", if same_site_strict { "Strict" } else { "Lax" });
        if secure {
            text.push_str("; Secure");
        }
        if let Some(age) = max_age {
            text.push_str(&format!("; Max-Age={age}"));
        }
        if let Ok(value) = HeaderValue::from_str(&text) {
            self.set.push(value);
        }
    }

    pub fn apply(self, headers: &mut HeaderMap) {
        for value in self.set {
            headers.append(SET_COOKIE, value);
        }
    }
}
