-- The team store: prospects (indexed columns for what the desk sorts and filters on, the rest
-- as JSONB, a version per row, who changed it and when), decisions (append-only: the audit
-- trail), the team policy (versioned rows), the id counter, and the three group roles.
-- The database, not the client, stamps who and when: the user is the role (current_user).

-- Roles belong to the whole cluster: another database's init may be making them right now,
-- so each step tolerates finding its work done.
DO $$
DECLARE
    want text[][] := ARRAY[['dealdesk_read', NULL], ['dealdesk_write', 'dealdesk_read'],
                           ['dealdesk_credit', 'dealdesk_write']];
    i int;
BEGIN
    FOR i IN 1 .. array_length(want, 1) LOOP
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = want[i][1]) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', want[i][1]);
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
        BEGIN
            IF want[i][2] IS NOT NULL AND NOT pg_has_role(want[i][1], want[i][2], 'MEMBER') THEN
                EXECUTE format('GRANT %I TO %I', want[i][2], want[i][1]);
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END LOOP;
END
$$;

CREATE TABLE dealdesk.prospects (
    id bigint PRIMARY KEY CHECK (id > 0),
    -- The prospect as the JSON store writes it, without its id and its decision history.
    data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
    name text GENERATED ALWAYS AS (data ->> 'name') STORED,
    registration text GENERATED ALWAYS AS (data ->> 'registration') STORED,
    country text GENERATED ALWAYS AS (data ->> 'country') STORED,
    status text GENERATED ALWAYS AS (data ->> 'status') STORED,
    version bigint NOT NULL DEFAULT 1,
    changed_by name NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    -- Deleting a prospect archives it: it keeps its decisions and leaves the desk.
    archived_at timestamptz
);
CREATE INDEX prospects_name ON dealdesk.prospects (name);
CREATE INDEX prospects_registration ON dealdesk.prospects (registration);
CREATE INDEX prospects_country_name ON dealdesk.prospects (country, name);
CREATE INDEX prospects_status ON dealdesk.prospects (status);

CREATE FUNCTION dealdesk.stamp_prospect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := current_user;
    NEW.changed_at := now();
    IF TG_OP = 'INSERT' THEN
        NEW.version := 1;
    ELSE
        IF NEW.id <> OLD.id THEN
            RAISE EXCEPTION 'a prospect''s id never changes (% to %)', OLD.id, NEW.id;
        END IF;
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON dealdesk.prospects
    FOR EACH ROW EXECUTE FUNCTION dealdesk.stamp_prospect();

-- Every committed change reaches the open desks: "id version".
CREATE FUNCTION dealdesk.announce_prospect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dealdesk_prospects', NEW.id::text || ' ' || NEW.version::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER announce AFTER INSERT OR UPDATE ON dealdesk.prospects
    FOR EACH ROW EXECUTE FUNCTION dealdesk.announce_prospect();

CREATE FUNCTION dealdesk.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% keeps its rows: they are never % (an audit trail)', TG_TABLE_NAME,
        CASE TG_OP WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'archive a prospect, reverse a decision, save a new policy version';
END
$$;
CREATE TRIGGER keep BEFORE DELETE ON dealdesk.prospects
    FOR EACH ROW EXECUTE FUNCTION dealdesk.refuse_rewrite();

CREATE TABLE dealdesk.decisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    prospect_id bigint NOT NULL REFERENCES dealdesk.prospects (id),
    -- A reversal takes back one earlier decision (an undo); it has no record of its own.
    reverses bigint UNIQUE REFERENCES dealdesk.decisions (id),
    status text,
    deviations jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(deviations) = 'array'),
    -- The decision as the desk records it (date, status, agreed terms, note, …).
    record jsonb,
    decided_by name NOT NULL DEFAULT current_user,
    decided_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((reverses IS NULL) = (record IS NOT NULL))
);
CREATE INDEX decisions_prospect ON dealdesk.decisions (prospect_id, id);

CREATE FUNCTION dealdesk.stamp_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.decided_by := current_user;
    NEW.decided_at := now();
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
CREATE TRIGGER stamp BEFORE INSERT ON dealdesk.decisions
    FOR EACH ROW EXECUTE FUNCTION dealdesk.stamp_decision();
CREATE TRIGGER keep BEFORE UPDATE OR DELETE ON dealdesk.decisions
    FOR EACH ROW EXECUTE FUNCTION dealdesk.refuse_rewrite();
CREATE TRIGGER keep_all BEFORE TRUNCATE ON dealdesk.decisions
    FOR EACH STATEMENT EXECUTE FUNCTION dealdesk.refuse_rewrite();

CREATE TABLE dealdesk.team_policies (
    version bigint PRIMARY KEY CHECK (version > 0),
    policy jsonb NOT NULL CHECK (jsonb_typeof(policy) = 'object'),
    saved_by name NOT NULL DEFAULT current_user,
    saved_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION dealdesk.stamp_policy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.saved_by := current_user;
    NEW.saved_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER stamp BEFORE INSERT ON dealdesk.team_policies
    FOR EACH ROW EXECUTE FUNCTION dealdesk.stamp_policy();
CREATE TRIGGER keep BEFORE UPDATE OR DELETE ON dealdesk.team_policies
    FOR EACH ROW EXECUTE FUNCTION dealdesk.refuse_rewrite();

-- Ids for new prospects: each desk and each import reserves a block, so that two writers never
-- pick the same id.
CREATE TABLE dealdesk.id_counter (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    next_id bigint NOT NULL CHECK (next_id > 0)
);
INSERT INTO dealdesk.id_counter (next_id) VALUES (1);

CREATE FUNCTION dealdesk.reserve_ids(count bigint) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    UPDATE dealdesk.id_counter SET next_id = next_id + count WHERE count > 0 RETURNING next_id - count
$$;
-- After a copy brings its own ids: new ones start above them.
CREATE FUNCTION dealdesk.reserve_past(highest bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    UPDATE dealdesk.id_counter SET next_id = greatest(next_id, highest + 1)
$$;
REVOKE ALL ON FUNCTION dealdesk.reserve_ids(bigint), dealdesk.reserve_past(bigint) FROM PUBLIC;

GRANT USAGE ON SCHEMA dealdesk TO dealdesk_read;
GRANT SELECT ON ALL TABLES IN SCHEMA dealdesk TO dealdesk_read;
GRANT INSERT (id, data, archived_at), UPDATE (data, archived_at) ON dealdesk.prospects TO dealdesk_write;
GRANT INSERT (prospect_id, reverses, status, deviations, record) ON dealdesk.decisions TO dealdesk_write;
GRANT EXECUTE ON FUNCTION dealdesk.reserve_ids(bigint), dealdesk.reserve_past(bigint) TO dealdesk_write;
GRANT INSERT (version, policy) ON dealdesk.team_policies TO dealdesk_credit;
REVOKE UPDATE, DELETE, TRUNCATE ON dealdesk.decisions, dealdesk.team_policies FROM PUBLIC;
