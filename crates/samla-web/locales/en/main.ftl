# samla – English

## Frame
skip-to-main = Skip to main content
nav-label = Main menu
nav-home = Home
nav-users = People
nav-staff = Staff
nav-organisation = Organisation
nav-audit = Audit log
nav-account = My account
nav-logout = Log out
language-label = Language:
save = Save
never = Never
any = Any
list-next = Next page
list-older = Older entries

## Forms
form-error-summary = There is a problem
form-error-prefix = Error:

## Roles
role-admin = Administrator
role-coordinator = Coordinator
role-group_leader = Group leader
role-secretary = Secretary
role-user_representative = User representative
role-analyst = Analyst

## Countries
country-NO = Norway
country-DK = Denmark

## Fields
field-email = Email address
field-password = Password
field-code = Code
field-name = Name
field-new-password = New password
field-repeat-password = Repeat the new password
field-current-password = Current password
field-organisation-name = Organisation name
field-organisation = Organisation
field-slug = Short name in addresses
field-slug-hint = 2–40 lower-case letters (a–z), digits and dashes, for example “bodo-kommune”.
field-country = Country
field-roles = Roles
field-label = Token name
field-label-hint = What the token is for, for example “reporting script”.
field-disabled = Disabled
field-disabled-hint = A disabled person cannot log in, and all their sessions and tokens stop working at once.
field-require-second-factor = Require two-step login
field-require-second-factor-hint = Applies to roles that see personal data: administrator, coordinator, group leader and secretary.
field-audit-action = Action
field-audit-action-hint = For example login.password or user.update.
field-record-type = Record type
field-record-id = Record id
field-user-id = Person's id
field-outcome = Outcome
field-from = From date
field-to = To date
password-hint = At least 8 characters. Several words work well; common passwords are refused.

## Columns
column-created = Created
column-last-used = Last used
column-status = Status
column-when = When
column-who = Who
column-record = Record
column-request = Request

## Field errors
error-required = Fill in this field.
error-too-long = Use at most { $max } characters.
error-invalid-characters = This field contains characters that cannot be used.
error-email-invalid = Enter a valid email address, like name@municipality.no.
error-password-too-short = The password must have at least { $min } characters.
error-password-too-long = The password can have at most { $max } characters.
error-password-common = This password is too common and easy to guess. Choose another, several words work well.
error-login-failed = Wrong email address or password, or too many attempts. Try again in a few minutes.
error-code-wrong = The code is not right. Enter the newest code from the app, or a recovery code.
error-password-wrong = The current password is not right.
error-password-mismatch = The passwords are not the same.
error-taken = This is already in use.
error-member-exists = This person is already a member of the organisation.
error-roles-required = Choose at least one role.
error-role-unknown = Unknown role.
error-cannot-demote-self = You cannot remove your own administrator role or disable yourself.
error-changed-meanwhile = Someone else changed this while you were editing. Check the values and save again.
error-slug-invalid = Use 2–40 lower-case letters (a–z), digits and dashes.
error-country-unknown = Choose Norway or Denmark.
error-number = Enter a whole number.
error-choice = Choose one of the options.
error-date = Enter the date as YYYY-MM-DD.
error-limit = Choose a number between 1 and { $max }.
error-cursor = Invalid cursor; use the value from the previous answer.

## Error pages and API problems
error-go-home = Go to the home page
error-reference = Error { $status }, reference { $id }
problem-invalid = Something needs fixing
problem-invalid-detail = One or more fields could not be accepted.
problem-taken = Already exists
problem-taken-detail = A value that must be unique is already in use.
problem-bad-request = Bad request
problem-bad-request-detail = The request could not be understood.
problem-unauthenticated = You need to log in
problem-unauthenticated-detail = Log in, or send a valid access token.
problem-forbidden = No access
problem-forbidden-detail = Your role does not give access to this. Ask an administrator if you need it.
problem-not-found = Page not found
problem-not-found-detail = The page or record does not exist, or you do not have access to it.
problem-method = Method not supported
problem-method-detail = This address does not support this HTTP method.
problem-not-acceptable = Format not supported
problem-not-acceptable-detail = The answer is not available in the requested format.
problem-gone = The link no longer works
problem-gone-detail = The link has been used, has expired or is not valid. Ask for a new one.
problem-stale = Changed by someone else
problem-stale-detail = The record changed since you read it. Read it again and retry.
problem-too-large = Request too large
problem-too-large-detail = The request is larger than 1 MiB.
problem-media-type = Wrong content type
problem-media-type-detail = Send the content as application/json.
problem-precondition = Version missing
problem-precondition-detail = Send If-Match with the ETag you received when you read the record.
problem-throttled = Too many requests
problem-throttled-detail = Wait a little and try again.
problem-internal = Something went wrong on our side
problem-internal-detail = The error has been logged. Try again in a while; nothing was saved halfway.
problem-csrf-detail = The form had expired. Go back, reload the page and send the form again.
problem-form-detail = The form could not be read.
problem-json-object = The content must be a JSON object.
problem-json-detail = Invalid JSON at { $location }.
problem-query-detail = Invalid parameter: { $location }.

## Logging in
login-title = Log in
login-welcome = Your password is saved. You can log in now.
login-submit = Log in
login-help = Forgotten your password? Ask an administrator in your organisation for a new link.
second-factor-title = Confirm it is you
second-factor-hint = Enter the six-digit code from your authenticator app, or one of your recovery codes.
second-factor-submit = Confirm
second-factor-cancel = Cancel and log out
enrol-title = Two-step login
enrol-required = Your organisation requires two-step login for your role. Set it up to continue.
enrol-replacing = You already use two-step login. When you confirm a new code here, the old one stops working and you get new recovery codes.
enrol-step-app = Open an authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or FreeOTP.
enrol-step-scan = Scan the QR code with the app.
enrol-qr-alt = QR code that adds samla to your authenticator app. The secret is also shown as text below.
enrol-step-type = Or type in this secret:
enrol-step-code = Enter the code the app shows, to confirm.
enrol-submit = Turn on two-step login
recovery-title = Recovery codes
recovery-intro = Two-step login is on. Print or store these codes somewhere safe. Each code works once if you lose your phone. They are shown only now.
recovery-continue = Continue

## Setup and invitation
setup-title = Set up samla
setup-intro = Create the organisation and its first administrator. This link works only once.
setup-organisation = The organisation
setup-admin = The administrator
setup-submit = Create
welcome-title = Welcome to samla
welcome-intro = Hello, { $name }. Choose a password for your account.
welcome-submit = Save the password

## Home
home-title = Home
home-greeting = Welcome, { $name }. You are working in { $organisation }.
home-roles = Your roles
home-tasks = What you can do
home-task-users = Add people and give them roles
home-task-organisation = Change the organisation's settings
home-task-audit = See who did what in the audit log
home-task-account = Change your password, language, access tokens and sessions
home-second-factor-advice = Your account is better protected with two-step login.
home-second-factor-link = Turn on two-step login
home-organisations = Your organisations
home-switch = Switch organisation

## My account
account-title = My account
account-saved-password = Your password is changed. Your other sessions have ended.
account-saved-token-revoked = The token has been revoked.
account-saved-sessions = The session has ended.
account-email = You log in with { $email }.
account-password = Password
account-password-submit = Change password
account-second-factor = Two-step login
account-second-factor-on = Two-step login is on. You have { $count } unused recovery codes.
account-second-factor-replace = Move to a new phone and make new recovery codes
account-second-factor-off = Two-step login is off.
account-second-factor-enrol = Turn on two-step login
account-tokens = Access tokens for the API
account-tokens-intro = A token gives a program the same permissions as you. It is shown only once, when it is made.
token-revoked = Revoked
token-revoke = Revoke “{ $label }”
token-create = Make a new token
token-created-title = New access token
token-created-intro = The token “{ $label }” has been made. Copy it now; it will not be shown again.
token-created-back = Back to your account
account-sessions = Sessions
session-unknown-browser = Unknown browser
session-times = Started { $started }, last active { $seen }
session-current = This session
session-end = End
session-end-others = End all other sessions

## People
users-title = People
staff-title = Staff
staff-intro = Everyone who works here with an active account, with their roles and the programmes they are certified to lead, to put a course's working group together.
staff-filter-role = Role
staff-every-role = Every role
staff-show = Show
staff-certifications = Certified for
staff-certified-on = since { $date }
staff-certified-for = certified for { $programme }
staff-empty = Nobody with this role.
users-new = Add a person
user-disabled = Disabled
user-active = Active
user-second-factor = two-step on
user-new-title = Add a person
user-new-intro = The person gets a link where they choose their own password. Nobody else knows it.
user-new-submit = Add and make an invitation
user-title = Person
user-saved-saved = Your changes are saved.
user-saved-second-factor-reset = Two-step login has been removed. The person sets it up again at their next login.
user-access = Access
user-reset-second-factor-intro = Has the person lost their phone? Remove two-step login so they can set it up again.
user-reset-second-factor = Remove two-step login
user-reinvite-intro = Has the person forgotten their password? Make a new link where they choose a new one.
user-reinvite = Make a new link
invitation-title = Invitation link
invitation-intro = Give the link to the person in a safe way. It works once, for { $days } days.
invitation-back = To the person

## Organisation
organisation-title = Organisation settings
organisation-saved = The settings are saved.

## Audit log
audit-title = Audit log
audit-search = Search
audit-results = { $count } entries, newest first
outcome-success = Done
outcome-failure = Failed
outcome-denied = Denied

## Planning: errors
error-session-count = Choose between 1 and { $max } sessions.
error-dates-required = Choose at least one date.
error-every-weeks = Choose an interval between 1 and 8 weeks.
error-weekdays-required = Choose at least one weekday.
error-start-weekday = The start date is not on one of the weekdays you chose.
error-date-closed = { $date } is a public holiday or falls in a school holiday.
error-schedule-does-not-fit = The sessions do not fit within five years; check the school holidays and weekdays.
error-amount-negative = The amount cannot be negative.
error-amount-invalid = Enter an amount, for example 350 or 350.50.
error-amount-decimals = Use at most two decimals.
error-amount-too-large = The amount is too large.

## Staffing
gap-group-leaders = { $have } of { $need } group leaders
gap-certified-group-leaders = { $have } of { $need } certified group leaders
gap-user-representatives = { $have } of { $need } user representatives

## Public holidays
holiday-new-year = New Year's Day
holiday-maundy-thursday = Maundy Thursday
holiday-good-friday = Good Friday
holiday-easter-sunday = Easter Sunday
holiday-easter-monday = Easter Monday
holiday-ascension = Ascension Day
holiday-whit-sunday = Whit Sunday
holiday-whit-monday = Whit Monday
holiday-christmas-day = Christmas Day
holiday-boxing-day = Boxing Day
holiday-labour-day = Labour Day
holiday-constitution-day-no = Constitution Day
holiday-great-prayer-day = Great Prayer Day
problem-refused = Not allowed now
problem-refused-detail = The change breaks a rule; see the fields.
error-end-before-start = The end must come after the start.
error-holiday-too-long = A holiday can last at most 120 days; split it up.
error-time = Enter the time as HH:MM, for example 14:15.
error-number-range = Enter a number from { $min } to { $max }.
error-programme-unknown = Choose a programme from the library.
error-child-contact = A child is reached through the guardians: give the guardian's phone and e-mail instead.
error-adult-no-guardian = An adult participant has no guardian on the application: leave this out.
error-programme-not-the-courses = The course is of another programme: leave the programme out, or choose a course of it.
error-guardian-known = { $name } is in the household already, with other contact details. Change them on the household page, or leave this out.
error-responsibility-guardian-only = Only a guardian has parental responsibility.
error-programme-archived = The programme is archived. Take it back into use in the library first.
error-course-closed = The course is finished or cancelled and cannot be changed.
error-status-transition = The course cannot go from “{ $from }” to “{ $to }”.
error-cancel-reason = Say why the course is cancelled.
error-staffing-gaps = { $count } sessions lack staff under the programme's rules.
error-deviation-reason-required = The course differs from its programme's rules. Write why it goes ahead anyway, or staff the sessions first.
deviation-group-leaders = { $sessions ->
    [one] 1 session has
   *[other] { $sessions } sessions have
} fewer group leaders than the programme asks (at the fewest { $fewest } of { $needed }).
deviation-certified-group-leaders = { $sessions ->
    [one] 1 session has
   *[other] { $sessions } sessions have
} fewer certified group leaders than the programme asks (at the fewest { $fewest } of { $needed }).
deviation-user-representatives = { $sessions ->
    [one] 1 session has
   *[other] { $sessions } sessions have
} fewer user representatives than the programme asks (at the fewest { $fewest } of { $needed }).
error-staff-who = Choose a person in the organisation, or enter the name of an outside contact.
error-staff-was-present = This person is recorded as present at a held session and stays in the working group, so the attendance record holds. Take them off the staffing of the coming sessions instead.
error-staff-one-of = Choose a person here or name someone from outside, not both.
error-on-every-session-role = Only group leaders and user representatives are put on every session.
error-only-with-interval = Only with the interval "{ $interval }".
error-not-with-dates = Not used with hand-picked dates: leave it out.
error-session-count-dates = With hand-picked dates the course has one session a date: { $count }.
error-slug-fixed = The short name cannot change; import it as a new programme instead.
error-manual = { $path }: { $message }
error-budget-lines = A budget has at most { $max } lines.

