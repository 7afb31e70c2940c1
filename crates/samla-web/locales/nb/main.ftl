# samla – norsk bokmål (standardspråk)

## Ramme
skip-to-main = Hopp til hovedinnholdet
nav-label = Hovedmeny
nav-home = Forside
nav-users = Personer
nav-staff = Ansatte
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
problem-json-object = Innholdet må være et JSON-objekt.
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
staff-title = Ansatte
staff-intro = Alle som arbeider her og har en aktiv konto, med roller og programmene de er sertifisert for å lede, til å sette sammen arbeidsgruppen for et kurs.
staff-filter-role = Rolle
staff-every-role = Alle roller
staff-show = Vis
staff-certifications = Sertifisert for
staff-certified-on = siden { $date }
staff-certified-for = sertifisert for { $programme }
staff-empty = Ingen med denne rollen.
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
error-child-contact = Et barn nås gjennom de foresatte: oppgi foresattes telefon og e-post i stedet.
error-adult-no-guardian = En voksen deltaker har ingen foresatt på søknaden: la feltet være tomt.
error-programme-not-the-courses = Kurset hører til et annet program: la programmet være tomt, eller velg et kurs i det.
error-guardian-known = { $name } er allerede i husstanden, med andre kontaktopplysninger. Endre dem på husstandssiden, eller la feltet være tomt.
error-responsibility-guardian-only = Bare en foresatt har foreldreansvar.
error-programme-archived = Programmet er arkivert. Ta det i bruk igjen i biblioteket først.
error-course-closed = Kurset er avsluttet eller avlyst og kan ikke endres.
error-status-transition = Kurset kan ikke gå fra «{ $from }» til «{ $to }».
error-cancel-reason = Skriv hvorfor kurset avlyses.
error-staffing-gaps = { $count } samlinger mangler bemanning etter programmets regler.
error-deviation-reason-required = Kurset avviker fra programmets regler. Skriv hvorfor det likevel skal gå videre, eller bemann samlingene først.
deviation-group-leaders = { $sessions ->
    [one] 1 samling har
   *[other] { $sessions } samlinger har
} færre gruppeledere enn programmet krever (færrest { $fewest } av { $needed }).
deviation-certified-group-leaders = { $sessions ->
    [one] 1 samling har
   *[other] { $sessions } samlinger har
} færre sertifiserte gruppeledere enn programmet krever (færrest { $fewest } av { $needed }).
deviation-user-representatives = { $sessions ->
    [one] 1 samling har
   *[other] { $sessions } samlinger har
} færre brukerrepresentanter enn programmet krever (færrest { $fewest } av { $needed }).
error-staff-who = Velg en person i organisasjonen, eller skriv navnet på en ekstern kontakt.
error-staff-was-present = Personen er ført som til stede på en gjennomført samling og blir stående i arbeidsgruppen, slik at oppmøtet stemmer. Ta vedkommende ut av bemanningen av de kommende samlingene i stedet.
error-staff-one-of = Velg en person her eller skriv inn noen utenfra, ikke begge deler.
error-on-every-session-role = Bare gruppeledere og brukerrepresentanter settes på alle samlingene.
error-only-with-interval = Bare med intervallet «{ $interval }».
error-not-with-dates = Brukes ikke med håndplukkede datoer: la feltet være tomt.
error-session-count-dates = Med håndplukkede datoer får kurset én samling per dato: { $count }.
error-slug-fixed = Kortnavnet kan ikke endres; importer som et nytt program i stedet.
error-manual = { $path }: { $message }
error-budget-lines = Et budsjett kan ha høyst { $max } linjer.

## Programbibliotek og kursplanlegging (sider)
nav-programmes = Programmer
nav-courses = Kurs
home-task-today = Dagens samlinger: oppmøte og logg
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
weekday-in-sentence-mon = mandag
weekday-in-sentence-tue = tirsdag
weekday-in-sentence-wed = onsdag
weekday-in-sentence-thu = torsdag
weekday-in-sentence-fri = fredag
weekday-in-sentence-sat = lørdag
weekday-in-sentence-sun = søndag
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
programme-archived = Arkivert
programme-archived-note = Programmet er arkivert: det er ikke i biblioteket, kan ikke planlegges kurs fra og får ikke nye utgaver fra samla. Kursene beholder det.
programme-shipped-note = Dette er samlas egen manual. Når samla kommer med en ny utgave, blir den neste versjon her så lenge dere lar programmet være uendret; redigerer dere det, blir deres versjon stående. Kursene beholder versjonen de ble planlagt fra.
programme-archive = Arkiver programmet
programme-unarchive = Ta programmet i bruk igjen
programme-archived-notice = Programmet er arkivert.
programme-unarchived-notice = Programmet er i bruk igjen.
programmes-show-archived = Vis også arkiverte programmer
programmes-hide-archived = Skjul arkiverte programmer
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
programme-statistics = Kurs etter programmet
programme-statistics-courses = { $count ->
    [0] Ingen kurs etter programmet har gått videre fra utkast.
    [one] 1 kurs etter programmet har gått videre fra utkast (avlyste ikke medregnet).
   *[other] { $count } kurs etter programmet har gått videre fra utkast (avlyste ikke medregnet).
}
programme-statistics-deviations = { $count ->
    [0] Ingen av dem har godtatte avvik fra programmets regler.
    [one] 1 av dem har godtatte avvik fra programmets regler.
   *[other] { $count } av dem har godtatte avvik fra programmets regler.
}
programme-deviations-caption = Kurs med godtatte avvik, etter slag
programme-deviations-kind = Avvik
programme-deviations-courses = Kurs
programme-deviation-kind-group-leaders = For få gruppeledere
programme-deviation-kind-certified-group-leaders = For få sertifiserte gruppeledere
programme-deviation-kind-user-representatives = For få brukerrepresentanter
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
field-duration-hint = Alle samlingene får denne lengden. La stå tom for å gi hver samling lengden programmet planlegger for den.
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
planning-warning-in-the-past = { $count ->
    [one] 1 samling eller møte ligger før i dag. Det er riktig når dere registrerer et kurs som allerede er holdt; ellers velg en annen dag.
   *[other] { $count } samlinger og møter ligger før i dag. Det er riktig når dere registrerer et kurs som allerede er holdt; ellers velg andre dager.
}
course-past-heading = Planlagt før i dag
course-warnings = Dette må ordnes
course-warnings-ready = Kurset kan settes til «Klar» når alle samlingene er bemannet etter programmets regler, eller når en koordinator godtar avvikene med en skriftlig begrunnelse.
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
field-deviation-reason = Hvorfor kurset går videre selv om det avviker fra programmet
field-deviation-reason-hint = Kreves for å sette kurset til Klar, Rekrutterer eller Pågår så lenge avvikene ikke er godtatt. Begrunnelsen lagres med navnet ditt og tidspunktet.
course-deviations = Avvik fra programmet
course-deviations-none-now = Kurset følger programmets regler nå.
course-deviation-accepted = Godtatt
course-deviation-open = Ikke godtatt
course-deviations-accepted = Godtatte avvik
course-deviation-accepted-by = Godtatt av { $name } { $time } (ved status «{ $status }»)
course-deviation-reason = Begrunnelse
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

## outbox
nav-outbox = Utgående e-post
outbox-title = Utgående e-post
outbox-intro = All e-post samla sender, går gjennom denne køen. En melding som ikke kommer fram, prøves igjen etter 1 minutt, 5 minutter, 30 minutter, 2 timer og 6 timer; deretter står den som feilet og kan sendes på nytt herfra i 7 dager. Innholdet i meldingene vises ikke her, og det blir ikke tatt vare på: teksten i en melding, som kan inneholde en personlig lenke, slettes når meldingen er sendt, og 7 dager etter at den feilet.
outbox-not-sending = Denne installasjonen har ingen e-posttjener satt opp, så meldingene blir liggende i køen til en administrator setter opp SAMLA_SMTP_URL.
outbox-filter = Vis
outbox-results = { $count ->
    [one] 1 melding
   *[other] { $count } meldinger
}
outbox-empty = Ingen meldinger.
outbox-column-message = Melding
outbox-to = Til: { $address }
outbox-attempts = { $count ->
    [one] 1 forsøk
   *[other] { $count } forsøk
}
outbox-created-at = Opprettet { $when }
outbox-sent-at = Sendt { $when }
outbox-last-error = Siste feil: { $error }
outbox-status-queued = I kø
outbox-status-sent = Sendt
outbox-status-failed = Feilet
outbox-next-attempt = Neste forsøk { $when }
outbox-retry = Send på nytt nå
outbox-resendable-until = Kan sendes på nytt til { $when }.
outbox-resend-closed = Teksten er slettet, så meldingen kan ikke sendes på nytt: meldinger som har feilet, beholdes i 7 dager, slik at ingen personlig lenke blir liggende lagret. Trengs den fortsatt, gjør det som sendte den, på nytt (for eksempel send tilbudet eller invitasjonen igjen).
outbox-saved-retried = Meldingen ligger i køen igjen og sendes straks.
error-outbox-not-failed = Bare meldinger som har feilet, kan sendes på nytt.
error-outbox-erased = Denne meldingen feilet for mer enn 7 dager siden, og teksten er slettet, så den kan ikke sendes på nytt. Trengs den fortsatt, gjør det som sendte den, på nytt.
mail-application-receipt-subject = { $organisation }: Vi har mottatt påmeldingen eller henvisningen
mail-application-receipt-body =
    Hei,

    takk! { $organisation } har mottatt påmeldingen eller henvisningen.

    Referansekoden er { $reference }. Oppgi den hvis du tar kontakt med oss om saken.

    Vi tar kontakt med deg.

    Vil du trekke påmeldingen, kan du gjøre det her:
    { $link }

    Hilsen
    { $organisation }

## intake: errors
error-adult-is-child = Etter denne fødselsdatoen er deltakeren under 18 år. Barn meldes på av en foresatt.
error-age-band = Høyeste alder må være minst like høy som laveste alder.
error-birth-date-future = Fødselsdatoen kan ikke være fram i tid.
error-child-is-adult = Etter denne fødselsdatoen er deltakeren 18 år eller eldre. Voksne melder seg på selv.
error-consent-capacity = Denne personen kan ikke gi dette samtykket i den rollen.
error-consent-giver = Velg en person i husstanden.
error-consent-missing = { $capacity ->
    [guardian] Samtykke til { $purpose ->
        [participation] å delta
        [share_with_network] deling med skole og nettverk
       *[evaluation] bruk i evaluering
    } mangler fra { $known ->
        [no] en foresatt med foreldreansvar
       *[yes] { $name } (foresatt)
    }.
    [child_own_say] { $name } sin egen mening om { $purpose ->
        [participation] å delta
        [share_with_network] deling med skole og nettverk
       *[evaluation] bruk i evaluering
    } mangler.
   *[other] Samtykke til { $purpose ->
        [participation] å delta
        [share_with_network] deling med skole og nettverk
       *[evaluation] bruk i evaluering
    } mangler fra { $name }.
}
error-consent-none-chosen = Kryss av for minst ett samtykke, eller lukk siden hvis du ikke vil samtykke.
error-consent-participation-required = Samtykke til å delta trengs for å melde på.
error-consent-text-missing = Organisasjonen har ikke skrevet en samtykketekst for dette ennå. Be koordinatoren skrive en.
error-course-other-programme = Velg et kurs i det samme tilbudet som tar imot påmeldinger.
error-course-unknown = Velg et kurs som tar imot påmeldinger.
error-date-future = Datoen kan ikke være fram i tid.
error-date-past = Datoen kan ikke være tilbake i tid.
error-enrol-needs-course = Velg et kurs for søknaden før du tar deltakeren inn.
error-family-informed = Bekreft at familien kjenner til og er enig i henvisningen.
error-merge-enrolled = Duplikatet er allerede tatt inn på et kurs og kan ikke slås sammen.
error-merge-merged = En av søknadene er allerede slått sammen.
error-merge-self = En søknad kan ikke slås sammen med seg selv.
error-national-id-birth-date = Fødselsnummeret stemmer ikke med fødselsdatoen.
error-national-id-checksum = Fødselsnummeret er ikke gyldig. Sjekk sifrene.
error-national-id-date = Fødselsnummeret inneholder ikke en gyldig fødselsdato.
error-national-id-format = Skriv fødselsnummeret med 11 siffer.
error-no-email = Denne personen har ingen e-postadresse.
error-offer-through-group = Plasser tilbys gjennom gruppeforslaget for et kurs.
error-phone = Skriv et telefonnummer med 5 til 15 siffer, for eksempel 912 34 567.
error-pre-conversations-max = Det kan registreres høyst { $max } forsamtaler.
error-priority = Velg prioritet fra 1 (høyest) til 3.
error-proposal-changed = Ventelisten er endret siden forslaget ble laget. Se det nye forslaget og bekreft igjen.
error-proposal-empty = Ingen er med i den foreslåtte gruppen.
error-stage-move = En søknad kan ikke flyttes fra «{ $from }» til «{ $to }».
error-too-many-submissions = Det er sendt for mange skjemaer fra denne adressen. Prøv igjen om en time, eller ring oss.

## intake: mail
mail-referral-receipt-subject = { $organisation }: henvisning mottatt
mail-referral-receipt-body =
    Hei,

    { $organisation } har mottatt henvisningen din. Referansekoden er { $reference }.

    Vi tar kontakt med familien. Oppgi referansekoden hvis du har spørsmål.

    Vennlig hilsen
    { $organisation }
mail-consent-request-subject = { $organisation }: vi ber om ditt samtykke
mail-consent-request-body =
    Hei,

    Et barn du er foresatt for, er meldt på en gruppe hos { $organisation }. Som foresatt med
    foreldreansvar blir du bedt om ditt eget samtykke.

    Les hva som registreres og hvorfor, og gi samtykke her (lenken virker i { $days } dager):
    { $link }

    Vennlig hilsen
    { $organisation }
mail-offer-subject = { $organisation }: tilbud om plass
mail-offer-body =
    Hei,

    Vi kan tilby en plass i gruppen (referanse { $reference }). Tid, sted og datoer står på siden under.

    Svar innen { $date }:
    { $link }

    Vennlig hilsen
    { $organisation }

## intake: default consent texts
consent-default-participation =
    Vi registrerer navn, fødselsdato og kontaktopplysninger for deltakeren og de foresatte, og det dere forteller oss i påmeldingen og i forsamtalene, slik at vi kan planlegge og gjennomføre gruppen. Bare koordinatoren og gruppens ledere ser det dere forteller om helse eller familiens situasjon; andre ansatte ser bare navn og kontaktopplysninger der oppgavene deres krever det. Opplysningene oppbevares til kurset og oppfølgingen er ferdig, og slettes deretter. Du kan når som helst trekke samtykket ved å kontakte oss; det gjelder fra samme øyeblikk.
consent-default-share-with-network =
    Med ditt samtykke kan gruppelederne snakke med barnets skole eller andre i barnets nettverk (for eksempel på et nettverksmøte) om det familien har sagt ja til å dele. Ingenting deles uten at dere er enige om hva. Du kan når som helst trekke dette samtykket.
consent-default-evaluation =
    Med ditt samtykke kan svarene dine på spørreskjemaer før og etter kurset brukes til å evaluere og forbedre kurset. Resultater rapporteres bare for grupper som er så store at ingen kan kjennes igjen. Du kan når som helst trekke dette samtykket.

