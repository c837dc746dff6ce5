package ai.bookkeeper.review;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.platform.BulkInsert;
import ai.bookkeeper.platform.InLists;
import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReviewRepository {

    /** A row to insert, with the bank account the transaction came from. */
    record NewRow(Proposal proposal, AccountId bankAccount) {
    }

    private static final String COLUMNS = "transaction_id, entry_id, txn_date, description, counterparty, amount_minor,"
            + " predicted_account_code, confidence_bp, tier, source, rationale, similar_examples, llm_exchange, outcome,"
            + " approved_account_code, bank_account_id";

    /** What {@link #insertAll} writes: the company, {@link #COLUMNS}, then who decided, when, and when created. */
    private static final List<String> INSERT_COLUMNS = java.util.stream.Stream.of(List.of("company_id"),
            List.of(COLUMNS.split(",\\s*")), List.of("decided_by", "decided_at", "created_at"))
            .flatMap(List::stream).toList();

    private final JdbcClient jdbc;
    private final BulkInsert bulk;

    ReviewRepository(JdbcClient jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    void insertAll(CompanyId company, List<NewRow> rows, String actor, Instant now) {
        String at = Timestamps.format(now);
        List<Object[]> values = new ArrayList<>(rows.size());
        for (NewRow row : rows) {
            Proposal p = row.proposal();
            boolean decided = p.outcome().isDecided();
            values.add(new Object[] {company.value(), UUID.fromString(p.transactionId()), p.entryId().value(), p.date().toString(),
                    truncate(p.description(), 1000), truncate(p.counterparty(), 300), p.amount().minorUnits(),
                    p.predictedAccountCode(), p.confidence().movePointRight(4).intValue(), p.tier(),
                    truncate(p.source(), 200), truncate(p.rationale(), 2000),
                    truncate(String.join("\n", p.similarExamples()), 2000), p.llmExchange(), p.outcome().name(),
                    p.approvedAccountCode(), row.bankAccount() == null ? null : row.bankAccount().value(),
                    decided ? actor : null, decided ? at : null, at});
        }
        bulk.insert("proposal", INSERT_COLUMNS, values);
    }

    /** Which of these transactions have a proposal already: re-running an import proposes nothing twice. */
    Set<String> existing(CompanyId company, Collection<String> transactionIds) {
        Set<String> found = new HashSet<>();
        byTransactionChunks(company, transactionIds, "SELECT transaction_id FROM proposal WHERE company_id = ? AND"
                + " transaction_id IN (%s)", rs -> {
                    found.add(Keys.text(rs, 1));
                });
        return found;
    }

    /** How many of these transactions' proposals each tier made (null tier as ""). */
    Map<String, Long> tierCounts(CompanyId company, Collection<String> transactionIds) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        byTransactionChunks(company, transactionIds, "SELECT COALESCE(tier, '') AS tier, COUNT(*) AS n FROM proposal"
                + " WHERE company_id = ? AND transaction_id IN (%s) GROUP BY COALESCE(tier, '')", rs -> {
                    counts.merge(rs.getString("tier"), rs.getLong("n"), Long::sum);
                });
        return counts;
    }

    /**
     * Runs {@code sql} (company first, then {@code %s} standing for the id placeholders) over the ids 500 at a time,
     * which keeps IN lists well below both engines' parameter limits.
     */
    private void byTransactionChunks(CompanyId company, Collection<String> transactionIds, String sql,
                                     org.springframework.jdbc.core.RowCallbackHandler rows) {
        for (List<String> chunk : InLists.chunks(new ArrayList<>(transactionIds))) {
            List<Object> params = new ArrayList<>();
            params.add(Keys.bind(company));
            chunk.forEach(id -> params.add(Keys.bindText(id)));
            jdbc.sql(String.format(java.util.Locale.ROOT, sql, InLists.placeholders(chunk.size())))
                    .params(params)
                    .query(rows);
        }
    }

    Optional<Stored> byEntry(CompanyId company, JournalEntryId entry, CurrencyCode currency) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM proposal WHERE company_id = ? AND entry_id = ? ORDER BY transaction_id")
                .params(Keys.bind(company), Keys.bind(entry))
                .query((rs, n) -> stored(rs, currency))
                .list().stream().findFirst();
    }

    List<Stored> queue(CompanyId company, LocalDate from, LocalDate to, int limit, int offset, CurrencyCode currency) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM proposal WHERE company_id = ? AND outcome = 'QUEUED'"
                        + " AND txn_date >= ? AND txn_date <= ? ORDER BY txn_date, transaction_id LIMIT ? OFFSET ?")
                .params(Keys.bind(company), from == null ? "0000-00-00" : from.toString(),
                        to == null ? "9999-12-31" : to.toString(), limit, offset)
                .query((rs, n) -> stored(rs, currency))
                .list();
    }

    List<Stored> all(CompanyId company, CurrencyCode currency) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM proposal WHERE company_id = ? ORDER BY txn_date, transaction_id")
                .param(Keys.bind(company))
                .query((rs, n) -> stored(rs, currency))
                .list();
    }

    int countQueued(CompanyId company) {
        return jdbc.sql("SELECT COUNT(*) FROM proposal WHERE company_id = ? AND outcome = 'QUEUED'")
                .param(Keys.bind(company)).query(Integer.class).single();
    }

    /** Counts per month (YYYY-MM) and outcome, for automation over time. */
    List<MonthOutcome> monthly(CompanyId company, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT SUBSTR(txn_date, 1, 7) AS month, outcome, COUNT(*) AS n FROM proposal"
                        + " WHERE company_id = ? AND txn_date >= ? AND txn_date <= ? GROUP BY SUBSTR(txn_date, 1, 7), outcome"
                        + " ORDER BY month")
                .params(Keys.bind(company), from == null ? "0000-00-00" : from.toString(), to == null ? "9999-12-31" : to.toString())
                .query((rs, n) -> new MonthOutcome(rs.getString(1), Outcome.valueOf(rs.getString(2)), rs.getInt(3)))
                .list();
    }

    record MonthOutcome(String month, Outcome outcome, int count) {
    }

    void decide(CompanyId company, String transactionId, Outcome outcome, String approvedCode, String actor, Instant now) {
        jdbc.sql("UPDATE proposal SET outcome = ?, approved_account_code = ?, decided_by = ?, decided_at = ?"
                        + " WHERE company_id = ? AND transaction_id = ?")
                .params(outcome.name(), approvedCode, actor, Timestamps.format(now), Keys.bind(company), Keys.bindText(transactionId))
                .update();
    }

    /** A proposal as stored, with the bank account it came from. */
    record Stored(Proposal proposal, AccountId bankAccount) {
    }

    private static Stored stored(ResultSet rs, CurrencyCode currency) throws SQLException {
        String similar = rs.getString("similar_examples");
        UUID bank = Keys.get(rs, "bank_account_id");
        Proposal p = new Proposal(Keys.text(rs, "transaction_id"), new JournalEntryId(Keys.get(rs, "entry_id")),
                LocalDate.parse(rs.getString("txn_date")), rs.getString("description"), rs.getString("counterparty"),
                Money.ofMinor(rs.getLong("amount_minor"), currency), rs.getString("predicted_account_code"),
                BigDecimal.valueOf(rs.getInt("confidence_bp"), 4), rs.getString("tier"), rs.getString("source"),
                rs.getString("rationale"), similar == null || similar.isEmpty() ? List.of() : Arrays.asList(similar.split("\n")),
                rs.getString("llm_exchange"), Outcome.valueOf(rs.getString("outcome")), rs.getString("approved_account_code"));
        return new Stored(p, bank == null ? null : new AccountId(bank));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
