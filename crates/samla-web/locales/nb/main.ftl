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
error-budget-lines = Et budsjett kan ha høyst { $max } linjer.

## Programbibliotek og kursplanlegging (sider)
nav-programmes = Programmer
nav-courses = Kurs
home-task-programmes = Se programbiblioteket
home-task-courses = Se kursene
home-task-plan-course = Planlegg et nytt kurs
home-task-school-holidays = Legg inn skoleferier
cancel = Avbryt
remove = Fjern
target-group-children = Barn
target-group-adolescents = Ungdom
target-group-adults = Voksne
target-group-parents = Foreldre
target-group-families = Familier
prevention-universal = Universell
prevention-selective = Selektiv
prevention-indicated = Indikert
audience-participants = Deltakerne
audience-parents = Foreldre
audience-family = Familien
audience-network = Nettverket
meeting-kind-pre_conversation = Forsamtale
meeting-kind-information_meeting = Informasjonsmøte
meeting-kind-parent_meeting = Foreldremøte
meeting-kind-family_session = Familiesamling
meeting-kind-network_meeting = Nettverksmøte
meeting-kind-closing_conversation = Avslutningssamtale
meeting-kind-follow_up = Oppfølging
meeting-kind-supervision = Veiledning
course-role-coordinator = Koordinator
course-role-group_leader = Gruppeleder
course-role-user_representative = Brukerrepresentant
course-role-secretary = Sekretær
course-role-network_contact = Skole- eller nettverkskontakt
course-role-admin = Administrator
status-draft = Utkast
status-ready = Klar
status-recruiting = Rekrutterer
status-running = Pågår
status-completed = Fullført
status-archived = Arkivert
status-cancelled = Avlyst
weekday-mon = Mandag
weekday-tue = Tirsdag
weekday-wed = Onsdag
weekday-thu = Torsdag
weekday-fri = Fredag
weekday-sat = Lørdag
weekday-sun = Søndag
interval-weekly = Hver uke
interval-every_n_weeks = Hver N. uke (skriv antall uker under)
interval-dates = Utvalgte datoer (skriv dem under)
minutes = { $n } min
session-number = Samling { $number }
offset-same-day = samme dag som { $anchor }
offset-weeks-before = { $n ->
    [one] 1 uke
   *[other] { $n } uker
} før { $anchor }
offset-days-before = { $n ->
    [one] 1 dag
   *[other] { $n } dager
} før { $anchor }
offset-weeks-after = { $n ->
    [one] 1 uke
   *[other] { $n } uker
} etter { $anchor }
offset-days-after = { $n ->
    [one] 1 dag
   *[other] { $n } dager
} etter { $anchor }
anchor-start = første samling
anchor-session = samling { $number }
anchor-end = siste samling
anchor-course-start = kursstart
age-band = { $min }–{ $max } år
age-band-open = { $min } år og eldre
group-size = { $min }–{ $max } deltakere
evidence-level = nivå { $level }
staffing-rule = Minst { $leaders ->
    [one] 1 gruppeleder
   *[other] { $leaders } gruppeledere
} og { $representatives ->
    [one] 1 brukerrepresentant
   *[other] { $representatives } brukerrepresentanter
} på hver samling.
staffing-certified = Gruppelederne må ha programmets sertifisering.
budget-label = Post
budget-calculation = Beregning
budget-line-total = Sum
budget-total = Totalt
budget-total-per-participant = Per deltaker ({ $participants } deltakere)
budget-hours = { $hours } t
budget-units-leader = { $n ->
    [one] 1 gruppeleder
   *[other] { $n } gruppeledere
}
budget-units-session = { $n ->
    [one] 1 samling
   *[other] { $n } samlinger
}
budget-units-participant = { $n ->
    [one] 1 deltaker
   *[other] { $n } deltakere
}
budget-per-fixed = Fast antall
budget-per-leader = Per gruppeleder
budget-per-session = Per samling
budget-per-participant = Per deltaker
budget-row = Linje { $row }
budget-amount = Beløp eller timesats ({ $currency })
budget-hours-field = Timer (valgfritt)
budget-per = Ganges med
budget-count = Antall (ved fast antall)
programmes-title = Programbibliotek
programmes-intro = Programmene organisasjonen din kan bruke: egne og de som er delt med alle.
programmes-import = Importer et program
programmes-search-label = Søk i programmene
programmes-search = Søk etter navn eller innhold
programmes-search-submit = Søk
field-target-group = Målgruppe
programmes-found = { $count ->
    [one] Ett program
   *[other] { $count } programmer
}
programmes-none-found = Ingen programmer passer søket.
programmes-show-all = Vis alle programmene
programmes-empty = Biblioteket er tomt. En koordinator kan importere programmer.
programme-shared = Delt med alle organisasjoner
programme-from-other = Fra en annen organisasjon
programmes-back = Tilbake til programbiblioteket
programme-title = Program
programme-saved = Endringene er lagret som versjon { $version }.
programme-imported = Programmet er importert som versjon { $version }.
programme-old-version = Du ser på versjon { $version }, som ikke er den nyeste.
programme-see-current = Se nyeste versjon
programme-plan-course = Planlegg et kurs med dette programmet
programme-edit = Endre programmet
programme-facts = Om programmet
field-owner = Eier
programme-source = Kilde
field-target-groups = Målgrupper
programme-age-bands = Alder
programme-group-size = Gruppestørrelse
field-prevention-levels = Forebyggingsnivå
programme-not-stated = Ikke oppgitt
programme-sessions-count = Antall samlinger
programme-staffing = Bemanning
field-certification = Sertifisering
programme-version = Versjon
programme-sharing = Deling
programme-evidence = Kunnskapsgrunnlag
programme-sessions = Samlingene
programme-segments = Oppbygging
programme-goals = Mål
programme-content = Innhold
programme-homework = Refleksjonsoppgave
programme-materials = Verktøy og materiell
programme-meetings = Andre møter
programme-checklist = Sjekkliste for planleggingen
programme-budget = Budsjettmal
programme-budget-example = Regnet ut for et eksempelkurs med { $leaders ->
    [one] 1 gruppeleder
   *[other] { $leaders } gruppeledere
}, { $sessions ->
    [one] 1 samling
   *[other] { $sessions } samlinger
} og { $participants ->
    [one] 1 deltaker
   *[other] { $participants } deltakere
}.
programme-notes = Merknader
programme-versions = Versjoner
programme-version-n = versjon { $version }
programme-version-shown = vises nå
programme-edit-title = Endre program
programme-edit-intro = Når du lagrer, blir endringene en ny versjon. Kurs som allerede er planlagt, beholder versjonen de ble planlagt fra.
field-summary = Sammendrag
field-group-size-hint = Antall deltakere i en gruppe. La begge stå tomme hvis programmet ikke sier noe om det.
field-group-min = Minst
field-group-max = Høyst
field-min-group-leaders = Gruppeledere på hver samling (minst)
field-min-user-representatives = Brukerrepresentanter på hver samling (minst)
field-leaders-need-certification = Gruppelederne må være sertifisert
field-certification-hint = Opplæringen gruppelederne trenger, for eksempel «todagers ferdighetskurs».
programme-edit-advanced = Hele manualen som TOML (avansert)
field-manual-toml = Manualen (TOML)
field-manual-toml-hint = Samlinger, møter, sjekkliste og budsjett endres her. Feltene over går foran verdiene i teksten.
programme-save-version = Lagre som ny versjon
programme-import-title = Importer program
programme-import-intro = Lim inn en manual i TOML- eller JSON-format, som filene i data/programmes. Har organisasjonen allerede et program med samme kortnavn, blir dette en ny versjon av det.
field-manual = Manualen
field-manual-hint = TOML, eller JSON (teksten begynner da med en krøllparentes). Alle feil vises med stedet de står, og ingenting importeres før alt er riktig.
field-shared = Del med alle organisasjoner
field-shared-hint = For nasjonale kompetansesentre: programmet blir synlig i alle organisasjoners bibliotek.
programme-import-submit = Importer
error-manual-line = Linje { $line }: { $message }
error-target-groups-required = Velg minst én målgruppe.
error-group-size-order = «Høyst» kan ikke være mindre enn «minst».
error-certification-required = Skriv hvilken sertifisering gruppelederne må ha.
error-budget-row = Linje { $row }: { $message }
courses-title = Kurs
courses-new = Planlegg nytt kurs
courses-empty = Du er ikke med på noen kurs ennå.
courses-empty-planner = Ingen kurs er planlagt ennå.
course-starts = starter { $date }
courses-back = Tilbake til kursene
course-new-title = Planlegg nytt kurs
course-new-intro = Velg program, sted og tider. Samlingene legges utenom helligdager og skoleferier, og du kan flytte, avlyse og legge til samlinger etterpå.
course-choose-programme = Velg program
field-programme = Program
field-course-name = Kursets navn
field-course-name-hint = For eksempel «Mestringstreff høsten 2026».
field-venue = Sted
field-venue-hint = Bygning eller adresse.
field-room = Rom
field-start-date = Første dag
field-weekdays = Ukedager
field-weekdays-hint = Første dag må være en av ukedagene du velger.
field-start-time = Starter klokken
field-duration = Varighet i minutter
field-duration-hint = La stå tom for å bruke programmets lengde på samlingene.
field-interval = Hvor ofte
field-every-weeks = Antall uker mellom samlingene
field-every-weeks-hint = Bare for «hver N. uke»: 1–8.
field-dates = Datoer
field-dates-hint = Bare for «utvalgte datoer»: én dato per linje, eller skilt med komma.
field-session-count = Antall samlinger
field-session-count-hint = La stå tom for programmets antall, når programmet har et.
field-capacity = Plasser
field-capacity-hint = La stå tom for programmets største gruppe, når programmet oppgir en.
course-new-submit = Planlegg kurset
course-title = Kurs
course-saved-created = Kurset er planlagt. Se over timeplanen og sett sammen arbeidsgruppa.
course-saved-details = Endringene er lagret.
course-saved-status = Statusen er endret.
course-saved-staff-added = Personen er lagt til i arbeidsgruppa.
course-saved-staff-removed = Personen er fjernet fra arbeidsgruppa.
course-saved-checklist = Sjekklisten er oppdatert.
course-saved-budget = Budsjettet er lagret.
course-saved-session-changed = Samlingen er endret.
course-saved-feed-revoked = Kalenderadressen er trukket tilbake og virker ikke lenger.
course-warnings = Dette må ordnes
course-warnings-ready = Kurset kan ikke settes til «Klar» før alle samlingene er bemannet etter programmets regler.
course-conflict = Kolliderer med { $other }
course-details = Om kurset
course-capacity = { $count } plasser
course-when = Når
course-every-weeks = { $n ->
    [one] hver uke
   *[other] hver { $n }. uke
}
course-at = klokken { $time }
course-edit-details = Endre navn, sted og plasser
field-new-status = Ny status
field-cancel-reason = Grunn til avlysning
field-cancel-reason-hint = Må fylles ut når kurset avlyses.
course-change-status = Endre status
course-schedule = Timeplan
course-schedule-count = { $sessions ->
    [one] 1 samling
   *[other] { $sessions } samlinger
} og { $meetings ->
    [one] 1 møte
   *[other] { $meetings } møter
}.
course-schedule-holidays = Helligdager og organisasjonens skoleferier er hoppet over.
session-room = rom { $room }
session-meeting = Møte
session-cancelled = Avlyst: { $reason }
session-staff = Bemanning
session-no-staff = ingen ennå
session-substitute = vikar
session-lacks = Mangler: { $gaps }
course-working-group = Arbeidsgruppa
course-working-group-empty = Ingen er med i arbeidsgruppa ennå.
course-add-staff = Legg til i arbeidsgruppa
field-person = Person i organisasjonen
field-person-hint = Eller velg «Ekstern person» og skriv navnet under, for eksempel en kontakt på skolen.
course-staff-external = Ekstern person (skriv navnet under)
field-external-name = Navn på ekstern person
field-external-organisation = Den eksterne personens arbeidssted
field-course-role = Rolle i kurset
field-on-every-session = Sett personen på alle samlingene
field-on-every-session-hint = Gjelder gruppeledere og brukerrepresentanter.
course-add-staff-submit = Legg til
course-checklist = Sjekkliste
course-checklist-empty = Programmet har ingen sjekkliste.
checklist-due = Frist { $date }
checklist-done-at = Utført { $when }
checklist-overdue = Forfalt: fristen er passert
field-assignee = Hvem gjør det
checklist-nobody = Ingen valgt
checklist-done = Utført
course-budget = Budsjett
course-budget-figures = Regnet ut for { $leaders ->
    [one] 1 gruppeleder
   *[other] { $leaders } gruppeledere
}, { $sessions ->
    [one] 1 samling
   *[other] { $sessions } samlinger
} og { $participants ->
    [one] 1 deltaker
   *[other] { $participants } deltakere
}.
course-budget-caption = Budsjettposter i { $currency }
course-budget-empty = Kurset har ingen budsjettposter ennå.
course-budget-edit = Endre budsjettet
course-calendar = Kalender
course-calendar-intro = Lag en hemmelig adresse som kalenderappen kan abonnere på. Kalenderen viser tider, titler og sted, aldri deltakere. En ny adresse erstatter den gamle.
course-calendar-new = Lag ny kalenderadresse
course-calendar-revoke = Trekk tilbake kalenderadressen
calendar-feed-title = Kalenderadresse
calendar-feed-intro = Abonner på denne adressen i kalenderappen for å få samlingene i «{ $course }».
calendar-feed-once = Adressen vises bare nå. En tidligere adresse for kurset virker ikke lenger.
course-back = Tilbake til kurset
course-edit-title = Endre kurset
field-room-edit-hint = Samlinger som allerede er planlagt, beholder rommet sitt; flytt dem hver for seg.
course-budget-title = Endre budsjettet
course-budget-intro = Beløp i { $currency }. Skriv gjerne desimaler med komma, for eksempel 350,50. Med timer blir beløpet en timesats.
course-budget-rows-hint = En linje uten innhold blir fjernet.
session-title = Samling
session-time = Tid
session-audience = For
session-planned = Planlagt
session-gaps = Mangler
session-move = Flytt samlingen
field-date = Dato
field-end-time = Slutter klokken
session-move-submit = Flytt
session-staffing = Bemanning
session-staffing-legend = Hvem er med på denne samlingen
session-staffing-submit = Lagre bemanningen
session-staffing-empty = Legg først til personer i arbeidsgruppa.
session-cancel = Avlys samlingen
field-session-cancel-reason = Grunn
session-cancel-submit = Avlys samlingen
session-new-title = Legg til samling eller møte
session-new-intro = De andre samlingene blir som de er.
field-session-title = Tittel
field-session-title-hint = Valgfritt. Uten tittel får samlingen et nummer.
field-session-room-hint = La stå tom for kursets rom ({ $room }).
field-meeting = Dette er et møte, ikke en samling
field-meeting-hint = For eksempel foreldremøte eller nettverksmøte. Møter telles ikke som samlinger.
session-new-submit = Legg til
holidays-title = Skoleferier
holidays-intro = Skoleferiene i kommunen. Nye kurs legger ingen samlinger i dem. Helligdager regnes ut av seg selv og trenger ikke legges inn.
holidays-saved-added = Skoleferien er lagt til.
holidays-saved-removed = Skoleferien er fjernet.
holidays-period = { $first } – { $last }
holidays-empty = Ingen skoleferier er lagt inn.
holidays-add = Legg til skoleferie
field-holiday-name = Navn
field-holiday-name-hint = For eksempel «Høstferie».
field-first-day = Første dag
field-last-day = Siste dag
holidays-add-submit = Legg til
programme-budget-example-no-group = Regnet ut for et eksempelkurs med { $leaders ->
    [one] 1 gruppeleder
   *[other] { $leaders } gruppeledere
} og { $sessions ->
    [one] 1 samling
   *[other] { $sessions } samlinger
}.

## Sertifisering
certifications-title = Sertifiserte gruppeledere
certifications-intro = Når programmet krever sertifisering, teller bare sertifiserte gruppeledere når bemanningen sjekkes.
certifications-none = Ingen er registrert som sertifisert ennå.
certifications-since = sertifisert { $date }
certifications-remove = Fjern sertifiseringen til { $name }
certifications-person = Person
certifications-date = Sertifisert dato
certifications-add = Registrer sertifisering

## Egen kalender
account-calendar = Min kalender
account-calendar-intro = Abonner på samlingene og møtene du er satt opp på, i kalenderappen din. Adressen er hemmelig; lag en ny hvis den kommer på avveie.
account-calendar-new = Lag ny kalenderadresse
account-calendar-revoke = Slå av kalenderadressen
account-saved-calendar-revoked = Kalenderadressen virker ikke lenger.
calendar-feed-intro-own = Legg denne adressen inn som abonnement i kalenderappen din. Den viser samlingene og møtene du er satt opp på, uten opplysninger om deltakerne.