## public intake
public-catalogue-title = Kurs og grupper
public-catalogue-heading = Kurs og grupper hos { $organisation }
public-catalogue-intro = Her ser du kursene som starter snart. Du kan melde deg eller barnet ditt på selv, og fagfolk kan henvise. Det er gratis å delta.
public-catalogue-empty = Akkurat nå har vi ingen kurs som tar imot påmeldinger. Ring eller skriv til oss, så setter vi deg på venteliste til neste kurs.
public-call-us = Vil du heller snakke med oss? Ring
public-write-us = Eller send e-post til
public-course-for = For
public-course-when = Når
public-course-where = Sted
public-course-time = kl. { $time }
public-course-dates = { $first }–{ $last }
public-course-sessions = { $count ->
    [one] { $count } samling
   *[other] { $count } samlinger
}
public-register-child = Meld på barnet ditt
public-register-self = Meld deg på
public-refer = Henvis (for fagfolk)
public-register-child-title = Meld på barnet ditt
public-register-self-title = Meld deg på
public-refer-title = Henvis til kurs
public-register-intro = Fyll ut skjemaet, så tar vi kontakt med deg. Vi spør bare om det vi trenger for å planlegge gruppen.
public-refer-intro = Skjemaet er for fagfolk som henviser et barn, en ungdom eller en voksen. Snakk med familien før du henviser.
public-section-referrer = Om deg som henviser
public-field-referrer-name = Navnet ditt
public-field-referrer-service = Tjenesten eller arbeidsstedet ditt
public-field-referrer-service-hint = For eksempel «Helsestasjonen i Sentrum».
public-field-referral-source = Hva slags tjeneste henviser?
public-field-referrer-phone = Telefonnummeret ditt
public-field-referrer-email = E-postadressen din
public-field-referrer-email-hint = Du får en bekreftelse med referansekoden hit.
public-section-child = Om barnet
public-field-child-name = Barnets fulle navn
public-field-birth-date = Fødselsdato
public-field-national-id = Fødselsnummer (11 siffer)
public-field-national-id-hint = Frivillig. Vi bruker det bare til å finne igjen riktig person.
public-section-guardian = Om deg som foresatt
public-section-guardian-referral = Foresatt vi skal kontakte
public-field-email-hint = Frivillig. Du får en bekreftelse med referansekoden hit.
public-field-responsibility = Jeg har foreldreansvar for barnet
public-section-second-guardian = Den andre forelderen (frivillig)
public-second-guardian-intro = Har barnet en forelder til med foreldreansvar, kan du skrive inn navnet og e-postadressen. Vi sender en egen lenke der hun eller han kan samtykke.
public-field-second-guardian-name = Den andre forelderens navn
public-field-second-email-hint = Lenken for samtykke sendes hit.
public-field-second-responsibility = Har foreldreansvar for barnet
public-section-participant = Om den du henviser
public-section-you = Om deg
public-section-reason = Grunnen til henvisningen
public-field-reason = Hvorfor henviser du?
public-field-reason-hint = Bare koordinatoren og gruppelederne ser det du skriver her. Skriv bare det som trengs for å vurdere tilbudet.
public-field-needs = Er det noe vi bør vite eller legge til rette for?
public-field-needs-hint = Frivillig. For eksempel allergier, tilgjengelighet eller tolk.
public-field-family-informed = Familien kjenner til og er enig i henvisningen
public-field-family-informed-hint = Familien gir selv samtykke når vi tar kontakt.
public-section-more = Litt mer
public-field-heard = Hvordan hørte du om kurset?
public-channel-none = Velg (frivillig)
public-section-consent = Samtykke
public-required = påkrevd
public-optional = frivillig
public-purpose-participation = Samtykke til å delta
public-purpose-share_with_network = Samtykke til å dele med skole og nettverk
public-purpose-evaluation = Samtykke til evaluering
public-agree-participation = Ja, jeg samtykker til å delta slik det er beskrevet over
public-agree-share_with_network = Ja, gruppelederne kan snakke med skolen eller nettverket
public-agree-evaluation = Ja, svarene kan brukes til å evaluere kurset
public-refer-consent-later = Familien blir spurt om samtykke når vi tar kontakt. Du skal ikke samtykke på deres vegne.
public-honeypot = La dette feltet stå tomt
public-register-submit = Send påmeldingen
public-refer-submit = Send henvisningen
public-receipt-title = Takk, vi har fått det
public-receipt-registration = Påmeldingen til «{ $course }» er mottatt.
public-receipt-referral = Henvisningen til «{ $course }» er mottatt.
public-receipt-reference = Referansekoden din er
public-receipt-quote = Skriv den ned. Oppgi koden når du ringer eller skriver til oss, så finner vi saken med en gang.
public-receipt-next = Hva skjer nå?
public-receipt-step-1 = Koordinatoren går gjennom påmeldingen, vanligvis i løpet av en uke.
public-receipt-step-2 = Vi ringer deg for en forsamtale, der vi blir kjent og svarer på spørsmål.
public-receipt-step-3 = Når gruppen er satt sammen, får du et tilbud om plass som du svarer på.
public-receipt-referral-step-1 = Koordinatoren går gjennom henvisningen og tar kontakt med familien.
public-receipt-referral-step-2 = Familien gir selv samtykke og blir invitert til en forsamtale.
public-receipt-email = Vi har sendt en bekreftelse på e-post.
public-receipt-withdraw-heading = Ombestemt deg?
public-receipt-withdraw = Med denne lenken kan du trekke påmeldingen når som helst. Ta vare på den.
public-back-to-catalogue = Tilbake til kursene
public-withdraw-open-title = Trekke påmelding { $reference }?
public-withdraw-open-text = Trekker du påmeldingen, stryker { $organisation } den med en gang, og et eventuelt tilbud om plass faller bort.
public-withdraw-submit = Ja, trekk påmeldingen
public-withdraw-keep = Vil du beholde påmeldingen, kan du bare lukke siden.
public-withdraw-done-title = Påmeldingen er trukket
public-withdraw-done-text = Påmelding { $reference } er trukket. Du trenger ikke gjøre noe mer.
public-withdraw-again = Du er velkommen til å melde deg på igjen senere.
public-withdraw-closed-title = Påmeldingen er allerede avsluttet
public-withdraw-closed-text = Påmelding { $reference } er allerede trukket eller avsluttet. Har du spørsmål, kan du ringe oss og oppgi koden.
public-withdraw-unknown-title = Vi fant ikke denne lenken
public-withdraw-unknown-text = Lenken er kanskje ikke kopiert helt. Prøv lenken fra e-posten en gang til, eller ring oss.
public-offer-open-title = Tilbud om plass
public-offer-open-text = { $organisation } kan tilby plass på kurset. Svar gjerne så snart du kan.
public-offer-course = Kurs
public-offer-start = Første samling
public-offer-deadline = Svar innen
public-offer-accept-heading = Vil dere ha plassen?
public-offer-accept = Ja, vi tar imot plassen
public-offer-decline-heading = Passer det ikke?
public-offer-keep-waiting = Sett oss på venteliste til en senere gruppe
public-offer-decline = Nei takk, vi takker nei
public-offer-enrolled-title = Velkommen!
public-offer-enrolled-text = Plassen er deres. Gruppelederne tar kontakt før første samling.
public-offer-accepted-title = Takk for svaret
public-offer-accepted-text = Vi har registrert at dere tar imot plassen.
public-offer-accepted-missing = Vi mangler fortsatt samtykke for { $names }. Den andre foresatte har fått en egen lenke på e-post, og koordinatoren tar kontakt for å ordne resten.
public-offer-declined-title = Takk for svaret
public-offer-declined-text = Vi har registrert at dere takker nei. Ba dere om det, står dere fortsatt på ventelisten.
public-offer-expired-title = Fristen har gått ut
public-offer-expired-text = Fristen for å svare på dette tilbudet er ute. Ring oss gjerne, så ser vi om det fortsatt er plass.
public-offer-unknown-title = Vi fant ikke dette tilbudet
public-offer-unknown-text = Lenken er kanskje ikke kopiert helt. Prøv lenken fra e-posten en gang til, eller ring oss.
public-consent-open-title = Samtykke
public-consent-open-text = Hei { $giver }. { $child } er meldt på en gruppe hos { $organisation }. Les tekstene og kryss av for det du samtykker til.
public-consent-submit = Send samtykket
public-consent-withdraw-note = Du kan når som helst trekke et samtykke ved å kontakte oss.
public-consent-given-title = Takk for samtykket
public-consent-given-text = Samtykket er registrert. Du trenger ikke gjøre noe mer.
public-consent-used-title = Lenken er allerede brukt
public-consent-used-text = Samtykket fra denne lenken er allerede registrert. Vil du endre noe, kan du ringe oss.
public-consent-expired-title = Lenken har gått ut
public-consent-expired-text = Lenken virker ikke lenger. Ring oss, så sender vi en ny.
public-consent-unknown-title = Vi fant ikke denne lenken
public-consent-unknown-text = Lenken er kanskje ikke kopiert helt. Prøv lenken fra e-posten en gang til, eller ring oss.
public-required-note = Felt merket «påkrevd» må fylles ut. Resten kan du hoppe over.
public-field-own-name = Ditt fulle navn
public-field-own-phone = Telefonnummeret ditt
public-field-own-email = E-postadressen din
public-field-referral-guardian-name = Foresattes fulle navn
public-field-referral-guardian-phone = Foresattes telefonnummer
public-field-referral-guardian-email = Foresattes e-postadresse
public-field-second-guardian-phone = Den andre forelderens telefonnummer
public-field-second-guardian-email = Den andre forelderens e-postadresse
public-field-participant-name = Fullt navn på den du henviser
public-field-participant-phone = Telefonnummeret til den du henviser
public-field-participant-email = E-postadressen til den du henviser
channel-user-organisation = Brukerorganisasjon
channel-poster-advert = Plakat, annonse eller brosjyre
channel-internet = Internett
channel-family-friends = Familie og venner
channel-municipality = Kommunen
channel-hospital = Sykehus
channel-gp = Fastlege
channel-school-nurse = Helsesykepleier
channel-school = Skole
channel-child-welfare = Barnevernstjenesten
channel-ppt = PP-tjenesten
channel-family-counselling = Familievernkontoret
channel-family-centre = Familiesenter
channel-mental-health-clinic = Psykisk helsevern
channel-substance-abuse-service = Rustjenesten
channel-nav = NAV
channel-other = Annet

## intake API
error-idempotency-key-reused = Denne Idempotency-Key er allerede brukt for en annen forespørsel. Bruk en ny nøkkel for hver søknad.
error-national-id-off = Organisasjonen registrerer ikke fødselsnummer. Utelat feltet, eller slå fødselsnummer på i innstillingene for inntak.

## intake: home
home-task-intake = Inntak: påmeldinger og henvisninger
home-stale-applications = { $count ->
    [one] Én søknad har ventet for lenge på kontakt.
   *[other] { $count } søknader har ventet for lenge på kontakt.
}
home-stale-applications-link = Se oppgavene

## intake staff
nav-intake = Inntak
stage-received = Mottatt
stage-contacted = Kontaktet
stage-pre-conversation = Forsamtale
stage-offered = Tilbudt plass
stage-waitlisted = Venteliste
stage-referred-elsewhere = Henvist videre
stage-declined = Avslått
stage-enrolled = Påmeldt
stage-withdrawn = Trukket
stage-merged = Slått sammen
group-reason-chosen = Med i gruppen som nummer { $rank } etter prioritet og ventetid.
group-reason-pinned-in = Med i gruppen: valgt av koordinatoren.
group-reason-pinned-out = Ikke med: holdt utenfor av koordinatoren.
group-reason-outside-age-band = Ikke med: { $age } år er utenfor gruppens aldersspenn.
group-reason-age-unknown = Ikke med: alderen er ukjent, og gruppen har et aldersspenn.
group-reason-group-full = Ikke med: gruppen er full.
group-reason-siblings-do-not-fit = Ikke med: det er for få plasser til alle søsknene sammen.
group-reason-sibling-already-in-group = Ikke med: et søsken har allerede husstandens plass.
group-reason-sibling-outside-rules = Ikke med: et søsken kan ikke være med, og søsken skal være sammen.
intake-purpose-participation = Delta
intake-purpose-share-with-network = Dele med skolen og nettverket
intake-purpose-evaluation = Evaluering
intake-capacity-participant = Som deltaker
intake-capacity-guardian = Som foresatt
intake-capacity-child-own-say = Barnets egen mening
intake-method-web = På nett
intake-method-paper = På papir
intake-method-in-conversation = I en samtale
intake-method-api = Fra et annet system
intake-outcome-continue = Fortsett med en ny samtale
intake-outcome-offer = Klar for tilbud
intake-outcome-waitlist = Sett på venteliste
intake-outcome-not-suitable = Passer ikke nå
intake-outcome-referred-elsewhere = Henvist videre
intake-role-child = Barn
intake-role-guardian = Foresatt
intake-role-adult = Voksen
intake-offer-open = Venter på svar
intake-offer-accepted = Takket ja
intake-offer-declined = Takket nei
intake-offer-withdrawn = Trukket tilbake
intake-offer-lapsed = Fristen gikk ut
intake-kind-self = Påmelding fra deltakeren
intake-kind-guardian = Påmelding fra foresatt
intake-kind-referral = Henvisning
intake-kind-staff = Telefon eller papirskjema
intake-enrolled-as-participant = Deltaker
intake-enrolled-as-parent = Forelder (foreldresamlinger)
intake-priority-1 = 1 – høyest
intake-priority-2 = 2 – vanlig
intake-priority-3 = 3 – lavest
intake-pin-none = Automatisk
intake-pin-include = Ta med
intake-pin-exclude = Hold utenfor
intake-siblings-together = Søsken sammen (alle eller ingen)
intake-siblings-apart = Ett barn per husstand
intake-channel-kind-heard = Hvordan folk hørte om oss
intake-channel-kind-referral = Hvem som henviser
intake-channel-kind-both = Begge deler
intake-saved-created = Søknaden er registrert.
intake-saved-moved = Trinnet er endret.
intake-saved-talk = Forsamtalen er registrert.
intake-saved-details = Opplysningene er lagret.
intake-saved-consent = Samtykket er registrert.
intake-saved-withdrawn = Samtykket er trukket tilbake. Det gjelder ikke lenger.
intake-saved-link = Lenken til samtykke er lagt i køen for e-post.
intake-saved-merged = Duplikatet er slått sammen med denne søknaden.
intake-saved-adult = Personen er lagt til i husstanden.
intake-saved-settings = Innstillingene er lagret.
intake-saved-channel = Rekrutteringskanalene er lagret.
intake-saved-channel-archived = Kanalen er arkivert. Den står fortsatt på sakene som nevner den.
intake-saved-text = Den nye versjonen av samtykketeksten er lagret. Samtykker som alt er gitt, beholder sin versjon.
intake-title = Inntak
intake-new-link = Registrer en telefon eller et papirskjema
intake-waitlist-link = Ventelister
intake-settings-link = Innstillinger for inntak
intake-tasks = Oppgaver
intake-task-stale = { $days ->
    [one] ingen kontakt på 1 dag
   *[other] ingen kontakt på { $days } dager
}
intake-no-tasks = Ingen søknad har ventet på kontakt i mer enn { $days } dager.
intake-filter = Filter
intake-filter-submit = Vis
intake-filter-clear = Fjern filteret
intake-field-stage = Trinn
intake-field-programme = Program
intake-field-course = Kurs
intake-field-channel = Rekrutteringskanal
intake-count = { $count ->
    [one] 1 søknad
   *[other] { $count } søknader
}
intake-column-empty = Ingen søknader.
intake-age = { $age } år
intake-age-at-course = { $age } år ved kursets første samling ({ $date })
intake-age-unknown = Ukjent alder
intake-age-label = Alder
intake-days-since-contact = { $days ->
    [0] kontakt i dag
    [one] siste kontakt for 1 dag siden
   *[other] siste kontakt for { $days } dager siden
}
intake-priority = prioritet { $priority }
intake-offers-sent = { $count ->
    [one] 1 tilbud er sendt.
   *[other] { $count } tilbud er sendt.
}
intake-new-title = Registrer en telefon eller et papirskjema
intake-new-intro = For en påmelding eller henvisning som kom på telefon, i brev eller på papir. Fyll inn det du har; feltene for foresatte gjelder bare et barn.
intake-new-sibling = Et søsken i husstanden til { $names }.
intake-household-link = Se husstanden
intake-section-target = Kurs
intake-field-course-hint = La stå tomt for å sette personen bare på programmets venteliste.
intake-field-programme-waitlist = Program (bare venteliste)
intake-field-programme-hint = Trengs bare når det ikke er valgt kurs.
intake-course-none = Intet kurs – bare venteliste
intake-programme-choose = Velg et program
intake-section-participant = Deltakeren
intake-field-participant-type = Deltakeren er
intake-participant-child = Et barn (under 18)
intake-participant-adult = En voksen
intake-field-participant-name = Deltakerens fulle navn
intake-field-birth-date = Fødselsdato
intake-field-birth-date-hint = Må fylles ut for et barn.
intake-field-national-id = Fødselsnummer
intake-field-participant-phone = Deltakerens telefon
intake-field-participant-email = Deltakerens e-postadresse
intake-field-adult-only = Bare for en voksen deltaker.
intake-section-guardian = Foresatt
intake-section-guardian-hint = Bare for et barn. Dette er personen vi kontakter.
intake-field-guardian-name = Den foresattes fulle navn
intake-field-guardian-phone = Den foresattes telefon
intake-field-guardian-email = Den foresattes e-postadresse
intake-field-guardian-responsibility = Har den foresatte foreldreansvar?
intake-section-second-guardian = Andre foresatt (valgfritt)
intake-field-second-name = Den andre foresattes fulle navn
intake-field-second-phone = Den andre foresattes telefon
intake-field-second-email = Den andre foresattes e-postadresse
intake-field-second-email-hint = En foresatt med foreldreansvar får her en lenke for å gi sitt eget samtykke.
intake-field-second-responsibility = Har den andre foresatte foreldreansvar?
intake-yes = Ja
intake-no = Nei
intake-section-contact = Hvordan de kom til oss
intake-field-referrer-name = Henviserens navn
intake-field-referrer-hint = Bare når en fagperson har henvist.
intake-field-referrer-service = Henviserens tjeneste
intake-field-referrer-phone = Henviserens telefon
intake-field-referrer-email = Henviserens e-postadresse
intake-field-reason = Grunnen til søknaden eller henvisningen
intake-field-reason-hint = Bare koordinatoren og gruppelederne ser dette.
intake-field-needs = Behov gruppelederne bør vite om
intake-field-needs-hint = For eksempel allergier, tilgjengelighet eller tolk.
intake-field-priority = Prioritet
intake-channel-none = Ukjent
intake-section-consent = Samtykke
intake-field-consents = Samtykker som er gitt
intake-field-consents-hint = Kryss av for det deltakeren eller den foresatte har sagt ja til, på papir eller i samtalen.
intake-field-consent-method = Hvordan samtykkene ble gitt
intake-new-submit = Registrer søknaden
intake-back = Tilbake til inntakstavlen
intake-application-title = Søknad
intake-reference = Referanse
intake-application-facts = Søknaden
intake-field-kind = Kom som
intake-received = Mottatt
intake-last-contact = Siste kontakt
intake-waiting-since = Venter siden
intake-referrer = Henvist av
intake-sensitive-hidden = Bare koordinatoren og gruppelederne ser innholdet i henvisningen.
intake-people = Personer
intake-household = Husstand
intake-the-participant = deltakeren
intake-responsibility-yes = Har foreldreansvar
intake-responsibility-no = Uten foreldreansvar
intake-field-phone = Telefon
intake-field-email = E-post
intake-send-consent-link = Send lenke til samtykke
intake-consents = Samtykker
intake-missing-for-enrolment = Mangler før påmelding
intake-consents-complete = Alle samtykker som trengs for påmelding, er gitt.
intake-consents-caption = Samtykker som er gitt, de nyeste først
intake-consent-who = Hvem
intake-field-purpose = Formål
intake-consent-text-version = Tekst
intake-field-method = Hvordan
intake-consent-given = Gitt
intake-consent-withdrawn = Status
intake-version-n = versjon { $version }
intake-recorded-by = av { $name }
intake-withdrawn-at = Trukket { $when }
intake-consent-active = Gjelder
intake-withdraw-consent = Trekk tilbake
intake-consents-none = Ingen samtykker er registrert ennå.
intake-record-consent = Registrer et samtykke fra papir eller en samtale
intake-field-giver = Gitt av
intake-field-capacity = I egenskap av
intake-record-consent-submit = Registrer samtykket
intake-talks = Forsamtaler
intake-talk-n = Samtale { $number }
intake-field-talk-participants = Hvem som var med
intake-field-talk-participants-hint = For eksempel «mor, begge gruppeledere».
intake-field-outcome = Utfall
intake-talks-none = Ingen forsamtaler ennå.
intake-record-talk = Registrer samtale { $number } av høyst { $max }
intake-field-held-on = Dato
intake-field-notes = Notater
intake-field-notes-hint = Bare koordinatoren og gruppelederne ser notatene.
intake-record-talk-submit = Registrer samtalen
intake-talks-max = Det er holdt { $max } forsamtaler; bestem neste steg nedenfor.
intake-stage = Trinn
intake-stage-now = Nå: { $stage }.
intake-field-new-stage = Flytt til
intake-field-new-stage-hint = Tilbud gis fra gruppeforslaget for et kurs.
intake-field-note = Notat
intake-field-note-hint = Hva som skjedde, for eksempel en telefon. Bare koordinatoren og gruppelederne ser det.
intake-move-submit = Endre trinnet
intake-stage-closed = Søknaden er avsluttet. En ny søknad er veien tilbake.
intake-details = Opplysninger
intake-details-submit = Lagre opplysningene
intake-offers = Tilbud
intake-offer-sent = sendt { $when }
intake-offer-deadline = svar innen { $when }
intake-offers-none = Ingen tilbud ennå.
intake-duplicates = Mulige duplikater
intake-duplicates-intro = Andre åpne søknader for samme person, eller for noen med samme navn og fødselsdato. Sammenslåing flytter duplikatets historikk, samtaler, tilbud og samtykker hit.
intake-merge = Slå sammen med denne søknaden
intake-history = Historikk
intake-household-title = Husstand
intake-members = Medlemmer
intake-register-sibling = Registrer et søsken
intake-household-applications = Husstandens søknader
intake-household-no-applications = Husstanden har ingen søknader.
intake-add-adult = Legg til en voksen
intake-field-adult-name = Fullt navn
intake-field-role = Rolle i husstanden
intake-field-adult-responsibility = Foreldreansvar (for en foresatt)
intake-add-adult-submit = Legg til personen
intake-waitlist-title = Ventelister
intake-waitlist-intro = Per program: høyest prioritet først, deretter de som har ventet lengst.
intake-all-programmes = Alle programmer
intake-waitlist-show = Vis
intake-waitlist-caption = Venteliste for { $programme }
intake-place = Nr.
intake-course-wished = Ønsket kurs
intake-waitlist-empty = Ingen står på venteliste.
intake-waitlist-group-hint = Grupper settes sammen fra kursets side.
intake-to-courses = Gå til kursene
intake-group-title = Gruppeforslag
intake-group-heading = Gruppeforslag: { $course }
intake-group-intro = samla foreslår en gruppe fra programmets venteliste og sier hvorfor hver person er med eller ikke. Juster reglene eller velg folk inn eller ut og regn ut på nytt; ingenting sendes før du bekrefter.
intake-group-places = Plasser
intake-group-capacity = Plasser i gruppen
intake-group-enrolled = Påmeldt
intake-group-open-offers = Tilbud som venter på svar
intake-group-places-left = Ledige plasser
intake-group-size = I forslaget
intake-group-minimum = Minste gruppe
intake-group-minimum-met = Oppfylt: minst { $minimum } deltakere.
intake-group-minimum-not-met = Ikke oppfylt: færre enn { $minimum } deltakere.
intake-group-rules = Regler
intake-field-age-min = Laveste alder
intake-field-age-max = Høyeste alder
intake-field-age-hint = Alder ved kursets første samling. La stå tomt for ingen grense.
intake-field-siblings = Søsken
intake-group-candidates = På ventelisten
intake-group-caption = Alle på ventelisten, i den rekkefølgen de vurderes
intake-group-decision = Med eller ikke, og hvorfor
intake-group-pin = Juster
intake-group-pin-for = Juster for { $name }
intake-group-in = MED
intake-group-out = IKKE MED
intake-group-no-candidates = Ingen venter på dette programmet.
intake-group-recalculate = Regn ut på nytt
intake-group-confirm = Bekreft og send tilbud
intake-group-confirm-intro = { $count ->
    [one] 1 person får tilbud om plass, med en lenke for å svare innen fristen.
   *[other] { $count } personer får tilbud om plass, hver med en lenke for å svare innen fristen.
}
intake-field-deadline = Svarfrist
intake-field-deadline-hint = La stå tomt for { $days } dager fra i dag.
intake-group-confirm-submit = { $count ->
    [one] Send 1 tilbud
   *[other] Send { $count } tilbud
}
intake-back-to-course = Tilbake til kurset
intake-group-link = Sett sammen gruppen
intake-participants = Deltakere
intake-recruited-through = kom via { $channel }
intake-open-application = Åpne søknaden
intake-channel-counts = Rekruttert via
intake-channel-unknown = Ukjent
intake-participants-none = Ingen er påmeldt ennå.
intake-settings-title = Innstillinger for inntak
intake-settings-general = Innstillinger
intake-field-stale-after-days = Dager før en søknad uten kontakt blir en oppgave
intake-field-stale-after-days-hint = 1 til 60.
intake-field-own-say-age = Alder fra når barnets egen mening trengs
intake-field-own-say-age-hint = 7 til 18.
intake-field-offer-days = Dager til å svare på et tilbud
intake-field-offer-days-hint = 1 til 60.
intake-field-public-phone = Telefonnummer på de offentlige sidene
intake-field-public-email = E-postadresse på de offentlige sidene
intake-field-national-id-legend = Fødselsnummer
intake-field-national-id-enabled = Spør etter og kontroller fødselsnummer
intake-field-national-id-hint = Bare der organisasjonen trenger dem; de skjules for dem som ikke får se sensitive opplysninger.
intake-channels = Rekrutteringskanaler
intake-channels-intro = Hvordan folk hører om kursene, og hvem som henviser. En arkivert kanal tilbys ikke lenger, men står fortsatt på sakene som nevner den.
intake-channel-archived = arkivert
intake-channel-archive = Arkiver
intake-channel-unarchive = Ta i bruk igjen
intake-channel-add = Legg til en kanal
intake-field-channel-name = Navn
intake-field-channel-kind = Brukes for
intake-channel-add-submit = Legg til kanalen
intake-texts = Samtykketekster
intake-texts-intro = Det folk samtykker til. En endring er en ny versjon; samtykker som alt er gitt, beholder versjonen de ble gitt under.
intake-texts-older = { $count ->
    [one] 1 eldre versjon
   *[other] { $count } eldre versjoner
}
intake-texts-none = Ingen samtykketekster ennå.
intake-text-whole-organisation = Hele organisasjonen
intake-text-add = Skriv en ny versjon
intake-field-text-programme = Gjelder
intake-field-text-programme-hint = Et programs egen tekst gjelder for programmet i stedet for organisasjonens.
intake-field-text-body = Tekst
intake-field-text-body-hint = Hva som registreres, hvorfor, hvem som ser det, hvor lenge det lagres og hvordan man trekker samtykket.
intake-text-add-submit = Lagre den nye versjonen

