# samla – norsk bokmål (standardspråk)

## Ramme
skip-to-main = Hopp til hovedinnholdet
nav-label = Hovedmeny
nav-home = Forside
nav-users = Personer
nav-organisation = Organisasjon
nav-audit = Logg
nav-account = Min konto
nav-logout = Logg ut
language-label = Språk:
save = Lagre
never = Aldri
any = Alle
list-next = Neste side
list-older = Eldre oppføringer

## Skjema
form-error-summary = Noe må rettes før du går videre
form-error-prefix = Feil:

## Roller
role-admin = Administrator
role-coordinator = Koordinator
role-group_leader = Gruppeleder
role-secretary = Sekretær
role-user_representative = Brukerrepresentant
role-analyst = Analytiker

## Land
country-NO = Norge
country-DK = Danmark

## Felt
field-email = E-postadresse
field-password = Passord
field-code = Kode
field-name = Navn
field-new-password = Nytt passord
field-repeat-password = Gjenta det nye passordet
field-current-password = Nåværende passord
field-organisation-name = Organisasjonens navn
field-organisation = Organisasjon
field-slug = Kortnavn i adresser
field-slug-hint = 2–40 små bokstaver (a–z), tall og bindestrek, for eksempel «bodo-kommune».
field-country = Land
field-roles = Roller
field-label = Navn på nøkkelen
field-label-hint = Hva nøkkelen skal brukes til, for eksempel «rapportskript».
field-disabled = Deaktivert
field-disabled-hint = En deaktivert person kan ikke logge inn, og alle innlogginger og nøkler slutter å virke med en gang.
field-require-second-factor = Krev totrinnsinnlogging
field-require-second-factor-hint = Gjelder roller som ser personopplysninger: administrator, koordinator, gruppeleder og sekretær.
field-audit-action = Handling
field-audit-action-hint = For eksempel login.password eller user.update.
field-record-type = Type oppføring
field-record-id = Oppføringens id
field-user-id = Personens id
field-outcome = Utfall
field-from = Fra dato
field-to = Til dato
password-hint = Minst 8 tegn. Bruk gjerne flere ord; vanlige passord godtas ikke.

## Kolonner
column-created = Opprettet
column-last-used = Sist brukt
column-status = Status
column-when = Tidspunkt
column-who = Hvem
column-record = Oppføring
column-request = Forespørsel

## Feil i felt
error-required = Fyll ut feltet.
error-too-long = Skriv høyst { $max } tegn.
error-invalid-characters = Feltet inneholder tegn som ikke kan brukes.
error-email-invalid = Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.
error-password-too-short = Passordet må ha minst { $min } tegn.
error-password-too-long = Passordet kan ha høyst { $max } tegn.
error-password-common = Dette passordet er for vanlig og lett å gjette. Velg et annet, gjerne flere ord.
error-login-failed = Feil e-postadresse eller passord, eller for mange forsøk. Prøv igjen om noen minutter.
error-code-wrong = Koden stemmer ikke. Skriv den nyeste koden fra appen, eller en gjenopprettingskode.
error-password-wrong = Det nåværende passordet stemmer ikke.
error-password-mismatch = Passordene er ikke like.
error-taken = Dette er allerede i bruk.
error-member-exists = Personen er allerede med i organisasjonen.
error-roles-required = Velg minst én rolle.
error-role-unknown = Ukjent rolle.
error-cannot-demote-self = Du kan ikke fjerne din egen administratorrolle eller deaktivere deg selv.
error-changed-meanwhile = Noen andre har endret dette mens du redigerte. Se over verdiene og lagre på nytt.
error-slug-invalid = Bruk 2–40 små bokstaver (a–z), tall og bindestrek.
error-country-unknown = Velg Norge eller Danmark.
error-number = Skriv et heltall.
error-choice = Velg et av alternativene.
error-date = Skriv datoen som ÅÅÅÅ-MM-DD.
error-limit = Velg et antall mellom 1 og { $max }.
error-cursor = Ugyldig sidepeker; bruk verdien fra forrige svar.

