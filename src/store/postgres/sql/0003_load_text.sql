-- Loading the team's book reads every prospect's JSON, and every live decision's, as text.
-- JSONB keeps a parsed tree and turns it back into text on every read: for 100 000 prospects
-- that conversion took more than half of the server's time in a load (docs/PERFORMANCE.md,
-- issue 16). The text is now kept beside the tree, written by the server from the JSONB on
-- every insert and update: a generated column, which no client can write, so it never
-- disagrees with the JSONB. The JSONB stays the data: the indexed columns, the checks, the
-- credit-role check and any query read it.

ALTER TABLE dealdesk.prospects ADD COLUMN data_text text GENERATED ALWAYS AS (data::text) STORED;
ALTER TABLE dealdesk.decisions ADD COLUMN record_text text GENERATED ALWAYS AS (record::text) STORED;