## Programme library and course planning (pages)
nav-programmes = Programmes
nav-courses = Courses
home-task-today = Today's sessions: attendance and logs
home-task-programmes = Browse the programme library
home-task-courses = See the courses
home-task-plan-course = Plan a new course
home-task-school-holidays = Enter school holidays
cancel = Cancel
remove = Remove
target-group-children = Children
target-group-adolescents = Adolescents
target-group-adults = Adults
target-group-parents = Parents
target-group-families = Families
prevention-universal = Universal
prevention-selective = Selective
prevention-indicated = Indicated
audience-participants = Participants
audience-parents = Parents
audience-family = Family
audience-network = Network
meeting-kind-pre_conversation = Pre-conversation
meeting-kind-information_meeting = Information meeting
meeting-kind-parent_meeting = Parent meeting
meeting-kind-family_session = Family session
meeting-kind-network_meeting = Network meeting
meeting-kind-closing_conversation = Closing conversation
meeting-kind-follow_up = Follow-up
meeting-kind-supervision = Supervision
course-role-coordinator = Coordinator
course-role-group_leader = Group leader
course-role-user_representative = User representative
course-role-secretary = Secretary
course-role-network_contact = School or network contact
course-role-admin = Administrator
status-draft = Draft
status-ready = Ready
status-recruiting = Recruiting
status-running = Running
status-completed = Completed
status-archived = Archived
status-cancelled = Cancelled
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
weekday-in-sentence-mon = Monday
weekday-in-sentence-tue = Tuesday
weekday-in-sentence-wed = Wednesday
weekday-in-sentence-thu = Thursday
weekday-in-sentence-fri = Friday
weekday-in-sentence-sat = Saturday
weekday-in-sentence-sun = Sunday
interval-weekly = Every week
interval-every_n_weeks = Every N weeks (enter the number of weeks below)
interval-dates = Chosen dates (enter them below)
minutes = { $n } min
session-number = Session { $number }
offset-same-day = the same day as { $anchor }
offset-weeks-before = { $n ->
    [one] 1 week
   *[other] { $n } weeks
} before { $anchor }
offset-days-before = { $n ->
    [one] 1 day
   *[other] { $n } days
} before { $anchor }
offset-weeks-after = { $n ->
    [one] 1 week
   *[other] { $n } weeks
} after { $anchor }
offset-days-after = { $n ->
    [one] 1 day
   *[other] { $n } days
} after { $anchor }
anchor-start = the first session
anchor-session = session { $number }
anchor-end = the last session
anchor-course-start = the start
age-band = { $min }–{ $max } years
age-band-open = { $min } years and older
group-size = { $min }–{ $max } participants
evidence-level = level { $level }
staffing-rule = At least { $leaders ->
    [one] 1 group leader
   *[other] { $leaders } group leaders
} and { $representatives ->
    [one] 1 user representative
   *[other] { $representatives } user representatives
} at every session.
staffing-certified = Group leaders must hold the programme's certification.
budget-label = Item
budget-calculation = Calculation
budget-line-total = Total
budget-total = Total
budget-total-per-participant = Per participant ({ $participants } participants)
budget-hours = { $hours } h
budget-units-leader = { $n ->
    [one] 1 group leader
   *[other] { $n } group leaders
}
budget-units-session = { $n ->
    [one] 1 session
   *[other] { $n } sessions
}
budget-units-participant = { $n ->
    [one] 1 participant
   *[other] { $n } participants
}
budget-per-fixed = Fixed number
budget-per-leader = Per group leader
budget-per-session = Per session
budget-per-participant = Per participant
budget-row = Line { $row }
budget-amount = Amount or hourly rate ({ $currency })
budget-hours-field = Hours (optional)
budget-per = Multiplied by
budget-count = Number (for a fixed number)
programmes-title = Programme library
programmes-intro = The programmes your organisation can use: its own and those shared with everyone.
programmes-import = Import a programme
programmes-search-label = Search the programmes
programmes-search = Search by name or content
programmes-search-submit = Search
field-target-group = Target group
programmes-found = { $count ->
    [one] One programme
   *[other] { $count } programmes
}
programmes-none-found = No programme matches the search.
programmes-show-all = Show all programmes
programmes-empty = The library is empty. A coordinator can import programmes.
programme-shared = Shared with all organisations
programme-from-other = From another organisation
programme-archived = Archived
programme-archived-note = This programme is archived: it is not in the library, takes no new courses and gets no new editions from samla. Its courses keep it.
programme-shipped-note = This is samla's own manual. When samla ships a new edition it becomes the next version here, as long as you leave the programme unchanged; once you edit it, your version stays. Courses keep the version they were planned from.
programme-archive = Archive the programme
programme-unarchive = Take the programme back into use
programme-archived-notice = The programme is archived.
programme-unarchived-notice = The programme is in use again.
programmes-show-archived = Show archived programmes too
programmes-hide-archived = Hide archived programmes
programmes-back = Back to the programme library
programme-title = Programme
programme-saved = The changes are saved as version { $version }.
programme-imported = The programme is imported as version { $version }.
programme-old-version = You are looking at version { $version }, which is not the latest.
programme-see-current = See the latest version
programme-plan-course = Plan a course with this programme
programme-edit = Edit the programme
programme-facts = About the programme
field-owner = Owner
programme-source = Source
field-target-groups = Target groups
programme-age-bands = Age
programme-group-size = Group size
field-prevention-levels = Prevention level
programme-not-stated = Not stated
programme-sessions-count = Number of sessions
programme-staffing = Staffing
field-certification = Certification
programme-version = Version
programme-sharing = Sharing
programme-evidence = Evidence
programme-sessions = The sessions
programme-segments = Structure
programme-goals = Goals
programme-content = Content
programme-homework = Reflection task
programme-materials = Tools and materials
programme-meetings = Other meetings
programme-checklist = Planning checklist
programme-budget = Budget template
programme-budget-example = Computed for an example course with { $leaders ->
    [one] 1 group leader
   *[other] { $leaders } group leaders
}, { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} and { $participants ->
    [one] 1 participant
   *[other] { $participants } participants
}.
programme-notes = Notes
programme-versions = Versions
programme-statistics = Courses run from the programme
programme-statistics-courses = { $count ->
    [0] No course from the programme has left draft.
    [one] 1 course from the programme has left draft (cancelled ones not counted).
   *[other] { $count } courses from the programme have left draft (cancelled ones not counted).
}
programme-statistics-deviations = { $count ->
    [0] None of them has accepted deviations from the programme's rules.
    [one] 1 of them has accepted deviations from the programme's rules.
   *[other] { $count } of them have accepted deviations from the programme's rules.
}
programme-deviations-caption = Courses with accepted deviations, by kind
programme-deviations-kind = Deviation
programme-deviations-courses = Courses
programme-deviation-kind-group-leaders = Too few group leaders
programme-deviation-kind-certified-group-leaders = Too few certified group leaders
programme-deviation-kind-user-representatives = Too few user representatives
programme-version-n = version { $version }
programme-version-shown = shown now
programme-edit-title = Edit programme
programme-edit-intro = Saving makes the changes a new version. Courses already planned keep the version they were planned from.
field-summary = Summary
field-group-size-hint = Participants in one group. Leave both empty when the programme does not say.
field-group-min = At least
field-group-max = At most
field-min-group-leaders = Group leaders at every session (at least)
field-min-user-representatives = User representatives at every session (at least)
field-leaders-need-certification = Group leaders must be certified
field-certification-hint = The training group leaders need, for example "two-day skills course".
programme-edit-advanced = The whole manual as TOML (advanced)
field-manual-toml = The manual (TOML)
field-manual-toml-hint = Sessions, meetings, checklist and budget are edited here. The fields above take precedence over the values in the text.
programme-save-version = Save as a new version
programme-import-title = Import programme
programme-import-intro = Paste a manual in TOML or JSON, like the files in data/programmes. If your organisation already has a programme with the same short name, this becomes a new version of it.
field-manual = The manual
field-manual-hint = TOML, or JSON (the text then starts with a curly bracket). Every error is shown with its place, and nothing is imported until everything is right.
field-shared = Share with all organisations
field-shared-hint = For national competence centres: the programme appears in every organisation's library.
programme-import-submit = Import
error-manual-line = Line { $line }: { $message }
error-target-groups-required = Choose at least one target group.
error-group-size-order = "At most" cannot be less than "at least".
error-certification-required = Enter the certification group leaders must hold.
error-budget-row = Line { $row }: { $message }
courses-title = Courses
courses-new = Plan a new course
courses-empty = You are not on any course yet.
courses-empty-planner = No courses are planned yet.
course-starts = starts { $date }
courses-back = Back to the courses
course-new-title = Plan a new course
course-new-intro = Choose the programme, place and times. Sessions avoid public holidays and school holidays, and you can move, cancel and add sessions afterwards.
course-choose-programme = Choose a programme
field-programme = Programme
field-course-name = Course name
field-course-name-hint = For example "Coping course autumn 2026".
field-venue = Venue
field-venue-hint = Building or address.
field-room = Room
field-start-date = First day
field-weekdays = Weekdays
field-weekdays-hint = The first day must fall on one of the weekdays you choose.
field-start-time = Starts at
field-duration = Duration in minutes
field-duration-hint = Every session gets this length. Leave empty to give each session the length the programme plans for it.
field-interval = How often
field-every-weeks = Weeks between sessions
field-every-weeks-hint = Only for "every N weeks": 1–8.
field-dates = Dates
field-dates-hint = Only for "chosen dates": one date a line, or separated by commas.
field-session-count = Number of sessions
field-session-count-hint = Leave empty for the programme's number, when it has one.
field-capacity = Places
field-capacity-hint = Leave empty for the programme's largest group, when it states one.
course-new-submit = Plan the course
course-title = Course
course-saved-created = The course is planned. Check the schedule and put the working group together.
course-saved-details = The changes are saved.
course-saved-status = The status is changed.
course-saved-staff-added = The person is added to the working group.
course-saved-staff-removed = The person is removed from the working group.
course-saved-checklist = The checklist is updated.
course-saved-budget = The budget is saved.
course-saved-session-changed = The session is changed.
course-saved-feed-revoked = The calendar address is revoked and no longer works.
planning-warning-in-the-past = { $count ->
    [one] 1 session or meeting lies before today. That is right when you record a course that has already run; if not, choose another day.
   *[other] { $count } sessions and meetings lie before today. That is right when you record a course that has already run; if not, choose other days.
}
course-past-heading = Planned before today
course-warnings = Needs attention
course-warnings-ready = The course can be set to "Ready" once every session is staffed by the programme's rules, or when a coordinator accepts the deviations with a written reason.
course-conflict = Clashes with { $other }
course-details = About the course
course-capacity = { $count } places
course-when = When
course-every-weeks = { $n ->
    [one] every week
   *[other] every { $n } weeks
}
course-at = at { $time }
course-edit-details = Change name, place and places
field-new-status = New status
field-cancel-reason = Reason for cancelling
field-cancel-reason-hint = Required when the course is cancelled.
course-change-status = Change status
field-deviation-reason = Why the course goes ahead although it differs from its programme
field-deviation-reason-hint = Required to set the course to Ready, Recruiting or Running while the deviations are not accepted. The reason is kept with your name and the time.
course-deviations = Deviations from the programme
course-deviations-none-now = The course follows the programme's rules now.
course-deviation-accepted = Accepted
course-deviation-open = Not accepted
course-deviations-accepted = Accepted deviations
course-deviation-accepted-by = Accepted by { $name } { $time } (for status "{ $status }")
course-deviation-reason = Reason
course-schedule = Schedule
course-schedule-count = { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} and { $meetings ->
    [one] 1 meeting
   *[other] { $meetings } meetings
}.
course-schedule-holidays = Public holidays and the organisation's school holidays are skipped.
session-room = room { $room }
session-meeting = Meeting
session-cancelled = Cancelled: { $reason }
session-staff = Staff
session-no-staff = nobody yet
session-substitute = substitute
session-lacks = Lacks: { $gaps }
course-working-group = Working group
course-working-group-empty = Nobody is in the working group yet.
course-add-staff = Add to the working group
field-person = Person in the organisation
field-person-hint = Or choose "Person outside" and enter the name below, for example a contact at the school.
course-staff-external = Person outside (enter the name below)
field-external-name = Name of the person outside
field-external-organisation = Where the person outside works
field-course-role = Role on the course
field-on-every-session = Put the person on every session
field-on-every-session-hint = For group leaders and user representatives.
course-add-staff-submit = Add
course-checklist = Checklist
course-checklist-empty = The programme has no checklist.
checklist-due = Due { $date }
checklist-done-at = Done { $when }
checklist-overdue = Overdue: the due date has passed
field-assignee = Who does it
checklist-nobody = Nobody chosen
checklist-done = Done
course-budget = Budget
course-budget-figures = Computed for { $leaders ->
    [one] 1 group leader
   *[other] { $leaders } group leaders
}, { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} and { $participants ->
    [one] 1 participant
   *[other] { $participants } participants
}.
course-budget-caption = Budget lines in { $currency }
course-budget-empty = The course has no budget lines yet.
course-budget-edit = Edit the budget
course-calendar = Calendar
course-calendar-intro = Make a secret address a calendar app can subscribe to. The calendar shows times, titles and places, never participants. A new address replaces the old one.
course-calendar-new = Make a new calendar address
course-calendar-revoke = Revoke the calendar address
calendar-feed-title = Calendar address
calendar-feed-intro = Subscribe to this address in your calendar app to get the sessions of "{ $course }".
calendar-feed-once = The address is shown only now. An earlier address for the course no longer works.
course-back = Back to the course
course-edit-title = Edit the course
field-room-edit-hint = Sessions already planned keep their room; move them one by one.
course-budget-title = Edit the budget
course-budget-intro = Amounts in { $currency }. Decimals may be written with a comma, for example 350,50. With hours, the amount is an hourly rate.
course-budget-rows-hint = A line left empty is removed.
session-title = Session
session-time = Time
session-audience = For
session-planned = Planned
session-gaps = Lacks
session-move = Move the session
field-date = Date
field-end-time = Ends at
session-move-submit = Move
session-staffing = Staffing
session-staffing-legend = Who is at this session
session-staffing-submit = Save the staffing
session-staffing-empty = First add people to the working group.
session-cancel = Cancel the session
field-session-cancel-reason = Reason
session-cancel-submit = Cancel the session
session-new-title = Add a session or meeting
session-new-intro = The other sessions stay as they are.
field-session-title = Title
field-session-title-hint = Optional. Without a title the session gets a number.
field-session-room-hint = Leave empty for the course's room ({ $room }).
field-meeting = This is a meeting, not a session
field-meeting-hint = For example a parent meeting or a network meeting. Meetings do not count as sessions.
session-new-submit = Add
holidays-title = School holidays
holidays-intro = The municipality's school holidays. New courses place no sessions in them. Public holidays are computed and need not be entered.
holidays-saved-added = The school holiday is added.
holidays-saved-removed = The school holiday is removed.
holidays-period = { $first } – { $last }
holidays-empty = No school holidays are entered.
holidays-add = Add a school holiday
field-holiday-name = Name
field-holiday-name-hint = For example "Autumn break".
field-first-day = First day
field-last-day = Last day
holidays-add-submit = Add
programme-budget-example-no-group = Computed for an example course with { $leaders ->
    [one] 1 group leader
   *[other] { $leaders } group leaders
} and { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
}.

## Certification
certifications-title = Certified group leaders
certifications-intro = When the programme requires certification, only certified group leaders count when staffing is checked.
certifications-none = Nobody is recorded as certified yet.
certifications-since = certified { $date }
certifications-remove = Remove the certification of { $name }
certifications-person = Person
certifications-date = Date certified
certifications-add = Record certification

## Own calendar
account-calendar = My calendar
account-calendar-intro = Subscribe to the sessions and meetings you are staffed on, in your calendar app. The address is secret; make a new one if it gets out.
account-calendar-new = Make a new calendar address
account-calendar-revoke = Turn off the calendar address
account-saved-calendar-revoked = The calendar address no longer works.
calendar-feed-intro-own = Add this address as a subscription in your calendar app. It shows the sessions and meetings you are staffed on, with no participant data.

## outbox
nav-outbox = Outbox
outbox-title = Outgoing mail
outbox-intro = All mail samla sends goes through this queue. A message that does not get through is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 6 hours; then it is marked as failed and can be sent again from here for 7 days. The contents of the messages are not shown here, and they are not kept: a message's text, which may hold a personal link, is erased when it has been sent, and 7 days after it failed.
outbox-not-sending = No mail server is set up for this installation, so messages stay in the queue until an administrator sets SAMLA_SMTP_URL.
outbox-filter = Show
outbox-results = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
outbox-empty = No messages.
outbox-column-message = Message
outbox-to = To: { $address }
outbox-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
outbox-created-at = Created { $when }
outbox-sent-at = Sent { $when }
outbox-last-error = Last error: { $error }
outbox-status-queued = Queued
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-next-attempt = Next attempt { $when }
outbox-retry = Retry now
outbox-resendable-until = Can be sent again until { $when }.
outbox-resend-closed = Its text has been erased, so it cannot be sent again: failed messages are kept for 7 days so no personal link in them stays stored. If it is still needed, do what sent it again (for example, send the offer or the invitation anew).
outbox-saved-retried = The message is back in the queue and will be sent shortly.
error-outbox-not-failed = Only messages that have failed can be sent again.
error-outbox-erased = This message failed more than 7 days ago and its text has been erased, so it cannot be sent again. If it is still needed, do what sent it again.
mail-application-receipt-subject = { $organisation }: We have received your registration or referral
mail-application-receipt-body =
    Hello,

    Thank you. { $organisation } has received your registration or referral.

    Your reference code is { $reference }. Please quote it if you contact us about this.

    We will contact you.

    If you wish to withdraw, you can do so here:
    { $link }

    Kind regards,
    { $organisation }

## intake: errors
error-adult-is-child = By this birth date the participant is under 18. Register a child through a guardian.
error-age-band = The oldest age must be at least the youngest age.
error-birth-date-future = The birth date cannot be in the future.
error-child-is-adult = By this birth date the participant is 18 or older. Adults register themselves.
error-consent-capacity = This person cannot give this consent in that capacity.
error-consent-giver = Choose a person in the household.
error-consent-missing = { $capacity ->
    [guardian] Consent to { $purpose ->
        [participation] take part
        [share_with_network] share with the school and network
       *[evaluation] use in evaluations
    } is missing from { $known ->
        [no] a guardian with parental responsibility
       *[yes] { $name } (guardian)
    }.
    [child_own_say] { $name }'s own say on { $purpose ->
        [participation] taking part
        [share_with_network] sharing with the school and network
       *[evaluation] use in evaluations
    } is missing.
   *[other] Consent to { $purpose ->
        [participation] take part
        [share_with_network] share with the school and network
       *[evaluation] use in evaluations
    } is missing from { $name }.
}
error-consent-none-chosen = Tick at least one consent, or close the page if you do not wish to consent.
error-consent-participation-required = Consent to taking part is needed to register.
error-consent-text-missing = The organisation has no consent text for this yet. Ask the coordinator to write one.
error-course-other-programme = Choose a course of the same programme that takes applications.
error-course-unknown = Choose a course that takes registrations.
error-date-future = The date cannot be in the future.
error-date-past = The date cannot be in the past.
error-enrol-needs-course = Choose a course for the application before enrolling.
error-family-informed = Confirm that the family knows about and agrees to the referral.
error-merge-enrolled = The duplicate is already enrolled on a course and cannot be merged.
error-merge-merged = One of the applications has already been merged.
error-merge-self = An application cannot be merged into itself.
error-national-id-birth-date = The national identity number does not match the birth date.
error-national-id-checksum = The national identity number is not valid. Check the digits.
error-national-id-date = The national identity number does not contain a valid birth date.
error-national-id-format = Enter the national identity number as 11 digits.
error-no-email = This person has no e-mail address.
error-offer-through-group = Places are offered through the group proposal for a course.
error-phone = Enter a phone number with 5 to 15 digits, for example 912 34 567.
error-pre-conversations-max = At most { $max } pre-conversations can be recorded.
error-priority = Choose a priority from 1 (highest) to 3.
error-proposal-changed = The waiting list has changed since the proposal was made. Check the new proposal and confirm again.
error-proposal-empty = Nobody is in the proposed group.
error-stage-move = An application cannot move from “{ $from }” to “{ $to }”.
error-too-many-submissions = Too many forms have been sent from this address. Try again in an hour, or call us.

## intake: mail
mail-referral-receipt-subject = { $organisation }: referral received
mail-referral-receipt-body =
    Hello,

    { $organisation } has received your referral. Its reference code is { $reference }.

    We will contact the family. For questions, quote the reference code.

    Kind regards,
    { $organisation }
mail-consent-request-subject = { $organisation }: your consent is asked for
mail-consent-request-body =
    Hello,

    A child in your care has been registered for a group at { $organisation }. As a guardian
    with parental responsibility, you are asked for your own consent.

    Read what is recorded and why, and give your consent here (the link works for { $days } days):
    { $link }

    Kind regards,
    { $organisation }
mail-offer-subject = { $organisation }: offer of a place
mail-offer-body =
    Hello,

    We can offer a place in the group (reference { $reference }). The page below shows the time, place and dates.

    Please answer by { $date }:
    { $link }

    Kind regards,
    { $organisation }

## intake: default consent texts
consent-default-participation =
    We record the name, birth date and contact details of the participant and guardians, and what you tell us in the registration and pre-conversations, so that we can plan and run the group. Only the coordinator and the group's leaders see what you tell us about health or the family's situation; other staff see names and contact details only where their tasks need them. The information is kept until the course and its follow-up are finished, and then deleted. You can withdraw your consent at any time by contacting us; it takes effect at once.
consent-default-share-with-network =
    With your consent, the group leaders may talk with the child's school or other people in the child's network (for example at a network meeting) about what the family has agreed to share. Nothing is shared without agreement on what. You can withdraw this consent at any time.
consent-default-evaluation =
    With your consent, your answers to questionnaires before and after the course may be used to evaluate and improve the course. Results are only reported for groups large enough that nobody can be recognised. You can withdraw this consent at any time.

