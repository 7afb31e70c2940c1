-- Results of a round are released once, when it closes (by staff, or when its closing day
-- has passed in the organisation's time zone), and never change after: otherwise reading
-- them before and after one more answer tells what that answer was. results_released_at
-- is when the results were frozen; from then on the round takes no response and its
-- responses' answers stay as they are (the service refuses first; these triggers make sure).
-- Kept in step with ../sqlite/0008_round_results_release.sql.
ALTER TABLE questionnaire_rounds ADD COLUMN results_released_at BIGINT;
UPDATE questionnaire_rounds SET results_released_at = closed_at WHERE closed_at IS NOT NULL;

CREATE FUNCTION questionnaire_round_is_closed(checked_round BIGINT) RETURNS boolean AS $$
    SELECT EXISTS (SELECT 1 FROM questionnaire_rounds r WHERE r.id = checked_round
                   AND (r.closed_at IS NOT NULL OR r.results_released_at IS NOT NULL));
$$ LANGUAGE sql STABLE;

CREATE FUNCTION questionnaire_responses_open_rounds_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' AND questionnaire_round_is_closed(NEW.round_id) THEN
        RAISE EXCEPTION 'the questionnaire round is closed: no more responses';
    END IF;
    IF TG_OP = 'UPDATE' AND (questionnaire_round_is_closed(OLD.round_id) OR questionnaire_round_is_closed(NEW.round_id)) THEN
        RAISE EXCEPTION 'the questionnaire round is closed: its responses do not change';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER questionnaire_responses_open_rounds_only BEFORE INSERT ON questionnaire_responses
    FOR EACH ROW EXECUTE FUNCTION questionnaire_responses_open_rounds_only();

CREATE TRIGGER questionnaire_responses_frozen BEFORE UPDATE OF round_id, version_id, answers, scores
    ON questionnaire_responses
    FOR EACH ROW EXECUTE FUNCTION questionnaire_responses_open_rounds_only();

CREATE FUNCTION questionnaire_rounds_stay_closed() RETURNS trigger AS $$
BEGIN
    IF (OLD.closed_at IS NOT NULL AND NEW.closed_at IS DISTINCT FROM OLD.closed_at)
       OR (OLD.results_released_at IS NOT NULL AND NEW.results_released_at IS DISTINCT FROM OLD.results_released_at) THEN
        RAISE EXCEPTION 'a closed questionnaire round stays closed';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER questionnaire_rounds_stay_closed BEFORE UPDATE OF closed_at, results_released_at
    ON questionnaire_rounds
    FOR EACH ROW EXECUTE FUNCTION questionnaire_rounds_stay_closed();
