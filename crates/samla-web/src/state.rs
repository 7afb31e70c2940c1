use crate::outbox_worker::{MailSettings, Mailer};
use crate::{Clock, I18n};
use samla_storage::Store;
use std::sync::Arc;
use tokio::sync::Notify;

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
    /// How the outbox is delivered; `None` in the mailer keeps mail queued.
    pub(crate) mail: Arc<MailSettings>,
    pub(crate) mailer: Option<Arc<Mailer>>,
    /// Wakes the outbox worker when a message was queued (after its commit).
    pub(crate) outbox_wakeup: Arc<Notify>,
    /// Commits the audit rows written on their own, several at once when they come together.
    pub(crate) audit_writer: crate::services::audit::AuditWriter,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig, clock: Clock) -> Self {
        let i18n = Arc::new(I18n::load());
        let views = Arc::new(crate::views::Views::load(i18n.clone()));
        Self {
            audit_writer: crate::services::audit::AuditWriter::start(store.clone()),
            store,
            clock,
            config: Arc::new(config),
            i18n,
            views,
            mail: Arc::new(MailSettings::default()),
            mailer: None,
            outbox_wakeup: Arc::new(Notify::new()),
        }
    }

    /// Sends the outbox over SMTP as `settings` say (without an SMTP address, mail stays
    /// queued). Fails on an SMTP address or sender that cannot be used, so a typo stops
    /// the start instead of silently keeping every mail back.
    pub fn with_mail(mut self, settings: MailSettings) -> Result<Self, String> {
        self.mailer = Mailer::new(&settings)?.map(Arc::new);
        self.mail = Arc::new(settings);
        Ok(self)
    }
}