## public intake
public-catalogue-title = Courses and groups
public-catalogue-heading = Courses and groups at { $organisation }
public-catalogue-intro = These are the courses starting soon. You can register yourself or your child, and professionals can refer. Taking part is free.
public-catalogue-empty = Right now we have no courses taking registrations. Call or write to us and we will put you on the waiting list for the next course.
public-call-us = Would you rather talk to us? Call
public-write-us = Or e-mail
public-course-for = For
public-course-when = When
public-course-where = Where
public-course-time = at { $time }
public-course-dates = { $first } – { $last }
public-course-sessions = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
public-register-child = Register your child
public-register-self = Register
public-refer = Refer (for professionals)
public-register-child-title = Register your child
public-register-self-title = Register
public-refer-title = Refer to a course
public-register-intro = Fill in the form and we will get in touch. We only ask for what we need to plan the group.
public-refer-intro = This form is for professionals referring a child, a young person or an adult. Talk to the family before you refer.
public-section-referrer = About you (the referrer)
public-field-referrer-name = Your name
public-field-referrer-service = Your service or workplace
public-field-referrer-service-hint = For example “Central health clinic”.
public-field-referral-source = What kind of service is referring?
public-field-referrer-phone = Your phone number
public-field-referrer-email = Your e-mail address
public-field-referrer-email-hint = You will get a confirmation with the reference code here.
public-section-child = About the child
public-field-child-name = The child's full name
public-field-birth-date = Date of birth
public-field-national-id = National identity number (11 digits)
public-field-national-id-hint = Optional. We only use it to find the right person again.
public-section-guardian = About you (the guardian)
public-section-guardian-referral = The guardian we should contact
public-field-email-hint = Optional. You will get a confirmation with the reference code here.
public-field-responsibility = I have parental responsibility for the child
public-section-second-guardian = The other parent (optional)
public-second-guardian-intro = If another parent also has parental responsibility, you can give their name and e-mail address. We send them a link of their own to give consent.
public-field-second-guardian-name = The other parent's name
public-field-second-email-hint = The consent link is sent here.
public-field-second-responsibility = Has parental responsibility for the child
public-section-participant = About the person you refer
public-section-you = About you
public-section-reason = Reason for the referral
public-field-reason = Why are you referring?
public-field-reason-hint = Only the coordinator and the group leaders see what you write here. Write only what is needed to assess the offer.
public-field-needs = Is there anything we should know or arrange?
public-field-needs-hint = Optional. For example allergies, access or an interpreter.
public-field-family-informed = The family knows about and agrees to the referral
public-field-family-informed-hint = The family gives consent themselves when we get in touch.
public-section-more = A little more
public-field-heard = How did you hear about the course?
public-channel-none = Choose (optional)
public-section-consent = Consent
public-required = required
public-optional = optional
public-purpose-participation = Consent to take part
public-purpose-share_with_network = Consent to share with school and network
public-purpose-evaluation = Consent to evaluation
public-agree-participation = Yes, I consent to taking part as described above
public-agree-share_with_network = Yes, the group leaders may talk with the school or network
public-agree-evaluation = Yes, the answers may be used to evaluate the course
public-refer-consent-later = The family is asked for consent when we get in touch. Do not consent on their behalf.
public-honeypot = Leave this field empty
public-register-submit = Send the registration
public-refer-submit = Send the referral
public-receipt-title = Thank you, we have received it
public-receipt-registration = The registration for “{ $course }” has been received.
public-receipt-referral = The referral to “{ $course }” has been received.
public-receipt-reference = Your reference code is
public-receipt-quote = Write it down. Quote the code when you call or write to us, and we will find the case at once.
public-receipt-next = What happens next?
public-receipt-step-1 = The coordinator goes through the registration, usually within a week.
public-receipt-step-2 = We call you for a first conversation, to get to know each other and answer questions.
public-receipt-step-3 = When the group has been put together, you get an offer of a place to answer.
public-receipt-referral-step-1 = The coordinator goes through the referral and gets in touch with the family.
public-receipt-referral-step-2 = The family gives consent themselves and is invited to a first conversation.
public-receipt-email = We have sent a confirmation by e-mail.
public-receipt-withdraw-heading = Changed your mind?
public-receipt-withdraw = With this link you can withdraw the registration at any time. Keep it safe.
public-back-to-catalogue = Back to the courses
public-withdraw-open-title = Withdraw application { $reference }?
public-withdraw-open-text = If you withdraw, { $organisation } removes the application at once, and any offer of a place lapses.
public-withdraw-submit = Yes, withdraw the application
public-withdraw-keep = To keep the application, just close this page.
public-withdraw-done-title = The application is withdrawn
public-withdraw-done-text = Application { $reference } is withdrawn. You need not do anything else.
public-withdraw-again = You are welcome to register again later.
public-withdraw-closed-title = The application is already closed
public-withdraw-closed-text = Application { $reference } has already been withdrawn or closed. If you have questions, call us and quote the code.
public-withdraw-unknown-title = We could not find this link
public-withdraw-unknown-text = Perhaps the link was not copied in full. Try the link in the e-mail again, or call us.
public-offer-open-title = Offer of a place
public-offer-open-text = { $organisation } can offer a place on the course. Please answer as soon as you can.
public-offer-course = Course
public-offer-start = First session
public-offer-deadline = Answer by
public-offer-accept-heading = Would you like the place?
public-offer-accept = Yes, we accept the place
public-offer-decline-heading = Does it not suit you?
public-offer-keep-waiting = Keep us on the waiting list for a later group
public-offer-decline = No thank you, we decline
public-offer-enrolled-title = Welcome!
public-offer-enrolled-text = The place is yours. The group leaders will get in touch before the first session.
public-offer-accepted-title = Thank you for your answer
public-offer-accepted-text = We have noted that you accept the place.
public-offer-accepted-missing = We still need consent for { $names }. The other guardian has been sent a link of their own by e-mail, and the coordinator will contact you to sort out the rest.
public-offer-declined-title = Thank you for your answer
public-offer-declined-text = We have noted that you decline. If you asked us to, you are still on the waiting list.
public-offer-expired-title = The deadline has passed
public-offer-expired-text = The deadline for answering this offer has passed. Please call us and we will see whether there is still a place.
public-offer-unknown-title = We could not find this offer
public-offer-unknown-text = Perhaps the link was not copied in full. Try the link in the e-mail again, or call us.
public-consent-open-title = Consent
public-consent-open-text = Hello { $giver }. { $child } has been registered for a group at { $organisation }. Read the texts and tick what you consent to.
public-consent-submit = Send the consent
public-consent-withdraw-note = You can withdraw a consent at any time by contacting us.
public-consent-given-title = Thank you for your consent
public-consent-given-text = Your consent has been recorded. You need not do anything else.
public-consent-used-title = The link has already been used
public-consent-used-text = The consent from this link has already been recorded. To change anything, please call us.
public-consent-expired-title = The link has expired
public-consent-expired-text = The link no longer works. Call us and we will send a new one.
public-consent-unknown-title = We could not find this link
public-consent-unknown-text = Perhaps the link was not copied in full. Try the link in the e-mail again, or call us.
public-required-note = Fields marked “required” must be filled in. You may skip the rest.
public-field-own-name = Your full name
public-field-own-phone = Your phone number
public-field-own-email = Your e-mail address
public-field-referral-guardian-name = The guardian's full name
public-field-referral-guardian-phone = The guardian's phone number
public-field-referral-guardian-email = The guardian's e-mail address
public-field-second-guardian-phone = The other parent's phone number
public-field-second-guardian-email = The other parent's e-mail address
public-field-participant-name = Full name of the person you refer
public-field-participant-phone = Phone number of the person you refer
public-field-participant-email = E-mail address of the person you refer
channel-user-organisation = User organisation
channel-poster-advert = Poster, advert or leaflet
channel-internet = Internet
channel-family-friends = Family and friends
channel-municipality = The municipality
channel-hospital = Hospital
channel-gp = GP
channel-school-nurse = School nurse
channel-school = School
channel-child-welfare = Child welfare services
channel-ppt = Educational psychology service (PPT)
channel-family-counselling = Family counselling office
channel-family-centre = Family centre
channel-mental-health-clinic = Mental health services
channel-substance-abuse-service = Substance abuse services
channel-nav = NAV
channel-other = Other

## intake API
error-idempotency-key-reused = This Idempotency-Key has already been used for another request. Use a new key for each application.
error-national-id-off = The organisation does not record national identity numbers. Leave the field out, or turn national identity numbers on in the intake settings.

## intake: home
home-task-intake = Intake: registrations and referrals
home-stale-applications = { $count ->
    [one] One application has had no contact for too long.
   *[other] { $count } applications have had no contact for too long.
}
home-stale-applications-link = See the tasks

## intake staff
nav-intake = Intake
stage-received = Received
stage-contacted = Contacted
stage-pre-conversation = Pre-conversation
stage-offered = Offered a place
stage-waitlisted = Waiting list
stage-referred-elsewhere = Referred elsewhere
stage-declined = Declined
stage-enrolled = Enrolled
stage-withdrawn = Withdrawn
stage-merged = Merged
group-reason-chosen = In the group as number { $rank } by priority and waiting time.
group-reason-pinned-in = In the group: chosen by the coordinator.
group-reason-pinned-out = Out: left out by the coordinator.
group-reason-outside-age-band = Out: { $age } years is outside the group's age band.
group-reason-age-unknown = Out: the age is not known and the group has an age band.
group-reason-group-full = Out: the group is full.
group-reason-siblings-do-not-fit = Out: there are too few places for all the siblings together.
group-reason-sibling-already-in-group = Out: a sibling already has the household's place.
group-reason-sibling-outside-rules = Out: a sibling cannot be in the group, and siblings go together.
intake-purpose-participation = Taking part
intake-purpose-share-with-network = Sharing with the school and network
intake-purpose-evaluation = Evaluation
intake-capacity-participant = As the participant
intake-capacity-guardian = As guardian
intake-capacity-child-own-say = The child's own say
intake-method-web = On the web
intake-method-paper = On paper
intake-method-in-conversation = In a conversation
intake-method-api = From another system
intake-outcome-continue = Continue with another conversation
intake-outcome-offer = Ready for an offer
intake-outcome-waitlist = Put on the waiting list
intake-outcome-not-suitable = Not suitable now
intake-outcome-referred-elsewhere = Referred elsewhere
intake-role-child = Child
intake-role-guardian = Guardian
intake-role-adult = Adult
intake-offer-open = Waiting for an answer
intake-offer-accepted = Accepted
intake-offer-declined = Declined
intake-offer-withdrawn = Withdrawn
intake-offer-lapsed = Deadline passed
intake-kind-self = Registration by the participant
intake-kind-guardian = Registration by a guardian
intake-kind-referral = Referral
intake-kind-staff = Phone call or paper form
intake-enrolled-as-participant = Participant
intake-enrolled-as-parent = Parent (parent sessions)
intake-priority-1 = 1 – highest
intake-priority-2 = 2 – normal
intake-priority-3 = 3 – lowest
intake-pin-none = Automatic
intake-pin-include = Include
intake-pin-exclude = Leave out
intake-siblings-together = Siblings together (all or none)
intake-siblings-apart = One child per household
intake-channel-kind-heard = How people heard of us
intake-channel-kind-referral = Who refers
intake-channel-kind-both = Both
intake-saved-created = The application has been registered.
intake-saved-moved = The stage has been changed.
intake-saved-talk = The pre-conversation has been recorded.
intake-saved-details = The details have been saved.
intake-saved-consent = The consent has been recorded.
intake-saved-withdrawn = The consent has been withdrawn. It no longer counts.
intake-saved-link = The consent link has been queued for sending by e-mail.
intake-saved-merged = The duplicate has been merged into this application.
intake-saved-adult = The person has been added to the household.
intake-saved-settings = The settings have been saved.
intake-saved-channel = The recruitment channels have been saved.
intake-saved-channel-archived = The channel has been archived. It stays on the records that name it.
intake-saved-text = The new version of the consent text has been saved. Consents already given keep their version.
intake-title = Intake
intake-new-link = Register a phone call or paper form
intake-waitlist-link = Waiting lists
intake-settings-link = Intake settings
intake-tasks = Tasks
intake-task-stale = { $days ->
    [one] no contact for 1 day
   *[other] no contact for { $days } days
}
intake-no-tasks = No application has waited for contact for more than { $days } days.
intake-filter = Filter
intake-filter-submit = Show
intake-filter-clear = Clear the filter
intake-field-stage = Stage
intake-field-programme = Programme
intake-field-course = Course
intake-field-channel = Recruitment channel
intake-count = { $count ->
    [one] 1 application
   *[other] { $count } applications
}
intake-column-empty = No applications.
intake-age = { $age } years
intake-age-at-course = { $age } years at the course's first session ({ $date })
intake-age-unknown = Age not known
intake-age-label = Age
intake-days-since-contact = { $days ->
    [0] contact today
    [one] last contact 1 day ago
   *[other] last contact { $days } days ago
}
intake-priority = priority { $priority }
intake-offers-sent = { $count ->
    [one] 1 offer has been sent.
   *[other] { $count } offers have been sent.
}
intake-new-title = Register a phone call or paper form
intake-new-intro = For a registration or referral that came by phone, by letter or on paper. Enter what you have; the fields for the guardians are only for a child.
intake-new-sibling = A sibling in the household of { $names }.
intake-household-link = See the household
intake-section-target = Course
intake-field-course-hint = Leave empty to put the person on the programme's waiting list only.
intake-field-programme-waitlist = Programme (waiting list only)
intake-field-programme-hint = Only needed when no course is chosen.
intake-course-none = No course – waiting list only
intake-programme-choose = Choose a programme
intake-section-participant = The participant
intake-field-participant-type = The participant is
intake-participant-child = A child (under 18)
intake-participant-adult = An adult
intake-field-participant-name = The participant's full name
intake-field-birth-date = Date of birth
intake-field-birth-date-hint = Required for a child.
intake-field-national-id = National identity number
intake-field-participant-phone = The participant's phone
intake-field-participant-email = The participant's e-mail address
intake-field-adult-only = Only for an adult participant.
intake-section-guardian = Guardian
intake-section-guardian-hint = Only for a child. This is the person we contact.
intake-field-guardian-name = The guardian's full name
intake-field-guardian-phone = The guardian's phone
intake-field-guardian-email = The guardian's e-mail address
intake-field-guardian-responsibility = Does the guardian have parental responsibility?
intake-section-second-guardian = Second guardian (optional)
intake-field-second-name = The second guardian's full name
intake-field-second-phone = The second guardian's phone
intake-field-second-email = The second guardian's e-mail address
intake-field-second-email-hint = A guardian with parental responsibility gets a link to give their own consent here.
intake-field-second-responsibility = Does the second guardian have parental responsibility?
intake-yes = Yes
intake-no = No
intake-section-contact = How they came to us
intake-field-referrer-name = Referrer's name
intake-field-referrer-hint = Only when a professional referred them.
intake-field-referrer-service = Referrer's service
intake-field-referrer-phone = Referrer's phone
intake-field-referrer-email = Referrer's e-mail address
intake-field-reason = Reason for the application or referral
intake-field-reason-hint = Only the coordinator and the group leaders see this.
intake-field-needs = Needs the leaders should know about
intake-field-needs-hint = For example allergies, access or an interpreter.
intake-field-priority = Priority
intake-channel-none = Not known
intake-section-consent = Consent
intake-field-consents = Consents given
intake-field-consents-hint = Tick what the participant or guardian has agreed to, on paper or in the conversation.
intake-field-consent-method = How the consents were given
intake-new-submit = Register the application
intake-back = Back to the intake board
intake-application-title = Application
intake-reference = Reference
intake-application-facts = The application
intake-field-kind = Came as
intake-received = Received
intake-last-contact = Last contact
intake-waiting-since = Waiting since
intake-referrer = Referred by
intake-sensitive-hidden = Only the coordinator and the group leaders see the referral's contents.
intake-people = People
intake-household = Household
intake-the-participant = the participant
intake-responsibility-yes = Has parental responsibility
intake-responsibility-no = Without parental responsibility
intake-field-phone = Phone
intake-field-email = E-mail
intake-send-consent-link = Send a consent link
intake-consents = Consents
intake-missing-for-enrolment = Missing before enrolment
intake-consents-complete = Every consent needed for enrolment has been given.
intake-consents-caption = Consents given, the newest first
intake-consent-who = Who
intake-field-purpose = Purpose
intake-consent-text-version = Text
intake-field-method = How
intake-consent-given = Given
intake-consent-withdrawn = Status
intake-version-n = version { $version }
intake-recorded-by = by { $name }
intake-withdrawn-at = Withdrawn { $when }
intake-consent-active = In force
intake-withdraw-consent = Withdraw
intake-consents-none = No consents recorded yet.
intake-record-consent = Record a consent from paper or a conversation
intake-field-giver = Given by
intake-field-capacity = In the capacity of
intake-record-consent-submit = Record the consent
intake-talks = Pre-conversations
intake-talk-n = Conversation { $number }
intake-field-talk-participants = Who took part
intake-field-talk-participants-hint = For example “mother, both group leaders”.
intake-field-outcome = Outcome
intake-talks-none = No pre-conversations yet.
intake-record-talk = Record conversation { $number } of at most { $max }
intake-field-held-on = Date
intake-field-notes = Notes
intake-field-notes-hint = Only the coordinator and the group leaders see the notes.
intake-record-talk-submit = Record the conversation
intake-talks-max = { $max } pre-conversations have been held; decide on the next step below.
intake-stage = Stage
intake-stage-now = Now: { $stage }.
intake-field-new-stage = Move to
intake-field-new-stage-hint = Offers are made from the group proposal of a course.
intake-field-note = Note
intake-field-note-hint = What happened, for example a call. Only the coordinator and the group leaders see it.
intake-move-submit = Change the stage
intake-stage-closed = The application is closed. A new application is the way back in.
intake-details = Details
intake-details-submit = Save the details
intake-offers = Offers
intake-offer-sent = sent { $when }
intake-offer-deadline = answer by { $when }
intake-offers-none = No offers yet.
intake-duplicates = Possible duplicates
intake-duplicates-intro = Other open applications for the same person, or for someone with the same name and birth date. Merging moves the duplicate's history, conversations, offers and consents here.
intake-merge = Merge into this application
intake-history = History
intake-household-title = Household
intake-members = Members
intake-register-sibling = Register a sibling
intake-household-applications = Applications of the household
intake-household-no-applications = The household has no applications.
intake-add-adult = Add an adult
intake-field-adult-name = Full name
intake-field-role = Role in the household
intake-field-adult-responsibility = Parental responsibility (for a guardian)
intake-add-adult-submit = Add the person
intake-waitlist-title = Waiting lists
intake-waitlist-intro = Per programme: the highest priority first, then those who have waited longest.
intake-all-programmes = All programmes
intake-waitlist-show = Show
intake-waitlist-caption = Waiting list for { $programme }
intake-place = No.
intake-course-wished = Course wished for
intake-waitlist-empty = Nobody is on the waiting list.
intake-waitlist-group-hint = Groups are put together from the course's page.
intake-to-courses = Go to the courses
intake-group-title = Group proposal
intake-group-heading = Group proposal: { $course }
intake-group-intro = samla proposes a group from the programme's waiting list and says why each person is in or out. Adjust the rules or pin people in or out and recalculate; nothing is sent until you confirm.
intake-group-places = Places
intake-group-capacity = Places in the group
intake-group-enrolled = Enrolled
intake-group-open-offers = Offers waiting for an answer
intake-group-places-left = Places left
intake-group-size = In the proposal
intake-group-minimum = Smallest group
intake-group-minimum-met = Met: at least { $minimum } participants.
intake-group-minimum-not-met = Not met: fewer than { $minimum } participants.
intake-group-rules = Rules
intake-field-age-min = Youngest age
intake-field-age-max = Oldest age
intake-field-age-hint = Age at the course's first session. Leave empty for no limit.
intake-field-siblings = Siblings
intake-group-candidates = On the waiting list
intake-group-caption = Everyone on the waiting list, in the order they are considered
intake-group-decision = In or out, and why
intake-group-pin = Adjust
intake-group-pin-for = Adjust for { $name }
intake-group-in = IN
intake-group-out = OUT
intake-group-no-candidates = Nobody is waiting for this programme.
intake-group-recalculate = Recalculate
intake-group-confirm = Confirm and send offers
intake-group-confirm-intro = { $count ->
    [one] 1 person gets an offer of a place, with a link to answer by the deadline.
   *[other] { $count } people get an offer of a place, each with a link to answer by the deadline.
}
intake-field-deadline = Answer by
intake-field-deadline-hint = Leave empty for { $days } days from today.
intake-group-confirm-submit = { $count ->
    [one] Send 1 offer
   *[other] Send { $count } offers
}
intake-back-to-course = Back to the course
intake-group-link = Put together the group
intake-participants = Participants
intake-recruited-through = came through { $channel }
intake-open-application = Open the application
intake-channel-counts = Recruited through
intake-channel-unknown = Not known
intake-participants-none = Nobody is enrolled yet.
intake-settings-title = Intake settings
intake-settings-general = Settings
intake-field-stale-after-days = Days before an application without contact becomes a task
intake-field-stale-after-days-hint = 1 to 60.
intake-field-own-say-age = Age from which the child's own say is needed
intake-field-own-say-age-hint = 7 to 18.
intake-field-offer-days = Days to answer an offer
intake-field-offer-days-hint = 1 to 60.
intake-field-public-phone = Phone number on the public pages
intake-field-public-email = E-mail address on the public pages
intake-field-national-id-legend = National identity numbers
intake-field-national-id-enabled = Ask for and check national identity numbers
intake-field-national-id-hint = Only where the organisation needs them; they are hidden from those who may not see sensitive data.
intake-channels = Recruitment channels
intake-channels-intro = How people hear of the courses, and who refers. An archived channel is no longer offered but stays on the records that name it.
intake-channel-archived = archived
intake-channel-archive = Archive
intake-channel-unarchive = Take back into use
intake-channel-add = Add a channel
intake-field-channel-name = Name
intake-field-channel-kind = Used for
intake-channel-add-submit = Add the channel
intake-texts = Consent texts
intake-texts-intro = What people consent to. A change is a new version; consents already given keep the version they were given under.
intake-texts-older = { $count ->
    [one] 1 older version
   *[other] { $count } older versions
}
intake-texts-none = No consent texts yet.
intake-text-whole-organisation = The whole organisation
intake-text-add = Write a new version
intake-field-text-programme = For
intake-field-text-programme-hint = A programme's own text applies to that programme instead of the organisation's.
intake-field-text-body = Text
intake-field-text-body-hint = What is recorded, why, who sees it, how long it is kept and how to withdraw.
intake-text-add-submit = Save the new version