## running a course: errors
error-attendance-missing = Registrer oppmøte for alle deltakerne.
error-attendance-unknown = Denne personen er ikke deltaker på kurset.
error-attendance-duplicate = Denne deltakeren er registrert to ganger.
error-attendance-note-too-long = Bruk høyst { $max } tegn.
error-attendance-note-invalid = Notatet inneholder tegn som ikke kan brukes.
error-attendance-too-many-adults = Skriv et tall mellom 0 og { $max }.
error-attendance-too-many-family-members = Skriv et tall mellom 0 og { $max }.
error-attendance-unknown-staff = Denne personen jobber ikke på kurset.
error-attendance-duplicate-staff = Denne personen er registrert to ganger.
error-attendance-guardian-missing = Registrer oppmøte for alle de foresatte.
error-attendance-guardian-unknown = Denne personen er ikke foresatt til et barn som er forventet på samlingen.
error-attendance-guardian-duplicate = Denne foresatte er registrert to ganger.
error-attendance-parents-not-here = Denne samlingen er for barna; foreldre telles ikke her.
error-attendance-family-members-not-here = Denne samlingen teller ikke familiemedlemmer; de telles på familiesamlinger.
error-log-elements = Marker hver av de { $expected } planlagte delene som gjort eller ikke gjort.

## running: reminders and changes
error-session-already-cancelled = Denne samlingen er allerede avlyst.
error-replacement-no-date = Fant ingen ledig dag for en erstatning innen fem år. Legg heller til en samling selv.
error-reminders-not-a-leader = Bare kursets gruppeledere får påminnelser om logg for kurset.
session-cancel-notify = Gi beskjed til deltakerne eller foresatte på e-post
session-cancel-notify-hint = E-posten oppgir dag og klokkeslett, ikke kurset. Den sendes bare for en samling som ikke har vært ennå.
session-cancel-replacement = Legg til en erstatning på slutten av kurset
session-cancel-replacement-hint = Den neste ledige dagen i kursets rytme etter siste samling, med samme tid, rom, plan og ledere.
mail-session-reminder-subject = { $organisation }: påminnelse om gruppa { $date }
mail-session-reminder-body =
    Hei,

    dette er en påminnelse om at gruppa møtes { $date } klokka { $time }.

    Gi gjerne beskjed til gruppelederne hvis dere ikke kan komme.

    Vennlig hilsen
    { $organisation }
mail-log-reminder-subject = { $organisation }: loggen for { $date } er ikke skrevet ennå
mail-log-reminder-body =
    Hei,

    loggen for samlingen { $date } klokka { $time } er ikke skrevet ennå. Du kan skrive den her:
    { $link }

    Du kan slå av disse påminnelsene for kurset på kursets side for påminnelser.

    Vennlig hilsen
    { $organisation }
mail-session-cancelled-subject = { $organisation }: gruppa { $date } er avlyst
mail-session-cancelled-body =
    Hei,

    gruppa { $date } klokka { $time } er avlyst. Vi beklager ulempen.

    Ta gjerne kontakt med oss hvis du har spørsmål.

    Vennlig hilsen
    { $organisation }
reminders-title = Påminnelser
reminders-intro = Deltakerne, eller foresatte til barn, får en påminnelse på e-post { $hours } timer før hver samling. Gruppelederne får en påminnelse når loggen for en samling fortsatt ikke er skrevet { $grace } timer etter samlingen.
reminders-privacy = En påminnelse oppgir organisasjonen, dagen og klokkeslettet – aldri kurset eller barnet.
reminders-timing-link = Endre når påminnelsene sendes (for hele organisasjonen)
reminders-course = Dette kurset
reminders-course-legend = Send disse påminnelsene for kurset
reminders-participant-switch = Påminnelser til deltakere og foresatte før hver samling
reminders-log-switch = Påminnelser til gruppeledere om logg som ikke er skrevet
reminders-on = På
reminders-off = Av
reminders-participants = Deltakere
reminders-participants-course-off = Påminnelser før samlingene er slått av for hele kurset. Valgene under gjelder når de slås på igjen.
reminders-off-count = { $count ->
    [one] { $off } av 1 deltaker har slått av påminnelser.
   *[other] { $off } av { $count } deltakere har slått av påminnelser.
}
reminders-dropped-out = Sluttet – får ingen påminnelser
reminders-turn-off = Slå av påminnelser
reminders-turn-on = Slå på påminnelser
reminders-no-participants = Ingen deltakere ennå.
reminders-mine = Mine påminnelser om logg for kurset
reminders-mine-course-off = Påminnelser om logg er slått av for hele kurset.
reminders-mine-on = Du får en påminnelse når en logg for kurset ikke er skrevet i tide.
reminders-mine-off = Du har slått av påminnelser om logg for kurset.
reminders-mine-turn-off = Slå av mine påminnelser om logg
reminders-mine-turn-on = Slå på mine påminnelser om logg
reminders-saved-course = Kursets påminnelser er lagret.
reminders-saved-participant = Deltakerens påminnelser er lagret.
reminders-saved-mine = Dine påminnelser om logg er lagret.
running-settings-title = Innstillinger for gjennomføring av kurs
running-settings-saved = Innstillingene er lagret.
running-settings-intro = Disse gjelder alle kurs i organisasjonen.
running-settings-follow-up = Fravær på rad før oppfølging
running-settings-reminder-hours = Timer før en samling påminnelsen sendes
running-settings-reminder-hours-hint = Deltakerne, eller foresatte til barn, får en e-post så lenge før hver samling. Fra { $min } til { $max } timer.
running-settings-log-grace = Timer etter en samling før påminnelse om logg
running-settings-log-grace-hint = Er loggen for samlingen ikke skrevet da, får gruppelederne en påminnelse. Fra { $min } til { $max } timer.
running-settings-back = Tilbake til kursene

## running: overview
overview-title = Oppmøte
overview-heading = Oppmøte: { $course }
overview-back-to-course = Tilbake til kurset
overview-back-to-overview = Tilbake til oppmøteoversikten
overview-print-link = Utskrift per deltaker
overview-per-session = Per samling
overview-per-session-caption = Barn, voksne og ansatte på hver samling og hvert møte som er holdt
overview-held = { $count ->
    [one] 1 samling eller møte holdt.
   *[other] { $count } samlinger og møter holdt.
}
overview-short-staffed = { $count ->
    [0] Alle samlinger hadde den bemanningen programmet krever.
    [one] 1 samling hadde færre ansatte enn programmet krever.
   *[other] { $count } samlinger hadde færre ansatte enn programmet krever.
}
overview-none-held = Det er ikke registrert oppmøte ennå.
overview-column-session = Samling
overview-column-children = Barn
overview-column-guardians = Foresatte
overview-column-parents = Andre foreldre
overview-column-family-members = Familiemedlemmer
overview-column-staff = Ansatte til stede
overview-column-staffing = Bemanning
overview-column-participant = Deltaker
overview-column-attended = Deltok
overview-column-absences = Fravær
overview-column-in-a-row = Fravær på rad
overview-column-family = Foresatte på samlinger for foreldre og familie
overview-column-follow-up = Oppfølging
overview-column-dropout = Sluttet
overview-column-date = Dato
overview-column-attendance = Oppmøte
overview-column-note = Merknad
overview-of = { $attended } av { $expected }
overview-attended-of = deltok på { $attended } av { $held }
overview-absences = { $with_notice } med melding, { $without_notice } uten
overview-nobody = Ingen registrert
overview-staffing-meeting = Sjekkes ikke for møter
overview-staffing-ok = Som kreves
overview-per-participant = Per deltaker
overview-per-participant-caption = Hver deltakers oppmøte gjennom kurset
overview-counts-only = Du ser bare tallene. Oppmøte per deltaker vises for kursets gruppeledere, koordinatoren og sekretæren.
overview-threshold = { $count ->
    [one] En gruppeleder blir bedt om å kontakte familien etter 1 fravær.
   *[other] En gruppeleder blir bedt om å kontakte familien etter { $count } fravær på rad.
}
overview-threshold-off = Organisasjonen har slått av oppfølging etter fravær.
overview-follow-up-open = Kontakt familien
overview-follow-up-done = Kontaktet { $when }
overview-dropped-out-on = Sluttet { $date }
overview-no-participants = Kurset har ingen deltakere ennå.
overview-print-title = Oppmøtesammendrag
overview-print-heading = Oppmøtesammendrag: { $course }
overview-print-made = Laget { $when }
overview-print-hint = Skriv ut siden med nettleserens utskriftskommando (Ctrl+P, eller Del og Skriv ut på mobilen). Hver deltaker begynner på en ny side.
overview-print-caption = Oppmøte for { $name }
overview-field-course = Kurs
overview-field-attendance = Oppmøte
overview-field-absences = Fravær
overview-field-dropout = Sluttet
overview-field-enrolled = Tatt opp
overview-field-guardian = Foresatt { $name }
overview-mark-present = Til stede
overview-mark-absent-with-notice = Borte med melding
overview-mark-absent-without-notice = Borte uten melding
overview-mark-late = Kom for sent
overview-mark-left-early = Gikk tidlig
overview-mark-none = Ikke på listen
overview-mark-parents-only = Samling for foreldrene
overview-participant-title = Deltaker
overview-participant-in = Deltaker på
overview-saved-dropout = Det er registrert at deltakeren har sluttet. Deltakeren er ikke lenger forventet på samlingene.
overview-saved-contacted = Lagret. Oppfølgingen er gjort.
overview-status-active = Deltar
overview-link-observations = Observasjoner
overview-link-concerns = Bekymringsmeldinger
overview-marks = Oppmøte per samling
overview-follow-up = Oppfølging av familien
overview-task = { $count ->
    [one] Kontakt familien til { $name }: 1 fravær
   *[other] Kontakt familien til { $name }: { $count } fravær på rad
}
overview-task-created = Oppgave siden { $when }
overview-task-done = Kontaktet { $when } av { $by }
overview-task-outcome = Utfall
overview-field-outcome = Hva kom ut av kontakten
overview-field-outcome-hint = For eksempel: snakket med mor, kommer neste uke.
overview-contacted-submit = Familien er kontaktet
overview-no-tasks = Ingen oppfølgingsoppgaver.
overview-dropout = Avslutte deltakelse
overview-dropout-intro = Registrer det hvis deltakeren ikke kommer tilbake. Fra datoen er deltakeren ikke lenger forventet på samlingene; tidligere oppmøte blir stående.
overview-field-dropout-date = Dato
overview-field-dropout-date-hint = Dagen deltakeren sluttet. I dag hvis du lar den stå.
overview-field-dropout-reason = Årsak
overview-field-dropout-reason-hint = For eksempel: flyttet, kurset passet ikke, sykdom i familien.
overview-dropout-submit = Registrer at deltakeren har sluttet
overview-running = Kurset i gang
overview-link-attendance = Oppmøteoversikt
overview-link-meetings = Møter
overview-link-reminders = Påminnelser
overview-running-staffing = { $held ->
    [0] Ingen samlinger er holdt ennå, så bemanningen er ikke sjekket.
   *[other] { $short ->
        [0] Alle samlinger som er holdt, hadde den bemanningen programmet krever.
        [one] 1 samling som er holdt, hadde færre ansatte enn programmet krever:
       *[other] { $short } samlinger som er holdt, hadde færre ansatte enn programmet krever:
    }
}
overview-home-heading = Familier som skal kontaktes
overview-home-task = { $count ->
    [one] Kontakt familien til { $name }: 1 fravær
   *[other] Kontakt familien til { $name }: { $count } fravær på rad
}
overview-home-task-anonymous = { $count ->
    [one] Kontakt familien til en deltaker: 1 fravær
   *[other] Kontakt familien til en deltaker: { $count } fravær på rad
}
error-dropout-already = Deltakeren har allerede sluttet.
error-dropout-before-enrolment = Deltakeren ble tatt opp etter denne datoen.
error-follow-up-done = Denne oppfølgingen er allerede gjort.

## running: meetings
meetings-title = Møter
meeting-title = Møte
meetings-list = Planlagte møter
meetings-none = Ingen møter er planlagt ennå.
meetings-back = Møter i { $course }
meeting-about = Gjelder { $name }
meeting-about-one = Gjelder én deltaker
meeting-about-label = Gjelder
meeting-choose-kind = Velg type møte
meeting-audience-usual = Det vanlige for denne typen
meeting-for-the-group = Hele gruppen (ingen bestemt)
meeting-participant-no-network-consent = { $name } (ikke samtykke til deling med nettverket)
meetings-schedule = Planlegg et møte
field-meeting-kind = Type møte
field-meeting-participant = Gjelder én deltaker
field-meeting-participant-hint = For en avslutningssamtale, oppfølging eller et nettverksmøte om ett barn og én familie. Bare deltakere med familiens samtykke kan velges til et nettverksmøte.
field-meeting-title = Tittel
field-meeting-title-hint = Valgfri; uten tittel vises typen møte. Hele arbeidsgruppen ser tittelen, så skriv aldri navnet på en deltaker i den.
field-meeting-audience = Hvem møtet er for
meetings-schedule-submit = Planlegg møtet
meetings-closing = Avslutningssamtaler
meetings-closing-intro = { $count ->
    [0] Alle deltakerne har en avslutningssamtale planlagt.
    [one] 1 deltaker har ingen avslutningssamtale planlagt ennå. Planlegg én for hver, etter hverandre samme dag.
   *[other] { $count } deltakere har ingen avslutningssamtale planlagt ennå. Planlegg én for hver, etter hverandre samme dag.
}
field-meetings-closing-start = Første samtale begynner
field-meetings-closing-minutes = Minutter per samtale
meetings-closing-submit = Planlegg avslutningssamtaler
meetings-saved-scheduled = Møtet er planlagt.
meetings-saved-closing-planned = { $count ->
    [one] 1 avslutningssamtale er planlagt.
   *[other] { $count } avslutningssamtaler er planlagt.
}
meetings-saved-closing-none = Alle deltakerne hadde allerede en avslutningssamtale planlagt.
meetings-saved-record = Referatet er lagret.
meetings-saved-guest-added = Gjesten er lagt til.
meetings-saved-guest-changed = Gjesten er oppdatert.
meetings-saved-guest-removed = Gjesten er fjernet.
meeting-attendance-link = Oppmøte på dette møtet
meeting-network-heading = Hvem som kan nevnes i dette møtet
meeting-network-intro = Dette møtet deler opplysninger med nettverket. Bare disse deltakernes familier har samtykket til det:
meeting-network-nobody = Ingen deltakeres familie har samtykket til deling med nettverket.
meeting-network-left-out = { $count ->
    [one] 1 deltaker vises ikke: ikke samtykke til deling med nettverket.
   *[other] { $count } deltakere vises ikke: ikke samtykke til deling med nettverket.
}
meeting-record = Dagsorden, referat og avtaler
meeting-record-written = Sist lagret av { $who }, { $when }.
meeting-record-theirs = Det { $who } lagret { $when }
meeting-record-theirs-hint = Teksten din er beholdt i skjemaet under. Slå sammen de to og lagre på nytt.
field-meeting-agenda = Dagsorden
field-meeting-minutes = Referat
field-meeting-minutes-hint = Hva som ble sagt og av hvem, så langt det har betydning for arbeidet videre.
field-meeting-agreements = Avtaler
meeting-record-submit = Lagre referatet
meeting-record-none = Ingenting er skrevet ennå.
meeting-record-not-yours = Dagsorden, referat og gjester er for dem som arbeider med deltakerne.
meeting-guests = Gjester utenfra
meeting-guests-none = Ingen gjester er lagt til.
meeting-guest-attended = kom
meeting-guest-not-attended = ikke registrert som til stede
meeting-guest-mark-attended = Registrer som til stede
meeting-guest-mark-absent = Registrer som ikke til stede
meeting-guest-add = Legg til en gjest
field-meeting-guest-name = Navn
field-meeting-guest-organisation = Virksomhet
field-meeting-guest-organisation-hint = For eksempel skolen eller helsestasjonen.
meeting-guest-add-submit = Legg til gjesten
error-meeting-title-names-participant = Tittelen nevner deltakeren. Hele arbeidsgruppen ser titler; utelat navnet.
error-record-blank = Skriv noe i dagsorden, referat eller avtaler.
error-meeting-names-without-consent = { $count ->
    [one] Teksten nevner en deltaker der familien ikke har samtykket til deling med nettverket. Utelat navnet.
   *[other] Teksten nevner { $count } deltakere der familiene ikke har samtykket til deling med nettverket. Utelat navnene.
}
error-meeting-slots-past-midnight = Samtalene ville vart over midnatt. Begynn tidligere eller gjør dem kortere.
error-meeting-participant-unknown = Velg en deltaker på kurset.
error-meeting-not-about-one = Denne typen møte er for hele gruppen, ikke om én deltaker.
error-meeting-no-network-consent = Familien til denne deltakeren har ikke samtykket til deling med nettverket.
error-meeting-cancelled = Møtet er avlyst; ingenting mer kan registreres på det.
error-meeting-record-conflict = Noen andre lagret referatet mens du skrev. Teksten deres vises over; din er beholdt her.

