-- Results of a round are released once, when it closes (by staff, or when its closing day
-- has passed in the organisation's time zone), and never change after: otherwise reading
-- them before and after one more answer tells what that answer was. results_released_at
-- is when the results were frozen; from then on the round takes no response and its
-- responses' answers stay as they are (the service refuses first; these triggers make sure).
-- Kept in step with ../postgres/0008_round_results_release.sql.
ALTER TABLE questionnaire_rounds ADD COLUMN results_released_at INTEGER;
UPDATE questionnaire_rounds SET results_released_at = closed_at WHERE closed_at IS NOT NULL;

CREATE TRIGGER questionnaire_responses_open_rounds_only BEFORE INSERT ON questionnaire_responses
WHEN EXISTS (SELECT 1 FROM questionnaire_rounds r WHERE r.id = NEW.round_id
             AND (r.closed_at IS NOT NULL OR r.results_released_at IS NOT NULL))
BEGIN
    SELECT RAISE(ABORT, 'the questionnaire round is closed: no more responses');
END;

CREATE TRIGGER questionnaire_responses_frozen BEFORE UPDATE OF round_id, version_id, answers, scores
    ON questionnaire_responses
WHEN EXISTS (SELECT 1 FROM questionnaire_rounds r WHERE r.id IN (OLD.round_id, NEW.round_id)
             AND (r.closed_at IS NOT NULL OR r.results_released_at IS NOT NULL))
BEGIN
    SELECT RAISE(ABORT, 'the questionnaire round is closed: its responses do not change');
END;

CREATE TRIGGER questionnaire_rounds_stay_closed BEFORE UPDATE OF closed_at, results_released_at
    ON questionnaire_rounds
WHEN (OLD.closed_at IS NOT NULL AND NEW.closed_at IS NOT OLD.closed_at)
  OR (OLD.results_released_at IS NOT NULL AND NEW.results_released_at IS NOT OLD.results_released_at)
BEGIN
    SELECT RAISE(ABORT, 'a closed questionnaire round stays closed');
END;
