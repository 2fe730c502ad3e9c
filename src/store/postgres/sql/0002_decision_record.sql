-- The decision record of store schema 4 (issue 13): the record (JSONB) carries its local date
-- and time, who decided, the agreed terms, its deviations from policy, its note and what the
-- review date follows from. The columns the SQL checks see are now taken from the record
-- itself, so that a client cannot file a record with deviations under an empty column: the
-- credit-role check reads the real deviations. `decided_by` and `decided_at` stay the
-- database's own (current_user, now()): the audit trail says who wrote it, whatever the
-- record claims.

CREATE OR REPLACE FUNCTION dealdesk.stamp_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.decided_by := current_user;
    NEW.decided_at := now();
    IF NEW.record IS NOT NULL THEN
        IF jsonb_typeof(NEW.record) <> 'object' THEN
            RAISE EXCEPTION 'a decision record is a JSON object, not %', jsonb_typeof(NEW.record);
        END IF;
        NEW.deviations := coalesce(NEW.record -> 'deviations', '[]'::jsonb);
        IF jsonb_typeof(NEW.deviations) <> 'array' THEN
            RAISE EXCEPTION 'a decision''s deviations are a list, not %', jsonb_typeof(NEW.deviations);
        END IF;
        NEW.status := NEW.record ->> 'status';
    ELSE
        NEW.deviations := '[]'::jsonb;
        NEW.status := NULL;
    END IF;
    IF jsonb_array_length(NEW.deviations) > 0
       AND NOT pg_has_role(current_user, 'dealdesk_credit', 'MEMBER') THEN
        RAISE EXCEPTION 'only a member of dealdesk_credit may record a decision outside policy (% deviation(s)); % is not one',
            jsonb_array_length(NEW.deviations), current_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'record it on the policy''s terms, or ask the credit manager to decide';
    END IF;
    IF NEW.reverses IS NOT NULL AND NOT EXISTS (
        SELECT FROM dealdesk.decisions d
        WHERE d.id = NEW.reverses AND d.prospect_id = NEW.prospect_id AND d.reverses IS NULL
    ) THEN
        RAISE EXCEPTION 'decision % is not a decision on prospect %', NEW.reverses, NEW.prospect_id;
    END IF;
    RETURN NEW;
END
$$;