## running: concerns
concerns-title = Bekymringsmeldinger
concerns-intro = En bekymring for et barn og hva som ble bestemt om å melde til barnevernet. Bare lederen som skrev meldingen, koordinatorer og de virksomheten har utpekt kan lese den. Hver åpning logges og gjennomgås.
concerns-of-course = Meldinger på dette kurset som du kan lese
concerns-all = Meldinger du kan lese
concerns-none = Ingen meldinger du kan lese.
concerns-all-link = Alle bekymringsmeldinger du kan lese
concerns-for-course = Bekymringsmeldinger for dette kurset
concerns-new = Skriv ned en bekymring
concerns-new-intro = Skriv hva du så og hørte, når, og hva du har gjort så langt. Avgjør sammen med koordinatoren om det skal meldes til barnevernet.
concerns-choose-participant = Velg barnet
concerns-new-submit = Lagre bekymringen
concerns-saved-created = Bekymringen er lagret. Registrer hva som blir bestemt nedenfor.
concerns-saved-decided = Beslutningen er lagret.
concerns-saved-readers = De utpekte leserne er lagret.
concerns-saved-reviewed = Markert som gjennomgått.
concern-title = Bekymringsmelding
concern-about = Bekymring for { $name }
concern-filed = Skrevet av { $who }, { $when }
concern-course = Kurs
concern-filed-by = Skrevet av
concern-updated = Sist endret
concern-decision-pending = Ikke bestemt ennå
concern-decision-sent = Sendt til barnevernet
concern-decision-not_sent = Bestemt å ikke sende
concern-decision-heading = Hva som ble bestemt
concern-decision-submit = Lagre beslutningen
concern-audited = Hver åpning av denne meldingen logges og gjennomgås.
field-concern-participant = Barn
field-concern = Bekymringen
field-concern-hint = Fakta først: hva, når, hvem som sa det, og hva du har gjort så langt.
field-concern-decision = Beslutning
field-concern-sent-on = Sendt dato
field-concern-sent-on-hint = Bare når meldingen ble sendt.
field-concern-reference = Barnevernets referanse
field-concern-reference-hint = Bare når meldingen ble sendt; kan legges til når barnevernet svarer.
field-concern-note = Merknad til beslutningen
field-concern-note-hint = Hvorfor den ble sendt eller ikke, og hvem som var med på å bestemme.
concern-readers-title = Hvem som leser bekymringsmeldinger
concern-readers-intro = I tillegg til koordinatorer og lederen som skrev en melding, leser disse alle bekymringsmeldingene i virksomheten. Bare personer med en rolle som ser sensitive opplysninger kan utpekes; sekretærer og brukerrepresentanter kan ikke.
field-concern-readers = Utpekte lesere
concern-reader-not-eligible = Kan ikke utpekes: rollen ser ikke sensitive opplysninger.
concern-readers-submit = Lagre leserne
error-concern-sent-on-required = Skriv inn datoen meldingen ble sendt.
error-concern-sent-on-future = Datoen den ble sendt kan ikke være etter i dag.
error-concern-only-when-sent = Bare for en melding som ble sendt.
error-concern-why-not-sent = Skriv hvorfor meldingen ikke ble sendt.
error-concern-participant-unknown = Velg et barn på kurset.
error-concern-reader-unknown = Person { $id } er ikke i virksomheten.
error-concern-reader-role = { $name } kan ikke utpekes: rollen ser ikke sensitive opplysninger.
error-concern-changed-meanwhile = Noen andre endret beslutningen mens du redigerte. Beslutningen som nå er registrert vises over; sjekk den og lagre på nytt.

## running: audit reviews
audit-reviews-title = Tilganger til gjennomgang
audit-reviews-link = Tilganger merket for gjennomgang
audit-reviews-intro = Hver tilgang til en bekymringsmelding logges og merkes her. Sjekk at hver av dem var en del av noens arbeid, og marker den som gjennomgått.
audit-reviews-open = { $count ->
    [0] Ingenting venter på gjennomgang
    [one] 1 tilgang venter på gjennomgang
   *[other] { $count } tilganger venter på gjennomgang
}
audit-reviews-none = Ingenting venter på gjennomgang.
audit-reviews-seq = oppføring { $seq }
audit-reviews-mark = Marker som gjennomgått
audit-reviews-saved = Markert som gjennomgått.
audit-reviews-done = Nylig gjennomgått
audit-reviews-done-none = Ingenting er gjennomgått ennå.
audit-reviews-reviewed-by = gjennomgått av { $who }, { $when }
nav-concerns = Bekymringer

## running: logs (session log, homework, observations)
log-title = Logg
log-link = Logg og hjemmelekse
log-heading = Logg for samling { $number }
log-session-cancelled = Avlyst
log-back-to-session = Tilbake til samlingen ({ $course })
log-saved-log = Loggen er lagret.
log-saved-homework = Hjemmeleksen er lagt til.
log-saved-review = Gjennomgangen er lagret.
log-previous-note = Notat til denne gangen fra samling { $number }
log-status-heading = Status
log-written-by = Sist skrevet av { $name }, { $at }.
log-fidelity = Gjennomført etter planen: { $percent } % ({ $done } av { $planned } planlagte deler).
log-not-written = Loggen er ikke skrevet ennå.
log-form-heading = Skriv loggen
log-group-level = Loggen gjelder gruppen og leses av hele arbeidsgruppen, også brukerrepresentantene. Ikke skriv om enkeltdeltakere her – bruk en observasjon.
log-conflict-heading = Noen andre har lagret loggen mens du skrev
log-conflict-explained = Teksten din er ikke lagret, men står fortsatt i skjemaet nedenfor. Her er loggen slik den ble lagret. Ta med det du vil beholde, og lagre på nytt.
log-elements-legend = Hvilke planlagte deler ble gjennomført?
log-element = { $name } ({ $minutes } min)
log-element-done = gjennomført
log-element-not-done = ikke gjennomført
log-no-elements = Øktplanen har ingen planlagte deler for denne samlingen.
log-field-done = GJORT – hva vi gjorde
log-field-done-hint = Hva gjorde gruppen i dag? Aktiviteter, verktøy, samtaler.
log-field-learned = LÆRT – hva vi lærte
log-field-learned-hint = Hva lærte gruppen, og hva lærte vi som ledere?
log-field-noticed = LURT – hva vi la merke til
log-field-noticed-hint = Hva var lurt, hva fungerte godt, hva bør vi merke oss?
log-field-deviations = Avvik fra planen
log-field-deviations-hint = Hva ble annerledes enn planlagt, og hvorfor?
log-field-next-time = Notat til neste gang
log-field-next-time-hint = Vises øverst i loggen for neste samling.
log-save = Lagre loggen
log-read-heading = Loggen
log-observe-heading = Observasjoner om enkeltdeltakere
log-observe-intro = Observasjoner er taushetsbelagte: bare kursets ledere og koordinatoren kan lese dem, og hver lesing blir logget.
log-observe-link = Skriv en observasjon om { $name }
homework-heading = Hjemmelekse
homework-given = Gitt på samling { $number }
homework-added-by = Lagt inn av { $name }, { $at }
homework-reviewed-at = Gjennomgått på samling { $number }
homework-none-given = Ingen hjemmelekse er gitt på denne samlingen.
homework-field-description = Ny hjemmelekse
homework-field-description-hint = Den samme oppgaven for hele gruppen.
homework-suggested = Forslag fra øktplanen. Endre teksten om dere ga en annen oppgave.
homework-add = Legg til hjemmeleksen
homework-to-review = Fra samling { $number }: ble hjemmeleksen gjennomgått?
homework-review-note = Gjennomgått: hvordan gikk det?
homework-review-save = Lagre gjennomgangen
homework-review-which = hjemmelekse { $number }
homework-not-reviewed = Ikke gjennomgått ennå.
homework-none-to-review = Ingen hjemmelekse ble gitt på forrige samling.
observations-title = Observasjoner
observations-heading = Observasjoner: { $name }
observations-dropped-out = Har sluttet
observations-back-to-log = Tilbake til loggen
observations-sensitive = Taushetsbelagt: bare kursets ledere og koordinatoren kan lese observasjonene, og hver lesing blir logget.
observations-saved = Observasjonen er lagret.
observations-new = Ny observasjon
observations-field-body = Observasjon
observations-field-body-hint = Hva la du merke til hos deltakeren? Skriv bare det som trengs for oppfølgingen.
observations-field-session = Gjelder samling eller møte
observations-no-session = Ingen bestemt samling
observations-save = Lagre observasjonen
observations-list = Tidligere observasjoner
observations-by = { $name }, { $at }
observations-about-session = gjelder { $session }
observations-none = Ingen observasjoner ennå.
error-log-blank = Skriv noe i minst ett av tekstfeltene.
error-log-conflict = Noen andre har lagret loggen mens du skrev. Teksten din står fortsatt i skjemaet.
error-log-cancelled = Samlingen ble avlyst og har ingen logg.
error-log-not-yet = Loggen kan skrives fra samme dag som samlingen.
error-homework-cancelled = Samlingen ble avlyst; det kan ikke gis hjemmelekse på den.
error-homework-review-order = Hjemmelekse gjennomgås på en senere samling enn den ble gitt på.
error-homework-review-session = Velg en samling på dette kurset som ikke er avlyst.
error-observation-session = Velg en samling eller et møte på dette kurset som ikke er avlyst.

## running: attendance
nav-today = I dag
today-title = I dag
today-intro = Samlingene og møtene dine fra i dag til og med { $last }.
today-whole-organisation = Du jobber ikke på noe kurs, så du ser alle kursene i organisasjonen.
today-none = Ingen samlinger eller møter de neste to ukene.
today-today = I dag
today-expected = Forventet
today-attendance-link = Ta oppmøte
today-attendance-view = Se oppmøtet
today-attendance-saved = Oppmøtet er registrert.
today-log-link = Skriv loggen
today-log-view = Se loggen
today-log-written = Loggen er skrevet.
running-left-out = { $count ->
    [one] 1 deltaker vises ikke: familien har ikke samtykket til deling med nettverket.
   *[other] { $count } deltakere vises ikke: familiene har ikke samtykket til deling med nettverket.
}
running-attendance-link = Oppmøte og meldt fravær
running-meeting-heading = Oppmøte
plan-heading = Plan for samlingen
plan-none = Programmets manual beskriver ikke denne samlingen.
plan-theme = Tema
plan-duration = Varighet
plan-minutes = { $minutes } min
plan-segments = Deler
plan-goals = Mål
plan-content = Innhold
plan-review-homework = Hjemmelekse å gå gjennom
plan-homework = Hjemmelekse til neste gang
plan-materials = Materiell
attendance-title = Oppmøte
attendance-present = Til stede
attendance-absent_with_notice = Borte, meldt fra
attendance-absent_without_notice = Borte uten å melde fra
attendance-late = Kom for sent
attendance-left_early = Gikk tidlig
attendance-participants = Deltakerne
attendance-preselected = Alle er satt til «Til stede», og de som har meldt fravær, til «Borte, meldt fra». Endre dem som ikke stemmer, og lagre én gang for hele gruppa.
attendance-note = Merknad (valgfritt)
attendance-notice-given = Har meldt fravær
attendance-adults = Voksne som kom
attendance-family-members = Andre familiemedlemmer
attendance-family-members-hint = Søsken og andre i familien som kom.
attendance-other-parents = Andre foreldre og voksne i familiene
attendance-other-parents-hint = Som kom uten å stå på lista over foresatte, for eksempel en forelder uten foreldreansvar eller en steforelder.
attendance-guardians = Foresatte
attendance-guardians-hint = Foreldre og andre med foreldreansvar for barna i gruppa.
attendance-no-guardians = Ingen foresatte er forventet på denne samlingen.
attendance-guardian-of = Foresatt til { $names }
attendance-expected-guardian-count = { $count ->
    [0] Ingen foresatte er forventet.
    [one] 1 foresatt er forventet.
   *[other] { $count } foresatte er forventet.
}
attendance-guardians-caption = Oppmøte per foresatt
attendance-guardian = Foresatt
attendance-staff = Gruppeledere og brukerrepresentanter til stede
attendance-staff-none = Kurset har ingen gruppeledere eller brukerrepresentanter ennå.
attendance-submit = Lagre oppmøtet
attendance-saved-attendance = Oppmøtet er lagret.
attendance-next-log = Neste: skriv loggen for samlingen
attendance-next-record = Neste: skriv referatet fra møtet
attendance-saved-notice-recorded = Fraværet er registrert.
attendance-saved-notice-removed = Fraværsmeldingen er fjernet.
attendance-saved-by = Sist lagret av { $name } { $time }.
attendance-not-recorded = Oppmøtet er ikke registrert ennå.
attendance-no-participants = Ingen deltakere er forventet på denne samlingen.
attendance-expected-count = { $count ->
    [0] Ingen deltakere er forventet.
    [one] 1 deltaker er forventet.
   *[other] { $count } deltakere er forventet.
}
attendance-counts-only = Du ser antall, ikke navn.
attendance-entries-caption = Oppmøte per deltaker
attendance-participant = Deltaker
attendance-column = Oppmøte
attendance-note-column = Merknad
attendance-conflict-title = Noen andre lagret oppmøtet samtidig
attendance-conflict-body = { $name } lagret oppmøtet { $time } mens du fylte det ut. Valgene dine står fortsatt i skjemaet, og der det som ble lagret er annerledes, står det ved deltakeren. Se over og lagre igjen for å bruke dine valg.
attendance-conflict-saved-value = Lagret av { $name }: { $value }
attendance-conflict-saved-adults = Lagret av { $name }: { $parents } foreldre og { $family } andre familiemedlemmer
attendance-conflict-saved-staff = Lagret av { $name }: { $staff }
attendance-notices = Meldt fravær
attendance-notices-none = Ingen har meldt fravær.
attendance-notice-count = { $count ->
    [0] Ingen har meldt fravær.
    [one] 1 deltaker har meldt fravær.
   *[other] { $count } deltakere har meldt fravær.
}
attendance-notice-recorded-by = Registrert av { $name } { $time }
attendance-notice-remove = Fjern
attendance-notice-add = Registrer fravær på forhånd
attendance-notice-choose = Velg en deltaker
attendance-notice-participant = Deltaker
attendance-notice-note = Merknad (valgfritt)
attendance-notice-submit = Registrer fraværet
attendance-back = Tilbake til samlingen
error-attendance-session-cancelled = Samlingen er avlyst; det tas ikke oppmøte.
error-attendance-not-yet = Oppmøtet kan registreres fra og med dagen for samlingen. Registrer fravær på forhånd i stedet.
error-attendance-choose-participant = Velg hvem som skal være borte.

## intake: steps samla records itself
intake-event-merged = Søknad { $reference } er slått sammen med denne.
intake-event-offer-accepted = Familien takket ja til plassen; et samtykke mangler ennå.