## running a course: errors
error-attendance-missing = Record attendance for every participant.
error-attendance-unknown = This person is not a participant of the course.
error-attendance-duplicate = This participant is recorded twice.
error-attendance-note-too-long = Use at most { $max } characters.
error-attendance-note-invalid = The note contains characters that cannot be used.
error-attendance-too-many-adults = Enter a number between 0 and { $max }.
error-attendance-too-many-family-members = Enter a number between 0 and { $max }.
error-attendance-unknown-staff = This person does not work on the course.
error-attendance-duplicate-staff = This person is recorded twice.
error-attendance-guardian-missing = Record attendance for every guardian.
error-attendance-guardian-unknown = This person is not a guardian of a child expected at the session.
error-attendance-guardian-duplicate = This guardian is recorded twice.
error-attendance-parents-not-here = This session is for the children; parents are not counted here.
error-attendance-family-members-not-here = This session does not count family members; they are counted at family sessions.
error-log-elements = Mark each of the { $expected } planned parts as done or not done.

## running: reminders and changes
error-session-already-cancelled = This session is already cancelled.
error-replacement-no-date = No free day for a replacement was found within five years. Add a session by hand instead.
error-reminders-not-a-leader = Only the course's group leaders get log reminders for it.
session-cancel-notify = Tell the participants or their guardians by e-mail
session-cancel-notify-hint = The e-mail names the day and time, not the course. It is sent only for a session still ahead.
session-cancel-replacement = Add a replacement at the end of the course
session-cancel-replacement-hint = On the next free day in the course's rhythm after the last session, with the same time, room, plan and staff.
mail-session-reminder-subject = { $organisation }: reminder of the group on { $date }
mail-session-reminder-body =
    Hello,

    This is a reminder that the group meets on { $date } at { $time }.

    If you cannot come, please let the group leaders know.

    Kind regards,
    { $organisation }
mail-log-reminder-subject = { $organisation }: the log for { $date } is not written yet
mail-log-reminder-body =
    Hello,

    The log for the session on { $date } at { $time } is not written yet. You can write it here:
    { $link }

    You can turn these reminders off for the course on the course's reminders page.

    Kind regards,
    { $organisation }
mail-session-cancelled-subject = { $organisation }: the group on { $date } is cancelled
mail-session-cancelled-body =
    Hello,

    The group on { $date } at { $time } is cancelled. We are sorry for the inconvenience.

    If you have questions, please contact us.

    Kind regards,
    { $organisation }
reminders-title = Reminders
reminders-intro = Participants, or the guardians of children, are reminded by e-mail { $hours } hours before each session. Group leaders are reminded when a session's log is still not written { $grace } hours after the session.
reminders-privacy = A reminder names the organisation, the day and the time – never the course or the child.
reminders-timing-link = Change when reminders go out (for the whole organisation)
reminders-course = This course
reminders-course-legend = Send these reminders for this course
reminders-participant-switch = Reminders to participants and guardians before each session
reminders-log-switch = Reminders to group leaders about unwritten logs
reminders-on = On
reminders-off = Off
reminders-participants = Participants
reminders-participants-course-off = Reminders before sessions are turned off for the whole course. The choices below apply when they are turned on again.
reminders-off-count = { $count ->
    [one] { $off } of 1 participant has turned reminders off.
   *[other] { $off } of { $count } participants have turned reminders off.
}
reminders-dropped-out = Dropped out – no reminders
reminders-turn-off = Turn reminders off
reminders-turn-on = Turn reminders on
reminders-no-participants = No participants yet.
reminders-mine = My log reminders for this course
reminders-mine-course-off = Log reminders are turned off for the whole course.
reminders-mine-on = You are reminded when a log for this course is not written in time.
reminders-mine-off = You have turned off log reminders for this course.
reminders-mine-turn-off = Turn my log reminders off
reminders-mine-turn-on = Turn my log reminders on
reminders-saved-course = The course's reminders are saved.
reminders-saved-participant = The participant's reminders are saved.
reminders-saved-mine = Your log reminders are saved.
running-settings-title = Settings for running courses
running-settings-saved = The settings are saved.
running-settings-intro = These apply to every course in the organisation.
running-settings-follow-up = Absences in a row before a follow-up
running-settings-reminder-hours = Hours before a session that reminders go out
running-settings-reminder-hours-hint = Participants, or the guardians of children, get an e-mail this long before each session. From { $min } to { $max } hours.
running-settings-log-grace = Hours after a session before a log reminder
running-settings-log-grace-hint = If the session's log is not written by then, its group leaders are reminded. From { $min } to { $max } hours.
running-settings-back = Back to the courses

## running: overview
overview-title = Attendance
overview-heading = Attendance: { $course }
overview-back-to-course = Back to the course
overview-back-to-overview = Back to the attendance overview
overview-print-link = Printable summary per participant
overview-per-session = Per session
overview-per-session-caption = Children, adults and staff at each session and meeting held
overview-held = { $count ->
    [one] 1 session or meeting held.
   *[other] { $count } sessions and meetings held.
}
overview-short-staffed = { $count ->
    [0] Every session had the staff the programme requires.
    [one] 1 session had fewer staff than the programme requires.
   *[other] { $count } sessions had fewer staff than the programme requires.
}
overview-none-held = No attendance has been recorded yet.
overview-column-session = Session
overview-column-children = Children
overview-column-guardians = Guardians
overview-column-parents = Other parents
overview-column-family-members = Family members
overview-column-staff = Staff present
overview-column-staffing = Staffing
overview-column-participant = Participant
overview-column-attended = Attended
overview-column-absences = Absences
overview-column-in-a-row = Absences in a row
overview-column-family = Guardians at parent and family sessions
overview-column-follow-up = Follow-up
overview-column-dropout = Dropped out
overview-column-date = Date
overview-column-attendance = Attendance
overview-column-note = Note
overview-of = { $attended } of { $expected }
overview-attended-of = attended { $attended } of { $held }
overview-absences = { $with_notice } with notice, { $without_notice } without
overview-nobody = Nobody recorded
overview-staffing-meeting = Not checked for meetings
overview-staffing-ok = As required
overview-per-participant = Per participant
overview-per-participant-caption = Each participant's attendance over the course
overview-counts-only = You see the numbers only. Attendance per participant is shown to the course's group leaders, the coordinator and the secretary.
overview-threshold = { $count ->
    [one] A leader is asked to contact the family after 1 absence.
   *[other] A leader is asked to contact the family after { $count } absences in a row.
}
overview-threshold-off = The organisation has turned off follow-up after absences.
overview-follow-up-open = Contact the family
overview-follow-up-done = Contacted { $when }
overview-dropped-out-on = Dropped out { $date }
overview-no-participants = The course has no participants yet.
overview-print-title = Attendance summary
overview-print-heading = Attendance summary: { $course }
overview-print-made = Made { $when }
overview-print-hint = Print this page with the browser's print command (Ctrl+P, or Share and Print on a phone). Each participant starts on a new page.
overview-print-caption = Attendance of { $name }
overview-field-course = Course
overview-field-attendance = Attendance
overview-field-absences = Absences
overview-field-dropout = Dropped out
overview-field-enrolled = Enrolled
overview-field-guardian = Guardian { $name }
overview-mark-present = Present
overview-mark-absent-with-notice = Absent with notice
overview-mark-absent-without-notice = Absent without notice
overview-mark-late = Late
overview-mark-left-early = Left early
overview-mark-none = Not on the list
overview-mark-parents-only = Session for the parents
overview-participant-title = Participant
overview-participant-in = Participant in
overview-saved-dropout = The dropout is recorded. The participant is no longer expected at the sessions.
overview-saved-contacted = Saved. The follow-up is done.
overview-status-active = Taking part
overview-link-observations = Observations
overview-link-concerns = Concern reports
overview-marks = Attendance per session
overview-follow-up = Follow-up with the family
overview-task = { $count ->
    [one] Contact the family of { $name }: 1 absence
   *[other] Contact the family of { $name }: { $count } absences in a row
}
overview-task-created = Task since { $when }
overview-task-done = Contacted { $when } by { $by }
overview-task-outcome = Outcome
overview-field-outcome = What came of the contact
overview-field-outcome-hint = For example: spoke with the mother, back next week.
overview-contacted-submit = The family is contacted
overview-no-tasks = No follow-up tasks.
overview-dropout = Dropping out
overview-dropout-intro = Record it if the participant will not come back. From the date on they are no longer expected at the sessions; earlier attendance is kept.
overview-field-dropout-date = Date
overview-field-dropout-date-hint = The day they stopped. Today if you leave it as it is.
overview-field-dropout-reason = Reason
overview-field-dropout-reason-hint = For example: moved, the course did not suit them, illness in the family.
overview-dropout-submit = Record the dropout
overview-running = Running the course
overview-link-attendance = Attendance overview
overview-link-meetings = Meetings
overview-link-reminders = Reminders
overview-running-staffing = { $held ->
    [0] No sessions held yet, so staff presence has not been checked.
   *[other] { $short ->
        [0] Every session held had the staff the programme requires.
        [one] 1 session held had fewer staff than the programme requires:
       *[other] { $short } sessions held had fewer staff than the programme requires:
    }
}
overview-home-heading = Families to contact
overview-home-task = { $count ->
    [one] Contact the family of { $name }: 1 absence
   *[other] Contact the family of { $name }: { $count } absences in a row
}
overview-home-task-anonymous = { $count ->
    [one] Contact a participant's family: 1 absence
   *[other] Contact a participant's family: { $count } absences in a row
}
error-dropout-already = The participant has already dropped out.
error-dropout-before-enrolment = The participant was enrolled after this date.
error-follow-up-done = This follow-up is already done.

## running: meetings
meetings-title = Meetings
meeting-title = Meeting
meetings-list = Planned meetings
meetings-none = No meetings planned yet.
meetings-back = Meetings of { $course }
meeting-about = About { $name }
meeting-about-one = About one participant
meeting-about-label = About
meeting-choose-kind = Choose a kind of meeting
meeting-audience-usual = The usual for this kind
meeting-for-the-group = The whole group (nobody in particular)
meeting-participant-no-network-consent = { $name } (no consent to share with the network)
meetings-schedule = Plan a meeting
field-meeting-kind = Kind of meeting
field-meeting-participant = About one participant
field-meeting-participant-hint = For a closing conversation, follow-up or network meeting about one child and family. Only participants whose family consented can be chosen for a network meeting.
field-meeting-title = Title
field-meeting-title-hint = Optional; without one, the kind of meeting is shown. The whole working group sees the title, so never write a participant's name in it.
field-meeting-audience = Who the meeting is for
meetings-schedule-submit = Plan the meeting
meetings-closing = Closing conversations
meetings-closing-intro = { $count ->
    [0] Every participant has a closing conversation planned.
    [one] 1 participant has no closing conversation planned yet. Plan one for each, one after the other on the same day.
   *[other] { $count } participants have no closing conversation planned yet. Plan one for each, one after the other on the same day.
}
field-meetings-closing-start = First conversation starts
field-meetings-closing-minutes = Minutes per conversation
meetings-closing-submit = Plan closing conversations
meetings-saved-scheduled = The meeting is planned.
meetings-saved-closing-planned = { $count ->
    [one] 1 closing conversation is planned.
   *[other] { $count } closing conversations are planned.
}
meetings-saved-closing-none = Every participant already had a closing conversation planned.
meetings-saved-record = The record is saved.
meetings-saved-guest-added = The guest is added.
meetings-saved-guest-changed = The guest is updated.
meetings-saved-guest-removed = The guest is removed.
meeting-attendance-link = Attendance at this meeting
meeting-network-heading = Who may be named in this meeting
meeting-network-intro = This meeting shares information with the network. Only these participants' families consented to that:
meeting-network-nobody = No participant's family has consented to sharing with the network.
meeting-network-left-out = { $count ->
    [one] 1 participant is not shown: no consent to share with the network.
   *[other] { $count } participants are not shown: no consent to share with the network.
}
meeting-record = Agenda, minutes and agreements
meeting-record-written = Last saved by { $who }, { $when }.
meeting-record-theirs = What { $who } saved at { $when }
meeting-record-theirs-hint = Your text is kept in the form below. Merge the two and save again.
field-meeting-agenda = Agenda
field-meeting-minutes = Minutes
field-meeting-minutes-hint = What was said and by whom, as far as it matters for the work ahead.
field-meeting-agreements = Agreements
meeting-record-submit = Save the record
meeting-record-none = Nothing written yet.
meeting-record-not-yours = The agenda, minutes and guests of a meeting are for those who work with the participants.
meeting-guests = Guests from outside
meeting-guests-none = No guests added.
meeting-guest-attended = came
meeting-guest-not-attended = not marked as present
meeting-guest-mark-attended = Mark as present
meeting-guest-mark-absent = Mark as not present
meeting-guest-add = Add a guest
field-meeting-guest-name = Name
field-meeting-guest-organisation = Organisation
field-meeting-guest-organisation-hint = For example the school or the health station.
meeting-guest-add-submit = Add the guest
error-meeting-title-names-participant = The title names the participant. The whole working group sees titles; leave the name out.
error-record-blank = Write something in the agenda, the minutes or the agreements.
error-meeting-names-without-consent = { $count ->
    [one] The text names a participant whose family has not consented to sharing with the network. Leave the name out.
   *[other] The text names { $count } participants whose families have not consented to sharing with the network. Leave the names out.
}
error-meeting-slots-past-midnight = The conversations would go past midnight. Start earlier or make them shorter.
error-meeting-participant-unknown = Choose a participant of the course.
error-meeting-not-about-one = This kind of meeting is for the whole group, not about one participant.
error-meeting-no-network-consent = This participant's family has not consented to sharing with the network.
error-meeting-cancelled = The meeting is cancelled; nothing more can be recorded for it.
error-meeting-record-conflict = Someone else saved the record while you were writing. Their text is shown above; yours is kept here.

## running: concerns
concerns-title = Concern reports
concerns-intro = A concern about a child and what was decided about notifying the child welfare service. Only the leader who wrote a report, coordinators and the people the organisation designates can read it. Every opening is logged and reviewed.
concerns-of-course = Reports for this course you can read
concerns-all = Reports you can read
concerns-none = No reports you can read.
concerns-all-link = All concern reports you can read
concerns-for-course = Concern reports for this course
concerns-new = Write down a concern
concerns-new-intro = Write what you saw and heard, when, and what you have done so far. Decide with the coordinator whether to notify the child welfare service.
concerns-choose-participant = Choose the child
concerns-new-submit = Save the concern
concerns-saved-created = The concern is saved. Record what is decided below.
concerns-saved-decided = The decision is saved.
concerns-saved-readers = The designated readers are saved.
concerns-saved-reviewed = Marked as reviewed.
concern-title = Concern report
concern-about = Concern about { $name }
concern-filed = Written by { $who }, { $when }
concern-course = Course
concern-filed-by = Written by
concern-updated = Last changed
concern-decision-pending = Not decided yet
concern-decision-sent = Sent to the child welfare service
concern-decision-not_sent = Decided not to send
concern-decision-heading = What was decided
concern-decision-submit = Save the decision
concern-audited = Every opening of this report is logged and reviewed.
field-concern-participant = Child
field-concern = The concern
field-concern-hint = Facts first: what, when, who said it, and what you have done so far.
field-concern-decision = Decision
field-concern-sent-on = Sent on
field-concern-sent-on-hint = Only when the report was sent.
field-concern-reference = The child welfare service's reference
field-concern-reference-hint = Only when the report was sent; can be added when the service answers.
field-concern-note = Note on the decision
field-concern-note-hint = Why it was or was not sent, and who took part in deciding.
concern-readers-title = Who reads concern reports
concern-readers-intro = Besides coordinators and the leader who wrote a report, these people read every concern report of the organisation. Only people whose role sees sensitive data can be designated; secretaries and user representatives cannot.
field-concern-readers = Designated readers
concern-reader-not-eligible = Cannot be designated: the role does not see sensitive data.
concern-readers-submit = Save the readers
error-concern-sent-on-required = Enter the day the report was sent.
error-concern-sent-on-future = The day it was sent cannot be after today.
error-concern-only-when-sent = Only for a report that was sent.
error-concern-why-not-sent = Write why the report was not sent.
error-concern-participant-unknown = Choose a child on the course.
error-concern-reader-unknown = Person { $id } is not in the organisation.
error-concern-reader-role = { $name } cannot be designated: the role does not see sensitive data.
error-concern-changed-meanwhile = Someone else changed the decision while you were editing. The decision now on record is shown above; check it and save again.

