package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.platform.BulkInsert;
import ai.bookkeeper.platform.InLists;
import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for reconciliation. Reads the ledger's journal_entry and journal_posting (the view of every entry's lines)
 * read-only; every statement filters on company_id first.
 */
@Repository
class ReconcileRepository {

    private static final int BATCH = 1000;

    private static final List<String> LINE_INSERT_COLUMNS = List.of("company_id", "bank_line_id", "account_id",
            "line_date", "amount_minor", "currency", "description", "recorded_at", "match_entry_id", "match_kind",
            "match_score_bp", "match_reason", "matched_at", "matched_by");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final BulkInsert bulk;

    ReconcileRepository(JdbcClient jdbc, JdbcTemplate template, Clock clock, BulkInsert bulk) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Which ledger entries count as candidates. */
    record ItemFilter(boolean includeBankSourced, boolean excludeMatched, boolean excludeDocumentLinked) {
    }

    /**
     * Records the lines not recorded yet. Asks which exist first (one query per chunk of ids) and inserts only the
     * others, so that lines handed over again, as the pipeline does from one step to the next, cost a lookup instead
     * of an insert each (new lines cost both); the insert still ignores a line another transaction recorded in between.
     */
    void recordLines(CompanyId company, List<BankLine> lines, Instant now) {
        Set<String> recorded = recordedLines(company, lines.stream().map(BankLine::id).toList()).keySet();
        List<BankLine> fresh = recorded.isEmpty() ? lines
                : lines.stream().filter(l -> !recorded.contains(l.id())).toList();
        if (!fresh.isEmpty()) {
            insertLines(company, fresh, Map.of(), null, now, true);
        }
    }

    /**
     * Which of these lines are recorded, each with whether it is matched (to one entry, on the line, or to several, in
     * reconciliation_match: a line is recorded before it is matched, so the matched lines are among these).
     */
    Map<String, Boolean> recordedLines(CompanyId company, Collection<String> lineIds) {
        Map<String, Boolean> recorded = new HashMap<>();
        byLineChunks(company, lineIds, """
                SELECT b.bank_line_id,
                       CASE WHEN b.match_entry_id IS NOT NULL OR EXISTS (SELECT 1 FROM reconciliation_match m
                            WHERE m.company_id = b.company_id AND m.bank_line_id = b.bank_line_id) THEN 1 ELSE 0 END
                FROM reconcile_bank_line b WHERE b.company_id = ? AND b.bank_line_id IN (%s)""", rs -> {
                    recorded.put(rs.getString(1), rs.getInt(2) == 1);
                });
        return recorded;
    }

    /**
     * Inserts lines not recorded yet, each with its match of one entry from {@code matches} (by line id) if it has one,
     * in one statement (COPY on PostgreSQL): a line booked from is recorded and settled by one row.
     * {@code ignoreRecorded} skips a line recorded in between (only for lines without a match: one with a match must
     * not lose it unseen, so a clash there is a unique-key violation for the caller).
     */
    void insertLines(CompanyId company, List<BankLine> lines, Map<String, Match> matches, String actor, Instant now,
                     boolean ignoreRecorded) {
        String at = Timestamps.format(now);
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (BankLine l : lines) {
            Match m = matches.get(l.id());
            rows.add(new Object[] {company.value(), l.id(), l.bankAccount().value(), l.date().toString(),
                    l.amount().minorUnits(), l.amount().currency().value(), truncate(l.description(), 500),
                    at, m == null ? null : UUID.fromString(m.entryIds().get(0)), m == null ? null : m.kind().name(),
                    m == null ? null : m.scoreBp(), m == null ? null : truncate(m.reason(), 500), m == null ? null : at,
                    m == null ? null : actor});
        }
        if (ignoreRecorded) {
            bulk.insertSkippingConflicts("reconcile_bank_line", LINE_INSERT_COLUMNS, "company_id, bank_line_id", rows);
        } else {
            bulk.insert("reconcile_bank_line", LINE_INSERT_COLUMNS, rows);
        }
    }