## questionnaires: problems in definitions, scoring rules and answers
error-questionnaire-json = Filen er ikke gyldig JSON. Feilen er på linje { $line }, tegn { $column }.
error-questionnaire-wrong-json-type = Verdien har feil type. Her skal det være { $expected } (JSON-typen).
error-questionnaire-resource-type = Filen er ikke et FHIR-spørreskjema: resourceType er «{ $found }», men må være «Questionnaire».
error-questionnaire-unknown-property = «{ $name }» finnes ikke i FHIR på dette stedet. Sjekk stavemåten, eller fjern feltet.
error-questionnaire-unsupported = samla kan ikke bruke «{ $name }» her, og det kan ikke bare hoppes over fordi det endrer betydningen av skjemaet. Fjern det, eller lag skjemaet uten.
error-questionnaire-missing = Her mangler en verdi. Fyll den ut.
error-questionnaire-too-long = Teksten er for lang. Bruk høyst { $max } tegn.
error-questionnaire-invalid-characters = Teksten inneholder tegn som ikke kan brukes, for eksempel et linjeskift der det skal være bare én linje.
error-questionnaire-code-not-allowed = «{ $value }» er ikke en gyldig verdi her. Bruk en av disse: { $allowed }.
error-questionnaire-url = Adressen må være en fullstendig adresse (URI), for eksempel https://eksempel.no/skjema/trivsel.
error-questionnaire-name = Navnet må begynne med stor bokstav og ellers bare ha bokstaver, tall og understrek, for eksempel «Trivselsskjema».
error-questionnaire-language = Språket må være en språkkode, for eksempel «nb» eller «en-GB».
error-questionnaire-date = Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2024-08-15.
error-questionnaire-no-items = Spørreskjemaet har ingen spørsmål. Legg til minst ett.
error-questionnaire-item-type-unknown = «{ $type }» er ikke en spørsmålstype som finnes i FHIR. Sjekk stavemåten.
error-questionnaire-item-type-unsupported = Spørsmålstypen «{ $type }» støttes ikke i samla. Bruk en annen type.
error-questionnaire-link-id-duplicate = Et tidligere spørsmål bruker allerede ID-en «{ $link_id }». Hvert spørsmål må ha sin egen linkId.
error-questionnaire-group-without-items = Gruppen er tom. Legg spørsmål i den, eller fjern den.
error-questionnaire-children-not-allowed = Bare grupper kan ha spørsmål under seg. Gjør dette til en gruppe, eller flytt spørsmålene ut.
error-questionnaire-required-not-allowed = Bare spørsmål kan være obligatoriske, ikke grupper eller visningstekster. Fjern «required».
error-questionnaire-repeats-not-allowed = Bare flervalgsspørsmål kan ha flere svar. Fjern «repeats».
error-questionnaire-choice-without-options = Flervalgsspørsmålet har ingen svaralternativer. Legg til minst ett.
error-questionnaire-options-not-allowed = Bare flervalgsspørsmål kan ha svaralternativer. Fjern dem, eller endre typen til «choice».
error-questionnaire-option-code-duplicate = Koden «{ $code }» er brukt på mer enn ett svaralternativ i samme spørsmål. Hvert alternativ må ha sin egen kode.
error-questionnaire-ordinal-not-number = Poengverdien (ordinalValue) må være et tall.
error-questionnaire-ordinal-conflict = Svaralternativet har to ulike poengverdier, én på alternativet og én på koden. Fjern den ene, eller gjør dem like.
error-questionnaire-bound-not-allowed = «{ $name }» passer ikke til denne spørsmålstypen: minValue og maxValue gjelder bare tallspørsmål, og maxLength bare tekstspørsmål.
error-questionnaire-extension-value-type = Verdien har feil type for dette spørsmålet. Her skal det være { $expected }.
error-questionnaire-min-above-max = Den minste verdien er større enn den største.
error-questionnaire-max-length = Største lengde må være minst 1.
error-questionnaire-several-values = Her er det flere verdier der det bare kan være én. Behold én av dem.
error-questionnaire-enable-when-unknown-question = Betingelsen viser til «{ $question }», men det finnes ikke noe spørsmål med den ID-en.
error-questionnaire-enable-when-later-question = Betingelsen viser til «{ $question }», som er dette spørsmålet selv eller kommer senere i skjemaet. En betingelse kan bare bygge på svar som er gitt tidligere.
error-questionnaire-enable-when-not-a-question = Betingelsen viser til «{ $question }», som er en gruppe eller en visningstekst og ikke har noe svar. Vis til et spørsmål i stedet.
error-questionnaire-enable-when-operator = Sammenligningen «{ $operator }» kan ikke brukes på et spørsmål av typen «{ $type }».
error-questionnaire-enable-when-answer-type = Svaret i betingelsen passer ikke til spørsmålet det viser til. Bruk { $expected }.
error-questionnaire-enable-when-unknown-option = Betingelsen viser til koden «{ $code }», men spørsmålet har ikke noe svaralternativ med den koden.
error-scoring-json = Poengreglene kan ikke leses: { $detail }
error-scoring-questionnaire = Poengreglene hører til et annet spørreskjema. De skal vise til «{ $expected }», men viser til «{ $found }».
error-scoring-no-scales = Poengreglene har ingen skalaer. Legg til minst én.
error-scoring-id = ID-en må ha 1–60 tegn: små bokstaver (a–z), tall og bindestrek, ikke bindestrek først eller sist.
error-scoring-id-duplicate = ID-en «{ $id }» er brukt mer enn én gang. Gi hver sin egen ID.
error-scoring-label = Navnet mangler eller er tomt. Skriv en tekst for hvert språk.
error-scoring-no-items = Skalaen har ingen spørsmål. Legg til minst ett.
error-scoring-unknown-item = Spørsmålet { $link_id } finnes ikke i spørreskjemaet.
error-scoring-item-duplicate = Spørsmålet { $link_id } står mer enn én gang i samme skala.
error-scoring-item-not-numeric = Spørsmålet { $link_id } gir ikke et tall å regne med. Bare tallspørsmål og flervalgsspørsmål der hvert alternativ har en poengverdi, kan telle med.
error-scoring-item-repeats = Spørsmålet { $link_id } kan ha flere svar og gir derfor ikke én verdi å telle med.
error-scoring-item-unbounded = Spørsmålet { $link_id } må ha både en minste og en største verdi for å kunne telle med i skalaen.
error-scoring-item-out-of-range = Spørsmålet { $link_id } kan gi verdier utenfor skalaen, som går fra { $min } til { $max }.
error-scoring-min-above-max = Skalaens minste verdi må være lavere enn den største.
error-scoring-reverse-not-in-scale = Spørsmålet { $link_id } skal snus, men er ikke med i skalaen.
error-scoring-missing-too-many = Så mange manglende svar som dette tillates, kan alle spørsmålene stå ubesvart. Sett tallet til høyst { $max }.
error-scoring-subscale-item = Spørsmålet { $link_id } er med i delskalaen, men ikke i skalaen den hører til.
error-scoring-band-order = Kategoriene må stå i stigende rekkefølge etter hvor de begynner.
error-scoring-band-out-of-range = Kategorien begynner utenfor det skalaen kan gi. Skåren kan være fra { $min } til { $max }.
error-answer-unknown-item = Spørreskjemaet har ikke dette spørsmålet.
error-answer-not-a-question = Dette er en gruppe eller en visningstekst og kan ikke besvares.
error-answer-not-enabled = Spørsmålet vises ikke ut fra de andre svarene, og skal derfor ikke ha svar.
error-answer-required = Spørsmålet må besvares.
error-answer-repeats = Spørsmålet kan bare ha ett svar.
error-answer-type = Svaret har feil form. Spørsmålet venter et svar av typen «{ $expected }».
error-answer-below-min = Svaret kan ikke være lavere enn { $min }.
error-answer-above-max = Svaret kan ikke være høyere enn { $max }.
error-answer-unknown-option = Svaret er ikke et av alternativene til spørsmålet.
error-answer-duplicate = Det samme alternativet er valgt to ganger.
error-answer-empty = Svaret er tomt.
error-answer-too-long = Svaret er for langt. Bruk høyst { $max } tegn.
error-answer-invalid-characters = Svaret inneholder tegn som ikke kan brukes, for eksempel et linjeskift der svaret skal stå på én linje.

# Course report (H5)
crep-title = Kursrapport
crep-heading = Kursrapport: { $course }
crep-field-programme = Program
crep-field-venue = Sted
crep-field-period = Periode
crep-field-status = Status
crep-field-made = Laget
crep-period = { $from } – { $to }
crep-print-hint = Skriv ut rapporten med nettleserens utskriftskommando (Ctrl+P, eller Del og Skriv ut på mobilen). Hver del begynner på en ny side, og menyen kommer ikke med.
crep-counts-only = Rapporten viser bare antall. Den navngir ingen deltakere.
crep-contents = Innhold i rapporten
crep-back-to-course = Tilbake til kurset
crep-participants-heading = Deltakere
crep-totals-caption = Deltakere, frafall og foreldre
crep-column-group = Gruppe
crep-column-count = Antall
crep-row-started = Startet
crep-row-completed = Fullførte
crep-row-dropped-out = Sluttet underveis
crep-row-children = Av dem barn
crep-row-parents = Foreldre påmeldt foreldresamlingene
crep-ages-caption = Deltakere etter alder ved kursstart { $date }
crep-column-age = Alder
crep-column-participants = Deltakere
crep-age-band = { $band } år
crep-age-unknown = Ukjent alder
crep-total = Sum
crep-no-participants = Kurset har ingen deltakere.
crep-recruitment-heading = Rekruttering
crep-channels-caption = Hvordan deltakerne hørte om kurset eller ble henvist
crep-column-channel = Kanal
crep-column-applications = Søknader og henvisninger
crep-column-started = Startet
crep-channel-unknown = Ikke oppgitt
crep-no-channels = Ingen søknader eller henvisninger er registrert for kurset.
crep-attendance-heading = Oppmøte
crep-sessions-summary = { $held } av { $planned } samlinger er holdt, { $cancelled } avlyst.
crep-mean-attended = I snitt { $mean } deltakere per samling.
crep-attendance-percent = Oppmøtet var { $percent } %.
crep-family-meetings = { $count ->
    [one] 1 samtale med én familie er holdt (ikke med i tabellen).
   *[other] { $count } samtaler med én familie er holdt (ikke med i tabellen).
}
crep-sessions-caption = Oppmøte per samling og møte: barn, foreldre og andre familiemedlemmer
crep-column-session = Samling
crep-column-children = Barn
crep-column-parents = Andre foreldre
crep-column-guardians = Foresatte
crep-of = { $attended } av { $expected }
crep-state-cancelled = Avlyst
crep-total-held = { $count ->
    [one] Sum, 1 samling holdt
   *[other] Sum, { $count } samlinger holdt
}
crep-no-sessions = Ingen samlinger er holdt ennå.
crep-per-participant-heading = Oppmøte per deltaker
crep-per-participant-caption = Hvor mange deltakere som var med på hvor mange samlinger
crep-column-attended = Var med på
crep-attended-of = { $attended } av { $held } samlinger
crep-dropouts-heading = Frafall
crep-dropouts-summary = { $count } av { $started } deltakere ({ $percent } %) sluttet underveis.
crep-no-dropouts = Ingen deltakere har sluttet underveis.
crep-deviations-heading = Avvik fra programmet
crep-no-deviations = Ingen avvik fra programmets regler er godtatt for kurset.
crep-deviation-accepted-on = Godtatt { $date }.
crep-reasons-caption = Årsaker til at deltakere sluttet
crep-column-reason = Årsak
crep-reason-none = Ikke oppgitt
crep-timing-caption = Når deltakerne sluttet
crep-column-when = Sluttet etter
crep-after-sessions = { $count ->
    [0] Før første samling
    [one] 1 samling
   *[other] { $count } samlinger
}
crep-evaluation-heading = Evaluering
crep-outcome-heading = Endring før og etter kurset

## Answering questionnaires (qans-)
qans-form-title = Spørreskjema
qans-progress = Side { $page } av { $of }
qans-intro = Svar så godt du kan. Du kan lagre og komme tilbake senere med den samme lenken.
qans-intro-children = Det finnes ingen riktige eller gale svar. Velg det som passer best for deg. Du kan hoppe over et spørsmål hvis du vil.
qans-required = (må besvares)
qans-choose-several = Du kan velge flere.
qans-date-hint = For eksempel 2026-03-31.
qans-yes = Ja
qans-no = Nei
qans-continue = Lagre og fortsett
qans-back = Tilbake
qans-send = Send
qans-save-note = Det du har svart blir lagret hver gang du går videre, så du kan gjøre deg ferdig senere med den samme lenken.
qans-language-label = Språk (svarene dine beholdes)
qans-thanks-title = Tusen takk!
qans-thanks-text = Svarene dine er sendt. Takk for at du tok deg tid – det hjelper oss å gjøre gruppene bedre.
qans-answered-title = Allerede besvart
qans-answered-text = Denne lenken er allerede brukt til å sende svar, så den kan ikke brukes igjen. Takk for at du svarte!
qans-expired-title = Lenken er utløpt
qans-expired-text = Denne lenken er for gammel til å brukes. Hvis du fortsatt vil svare, kan du be gruppelederne om en ny.
qans-closed-title = Spørreskjemaet er stengt
qans-closed-text = Det er ikke lenger mulig å svare på dette spørreskjemaet. Takk for at du ville hjelpe!
qans-not-yet-open-title = Ikke åpnet ennå
qans-not-yet-open-text = Dette spørreskjemaet kan ikke besvares ennå. Bruk den samme lenken igjen senere.
qans-unknown-title = Vi fant ikke dette spørreskjemaet
qans-unknown-text = Lenken kan være ufullstendig. Sjekk at du har skrevet eller kopiert hele, eller be gruppelederne om en ny.
qans-error-boolean = Velg ja eller nei.
qans-error-integer = Skriv et helt tall, for eksempel 3.
qans-error-decimal = Skriv et tall, for eksempel 2,5.
qans-error-date = Skriv en dato som 2026-03-31.
qans-error-used = Denne lenken er allerede brukt til å sende svar.
qans-error-not-yet-open = Dette spørreskjemaet kan ikke besvares ennå.
qans-error-nothing-answered = Svar på minst ett spørsmål før du sender.
qans-error-round-closed = Runden er avsluttet, så det kan ikke legges til flere svar.
qans-error-subject-anonymous = En anonym runde tar ikke imot noen deltaker.
qans-error-subject-required = Velg deltakeren skjemaet gjelder.
qans-error-subject-unknown = Velg en av kursets deltakere.
qans-error-subject-answered = Svarene til denne deltakeren er allerede lagret for denne runden.
qans-error-value-type = Verdien passer ikke med typen.
qans-paper-title = Skriv inn et papirskjema
qans-paper-back = Tilbake til kurset
qans-paper-save = Lagre skjemaet
qans-paper-saved = Skjemaet er lagret. Du kan skrive inn det neste.
qans-paper-identified = Velg deltakeren skjemaet gjelder, og skriv inn svarene slik de står på papiret.
qans-paper-anonymous = Svarene lagres uten navn, og uten hvem som skrev dem inn.
qans-paper-closed-results = Resultatene vises slik de var da runden ble avsluttet.
qans-paper-subject = Deltaker
qans-paper-subject-choose = Velg en deltaker
qans-paper-subject-number = Deltaker { $number }
qans-paper-subject-answered = allerede lagret

# Spørreskjemabibliotek (sak 7, qlib-)
qlib-title = Spørreskjemabibliotek
qlib-one-title = Spørreskjema
qlib-intro = Spørreskjemaene organisasjonen kan bruke i evalueringer og effektmålinger. samlas egne skjemaer ligger her fra start; du kan importere andre, for eksempel et instrument dere har lisens på.
qlib-import-link = Importer et spørreskjema
qlib-count = { $count ->
    [one] Ett spørreskjema
   *[other] { $count } spørreskjemaer
}
qlib-version-number = Versjon { $number }
qlib-languages = Språk: { $languages }
qlib-shipped = Følger med samla
qlib-archived = Arkivert
qlib-empty = Det finnes ingen spørreskjemaer ennå.
qlib-to-programmes = Gå til programbiblioteket
qlib-old-version = Du ser på versjon { $number }, som ikke er den nyeste.
qlib-see-latest = Se den nyeste versjonen
qlib-archived-notice = Dette spørreskjemaet er arkivert. Det tilbys ikke i nye runder; runder og svar som bruker det, beholder det.
qlib-facts = Om spørreskjemaet
qlib-url = Identifikator (url)
qlib-version = Versjon
qlib-fhir-version = FHIR-versjon { $version }
qlib-status = Status
qlib-origin = Opphav
qlib-imported-by-us = Importert av organisasjonen
qlib-languages-heading = Språk
qlib-show-language = Vis på
qlib-show-version = Vis versjon
qlib-download-fhir = Last ned som FHIR JSON ({ $language })
qlib-download-scoring = Last ned skåringsreglene
qlib-archive = Arkiver
qlib-unarchive = Ta i bruk igjen
qlib-edit-hint = For å endre spørreskjemaet importerer du den endrede definisjonen: den blir en ny versjon, og svar som alt er gitt, beholder versjonen de ble gitt til.
qlib-items = Spørsmål
qlib-type-group = gruppe
qlib-type-display = tekst til lesing
qlib-type-boolean = ja eller nei
qlib-type-choice = valg
qlib-type-integer = heltall
qlib-type-decimal = tall
qlib-type-string = kort tekst
qlib-type-text = lang tekst
qlib-type-date = dato
qlib-required = må besvares
qlib-repeats = flere svar mulig
qlib-shown-when-all = Vises bare når: { $conditions }
qlib-shown-when-any = Vises når ett av disse gjelder: { $conditions }
qlib-ordinal = skår { $value }
qlib-scales = Skåring
qlib-no-scoring = Denne versjonen har ingen skåringsregler.
qlib-scale-method = Metode
qlib-method-sum = summen av svarene
qlib-method-mean = gjennomsnittet av svarene
qlib-scale-range = Hvert svar teller
qlib-scale-item-range = fra { $min } til { $max }
qlib-scale-items = Spørsmål
qlib-scale-reverse = Snudd skåring
qlib-scale-missing = Tillatte manglende svar
qlib-scale-bands = Nivåer
qlib-band = { $label }: fra { $from }
qlib-subscale = Delskala: { $label }
qlib-versions = Versjoner
qlib-created = Lagt til
qlib-created-by = Lagt til av
qlib-by-samla = samla
qlib-scored = Skåringsregler
qlib-yes = Ja
qlib-no = Nei
qlib-back = Tilbake til spørreskjemabiblioteket
qlib-imported = Importert som versjon { $number }.
qlib-unchanged = Ingenting nytt: importen var lik versjon { $number }, så det ble ingen ny versjon.
qlib-import-title = Importer et spørreskjema
qlib-import-intro = Lim inn spørreskjemaet som et FHIR R4 Questionnaire i JSON, én boks per språk (hver med sin "language", for eksempel "nb" eller "en"), og samlas skåringsregler hvis det har noen. Alt sjekkes først: er noe feil, listes hvert problem med sin plass i JSON-en, og ingenting lagres.
qlib-import-versions = Et spørreskjema med samme url som et dere har, blir neste versjon av det; de eldre versjonene blir liggende. Importerer du det samme innholdet igjen, blir det ingen ny versjon.
qlib-field-definition-1 = Spørreskjema (FHIR JSON), første språk
qlib-field-definition-hint = Hele Questionnaire-ressursen, som begynner med {"{"}"resourceType": "Questionnaire".
qlib-field-definition-2 = Spørreskjema, andre språk (valgfritt)
qlib-field-definition-more-hint = Det samme spørreskjemaet på et annet språk: samme url, versjon, linkId-er, typer og koder; bare tekstene er ulike.
qlib-field-definition-3 = Spørreskjema, tredje språk (valgfritt)
qlib-field-scoring = Skåringsregler (JSON, valgfritt)
qlib-field-scoring-hint = Skalaer, spørsmål med snudd skåring, delskalaer, nivåer og regelen for manglende svar, i samlas format.
qlib-import-submit = Sjekk og importer
qlib-path-whole = hele dokumentet
qlib-error-no-definitions = Lim inn minst ett spørreskjema.
qlib-error-too-many-definitions = Høyst { $max } språk kan importeres samtidig.
qlib-error-language-missing = Spørreskjemaet må si hvilket språk det er på ("language", for eksempel "nb" eller "en").
qlib-error-language-twice = To av spørreskjemaene er på samme språk ({ $language }). Oppgi hvert språk én gang.
qlib-error-structure-differs = Dette språket skiller seg fra { $first } i «{ $what }». Språkene i ett spørreskjema må ha samme url, versjon, spørsmål, typer, svaralternativer og koder; bare tekstene kan være ulike.
qlib-from-programmes = Spørreskjemaer til evalueringer og effektmålinger