## running: audit reviews
audit-reviews-title = Accesses to review
audit-reviews-link = Accesses flagged for review
audit-reviews-intro = Every access to a concern report is logged and flagged here. Check that each one was part of someone's work, then mark it reviewed.
audit-reviews-open = { $count ->
    [0] Nothing awaits review
    [one] 1 access awaits review
   *[other] { $count } accesses await review
}
audit-reviews-none = Nothing awaits review.
audit-reviews-seq = entry { $seq }
audit-reviews-mark = Mark as reviewed
audit-reviews-saved = Marked as reviewed.
audit-reviews-done = Recently reviewed
audit-reviews-done-none = Nothing reviewed yet.
audit-reviews-reviewed-by = reviewed by { $who }, { $when }
nav-concerns = Concerns

## running: logs (session log, homework, observations)
log-title = Log
log-link = Log and homework
log-heading = Log of session { $number }
log-session-cancelled = Cancelled
log-back-to-session = Back to the session ({ $course })
log-saved-log = The log is saved.
log-saved-homework = The homework is added.
log-saved-review = The review is saved.
log-previous-note = Note for this time from session { $number }
log-status-heading = Status
log-written-by = Last written by { $name }, { $at }.
log-fidelity = Done as planned: { $percent } % ({ $done } of { $planned } planned parts).
log-not-written = The log has not been written yet.
log-form-heading = Write the log
log-group-level = The log is about the group and is read by the whole working group, user representatives included. Do not write about individual participants here – use an observation.
log-conflict-heading = Someone else saved the log while you were writing
log-conflict-explained = Your text has not been saved, but it is still in the form below. Here is the log as it was saved. Take over what you want to keep and save again.
log-elements-legend = Which planned parts were done?
log-element = { $name } ({ $minutes } min)
log-element-done = done
log-element-not-done = not done
log-no-elements = The session plan has no planned parts for this session.
log-field-done = Done (GJORT) – what we did
log-field-done-hint = What did the group do today? Activities, tools, conversations.
log-field-learned = Learned (LÆRT) – what we learned
log-field-learned-hint = What did the group learn, and what did we learn as leaders?
log-field-noticed = Noticed (LURT) – what we noticed
log-field-noticed-hint = What was smart, what worked well, what should we keep in mind?
log-field-deviations = Deviations from the plan
log-field-deviations-hint = What turned out differently from the plan, and why?
log-field-next-time = Note for next time
log-field-next-time-hint = Shown at the top of the next session's log.
log-save = Save the log
log-read-heading = The log
log-observe-heading = Observations about individual participants
log-observe-intro = Observations are confidential: only the course's leaders and the coordinator can read them, and every reading is logged.
log-observe-link = Write an observation about { $name }
homework-heading = Homework
homework-given = Given at session { $number }
homework-added-by = Added by { $name }, { $at }
homework-reviewed-at = Reviewed at session { $number }
homework-none-given = No homework has been given at this session.
homework-field-description = New homework
homework-field-description-hint = The same task for the whole group.
homework-suggested = Suggested by the session plan. Change the text if you gave a different task.
homework-add = Add the homework
homework-to-review = From session { $number }: was the homework reviewed?
homework-review-note = Reviewed: how did it go?
homework-review-save = Save the review
homework-review-which = homework { $number }
homework-not-reviewed = Not reviewed yet.
homework-none-to-review = No homework was given at the previous session.
observations-title = Observations
observations-heading = Observations: { $name }
observations-dropped-out = Has dropped out
observations-back-to-log = Back to the log
observations-sensitive = Confidential: only the course's leaders and the coordinator can read the observations, and every reading is logged.
observations-saved = The observation is saved.
observations-new = New observation
observations-field-body = Observation
observations-field-body-hint = What did you notice about the participant? Write only what the follow-up needs.
observations-field-session = About session or meeting
observations-no-session = No particular session
observations-save = Save the observation
observations-list = Earlier observations
observations-by = { $name }, { $at }
observations-about-session = about { $session }
observations-none = No observations yet.
error-log-blank = Write something in at least one of the text fields.
error-log-conflict = Someone else saved the log while you were writing. Your text is still in the form.
error-log-cancelled = The session was cancelled and has no log.
error-log-not-yet = The log can be written from the day of the session.
error-homework-cancelled = The session was cancelled; no homework can be given at it.
error-homework-review-order = Homework is reviewed at a later session than the one it was given at.
error-homework-review-session = Choose a session of this course that is not cancelled.
error-observation-session = Choose a session or meeting of this course that is not cancelled.

## running: attendance
nav-today = Today
today-title = Today
today-intro = Your sessions and meetings from today to { $last }.
today-whole-organisation = You work on no course, so you see every course of the organisation.
today-none = No sessions or meetings in the next two weeks.
today-today = Today
today-expected = Expected
today-attendance-link = Take attendance
today-attendance-view = See the attendance
today-attendance-saved = Attendance is recorded.
today-log-link = Write the log
today-log-view = See the log
today-log-written = The log is written.
running-left-out = { $count ->
    [one] 1 participant is not shown: the family has not agreed to share with the network.
   *[other] { $count } participants are not shown: the families have not agreed to share with the network.
}
running-attendance-link = Attendance and absence notices
running-meeting-heading = Attendance
plan-heading = Session plan
plan-none = The programme's manual does not describe this session.
plan-theme = Theme
plan-duration = Duration
plan-minutes = { $minutes } min
plan-segments = Segments
plan-goals = Goals
plan-content = Content
plan-review-homework = Homework to review
plan-homework = Homework for next time
plan-materials = Materials
attendance-title = Attendance
attendance-present = Present
attendance-absent_with_notice = Absent with notice
attendance-absent_without_notice = Absent without notice
attendance-late = Late
attendance-left_early = Left early
attendance-participants = Participants
attendance-preselected = Everyone is set to "Present", and those who said they will be away to "Absent with notice". Change those that are not right, and save once for the whole group.
attendance-note = Note (optional)
attendance-notice-given = Said they will be away
attendance-adults = Adults who came
attendance-family-members = Other family members
attendance-family-members-hint = Siblings and others of the families who came.
attendance-other-parents = Other parents and grown-ups of the families
attendance-other-parents-hint = Who came without being on the list of guardians, such as a parent without parental responsibility or a step-parent.
attendance-guardians = Guardians
attendance-guardians-hint = Parents and others with parental responsibility for the children in the group.
attendance-no-guardians = No guardians are expected at this session.
attendance-guardian-of = Guardian of { $names }
attendance-expected-guardian-count = { $count ->
    [0] No guardians are expected.
    [one] 1 guardian is expected.
   *[other] { $count } guardians are expected.
}
attendance-guardians-caption = Attendance by guardian
attendance-guardian = Guardian
attendance-staff = Group leaders and user representatives present
attendance-staff-none = The course has no group leaders or user representatives yet.
attendance-submit = Save the attendance
attendance-saved-attendance = The attendance is saved.
attendance-next-log = Next: write the session's log
attendance-next-record = Next: write the meeting's minutes
attendance-saved-notice-recorded = The absence is recorded.
attendance-saved-notice-removed = The absence notice is removed.
attendance-saved-by = Last saved by { $name } on { $time }.
attendance-not-recorded = Attendance is not recorded yet.
attendance-no-participants = No participants are expected at this session.
attendance-expected-count = { $count ->
    [0] No participants are expected.
    [one] 1 participant is expected.
   *[other] { $count } participants are expected.
}
attendance-counts-only = You see numbers, not names.
attendance-entries-caption = Attendance by participant
attendance-participant = Participant
attendance-column = Attendance
attendance-note-column = Note
attendance-conflict-title = Someone else saved the attendance meanwhile
attendance-conflict-body = { $name } saved the attendance on { $time } while you were filling it in. Your choices are still in the form, and where what was saved differs, it is shown with the participant. Check them and save again to use yours.
attendance-conflict-saved-value = Saved by { $name }: { $value }
attendance-conflict-saved-adults = Saved by { $name }: { $parents } parents and { $family } other family members
attendance-conflict-saved-staff = Saved by { $name }: { $staff }
attendance-notices = Absence notices
attendance-notices-none = Nobody has said they will be away.
attendance-notice-count = { $count ->
    [0] Nobody has said they will be away.
    [one] 1 participant has said they will be away.
   *[other] { $count } participants have said they will be away.
}
attendance-notice-recorded-by = Recorded by { $name } on { $time }
attendance-notice-remove = Remove
attendance-notice-add = Record an absence ahead of time
attendance-notice-choose = Choose a participant
attendance-notice-participant = Participant
attendance-notice-note = Note (optional)
attendance-notice-submit = Record the absence
attendance-back = Back to the session
error-attendance-session-cancelled = The session is cancelled; no attendance is taken.
error-attendance-not-yet = Attendance can be recorded from the session's day on. Record absence notices ahead of time instead.
error-attendance-choose-participant = Choose who will be away.

## intake: steps samla records itself
intake-event-merged = Application { $reference } was merged into this one.
intake-event-offer-accepted = The family accepted the place; a consent is still missing.

## questionnaires: problems in definitions, scoring rules and answers
error-questionnaire-json = The file is not valid JSON. The error is on line { $line }, character { $column }.
error-questionnaire-wrong-json-type = The value has the wrong type. It should be { $expected } (the JSON type).
error-questionnaire-resource-type = The file is not a FHIR questionnaire: resourceType is “{ $found }” but must be “Questionnaire”.
error-questionnaire-unknown-property = FHIR has no “{ $name }” in this place. Check the spelling, or remove it.
error-questionnaire-unsupported = samla cannot use “{ $name }” here, and cannot just skip it because it changes what the questionnaire means. Remove it, or make the questionnaire without it.
error-questionnaire-missing = A value is missing here. Fill it in.
error-questionnaire-too-long = The text is too long. Use at most { $max } characters.
error-questionnaire-invalid-characters = The text contains characters that cannot be used, such as a line break where only one line is allowed.
error-questionnaire-code-not-allowed = “{ $value }” is not a valid value here. Use one of these: { $allowed }.
error-questionnaire-url = The address must be a full address (URI), such as https://example.org/questionnaires/wellbeing.
error-questionnaire-name = The name must start with a capital letter and otherwise have only letters, digits and underscores, such as “WellbeingQuestionnaire”.
error-questionnaire-language = The language must be a language code, such as “nb” or “en-GB”.
error-questionnaire-date = Write the date as YYYY-MM-DD, such as 2024-08-15.
error-questionnaire-no-items = The questionnaire has no questions. Add at least one.
error-questionnaire-item-type-unknown = “{ $type }” is not a question type FHIR has. Check the spelling.
error-questionnaire-item-type-unsupported = samla does not support the question type “{ $type }”. Use another type.
error-questionnaire-link-id-duplicate = An earlier question already uses the ID “{ $link_id }”. Each question needs its own linkId.
error-questionnaire-group-without-items = The group is empty. Put questions in it, or remove it.
error-questionnaire-children-not-allowed = Only groups can have questions under them. Make this a group, or move the questions out.
error-questionnaire-required-not-allowed = Only questions can be required, not groups or display texts. Remove “required”.
error-questionnaire-repeats-not-allowed = Only choice questions can take several answers. Remove “repeats”.
error-questionnaire-choice-without-options = The choice question has no answer options. Add at least one.
error-questionnaire-options-not-allowed = Only choice questions can have answer options. Remove them, or change the type to “choice”.
error-questionnaire-option-code-duplicate = The code “{ $code }” is used by more than one answer option of the same question. Each option needs its own code.
error-questionnaire-ordinal-not-number = The score value (ordinalValue) must be a number.
error-questionnaire-ordinal-conflict = The answer option has two different score values, one on the option and one on its code. Remove one, or make them the same.
error-questionnaire-bound-not-allowed = “{ $name }” does not fit this question type: minValue and maxValue apply to number questions only, and maxLength to text questions only.
error-questionnaire-extension-value-type = The value has the wrong type for this question. It should be { $expected }.
error-questionnaire-min-above-max = The lowest value is greater than the highest.
error-questionnaire-max-length = The maximum length must be at least 1.
error-questionnaire-several-values = There are several values here where only one is allowed. Keep one of them.
error-questionnaire-enable-when-unknown-question = The condition refers to “{ $question }”, but no question has that ID.
error-questionnaire-enable-when-later-question = The condition refers to “{ $question }”, which is this question itself or comes later in the questionnaire. A condition can only depend on answers given earlier.
error-questionnaire-enable-when-not-a-question = The condition refers to “{ $question }”, which is a group or a display text and has no answer. Refer to a question instead.
error-questionnaire-enable-when-operator = The comparison “{ $operator }” cannot be used with a question of type “{ $type }”.
error-questionnaire-enable-when-answer-type = The answer in the condition does not fit the question it refers to. Use { $expected }.
error-questionnaire-enable-when-unknown-option = The condition refers to the code “{ $code }”, but the question has no answer option with that code.
error-scoring-json = The scoring rules cannot be read: { $detail }
error-scoring-questionnaire = The scoring rules belong to another questionnaire. They should refer to “{ $expected }” but refer to “{ $found }”.
error-scoring-no-scales = The scoring rules have no scales. Add at least one.
error-scoring-id = The ID must have 1–60 characters: lower-case letters (a–z), digits and dashes, with no dash first or last.
error-scoring-id-duplicate = The ID “{ $id }” is used more than once. Give each its own ID.
error-scoring-label = The label is missing or empty. Write a text for each language.
error-scoring-no-items = The scale has no questions. Add at least one.
error-scoring-unknown-item = Question { $link_id } is not in the questionnaire.
error-scoring-item-duplicate = Question { $link_id } is in the same scale more than once.
error-scoring-item-not-numeric = Question { $link_id } does not give a number to count. Only number questions, and choice questions where every option has a score value, can count.
error-scoring-item-repeats = Question { $link_id } can take several answers, so it has no single value to count.
error-scoring-item-unbounded = Question { $link_id } needs both a lowest and a highest value to count in the scale.
error-scoring-item-out-of-range = Question { $link_id } can give values outside the scale, which runs from { $min } to { $max }.
error-scoring-min-above-max = The scale's lowest value must be below its highest.
error-scoring-reverse-not-in-scale = Question { $link_id } is to be reverse-scored but is not in the scale.
error-scoring-missing-too-many = This many missing answers would allow every question to be left unanswered. Set it to at most { $max }.
error-scoring-subscale-item = Question { $link_id } is in the subscale but not in the scale it belongs to.
error-scoring-band-order = The bands must be in rising order of where they start.
error-scoring-band-out-of-range = The band starts outside the scores the scale can give. Scores run from { $min } to { $max }.
error-answer-unknown-item = The questionnaire has no such question.
error-answer-not-a-question = This is a group or a display text and cannot be answered.
error-answer-not-enabled = This question is hidden by the other answers, so it must not have an answer.
error-answer-required = This question must be answered.
error-answer-repeats = This question takes only one answer.
error-answer-type = The answer has the wrong form. The question expects an answer of type “{ $expected }”.
error-answer-below-min = The answer cannot be lower than { $min }.
error-answer-above-max = The answer cannot be higher than { $max }.
error-answer-unknown-option = The answer is not one of the question's options.
error-answer-duplicate = The same option is chosen twice.
error-answer-empty = The answer is empty.
error-answer-too-long = The answer is too long. Use at most { $max } characters.
error-answer-invalid-characters = The answer contains characters that cannot be used, such as a line break where the answer must be one line.

# Course report (H5)
crep-title = Course report
crep-heading = Course report: { $course }
crep-field-programme = Programme
crep-field-venue = Venue
crep-field-period = Period
crep-field-status = Status
crep-field-made = Made
crep-period = { $from } – { $to }
crep-print-hint = Print the report with the browser's print command (Ctrl+P, or Share and Print on a phone). Each part starts on a new page, and the menu is left out.
crep-counts-only = The report shows numbers only. It names no participant.
crep-contents = Contents of the report
crep-back-to-course = Back to the course
crep-participants-heading = Participants
crep-totals-caption = Participants, dropouts and parents
crep-column-group = Group
crep-column-count = Number
crep-row-started = Started
crep-row-completed = Completed
crep-row-dropped-out = Dropped out
crep-row-children = Of them children
crep-row-parents = Parents enrolled for the parent sessions
crep-ages-caption = Participants by age at the start of the course, { $date }
crep-column-age = Age
crep-column-participants = Participants
crep-age-band = { $band } years
crep-age-unknown = Age not known
crep-total = Total
crep-no-participants = The course has no participants.
crep-recruitment-heading = Recruitment
crep-channels-caption = How participants heard of the course or were referred
crep-column-channel = Channel
crep-column-applications = Applications and referrals
crep-column-started = Started
crep-channel-unknown = Not given
crep-no-channels = No applications or referrals are recorded for the course.
crep-attendance-heading = Attendance
crep-sessions-summary = { $held } of { $planned } sessions held, { $cancelled } cancelled.
crep-mean-attended = On average { $mean } participants per session.
crep-attendance-percent = Attendance was { $percent } %.
crep-family-meetings = { $count ->
    [one] 1 conversation with one family was held (not in the table).
   *[other] { $count } conversations with one family were held (not in the table).
}
crep-sessions-caption = Attendance per session and meeting: children, parents and other family members
crep-column-session = Session
crep-column-children = Children
crep-column-parents = Other parents
crep-column-guardians = Guardians
crep-of = { $attended } of { $expected }
crep-state-cancelled = Cancelled
crep-total-held = { $count ->
    [one] Total, 1 session held
   *[other] Total, { $count } sessions held
}
crep-no-sessions = No sessions have been held yet.
crep-per-participant-heading = Attendance per participant
crep-per-participant-caption = How many participants came to how many sessions
crep-column-attended = Came to
crep-attended-of = { $attended } of { $held } sessions
crep-dropouts-heading = Dropouts
crep-dropouts-summary = { $count } of { $started } participants ({ $percent } %) dropped out.
crep-no-dropouts = No participant has dropped out.
crep-deviations-heading = Deviations from the programme
crep-no-deviations = No deviations from the programme's rules were accepted for the course.
crep-deviation-accepted-on = Accepted { $date }.
crep-reasons-caption = Why participants dropped out
crep-column-reason = Reason
crep-reason-none = Not given
crep-timing-caption = When participants dropped out
crep-column-when = Dropped out after
crep-after-sessions = { $count ->
    [0] Before the first session
    [one] 1 session
   *[other] { $count } sessions
}
crep-evaluation-heading = Evaluation
crep-outcome-heading = Change before and after the course

