-- Questionnaires, rounds of asking, responses and their scores. Times are Unix seconds,
-- dates ISO text. Kept in step with ../sqlite/0006_questionnaires.sql.

-- A questionnaire of one organisation, known by its FHIR url. The shipped ones carry
-- their slug and are installed into every organisation.
CREATE TABLE questionnaires (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    url TEXT NOT NULL,
    shipped_slug TEXT,
    archived BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_id, url)
);

-- One version of a questionnaire: importing or editing makes a new one, and rounds and
-- responses keep the version they were made with. content_hash lets importing the same
-- files twice make no new version.
CREATE TABLE questionnaire_versions (
    id BIGSERIAL PRIMARY KEY,
    questionnaire_id BIGINT NOT NULL REFERENCES questionnaires(id),
    number BIGINT NOT NULL,
    fhir_version TEXT,
    scoring TEXT,
    content_hash TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    UNIQUE (questionnaire_id, number)
);

-- The version in one language: the FHIR JSON as samla exports it.
CREATE TABLE questionnaire_texts (
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions(id),
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    definition TEXT NOT NULL,
    PRIMARY KEY (version_id, language)
);

-- Asking one audience of one course (or one session) one questionnaire version.
-- open_token is the link behind the QR code shown in the room (anonymous rounds); it is
-- kept as it is, not hashed, because the round's page shows it for as long as the round is
-- open, and all it can do is open a new empty form of an anonymous round.
-- follow_up_months counts a follow-up round's opening from the course's end.
CREATE TABLE questionnaire_rounds (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    course_id BIGINT NOT NULL REFERENCES courses(id),
    session_id BIGINT REFERENCES course_sessions(id),
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions(id),
    audience TEXT NOT NULL CHECK (audience IN ('participants', 'guardians', 'staff')),
    mode TEXT NOT NULL CHECK (mode IN ('anonymous', 'identified')),
    timing TEXT NOT NULL CHECK (timing IN ('session', 'before', 'end', 'follow_up', 'other')),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    follow_up_months BIGINT,
    open_token TEXT UNIQUE,
    invitations_sent_at BIGINT,
    reminder_sent_at BIGINT,
    closed_at BIGINT,
    created_by BIGINT REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX questionnaire_rounds_by_course ON questionnaire_rounds (course_id, opens_on);

-- Who has been asked, with their one-time link. In an anonymous round this is kept for
-- invitations and reminders only: answered_on is a day and no response points here, so
-- who answered and what was answered cannot be joined. subject_participant_id is the
-- course participant the answers are about (the child, when a guardian answers);
-- person_id or user_id is who answers; walk_in marks a link made from the QR code.
-- draft holds the answers saved so far (save and continue) until the form is sent.
CREATE TABLE round_recipients (
    id BIGSERIAL PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES questionnaire_rounds(id),
    subject_participant_id BIGINT REFERENCES course_participants(id),
    person_id BIGINT REFERENCES persons(id),
    user_id BIGINT REFERENCES users(id),
    walk_in BIGINT NOT NULL DEFAULT 0,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at BIGINT NOT NULL,
    invited_at BIGINT,
    reminded_at BIGINT,
    answered_on TEXT,
    draft TEXT,
    draft_page BIGINT
);
CREATE INDEX round_recipients_by_round ON round_recipients (round_id);

-- One submitted form. Answers are JSON (linkId -> values) and scores are computed on
-- submission with the version's rules. Only identified rounds fill
-- subject_participant_id; entered_by is the staff member who typed in a paper form
-- (identified rounds only), so anonymous responses hold no person, token or login.
CREATE TABLE questionnaire_responses (
    id BIGSERIAL PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES questionnaire_rounds(id),
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions(id),
    language TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    subject_participant_id BIGINT REFERENCES course_participants(id),
    entered_by BIGINT REFERENCES users(id),
    on_paper BIGINT NOT NULL DEFAULT 0,
    answers TEXT NOT NULL,
    scores TEXT
);
CREATE INDEX questionnaire_responses_by_round ON questionnaire_responses (round_id);
