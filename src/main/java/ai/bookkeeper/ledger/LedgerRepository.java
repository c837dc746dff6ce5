package ai.bookkeeper.ledger;

import ai.bookkeeper.platform.BulkInsert;
import ai.bookkeeper.platform.InLists;
import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts, entries and lines. Every statement filters on company_id first. */
@Repository
class LedgerRepository {

    private static final String ENTRY_COLUMNS = "e.company_id, e.id, e.entry_date, e.description, e.memo, e.status, "
            + "e.source, e.currency, e.reversal_of, e.version, e.debit_account_id, e.credit_account_id, e.amount_minor, "
            + "e.credit_first, e.debit_memo, e.credit_memo";

    /** The entry's columns written on insert ({@link #insertRow}); the last six are its {@link TwoLines} or NULL. */
    private static final List<String> ENTRY_INSERT_COLUMNS = List.of("company_id", "id", "entry_date", "description", "memo",
            "status", "source", "currency", "reversal_of", "created_by", "created_at", "version", "debit_account_id",
            "credit_account_id", "amount_minor", "credit_first", "debit_memo", "credit_memo");

    private static final List<String> LINE_INSERT_COLUMNS = List.of("company_id", "entry_id", "line_no", "account_id",
            "debit_minor", "credit_minor", "memo");

