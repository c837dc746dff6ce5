package ai.bookkeeper.ingest;

import ai.bookkeeper.ledger.AccountId;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for the ingest tables. Every statement filters on company_id. */
@Repository
class IngestRepository {

    /** The columns of {@link #insertTransactions}' rows, in their order. */
    static final List<String> INSERT_COLUMNS = List.of("company_id", "id", "bank_account_id", "batch_id", "booking_date",
            "value_date", "amount_minor", "currency", "description", "normalized_description", "counterparty", "reference",
            "bank_txn_id", "fingerprint", "occurrence", "status", "source_line", "created_at");

    private static final String COLUMNS = """
            t.id, t.bank_account_id, t.batch_id, t.booking_date, t.value_date, t.amount_minor, t.currency, t.description,
            t.normalized_description, t.counterparty, t.reference, t.bank_txn_id, t.fingerprint, t.occurrence, t.status,
            t.linked_to, t.transfer_pair_id, t.source_line, t.created_at""";

    private final JdbcTemplate jdbc;
    private final BulkInsert bulk;

    IngestRepository(JdbcTemplate jdbc, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
    }

    /**
     * Inserts the rows ({@link #INSERT_COLUMNS}), skipping a line whose fingerprint the account holds already: what
     * makes a re-import or an overlapping statement add nothing twice. In one statement per batch (COPY on PostgreSQL).
     */
    void insertTransactions(List<Object[]> rows) {
        bulk.insertSkippingConflicts("bank_transaction", INSERT_COLUMNS, "company_id, bank_account_id, fingerprint", rows);
    }

    void insertBatch(CompanyId company, ImportBatchId id, String fileName, String sha256, StatementFormat format,
                     String profile, Instant now) {
        jdbc.update("""
                INSERT INTO import_batch (company_id, id, file_name, sha256, format, profile, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'IMPORTED', ?)""",
                Keys.bind(company), Keys.bind(id), truncate(fileName, 500), sha256, format.name(), profile,
                Timestamps.format(now));
    }

    void finishBatch(CompanyId company, ImportReport report) {
        jdbc.update("""
                UPDATE import_batch SET status = ?, rows_read = ?, rows_new = ?, rows_duplicate = ?, rows_rejected = ?,
                    errors = ?, profile = ? WHERE company_id = ? AND id = ?""",
                report.status().name(), report.read(), report.added(), report.duplicates(), report.rejected(),
                errors(report), report.profile(), Keys.bind(company), Keys.bind(report.batch()));
    }

    /** The company's imported batches the pipeline has not finished with, oldest first. */
    List<ImportBatchId> openBatches(CompanyId company) {
        return jdbc.query("""
                SELECT id FROM import_batch WHERE company_id = ? AND processed_at IS NULL AND status = 'IMPORTED'
                ORDER BY created_at, id""", (rs, i) -> new ImportBatchId(Keys.get(rs, 1)), Keys.bind(company));
    }

    void closeBatches(CompanyId company, List<ImportBatchId> batches, Instant now) {
        for (List<ImportBatchId> chunk : InLists.chunks(batches)) {
            List<Object> args = new ArrayList<>(List.of(Timestamps.format(now), Keys.bind(company)));
            chunk.forEach(b -> args.add(Keys.bind(b)));
            jdbc.update("UPDATE import_batch SET processed_at = ? WHERE company_id = ? AND processed_at IS NULL AND id IN ("
                    + InLists.placeholders(chunk.size()) + ")", args.toArray());
        }
    }

    private static String errors(ImportReport report) {
        List<String> all = new ArrayList<>();
        if (report.error() != null) {
            all.add(report.error());
        }
        all.addAll(report.warnings());
        return all.isEmpty() ? null : truncate(String.join("\n", all), 20_000);
    }

