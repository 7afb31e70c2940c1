use crate::{Clock, I18n};
use samla_storage::Store;
use std::sync::Arc;

/// Settings the web layer needs from configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Where people reach samla, e.g. `https://samla.kommune.no`; decides whether
    /// cookies are `Secure` with the `__Host-` prefix and whether HSTS is sent.
    pub public_url: String,
    /// Lets tests move the clock through `POST /test/clock` (never in production).
    pub test_clock: bool,
}

impl WebConfig {
    pub fn uses_tls(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Clock,
    pub config: Arc<WebConfig>,
    pub(crate) i18n: Arc<I18n>,
    pub(crate) views: Arc<crate::views::Views>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig, clock: Clock) -> Self {
        let i18n = Arc::new(I18n::load());
        let views = Arc::new(crate::views::Views::load(i18n.clone()));
        Self { store, clock, config: Arc::new(config), i18n, views }
    }
}
