package ai.bookkeeper.ingest;

import ai.bookkeeper.ingest.parser.StatementBalance;
import ai.bookkeeper.ingest.parser.StatementHandler;
import ai.bookkeeper.ingest.parser.StatementLine;
import ai.bookkeeper.ingest.parser.StatementParseException;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.BookkeeperException;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.Timestamps;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The state of importing one file: turns parsed lines into rows with fingerprints, inserts them in JDBC batches, and
 * remembers what the post-import checks need.
 *
 * <p>The first rows, up to {@link #STAGED_ROWS} of them or about {@link #STAGED_BYTES} of text, are parsed before
 * the file's database transaction begins, so that a statement of ordinary size is read, checked and fingerprinted
 * without holding the database's write lock (on SQLite, one lock for every company); {@code beginWriting} is called
 * before the first row is written, and opens the transaction. A longer file goes on streaming inside that transaction
 * in batches of {@link #BATCH_ROWS}, so memory stays bounded whatever its size.
 *
 * <p>Fingerprint rule: {@code id:<bank id>} when the format carries the bank's own id (FITID, AcctSvcrRef or
 * EndToEndId, a CSV reference column); otherwise {@code h:} + SHA-256 over booking date, amount in minor units,
 * currency, normalized description and the occurrence number of that combination within the file (1, 2, ...). The
 * account is the other part of the unique key. So a re-import, or an overlapping export of the same account, maps
 * each line to the fingerprint it had before, while two genuine same-day twins in one statement get occurrences 1
 * and 2 and both stay.
 */
final class FileImport implements StatementHandler {

    static final int BATCH_ROWS = 1000;
    /** At most this many rows are held before the transaction begins (a bank line is typically 0.5–1 KB in memory). */
    static final int STAGED_ROWS = 20_000;
    /**
     * And at most about this many bytes of them (strings counted at two bytes a character, plus a row's fixed part),
     * so that rows of long descriptions (up to 1,000 characters each) stop the staging early: 16 MB per import.
     */
    static final long STAGED_BYTES = 16L * 1024 * 1024;
    private static final int ROW_BYTES = 400;
    private static final int MAX_TRANSFER_CANDIDATES = 100_000;
    private static final Pattern TRANSFER = Pattern.compile(
            "\\b(TRANSFER|XFER|TRF|TFR|UMBUCHUNG|ÜBERTRAG|UEBERTRAG|VIREMENT)\\b", Pattern.CASE_INSENSITIVE);

    private final IngestRepository repository;
    private final CompanyId company;
    private final ImportBatchId batch;
    private final CurrencyCode defaultCurrency;
    private final BiFunction<String, Long, AccountId> accounts;
    private final String createdAt;
    private final MessageDigest sha256;
    private final Runnable beginWriting;
    private final List<Object[]> pending = new ArrayList<>(BATCH_ROWS);
    private boolean writing;
    private long stagedBytes;
    private final Map<Long, Integer> occurrences = new HashMap<>();
    final List<StatementBalance> balances = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> transferCandidates = new ArrayList<>();
    long read;
    long rejected;

    FileImport(IngestRepository repository, CompanyId company, ImportBatchId batch, CurrencyCode defaultCurrency,
               BiFunction<String, Long, AccountId> accounts, Instant now, Runnable beginWriting) {
        this.repository = repository;
        this.beginWriting = beginWriting;
        this.company = company;
        this.batch = batch;
        this.defaultCurrency = defaultCurrency;
        this.accounts = accounts;
        this.createdAt = Timestamps.format(now);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void line(StatementLine line) {
        read++;
        AccountId account = accounts.apply(line.accountRef(), line.line());
        CurrencyCode currency = currency(line.currency(), line.line());
        Money amount = money(line.amount(), currency, line.line());
        String normalized = IngestRepository.truncate(Vendors.normalize(line.description()), 1000);
        String bankId = line.bankTxnId() == null ? null : line.bankTxnId().strip();
        int occurrence = 1;
        String fingerprint;
        if (bankId != null && !bankId.isEmpty()) {
            fingerprint = "id:" + IngestRepository.truncate(bankId, 240);
        } else {
            String material = line.bookingDate() + "|" + amount.minorUnits() + "|" + currency.value() + "|" + normalized;
            long key = hash64(account + "|" + material);
            // a 64-bit key keeps a million lines in a few tens of MB; a collision only renumbers a line, the same way
            // on every re-import of the same file
            occurrence = occurrences.merge(key, 1, Integer::sum);
            fingerprint = "h:" + HexFormat.of().formatHex(digest(material + "|" + occurrence), 0, 16);
        }
        UUID key = Ids.newId();
        String id = key.toString();
        pending.add(new Object[] {company.value(), key, account.value(), batch.value(), line.bookingDate().toString(),
                line.valueDate() == null ? null : line.valueDate().toString(), amount.minorUnits(), currency.value(),
                IngestRepository.truncate(line.description(), 1000), normalized,
                IngestRepository.truncate(line.counterparty(), 300), IngestRepository.truncate(line.reference(), 200),
                IngestRepository.truncate(bankId, 200), fingerprint, occurrence,
                line.pending() ? TransactionStatus.PENDING.name() : TransactionStatus.BOOKED.name(), line.line(), createdAt});
        if (!line.pending() && transferCandidates.size() < MAX_TRANSFER_CANDIDATES
                && TRANSFER.matcher(line.description()).find()) {
            transferCandidates.add(id);
        }
        if (writing) {
            if (pending.size() >= BATCH_ROWS) {
                flush();
            }
        } else {
            stagedBytes += ROW_BYTES + 2L * (length(line.description()) + normalized.length() + length(line.counterparty())
                    + length(line.reference()) + length(bankId) + fingerprint.length());
            if (pending.size() >= STAGED_ROWS || stagedBytes >= STAGED_BYTES) {
                flush();
            }
        }
    }

    @Override
    public void balance(StatementBalance balance) {
        balances.add(balance);
    }

    @Override
    public void warning(long line, String message) {
        if (warnings.size() < 100) {
            warnings.add(message);
        }
    }

    @Override
    public void rejected(long line, String reason) {
        rejected++;
        if (warnings.size() < 100) {
            warnings.add("rejected " + reason);
        }
    }

    /** Writes the rows held so far, beginning to write (the transaction) first if this is the first time. */
    void flush() {
        if (!writing) {
            beginWriting.run();
            writing = true;
        }
        for (int from = 0; from < pending.size(); from += BATCH_ROWS) {
            repository.insertTransactions(pending.subList(from, Math.min(from + BATCH_ROWS, pending.size())));
        }
        pending.clear();
    }

    CurrencyCode currency(String code, long line) {
        if (code == null || code.isBlank()) {
            return defaultCurrency;
        }
        try {
            return CurrencyCode.of(code);
        } catch (BookkeeperException e) {
            throw new StatementParseException(line, "line " + line + ": " + e.getMessage());
        }
    }

    static Money money(BigDecimal amount, CurrencyCode currency, long line) {
        try {
            return Money.of(amount, currency);
        } catch (BookkeeperException | ArithmeticException e) {
            throw new StatementParseException(line, "line " + line + ": the amount " + amount.toPlainString()
                    + " has more decimals than " + currency + " has, or is too large");
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private byte[] digest(String text) {
        sha256.reset();
        return sha256.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private long hash64(String text) {
        byte[] d = digest(text);
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xFF);
        }
        return h;
    }
}