    Optional<BankLine> line(CompanyId company, String id) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM reconcile_bank_line b WHERE b.company_id = ? AND b.bank_line_id = ?")
                .params(Keys.bind(company), id)
                .query((rs, n) -> line(rs)).optional();
    }

    /** Recorded bank lines dated in [from, to], optionally only those without a match, in date order. */
    List<BankLine> lines(CompanyId company, LocalDate from, LocalDate to, boolean unmatchedOnly) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM reconcile_bank_line b"
                        + " WHERE b.company_id = ? AND b.line_date >= ? AND b.line_date <= ?"
                        + (unmatchedOnly ? " AND b.match_entry_id IS NULL AND NOT EXISTS (SELECT 1 FROM"
                        + " reconciliation_match m WHERE m.company_id = b.company_id AND m.bank_line_id = b.bank_line_id)"
                        : "")
                        + " ORDER BY b.line_date, b.bank_line_id")
                .params(Keys.bind(company), from.toString(), to.toString())
                .query((rs, n) -> line(rs)).list();
    }

    /**
     * Which of these bank lines are matched. Asked by id (in chunks), not by date range: an import of a few lines
     * into a busy month should not read every match of that month.
     */
    Set<String> matchedLineIds(CompanyId company, Collection<String> lineIds) {
        Set<String> matched = new HashSet<>();
        recordedLines(company, lineIds).forEach((line, isMatched) -> {
            if (isMatched) {
                matched.add(line);
            }
        });
        return matched;
    }

    /**
     * Runs {@code sql} (company first, then {@code %s} standing for the placeholders) over the distinct line ids in
     * chunks, which keeps IN lists below both engines' parameter limits.
     */
    private void byLineChunks(CompanyId company, Collection<String> lineIds, String sql, RowCallbackHandler rows) {
        for (List<String> chunk : InLists.chunks(new ArrayList<>(new java.util.LinkedHashSet<>(lineIds)))) {
            List<Object> params = new ArrayList<>();
            params.add(Keys.bind(company));
            params.addAll(chunk);
            jdbc.sql(String.format(java.util.Locale.ROOT, sql, InLists.placeholders(chunk.size()))).params(params).query(rows);
        }
    }

    /**
     * Each live entry's signed effect (debits minus credits) on a bank account, for entries dated in [from, to]:
     * proposed, approved or posted, neither a reversal nor reversed (the pair cancels out). {@code accounts} null
     * means every bank account. An entry that touches two bank accounts (a transfer) is listed once, on the first
     * account by id, because an entry is matched at most once.
     * <p>
     * The exclusions are uncorrelated {@code NOT IN} lists (the columns are NOT NULL or filtered so), which both
     * engines evaluate once per query as a hash or a temporary index. Correlated {@code NOT EXISTS} let PostgreSQL,
     * with statistics older than a large import, re-scan a company's matches for every entry: quadratic.
     */
    List<LedgerItem> items(CompanyId company, Collection<AccountId> accounts, LocalDate from, LocalDate to,
                           ItemFilter filter) {
        List<Object> params = new ArrayList<>(List.of(Keys.bind(company), from.toString(), to.toString()));
        StringBuilder sql = new StringBuilder("""
                SELECT e.entry_id AS id, e.account_id, e.entry_date, e.currency, e.description,
                       SUM(e.debit_minor) - SUM(e.credit_minor) AS amount
                FROM journal_posting e
                JOIN account a ON a.company_id = e.company_id AND a.id = e.account_id
                WHERE e.company_id = ? AND e.entry_date >= ? AND e.entry_date <= ? AND a.is_bank = 1
                  AND e.status IN ('PROPOSED', 'APPROVED', 'POSTED') AND e.reversal_of IS NULL
                  AND e.entry_id NOT IN (SELECT r.reversal_of FROM journal_entry r
                                   WHERE r.company_id = ? AND r.reversal_of IS NOT NULL)""");
        params.add(Keys.bind(company));
        if (accounts != null) {
            if (accounts.isEmpty()) {
                return List.of();
            }
            sql.append(" AND e.account_id IN (").append(InLists.placeholders(accounts.size())).append(")");
            accounts.stream().sorted(java.util.Comparator.comparing(AccountId::toString)).map(Keys::bind)
                    .forEach(params::add);
        }
        if (!filter.includeBankSourced()) {
            sql.append(" AND e.source <> 'BANK'");
        }
        if (filter.excludeMatched()) {
            sql.append(" AND e.entry_id NOT IN (SELECT b.match_entry_id FROM reconcile_bank_line b"
                    + " WHERE b.company_id = ? AND b.match_entry_id IS NOT NULL)"
                    + " AND e.entry_id NOT IN (SELECT m.entry_id FROM reconciliation_match m WHERE m.company_id = ?)");
            params.add(Keys.bind(company));
            params.add(Keys.bind(company));
        }
        if (filter.excludeDocumentLinked()) {
            sql.append(" AND e.entry_id NOT IN (SELECT d.entry_id FROM document_link d WHERE d.company_id = ?)");
            params.add(Keys.bind(company));
        }
        sql.append(" GROUP BY e.entry_id, e.account_id, e.entry_date, e.currency, e.description"
                + " HAVING SUM(e.debit_minor) - SUM(e.credit_minor) <> 0 ORDER BY e.entry_id, e.account_id");
        Map<String, LedgerItem> byEntry = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            LedgerItem item = item(rs);
            byEntry.putIfAbsent(item.entryId(), item);
        });
        return new ArrayList<>(byEntry.values());
    }

    /** The entries' effect on {@code account} and their status, whatever their reconciliation state. */
    Map<String, ItemState> itemStates(CompanyId company, AccountId account, List<String> entryIds) {
        Map<String, ItemState> states = new HashMap<>();
        for (List<String> chunk : InLists.chunks(entryIds)) {
            List<Object> params = new ArrayList<>(List.of(Keys.bind(account), Keys.bind(company)));
            chunk.forEach(id -> params.add(Keys.bindText(id)));
            jdbc.sql("""
                    SELECT e.entry_id AS id, e.entry_date, e.currency, e.description, e.status, e.reversal_of,
                           (SELECT COUNT(*) FROM journal_entry r WHERE r.company_id = e.company_id AND r.reversal_of = e.entry_id) AS reversals,
                           COALESCE(SUM(CASE WHEN e.account_id = ? THEN e.debit_minor - e.credit_minor ELSE 0 END), 0) AS amount
                    FROM journal_posting e
                    WHERE e.company_id = ? AND e.entry_id IN (""" + InLists.placeholders(chunk.size()) + """
                    ) GROUP BY e.company_id, e.entry_id, e.entry_date, e.currency, e.description, e.status, e.reversal_of""")
                    .params(params)
                    .query(rs -> {
                        LedgerItem item = new LedgerItem(Keys.text(rs, "id"), account, LocalDate.parse(rs.getString("entry_date")),
                                Money.ofMinor(rs.getLong("amount"), CurrencyCode.of(rs.getString("currency"))),
                                rs.getString("description"));
                        states.put(item.entryId(), new ItemState(item, EntryStatus.valueOf(rs.getString("status")),
                                rs.getObject("reversal_of") != null || rs.getLong("reversals") > 0));
                    });
        }
        return states;
    }

    /** {@code cancelled}: the entry is a reversal, or has been reversed; the pair cancels out and stands for nothing. */
    record ItemState(LedgerItem item, EntryStatus status, boolean cancelled) {
    }

    /** For each of the entries that is matched, the bank line it is matched to. */
    Map<String, String> lineOfEntries(CompanyId company, Collection<String> entryIds) {
        Map<String, String> lines = new HashMap<>();
        for (List<String> chunk : InLists.chunks(new ArrayList<>(entryIds))) {
            List<Object> params = new ArrayList<>();
            params.add(Keys.bind(company));
            chunk.forEach(id -> params.add(Keys.bindText(id)));
            String in = InLists.placeholders(chunk.size());
            jdbc.sql("SELECT match_entry_id, bank_line_id FROM reconcile_bank_line WHERE company_id = ?"
                            + " AND match_entry_id IN (" + in + ")"
                            + " UNION ALL SELECT entry_id, bank_line_id FROM reconciliation_match WHERE company_id = ?"
                            + " AND entry_id IN (" + in + ")")
                    .params(twice(params))
                    .query(rs -> {
                        lines.put(Keys.text(rs, 1), rs.getString(2));
                    });
        }
        return lines;
    }

    /**
     * Of these entries, those a bank line can't be linked to: matched already, rejected, a reversal, or reversed (the
     * pair cancels out). One query per chunk, as it runs on every pipeline batch. The checks are correlated counts,
     * as in {@link #itemStates}: one index lookup per entry (uq_entry_reversal, uq_reconcile_line_match_entry,
     * uq_reconciliation_entry), which no plan turns into a scan of all the company's reversals or matches, as one may
     * for an EXISTS under OR.
     */
    Set<String> unlinkableEntries(CompanyId company, Collection<String> entryIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : InLists.chunks(new ArrayList<>(entryIds))) {
            List<Object> params = new ArrayList<>();
            params.add(Keys.bind(company));
            chunk.forEach(id -> params.add(Keys.bindText(id)));
            jdbc.sql("""
                    SELECT e.id FROM journal_entry e
                    WHERE e.company_id = ? AND e.id IN (""" + InLists.placeholders(chunk.size()) + """
                    )
                      AND (e.status = 'REJECTED' OR e.reversal_of IS NOT NULL
                           OR (SELECT COUNT(*) FROM journal_entry r
                               WHERE r.company_id = e.company_id AND r.reversal_of = e.id) > 0
                           OR (SELECT COUNT(*) FROM reconcile_bank_line b
                               WHERE b.company_id = e.company_id AND b.match_entry_id = e.id) > 0
                           OR (SELECT COUNT(*) FROM reconciliation_match m
                               WHERE m.company_id = e.company_id AND m.entry_id = e.id) > 0)""")
                    .params(params)
                    .query(rs -> {
                        found.add(Keys.text(rs, 1));
                    });
        }
        return found;
    }

    /** The pairs a person unmatched, for these bank lines. */
    Declined declined(CompanyId company, Collection<String> lineIds) {
        List<Declined.Pair> pairs = new ArrayList<>();
        byLineChunks(company, lineIds, "SELECT bank_line_id, entry_id FROM reconciliation_declined WHERE company_id = ?"
                + " AND bank_line_id IN (%s)", rs -> {
                    pairs.add(new Declined.Pair(rs.getString(1), Keys.text(rs, 2)));
                });
        return Declined.of(pairs);
    }

    void insertDeclined(CompanyId company, String lineId, Collection<String> entryIds, String actor, Instant now) {
        String at = Timestamps.format(now);
        for (String entry : entryIds) {
            jdbc.sql("INSERT INTO reconciliation_declined (company_id, bank_line_id, entry_id, declined_at, declined_by)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (company_id, bank_line_id, entry_id) DO NOTHING")
                    .params(Keys.bind(company), lineId, Keys.bindText(entry), at, actor)
                    .update();
        }
    }

    /** Forgets what was declined for the entry: a rejected or reversed entry is no candidate anyway. */
    int deleteDeclined(CompanyId company, String entryId) {
        return jdbc.sql("DELETE FROM reconciliation_declined WHERE company_id = ? AND entry_id = ?")
                .params(Keys.bind(company), Keys.bindText(entryId))
                .update();
    }

    void deleteDeclined(CompanyId company, String lineId, Collection<String> entryIds) {
        for (String entry : entryIds) {
            jdbc.sql("DELETE FROM reconciliation_declined WHERE company_id = ? AND bank_line_id = ? AND entry_id = ?")
                    .params(Keys.bind(company), lineId, Keys.bindText(entry))
                    .update();
        }
    }

    /**
     * Stores matches of recorded lines: a match of one entry on its line (which must have none; a line matched in
     * between is a {@link DuplicateKeyException}, as a unique key's refusal is), a match of several entries as one
     * reconciliation_match row per entry.
     */
    void insertMatches(CompanyId company, List<Match> matches, String actor, Instant now) {
        String at = Timestamps.format(now);
        List<Match> single = matches.stream().filter(m -> m.entryIds().size() == 1).toList();
        if (!single.isEmpty()) {
            int[][] counts = template.batchUpdate("""
                    UPDATE reconcile_bank_line SET match_entry_id = ?, match_kind = ?, match_score_bp = ?, match_reason = ?,
                                                   matched_at = ?, matched_by = ?
                    WHERE company_id = ? AND bank_line_id = ? AND match_entry_id IS NULL""", single, BATCH, (ps, m) -> {
                Keys.setText(ps, 1, m.entryIds().get(0));
                ps.setString(2, m.kind().name());
                ps.setInt(3, m.scoreBp());
                ps.setString(4, truncate(m.reason(), 500));
                ps.setString(5, at);
                ps.setString(6, actor);
                Keys.set(ps, 7, company);
                ps.setString(8, m.bankLineId());
            });
            int i = 0;
            for (int[] batch : counts) {
                for (int count : batch) {
                    if (count == 0) {
                        throw new DuplicateKeyException("Bank line " + single.get(i).bankLineId()
                                + " is matched already, or was never recorded");
                    }
                    i++;
                }
            }
        }
        record Row(Match match, String entryId) {
        }
        List<Row> rows = new ArrayList<>();
        for (Match m : matches) {
            if (m.entryIds().size() > 1) {
                for (String entry : m.entryIds()) {
                    rows.add(new Row(m, entry));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id, entry_id, kind, score_bp,
                                                  reason, created_at, created_by)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""", rows, BATCH, (ps, r) -> {
            Keys.set(ps, 1, company);
            Keys.set(ps, 2, Ids.newId(clock));
            ps.setString(3, r.match().bankLineId());
            Keys.setText(ps, 4, r.entryId());
            ps.setString(5, r.match().kind().name());
            ps.setInt(6, r.match().scoreBp());
            ps.setString(7, truncate(r.match().reason(), 500));
            ps.setString(8, at);
            ps.setString(9, actor);
        });
    }

    /** The matches of one entry (on the line) and of several (reconciliation_match): line, entry, kind, score, reason. */
    private static final String MATCH_ROWS = """
            SELECT b.bank_line_id, b.match_entry_id AS entry_id, b.match_kind AS kind, b.match_score_bp AS score_bp,
                   b.match_reason AS reason, b.line_date
            FROM reconcile_bank_line b
            WHERE b.company_id = ? AND b.match_entry_id IS NOT NULL AND %1$s
            UNION ALL
            SELECT m.bank_line_id, m.entry_id, m.kind, m.score_bp, m.reason, b.line_date
            FROM reconciliation_match m
            JOIN reconcile_bank_line b ON b.company_id = m.company_id AND b.bank_line_id = m.bank_line_id
            WHERE m.company_id = ? AND %1$s
            ORDER BY 6, 1, 2""";

    /** Matches of the recorded lines dated in [from, to], in line date order. */
    List<Match> matches(CompanyId company, LocalDate from, LocalDate to) {
        Object c = Keys.bind(company);
        return collect(jdbc.sql(String.format(java.util.Locale.ROOT, MATCH_ROWS, "b.line_date >= ? AND b.line_date <= ?"))
                .params(c, from.toString(), to.toString(), c, from.toString(), to.toString()));
    }

    /** The line's match, of one entry or several; by the match's own rows, whether or not the line is recorded. */
    Optional<Match> matchOf(CompanyId company, String bankLineId) {
        Object c = Keys.bind(company);
        return collect(jdbc.sql("""
                SELECT bank_line_id, match_entry_id AS entry_id, match_kind AS kind, match_score_bp AS score_bp,
                       match_reason AS reason
                FROM reconcile_bank_line WHERE company_id = ? AND bank_line_id = ? AND match_entry_id IS NOT NULL
                UNION ALL
                SELECT bank_line_id, entry_id, kind, score_bp, reason
                FROM reconciliation_match WHERE company_id = ? AND bank_line_id = ?
                ORDER BY 2""")
                .params(c, bankLineId, c, bankLineId)).stream().findFirst();
    }

    int deleteMatch(CompanyId company, String bankLineId) {
        int single = jdbc.sql("""
                UPDATE reconcile_bank_line SET match_entry_id = NULL, match_kind = NULL, match_score_bp = NULL,
                                               match_reason = NULL, matched_at = NULL, matched_by = NULL
                WHERE company_id = ? AND bank_line_id = ? AND match_entry_id IS NOT NULL""")
                .params(Keys.bind(company), bankLineId).update();
        return single + jdbc.sql("DELETE FROM reconciliation_match WHERE company_id = ? AND bank_line_id = ?")
                .params(Keys.bind(company), bankLineId).update();
    }

    /** Debits minus credits on the account of booked (approved and posted) entries dated up to {@code asOf}. */
    long bookedBalance(CompanyId company, AccountId account, LocalDate asOf, CurrencyCode currency) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(l.debit_minor - l.credit_minor), 0) FROM journal_posting l
                WHERE l.company_id = ? AND l.account_id = ? AND l.status IN ('APPROVED', 'POSTED')
                  AND l.entry_date <= ? AND l.currency = ?""")
                .params(Keys.bind(company), Keys.bind(account), asOf.toString(), currency.value())
                .query(Long.class).single();
    }

    /** {total, matched} recorded bank lines dated in [from, to]. */
    long[] lineCounts(CompanyId company, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*),
                       COALESCE(SUM(CASE WHEN b.match_entry_id IS NOT NULL
                                              OR EXISTS (SELECT 1 FROM reconciliation_match m WHERE m.company_id = b.company_id
                                                         AND m.bank_line_id = b.bank_line_id) THEN 1 ELSE 0 END), 0)
                FROM reconcile_bank_line b WHERE b.company_id = ? AND b.line_date >= ? AND b.line_date <= ?""")
                .params(Keys.bind(company), from.toString(), to.toString())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    Set<String> linkedDocuments(CompanyId company, Collection<String> documentIds) {
        Set<String> linked = new HashSet<>();
        for (List<String> chunk : InLists.chunks(new ArrayList<>(documentIds))) {
            List<Object> params = new ArrayList<>();
            params.add(Keys.bind(company));
            params.addAll(chunk);
            linked.addAll(jdbc.sql("SELECT document_id FROM document_link WHERE company_id = ? AND document_id IN ("
                    + InLists.placeholders(chunk.size()) + ")").params(params).query(String.class).list());
        }
        return linked;
    }

    void insertDocumentLinks(CompanyId company, List<ReceiptMatch> links, String actor, Instant now) {
        String at = Timestamps.format(now);
        template.batchUpdate("""
                INSERT INTO document_link (company_id, document_id, entry_id, score_bp, reason, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", links, BATCH, (ps, l) -> {
            Keys.set(ps, 1, company);
            ps.setString(2, l.documentId());
            Keys.setText(ps, 3, l.entryId());
            ps.setInt(4, l.scoreBp());
            ps.setString(5, truncate(l.reason(), 500));
            ps.setString(6, at);
            ps.setString(7, actor);
        });
    }

    int deleteDocumentLink(CompanyId company, String documentId) {
        return jdbc.sql("DELETE FROM document_link WHERE company_id = ? AND document_id = ?")
                .params(Keys.bind(company), documentId).update();
    }

    List<ReceiptMatch> documentLinks(CompanyId company, String entryId) {
        return jdbc.sql("""
                SELECT d.document_id, d.entry_id, COALESCE(b.bank_line_id, m.bank_line_id), d.score_bp, d.reason
                FROM document_link d
                LEFT JOIN reconcile_bank_line b ON b.company_id = d.company_id AND b.match_entry_id = d.entry_id
                LEFT JOIN reconciliation_match m ON m.company_id = d.company_id AND m.entry_id = d.entry_id
                WHERE d.company_id = ? AND d.entry_id = ? ORDER BY d.document_id""")
                .params(Keys.bind(company), Keys.bindText(entryId))
                .query((rs, n) -> new ReceiptMatch(rs.getString(1), Keys.text(rs, 2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)))
                .list();
    }

    private static final String LINE_COLUMNS =
            "b.bank_line_id, b.account_id, b.line_date, b.amount_minor, b.currency, b.description";

    private static BankLine line(ResultSet rs) throws SQLException {
        return new BankLine(rs.getString("bank_line_id"), new AccountId(Keys.get(rs, "account_id")),
                LocalDate.parse(rs.getString("line_date")),
                Money.ofMinor(rs.getLong("amount_minor"), CurrencyCode.of(rs.getString("currency"))),
                rs.getString("description"));
    }

    private static LedgerItem item(ResultSet rs) throws SQLException {
        return new LedgerItem(Keys.text(rs, "id"), new AccountId(Keys.get(rs, "account_id")),
                LocalDate.parse(rs.getString("entry_date")),
                Money.ofMinor(rs.getLong("amount"), CurrencyCode.of(rs.getString("currency"))),
                rs.getString("description"));
    }

    /** Rows of (line, entry, kind, score, reason) in line order, folded into one match per line. */
    private static List<Match> collect(JdbcClient.StatementSpec statement) {
        Map<String, List<String[]>> byLine = new LinkedHashMap<>();
        statement.query(rs -> {
            byLine.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new String[] {Keys.text(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)});
        });
        List<Match> matches = new ArrayList<>();
        byLine.forEach((line, rows) -> {
            String[] first = rows.get(0);
            matches.add(new Match(line, rows.stream().map(r -> r[0]).toList(), MatchKind.valueOf(first[1]),
                    Integer.parseInt(first[2]), first[3]));
        });
        return matches;
    }


    /** The parameters of a query that asks the same (company, ids…) of two tables, UNION ALL. */
    private static List<Object> twice(List<Object> params) {
        List<Object> both = new ArrayList<>(params);
        both.addAll(params);
        return both;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
