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