## Results of questionnaire rounds (qres-)
qres-round-title = Resultater
qres-course-title = Evaluering av kurset
qres-outcome-title = Endring før og etter
qres-audience-participants = Deltakere
qres-audience-guardians = Foresatte
qres-audience-staff = Ansatte og brukerrepresentanter
qres-mode-anonymous = Anonym
qres-mode-identified = Med navn
qres-timing-session = Etter samling
qres-timing-before = Før kurset
qres-timing-end = Ved kursslutt
qres-timing-follow-up = Oppfølging
qres-timing-other = Annet
qres-closed = avsluttet
qres-responses = { $count ->
    [one] 1 svar
   *[other] { $count } svar
}
qres-below-threshold = Runden ble avsluttet med færre enn { $threshold } svar. Resultatene vises bare fra { $threshold } svar, så ingen enkeltperson kan kjennes igjen; derfor vises bare antallet.
qres-not-released = Resultatene vises når runden er avsluttet, og bare fra { $threshold } svar. Runden tar imot svar til og med { $date }, eller til den lukkes. Til da vises bare hvor mange som har svart, så ingen kan se hva én person svarte ved å sammenligne resultatene før og etter et svar.
qres-answered = { $count ->
    [one] 1 har svart
   *[other] { $count } har svart
}
qres-mean = Gjennomsnitt
qres-sd = standardavvik
qres-median = Median
qres-positive = { $share } positive ({ $count } av { $n })
qres-positive-rule-top-two = de to øverste trinnene på skalaen
qres-positive-rule-top-one = det øverste trinnet på skalaen
qres-positive-rule-yes = svarte ja
qres-positive-rule-true = svarte ja
qres-table-distribution = Svarfordeling: { $question }
qres-column-answer = Svar
qres-column-value = Verdi
qres-column-count = Antall
qres-column-share = Andel
qres-free-text = Fritekst
qres-no-free-text = Ingen har skrevet noe her.
qres-scales = Skalaer
qres-scales-caption = Skåre per skala
qres-column-scale = Skala
qres-column-n = n
qres-column-not-scored = Uten skåre
qres-downloads = Last ned
qres-download-xlsx = Last ned som Excel (XLSX)
qres-download-csv = Last ned som CSV
qres-course-intro = Alle spørreundersøkelser i kurset. Resultatene vises når runden er avsluttet, og bare fra { $threshold } svar; fritekst bare da. De endres ikke etterpå.
qres-rounds = Undersøkelser
qres-round-link = Egen side for resultatene
qres-no-rounds = Kurset har ingen spørreundersøkelser ennå.
qres-outcome-intro = Endringen per skala fra målingen før kurset til kursslutt og oppfølging, for dem som har svart begge gangene. Bare avsluttede runder er med. Positiv endring betyr at skåren har steget. Der et tall ikke kan regnes ut, står det hvorfor.
qres-outcome-caption = Endring i { $title } – { $to }
qres-column-before = Før
qres-column-after = Etter
qres-column-change = Endring
qres-column-ci = 95 % konfidensintervall
qres-column-t-test = Parret t-test
qres-column-wilcoxon = Wilcoxon
qres-column-dz = Effektstørrelse (d_z)
qres-unpaired = { $count ->
    [one] 1 uten par
   *[other] { $count } uten par
}
qres-no-comparisons = Ingen målinger med navn før og etter kurset ennå.
qres-pending-heading = Ikke med ennå
qres-pending-intro = Disse målingene er med når runden er avsluttet:
qres-pending-until = åpen til og med { $date }
qres-to-end = før til kursslutt
qres-to-follow-up = før til oppfølging
qres-statistics-too-few-pairs = Færre enn to har svart begge gangene
qres-statistics-all-differences-zero = Ingen skårer endret seg
qres-statistics-no-variance = Alle endret seg like mye
qres-chart-distribution = Stolpediagram over hvor mange som ga hvert svar, av { $n }. Tallene står i tabellen.
qres-chart-change = Stolpediagram over gjennomsnittlig endring per skala med 95 % konfidensintervall. Tallene står i tabellen.
qres-yes = Ja
qres-no = Nei
crep-evaluation-intro = Resultatene fra kursets spørreskjemarunder. Svarfordeling og fritekst vises når runden er avsluttet, og bare når minst { $threshold } har svart.
crep-no-rounds = Kurset har ingen spørreskjemarunder ennå.
crep-evaluation-link = Evalueringen på egen side, med nedlasting
crep-no-comparisons = Ingen skalaer kan sammenlignes ennå: det trengs en runde før kurset og en ved slutten eller ved oppfølgingen, med samme spørreskjema.
crep-outcome-link = Endringen på egen side

## Rounds of asking (qround-)
error-qround-audience = Velg hvem som skal spørres.
error-qround-mode = Velg om svarene er anonyme eller med navn.
error-qround-timing = Velg når i kurset det spørres.
error-qround-session-required = Velg samlingen evalueringen gjelder.
error-qround-session-not-course = Samlingen hører ikke til dette kurset, eller den er avlyst.
error-qround-session-not-wanted = En samling kan bare velges når det spørres etter en samling.
error-qround-follow-up-months = Oppfølgingen må være mellom { $min } og { $max } måneder etter kursets slutt.
error-qround-follow-up-only = Antall måneder gjelder bare oppfølging.
error-qround-qr-identified = QR-kode gir anonyme svar og kan bare brukes når svarene er anonyme.
error-qround-date = Skriv datoen som åååå-mm-dd.
error-qround-closes-before-opens = Siste svardag kan ikke være før første svardag.
error-qround-closes-past = Siste svardag har alt vært.
error-qround-window-long = En runde kan være åpen i høyst { $days } dager.
error-qround-questionnaire = Velg et spørreskjema fra biblioteket.
error-qround-nobody = Det er ingen å spørre i denne gruppen på kurset.
error-qround-already-closed = Runden er allerede lukket.
mail-qround-invitation-subject = { $organisation }: vi vil gjerne høre hva du mener
mail-qround-invitation-body =
    Hei,

    vi ber deg svare på noen korte spørsmål. Lenken er personlig og kan brukes én gang:
    { $link }

    Du kan svare til og med { $date }.

    Vennlig hilsen
    { $organisation }
mail-qround-reminder-subject = { $organisation }: påminnelse – vi vil gjerne høre hva du mener
mail-qround-reminder-body =
    Hei,

    vi har ikke fått svaret ditt ennå. Her er en ny personlig lenke (den forrige virker ikke lenger):
    { $link }

    Du kan svare til og med { $date }. Har du svart nylig, kan du se bort fra denne e-posten.

    Vennlig hilsen
    { $organisation }
error-qround-number = Skriv et helt tall.
qround-title = Evalueringer
qround-round-title = Spørrerunde
qround-intro = Her spør dere deltakere, foresatte eller ansatte med et spørreskjema fra biblioteket: med personlige lenker på e-post, med en QR-kode i rommet eller på papir.
qround-saved-started = Runden er startet.
qround-saved-scheduled = Runden før, ved slutt og oppfølgingen er lagt inn.
qround-saved-closed = Runden er lukket. Lenkene virker ikke lenger.
qround-rounds = Runder
qround-none = Ingen runder ennå.
qround-state-scheduled = Ikke åpnet ennå
qround-state-open = Åpen
qround-state-closed = Lukket
qround-timing-session = Etter en samling
qround-timing-before = Før kurset
qround-timing-end = Ved slutten av kurset
qround-timing-follow_up = Oppfølging etter kurset
qround-timing-other = Annet
qround-audience-participants = Deltakerne
qround-audience-guardians = Foresatte og foreldre
qround-audience-staff = Gruppeledere og brukerrepresentanter
qround-mode-anonymous = Anonyme svar
qround-mode-identified = Svar med navn (for å måle endring)
qround-qr-short = QR-kode
qround-window = Kan besvares { $opens } – { $closes }
qround-answered-qr = { $answered } har svart
qround-answered-of = { $answered } av { $asked } har svart
qround-results-link = Se resultater
qround-results-when-closed = (når runden er avsluttet)
qround-start = Start en runde
qround-field-questionnaire = Spørreskjema
qround-choose-questionnaire = Velg spørreskjema
qround-field-audience = Hvem spørres
qround-field-mode = Svarene
qround-field-mode-hint = Anonyme svar kan ikke knyttes til noen. Svar med navn brukes for å måle endring før og etter.
qround-field-timing = Når
qround-field-session = Samling
qround-field-session-hint = Bare når det spørres etter en samling.
qround-no-session = Ingen samling
qround-field-opens = Første svardag
qround-field-dates-hint = Tomt gir vanlige datoer: en samling kan besvares samme dag og en uke etter.
qround-field-closes = Siste svardag
qround-field-months = Måneder etter kursets slutt
qround-field-months-hint = Bare for oppfølging, fra 1 til 24. Tomt gir 3.
qround-field-qr = Vis en QR-kode i rommet
qround-field-qr-hint = Bare med anonyme svar. Da lages ingen personlige lenker.
qround-start-button = Start runden
qround-outcome = Mål endring: før, ved slutt og oppfølging
qround-outcome-intro = Lager tre runder med navn: før første samling, ved siste samling og en oppfølging noen måneder etter slutt. Invitasjoner og én påminnelse går på e-post.
qround-outcome-button = Legg inn de tre rundene
qround-fact-state = Status
qround-fact-window = Svartid
qround-fact-answers = Svar
qround-fact-results = Resultater
qround-results-released = Vises nå som runden er avsluttet (fra fem svar), og endres ikke etterpå.
qround-results-pending = Vises når runden er avsluttet, etter { $date } eller når den lukkes, og bare fra { $threshold } svar.
qround-months-after = { $months } måneder etter slutt
qround-invited-count = { $invited } invitert, { $reminded } påminnet
qround-anonymous-note = Svarene er anonyme: de lagres uten navn, lenke eller tidspunkt utover dagen. Resultatene vises først når runden er avsluttet og minst fem har svart.
qround-qr-heading = QR-kode for rommet
qround-qr-intro = Vis koden på skjermen eller skriv den ut. Hver som skanner den, får sitt eget tomme skjema.
qround-qr-alt = QR-kode som åpner spørreskjemaet
qround-qr-print = Skriv ut siden for å henge opp koden.
qround-more = Videre
qround-paper-link = Skriv inn et svar fra papir
qround-recipients = Hvem er spurt
qround-recipients-note = Viser bare hvem som har svart, aldri hva de svarte.
qround-recipients-none = Ingen er spurt med personlig lenke.
qround-col-name = Navn
qround-col-invited = Invitert
qround-col-reminded = Påminnet
qround-col-answered = Svart
qround-walk-in = Via QR-kode
qround-about = gjelder { $name }
qround-no-email = Ingen e-postadresse
qround-yes = Ja
qround-no = Nei
qround-close-heading = Lukk runden
qround-close-intro = Når runden er lukket, virker verken lenkene eller QR-koden, og det kan ikke legges til flere svar, heller ikke fra papir. Resultatene vises da (fra fem svar) og endres ikke etterpå.
qround-close-button = Lukk runden
crep-column-family = Familie­medlemmer
crep-not-recorded = Ikke registrert
qround-course-results-link = Oppsummering av kursets evalueringer
qround-outcome-change-link = Endring før og etter
crep-reasons-withheld = Årsakene til frafall vises bare for kursets gruppeledere og koordinatoren, fordi en årsak i en liten gruppe kan vise hvem den gjelder.

## The course page's evaluation section
course-evaluation-heading = Evaluering
course-evaluation-rounds = Spørreundersøkelser
course-evaluation-results = Resultater av evalueringen
course-evaluation-outcome = Endring før og etter
course-evaluation-report = Kursrapport

## running: meeting reminders (H2)
mail-meeting-reminder-subject = { $organisation }: påminnelse om møte { $date }
mail-meeting-reminder-body =
    Hei,

    dette er en påminnelse om møtet { $date } klokka { $time }.

    Gi gjerne beskjed til gruppelederne hvis dere ikke kan komme.

    Vennlig hilsen
    { $organisation }
running-settings-follow-up-hint-with-off = Etter så mange fravær på rad blir en leder bedt om å kontakte familien. 0 slår av oppfølgingsoppgavene. Fra { $min } til { $max }.
reminders-meetings = Foreldremøter, informasjonsmøter, familiesamlinger og oppfølgingsmøtet får samme påminnelse, om et møte om én familie bare til den familien. Nettverksmøter, forsamtaler og avslutningssamtaler avtales med hver familie og får ingen påminnelse.
reminders-household = Slår du av påminnelser for et barn, gjelder det alle foresatte til barnet.

# Reminders per guardian (issue #6)
reminders-guardians = Foresatte som får påminnelser om { $name }:
reminders-saved-person = Påminnelsene til den foresatte er lagret.
reminders-guardians-alone = Påminnelsene kan også slås av for én foresatt alene. Da får barnets andre foresatte dem fortsatt.