    long countInBatch(CompanyId company, ImportBatchId batch) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ? AND batch_id = ?",
                Long.class, Keys.bind(company), Keys.bind(batch));
        return n == null ? 0 : n;
    }

    Optional<AccountId> linkedAccount(CompanyId company, String externalRef) {
        return jdbc.query("SELECT account_id FROM statement_account WHERE company_id = ? AND external_ref = ?",
                (rs, i) -> new AccountId(Keys.get(rs, 1)), Keys.bind(company), externalRef)
                .stream().findFirst();
    }

    void link(CompanyId company, String externalRef, AccountId account, Instant now) {
        int updated = jdbc.update("UPDATE statement_account SET account_id = ? WHERE company_id = ? AND external_ref = ?",
                Keys.bind(account), Keys.bind(company), externalRef);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO statement_account (company_id, external_ref, account_id, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (company_id, external_ref) DO NOTHING""",
                    Keys.bind(company), externalRef, Keys.bind(account), Timestamps.format(now));
        }
    }

    void saveProfile(CompanyId company, String name, String yaml, Instant now) {
        int updated = jdbc.update("UPDATE bank_profile SET yaml = ?, updated_at = ? WHERE company_id = ? AND name = ?",
                yaml, Timestamps.format(now), Keys.bind(company), name);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO bank_profile (company_id, name, yaml, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (company_id, name) DO NOTHING""", Keys.bind(company), name, yaml, Timestamps.format(now));
        }
    }

    Optional<String> profile(CompanyId company, String name) {
        return jdbc.query("SELECT yaml FROM bank_profile WHERE company_id = ? AND name = ?",
                (rs, i) -> rs.getString(1), Keys.bind(company), name).stream().findFirst();
    }

    void insertBalance(CompanyId company, AccountId account, LocalDate asOf, Money balance, String kind, String source,
                       String sequence, ImportBatchId batch) {
        jdbc.update("""
                INSERT INTO statement_balance (company_id, id, bank_account_id, as_of_date, balance_minor, currency, kind,
                    source, sequence_no, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Keys.bind(company), Keys.bind(UUID.randomUUID()), Keys.bind(account), asOf.toString(), balance.minorUnits(),
                balance.currency().value(), kind, source, sequence, Keys.bind(batch));
    }

    /** The latest closing balance stated before {@code before} by another import. */
    Optional<StoredBalance> previousClosing(CompanyId company, AccountId account, LocalDate before, ImportBatchId batch) {
        return jdbc.query("""
                SELECT as_of_date, balance_minor, currency FROM statement_balance
                WHERE company_id = ? AND bank_account_id = ? AND kind = 'CLOSING' AND as_of_date < ? AND batch_id <> ?
                ORDER BY as_of_date DESC, balance_minor LIMIT 1""",
                (rs, i) -> new StoredBalance(LocalDate.parse(rs.getString(1)),
                        Money.ofMinor(rs.getLong(2), CurrencyCode.of(rs.getString(3)))),
                Keys.bind(company), Keys.bind(account), before.toString(), Keys.bind(batch)).stream().findFirst();
    }

    record StoredBalance(LocalDate asOf, Money balance) {
    }

    /** Closing balances per bank account and date (the last one stated for a date, when several files state it). */
    List<StatedBalance> closingBalances(CompanyId company) {
        return jdbc.query("""
                SELECT bank_account_id, as_of_date, MAX(balance_minor) AS balance_minor, currency FROM statement_balance
                WHERE company_id = ? AND kind = 'CLOSING'
                GROUP BY bank_account_id, as_of_date, currency ORDER BY as_of_date, bank_account_id""",
                (rs, i) -> new StatedBalance(new AccountId(Keys.get(rs, 1)),
                        LocalDate.parse(rs.getString(2)), Money.ofMinor(rs.getLong(3), CurrencyCode.of(rs.getString(4))), true),
                Keys.bind(company));
    }

    List<String> sequences(CompanyId company, AccountId account, ImportBatchId excluding) {
        return jdbc.queryForList("""
                SELECT sequence_no FROM statement_balance WHERE company_id = ? AND bank_account_id = ?
                AND sequence_no IS NOT NULL AND batch_id <> ?""", String.class,
                Keys.bind(company), Keys.bind(account), Keys.bind(excluding));
    }

    long bookedSum(CompanyId company, AccountId account, LocalDate after, LocalDate upTo) {
        Long sum = jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount_minor), 0) FROM bank_transaction WHERE company_id = ? AND bank_account_id = ?
                AND booking_date > ? AND booking_date <= ? AND status = 'BOOKED'""", Long.class,
                Keys.bind(company), Keys.bind(account), after.toString(), upTo.toString());
        return sum == null ? 0 : sum;
    }

    /** Links booked lines of {@code batch} to the earlier pending lines they confirm; returns how many. */
    int linkPendingToBooked(CompanyId company, ImportBatchId batch, int windowDays) {
        List<Object[]> pending = jdbc.query("""
                SELECT p.id, p.bank_account_id, p.amount_minor, p.booking_date, p.normalized_description
                FROM bank_transaction p
                WHERE p.company_id = ? AND p.status = 'PENDING'
                  AND p.bank_account_id IN (SELECT DISTINCT b.bank_account_id FROM bank_transaction b
                                            WHERE b.company_id = ? AND b.batch_id = ? AND b.status = 'BOOKED')
                  AND NOT EXISTS (SELECT 1 FROM bank_transaction l WHERE l.company_id = p.company_id AND l.linked_to = p.id)
                """, (rs, i) -> new Object[] {Keys.get(rs, 1), Keys.get(rs, 2), rs.getLong(3), rs.getString(4), rs.getString(5)},
                Keys.bind(company), Keys.bind(company), Keys.bind(batch));
        int linked = 0;
        for (Object[] p : pending) {
            LocalDate date = LocalDate.parse((String) p[3]);
            String description = (String) p[4];
            List<String[]> booked = jdbc.query("""
                    SELECT id, normalized_description FROM bank_transaction WHERE company_id = ? AND batch_id = ?
                    AND bank_account_id = ? AND status = 'BOOKED' AND linked_to IS NULL AND amount_minor = ?
                    AND booking_date >= ? AND booking_date <= ? ORDER BY booking_date, source_line""",
                    (rs, i) -> new String[] {Keys.text(rs, 1), rs.getString(2)},
                    Keys.bind(company), Keys.bind(batch), Keys.bind((UUID) p[1]), p[2], date.toString(), date.plusDays(windowDays).toString());
            Optional<String[]> match = booked.stream().filter(b -> sameVendor(description, b[1])).findFirst();
            if (match.isPresent()) {
                linked += jdbc.update("UPDATE bank_transaction SET linked_to = ? WHERE company_id = ? AND id = ?",
                        Keys.bind((UUID) p[0]), Keys.bind(company), Keys.bindText(match.get()[0]));
            }
        }
        return linked;
    }

    /** Banks lengthen or shorten a description when a pending line is booked; the merchant's first word stays. */
    static boolean sameVendor(String a, String b) {
        if (a.equals(b) || a.startsWith(b) || b.startsWith(a)) {
            return true;
        }
        String firstA = a.split(" ", 2)[0];
        return !firstA.isEmpty() && firstA.length() >= 3 && firstA.equals(b.split(" ", 2)[0]);
    }

    record Leg(String id, String account, long amountMinor, LocalDate date) {
    }

    Optional<Leg> unpairedLeg(CompanyId company, String id) {
        return jdbc.query("""
                SELECT id, bank_account_id, amount_minor, booking_date FROM bank_transaction
                WHERE company_id = ? AND id = ? AND transfer_pair_id IS NULL""", LEG, Keys.bind(company), Keys.bindText(id))
                .stream().findFirst();
    }

    List<Leg> counterLegs(CompanyId company, Leg leg, int windowDays) {
        return jdbc.query("""
                SELECT t.id, t.bank_account_id, t.amount_minor, t.booking_date FROM bank_transaction t
                JOIN account a ON a.company_id = t.company_id AND a.id = t.bank_account_id AND a.is_bank = 1
                WHERE t.company_id = ? AND t.bank_account_id <> ? AND t.amount_minor = ? AND t.transfer_pair_id IS NULL
                AND t.status = 'BOOKED' AND t.booking_date >= ? AND t.booking_date <= ?""", LEG,
                Keys.bind(company), Keys.bindText(leg.account()), -leg.amountMinor(), leg.date().minusDays(windowDays).toString(),
                leg.date().plusDays(windowDays).toString());
    }

    void pair(CompanyId company, TransferPairId pair, String first, String second) {
        jdbc.update("UPDATE bank_transaction SET transfer_pair_id = ? WHERE company_id = ? AND id IN (?, ?)",
                Keys.bind(pair), Keys.bind(company), Keys.bindText(first), Keys.bindText(second));
    }

    private static final RowMapper<Leg> LEG = (rs, i) -> new Leg(Keys.text(rs, 1), Keys.text(rs, 2), rs.getLong(3),
            LocalDate.parse(rs.getString(4)));

    List<BankTransaction> transactions(CompanyId company, TransactionFilter filter, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bank_transaction t WHERE t.company_id = ?");
        List<Object> args = new ArrayList<>(List.of(Keys.bind(company)));
        where(filter, sql, args);
        if (afterId != null) {
            sql.append(" AND t.id > ?");
            args.add(Keys.bindText(afterId));
        }
        sql.append(" ORDER BY t.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), TRANSACTION, args.toArray());
    }

    Optional<BankTransaction> transaction(CompanyId company, BankTransactionId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bank_transaction t WHERE t.company_id = ? AND t.id = ?", TRANSACTION,
                Keys.bind(company), Keys.bind(id)).stream().findFirst();
    }

    /** The ids of the matching transactions, in id order: no row is mapped. */
    List<String> ids(CompanyId company, TransactionFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT t.id FROM bank_transaction t WHERE t.company_id = ?");
        List<Object> args = new ArrayList<>(List.of(Keys.bind(company)));
        where(filter, sql, args);
        sql.append(" ORDER BY t.id");
        return jdbc.query(sql.toString(), (rs, i) -> Keys.text(rs, 1), args.toArray());
    }

    /** These transactions of the company, in id order; ids of other companies or unknown ids are skipped. */
    List<BankTransaction> transactions(CompanyId company, List<String> ids) {
        List<BankTransaction> found = new ArrayList<>();
        for (List<String> chunk : InLists.chunks(ids)) {
            List<Object> args = new ArrayList<>(List.of(Keys.bind(company)));
            chunk.forEach(id -> args.add(Keys.bindText(id)));
            found.addAll(jdbc.query("SELECT " + COLUMNS + " FROM bank_transaction t WHERE t.company_id = ? AND t.id IN ("
                    + InLists.placeholders(chunk.size()) + ")", TRANSACTION, args.toArray()));
        }
        found.sort(java.util.Comparator.comparing(t -> t.id().toString()));
        return found;
    }

    long count(CompanyId company, TransactionFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM bank_transaction t WHERE t.company_id = ?");
        List<Object> args = new ArrayList<>(List.of(Keys.bind(company)));
        where(filter, sql, args);
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    void stream(CompanyId company, TransactionFilter filter, Consumer<BankTransaction> consumer) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bank_transaction t WHERE t.company_id = ?");
        List<Object> args = new ArrayList<>(List.of(Keys.bind(company)));
        where(filter, sql, args);
        sql.append(" ORDER BY t.booking_date, t.source_line, t.id");
        jdbc.query(con -> {
            var statement = con.prepareStatement(sql.toString());
            statement.setFetchSize(1000);
            for (int i = 0; i < args.size(); i++) {
                org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(statement, i + 1,
                        org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, args.get(i));
            }
            return statement;
        }, rs -> {
            consumer.accept(TRANSACTION.mapRow(rs, 0));
        });
    }

    private static void where(TransactionFilter filter, StringBuilder sql, List<Object> args) {
        if (filter.bankAccount() != null) {
            sql.append(" AND t.bank_account_id = ?");
            args.add(Keys.bind(filter.bankAccount()));
        }
        if (filter.from() != null) {
            sql.append(" AND t.booking_date >= ?");
            args.add(filter.from().toString());
        }
        if (filter.to() != null) {
            sql.append(" AND t.booking_date <= ?");
            args.add(filter.to().toString());
        }
        if (filter.batch() != null) {
            sql.append(" AND t.batch_id = ?");
            args.add(Keys.bind(filter.batch()));
        }
        if (filter.status() != null) {
            sql.append(" AND t.status = ?");
            args.add(filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            for (String word : filter.text().strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                sql.append(" AND (LOWER(t.description) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(t.counterparty, '')) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(COALESCE(t.reference, '')) LIKE ? ESCAPE '\\')");
                args.add(like);
                args.add(like);
                args.add(like);
            }
        }
        if (!filter.includeSuperseded()) {
            sql.append(" AND NOT (t.status = 'PENDING' AND EXISTS (SELECT 1 FROM bank_transaction l"
                    + " WHERE l.company_id = t.company_id AND l.linked_to = t.id))");
        }
    }

    private static final RowMapper<BankTransaction> TRANSACTION = IngestRepository::transaction;

    private static BankTransaction transaction(ResultSet rs, int row) throws SQLException {
        String valueDate = rs.getString("value_date");
        UUID linked = Keys.get(rs, "linked_to");
        UUID pair = Keys.get(rs, "transfer_pair_id");
        return new BankTransaction(new BankTransactionId(Keys.get(rs, "id")),
                new AccountId(Keys.get(rs, "bank_account_id")), new ImportBatchId(Keys.get(rs, "batch_id")),
                LocalDate.parse(rs.getString("booking_date")), valueDate == null ? null : LocalDate.parse(valueDate),
                Money.ofMinor(rs.getLong("amount_minor"), CurrencyCode.of(rs.getString("currency"))),
                rs.getString("description"), rs.getString("normalized_description"), rs.getString("counterparty"),
                rs.getString("reference"), rs.getString("bank_txn_id"), rs.getString("fingerprint"), rs.getInt("occurrence"),
                TransactionStatus.valueOf(rs.getString("status")), linked == null ? null : new BankTransactionId(linked),
                pair == null ? null : new TransferPairId(pair), rs.getLong("source_line"),
                Timestamps.parse(rs.getString("created_at")));
    }

    List<ImportReport> batches(CompanyId company) {
        return jdbc.query("""
                SELECT id, file_name, sha256, format, profile, status, rows_read, rows_new, rows_duplicate, rows_rejected,
                    errors FROM import_batch WHERE company_id = ? ORDER BY created_at, id""",
                (rs, i) -> new ImportReport(new ImportBatchId(Keys.get(rs, 1)), rs.getString(2), rs.getString(3),
                        StatementFormat.valueOf(rs.getString(4)), rs.getString(5), ImportStatus.valueOf(rs.getString(6)),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        "FAILED".equals(rs.getString(6)) ? rs.getString(11) : null,
                        rs.getString(11) == null || "FAILED".equals(rs.getString(6)) ? List.of()
                                : List.of(rs.getString(11).split("\n"))), Keys.bind(company));
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