## Feilsider og API-feil
error-go-home = Gå til forsiden
error-reference = Feilkode { $status }, referanse { $id }
problem-invalid = Noe må rettes
problem-invalid-detail = Ett eller flere felt kunne ikke godtas.
problem-taken = Finnes allerede
problem-taken-detail = En verdi som må være unik, er allerede i bruk.
problem-bad-request = Ugyldig forespørsel
problem-bad-request-detail = Forespørselen kunne ikke forstås.
problem-unauthenticated = Du må logge inn
problem-unauthenticated-detail = Logg inn, eller send en gyldig tilgangsnøkkel.
problem-forbidden = Ingen tilgang
problem-forbidden-detail = Rollen din gir ikke tilgang til dette. Spør en administrator hvis du trenger det.
problem-not-found = Fant ikke siden
problem-not-found-detail = Siden eller oppføringen finnes ikke, eller du har ikke tilgang til den.
problem-method = Metoden støttes ikke
problem-method-detail = Denne adressen støtter ikke denne HTTP-metoden.
problem-not-acceptable = Formatet støttes ikke
problem-not-acceptable-detail = Svaret finnes ikke i formatet som ble bedt om.
problem-gone = Lenken virker ikke lenger
problem-gone-detail = Lenken er brukt, utløpt eller ugyldig. Be om en ny.
problem-stale = Endret av noen andre
problem-stale-detail = Oppføringen er endret siden du hentet den. Hent den på nytt og prøv igjen.
problem-too-large = For stor forespørsel
problem-too-large-detail = Forespørselen er større enn 1 MiB.
problem-media-type = Feil innholdstype
problem-media-type-detail = Send innholdet som application/json.
problem-precondition = Versjon mangler
problem-precondition-detail = Send If-Match med ETag-verdien du fikk da du hentet oppføringen.
problem-throttled = For mange forespørsler
problem-throttled-detail = Vent litt og prøv igjen.
problem-internal = Noe gikk galt hos oss
problem-internal-detail = Feilen er logget. Prøv igjen om litt; ingenting er lagret halvveis.
problem-csrf-detail = Skjemaet var utløpt. Gå tilbake, last siden på nytt og send skjemaet igjen.
problem-form-detail = Skjemaet kunne ikke leses.
problem-json-content-type = Send innholdet som application/json.
problem-json-detail = Ugyldig JSON ved { $location }.
problem-query-detail = Ugyldig parameter: { $location }.

## Innlogging
login-title = Logg inn
login-welcome = Passordet er lagret. Du kan nå logge inn.
login-submit = Logg inn
login-help = Glemt passordet? Be en administrator i organisasjonen din om en ny lenke.
second-factor-title = Bekreft at det er deg
second-factor-hint = Skriv den sekssifrede koden fra autentiseringsappen, eller en av gjenopprettingskodene dine.
second-factor-submit = Bekreft
second-factor-cancel = Avbryt og logg ut
enrol-title = Totrinnsinnlogging
enrol-required = Organisasjonen din krever totrinnsinnlogging for rollen din. Sett det opp for å fortsette.
enrol-replacing = Du har allerede totrinnsinnlogging. Når du bekrefter en ny kode her, slutter den gamle å virke, og du får nye gjenopprettingskoder.
enrol-step-app = Åpne en autentiseringsapp på telefonen, for eksempel Microsoft Authenticator, Google Authenticator eller FreeOTP.
enrol-step-scan = Skann QR-koden med appen.
enrol-qr-alt = QR-kode for å legge samla til i autentiseringsappen. Hemmeligheten står også som tekst under.
enrol-step-type = Eller skriv inn denne hemmeligheten:
enrol-step-code = Skriv koden appen viser, for å bekrefte.
enrol-submit = Slå på totrinnsinnlogging
recovery-title = Gjenopprettingskoder
recovery-intro = Totrinnsinnlogging er slått på. Skriv ut eller lagre disse kodene et trygt sted. Hver kode kan brukes én gang hvis du mister telefonen. De vises bare nå.
recovery-continue = Fortsett

## Oppsett og invitasjon
setup-title = Sett opp samla
setup-intro = Opprett organisasjonen og den første administratoren. Lenken virker bare én gang.
setup-organisation = Organisasjonen
setup-admin = Administratoren
setup-submit = Opprett
welcome-title = Velkommen til samla
welcome-intro = Hei, { $name }. Velg et passord for kontoen din.
welcome-submit = Lagre passordet

## Forside
home-title = Forside
home-greeting = Velkommen, { $name }. Du arbeider i { $organisation }.
home-roles = Rollene dine
home-tasks = Det du kan gjøre
home-task-users = Legg til personer og gi dem roller
home-task-organisation = Endre organisasjonens innstillinger
home-task-audit = Se hvem som har gjort hva i loggen
home-task-account = Endre passord, språk, tilgangsnøkler og innlogginger
home-second-factor-advice = Kontoen din er bedre beskyttet med totrinnsinnlogging.
home-second-factor-link = Slå på totrinnsinnlogging
home-organisations = Organisasjonene dine
home-switch = Bytt organisasjon