## Programme networks and statistics releases
error-region-country = Velg et fylke eller en region i organisasjonens eget land.
error-network-own = Organisasjonen eier dette programmet: kursene regnes allerede med i programmets statistikk.
error-network-no-region = Velg organisasjonens fylke først: statistikken teller hver organisasjon i sitt fylke.
error-network-member = Organisasjonen er allerede med i programmets nettverk.
error-network-not-member = Organisasjonen er ikke med i programmets nettverk.
error-statistics-year-open = Velg et år som er over: statistikk publiseres bare for hele år.
field-organisation-kind = Type tjeneste
field-organisation-kind-hint = Nasjonal statistikk teller organisasjonene etter type.
field-organisation-region = Fylke eller region
field-organisation-region-hint = Nasjonal statistikk teller hver organisasjon i sitt fylke; det trengs for å bli med i et programs nettverk.
organisation-region-none = Ikke valgt
organisation-kind-municipality = Kommune
organisation-kind-hospital = Sykehus (lærings- og mestringssenter)
organisation-kind-regional_centre = Regionalt senter
organisation-kind-national_centre = Nasjonalt senter
organisation-kind-other = Annet
nav-statistics = Statistikk
home-task-statistics = Se statistikken for programmene dere driver sammen med andre
statistics-title = Statistikk
statistics-lead = Publiserte tall for programmene organisasjonen eier eller driver i et nettverk. Små grupper vises aldri: tall for én til fire personer, og det som ville la en regne dem ut, er skjult.
statistics-networks = Programmer og nettverk
statistics-networks-none = Organisasjonen eier ingen delte programmer og er ikke med i noe programs nettverk ennå.
statistics-owned = Organisasjonen eier dette programmet.
statistics-member-of = Organisasjonen er med i nettverket til { $owner }.
statistics-owned-by = Eies av { $owner }
statistics-open-releases = { $count ->
    [one] Se den publiserte utgaven
   *[other] Se de { $count } publiserte utgavene
}
statistics-open-network = Se nettverket
statistics-leave = Gå ut av nettverket
statistics-publish = Publiser et år
statistics-publish-lead = En utgave teller programmets kurs som startet i året, hos dere og i nettverket. Når den er publisert, endres den ikke; publiserer dere samme år igjen, blir det en rettet utgave som holder skjult det den første skjulte.
field-year = År
field-release-note = Merknad
field-release-note-hint = Valgfritt: hva utgaven er, for eksempel hvorfor et år er rettet.
statistics-publish-button = Publiser
statistics-join = Bli med i et programs nettverk
statistics-join-lead = Kursene deres i et program som en annen organisasjon eier, telles i programmets statistikk når dere blir med i nettverket. Eieren ser bare tall, aldri en person.
statistics-join-needs-region = Velg fylke eller region først.
statistics-join-button = Bli med
statistics-releases = Publiserte utgaver
statistics-no-release = Ingenting er publisert ennå.
statistics-release-name = { $year }, utgave { $number }
statistics-published-on = Publisert { $date }
statistics-members = Organisasjoner i nettverket
statistics-members-lead = Organisasjoner som driver programmet og telles i statistikken.
statistics-members-none = Ingen andre organisasjoner er med ennå.
statistics-own-leaders = { $count ->
    [one] Organisasjonen din har én leder sertifisert for programmet.
   *[other] Organisasjonen din har { $count } ledere sertifisert for programmet.
}
statistics-certified-leaders = Sertifiserte ledere
statistics-network-courses = Kurs i nettverket
statistics-network-courses-lead = Programmets kurs fra starten av i fjor, slik organisasjonene planlegger og holder dem. Hvem som deltar, vises ikke her.
statistics-network-courses-none = Ingen kurs fra starten av i fjor.
statistics-course = Kurs
statistics-course-start = Starter
statistics-course-status = Status
statistics-course-deviations = Godtatte avvik fra bemanningskravet
statistics-joined = Ble med
statistics-programme-title = Statistikk for et program
statistics-table-title = Statistikktabell
statistics-table-lead = { $name }, { $period }.
statistics-tables = Tabeller
statistics-table-participants_by_age = Deltakere etter alder
statistics-table-participants_by_outcome = Deltakere etter hvordan kurset endte
statistics-table-courses_by_status = Kurs etter status
statistics-show = Vis
statistics-level = Hvor
statistics-period = Når
statistics-withheld = Tabellen kunne ikke publiseres uten å avsløre en liten gruppe, så ingenting av den vises.
statistics-column-unit = Hvor
statistics-column-total = Totalt
statistics-column-0-5 = 0–5 år
statistics-column-6-9 = 6–9 år
statistics-column-10-12 = 10–12 år
statistics-column-13-17 = 13–17 år
statistics-column-18-29 = 18–29 år
statistics-column-30-49 = 30–49 år
statistics-column-50-66 = 50–66 år
statistics-column-67-plus = 67 år eller eldre
statistics-column-unknown = Alder ukjent
statistics-column-completed = Fullførte
statistics-column-dropped_out = Sluttet
statistics-column-ongoing = Fortsatt på kurs
statistics-column-planned = Planlagt
statistics-column-running = Pågår
statistics-column-cancelled = Avlyst
statistics-hidden = Skjult for å verne en liten gruppe
statistics-hidden-explained = – viser et tall som er skjult: en gruppe på én til fire personer, eller et tall som en slik gruppe kunne regnes ut fra.
statistics-total-of = Totalt, { $name }
statistics-spring = Våren { $year }
statistics-autumn = Høsten { $year }
statistics-download-csv = Last ned som CSV
statistics-download-xlsx = Last ned som Excel (XLSX)
statistics-download-note = Tomme celler er skjult for å verne små grupper.
statistics-column-no-channel = Ikke registrert
statistics-table-participants_by_channel = Deltakere etter hvordan de kom til kurset
statistics-table-participants_by_service_kind = Deltakere etter type tjeneste
overview-field-dropout-reason-kind = Hovedårsak
overview-field-dropout-reason-kind-hint = Telles i programmets anonyme statistikk. Si mer med egne ord nedenfor.
dropout-reason-illness = Sykdom eller helse
dropout-reason-practical = Praktiske grunner (tid, reise, jobb eller skole)
dropout-reason-did-not-suit = Gruppen passet ikke
dropout-reason-family-situation = Familiens situasjon
dropout-reason-moved = Flyttet
dropout-reason-other = Annet
dropout-reason-none = Ikke oppgitt
statistics-table-participants_by_dropout_reason = Deltakere etter hvorfor de sluttet
statistics-column-did_not_drop_out = Sluttet ikke
field-participant-sex = Kjønn
field-participant-sex-hint = Valgfritt. Brukes bare i anonym statistikk.
sex-female = Jente eller kvinne
sex-male = Gutt eller mann
sex-other = Annet
sex-not-stated = Vil ikke oppgi
statistics-column-sex-unknown = Ikke oppgitt
statistics-table-participants_by_sex = Deltakere etter kjønn
statistics-table-participants_by_wait = Deltakere etter ventetid fra søknad til kursstart
statistics-column-days_0_30 = Opptil 30 dager
statistics-column-days_31_90 = 31–90 dager
statistics-column-days_91_180 = 91–180 dager
statistics-column-days_181_plus = Mer enn 180 dager
statistics-column-no_application = Uten søknad
statistics-kept = Tabellen står slik årets tidligere utgave publiserte den: rettelsen kunne ikke endre den uten å avsløre en liten gruppe.
home-statistics-heading = Publisert statistikk
home-statistics-releases = { $count ->
    [one] Én utgave
   *[other] { $count } utgaver
}
statistics-table-participants_by_attendance = Deltakere etter hvor mye av kurset de deltok på
statistics-column-attended_all = Alle samlingene
statistics-column-attended_75_99 = 75–99 %
statistics-column-attended_50_74 = 50–74 %
statistics-column-attended_under_50 = Under halvparten
statistics-column-attended_none_recorded = Ikke registrert oppmøte
statistics-table-waitlist_at_term_start = På venteliste ved semesterstart
statistics-waitlist-explained = Personer med søknad på venteliste 1. januar (vår) og 1. juli (høst), etter hvor lenge de hadde ventet siden de søkte. Et år legger sammen de to semesterstartene, så den som fortsatt venter i juli, telles to ganger.
statistics-outcome-title = Endring før og etter, alle kurs
statistics-outcome-intro = Hver deltakers skår før kurset sammenlignes med deres egen skår ved kursslutt eller ved oppfølging, og parene fra alle kursene i nettverket telles sammen, slik at også små grupper teller med. En skala vises fra fem par. Gjennomsnittlig endring er etter minus før; intervallet er der den sanne gjennomsnittlige endringen ligger med 95 % sikkerhet; d_z er endringen målt i standardavvik av endringene (omtrent 0,2 er liten, 0,5 middels, 0,8 stor).
statistics-outcome-measure = { $title }: { $audience }, { $to }
statistics-outcome-measure-column = Måling
statistics-outcome-scale = Skala
statistics-outcome-pairs = Par
statistics-outcome-mean-change = Gjennomsnittlig endring
statistics-outcome-ci = 95 %-intervall
statistics-outcome-ci-lower = 95 %-intervall, fra
statistics-outcome-ci-upper = 95 %-intervall, til
statistics-outcome-dz = d_z
statistics-outcome-too-few = Færre enn fem par: vises ikke.
statistics-outcome-kept = Slik årets tidligere utgivelse publiserte den: rettelsen endret færre enn fem par.
statistics-outcome-none = Ingen av årets kurs målte de samme deltakerne før og etter.
statistics-outcome-chart = Hver stolpe er en skalas gjennomsnittlige endring, etter minus før; streken over den er 95 %-intervallet.
statistics-outcome-download-note = Tomme tall: færre enn fem par.
statistics-sessions-title = Oppmøte per samling, alle kurs
statistics-sessions-intro = For hver samling i manualen: deltakerne som sto på listen da oppmøtet ble registrert i nettverkets kurs i år, og hvor mange av dem som kom (kom for sent og gikk tidlig teller som kom). Bare tallene for hele nettverket publiseres. En samling registrert med færre enn fem viser ingenting; der én til fire kom, eller én til fire ikke kom, vises bare hvor mange som ble registrert. Kurs importert fra regneark og tall sendt fra andre installasjoner har ikke oppmøte per samling og er ikke med her.
statistics-sessions-session = Samling { $number }
statistics-sessions-number = Samling
statistics-sessions-courses = Kurs
statistics-sessions-recorded = Registrert
statistics-sessions-attended = Kom
statistics-sessions-rate = Andel som kom
statistics-sessions-too-few = Færre enn fem registrert: vises ikke.
statistics-sessions-hidden = Skjult: én til fire kom, eller én til fire kom ikke.
statistics-sessions-kept = Slik årets tidligere utgivelse publiserte den: rettelsen endret den med færre enn fem personer.
statistics-sessions-none = Ingen av årets kurs registrerte oppmøte på en samling fra manualen.
statistics-sessions-chart = Hver søyle er andelen av de registrerte på samlingen som kom; samlinger med skjulte tall har ingen søyle.
statistics-sessions-download-note = Tomme tall: færre enn fem registrert, eller én til fire som kom eller ikke kom.
statistics-trend = År for år
statistics-trend-lead = Nettverkets tall for hvert år, slik årets siste utgivelse publiserte dem.
statistics-trend-year = År
statistics-trend-courses = Kurs
statistics-trend-participants = Deltakere
statistics-trend-chart = Deltakere per år
statistics-trend-chart-description = Én stolpe per år: hvor mange som deltok på nettverkets kurs som startet det året. Tabellen under har tallene.
statistics-table-chart-description = Én stolpe per kolonne i tabellens totallinje; tabellen under har alle tallene.
statistics-hidden-short = skjult
statistics-find = Vis tabellen
statistics-find-programme = Program
statistics-find-table = Hva
statistics-find-whole-year = Hele året
statistics-find-spring = Vårsemesteret
statistics-find-autumn = Høstsemesteret
statistics-find-network = Hele nettverket
statistics-find-own-region = Vår region
statistics-find-own = Vår organisasjon
statistics-evaluation-title = Evalueringer, alle kurs
statistics-evaluation-intro = Svarene på det samme spørreskjemaet, stilt til den samme gruppen på samme tidspunkt i kurset, telt sammen for alle kursene i nettverket. Fritekstsvar tas aldri med her.
statistics-evaluation-question = Spørsmål
statistics-evaluation-answer = Svar
statistics-evaluation-count = Antall
statistics-evaluation-answered = Svarte
statistics-evaluation-responses = { $count } svar fra { $courses ->
    [one] ett kurs
   *[other] { $courses } kurs
}.
statistics-evaluation-too-few = Færre enn fem svar (fra { $courses ->
    [one] ett kurs
   *[other] { $courses } kurs
}): ingenting vises.
statistics-evaluation-share = { $share } positive
statistics-evaluation-mean = gjennomsnitt { $mean }
statistics-evaluation-kept = Slik årets tidligere utgivelse publiserte den: rettelsen endret færre enn fem svar.
statistics-evaluation-none = Ingen av årets kurs har evalueringssvar med frigitte resultater.
statistics-table-leaders_by_certification = Gruppeledere
statistics-column-certified = Sertifisert for programmet
statistics-column-not_certified = Ikke sertifisert
statistics-column-external = Fra utenfor organisasjonen
statistics-leaders-explained = Hver gruppeleder på årets kurs telles én gang, i semesteret for sitt første kurs det året, som sertifisert eller ikke da det startet. Tall om ansatte skjules ikke: de handler ikke om deltakere.
statistics-column-not_known = Importert kurs: ikke kjent
statistics-imported-note = { $count ->
    [one] Ett av kursene som telles, er importert fra et regneark.
   *[other] { $count } av kursene som telles, er importert fra regneark.
}
import-error-programme = Ark { $sheet }, rad { $row }, { $column }: ikke et av programmene deres (skriv kortnavnet, f.eks. smil, eller nummeret).
import-error-end-before-start = Ark { $sheet }, rad { $row }, { $column }: kurset slutter før det starter.
import-error-not-past = Ark { $sheet }, rad { $row }, { $column }: bare kurs som har startet kan importeres; planlegg nye i samla.
import-error-duplicate = Ark { $sheet }, rad { $row }, { $column }: det samme som en rad over.
import-error-course-unknown = Ark { $sheet }, rad { $row }, { $column }: ingen kurs med denne referansen i kursarket.
import-error-too-long = Ark { $sheet }, rad { $row }, { $column }: for langt.
import-error-identity-number = Ark { $sheet }, rad { $row }, { $column }: ser ut som et fødselsnummer. Bruk en egen kode, aldri nummeret eller navnet.
import-error-channel = Ark { $sheet }, rad { $row }, { $column }: ikke en av rekrutteringskanalenes koder.
import-error-reason-without-dropout = Ark { $sheet }, rad { $row }, { $column }: en grunn til frafall for en som ikke falt fra.
import-error-column-missing = Ark { $sheet }: kolonnen { $column } mangler.
import-error-empty = Ark { $sheet }: har ingen rader.
import-error-required = Ark { $sheet }, rad { $row }, { $column }: må fylles ut.
import-error-date = Ark { $sheet }, rad { $row }, { $column }: ikke en dato (skriv 2024-03-01 eller 01.03.2024).
import-error-number = Ark { $sheet }, rad { $row }, { $column }: ikke et helt tall innenfor det tillatte.
import-error-yes-no = Ark { $sheet }, rad { $row }, { $column }: skriv ja eller nei.
import-error-choice = Ark { $sheet }, rad { $row }, { $column }: ikke en av kodene malen lister.
import-title = Importer tidligere kurs
import-lead = Kurs dere holdt før samla kan telle med i programmenes statistikk. Fyll ut malen, én rad per kurs og én rad per deltaker på et kurs, og last den opp. Ingenting importeres før alle radene kan leses; hvert problem oppgis med ark, rad og kolonne. Importeres et kurs på nytt med samme referanse, erstattes det.
import-done = Importerte { $courses } kurs med { $participants } deltakere. De telles i statistikken fra neste utgivelse for årene deres.
import-template-heading = Malen
import-template-lead = En Excel-arbeidsbok med arkene courses og participants, eller de to arkene som CSV-filer. Behold kolonnenavnene i første rad.
import-template-xlsx = Mal som Excel (XLSX)
import-template-courses-csv = Kursarket som CSV
import-template-participants-csv = Deltakerarket som CSV
import-courses-columns = Kursarket (courses)
import-participants-columns = Deltakerarket (participants)
import-column = Kolonne
import-column-meaning = Hva dere skriver
import-column-course = Kurs
import-column-programme = Programmets kortnavn (f.eks. smil) eller nummer.
import-column-start-date = Første samling, f.eks. 2024-02-05 eller 05.02.2024.
import-column-end-date = Siste samling.
import-column-sessions = Hvor mange gruppesamlinger kurset hadde.
import-column-leaders = Hvor mange gruppeledere det hadde.
import-column-cancelled = yes eller ja hvis kurset ble avlyst; ellers nei eller tomt.
import-column-participant = Deres egen kode for deltakeren, unik på kurset. Aldri navn eller fødselsnummer.
import-column-birth-year = Fødselsåret, hvis kjent.
import-column-age = Eller alderen da kurset startet.
import-column-sex = female, male, other eller tomt.
import-column-channel = Koden til en rekrutteringskanal (school, gp, …) eller tomt.
import-column-sessions-attended = Hvor mange samlinger deltakeren kom på, hvis kjent.
import-column-dropped-out = ja hvis deltakeren falt fra; ellers nei eller tomt.
import-column-dropout-reason = illness, practical, did_not_suit, family_situation, moved, other eller tomt.
import-upload-heading = Last opp
import-field-workbook = Arbeidsboken (XLSX)
import-field-workbook-hint = Med arkene courses og participants. Eller la den stå tom og last opp de to CSV-filene under.
import-field-courses = Kursarket (CSV)
import-field-participants = Deltakerarket (CSV)
import-field-csv-hint = Skilt med komma eller semikolon, UTF-8.
import-submit = Importer
import-imported-heading = Importerte kurs
import-none = Ingen kurs importert ennå.
import-ends = Slutter
import-error-csv = { $sheet }-filen kan ikke leses som CSV (lagre den som CSV UTF-8).
import-error-workbook = Filen kan ikke leses som en Excel-arbeidsbok (XLSX).
import-error-sheet-missing = Arbeidsboken har ikke noe ark som heter { $sheet }.
import-error-no-file = Velg arbeidsboken, eller de to CSV-filene.
import-overview-lead = Kurs dere holdt før samla kan også telle med i statistikken.
import-error-too-large = Arbeidsboken er for stor til å leses; del den opp, eller lagre de to arkene som CSV-filer.

## Statistikk mellom installasjoner
submission-send-link = Send statistikk fra denne installasjonen
submission-installations-link = Installasjoner som sender statistikken sin
submission-send-title = Send statistikk til eieren av programmet
submission-send-lead = Har eieren av programmet en egen samla, sender du den organisasjonens tall for { $programme } for et år som er over: hvor mange kurs og deltakere, fordelt som i statistikktabellene. Ingen person står i filen.
submission-key-heading = Organisasjonens nøkkel
submission-key-lead = Filen signeres med organisasjonens nøkkel, slik at eieren ser at den kommer fra dere og at ingenting i den er endret underveis. Gi eieren denne offentlige nøkkelen én gang; den registrerer installasjonen deres med den.
submission-make-heading = Lag filen for et år
submission-make-lead = Filen har deres egne kurs i programmet som startet i året. Lager dere den på nytt senere (etter en rettelse her), blir det en nyere fil som erstatter den forrige hos eieren.
submission-make-button = Last ned den signerte filen
submission-push-lead = Send filen til eieren slik den ber om: last den opp på siden dens, eller send den til dens samla med nøkkelordet (token) dere fikk til det (POST /api/v1/statistics/submissions, med filen som innhold).
submission-installations-title = Installasjoner som sender statistikken sin
submission-installations-lead = Organisasjoner som driver programmet i en egen samla, sender dere tallene sine som signerte filer. Registrer hver installasjon én gang med den offentlige nøkkelen; tallene telles da i utgivelsene deres som for de andre medlemmene av nettverket, med de samme reglene for små tall.
submission-registered = { $name } er registrert og telles i programmets nettverk.
submission-token-once = Nøkkelordet for å sende filer vises bare nå. Gi det til installasjonens administrator på en trygg måte; det kan ikke brukes til annet enn å sende dette programmets statistikk.
submission-token-use = Installasjonen sender en fil til denne adressen, med overskriften Authorization: Bearer fulgt av nøkkelordet:
submission-received = Tok imot innsendingen fra { $installation } for { $year }. Den telles fra årets neste utgivelse.
submission-corrected = Tok imot en rettet innsending fra { $installation } for { $year }; den erstatter den forrige fra årets neste utgivelse.
submission-upload-heading = Ta imot en fil
submission-upload-lead = En fil fra en registrert installasjon. Signaturen må holde, og filen må være nyere enn den dere har for året.
submission-field-file = Den signerte filen (JSON)
submission-field-file-hint = Filen installasjonen lastet ned fra sin samla, uendret.
submission-upload-button = Ta imot
submission-received-heading = Mottatte innsendinger
submission-installation = Installasjon
submission-made = Laget
submission-received-at = Mottatt
submission-state = Telles
submission-none = Ingen innsendinger mottatt ennå.
submission-pushed = sendt direkte
submission-uploaded = lastet opp
submission-replaced = Erstattet { $date }
submission-counts = Telles i neste utgivelse
submission-installations-heading = Registrerte installasjoner
submission-key = Offentlig nøkkel
submission-registered-at = Registrert
submission-installations-none = Ingen installasjoner registrert ennå.
submission-register-heading = Registrer en installasjon
submission-register-lead = Navn, type og region er det statistikken teller organisasjonen som. Den offentlige nøkkelen står på siden «Send statistikk til eieren av programmet» i dens samla.
submission-field-name = Organisasjonens navn
submission-field-key = Den offentlige nøkkelen
submission-field-key-hint = 44 tegn, slik dens samla viser den.
submission-register-button = Registrer
submission-error-format = Dette er ikke en statistikkfil fra samla i et format denne versjonen leser.
submission-error-year = Året i filen er ikke et år.
submission-error-table = Filen har en tabell samla ikke kjenner: { $at }.
submission-error-table-twice = Filen har tabellen { $at } to ganger.
submission-error-term = { $at }: halvåret hører ikke til filens år.
submission-error-category = { $at }: ikke en kolonne i den tabellen.
submission-error-count = { $at }: tallet er større enn noen organisasjons år.
submission-error-cell-twice = { $at }: den samme cellen står to ganger i tabellen.
submission-error-totals = Deltakertabellene i filen teller ulikt antall personer i et halvår; lag filen på nytt i samla.
submission-error-unreadable = Filen kan ikke leses som en signert statistikkfil fra samla.
submission-error-key = Det er ikke en offentlig nøkkel samla kan kontrollere signaturer med.
submission-error-signature = Signaturen holder ikke: filen er endret etter at den ble signert. Be installasjonen om filen på nytt.
submission-error-unknown-key = Filen er signert med en nøkkel ingen installasjon av dette programmet er registrert med.
submission-error-already-received = Denne innsendingen er allerede mottatt.
submission-error-replayed = En nyere innsending fra denne installasjonen for året er allerede mottatt; en eldre kan ikke erstatte den.
submission-error-programme = Filen gjelder et annet program ({ $at }).
submission-error-key-taken = En installasjon med denne nøkkelen er allerede registrert.
submission-error-no-file = Velg filen som skal tas imot.
submission-new-token = Nytt nøkkelord
submission-token-replaced = { $name } har fått et nytt nøkkelord; det gamle virker ikke lenger.
submission-remove = Fjern fra nettverket
submission-removed = Fjernet: telles ikke, uten nøkkelord
submission-error-removed = Denne installasjonen er fjernet fra programmets nettverk; filene dens tas ikke lenger imot.
submission-error-at-once = En annen innsending fra denne installasjonen for året ble tatt imot i samme øyeblikk. Send filen på nytt.
submission-error-own-key = Det er deres egen organisasjons nøkkel: deres egne kurs telles allerede.

## Emergency access (break-the-glass)
home-task-emergency = Åpne et kurs i en nødsituasjon
emergency-title = Nødtilgang til et kurs
emergency-intro = Må du lese et kurs du ikke jobber på (for eksempel ved en bekymring for et barn), kan du åpne det for en begrenset tid. Skriv hvorfor: begrunnelsen tas vare på, alt du leser logges, og den som følger med på loggen går gjennom hver åpning. Du kan lese kurset, men ikke endre det.
emergency-open-heading = Åpne nå
emergency-open-none = Du har ingen nødtilgang åpen.
emergency-until = Åpen til { $when }
emergency-new-heading = Åpne et kurs
emergency-new-intro = Bare kurs du ikke jobber på, vises.
emergency-choose-course = Velg et kurs
emergency-hours-option = { $hours ->
    [one] 1 time
   *[other] { $hours } timer
}
emergency-submit = Åpne kurset
field-emergency-course = Kurs
field-emergency-reason = Hvorfor må du lese det nå?
field-emergency-reason-hint = Skriv hva som har skjedd og hvorfor det ikke kan vente. Ta bare med det som trengs om personen.
field-emergency-hours = Hvor lenge
error-emergency-hours = Velg fra 1 til { $max } timer.
error-emergency-own-course = Du jobber allerede på dette kurset og trenger ikke nødtilgang.
error-emergency-course = Velg et kurs i denne organisasjonen.
emergency-reviews-link = Nødtilganger til gjennomgang
emergency-reviews-title = Nødtilganger
emergency-reviews-intro = Hver gang noen åpnet et kurs i en nødsituasjon: hvem, hvilket kurs, når og hvorfor, og hva de gjorde mens det var åpent. Godkjenn hver enkelt med hva du fant.
emergency-reviews-open = Venter på gjennomgang
emergency-reviews-none = Ingenting venter på gjennomgang.
emergency-reviews-done = Gjennomgått
emergency-reviews-done-none = Ingenting er gjennomgått ennå.
emergency-reviews-saved = Tilgangen er gjennomgått.
emergency-who-what = { $who } åpnet { $course }
emergency-from-until = { $from } til { $until }
emergency-signed-by = Gjennomgått av { $who }, { $when }
emergency-review-title = Gå gjennom en nødtilgang
emergency-review-who = Åpnet av
emergency-review-course = Kurs
emergency-review-when = Åpen
emergency-review-reason = Oppgitt begrunnelse
emergency-review-actions = Hva som ble gjort mens den var åpen
emergency-review-no-actions = Ingenting ble logget.
emergency-review-sign-off = Godkjenn
field-emergency-comment = Hva fant du?
field-emergency-comment-hint = For eksempel at tilgangen var begrunnet, eller hva som ble fulgt opp.
emergency-review-submit = Godkjenn gjennomgangen

