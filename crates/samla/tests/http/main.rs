//! Behaviour through HTTP: every test starts the real application on a fresh database and
//! talks to it as a browser or an API client would. One binary for every suite, so the
//! server is linked once; each module is one area of the product.

mod common;

mod access_requests;
mod ages_at_course_start;
mod api;
mod api_optional_fields;
mod audit;
mod audit_chain;
mod cli;
mod course_report;
mod demo_data;
mod emergency_access;
mod foundation_smoke;
mod i18n;
mod intake_api;
mod intake_pages;
mod intake_privacy;
mod isolation;
mod locking;
mod login;
mod outbox;
mod planning_api;
mod planning_cli;
mod planning_deviations;
mod policy_http;
mod public_intake;
mod questionnaire_answering;
mod questionnaire_release;
mod questionnaire_results;
mod questionnaire_rounds;
mod questionnaires_library;
mod record_of_processing;
mod retention;
mod route_roles;
mod running_api_contract;
mod running_attendance;
mod running_audiences;
mod running_concerns;
mod running_logs;
mod running_meetings;
mod running_overview;
mod running_privacy;
mod running_reminders;
mod schema;
mod second_factor;
mod security;
mod shipped_programmes;
mod staff_directory;
mod statistics_import;
mod statistics_network;
mod statistics_submissions;
mod text_rule;