## Answering questionnaires (qans-)
qans-form-title = Questionnaire
qans-progress = Page { $page } of { $of }
qans-intro = Answer as well as you can. You can save and come back later with the same link.
qans-intro-children = There are no right or wrong answers. Pick what fits you best. You can skip a question if you want.
qans-required = (must be answered)
qans-choose-several = You can pick more than one.
qans-date-hint = For example 2026-03-31.
qans-yes = Yes
qans-no = No
qans-continue = Save and continue
qans-back = Back
qans-send = Send
qans-save-note = What you have answered is saved each time you go on, so you can finish later with the same link.
qans-language-label = Language (your answers are kept)
qans-thanks-title = Thank you!
qans-thanks-text = Your answers have been sent. Thank you for taking the time – it helps us make the groups better.
qans-answered-title = Already answered
qans-answered-text = This link has already been used to send answers, so it cannot be used again. Thank you for answering!
qans-expired-title = The link has expired
qans-expired-text = This link is too old to be used. If you still want to answer, ask the group leaders for a new one.
qans-closed-title = The questionnaire is closed
qans-closed-text = It is no longer possible to answer this questionnaire. Thank you for wanting to help!
qans-not-yet-open-title = Not open yet
qans-not-yet-open-text = This questionnaire cannot be answered yet. Please use the same link again later.
qans-unknown-title = We could not find this questionnaire
qans-unknown-text = The link may be incomplete. Check that you typed or copied all of it, or ask the group leaders for a new one.
qans-error-boolean = Choose yes or no.
qans-error-integer = Write a whole number, for example 3.
qans-error-decimal = Write a number, for example 2,5.
qans-error-date = Write a date like 2026-03-31.
qans-error-used = This link has already been used to send answers.
qans-error-not-yet-open = This questionnaire cannot be answered yet.
qans-error-nothing-answered = Answer at least one question before you send.
qans-error-round-closed = The round is closed, so no more answers can be added.
qans-error-subject-anonymous = An anonymous round takes no participant.
qans-error-subject-required = Choose the participant the form is about.
qans-error-subject-unknown = Choose one of the course's participants.
qans-error-subject-answered = This participant's answers are already stored for this round.
qans-error-value-type = The value does not match its type.
qans-paper-title = Type in a paper form
qans-paper-back = Back to the course
qans-paper-save = Save the form
qans-paper-saved = The form is saved. You can type in the next one.
qans-paper-identified = Choose the participant the form is about, then type in the answers as written on paper.
qans-paper-anonymous = The answers are stored without any name, and without who typed them in.
qans-paper-closed-results = Its results are shown as they were when the round closed.
qans-paper-subject = Participant
qans-paper-subject-choose = Choose a participant
qans-paper-subject-number = Participant { $number }
qans-paper-subject-answered = already stored

# Questionnaire library (issue 7, qlib-)
qlib-title = Questionnaire library
qlib-one-title = Questionnaire
qlib-intro = The questionnaires your organisation can use in evaluations and outcome measures. samla's own questionnaires are here from the start; you can import others, such as an instrument you hold a licence for.
qlib-import-link = Import a questionnaire
qlib-count = { $count ->
    [one] One questionnaire
   *[other] { $count } questionnaires
}
qlib-version-number = Version { $number }
qlib-languages = Languages: { $languages }
qlib-shipped = Comes with samla
qlib-archived = Archived
qlib-empty = There are no questionnaires yet.
qlib-to-programmes = Go to the programme library
qlib-old-version = You are looking at version { $number }, which is not the newest.
qlib-see-latest = See the newest version
qlib-archived-notice = This questionnaire is archived. It is not offered for new rounds; rounds and answers that use it keep it.
qlib-facts = About the questionnaire
qlib-url = Identifier (url)
qlib-version = Version
qlib-fhir-version = FHIR version { $version }
qlib-status = Status
qlib-origin = Origin
qlib-imported-by-us = Imported by your organisation
qlib-languages-heading = Languages
qlib-show-language = Show in
qlib-show-version = Show version
qlib-download-fhir = Download as FHIR JSON ({ $language })
qlib-download-scoring = Download the scoring rules
qlib-archive = Archive
qlib-unarchive = Take back into use
qlib-edit-hint = To change the questionnaire, import the changed definition: it becomes a new version, and answers already given keep the version they were given to.
qlib-items = Questions
qlib-type-group = group
qlib-type-display = text to read
qlib-type-boolean = yes or no
qlib-type-choice = choice
qlib-type-integer = whole number
qlib-type-decimal = number
qlib-type-string = short text
qlib-type-text = long text
qlib-type-date = date
qlib-required = must be answered
qlib-repeats = several answers allowed
qlib-shown-when-all = Shown only when: { $conditions }
qlib-shown-when-any = Shown when one of these holds: { $conditions }
qlib-ordinal = score { $value }
qlib-scales = Scoring
qlib-no-scoring = This version has no scoring rules.
qlib-scale-method = Method
qlib-method-sum = sum of the answers
qlib-method-mean = mean of the answers
qlib-scale-range = Each answer counts
qlib-scale-item-range = from { $min } to { $max }
qlib-scale-items = Questions
qlib-scale-reverse = Reverse-scored
qlib-scale-missing = Missing answers allowed
qlib-scale-bands = Bands
qlib-band = { $label }: from { $from }
qlib-subscale = Subscale: { $label }
qlib-versions = Versions
qlib-created = Added
qlib-created-by = Added by
qlib-by-samla = samla
qlib-scored = Scoring rules
qlib-yes = Yes
qlib-no = No
qlib-back = Back to the questionnaire library
qlib-imported = Imported as version { $number }.
qlib-unchanged = Nothing new: the import was the same as version { $number }, so no new version was made.
qlib-import-title = Import a questionnaire
qlib-import-intro = Paste the questionnaire as a FHIR R4 Questionnaire in JSON, one box per language (each with its "language", such as "nb" or "en"), and samla's scoring rules if it has any. Everything is checked first: if anything is wrong, every problem is listed with its place in the JSON, and nothing is saved.
qlib-import-versions = A questionnaire with the same url as one you have becomes its next version; the older versions stay. Importing the same content again makes no new version.
qlib-field-definition-1 = Questionnaire (FHIR JSON), first language
qlib-field-definition-hint = The whole Questionnaire resource, starting with {"{"}"resourceType": "Questionnaire".
qlib-field-definition-2 = Questionnaire, second language (optional)
qlib-field-definition-more-hint = The same questionnaire in another language: same url, version, linkIds, types and codes; only the texts differ.
qlib-field-definition-3 = Questionnaire, third language (optional)
qlib-field-scoring = Scoring rules (JSON, optional)
qlib-field-scoring-hint = Scales, reverse-scored questions, subscales, bands and the missing-answer rule, in samla's format.
qlib-import-submit = Check and import
qlib-path-whole = the whole document
qlib-error-no-definitions = Paste at least one questionnaire.
qlib-error-too-many-definitions = At most { $max } languages can be imported at once.
qlib-error-language-missing = The questionnaire must say which language it is in ("language", such as "nb" or "en").
qlib-error-language-twice = Two of the questionnaires are in the same language ({ $language }). Give each language once.
qlib-error-structure-differs = This language differs from { $first } in “{ $what }”. The languages of one questionnaire must have the same url, version, questions, types, options and codes; only the texts may differ.
qlib-from-programmes = Questionnaires for evaluations and outcome measures

## Results of questionnaire rounds (qres-)
qres-round-title = Results
qres-course-title = Course evaluation
qres-outcome-title = Change before and after
qres-audience-participants = Participants
qres-audience-guardians = Guardians
qres-audience-staff = Staff and user representatives
qres-mode-anonymous = Anonymous
qres-mode-identified = Identified
qres-timing-session = After a session
qres-timing-before = Before the course
qres-timing-end = At the end
qres-timing-follow-up = Follow-up
qres-timing-other = Other
qres-closed = closed
qres-responses = { $count ->
    [one] 1 response
   *[other] { $count } responses
}
qres-below-threshold = The round closed with fewer than { $threshold } answers. Results are shown only from { $threshold } answers, so that no one can be recognised; so only the count is shown.
qres-not-released = Results are shown when the round has closed, and only from { $threshold } answers. The round takes answers until the end of { $date }, or until it is closed. Until then only the number of answers is shown, so that nobody can tell what one person answered by comparing the results before and after an answer.
qres-answered = { $count ->
    [one] 1 answered
   *[other] { $count } answered
}
qres-mean = Mean
qres-sd = standard deviation
qres-median = Median
qres-positive = { $share } positive ({ $count } of { $n })
qres-positive-rule-top-two = the top two steps of the scale
qres-positive-rule-top-one = the top step of the scale
qres-positive-rule-yes = answered yes
qres-positive-rule-true = answered yes
qres-table-distribution = Answers: { $question }
qres-column-answer = Answer
qres-column-value = Value
qres-column-count = Count
qres-column-share = Share
qres-free-text = Free text
qres-no-free-text = Nobody wrote anything here.
qres-scales = Scales
qres-scales-caption = Scores per scale
qres-column-scale = Scale
qres-column-n = n
qres-column-not-scored = Without a score
qres-downloads = Download
qres-download-xlsx = Download as Excel (XLSX)
qres-download-csv = Download as CSV
qres-course-intro = Every questionnaire round of the course. Results are shown when the round has closed, and only from { $threshold } answers; free text only then. They do not change after.
qres-rounds = Rounds
qres-round-link = Results on their own page
qres-no-rounds = The course has no questionnaire rounds yet.
qres-outcome-intro = The change per scale from the measurement before the course to its end and the follow-up, for those who answered both times. Only rounds that have closed are counted. A positive change means the score rose. Where a figure cannot be computed, the reason is given.
qres-outcome-caption = Change in { $title } – { $to }
qres-column-before = Before
qres-column-after = After
qres-column-change = Change
qres-column-ci = 95 % confidence interval
qres-column-t-test = Paired t-test
qres-column-wilcoxon = Wilcoxon
qres-column-dz = Effect size (d_z)
qres-unpaired = { $count ->
    [one] 1 without a pair
   *[other] { $count } without a pair
}
qres-no-comparisons = No identified measurements before and after the course yet.
qres-pending-heading = Not counted yet
qres-pending-intro = These measurements are counted when their round has closed:
qres-pending-until = open until { $date }
qres-to-end = before to the end
qres-to-follow-up = before to the follow-up
qres-statistics-too-few-pairs = Fewer than two answered both times
qres-statistics-all-differences-zero = No score changed
qres-statistics-no-variance = Every score changed by the same amount
qres-chart-distribution = Bar chart of how many gave each answer, of { $n }. The figures are in the table.
qres-chart-change = Bar chart of the mean change per scale with its 95 % confidence interval. The figures are in the table.
qres-yes = Yes
qres-no = No
crep-evaluation-intro = The results of the course's questionnaire rounds. Distributions and free text are shown when a round has closed, and only once at least { $threshold } have answered.
crep-no-rounds = The course has no questionnaire rounds yet.
crep-evaluation-link = The evaluation on a page of its own, with downloads
crep-no-comparisons = No scales can be compared yet: that takes a round before the course and one at its end or at the follow-up, with the same questionnaire.
crep-outcome-link = The change on a page of its own

## Rounds of asking (qround-)
error-qround-audience = Choose whom to ask.
error-qround-mode = Choose whether answers are anonymous or named.
error-qround-timing = Choose when in the course to ask.
error-qround-session-required = Choose the session the evaluation is about.
error-qround-session-not-course = The session is not one of this course's, or it is cancelled.
error-qround-session-not-wanted = A session can only be chosen when asking about a session.
error-qround-follow-up-months = The follow-up must be between { $min } and { $max } months after the course ends.
error-qround-follow-up-only = Months apply to a follow-up only.
error-qround-qr-identified = A QR code gives anonymous answers and can only be used when answers are anonymous.
error-qround-date = Write the date as yyyy-mm-dd.
error-qround-closes-before-opens = The last day to answer cannot be before the first.
error-qround-closes-past = The last day to answer has passed.
error-qround-window-long = A round can be open for at most { $days } days.
error-qround-questionnaire = Choose a questionnaire from the library.
error-qround-nobody = There is nobody to ask in this group on the course.
error-qround-already-closed = The round is already closed.
mail-qround-invitation-subject = { $organisation }: we would like to hear what you think
mail-qround-invitation-body =
    Hello,

    we ask you to answer a few short questions. The link is personal and can be used once:
    { $link }

    You can answer until and including { $date }.

    Kind regards
    { $organisation }
mail-qround-reminder-subject = { $organisation }: reminder – we would like to hear what you think
mail-qround-reminder-body =
    Hello,

    we have not received your answers yet. Here is a new personal link (the previous one no longer works):
    { $link }

    You can answer until and including { $date }. If you answered recently, please ignore this e-mail.

    Kind regards
    { $organisation }
error-qround-number = Write a whole number.
qround-title = Evaluations
qround-round-title = Round of asking
qround-intro = Here you ask participants, guardians or staff with a questionnaire from the library: with personal links by e-mail, with a QR code in the room or on paper.
qround-saved-started = The round has started.
qround-saved-scheduled = The rounds before, at the end and the follow-up are scheduled.
qround-saved-closed = The round is closed. Its links no longer work.
qround-rounds = Rounds
qround-none = No rounds yet.
qround-state-scheduled = Not open yet
qround-state-open = Open
qround-state-closed = Closed
qround-timing-session = After a session
qround-timing-before = Before the course
qround-timing-end = At the end of the course
qround-timing-follow_up = Follow-up after the course
qround-timing-other = Other
qround-audience-participants = The participants
qround-audience-guardians = Guardians and parents
qround-audience-staff = Group leaders and user representatives
qround-mode-anonymous = Anonymous answers
qround-mode-identified = Named answers (to measure change)
qround-qr-short = QR code
qround-window = Open for answers { $opens } – { $closes }
qround-answered-qr = { $answered } have answered
qround-answered-of = { $answered } of { $asked } have answered
qround-results-link = See results
qround-results-when-closed = (when the round has closed)
qround-start = Start a round
qround-field-questionnaire = Questionnaire
qround-choose-questionnaire = Choose a questionnaire
qround-field-audience = Whom to ask
qround-field-mode = Answers
qround-field-mode-hint = Anonymous answers cannot be tied to anyone. Named answers are used to measure change before and after.
qround-field-timing = When
qround-field-session = Session
qround-field-session-hint = Only when asking about a session.
qround-no-session = No session
qround-field-opens = First day to answer
qround-field-dates-hint = Empty gives the usual days: a session can be answered on its day and a week after.
qround-field-closes = Last day to answer
qround-field-months = Months after the course ends
qround-field-months-hint = For a follow-up only, from 1 to 24. Empty gives 3.
qround-field-qr = Show a QR code in the room
qround-field-qr-hint = Anonymous answers only. No personal links are made then.
qround-start-button = Start the round
qround-outcome = Measure change: before, at the end and follow-up
qround-outcome-intro = Makes three named rounds: before the first session, at the last session and a follow-up some months after the end. Invitations and one reminder go by e-mail.
qround-outcome-button = Schedule the three rounds
qround-fact-state = Status
qround-fact-window = Time to answer
qround-fact-answers = Answers
qround-fact-results = Results
qround-results-released = Shown now that the round has closed (from five answers); they do not change after.
qround-results-pending = Shown when the round has closed, after { $date } or when it is closed, and only from { $threshold } answers.
qround-months-after = { $months } months after the end
qround-invited-count = { $invited } invited, { $reminded } reminded
qround-anonymous-note = The answers are anonymous: they are kept without name, link or time beyond the day. Results are shown only when the round has closed and at least five have answered.
qround-qr-heading = QR code for the room
qround-qr-intro = Show the code on a screen or print it. Everyone who scans it gets their own empty form.
qround-qr-alt = QR code that opens the questionnaire
qround-qr-print = Print this page to put the code up.
qround-more = Next
qround-paper-link = Type in an answer from paper
qround-recipients = Who was asked
qround-recipients-note = Shows only who has answered, never what they answered.
qround-recipients-none = Nobody was asked with a personal link.
qround-col-name = Name
qround-col-invited = Invited
qround-col-reminded = Reminded
qround-col-answered = Answered
qround-walk-in = Through the QR code
qround-about = about { $name }
qround-no-email = No e-mail address
qround-yes = Yes
qround-no = No
qround-close-heading = Close the round
qround-close-intro = Once the round is closed, neither the links nor the QR code work, and no more answers can be added, not even from paper. Its results are then shown (from five answers) and do not change after.
qround-close-button = Close the round
crep-column-family = Family members
crep-not-recorded = Not recorded
qround-course-results-link = Summary of the course's evaluations
qround-outcome-change-link = Change before and after
crep-reasons-withheld = Reasons for dropping out are shown only to the course's group leaders and the coordinator, since in a small group a reason can tell whom it is about.

## The course page's evaluation section
course-evaluation-heading = Evaluation
course-evaluation-rounds = Questionnaire rounds
course-evaluation-results = Evaluation results
course-evaluation-outcome = Change before and after
course-evaluation-report = Course report