## Min konto
account-title = Min konto
account-saved-password = Passordet er endret. Andre innlogginger er avsluttet.
account-saved-token-revoked = Nøkkelen er trukket tilbake.
account-saved-sessions = Innloggingen er avsluttet.
account-email = Du logger inn med { $email }.
account-password = Passord
account-password-submit = Endre passord
account-second-factor = Totrinnsinnlogging
account-second-factor-on = Totrinnsinnlogging er på. Du har { $count } ubrukte gjenopprettingskoder.
account-second-factor-replace = Flytt til ny telefon og lag nye gjenopprettingskoder
account-second-factor-off = Totrinnsinnlogging er av.
account-second-factor-enrol = Slå på totrinnsinnlogging
account-tokens = Tilgangsnøkler for API-et
account-tokens-intro = En nøkkel gir et program de samme rettighetene som deg. Den vises bare én gang når den lages.
token-revoked = Trukket tilbake
token-revoke = Trekk tilbake «{ $label }»
token-create = Lag ny nøkkel
token-created-title = Ny tilgangsnøkkel
token-created-intro = Nøkkelen «{ $label }» er laget. Kopier den nå; den vises ikke igjen.
token-created-back = Tilbake til kontoen
account-sessions = Innlogginger
session-unknown-browser = Ukjent nettleser
session-times = Startet { $started }, sist aktiv { $seen }
session-current = Denne innloggingen
session-end = Avslutt
session-end-others = Avslutt alle andre innlogginger

## Personer
users-title = Personer
users-new = Legg til person
user-disabled = Deaktivert
user-active = Aktiv
user-second-factor = totrinn på
user-new-title = Legg til person
user-new-intro = Personen får en lenke der de velger sitt eget passord. Ingen andre kjenner passordet.
user-new-submit = Legg til og lag invitasjon
user-title = Person
user-saved-saved = Endringene er lagret.
user-saved-second-factor-reset = Totrinnsinnloggingen er fjernet. Personen setter den opp igjen ved neste innlogging.
user-access = Tilgang
user-reset-second-factor-intro = Har personen mistet telefonen? Fjern totrinnsinnloggingen, så kan de sette den opp på nytt.
user-reset-second-factor = Fjern totrinnsinnlogging
user-reinvite-intro = Har personen glemt passordet? Lag en ny lenke der de velger nytt passord.
user-reinvite = Lag ny lenke
invitation-title = Invitasjonslenke
invitation-intro = Gi lenken til personen på en trygg måte. Den virker én gang i { $days } dager.
invitation-back = Til personen

## Organisasjon
organisation-title = Organisasjonens innstillinger
organisation-saved = Innstillingene er lagret.

## Logg
audit-title = Logg
audit-search = Søk
audit-results = { $count } oppføringer, nyeste først
outcome-success = Utført
outcome-failure = Mislyktes
outcome-denied = Avvist

## Planlegging: feil
error-session-count = Velg mellom 1 og { $max } samlinger.
error-dates-required = Velg minst én dato.
error-every-weeks = Velg et intervall mellom 1 og 8 uker.
error-weekdays-required = Velg minst én ukedag.
error-start-weekday = Startdatoen faller ikke på en av ukedagene du har valgt.
error-date-closed = { $date } er en helligdag eller ligger i en skoleferie.
error-schedule-does-not-fit = Samlingene får ikke plass innen fem år; sjekk skoleferiene og ukedagene.
error-amount-negative = Beløpet kan ikke være negativt.
error-amount-invalid = Skriv et beløp, for eksempel 350 eller 350,50.
error-amount-decimals = Bruk høyst to desimaler.
error-amount-too-large = Beløpet er for stort.

## Bemanning
gap-group-leaders = { $have } av { $need } gruppeledere
gap-certified-group-leaders = { $have } av { $need } sertifiserte gruppeledere
gap-user-representatives = { $have } av { $need } brukerrepresentanter

## Helligdager
holiday-new-year = Første nyttårsdag
holiday-maundy-thursday = Skjærtorsdag
holiday-good-friday = Langfredag
holiday-easter-sunday = Første påskedag
holiday-easter-monday = Andre påskedag
holiday-ascension = Kristi himmelfartsdag
holiday-whit-sunday = Første pinsedag
holiday-whit-monday = Andre pinsedag
holiday-christmas-day = Første juledag
holiday-boxing-day = Andre juledag
holiday-labour-day = Arbeidernes dag
holiday-constitution-day-no = Grunnlovsdagen
holiday-great-prayer-day = Store bededag
problem-refused = Ikke tillatt nå
problem-refused-detail = Endringen strider mot en regel; se feltene.
error-end-before-start = Slutten må komme etter starten.
error-holiday-too-long = En ferie kan vare høyst 120 dager; del den opp.
error-time = Skriv klokkeslettet som TT:MM, for eksempel 14:15.
error-number-range = Skriv et tall fra { $min } til { $max }.
error-programme-unknown = Velg et program fra biblioteket.
error-course-closed = Kurset er avsluttet eller avlyst og kan ikke endres.
error-status-transition = Kurset kan ikke gå fra «{ $from }» til «{ $to }».
error-cancel-reason = Skriv hvorfor kurset avlyses.
error-staffing-gaps = { $count } samlinger mangler bemanning etter programmets regler.
error-staff-who = Velg en person i organisasjonen, eller skriv navnet på en ekstern kontakt.
error-slug-fixed = Kortnavnet kan ikke endres; importer som et nytt program i stedet.
error-manual = { $path }: { $message }