# Retention
home-task-retention = Bestem hvor lenge personopplysninger lagres
retention-title = Hvor lenge personopplysninger lagres
retention-intro = samla sletter personopplysninger når tiden er ute: én gang i døgnet slettes hver oppføring som har passert regelen sin, med det som bare hører til den. Slettingene logges (hvilken type, hvilken regel; aldri innholdet) og telles i rapporten nedenfor. En oppføring kan holdes tilbake ut over regelen med en begrunnelse, for eksempel en klagesak eller en henvendelse fra politiet.
retention-rules-heading = Regler
retention-rules-intro = Måneder fra hendelsen som er nevnt under hver type, fra det korteste loven tillater opp til { $max }.
retention-months-label = Måneder som lagres: { $kind }
retention-months-hint = samlas standard er { $default } måneder; det korteste som er tillatt er { $min } ({ $law }).
retention-default-in-use = samlas standard brukes.
retention-rules-save = Lagre reglene
retention-kind-unplaced_applications = Søknader som ikke førte til plass
retention-kind-unplaced_applications-what = Takket nei, trukket, henvist videre eller slått sammen med en annen, regnet fra søknadens siste steg; eller fortsatt åpen med alle samtykker til å delta trukket tilbake, regnet fra tilbaketrekkingen. Slettes med historikk, forsamtaler, tilbud, lenker og e-post, og personene og husstanden som ingen annen oppføring viser til.
retention-kind-sent_mail = Sendt e-post
retention-kind-sent_mail-what = Adressen og emnet samla har lagret for hver e-post som er sendt eller gitt opp, regnet fra siste forsøk.
retention-kind-observations = Observasjoner
retention-kind-observations-what = Det lederne skrev ned om én deltaker på et kurs som er over (fullført, arkivert eller avlyst), regnet fra kursets siste samling. Oppmøtet blir stående: kursets rapporter og statistikk teller det.
retention-observations-count = { $count ->
    [one] én observasjon
   *[other] { $count } observasjoner
}
retention-due-heading = Slettes de neste { $days } dagene
retention-due-intro = Det reglene sletter fra i dag og fram dit, og det som holdes tilbake etter sin dag.
retention-due-none = Ingenting slettes de neste dagene.
retention-due-dates = { $state } · regnet fra { $started } · slettes { $due }
retention-held = Holdes tilbake:
retention-held-by = Holdt tilbake av { $who } { $when }.
retention-release = Opphev tilbakeholdet
retention-hold-heading = Hold tilbake en oppføring
retention-hold-choose = Velg en oppføring
retention-hold-submit = Hold tilbake oppføringen
field-retention-record = Oppføring
field-retention-reason = Hvorfor den må lagres
field-retention-reason-hint = Lagres med tilbakeholdet og vises her, for eksempel saksnummeret til en klage.
retention-report-heading = Slettet per år
retention-report-none = Ingenting slettet.
retention-report-line = { $kind } (lagret { $months } måneder): { $count } slettet
retention-erase-heading = Slett på forespørsel
retention-erase-intro = En familie kan be om at en søknad som ikke førte til plass, slettes før tiden. Den slettes med en gang med alt som bare hører til den; det kan ikke angres. En søknad som holdes tilbake, kan ikke slettes før tilbakeholdet er opphevet.
field-retention-reference = Søknadens referanse
field-retention-reference-hint = Slik den står på søknaden og familiens kvittering, for eksempel K7QM-3XHT.
field-retention-erase-confirm = Jeg har sjekket at ingen klage eller annen sak krever at den lagres
retention-erase-submit = Slett søknaden
retention-saved-erased = Søknaden er slettet.
retention-report-line-erased = { $kind }, slettet på forespørsel: { $count }
error-retention-erase-unknown = Ingen søknad som ikke førte til plass, har den referansen.
error-retention-erase-held = Søknaden holdes tilbake ({ $reason }): opphev tilbakeholdet først.
error-retention-erase-confirm = Bekreft at ingenting krever at den lagres.
retention-saved-rules = Reglene er lagret.
retention-saved-held = Oppføringen holdes tilbake.
retention-saved-released = Tilbakeholdet er opphevet.
error-retention-months = Skriv et helt antall måneder fra { $min } til { $max } (det korteste etter { $law }).
error-retention-held = Oppføringen holdes allerede tilbake.
error-retention-record = Velg en oppføring fra listen.
public-privacy-link = Hva vi lagrer om deg, og hvor lenge
public-privacy-title = Hva vi lagrer om deg
public-privacy-heading = Hva { $organisation } lagrer om deg, og hvor lenge
public-privacy-intro = Når du søker om plass på et kurs, eller noen henviser deg eller barnet ditt, lagrer vi det vi trenger for å gi deg plass og holde kurset. Her står hva, hvem som ser det, hvor lenge vi lagrer det, og hvordan du kan spørre om det.
public-privacy-what-heading = Hva vi lagrer
public-privacy-what = Navn, fødselsdato og kontaktinformasjon til barnet eller den voksne som deltar, og til foreldrene; det du eller den som henviste deg skrev om hvorfor; notater fra samtalene før kurset; hvilke samtykker du har gitt; og under kurset hvem som kom på hver samling.
public-privacy-who-heading = Hvem som ser det
public-privacy-who = Bare de ansatte som behandler søknader, og lederne på kurset ditt. Frivillige med egen erfaring som er med og leder en gruppe, ser aldri det du har skrevet eller notater om deg. Hver gang noen åpner opplysningene dine, blir det logget.
public-privacy-how-long-heading = Hvor lenge vi lagrer det
public-privacy-applications = Hvis du ikke får plass, takker nei eller trekker søknaden, sletter vi søknaden og det som hører til den { $months } måneder etter siste steg. Hvis du trekker tilbake samtykket til å delta, regnes tiden fra da.
public-privacy-mail = Vi lagrer adressen og emnet på e-poster vi sender deg i { $months } måneder.
public-privacy-observations = Det lederne skriver ned om deltakerne underveis, sletter vi { $months } måneder etter kursets siste samling.
public-privacy-participants = Hvis du deltar på et kurs, lagrer vi det som hører til kurset så lenge vi trenger det for å følge opp og rapportere om det.
public-privacy-rights-heading = Dine rettigheter
public-privacy-rights = Du kan be om å få se hva vi lagrer om deg, få rettet noe eller få det slettet. Du kan også klage til Datatilsynet. Ring eller skriv til oss:
public-privacy-back = Tilbake til kursene

# Innsyn: en persons rett til å se egne opplysninger
home-task-access-requests = Svar på en innsynsbegjæring
access-title = Innsynsbegjæringer
access-intro = Alle kan be om å få se hva vi lagrer om dem (innsynsretten, personvernforordningen artikkel 15). Registrer begjæringen den dagen den kom: den skal besvares innen en måned. Rapporten samler alt samla lagrer om personen og hvem som har lest det, til å skrive ut for brevet eller gi som fil.
access-saved-registered = Begjæringen er registrert. Rapporten står nedenfor.
access-saved-answered = Begjæringen er merket som besvart.
access-requests-heading = Begjæringer
access-requests-caption = Innsynsbegjæringer
access-requests-none = Ingen begjæringer ennå.
access-column-person = Person
access-column-received = Mottatt
access-column-answer-by = Svarfrist
access-column-state = Status
access-state-open = Skal besvares
access-state-overdue = Fristen er passert
access-state-answered = Besvart { $date }
access-register-heading = Registrer en begjæring
access-register-intro = Finn deltakeren eller foresatt som ber om innsyn, etter navn. Ber en foresatt på vegne av et barn: registrer begjæringen fra barnet.
access-search-submit = Søk
field-access-search = Navn
field-access-search-hint = Minst to bokstaver; hvert ord må stå i navnet.
access-search-too-short = Skriv minst to bokstaver av navnet.
access-search-none = Ingen deltaker eller foresatt heter «{ $query }».
field-access-person = Hvem ber om innsyn
field-access-received-on = Dagen begjæringen kom
field-access-received-on-hint = For eksempel 17.03.2026. La feltet stå tomt for i dag.
access-register-submit = Registrer begjæringen
access-person-born = { $name }, født { $year } ({ $role })
access-person = { $name } ({ $role })
error-access-day-future = Dagen kan ikke være etter i dag.
error-access-day-before = Dagen kan ikke være før begjæringen kom ({ $date }).
error-access-person = Velg personen som ber om innsyn.
error-access-answered = Begjæringen er allerede besvart.
access-report-title = Hva vi lagrer om en person
access-report-heading = Hva vi lagrer om { $name }
access-report-intro = Alt samla lagrer om personen, og hvem som har lest det. Skriv ut denne siden til brevet (knappene skrives ikke ut), eller gi filen.
access-report-json = Last ned som fil (JSON)
access-back = Tilbake til begjæringene
access-answer-heading = Når svaret er sendt
field-access-answered-on = Dagen den ble besvart
field-access-answered-on-hint = For eksempel 30.03.2026. La feltet stå tomt for i dag.
access-answer-submit = Merk som besvart
access-person-heading = Personen
access-field-name = Navn
access-field-role = I husstanden
access-field-responsibility = med foreldreansvar
access-field-birth-date = Fødselsdato
access-field-national-id = Fødselsnummer
access-field-phone = Telefon
access-field-email = E-post
access-field-sex = Kjønn
access-field-registered = Registrert
access-applications-heading = Søknader og henvisninger
access-field-about = Hvem gjelder den
access-about-them = Personen selv
access-about-contact = Personen er kontaktperson
access-field-kind = Hvordan den kom
access-field-stage = Steg
access-field-received = Mottatt
access-field-referrer = Henvist av
access-field-reason = Begrunnelse
access-field-needs = Behov
access-history-heading = Steg som er tatt
access-pre-conversation-heading = Forsamtale { $number }, { $date }
access-field-present = Til stede
access-field-outcome = Utfall
access-field-notes = Notater
access-offers-heading = Tilbud om plass
access-offer-line = { $course }: tilbudt { $made }, svarfrist { $deadline } – { $status }
access-none = Ingen.
access-consents-heading = Samtykker
access-consent-given = Gitt av { $giver } { $date } ({ $capacity }, { $method }).
access-consent-withdrawn = Trukket tilbake { $date }.
access-consent-text = Teksten det ble samtykket til (versjon { $version })
access-places-heading = Plasser på kurs
access-column-course = Kurs
access-column-starts = Starter
access-column-role = Som
access-column-status = Status
access-attendance-heading = Oppmøte
access-column-date = Dato
access-column-session = Samling
access-column-attendance = Oppmøte
access-column-note = Merknad
access-attendance-notice = Meldt fravær på forhånd
access-notes-heading = Observasjoner og oppfølging
access-note-observation = Observasjon på { $course }, { $date }, av { $who }
access-note-follow-up = Oppfølging av fravær på { $course }, fra { $date }, av { $who }
access-meetings-heading = Møter
access-field-agenda = Saksliste
access-field-minutes = Referat
access-field-agreements = Avtaler
access-questionnaires-heading = Spørreskjemaer besvart med personens navn
access-answer-yes = Ja
access-answer-no = Nei
access-scores = Skårer:
access-mail-heading = E-post
access-mail-line = Til { $to }, { $date }: { $status }
access-mail-body = Teksten
access-reads-heading = Hvem har lest personens opplysninger
access-reads-intro = Hver gang noen åpnet en side som viser personens opplysninger, står det i loggen: søknadene og husstanden, kurssidene og oppmøtelistene for kursene personen er med på, observasjonene og denne rapporten. Per dag og person.
access-reads-none = Ingen har lest dem ennå.
access-column-who = Hvem
access-column-organisation = Virksomhet
access-column-what = Hva
access-column-times = Ganger
access-read-application-read = Søknaden
access-read-application-read-sensitive = Søknaden med begrunnelse og notater
access-read-household-read = Husstanden
access-read-attendance-read = En oppmøteliste eller kursets oppmøte
access-read-observation-read = Observasjonene
access-read-course-view = Kurssiden med deltakerne
access-read-access-request-read = Denne rapporten
access-left-out-heading = Ikke med i denne rapporten
access-left-out = Bekymringsmeldinger til barnevernet er ikke med i denne rapporten: om og hvordan personen kan se dem, avgjøres etter lovens unntak, sammen med dem som leser bekymringsmeldingene. Logger fra samlingene beskriver gruppen, ikke én person. Svar som er gitt anonymt, kan ikke spores til noen.

# Protokoll over behandlingsaktiviteter (personvernforordningen art. 30)
home-task-processing = Les protokollen over behandlingsaktiviteter
processing-title = Protokoll over behandlingsaktiviteter
processing-intro = Hva samla behandler for virksomheten, om hvem, hvem som mottar det og hvor lenge det lagres (personvernforordningen artikkel 30), laget ut fra hvordan samla er satt opp her. Skriv den ut, eller legg den til virksomhetens egen protokoll.
processing-controller = Behandlingsansvarlig
processing-contact = Kontakt
processing-basis = Behandlingsgrunnlag
processing-basis-own = Virksomheten angir selv grunnlaget for hver aktivitet (for eksempel en lovpålagt oppgave etter helse- og omsorgstjenesteloven, og samtykke der samla registrerer det).
processing-activity-intake = Inntak: søknader og henvisninger
processing-activity-intake-what = Mottak av søknader og henvisninger, forsamtaler, samtykker og tilbud om plass.
processing-activity-courses = Gjennomføring av kurs
processing-activity-courses-what = Samlinger, oppmøte, observasjoner om én deltaker, møter med familie og nettverk, og bekymringsmeldinger til barnevernet.
processing-activity-evaluation = Evaluering og effektmål
processing-activity-evaluation-what = Spørreskjemaer besvart anonymt eller med deltakerens navn, og skårene; resultater vises samlet.
processing-activity-statistics = Statistikk
processing-activity-statistics-what = Tall per kurs, år og program, publisert bare der ingen gruppe er så liten at den peker ut noen.
processing-activity-mail = E-post
processing-activity-mail-what = Kvitteringer, tilbud, samtykkelenker, påminnelser og invitasjoner sendt på e-post.
processing-activity-staff = Ansattes brukere og loggen
processing-activity-staff-what = De ansattes brukere og roller, innlogginger, og loggen over hvem som har lest og endret hva.
processing-persons = Om hvem
processing-data = Hvilke opplysninger
processing-special = Særlige kategorier (art. 9)
processing-special-yes = Ja: helse- og barnevernsopplysninger kan inngå
processing-special-no = Nei
processing-recipients = Hvem mottar dem
processing-retention = Hvor lenge de lagres
processing-retention-intake = { $months } måneder etter sakens siste steg, etter virksomhetens slettingsregel
processing-retention-mail = { $months } måneder etter siste forsøk på å sende, etter virksomhetens slettingsregel
processing-retention-courses = Observasjoner om én deltaker: { $months } måneder etter kursets siste samling, etter virksomhetens slettingsregel. Resten til det blir slettet: ingen slettingsregel dekker det ennå
processing-retention-none = Til de slettes: ingen slettingsregel gjelder ennå
processing-retention-aggregates = Samlede tall, ikke personopplysninger
processing-held = Poster lagret nå
processing-person-children = barn
processing-person-guardians = foresatte
processing-person-adult-participants = voksne deltakere
processing-person-referrers = de som henviser
processing-person-network-contacts = kontakter i nettverket (skole, helsesykepleier)
processing-person-staff = ansatte
processing-data-identity = navn
processing-data-contact = telefon og e-post
processing-data-birth-date = fødselsdato
processing-data-national-id = fødselsnummer
processing-data-sex = kjønn, der det er oppgitt
processing-data-reason-and-needs = begrunnelse for søknaden og behov
processing-data-consents = samtykker med tekstene de ble gitt til
processing-data-pre-conversations = notater fra forsamtaler
processing-data-attendance = oppmøte
processing-data-observations = observasjoner om én deltaker
processing-data-meeting-minutes = møtereferater
processing-data-concern-reports = bekymringsmeldinger
processing-data-answers = svar på spørreskjemaer
processing-data-scores = skårer
processing-data-aggregates = bare antall
processing-data-messages = e-postens emne og tekst
processing-data-roles = roller
processing-data-sign-ins = innlogginger
processing-data-audit-trail = loggen
processing-recipient-coordinators = koordinatorer
processing-recipient-intake-staff = sekretærer og koordinatorer som har inntaket
processing-recipient-group-leaders-own = gruppeledere, for egne kurs
processing-recipient-secretaries-contacts = sekretærer, bare navn og kontaktopplysninger
processing-recipient-child-welfare = barnevernet, når en bekymringsmelding sendes
processing-recipient-working-group-aggregates = kursets arbeidsgruppe, som samlede tall
processing-recipient-programme-owner = eierne av programnettverkene virksomheten er med i
processing-recipient-mail-relay = e-postserveren installasjonen sender gjennom
processing-recipient-administrators = administratorer
processing-security = Sikkerhetstiltak
processing-measure-passwords-argon2id = Passord lagres som Argon2id-hasher
processing-measure-second-factor-required = En ekstra faktor (engangskoder) kreves ved innlogging
processing-measure-default-deny-policy = Tilgang avgjøres ett sted etter rolle; alt annet avvises
processing-measure-reads-audited = All lesing av personopplysninger skrives i loggen
processing-measure-audit-hash-chain = Loggen er en nøklet hasjkjede, så en endret eller fjernet rad synes
processing-measure-retention-daily = Slettingsreglene kjøres hver dag
processing-measure-secure-delete = Slettede data overskrives i databasefilen
home-access-overdue = { $count ->
    [one] Én innsynsbegjæring har passert svarfristen.
   *[other] { $count } innsynsbegjæringer har passert svarfristen.
}
home-access-due = { $count ->
    [one] Én innsynsbegjæring må besvares innen en uke.
   *[other] { $count } innsynsbegjæringer må besvares innen en uke.
}
home-access-link = Se begjæringene