## running: meeting reminders (H2)
mail-meeting-reminder-subject = { $organisation }: reminder of the meeting on { $date }
mail-meeting-reminder-body =
    Hello,

    This is a reminder of the meeting on { $date } at { $time }.

    If you cannot come, please let the group leaders know.

    Kind regards,
    { $organisation }
running-settings-follow-up-hint-with-off = After this many absences in a row, a leader is asked to contact the family. 0 turns follow-up tasks off. From { $min } to { $max }.
reminders-meetings = Parent meetings, information meetings, family sessions and the follow-up get the same reminder; a meeting about one family only goes to that family. Network meetings, pre-conversations and closing conversations are agreed with each family and get no reminder.
reminders-household = Turning reminders off for a child turns them off for all of the child's guardians.

# Reminders per guardian (issue #6)
reminders-guardians = Guardians who get reminders about { $name }:
reminders-saved-person = The guardian's reminders are saved.
reminders-guardians-alone = Reminders can also be turned off for one guardian alone. The child's other guardians still get them.

## Programme networks and statistics releases
error-region-country = Choose a region of the organisation's own country.
error-network-own = The organisation owns this programme: its courses count in the programme's statistics already.
error-network-no-region = Set the organisation's region first: statistics count every organisation in its region.
error-network-member = The organisation is a member of this programme's network already.
error-network-not-member = The organisation is not a member of this programme's network.
error-statistics-year-open = Choose a year that is over: only a whole year's statistics are published.
field-organisation-kind = Kind of service
field-organisation-kind-hint = National statistics count organisations by kind.
field-organisation-region = County or region
field-organisation-region-hint = National statistics count every organisation in its county or region; it is needed to join a programme's network.
organisation-region-none = Not chosen
organisation-kind-municipality = Municipality
organisation-kind-hospital = Hospital (learning and coping centre)
organisation-kind-regional_centre = Regional centre
organisation-kind-national_centre = National centre
organisation-kind-other = Other
nav-statistics = Statistics
home-task-statistics = See the statistics of the programmes you run with others
statistics-title = Statistics
statistics-lead = Published figures of the programmes your organisation owns or runs in a network. Small groups are never shown: counts of one to four persons, and whatever would let one be worked out, are hidden.
statistics-networks = Programmes and networks
statistics-networks-none = Your organisation owns no shared programme and is in no programme's network yet.
statistics-owned = Your organisation owns this programme.
statistics-member-of = Your organisation is in the network of { $owner }.
statistics-owned-by = Owned by { $owner }
statistics-open-releases = { $count ->
    [one] See the published release
   *[other] See the { $count } published releases
}
statistics-open-network = See the network
statistics-leave = Leave the network
statistics-publish = Publish a year
statistics-publish-lead = A release counts the courses of the programme that started in the year, in your organisation and in the network. Once published it does not change; publishing the same year again makes a corrected release that keeps hidden what the first one hid.
field-year = Year
field-release-note = Note
field-release-note-hint = Optional: what the release is, for example why a year is corrected.
statistics-publish-button = Publish
statistics-join = Join a programme's network
statistics-join-lead = Your courses of a programme another organisation owns count in its statistics once you join its network. The owner sees counts only, never a person.
statistics-join-needs-region = Choose your county or region first.
statistics-join-button = Join
statistics-releases = Published releases
statistics-no-release = Nothing published yet.
statistics-release-name = { $year }, release { $number }
statistics-published-on = Published { $date }
statistics-members = Organisations in the network
statistics-members-lead = Organisations that run the programme and count in its statistics.
statistics-members-none = No other organisation has joined yet.
statistics-own-leaders = { $count ->
    [one] Your organisation has one leader certified for the programme.
   *[other] Your organisation has { $count } leaders certified for the programme.
}
statistics-certified-leaders = Certified leaders
statistics-network-courses = Courses in the network
statistics-network-courses-lead = Courses of the programme from the start of last year, as the organisations plan and run them. Who takes part is not shown here.
statistics-network-courses-none = No courses from the start of last year.
statistics-course = Course
statistics-course-start = Starts
statistics-course-status = Status
statistics-course-deviations = Accepted staffing deviations
statistics-joined = Joined
statistics-programme-title = A programme's statistics
statistics-table-title = Statistics table
statistics-table-lead = { $name }, { $period }.
statistics-tables = Tables
statistics-table-participants_by_age = Participants by age
statistics-table-participants_by_outcome = Participants by how the course ended
statistics-table-courses_by_status = Courses by status
statistics-show = Show
statistics-level = Where
statistics-period = When
statistics-withheld = This table could not be published without revealing a small group, so nothing of it is shown.
statistics-column-unit = Where
statistics-column-total = Total
statistics-column-0-5 = 0–5 years
statistics-column-6-9 = 6–9 years
statistics-column-10-12 = 10–12 years
statistics-column-13-17 = 13–17 years
statistics-column-18-29 = 18–29 years
statistics-column-30-49 = 30–49 years
statistics-column-50-66 = 50–66 years
statistics-column-67-plus = 67 years or older
statistics-column-unknown = Age not known
statistics-column-completed = Completed
statistics-column-dropped_out = Dropped out
statistics-column-ongoing = Still on a course
statistics-column-planned = Planned
statistics-column-running = Running
statistics-column-cancelled = Cancelled
statistics-hidden = Hidden to protect a small group
statistics-hidden-explained = – marks a figure that is hidden: a group of one to four persons, or a figure from which one could be worked out.
statistics-total-of = Total, { $name }
statistics-spring = Spring { $year }
statistics-autumn = Autumn { $year }
statistics-download-csv = Download as CSV
statistics-download-xlsx = Download as Excel (XLSX)
statistics-download-note = Empty cells are hidden to protect small groups.
statistics-column-no-channel = Not recorded
statistics-table-participants_by_channel = Participants by how they came to the course
statistics-table-participants_by_service_kind = Participants by kind of service
overview-field-dropout-reason-kind = Main reason
overview-field-dropout-reason-kind-hint = Counted in the programme's anonymous statistics. Say more in your own words below.
dropout-reason-illness = Illness or health
dropout-reason-practical = Practical reasons (time, travel, work or school)
dropout-reason-did-not-suit = The group did not suit them
dropout-reason-family-situation = The family's situation
dropout-reason-moved = Moved away
dropout-reason-other = Other
dropout-reason-none = Not given
statistics-table-participants_by_dropout_reason = Participants by why they dropped out
statistics-column-did_not_drop_out = Did not drop out
field-participant-sex = Sex
field-participant-sex-hint = Optional. Used only in anonymous statistics.
sex-female = Girl or woman
sex-male = Boy or man
sex-other = Other
sex-not-stated = Prefer not to say
statistics-column-sex-unknown = Not stated
statistics-table-participants_by_sex = Participants by sex
statistics-table-participants_by_wait = Participants by wait from application to course start
statistics-column-days_0_30 = Up to 30 days
statistics-column-days_31_90 = 31–90 days
statistics-column-days_91_180 = 91–180 days
statistics-column-days_181_plus = More than 180 days
statistics-column-no_application = Without an application
statistics-kept = This table stands as the year's earlier release published it: the correction could not change it without revealing a small group.
home-statistics-heading = Published statistics
home-statistics-releases = { $count ->
    [one] One release
   *[other] { $count } releases
}
statistics-table-participants_by_attendance = Participants by how much of the course they attended
statistics-column-attended_all = Every session
statistics-column-attended_75_99 = 75–99 %
statistics-column-attended_50_74 = 50–74 %
statistics-column-attended_under_50 = Under half
statistics-column-attended_none_recorded = No attendance recorded
statistics-table-waitlist_at_term_start = Waiting for a place at the start of the term
statistics-waitlist-explained = Persons whose application was on the waitlist on 1 January (spring) and 1 July (autumn), by how long they had waited since applying. A year adds its two term starts, so someone still waiting in July counts twice.
statistics-outcome-title = Change before and after, all courses
statistics-outcome-intro = Each participant's score before the course is compared with their own score at the end or at follow-up, and the pairs of every course in the network are counted together, so that small groups count too. A scale is shown from five pairs. The mean change is after minus before; the interval is where the true mean change lies with 95 % confidence; d_z is the change measured in standard deviations of the changes (about 0.2 is small, 0.5 medium, 0.8 large).
statistics-outcome-measure = { $title }: { $audience }, { $to }
statistics-outcome-measure-column = Measure
statistics-outcome-scale = Scale
statistics-outcome-pairs = Pairs
statistics-outcome-mean-change = Mean change
statistics-outcome-ci = 95 % interval
statistics-outcome-ci-lower = 95 % interval, from
statistics-outcome-ci-upper = 95 % interval, to
statistics-outcome-dz = d_z
statistics-outcome-too-few = Fewer than five pairs: not shown.
statistics-outcome-kept = As the year's earlier release published it: the correction changed fewer than five pairs.
statistics-outcome-none = None of the year's courses measured the same participants before and after.
statistics-outcome-chart = Each bar is a scale's mean change, after minus before; the line across it is its 95 % interval.
statistics-outcome-download-note = Empty figures: fewer than five pairs.
statistics-sessions-title = Attendance per session, all courses
statistics-sessions-intro = For each session of the manual, the participants on the list when attendance was taken in any of the network's courses this year, and how many of them came (late and leaving early count as came). Only the network's own figures are published. A session recorded with fewer than five shows nothing; where one to four came, or one to four did not, only how many were recorded is shown. Courses imported from spreadsheets and counts sent from other installations have no attendance per session and are not in this table.
statistics-sessions-session = Session { $number }
statistics-sessions-number = Session
statistics-sessions-courses = Courses
statistics-sessions-recorded = Recorded
statistics-sessions-attended = Came
statistics-sessions-rate = Share who came
statistics-sessions-too-few = Fewer than five recorded: not shown.
statistics-sessions-hidden = Hidden: one to four came, or one to four did not.
statistics-sessions-kept = As the year's earlier release published it: the correction changed it by fewer than five persons.
statistics-sessions-none = None of the year's courses recorded attendance at a session of the manual.
statistics-sessions-chart = Each bar is the share of those recorded at the session who came; sessions with hidden figures have no bar.
statistics-sessions-download-note = Empty figures: fewer than five recorded, or one to four who came or did not.
statistics-trend = Year by year
statistics-trend-lead = The network's figures for each year, as the year's latest release published them.
statistics-trend-year = Year
statistics-trend-courses = Courses
statistics-trend-participants = Participants
statistics-trend-chart = Participants per year
statistics-trend-chart-description = One bar per year: how many took part in the network's courses that started that year. The table below has the figures.
statistics-table-chart-description = One bar per column of the table's total line; the table below has every figure.
statistics-hidden-short = hidden
statistics-find = Show the table
statistics-find-programme = Programme
statistics-find-table = What
statistics-find-whole-year = The whole year
statistics-find-spring = Spring term
statistics-find-autumn = Autumn term
statistics-find-network = The whole network
statistics-find-own-region = Our region
statistics-find-own = Our organisation
statistics-evaluation-title = Evaluations, all courses
statistics-evaluation-intro = The answers to the same questionnaire, asked of the same group at the same point in the course, counted together across the network's courses. Written answers are never included here.
statistics-evaluation-question = Question
statistics-evaluation-answer = Answer
statistics-evaluation-count = Number
statistics-evaluation-answered = Answered
statistics-evaluation-responses = { $count } responses from { $courses ->
    [one] one course
   *[other] { $courses } courses
}.
statistics-evaluation-too-few = Fewer than five responses (from { $courses ->
    [one] one course
   *[other] { $courses } courses
}): nothing is shown.
statistics-evaluation-share = { $share } positive
statistics-evaluation-mean = mean { $mean }
statistics-evaluation-kept = As the year's earlier release published it: the correction changed fewer than five responses.
statistics-evaluation-none = None of the year's courses has evaluation answers whose results are released.
statistics-table-leaders_by_certification = Group leaders
statistics-column-certified = Certified for the programme
statistics-column-not_certified = Not certified
statistics-column-external = From outside the organisation
statistics-leaders-explained = Each group leader of the year's courses counts once, in the term of their first course that year, as certified or not when it started. Staff figures are not hidden: they are no participant's.
statistics-column-not_known = Imported course: not known
statistics-imported-note = { $count ->
    [one] One of the courses counted was imported from a spreadsheet.
   *[other] { $count } of the courses counted were imported from spreadsheets.
}
import-error-programme = Sheet { $sheet }, row { $row }, { $column }: not a programme of yours (write its short name, e.g. smil, or its number).
import-error-end-before-start = Sheet { $sheet }, row { $row }, { $column }: the course ends before it starts.
import-error-not-past = Sheet { $sheet }, row { $row }, { $column }: only courses that have started can be imported; plan new ones in samla.
import-error-duplicate = Sheet { $sheet }, row { $row }, { $column }: the same as a row above.
import-error-course-unknown = Sheet { $sheet }, row { $row }, { $column }: no course with this reference on the courses sheet.
import-error-too-long = Sheet { $sheet }, row { $row }, { $column }: too long.
import-error-identity-number = Sheet { $sheet }, row { $row }, { $column }: looks like a national identity number. Use a code of your own, never the number or the name.
import-error-channel = Sheet { $sheet }, row { $row }, { $column }: not one of your recruitment channels' codes.
import-error-reason-without-dropout = Sheet { $sheet }, row { $row }, { $column }: a dropout reason for someone who did not drop out.
import-error-column-missing = Sheet { $sheet }: the column { $column } is missing.
import-error-empty = Sheet { $sheet }: has no rows.
import-error-required = Sheet { $sheet }, row { $row }, { $column }: must be filled in.
import-error-date = Sheet { $sheet }, row { $row }, { $column }: not a date (write 2024-03-01 or 01.03.2024).
import-error-number = Sheet { $sheet }, row { $row }, { $column }: not a whole number in the range allowed.
import-error-yes-no = Sheet { $sheet }, row { $row }, { $column }: write yes or no.
import-error-choice = Sheet { $sheet }, row { $row }, { $column }: not one of the codes the template lists.
import-title = Import earlier courses
import-lead = Courses you ran before samla can count in your programmes' statistics. Fill in the template, one row per course and one row per participant of a course, and upload it. Nothing is imported until every row reads; each problem is named by sheet, row and column. Importing a course again under the same reference replaces it.
import-done = Imported { $courses } courses with { $participants } participants. They count in the statistics from the next release of their years.
import-template-heading = The template
import-template-lead = An Excel workbook with the sheets courses and participants, or the two sheets as CSV files. Keep the column names in the first row.
import-template-xlsx = Template as Excel (XLSX)
import-template-courses-csv = Courses sheet as CSV
import-template-participants-csv = Participants sheet as CSV
import-courses-columns = The courses sheet
import-participants-columns = The participants sheet
import-column = Column
import-column-meaning = What to write
import-column-course = Course
import-column-programme = The programme's short name (e.g. smil) or number.
import-column-start-date = The first session, e.g. 2024-02-05 or 05.02.2024.
import-column-end-date = The last session.
import-column-sessions = How many group sessions the course had.
import-column-leaders = How many group leaders it had.
import-column-cancelled = yes if the course was cancelled; otherwise no or empty.
import-column-participant = Your own code for the participant, unique on the course. Never a name or a national identity number.
import-column-birth-year = The year of birth, if known.
import-column-age = Or the age when the course started.
import-column-sex = female, male, other or empty.
import-column-channel = A recruitment channel's code (school, gp, …) or empty.
import-column-sessions-attended = How many sessions they came to, if known.
import-column-dropped-out = yes if they dropped out; otherwise no or empty.
import-column-dropout-reason = illness, practical, did_not_suit, family_situation, moved, other or empty.
import-upload-heading = Upload
import-field-workbook = The workbook (XLSX)
import-field-workbook-hint = With the sheets courses and participants. Or leave it empty and upload the two CSV files below.
import-field-courses = The courses sheet (CSV)
import-field-participants = The participants sheet (CSV)
import-field-csv-hint = Comma or semicolon separated, UTF-8.
import-submit = Import
import-imported-heading = Imported courses
import-none = No courses imported yet.
import-ends = Ends
import-error-csv = The { $sheet } file cannot be read as CSV (save it as CSV UTF-8).
import-error-workbook = The file cannot be read as an Excel workbook (XLSX).
import-error-sheet-missing = The workbook has no sheet named { $sheet }.
import-error-no-file = Choose the workbook, or the two CSV files.
import-overview-lead = Courses you ran before samla can count in the statistics too.
import-error-too-large = The workbook is too large to read; split it, or save the two sheets as CSV files.