    /**
     * How an entry of exactly two lines, a debit and a credit on two different accounts, is stored: in the entry's own
     * row (V11__two_line_entries) instead of two journal_line rows. Every entry booked from a bank line has this shape;
     * {@link #of} says null for any other, whose lines go to journal_line.
     */
    record TwoLines(AccountId debitAccount, AccountId creditAccount, long amountMinor, boolean creditFirst,
                    String debitMemo, String creditMemo) {

        static TwoLines of(List<JournalLine> lines) {
            if (lines.size() != 2 || lines.get(0).side() == lines.get(1).side()
                    || lines.get(0).account().equals(lines.get(1).account())) {
                return null;
            }
            boolean creditFirst = lines.get(0).side() == Side.CREDIT;
            JournalLine debit = creditFirst ? lines.get(1) : lines.get(0);
            JournalLine credit = creditFirst ? lines.get(0) : lines.get(1);
            // the entry balances, so both lines carry the same amount
            return new TwoLines(debit.account(), credit.account(), debit.amount().minorUnits(), creditFirst,
                    debit.memo(), credit.memo());
        }

        List<JournalLine> lines(CurrencyCode currency) {
            JournalLine debit = new JournalLine(debitAccount, Side.DEBIT, Money.ofMinor(amountMinor, currency), debitMemo);
            JournalLine credit = new JournalLine(creditAccount, Side.CREDIT, Money.ofMinor(amountMinor, currency), creditMemo);
            return creditFirst ? List.of(credit, debit) : List.of(debit, credit);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkInsert bulk;

    LedgerRepository(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.template = template;
        this.bulk = bulk;
    }

    void insertAccounts(CompanyId company, List<Account> accounts) {
        template.batchUpdate("INSERT INTO account (company_id, id, code, name, type, is_bank) VALUES (?, ?, ?, ?, ?, ?)",
                accounts, accounts.size(), (ps, a) -> {
                    Keys.set(ps, 1, company);
                    Keys.set(ps, 2, a.id());
                    ps.setString(3, a.code());
                    ps.setString(4, a.name());
                    ps.setString(5, a.type().name());
                    ps.setInt(6, a.bank() ? 1 : 0);
                });
    }

    boolean accountCodeTaken(CompanyId company, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE company_id = ? AND code = ?")
                .params(Keys.bind(company), code).query(Integer.class).single() > 0;
    }

    List<Account> accounts(CompanyId company) {
        return jdbc.sql("SELECT id, code, name, type, is_bank FROM account WHERE company_id = ? ORDER BY code")
                .param(Keys.bind(company))
                .query((rs, n) -> account(rs))
                .list();
    }

    /** Inserts the entry and its lines. A POSTED entry is written as APPROVED first: lines of posted entries are frozen. */
    void insert(JournalEntry entry, String createdBy, Instant now) {
        boolean posted = entry.status() == EntryStatus.POSTED;
        TwoLines two = TwoLines.of(entry.lines());
        String at = Timestamps.format(now);
        bulk.insert("journal_entry", ENTRY_INSERT_COLUMNS, List.<Object[]>of(
                insertRow(entry, posted ? EntryStatus.APPROVED : entry.status(), two, createdBy, at)));
        if (two == null) {
            bulk.insert("journal_line", LINE_INSERT_COLUMNS, lineRows(entry.companyId(), entry.id(), entry.lines()));
        }
        if (posted) {
            jdbc.sql("UPDATE journal_entry SET status = 'POSTED', posted_at = ? WHERE company_id = ? AND id = ?")
                    .params(at, Keys.bind(entry.companyId()), Keys.bind(entry.id()))
                    .update();
        }
    }

    /**
     * Inserts many unposted entries in one statement (COPY on PostgreSQL, a JDBC batch on SQLite), and the lines of
     * those that are not {@link TwoLines} in a second: the import hot path.
     */
    void insertAll(List<JournalEntry> entries, String createdBy, Instant now) {
        String at = Timestamps.format(now);
        List<Object[]> rows = new ArrayList<>(entries.size());
        List<Object[]> lines = new ArrayList<>();
        for (JournalEntry e : entries) {
            TwoLines two = TwoLines.of(e.lines());
            rows.add(insertRow(e, e.status(), two, createdBy, at));
            if (two == null) {
                lines.addAll(lineRows(e.companyId(), e.id(), e.lines()));
            }
        }
        bulk.insert("journal_entry", ENTRY_INSERT_COLUMNS, rows);
        bulk.insert("journal_line", LINE_INSERT_COLUMNS, lines);
    }

    /** The entry's row of {@link #ENTRY_INSERT_COLUMNS}, with {@code status} and its two lines if it is {@code two}. */
    private static Object[] insertRow(JournalEntry e, EntryStatus status, TwoLines two, String createdBy, String at) {
        return new Object[] {e.companyId().value(), e.id().value(), e.date().toString(), e.description(), e.memo(),
                status.name(), e.source().name(), e.currency().value(),
                e.reversalOf() == null ? null : e.reversalOf().value(), createdBy, at, e.version(),
                two == null ? null : two.debitAccount().value(), two == null ? null : two.creditAccount().value(),
                two == null ? null : two.amountMinor(), two == null ? null : (two.creditFirst() ? 1 : 0),
                two == null ? null : two.debitMemo(), two == null ? null : two.creditMemo()};
    }

    /** The journal_line rows ({@link #LINE_INSERT_COLUMNS}) of an entry that is not {@link TwoLines}, in line order. */
    private static List<Object[]> lineRows(CompanyId company, JournalEntryId entry, List<JournalLine> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JournalLine line = lines.get(i);
            rows.add(new Object[] {company.value(), entry.value(), i + 1, line.account().value(),
                    line.side() == Side.DEBIT ? line.amount().minorUnits() : 0L,
                    line.side() == Side.CREDIT ? line.amount().minorUnits() : 0L, line.memo()});
        }
        return rows;
    }

    /** Moves an entry to {@code next} if nobody changed it since {@code version}; false when someone did. */
    boolean updateStatus(CompanyId company, JournalEntryId id, int version, EntryStatus next, String actor, Instant now) {
        String at = Timestamps.format(now);
        return jdbc.sql("""
                UPDATE journal_entry SET status = ?, version = version + 1,
                       decided_by = CASE WHEN ? IN ('APPROVED', 'REJECTED') THEN ? ELSE decided_by END,
                       decided_at = CASE WHEN ? IN ('APPROVED', 'REJECTED') THEN ? ELSE decided_at END,
                       posted_at = CASE WHEN ? = 'POSTED' THEN ? ELSE posted_at END
                WHERE company_id = ? AND id = ? AND version = ?""")
                .params(next.name(), next.name(), actor, next.name(), at, next.name(), at,
                        Keys.bind(company), Keys.bind(id), version)
                .update() == 1;
    }

    boolean replaceLines(CompanyId company, JournalEntryId id, int version, List<JournalLine> lines, String memo) {
        int updated = jdbc.sql("UPDATE journal_entry SET memo = ?, version = version + 1"
                        + " WHERE company_id = ? AND id = ? AND version = ?")
                .params(memo, Keys.bind(company), Keys.bind(id), version)
                .update();
        if (updated != 1) {
            return false;
        }
        // the old lines go, from whichever place held them, before the new ones are written to theirs
        jdbc.sql("DELETE FROM journal_line WHERE company_id = ? AND entry_id = ?")
                .params(Keys.bind(company), Keys.bind(id)).update();
        TwoLines two = TwoLines.of(lines);
        jdbc.sql("""
                UPDATE journal_entry SET debit_account_id = ?, credit_account_id = ?, amount_minor = ?, credit_first = ?,
                                         debit_memo = ?, credit_memo = ?
                WHERE company_id = ? AND id = ?""")
                .params(two == null ? null : Keys.bind(two.debitAccount()), two == null ? null : Keys.bind(two.creditAccount()),
                        two == null ? null : two.amountMinor(), two == null ? null : (two.creditFirst() ? 1 : 0),
                        two == null ? null : two.debitMemo(), two == null ? null : two.creditMemo(),
                        Keys.bind(company), Keys.bind(id))
                .update();
        if (two == null) {
            bulk.insert("journal_line", LINE_INSERT_COLUMNS, lineRows(company, id, lines));
        }
        return true;
    }

    Optional<JournalEntry> entry(CompanyId company, JournalEntryId id) {
        List<JournalEntry> found = query("WHERE e.company_id = ? AND e.id = ?", List.of(Keys.bind(company), Keys.bind(id)), "");
        return found.stream().findFirst();
    }

    boolean hasReversal(CompanyId company, JournalEntryId id) {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE company_id = ? AND reversal_of = ?")
                .params(Keys.bind(company), Keys.bind(id)).query(Integer.class).single() > 0;
    }

    List<JournalEntry> entries(CompanyId company, EntryFilter filter) {
        StringBuilder where = new StringBuilder("WHERE e.company_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(Keys.bind(company));
        if (filter.from() != null) {
            where.append(" AND e.entry_date >= ?");
            params.add(filter.from().toString());
        }
        if (filter.to() != null) {
            where.append(" AND e.entry_date <= ?");
            params.add(filter.to().toString());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" AND e.status IN (").append(InLists.placeholders(filter.statuses().size())).append(")");
            filter.statuses().stream().map(Enum::name).sorted().forEach(params::add);
        }
        if (filter.account() != null) {
            where.append(" AND (e.debit_account_id = ? OR e.credit_account_id = ?"
                    + " OR EXISTS (SELECT 1 FROM journal_line a WHERE a.company_id = e.company_id"
                    + " AND a.entry_id = e.id AND a.account_id = ?))");
            params.add(Keys.bind(filter.account()));
            params.add(Keys.bind(filter.account()));
            params.add(Keys.bind(filter.account()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (LOWER(e.description) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(e.memo, '')) LIKE ? ESCAPE '\\')");
            String like = "%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%";
            params.add(like);
            params.add(like);
        }
        String page = " LIMIT " + filter.limit() + " OFFSET " + filter.offset();
        return query(where.toString(), params, page);
    }

    /** Entries with their lines: one query for the page of entries, one for all their lines. */
    private List<JournalEntry> query(String where, List<Object> params, String page) {
        Map<String, EntryRow> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM journal_entry e " + where + " ORDER BY e.entry_date, e.id" + page)
                .params(params)
                .query(rs -> {
                    EntryRow row = entryRow(rs);
                    rows.put(row.id, row);
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> withLineRows = rows.values().stream().filter(r -> r.lines.isEmpty()).map(r -> r.id).toList();
        if (withLineRows.isEmpty()) {
            return rows.values().stream().map(EntryRow::toEntry).toList();
        }
        String company = rows.values().iterator().next().company;
        List<Object> lineParams = new ArrayList<>();
        lineParams.add(Keys.bindText(company));
        withLineRows.forEach(id -> lineParams.add(Keys.bindText(id)));
        jdbc.sql("SELECT entry_id, account_id, debit_minor, credit_minor, memo FROM journal_line WHERE company_id = ?"
                        + " AND entry_id IN (" + InLists.placeholders(withLineRows.size()) + ")"
                        + " ORDER BY entry_id, line_no")
                .params(lineParams)
                .query(rs -> {
                    EntryRow row = rows.get(Keys.text(rs, 1));
                    long debit = rs.getLong(3);
                    long credit = rs.getLong(4);
                    Side side = debit > 0 ? Side.DEBIT : Side.CREDIT;
                    row.lines.add(new JournalLine(new AccountId(Keys.get(rs, 2)), side,
                            Money.ofMinor(debit > 0 ? debit : credit, row.currency), rs.getString(5)));
                });
        return rows.values().stream().map(EntryRow::toEntry).toList();
    }

    List<TrialBalance.Row> trialBalanceRows(CompanyId company, LocalDate asOf, CurrencyCode currency) {
        return jdbc.sql("""
                SELECT a.id, a.code, a.name, a.type, a.is_bank,
                       COALESCE(SUM(l.debit_minor), 0) AS debits, COALESCE(SUM(l.credit_minor), 0) AS credits
                FROM journal_posting l
                JOIN account a ON a.company_id = l.company_id AND a.id = l.account_id
                WHERE l.company_id = ? AND l.status IN ('APPROVED', 'POSTED') AND l.entry_date <= ?
                GROUP BY a.id, a.code, a.name, a.type, a.is_bank
                ORDER BY a.code""")
                .params(Keys.bind(company), asOf.toString())
                .query((rs, n) -> new TrialBalance.Row(account(rs), Money.ofMinor(rs.getLong("debits"), currency),
                        Money.ofMinor(rs.getLong("credits"), currency)))
                .list();
    }

    /**
     * {@link #activityRows} for every month of [from, to] at once, keyed by month ({@code YYYY-MM}); months without
     * booked entries are absent. One query instead of one per month: the KPI view asks for up to 60 months.
     */
    Map<String, List<TrialBalance.Row>> activityRowsByMonth(CompanyId company, LocalDate from, LocalDate to,
                                                            CurrencyCode currency) {
        Map<String, List<TrialBalance.Row>> months = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT SUBSTR(l.entry_date, 1, 7) AS month, a.id, a.code, a.name, a.type, a.is_bank,
                       COALESCE(SUM(l.debit_minor), 0) AS debits, COALESCE(SUM(l.credit_minor), 0) AS credits
                FROM journal_posting l
                JOIN account a ON a.company_id = l.company_id AND a.id = l.account_id
                WHERE l.company_id = ? AND l.status IN ('APPROVED', 'POSTED') AND l.entry_date >= ? AND l.entry_date <= ?
                GROUP BY SUBSTR(l.entry_date, 1, 7), a.id, a.code, a.name, a.type, a.is_bank
                ORDER BY month, a.code""")
                .params(Keys.bind(company), from.toString(), to.toString())
                .query(rs -> {
                    months.computeIfAbsent(rs.getString("month"), m -> new ArrayList<>()).add(new TrialBalance.Row(
                            account(rs), Money.ofMinor(rs.getLong("debits"), currency),
                            Money.ofMinor(rs.getLong("credits"), currency)));
                });
        return months;
    }

    /** Debit and credit totals per account over booked entries dated within [from, to]; from may be null. */
    List<TrialBalance.Row> activityRows(CompanyId company, LocalDate from, LocalDate to, CurrencyCode currency) {
        return jdbc.sql("""
                SELECT a.id, a.code, a.name, a.type, a.is_bank,
                       COALESCE(SUM(l.debit_minor), 0) AS debits, COALESCE(SUM(l.credit_minor), 0) AS credits
                FROM journal_posting l
                JOIN account a ON a.company_id = l.company_id AND a.id = l.account_id
                WHERE l.company_id = ? AND l.status IN ('APPROVED', 'POSTED') AND l.entry_date >= ? AND l.entry_date <= ?
                GROUP BY a.id, a.code, a.name, a.type, a.is_bank
                ORDER BY a.code""")
                .params(Keys.bind(company), from == null ? "0000-00-00" : from.toString(), to.toString())
                .query((rs, n) -> new TrialBalance.Row(account(rs), Money.ofMinor(rs.getLong("debits"), currency),
                        Money.ofMinor(rs.getLong("credits"), currency)))
                .list();
    }

    /** Booked lines dated within [from, to], in date order; {@code account} null for all accounts. */
    List<Posting> postings(CompanyId company, LocalDate from, LocalDate to, AccountId account, CurrencyCode currency) {
        List<Object> params = new ArrayList<>(List.of(Keys.bind(company), from.toString(), to.toString()));
        String accountFilter = "";
        if (account != null) {
            accountFilter = " AND l.account_id = ?";
            params.add(Keys.bind(account));
        }
        return jdbc.sql("""
                SELECT l.entry_id AS id, l.entry_date, l.description, l.status, l.account_id, l.debit_minor,
                       l.credit_minor, l.memo
                FROM journal_posting l
                WHERE l.company_id = ? AND l.status IN ('APPROVED', 'POSTED') AND l.entry_date >= ? AND l.entry_date <= ?"""
                        + accountFilter + " ORDER BY l.entry_date, l.entry_id, l.line_no")
                .params(params)
                .query((rs, n) -> {
                    long debit = rs.getLong("debit_minor");
                    long credit = rs.getLong("credit_minor");
                    return new Posting(new JournalEntryId(Keys.get(rs, "id")),
                            LocalDate.parse(rs.getString("entry_date")), rs.getString("description"),
                            new AccountId(Keys.get(rs, "account_id")),
                            debit > 0 ? Side.DEBIT : Side.CREDIT, Money.ofMinor(debit > 0 ? debit : credit, currency),
                            rs.getString("memo"), EntryStatus.valueOf(rs.getString("status")));
                })
                .list();
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(new AccountId(Keys.get(rs, "id")), rs.getString("code"), rs.getString("name"),
                AccountType.valueOf(rs.getString("type")), rs.getInt("is_bank") == 1);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static EntryRow entryRow(ResultSet rs) throws SQLException {
        EntryRow row = new EntryRow();
        row.company = Keys.text(rs, "company_id");
        row.id = Keys.text(rs, "id");
        row.date = LocalDate.parse(rs.getString("entry_date"));
        row.description = rs.getString("description");
        row.memo = rs.getString("memo");
        row.status = EntryStatus.valueOf(rs.getString("status"));
        row.source = EntrySource.valueOf(rs.getString("source"));
        row.currency = CurrencyCode.of(rs.getString("currency"));
        row.reversalOf = Keys.text(rs, "reversal_of");
        row.version = rs.getInt("version");
        long amount = rs.getLong("amount_minor");
        if (!rs.wasNull()) {
            row.lines.addAll(new TwoLines(new AccountId(Keys.get(rs, "debit_account_id")),
                    new AccountId(Keys.get(rs, "credit_account_id")), amount, rs.getInt("credit_first") == 1,
                    rs.getString("debit_memo"), rs.getString("credit_memo")).lines(row.currency));
        }
        return row;
    }

    /** A header row while its lines are being collected. */
    private static final class EntryRow {
        String company;
        String id;
        LocalDate date;
        String description;
        String memo;
        EntryStatus status;
        EntrySource source;
        CurrencyCode currency;
        String reversalOf;
        int version;
        final List<JournalLine> lines = new ArrayList<>();

        JournalEntry toEntry() {
            return new JournalEntry(new JournalEntryId(UUID.fromString(id)), new CompanyId(UUID.fromString(company)),
                    date, description, memo, status, source, currency, lines,
                    reversalOf == null ? null : new JournalEntryId(UUID.fromString(reversalOf)), version);
        }
    }
}
