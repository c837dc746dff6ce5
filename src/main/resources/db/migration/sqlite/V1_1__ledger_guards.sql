-- SQLite cannot defer a constraint to commit, so the balance rule is checked whenever an entry moves to
-- APPROVED or POSTED (its lines are in place by then); the domain type checks every entry before it is written.
-- A posted entry and its lines never change: corrections are reversal entries.

CREATE TRIGGER tr_entry_posted_immutable
BEFORE UPDATE ON journal_entry
WHEN OLD.status = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and cannot be changed; post a reversal instead');
END;

CREATE TRIGGER tr_entry_posted_undeletable
BEFORE DELETE ON journal_entry
WHEN OLD.status = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and cannot be deleted; post a reversal instead');
END;

CREATE TRIGGER tr_entry_balanced_on_decision
BEFORE UPDATE OF status ON journal_entry
WHEN NEW.status IN ('APPROVED', 'POSTED')
 AND ((SELECT COUNT(*) FROM journal_line l WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id) < 2
   OR (SELECT SUM(l.debit_minor) - SUM(l.credit_minor) FROM journal_line l
        WHERE l.company_id = NEW.company_id AND l.entry_id = NEW.id) <> 0)
BEGIN
    SELECT RAISE(ABORT, 'journal entry does not balance: debits must equal credits over at least two lines');
END;

CREATE TRIGGER tr_line_insert_posted
BEFORE INSERT ON journal_line
WHEN (SELECT status FROM journal_entry e WHERE e.company_id = NEW.company_id AND e.id = NEW.entry_id) = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and its lines cannot be changed; post a reversal instead');
END;

CREATE TRIGGER tr_line_update_posted
BEFORE UPDATE ON journal_line
WHEN (SELECT status FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.id = OLD.entry_id) = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and its lines cannot be changed; post a reversal instead');
END;

CREATE TRIGGER tr_line_delete_posted
BEFORE DELETE ON journal_line
WHEN (SELECT status FROM journal_entry e WHERE e.company_id = OLD.company_id AND e.id = OLD.entry_id) = 'POSTED'
BEGIN
    SELECT RAISE(ABORT, 'journal entry is posted and its lines cannot be changed; post a reversal instead');
END;