## Statistics between installations
submission-send-link = Send statistics from this installation
submission-installations-link = Installations that send their statistics
submission-send-title = Send statistics to the programme's owner
submission-send-lead = If the programme's owner runs samla of its own, send it your organisation's counts of { $programme } for a year that is over: how many courses and participants, by the same columns as the statistics tables. No person is in the file.
submission-key-heading = Your organisation's key
submission-key-lead = The file is signed with your organisation's key, so the owner can tell it comes from you and that nothing in it was changed on the way. Give the owner this public key once; it registers your installation with it.
submission-make-heading = Make the file of a year
submission-make-lead = The file holds your own courses of the programme that started in the year. Making it again later (after a correction here) gives a newer file that replaces the earlier one at the owner.
submission-make-button = Download the signed file
submission-push-lead = Send the file to the owner as it tells you: upload it on its page, or push it to its samla with the token it gave you for that (POST /api/v1/statistics/submissions, the file as the body).
submission-installations-title = Installations that send their statistics
submission-installations-lead = Organisations that run the programme on a samla of their own send you their counts as signed files. Register each installation once with its public key; its counts then go into your releases like those of the network's other members, under the same rules for small numbers.
submission-registered = { $name } is registered and counted in the programme's network.
submission-token-once = Its token for sending files is shown only now. Give it to the installation's administrator in a safe way; it can do nothing but send this programme's statistics.
submission-token-use = The installation pushes a file to this address, with the header Authorization: Bearer followed by the token:
submission-received = Received the submission of { $installation } for { $year }. It counts from the year's next release.
submission-corrected = Received a corrected submission of { $installation } for { $year }; it replaces the earlier one from the year's next release.
submission-upload-heading = Receive a file
submission-upload-lead = A file from a registered installation. Its signature must hold and it must be newer than the one you hold for its year.
submission-field-file = The signed file (JSON)
submission-field-file-hint = The file the installation downloaded from its samla, unchanged.
submission-upload-button = Receive
submission-received-heading = Submissions received
submission-installation = Installation
submission-made = Made
submission-received-at = Received
submission-state = Counts
submission-none = No submission received yet.
submission-pushed = pushed
submission-uploaded = uploaded
submission-replaced = Replaced { $date }
submission-counts = Counts in the next release
submission-installations-heading = Registered installations
submission-key = Public key
submission-registered-at = Registered
submission-installations-none = No installation registered yet.
submission-register-heading = Register an installation
submission-register-lead = The name, kind and region are what the statistics count the organisation as. Its public key is on its page "Send statistics to the programme's owner".
submission-field-name = The organisation's name
submission-field-key = Its public key
submission-field-key-hint = 44 characters, as its samla shows it.
submission-register-button = Register
submission-error-format = This is not a samla statistics file of a format this version reads.
submission-error-year = The file's year is not one.
submission-error-table = The file has a table samla does not know: { $at }.
submission-error-table-twice = The file has the table { $at } twice.
submission-error-term = { $at }: the term is not one of the file's year.
submission-error-category = { $at }: not a column of that table.
submission-error-count = { $at }: the count is larger than any organisation's year.
submission-error-cell-twice = { $at }: the same cell is in the table twice.
submission-error-totals = The file's tables of participants count different numbers of persons in a term; make the file again from samla.
submission-error-unreadable = The file cannot be read as a signed samla statistics file.
submission-error-key = That is not a public key samla can check signatures with.
submission-error-signature = The signature does not hold: the file was changed after it was signed. Ask the installation for the file again.
submission-error-unknown-key = The file is signed with a key no installation of this programme is registered with.
submission-error-already-received = This submission was received already.
submission-error-replayed = A newer submission of this installation for the year is held already; an older one cannot replace it.
submission-error-programme = The file is for another programme ({ $at }).
submission-error-key-taken = An installation with this key is registered already.
submission-error-no-file = Choose the file to receive.
submission-new-token = New token
submission-token-replaced = { $name } has a new token; the old one no longer works.
submission-remove = Remove from the network
submission-removed = Removed: not counted, no token
submission-error-removed = This installation was removed from the programme's network; its files are no longer received.
submission-error-at-once = Another submission of this installation for the year was received at the same moment. Send the file again.
submission-error-own-key = That is your own organisation's key: your own courses are counted already.

## Emergency access (break-the-glass)
home-task-emergency = Open a course in an emergency
emergency-title = Emergency access to a course
emergency-intro = If you must read a course you do not work on (for example about a concern for a child), you can open it for a limited time. Write down why: the reason is kept, everything you read is logged, and the person who oversees the audit log reviews each opening. You can read, but not change, the course.
emergency-open-heading = Open now
emergency-open-none = You have no emergency access open.
emergency-until = Open until { $when }
emergency-new-heading = Open a course
emergency-new-intro = Only courses you do not work on are listed.
emergency-choose-course = Choose a course
emergency-hours-option = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
emergency-submit = Open the course
field-emergency-course = Course
field-emergency-reason = Why must you read it now?
field-emergency-reason-hint = Say what happened and why it cannot wait. Keep details about the person to what is needed.
field-emergency-hours = For how long
error-emergency-hours = Choose from 1 to { $max } hours.
error-emergency-own-course = You work on this course already and need no emergency access.
error-emergency-course = Choose a course of this organisation.
emergency-reviews-link = Emergency accesses to review
emergency-reviews-title = Emergency accesses
emergency-reviews-intro = Each time someone opened a course in an emergency: who, which course, when and why, and what they did while it was open. Sign each one off with what you found.
emergency-reviews-open = Awaiting review
emergency-reviews-none = Nothing awaits review.
emergency-reviews-done = Signed off
emergency-reviews-done-none = Nothing signed off yet.
emergency-reviews-saved = The access is signed off.
emergency-who-what = { $who } opened { $course }
emergency-from-until = { $from } to { $until }
emergency-signed-by = Signed off by { $who }, { $when }
emergency-review-title = Review an emergency access
emergency-review-who = Opened by
emergency-review-course = Course
emergency-review-when = Open
emergency-review-reason = Reason given
emergency-review-actions = What was done while it was open
emergency-review-no-actions = Nothing was logged.
emergency-review-sign-off = Sign off
field-emergency-comment = What did you find?
field-emergency-comment-hint = For example that the access was justified, or what was followed up.
emergency-review-submit = Sign off

# Retention
home-task-retention = Decide how long personal data is kept
retention-title = How long personal data is kept
retention-intro = samla removes personal data when its time is up: once a day, each record whose rule has run out goes, with what belongs only to it. Removals are logged (which kind, which rule; never the content) and counted in the report below. A record can be held past its rule with a reason, for instance a complaint or a request from the police.
retention-rules-heading = Rules
retention-rules-intro = Months from the event named under each kind, from the shortest the law allows up to { $max }.
retention-months-label = Months to keep: { $kind }
retention-months-hint = samla's default is { $default } months; the shortest allowed is { $min } ({ $law }).
retention-default-in-use = samla's default is in use.
retention-rules-save = Save the rules
retention-kind-unplaced_applications = Applications that did not lead to a place
retention-kind-unplaced_applications-what = Declined, withdrawn, referred elsewhere or merged into another, counted from the application's last step; or still open with every consent to take part withdrawn, counted from the withdrawal. Goes with its history, pre-conversations, offers, links and mail, and the persons and household no other record refers to.
retention-kind-sent_mail = Mail sent
retention-kind-sent_mail-what = The address and subject samla keeps of each mail sent or given up on, counted from the last attempt.
retention-kind-observations = Observations
retention-kind-observations-what = What the leaders wrote down about one participant on a course that is over (completed, archived or cancelled), counted from the course's last session. Attendance stays: the course's reports and statistics count it.
retention-observations-count = { $count ->
    [one] one observation
   *[other] { $count } observations
}
retention-due-heading = Removed in the next { $days } days
retention-due-intro = What the rules remove from today up to then, and what is held past its day.
retention-due-none = Nothing is removed in the next days.
retention-due-dates = { $state } · counted from { $started } · removed on { $due }
retention-held = Held:
retention-held-by = Held by { $who } on { $when }.
retention-release = Lift the hold
retention-hold-heading = Hold a record
retention-hold-choose = Choose a record
retention-hold-submit = Hold the record
field-retention-record = Record
field-retention-reason = Why it must be kept
field-retention-reason-hint = Kept with the hold and shown here, e.g. a complaint case number.
retention-report-heading = Removed per year
retention-report-none = Nothing removed.
retention-report-line = { $kind } (kept { $months } months): { $count } removed
retention-erase-heading = Erase on request
retention-erase-intro = A family may ask to have an application that did not lead to a place deleted before its time. It goes at once with everything that belongs only to it; this cannot be undone. A held application cannot be erased until the hold is lifted.
field-retention-reference = The application's reference
field-retention-reference-hint = As shown on the application and the family's receipt, e.g. K7QM-3XHT.
field-retention-erase-confirm = I have checked that no complaint or other case requires keeping it
retention-erase-submit = Erase the application
retention-saved-erased = The application is erased.
retention-report-line-erased = { $kind }, erased on request: { $count }
error-retention-erase-unknown = No application that did not lead to a place has that reference.
error-retention-erase-held = The application is held ({ $reason }): lift the hold first.
error-retention-erase-confirm = Confirm that nothing requires keeping it.
retention-saved-rules = The rules are saved.
retention-saved-held = The record is held.
retention-saved-released = The hold is lifted.
error-retention-months = Write a whole number of months from { $min } to { $max } (the shortest by { $law }).
error-retention-held = The record is held already.
error-retention-record = Choose a record from the list.
public-privacy-link = What we keep about you, and for how long
public-privacy-title = What we keep about you
public-privacy-heading = What { $organisation } keeps about you, and for how long
public-privacy-intro = When you apply for a course, or someone refers you or your child, we keep what we need to give you a place and to run the course. Here is what, who sees it, how long we keep it, and how to ask about it.
public-privacy-what-heading = What we keep
public-privacy-what = Names, birth dates and contact details of the child or adult who takes part and of the parents; what you or the one who referred you wrote about why; notes from the conversations before the course; which consents you gave; and during the course, who came to each meeting.
public-privacy-who-heading = Who sees it
public-privacy-who = Only the staff who handle applications and the leaders of your course. Volunteers with their own experience who help lead a group never see what you wrote or notes about you. Every time someone opens your information, it is logged.
public-privacy-how-long-heading = How long we keep it
public-privacy-applications = If you do not get a place, say no, or take your application back, we delete the application and what belongs to it { $months } months after the last step. If you withdraw your consent to take part, the time counts from then.
public-privacy-mail = We keep the address and subject of e-mails we send you for { $months } months.
public-privacy-observations = What the leaders write down about participants during the course, we delete { $months } months after the course's last session.
public-privacy-participants = If you take part in a course, we keep what belongs to the course for as long as we need it to follow up and report on it.
public-privacy-rights-heading = Your rights
public-privacy-rights = You may ask to see what we keep about you, to have something corrected, or to have it deleted. You may also complain to the Data Protection Authority (Datatilsynet). Call or write to us:
public-privacy-back = Back to the courses

# A person's access to their data (innsyn)
home-task-access-requests = Answer a request to see one's data
access-title = Requests to see one's data
access-intro = Anyone may ask to see what we keep about them (the right of access, GDPR article 15). Register the request on the day it came: it must be answered within a month. The report gathers everything samla keeps about the person and who has read it, to print for the letter or to give as a file.
access-saved-registered = The request is registered. The report is below.
access-saved-answered = The request is marked as answered.
access-requests-heading = Requests
access-requests-caption = Requests to see one's data
access-requests-none = No requests yet.
access-column-person = Person
access-column-received = Received
access-column-answer-by = Answer by
access-column-state = Status
access-state-open = To answer
access-state-overdue = Overdue
access-state-answered = Answered { $date }
access-register-heading = Register a request
access-register-intro = Find the participant or guardian who asks, by name. A guardian asking on behalf of a child: register the request from the child.
access-search-submit = Search
field-access-search = Name
field-access-search-hint = At least two letters; every word must be in the name.
access-search-too-short = Write at least two letters of the name.
access-search-none = No participant or guardian is called "{ $query }".
field-access-person = Who asks
field-access-received-on = The day the request came
field-access-received-on-hint = For example 2026-03-17. Leave it empty for today.
access-register-submit = Register the request
access-person-born = { $name }, born { $year } ({ $role })
access-person = { $name } ({ $role })
error-access-day-future = The day cannot be after today.
error-access-day-before = The day cannot be before the request came ({ $date }).
error-access-person = Choose the person who asks.
error-access-answered = The request has been answered already.
access-report-title = What we keep about a person
access-report-heading = What we keep about { $name }
access-report-intro = Everything samla keeps about the person, and who has read it. Print this page for the letter (the buttons are not printed), or give the file.
access-report-json = Download as a file (JSON)
access-back = Back to the requests
access-answer-heading = When the answer is sent
field-access-answered-on = The day it was answered
field-access-answered-on-hint = For example 2026-03-30. Leave it empty for today.
access-answer-submit = Mark as answered
access-person-heading = The person
access-field-name = Name
access-field-role = In the household
access-field-responsibility = with parental responsibility
access-field-birth-date = Date of birth
access-field-national-id = National identity number
access-field-phone = Phone
access-field-email = E-mail
access-field-sex = Sex
access-field-registered = Registered
access-applications-heading = Applications and referrals
access-field-about = Whose
access-about-them = For the person
access-about-contact = The person is its contact
access-field-kind = How it came
access-field-stage = Stage
access-field-received = Received
access-field-referrer = Referred by
access-field-reason = Reason
access-field-needs = Needs
access-history-heading = Steps taken
access-pre-conversation-heading = Pre-conversation { $number }, { $date }
access-field-present = Present
access-field-outcome = Outcome
access-field-notes = Notes
access-offers-heading = Offers of a place
access-offer-line = { $course }: offered { $made }, answer by { $deadline } – { $status }
access-none = None.
access-consents-heading = Consents
access-consent-given = Given by { $giver } on { $date } ({ $capacity }, { $method }).
access-consent-withdrawn = Withdrawn { $date }.
access-consent-text = The text consented to (version { $version })
access-places-heading = Places on courses
access-column-course = Course
access-column-starts = Starts
access-column-role = As
access-column-status = Status
access-attendance-heading = Attendance
access-column-date = Date
access-column-session = Session
access-column-attendance = Attendance
access-column-note = Note
access-attendance-notice = Absence notified beforehand
access-notes-heading = Observations and follow-up
access-note-observation = Observation on { $course }, { $date }, by { $who }
access-note-follow-up = Follow-up of absences on { $course }, from { $date }, by { $who }
access-meetings-heading = Meetings
access-field-agenda = Agenda
access-field-minutes = Minutes
access-field-agreements = Agreements
access-questionnaires-heading = Questionnaires answered with the person's name
access-answer-yes = Yes
access-answer-no = No
access-scores = Scores:
access-mail-heading = E-mail
access-mail-line = To { $to }, { $date }: { $status }
access-mail-body = The text
access-reads-heading = Who has read the person's data
access-reads-intro = Every time someone opened a page that shows the person's data is in the audit trail: their applications and household, the course pages and attendance sheets of their courses, their observations, and this report. Per day and person.
access-reads-none = Nobody has read it yet.
access-column-who = Who
access-column-organisation = Organisation
access-column-what = What
access-column-times = Times
access-read-application-read = The application
access-read-application-read-sensitive = The application with its reason and notes
access-read-household-read = The household
access-read-attendance-read = An attendance sheet or the course's attendance
access-read-observation-read = The observations
access-read-course-view = The course page with its participants
access-read-access-request-read = This report
access-left-out-heading = Not in this report
access-left-out = Concern reports to the child welfare services are not in this report: whether and how the person may see them is decided by the law's exceptions, with the concern's readers. Session logs describe the group, not one person. Answers given anonymously cannot be traced to anyone.

# The record of processing activities (GDPR art. 30)
home-task-processing = Read the record of processing activities
processing-title = Record of processing activities
processing-intro = What samla processes for the organisation, about whom, who receives it and how long it is kept (GDPR article 30), generated from how samla is set up here. Print it, or add it to the organisation's own record.
processing-controller = Controller
processing-contact = Contact
processing-basis = Legal basis
processing-basis-own = The organisation's own to state, per activity (for example a public task under the health and care services act, and consent where samla records it).
processing-activity-intake = Intake: applications and referrals
processing-activity-intake-what = Receiving applications and referrals, pre-conversations, consents and offers of a place.
processing-activity-courses = Running courses
processing-activity-courses-what = Sessions, attendance, observations about one participant, meetings with families and network, and concern reports to the child welfare services.
processing-activity-evaluation = Evaluation and outcome measures
processing-activity-evaluation-what = Questionnaires answered anonymously or with the participant's name, and their scores; results are shown as aggregates.
processing-activity-statistics = Statistics
processing-activity-statistics-what = Counts per course, year and programme, published only where no group is small enough to point at anyone.
processing-activity-mail = E-mail
processing-activity-mail-what = Receipts, offers, consent links, reminders and invitations sent by e-mail.
processing-activity-staff = Staff accounts and the audit trail
processing-activity-staff-what = The staff's accounts and roles, their sign-ins, and the audit trail of who read and changed what.
processing-persons = About whom
processing-data = Which data
processing-special = Special categories (GDPR art. 9)
processing-special-yes = Yes: health and child-welfare information may be part of it
processing-special-no = No
processing-recipients = Who receives it
processing-retention = How long it is kept
processing-retention-intake = { $months } months after the case's last step, by the organisation's retention rule
processing-retention-mail = { $months } months after the last attempt to send, by the organisation's retention rule
processing-retention-courses = Observations about one participant: { $months } months after the course's last session, by the organisation's retention rule. The rest until it is erased: no retention rule covers it yet
processing-retention-none = Until it is erased: no retention rule covers it yet
processing-retention-aggregates = Aggregates, not personal data
processing-held = Records held now
processing-person-children = children
processing-person-guardians = guardians
processing-person-adult-participants = adult participants
processing-person-referrers = those who refer
processing-person-network-contacts = network contacts (school, health nurse)
processing-person-staff = staff
processing-data-identity = name
processing-data-contact = phone and e-mail
processing-data-birth-date = date of birth
processing-data-national-id = national identity number
processing-data-sex = sex, where stated
processing-data-reason-and-needs = reason for the application and needs
processing-data-consents = consents with the texts given under
processing-data-pre-conversations = notes of pre-conversations
processing-data-attendance = attendance
processing-data-observations = observations about one participant
processing-data-meeting-minutes = minutes of meetings
processing-data-concern-reports = concern reports
processing-data-answers = answers to questionnaires
processing-data-scores = scores
processing-data-aggregates = counts only
processing-data-messages = the mail's subject and text
processing-data-roles = roles
processing-data-sign-ins = sign-ins
processing-data-audit-trail = the audit trail
processing-recipient-coordinators = coordinators
processing-recipient-intake-staff = secretaries and coordinators handling intake
processing-recipient-group-leaders-own = group leaders, for their own courses
processing-recipient-secretaries-contacts = secretaries, names and contact details only
processing-recipient-child-welfare = the child welfare services, when a concern report is sent
processing-recipient-working-group-aggregates = the course's working group, as aggregates
processing-recipient-programme-owner = the owners of the programme networks the organisation has joined
processing-recipient-mail-relay = the e-mail server the installation sends through
processing-recipient-administrators = administrators
processing-security = Security measures
processing-measure-passwords-argon2id = Passwords stored as Argon2id hashes
processing-measure-second-factor-required = A second factor (one-time codes) is required at sign-in
processing-measure-default-deny-policy = Access decided in one place by role, everything else refused
processing-measure-reads-audited = Every reading of personal data is written to the audit trail
processing-measure-audit-hash-chain = The audit trail is a keyed hash chain, so a changed or removed row shows
processing-measure-retention-daily = Retention rules applied every day
processing-measure-secure-delete = Deleted data is overwritten in the database file
home-access-overdue = { $count ->
    [one] One request to see one's data is past its last day.
   *[other] { $count } requests to see one's data are past their last day.
}
home-access-due = { $count ->
    [one] One request to see one's data must be answered within a week.
   *[other] { $count } requests to see one's data must be answered within a week.
}
home-access-link = See the requests
