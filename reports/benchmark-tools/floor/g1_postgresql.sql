-- Gate G1 of docs/adr/0001-storage-for-bulk-throughput.md, PostgreSQL: as g1_sqlite.sql (read its header), in a
-- database the product migrated (uuid keys; the posted-entry guard uses the product's own function). Variables set by
-- g1.sh: c company id, bank and exp account ids, batch an import batch id, n transactions. Timing is on from the first
-- variant's statement, so a variant's own setup (dropping indexes or constraints, creating its triggers) is in its
-- sum too: a few milliseconds.
DROP TABLE IF EXISTS g_bank_line; DROP TABLE IF EXISTS g_entry;
CREATE TABLE g_entry (
    company_id  uuid         NOT NULL,
    id          uuid         NOT NULL,
    entry_date  VARCHAR(10)  NOT NULL,
    description VARCHAR(500) NOT NULL,
    memo        VARCHAR(2000),
    status      VARCHAR(10)  NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    currency    CHAR(3)      NOT NULL,
    reversal_of uuid,
    created_by  VARCHAR(36),
    created_at  VARCHAR(27)  NOT NULL,
    decided_by  VARCHAR(36),
    decided_at  VARCHAR(27),
    posted_at   VARCHAR(27),
    version     INTEGER      NOT NULL DEFAULT 0,
    -- D2: the two lines of a two-line entry; NULL on an entry whose lines are in journal_line
    debit_account_id  uuid,
    credit_account_id uuid,
    amount_minor      BIGINT,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_g_entry_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_g_entry_reversal FOREIGN KEY (company_id, reversal_of) REFERENCES g_entry (company_id, id),
    CONSTRAINT fk_g_entry_debit FOREIGN KEY (company_id, debit_account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_g_entry_credit FOREIGN KEY (company_id, credit_account_id) REFERENCES account (company_id, id),
    CONSTRAINT uq_g_entry_reversal UNIQUE (company_id, reversal_of),
    CONSTRAINT ck_g_entry_status CHECK (status IN ('PROPOSED', 'APPROVED', 'POSTED', 'REJECTED')),
    CONSTRAINT ck_g_entry_date CHECK (entry_date LIKE '____-__-__'),
    CONSTRAINT ck_g_entry_two_lines CHECK ((debit_account_id IS NULL AND credit_account_id IS NULL AND amount_minor IS NULL)
        OR (debit_account_id IS NOT NULL AND credit_account_id IS NOT NULL AND amount_minor > 0 AND debit_account_id <> credit_account_id))
);
CREATE INDEX ix_g_entry_status_date ON g_entry (company_id, status, entry_date);
CREATE INDEX ix_g_entry_date ON g_entry (company_id, entry_date);
CREATE INDEX ix_g_entry_debit ON g_entry (company_id, debit_account_id) WHERE debit_account_id IS NOT NULL;
CREATE INDEX ix_g_entry_credit ON g_entry (company_id, credit_account_id) WHERE credit_account_id IS NOT NULL;
CREATE TRIGGER tr_g_entry_posted_immutable BEFORE UPDATE OR DELETE ON g_entry
FOR EACH ROW WHEN (OLD.status = 'POSTED') EXECUTE FUNCTION bk_refuse_posted_entry_change();

CREATE TABLE g_bank_line (
    company_id             uuid          NOT NULL,
    id                     uuid          NOT NULL,
    bank_account_id        uuid          NOT NULL,
    batch_id               uuid          NOT NULL,
    booking_date           VARCHAR(10)   NOT NULL,
    value_date             VARCHAR(10),
    amount_minor           BIGINT        NOT NULL,
    currency               CHAR(3)       NOT NULL,
    description            VARCHAR(1000) NOT NULL,
    normalized_description VARCHAR(1000) NOT NULL,
    counterparty           VARCHAR(300),
    reference              VARCHAR(200),
    bank_txn_id            VARCHAR(200),
    fingerprint            VARCHAR(250)  NOT NULL,
    occurrence             INTEGER       NOT NULL,
    status                 VARCHAR(10)   NOT NULL,
    linked_to              uuid,
    transfer_pair_id       uuid,
    source_line            INTEGER       NOT NULL,
    created_at             VARCHAR(27)   NOT NULL,
    -- D1: the proposal (review's columns, written through the bankline module's API)
    entry_id               uuid,
    predicted_account_code VARCHAR(20),
    confidence_bp          INTEGER,
    tier                   VARCHAR(12),
    proposal_source        VARCHAR(200),
    outcome                VARCHAR(16),
    approved_account_code  VARCHAR(20),
    decided_by             VARCHAR(36),
    decided_at             VARCHAR(27),
    proposed_at            VARCHAR(27),
    -- D1: the settlement by the entry booked from this line (reconcile's columns)
    settled_kind           VARCHAR(12),
    settled_score_bp       INTEGER,
    settled_at             VARCHAR(27),
    PRIMARY KEY (company_id, id),
    CONSTRAINT uq_g_line_fingerprint UNIQUE (company_id, bank_account_id, fingerprint),
    CONSTRAINT uq_g_line_entry UNIQUE (company_id, entry_id),
    CONSTRAINT fk_g_line_account FOREIGN KEY (company_id, bank_account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_g_line_batch FOREIGN KEY (company_id, batch_id) REFERENCES import_batch (company_id, id),
    CONSTRAINT fk_g_line_linked FOREIGN KEY (company_id, linked_to) REFERENCES g_bank_line (company_id, id),
    CONSTRAINT fk_g_line_entry FOREIGN KEY (company_id, entry_id) REFERENCES g_entry (company_id, id),
    CONSTRAINT ck_g_line_status CHECK (status IN ('BOOKED', 'PENDING')),
    CONSTRAINT ck_g_line_date CHECK (booking_date LIKE '____-__-__'),
    CONSTRAINT ck_g_line_outcome CHECK (outcome IS NULL OR outcome IN ('QUEUED', 'AUTO_APPROVED', 'APPROVED', 'CORRECTED', 'REJECTED', 'MATCHED')),
    CONSTRAINT ck_g_line_confidence CHECK (confidence_bp IS NULL OR confidence_bp BETWEEN 0 AND 10000),
    CONSTRAINT ck_g_line_proposed CHECK ((entry_id IS NULL) = (outcome IS NULL)),
    CONSTRAINT ck_g_line_settled CHECK (settled_kind IS NULL OR (entry_id IS NOT NULL AND settled_kind IN ('EXACT', 'HEURISTIC', 'MANUAL')
        AND settled_score_bp BETWEEN 0 AND 10000))
);
CREATE INDEX ix_g_line_batch ON g_bank_line (company_id, batch_id);
CREATE INDEX ix_g_line_account_date ON g_bank_line (company_id, bank_account_id, booking_date);
CREATE INDEX ix_g_line_linked ON g_bank_line (company_id, linked_to) WHERE linked_to IS NOT NULL;
CREATE INDEX ix_g_line_date ON g_bank_line (company_id, booking_date);
CREATE INDEX ix_g_line_outcome ON g_bank_line (company_id, outcome, booking_date) WHERE outcome IS NOT NULL;
\timing on
-- @a@ import, then book and update
BEGIN;
INSERT INTO g_bank_line (company_id,id,bank_account_id,batch_id,booking_date,value_date,amount_minor,currency,description,normalized_description,counterparty,reference,bank_txn_id,fingerprint,occurrence,status,linked_to,transfer_pair_id,source_line,created_at)
SELECT :'c'::uuid, ('ffff0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, :'bank'::uuid, :'batch'::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), null, -(1000 + i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'card purchase sysco foods san francisco ca', 'SYSCO', null, null, 'fp' || i, 1, 'BOOKED', null, null, i, '2026-11-26T02:00:00.000000Z' FROM generate_series(1,:n) i;
COMMIT;
BEGIN;
INSERT INTO g_entry (company_id,id,entry_date,description,memo,status,source,currency,reversal_of,created_by,created_at,decided_by,decided_at,posted_at,version,debit_account_id,credit_account_id,amount_minor)
SELECT :'c'::uuid, ('eeee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), null, CASE WHEN i%3=0 THEN 'APPROVED' ELSE 'PROPOSED' END, 'IMPORT', 'USD', null, null, '2026-11-26T02:00:00.000000Z', null, null, null, 0, :'exp'::uuid, :'bank'::uuid, 1000+i%5000 FROM generate_series(1,:n) i;
UPDATE g_bank_line SET entry_id = ('eeee0000-0000-7000-8000-' || lpad(s.i::text,12,'0'))::uuid, predicted_account_code = '6000', confidence_bp = 9000, tier = 'RULE',
    proposal_source = 'rule sysco', outcome = CASE WHEN s.i%3=0 THEN 'AUTO_APPROVED' ELSE 'QUEUED' END, proposed_at = '2026-11-26T02:00:00.000000Z',
    settled_kind = 'EXACT', settled_score_bp = 10000, settled_at = '2026-11-26T02:00:00.000000Z'
FROM generate_series(1,:n) s(i) WHERE g_bank_line.company_id = :'c'::uuid AND g_bank_line.id = ('ffff0000-0000-7000-8000-' || lpad(s.i::text,12,'0'))::uuid;
COMMIT;
-- @b@ the same rows, the lines inserted with their state once the entries are booked
BEGIN;
INSERT INTO g_entry (company_id,id,entry_date,description,memo,status,source,currency,reversal_of,created_by,created_at,decided_by,decided_at,posted_at,version,debit_account_id,credit_account_id,amount_minor)
SELECT :'c'::uuid, ('edee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), null, CASE WHEN i%3=0 THEN 'APPROVED' ELSE 'PROPOSED' END, 'IMPORT', 'USD', null, null, '2026-11-26T02:00:00.000000Z', null, null, null, 0, :'exp'::uuid, :'bank'::uuid, 1000+i%5000 FROM generate_series(1,:n) i;
INSERT INTO g_bank_line (company_id,id,bank_account_id,batch_id,booking_date,value_date,amount_minor,currency,description,normalized_description,counterparty,reference,bank_txn_id,fingerprint,occurrence,status,linked_to,transfer_pair_id,source_line,created_at,
    entry_id,predicted_account_code,confidence_bp,tier,proposal_source,outcome,proposed_at,settled_kind,settled_score_bp,settled_at)
SELECT :'c'::uuid, ('fdff0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, :'bank'::uuid, :'batch'::uuid, to_char(date '2015-01-01' + (i/300), 'YYYY-MM-DD'), null, -(1000 + i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'card purchase sysco foods san francisco ca', 'SYSCO', null, null, 'fq' || i, 1, 'BOOKED', null, null, i, '2026-11-26T02:00:00.000000Z',
    ('edee0000-0000-7000-8000-' || lpad(i::text,12,'0'))::uuid, '6000', 9000, 'RULE', 'rule sysco', CASE WHEN i%3=0 THEN 'AUTO_APPROVED' ELSE 'QUEUED' END, '2026-11-26T02:00:00.000000Z', 'EXACT', 10000, '2026-11-26T02:00:00.000000Z' FROM generate_series(1,:n) i;
COMMIT;
-- @c@ (b)'s statements after these, without the nine secondary indexes (ix_*; the keys, unique keys, foreign
-- keys, checks and guards stay):
-- what the indexes that serve the reports, the review queue and the lookups cost
DROP INDEX ix_g_entry_status_date; DROP INDEX ix_g_entry_date; DROP INDEX ix_g_entry_debit; DROP INDEX ix_g_entry_credit;
DROP INDEX ix_g_line_batch; DROP INDEX ix_g_line_account_date; DROP INDEX ix_g_line_linked; DROP INDEX ix_g_line_date;
DROP INDEX ix_g_line_outcome;
-- @d@ (b)'s statements after these, as (c) and without the foreign keys' checks: an upper bound for checking the
-- references once per statement
ALTER TABLE g_entry DROP CONSTRAINT fk_g_entry_company, DROP CONSTRAINT fk_g_entry_reversal, DROP CONSTRAINT fk_g_entry_debit,
    DROP CONSTRAINT fk_g_entry_credit;
ALTER TABLE g_bank_line DROP CONSTRAINT fk_g_line_account, DROP CONSTRAINT fk_g_line_batch, DROP CONSTRAINT fk_g_line_linked,
    DROP CONSTRAINT fk_g_line_entry;
DROP INDEX ix_g_entry_status_date; DROP INDEX ix_g_entry_date; DROP INDEX ix_g_entry_debit; DROP INDEX ix_g_entry_credit;
DROP INDEX ix_g_line_batch; DROP INDEX ix_g_line_account_date; DROP INDEX ix_g_line_linked; DROP INDEX ix_g_line_date;
DROP INDEX ix_g_line_outcome;
-- @e@ (b)'s statements after these, with ADR 0001's "D4, revised": the references to parents that are never deleted
-- (company, account, import batch, journal entry) checked once per statement, for existence and without locks, in place of their foreign
-- keys; guards on those parents refuse deleting or truncating them and changing their keys, so that no check can be
-- raced. Only the self-references, NULL on nearly every row, stay foreign keys. (The update and truncate triggers
-- were added after the recorded run; none of them fires here, where rows are only inserted.)
ALTER TABLE g_entry DROP CONSTRAINT fk_g_entry_company, DROP CONSTRAINT fk_g_entry_debit, DROP CONSTRAINT fk_g_entry_credit;
ALTER TABLE g_bank_line DROP CONSTRAINT fk_g_line_account, DROP CONSTRAINT fk_g_line_batch, DROP CONSTRAINT fk_g_line_entry;
CREATE FUNCTION g_refuse_parent_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are never deleted and their keys never change', TG_TABLE_NAME USING ERRCODE = '23503';
END $$ LANGUAGE plpgsql;
CREATE TRIGGER g_company_kept BEFORE DELETE OR UPDATE OF id ON company FOR EACH ROW EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_account_kept BEFORE DELETE OR UPDATE OF company_id, id ON account FOR EACH ROW EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_batch_kept BEFORE DELETE OR UPDATE OF company_id, id ON import_batch FOR EACH ROW EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_entry_kept BEFORE DELETE OR UPDATE OF company_id, id ON g_entry FOR EACH ROW EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_company_not_truncated BEFORE TRUNCATE ON company FOR EACH STATEMENT EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_account_not_truncated BEFORE TRUNCATE ON account FOR EACH STATEMENT EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_batch_not_truncated BEFORE TRUNCATE ON import_batch FOR EACH STATEMENT EXECUTE FUNCTION g_refuse_parent_change();
CREATE TRIGGER g_entry_not_truncated BEFORE TRUNCATE ON g_entry FOR EACH STATEMENT EXECUTE FUNCTION g_refuse_parent_change();
CREATE FUNCTION g_entry_refs() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT company_id FROM new_rows) n
               WHERE NOT EXISTS (SELECT 1 FROM company p WHERE p.id = n.company_id)) THEN
        RAISE EXCEPTION 'an entry names a company that does not exist' USING ERRCODE = '23503';
    END IF;
    IF EXISTS (SELECT 1 FROM (SELECT company_id, debit_account_id AS a FROM new_rows WHERE debit_account_id IS NOT NULL
                              UNION SELECT company_id, credit_account_id FROM new_rows WHERE credit_account_id IS NOT NULL) n
               WHERE NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.a)) THEN
        RAISE EXCEPTION 'an entry names an account that does not exist' USING ERRCODE = '23503';
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER g_entry_refs AFTER INSERT ON g_entry REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION g_entry_refs();
-- an update names its references anew, as a foreign key would check them (this variant only inserts: not timed here)
CREATE TRIGGER g_entry_refs_updated AFTER UPDATE ON g_entry REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION g_entry_refs();
CREATE FUNCTION g_line_refs() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT company_id, bank_account_id, batch_id FROM new_rows) n
               WHERE NOT EXISTS (SELECT 1 FROM account p WHERE p.company_id = n.company_id AND p.id = n.bank_account_id)
                  OR NOT EXISTS (SELECT 1 FROM import_batch p WHERE p.company_id = n.company_id AND p.id = n.batch_id)) THEN
        RAISE EXCEPTION 'a bank line names an account or an import that does not exist' USING ERRCODE = '23503';
    END IF;
    IF EXISTS (SELECT 1 FROM new_rows n WHERE n.entry_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM g_entry p WHERE p.company_id = n.company_id AND p.id = n.entry_id)) THEN
        RAISE EXCEPTION 'a bank line names an entry that does not exist' USING ERRCODE = '23503';
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER g_line_refs AFTER INSERT ON g_bank_line REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION g_line_refs();
CREATE TRIGGER g_line_refs_updated AFTER UPDATE ON g_bank_line REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION g_line_refs();
