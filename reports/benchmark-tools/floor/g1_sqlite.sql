-- Gate G1 of docs/adr/0001-storage-for-bulk-throughput.md, SQLite: the rows of ADR 0001 (D1: one bank-line row that
-- carries its proposal and settlement; D2: an entry with two lines stored as one row; D3: 16-byte keys), with every
-- constraint, index and guard the product's tables have today kept, beside the product's own tables in a database the
-- product migrated. Comparison only, not the product's schema. g1.sh replaces @C@, @BANK@, @EXP@, @BATCH@ and @N@.
-- The variants, each on its own copy of the database (g1.sh puts the tables, a variant's part and, for c to e, b's
-- part after it):
--   (a) the import inserts the bank lines; then the pipeline books the entries and UPDATEs each line with its proposal
--       and settlement (the order the product has now);
--   (b) the bank lines are inserted once their entries are booked, with their state (a pipeline that categorizes and
--       books before it stores the lines);
--   (c) as (b), without the secondary indexes;
--   (d) as (c), without the foreign keys' checks;
--   (e) PostgreSQL only (g1_postgresql.sql).
-- Timing is on from the first variant's statement, so a variant's own setup (dropping indexes, the pragma) is in its
-- sum too: a millisecond or two.
PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;
DROP TABLE IF EXISTS g_bank_line; DROP TABLE IF EXISTS g_entry;
CREATE TABLE g_entry (
    company_id  VARCHAR(36)  NOT NULL,
    id          VARCHAR(36)  NOT NULL,
    entry_date  VARCHAR(10)  NOT NULL,
    description VARCHAR(500) NOT NULL,
    memo        VARCHAR(2000),
    status      VARCHAR(10)  NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    currency    CHAR(3)      NOT NULL,
    reversal_of VARCHAR(36),
    created_by  VARCHAR(36),
    created_at  VARCHAR(27)  NOT NULL,
    decided_by  VARCHAR(36),
    decided_at  VARCHAR(27),
    posted_at   VARCHAR(27),
    version     INTEGER      NOT NULL DEFAULT 0,
    -- D2: the two lines of a two-line entry; NULL on an entry whose lines are in journal_line
    debit_account_id  VARCHAR(36),
    credit_account_id VARCHAR(36),
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
CREATE TRIGGER tr_g_entry_posted_immutable BEFORE UPDATE ON g_entry WHEN OLD.status = 'POSTED'
BEGIN SELECT RAISE(ABORT, 'journal entry is posted and cannot be changed; post a reversal instead'); END;
CREATE TRIGGER tr_g_entry_posted_undeletable BEFORE DELETE ON g_entry WHEN OLD.status = 'POSTED'
BEGIN SELECT RAISE(ABORT, 'journal entry is posted and cannot be deleted; post a reversal instead'); END;

CREATE TABLE g_bank_line (
    company_id             VARCHAR(36)   NOT NULL,
    id                     VARCHAR(36)   NOT NULL,
    bank_account_id        VARCHAR(36)   NOT NULL,
    batch_id               VARCHAR(36)   NOT NULL,
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
    linked_to              VARCHAR(36),
    transfer_pair_id       VARCHAR(36),
    source_line            INTEGER       NOT NULL,
    created_at             VARCHAR(27)   NOT NULL,
    -- D1: the proposal (review's columns, written through the bankline module's API)
    entry_id               VARCHAR(36),
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
.timer on
-- @a@ import, then book and update
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO g_bank_line (company_id,id,bank_account_id,batch_id,booking_date,value_date,amount_minor,currency,description,normalized_description,counterparty,reference,bank_txn_id,fingerprint,occurrence,status,linked_to,transfer_pair_id,source_line,created_at)
SELECT X'@C@', CAST(printf('ffff%012d',i) AS BLOB), X'@BANK@', X'@BATCH@', date('2015-01-01', '+' || (i/300) || ' days'), null, -(1000 + i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'card purchase sysco foods san francisco ca', 'SYSCO', null, null, 'fp' || i, 1, 'BOOKED', null, null, i, '2026-11-26T02:00:00.000000Z' FROM s;
COMMIT;
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO g_entry (company_id,id,entry_date,description,memo,status,source,currency,reversal_of,created_by,created_at,decided_by,decided_at,posted_at,version,debit_account_id,credit_account_id,amount_minor)
SELECT X'@C@', CAST(printf('eeee%012d',i) AS BLOB), date('2015-01-01', '+' || (i/300) || ' days'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), null, CASE WHEN i%3=0 THEN 'APPROVED' ELSE 'PROPOSED' END, 'IMPORT', 'USD', null, null, '2026-11-26T02:00:00.000000Z', null, null, null, 0, X'@EXP@', X'@BANK@', 1000+i%5000 FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
UPDATE g_bank_line SET entry_id = CAST(printf('eeee%012d',s.i) AS BLOB), predicted_account_code = '6000', confidence_bp = 9000, tier = 'RULE',
    proposal_source = 'rule sysco', outcome = CASE WHEN s.i%3=0 THEN 'AUTO_APPROVED' ELSE 'QUEUED' END, proposed_at = '2026-11-26T02:00:00.000000Z',
    settled_kind = 'EXACT', settled_score_bp = 10000, settled_at = '2026-11-26T02:00:00.000000Z'
FROM s WHERE g_bank_line.company_id = X'@C@' AND g_bank_line.id = CAST(printf('ffff%012d',s.i) AS BLOB);
COMMIT;
-- @b@ the same rows, the lines inserted with their state once the entries are booked
BEGIN;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO g_entry (company_id,id,entry_date,description,memo,status,source,currency,reversal_of,created_by,created_at,decided_by,decided_at,posted_at,version,debit_account_id,credit_account_id,amount_minor)
SELECT X'@C@', CAST(printf('edee%012d',i) AS BLOB), date('2015-01-01', '+' || (i/300) || ' days'), 'CARD PURCHASE SYSCO FOODS #' || (i%997), null, CASE WHEN i%3=0 THEN 'APPROVED' ELSE 'PROPOSED' END, 'IMPORT', 'USD', null, null, '2026-11-26T02:00:00.000000Z', null, null, null, 0, X'@EXP@', X'@BANK@', 1000+i%5000 FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < @N@)
INSERT INTO g_bank_line (company_id,id,bank_account_id,batch_id,booking_date,value_date,amount_minor,currency,description,normalized_description,counterparty,reference,bank_txn_id,fingerprint,occurrence,status,linked_to,transfer_pair_id,source_line,created_at,
    entry_id,predicted_account_code,confidence_bp,tier,proposal_source,outcome,proposed_at,settled_kind,settled_score_bp,settled_at)
SELECT X'@C@', CAST(printf('fdff%012d',i) AS BLOB), X'@BANK@', X'@BATCH@', date('2015-01-01', '+' || (i/300) || ' days'), null, -(1000 + i%5000), 'USD', 'CARD PURCHASE SYSCO FOODS #' || (i%997) || ' SAN FRANCISCO CA', 'card purchase sysco foods san francisco ca', 'SYSCO', null, null, 'fq' || i, 1, 'BOOKED', null, null, i, '2026-11-26T02:00:00.000000Z',
    CAST(printf('edee%012d',i) AS BLOB), '6000', 9000, 'RULE', 'rule sysco', CASE WHEN i%3=0 THEN 'AUTO_APPROVED' ELSE 'QUEUED' END, '2026-11-26T02:00:00.000000Z', 'EXACT', 10000, '2026-11-26T02:00:00.000000Z' FROM s;
COMMIT;
-- @c@ (b)'s statements after these, without the nine secondary indexes (ix_*; the keys, unique keys, foreign
-- keys, checks and guards stay):
-- what the indexes that serve the reports, the review queue and the lookups cost
DROP INDEX ix_g_entry_status_date; DROP INDEX ix_g_entry_date; DROP INDEX ix_g_entry_debit; DROP INDEX ix_g_entry_credit;
DROP INDEX ix_g_line_batch; DROP INDEX ix_g_line_account_date; DROP INDEX ix_g_line_linked; DROP INDEX ix_g_line_date;
DROP INDEX ix_g_line_outcome;
-- @d@ (b)'s statements after these, as (c) and without the foreign keys' checks: an upper bound for checking the
-- references once per statement
PRAGMA foreign_keys=OFF;
DROP INDEX ix_g_entry_status_date; DROP INDEX ix_g_entry_date; DROP INDEX ix_g_entry_debit; DROP INDEX ix_g_entry_credit;
DROP INDEX ix_g_line_batch; DROP INDEX ix_g_line_account_date; DROP INDEX ix_g_line_linked; DROP INDEX ix_g_line_date;
DROP INDEX ix_g_line_outcome;
