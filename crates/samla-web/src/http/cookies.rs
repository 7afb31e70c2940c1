//! Request and response cookies, parsed and written by the `cookie` crate (the one
//! axum-extra builds on); samla's own rule is only that every cookie is HttpOnly,
//! SameSite and on the whole site.

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use cookie::{time::Duration, Cookie, SameSite};

/// The value of one request cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| c.value_raw())
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
        let mut cookie = Cookie::build((name, value))
            .path("/")
            .http_only(true)
            .same_site(if same_site_strict { SameSite::Strict } else { SameSite::Lax })
            .secure(secure);
        if let Some(age) = max_age {
            cookie = cookie.max_age(Duration::seconds(age));
        }
        if let Ok(value) = HeaderValue::from_str(&cookie.build().to_string()) {
            self.set.push(value);
        }
    }

    pub fn apply(self, headers: &mut HeaderMap) {
        for value in self.set {
            headers.append(SET_COOKIE, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_static("a=1; samla_session=abc; b=2"));
        headers.append(COOKIE, HeaderValue::from_static("lang=en"));
        assert_eq!(cookie(&headers, "samla_session"), Some("abc"));
        assert_eq!(cookie(&headers, "lang"), Some("en"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn every_cookie_set_is_http_only_and_same_site() {
        let mut jar = CookieJar::default();
        jar.add("s", "v", Some(0), true, true);
        jar.add("l", "en", None, false, false);
        let set: Vec<&str> = jar.set.iter().map(|v| v.to_str().unwrap()).collect();
        for (text, same_site) in set.iter().zip(["Strict", "Lax"]) {
            assert!(text.contains("HttpOnly") && text.contains(&format!("SameSite={same_site}")), "{text}");
            assert!(text.contains("Path=/"), "{text}");
        }
        assert!(set[0].contains("Secure") && set[0].contains("Max-Age=0"), "{}", set[0]);
        assert!(!set[1].contains("Secure") && !set[1].contains("Max-Age"), "{}", set[1]);
    }
}
