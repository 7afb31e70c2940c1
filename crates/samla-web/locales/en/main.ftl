# samla – English

## Frame
skip-to-main = Skip to main content
nav-label = Main menu
nav-home = Home
nav-users = People
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
problem-json-content-type = Send the content as application/json.
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
error-course-closed = The course is finished or cancelled and cannot be changed.
error-status-transition = The course cannot go from “{ $from }” to “{ $to }”.
error-cancel-reason = Say why the course is cancelled.
error-staffing-gaps = { $count } sessions lack staff under the programme's rules.
error-staff-who = Choose a person in the organisation, or enter the name of an outside contact.
error-slug-fixed = The short name cannot change; import it as a new programme instead.
error-manual = { $path }: { $message }
error-budget-lines = A budget has at most { $max } lines.

## Programme library and course planning (pages)
nav-programmes = Programmes
nav-courses = Courses
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
field-duration-hint = Leave empty to use the programme's session length.
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
course-warnings = Needs attention
course-warnings-ready = The course cannot be set to "Ready" until every session is staffed by the programme's rules.
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
