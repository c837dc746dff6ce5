package ai.bookkeeper.ingest;

import ai.bookkeeper.ingest.parser.StatementBalance;
import ai.bookkeeper.ingest.parser.StatementParseException;
import ai.bookkeeper.ingest.parser.TextFiles;
import ai.bookkeeper.ingest.parser.camt.CamtParser;
import ai.bookkeeper.ingest.parser.csv.CsvDetector;
import ai.bookkeeper.ingest.parser.csv.CsvProfile;
import ai.bookkeeper.ingest.parser.csv.CsvProfileYaml;
import ai.bookkeeper.ingest.parser.csv.CsvStatementParser;
import ai.bookkeeper.ingest.parser.ofx.OfxParser;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.BookkeeperException;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports bank statement files (CSV, OFX/QFX, camt.053), each in its own database transaction: a file that fails is
 * recorded as a FAILED import batch naming the line, keeps nothing of itself, and the other files go on.
 * Re-importing is harmless: see {@link FileImport} for the fingerprint rule that makes it so.
 */
@Service
public class Statements {

    private static final int PENDING_WINDOW_DAYS = 10;
    private static final int TRANSFER_WINDOW_DAYS = 3;

    private final IngestRepository repository;
    private final Ledger ledger;
    private final Tenancy tenancy;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Statements(IngestRepository repository, Ledger ledger, Tenancy tenancy, PlatformTransactionManager transactionManager,
               Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.transactionManager = transactionManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Imports every file named, and every file inside the folders named (sorted by name); one report per file. */
    public List<ImportReport> importAll(CompanyAccess access, List<Path> paths, ImportOptions options) {
        access.require(Role.ACCOUNTANT, "import bank statements");
        List<ImportReport> reports = new ArrayList<>();
        for (Path path : expand(paths)) {
            reports.add(importFile(access, path, options));
        }
        return reports;
    }

    /** Imports one file; never throws for a bad file: the report says FAILED and why, naming the line. */
    public ImportReport importFile(CompanyAccess access, Path file, ImportOptions options) {
        access.require(Role.ACCOUNTANT, "import bank statements");
        ImportBatchId batch = ImportBatchId.newId();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Source source = new Source(name, null, StatementFormat.UNKNOWN, null, null);
        try {
            source = inspect(access, file, options);
            return importParsedFirst(access, file, batch, source, options);
        } catch (StatementParseException e) {
            String where = e.line() > 0 && !e.getMessage().startsWith("line ") ? "line " + e.line() + ": " : "";
            return failed(access, batch, source, name + ": " + where + e.getMessage());
        } catch (BookkeeperException e) {
            return failed(access, batch, source, name + ": " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return failed(access, batch, source, name + ": cannot be read: " + e.getMessage());
        } catch (DataAccessException e) {
            // the database failed mid-file (connection lost, server restarted): the file's transaction rolled back, so
            // nothing of it was kept; record that, if the database answers again, so the user knows to re-import
            try {
                return failed(access, batch, source, name + ": the database failed during the import and nothing of"
                        + " the file was kept; import it again (" + e.getMostSpecificCause().getMessage() + ")");
            } catch (DataAccessException again) {
                e.addSuppressed(again);
                throw e;
            }
        }
    }

    /** The CSV layout detected for {@code file}, as YAML for the user to check, correct and save. */
    public String detectProfile(CompanyAccess access, Path file) {
        access.require(Role.VIEWER, "look at statement layouts");
        try {
            Source source = inspect(access, file, ImportOptions.defaults());
            if (source.format != StatementFormat.CSV) {
                throw new InvalidInputException("ingest.profile.not_csv", file.getFileName() + " is " + source.format
                        + ", which describes itself; only CSV files need a profile.");
            }
            return source.profileYaml;
        } catch (StatementParseException e) {
            throw new InvalidInputException("ingest.profile.undetected", file.getFileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("ingest.file.unreadable", file + " cannot be read: " + e.getMessage());
        }
    }

    /** Saves a (corrected) profile under the name it states, for {@link ImportOptions#profile(String)}; returns the name. */
    public String saveProfile(CompanyAccess access, String yaml) {
        access.require(Role.ACCOUNTANT, "save statement layouts");
        CsvProfile profile;
        try {
            profile = CsvProfileYaml.read(yaml);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("ingest.profile.invalid", "The profile can't be used: " + e.getMessage() + ".");
        }
        transactions.executeWithoutResult(s -> repository.saveProfile(access.companyId(), profile.name(),
                CsvProfileYaml.write(profile), clock.instant()));
        return profile.name();
    }

    /** From now on, statements naming {@code externalRef} (an IBAN, ACCTID, CSV account) belong to ledger account {@code ledgerCode}. */
    public void linkAccount(CompanyAccess access, String externalRef, String ledgerCode) {
        access.require(Role.ACCOUNTANT, "link bank accounts");
        Account account = bankAccount(access, ledgerCode);
        transactions.executeWithoutResult(s -> repository.link(access.companyId(), externalRef.strip(), account.id(),
                clock.instant()));
    }

    /** Every import of the company, failed ones included, oldest first. */
    /** The closing balances the imported statements stated, for the balance check in reconciliation. */
    public List<StatedBalance> closingBalances(CompanyAccess access) {
        return repository.closingBalances(access.companyId());
    }

    public List<ImportReport> batches(CompanyAccess access) {
        access.require(Role.VIEWER, "see imports");
        return repository.batches(access.companyId());
    }

    private record Source(String name, String sha256, StatementFormat format, CsvProfile profile, String profileYaml) {
    }

    private Source inspect(CompanyAccess access, Path file, ImportOptions options) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new StatementParseException(0, "no such file");
        }
        long size = Files.size(file);
        if (size > options.maxFileBytes()) {
            throw new StatementParseException(0, "the file has " + size + " bytes, over the limit of "
                    + options.maxFileBytes() + "; split it, or raise the limit if it really is one statement");
        }
        String sha = sha256(file);
        if (size == 0) {
            throw new StatementParseException(0, "the file is empty");
        }
        byte[] head = TextFiles.head(file);
        if (head.length >= 4 && new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF")) {
            throw new StatementParseException(1, "this is a PDF; import receipts and documents with Receipts, not as a statement");
        }
        Charset charset = TextFiles.detectCharset(head);
        if (TextFiles.looksBinary(head, charset)) {
            throw new StatementParseException(1, "the file is binary, not a text statement (CSV, OFX or camt.053)");
        }
        String text = TextFiles.decodeHead(head, charset);
        if (OfxParser.looksLikeOfx(text)) {
            return new Source(name, sha, StatementFormat.OFX, null, null);
        }
        if (text.stripLeading().startsWith("<")) {
            if (CamtParser.looksLikeCamt(text)) {
                return new Source(name, sha, StatementFormat.CAMT053, null, null);
            }
            throw new StatementParseException(1, "the file is XML but neither camt.053 nor OFX");
        }
        CsvProfile profile;
        if (options.profileName() != null) {
            String yaml = repository.profile(access.companyId(), options.profileName()).orElseThrow(() ->
                    new NotFoundException("ingest.profile.not_found", "No saved profile '" + options.profileName()
                            + "'; save one first (detect it, correct it, save it)."));
            profile = CsvProfileYaml.read(yaml);
        } else {
            profile = CsvDetector.detect(text, charset.name());
        }
        return new Source(name, sha, StatementFormat.CSV, profile, CsvProfileYaml.write(profile));
    }

    /**
     * Imports one file in one transaction, which begins only when the first row is written: the file's first rows
     * (up to {@link FileImport#STAGED_ROWS} or about 16 MB: all of an ordinary statement) are parsed and fingerprinted
     * before it, and the accounts the statement names are resolved then too (a new link is written inside the
     * transaction). So the transaction, and on SQLite the one write lock, is held for the writing only. A file that
     * fails to parse before that never begins one.
     */
    private ImportReport importParsedFirst(CompanyAccess access, Path file, ImportBatchId batch, Source source,
                                           ImportOptions options) {
        CompanyId company = access.companyId();
        CurrencyCode currency = source.profile != null && source.profile.currency() != null
                ? CurrencyCode.of(source.profile.currency()) : tenancy.company(access).currency();
        AccountResolver resolver = new AccountResolver(access, options);
        // Spring's transaction status, not the ingest TransactionStatus of a bank line
        org.springframework.transaction.TransactionStatus[] transaction = new org.springframework.transaction.TransactionStatus[1];
        Runnable beginWriting = () -> {
            transaction[0] = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            repository.insertBatch(company, batch, source.name, source.sha256, source.format, source.profileYaml,
                    clock.instant());
            resolver.saveLinks();
        };
        try {
            FileImport run = new FileImport(repository, company, batch, currency, resolver::resolve, clock.instant(),
                    beginWriting);
            switch (source.format) {
                case CSV -> new CsvStatementParser(source.profile, options.maxLineChars(), options.strict()).parse(file, run);
                case OFX -> OfxParser.parse(file, run);
                case CAMT053 -> CamtParser.parse(file, run);
                default -> throw new IllegalStateException("no parser for " + source.format);
            }
            run.flush();
            List<String> warnings = new ArrayList<>(run.warnings);
            for (StatementBalance balance : run.balances) {
                checkAndStore(company, batch, source.format, balance, run, resolver, warnings);
            }
            resolver.saveLinks();
            repository.linkPendingToBooked(company, batch, PENDING_WINDOW_DAYS);
            pairTransfers(company, run.transferCandidates);
            long added = repository.countInBatch(company, batch);
            ImportReport report = new ImportReport(batch, source.name, source.sha256, source.format, source.profileYaml,
                    ImportStatus.IMPORTED, run.read, added, run.read - added, run.rejected, null, warnings);
            repository.finishBatch(company, report);
            org.springframework.transaction.TransactionStatus done = transaction[0];
            transaction[0] = null;
            transactionManager.commit(done);
            return report;
        } catch (RuntimeException | Error e) {
            if (transaction[0] != null && !transaction[0].isCompleted()) {
                try {
                    transactionManager.rollback(transaction[0]);
                } catch (RuntimeException | Error rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        }
    }

    private void checkAndStore(CompanyId company, ImportBatchId batch, StatementFormat format, StatementBalance balance,
                               FileImport run, AccountResolver resolver, List<String> warnings) {
        AccountId account = resolver.resolve(balance.accountRef(), 0L);
        Money amount = FileImport.money(balance.amount(), run.currency(balance.currency(), 0), 0);
        if (balance.kind() == StatementBalance.Kind.CLOSING) {
            repository.previousClosing(company, account, balance.asOf(), batch).ifPresent(previous -> {
                long expected = previous.balance().minorUnits()
                        + repository.bookedSum(company, account, previous.asOf(), balance.asOf());
                if (expected != amount.minorUnits()) {
                    warnings.add("balance gap in account " + label(balance.accountRef()) + ": an earlier statement closed"
                            + " at " + previous.balance() + " on " + previous.asOf() + "; with the transactions imported"
                            + " since, that makes " + Money.ofMinor(expected, amount.currency()) + " on " + balance.asOf()
                            + ", but this file states " + amount + "; transactions between " + previous.asOf() + " and "
                            + balance.asOf() + " are missing");
                }
            });
            if (balance.sequence() != null && balance.sequence().matches("\\d{1,18}")) {
                long sequence = Long.parseLong(balance.sequence());
                repository.sequences(company, account, batch).stream().filter(s -> s.matches("\\d{1,18}"))
                        .mapToLong(Long::parseLong).filter(s -> s < sequence).max().ifPresent(last -> {
                            if (sequence > last + 1) {
                                warnings.add("statement sequence gap in account " + label(balance.accountRef())
                                        + ": the last statement imported was number " + last + ", this one is " + sequence
                                        + "; statements " + (last + 1) + " to " + (sequence - 1) + " are missing");
                            }
                        });
            }
        }
        String source = format.name() + (balance.kind() == StatementBalance.Kind.OPENING ? "_OPENING" : "_CLOSING");
        repository.insertBalance(company, account, balance.asOf(), amount, balance.kind().name(), source,
                balance.sequence(), batch);
    }

    private static String label(String ref) {
        return ref == null ? "(unnamed)" : ref;
    }

    private void pairTransfers(CompanyId company, List<String> candidates) {
        for (String id : candidates) {
            repository.unpairedLeg(company, id).ifPresent(leg -> repository.counterLegs(company, leg, TRANSFER_WINDOW_DAYS)
                    .stream()
                    .min(Comparator.comparingLong(c -> Math.abs(c.date().toEpochDay() - leg.date().toEpochDay())))
                    .ifPresent(other -> repository.pair(company, TransferPairId.newId(), leg.id(), other.id())));
        }
    }

    private ImportReport failed(CompanyAccess access, ImportBatchId batch, Source source, String error) {
        ImportReport report = new ImportReport(batch, source.name, source.sha256, source.format, source.profileYaml,
                ImportStatus.FAILED, 0, 0, 0, 0, error, List.of());
        transactions.executeWithoutResult(s -> {
            repository.insertBatch(access.companyId(), batch, source.name, source.sha256, source.format,
                    source.profileYaml, clock.instant());
            repository.finishBatch(access.companyId(), report);
        });
        return report;
    }

    /** Maps a statement's account name to a ledger bank account, once per file. */
    private final class AccountResolver {
        private final CompanyAccess access;
        private final ImportOptions options;
        private final Map<String, AccountId> resolved = new HashMap<>();
        /** Links made while parsing, before the import's transaction began; written by {@link #saveLinks}. */
        private final Map<String, AccountId> unsaved = new LinkedHashMap<>();
        private boolean defaultUsed;

        AccountResolver(CompanyAccess access, ImportOptions options) {
            this.access = access;
            this.options = options;
        }

        AccountId resolve(String ref, Long line) {
            String key = ref == null ? "" : ref;
            AccountId known = resolved.get(key);
            if (known != null) {
                return known;
            }
            AccountId account = lookup(ref, line);
            resolved.put(key, account);
            return account;
        }

        private AccountId lookup(String ref, long line) {
            String where = line > 0 ? "line " + line + ": " : "";
            if (ref == null) {
                if (options.defaultAccountCode() == null) {
                    throw new StatementParseException(line, where + "the file names no bank account; say which ledger"
                            + " bank account it belongs to (ingest --account 1000, or ImportOptions.account)");
                }
                return bankAccount(access, options.defaultAccountCode()).id();
            }
            Optional<AccountId> linked = repository.linkedAccount(access.companyId(), ref);
            if (linked.isPresent()) {
                return linked.get();
            }
            Optional<Account> guessed = guess(ref);
            if (guessed.isEmpty() && options.defaultAccountCode() != null && !defaultUsed) {
                defaultUsed = true;
                guessed = Optional.of(bankAccount(access, options.defaultAccountCode()));
            }
            Account account = guessed.orElseThrow(() -> new StatementParseException(line, where + "the statement account '"
                    + ref + "' is linked to no ledger bank account; link it first (Statements.linkAccount, or"
                    + " ingest --link " + ref + "=<ledger code>)"));
            unsaved.put(ref, account.id());
            return account.id();
        }

        /**
         * Writes the links resolved since the last call; inside the import's transaction. A link someone else made for
         * the same statement account while the file was read is kept, and if it names another ledger account the
         * file fails (its rows were read for the account this import chose), to be imported again.
         */
        void saveLinks() {
            unsaved.forEach((ref, account) -> {
                Optional<AccountId> now = repository.linkedAccount(access.companyId(), ref);
                if (now.isEmpty()) {
                    repository.link(access.companyId(), ref, account, clock.instant());
                } else if (!now.get().equals(account)) {
                    throw new StatementParseException(0, "the statement account '" + ref + "' was linked to another"
                            + " ledger account while this file was being read; import the file again");
                }
            });
            unsaved.clear();
        }

        /** CHK-4821 is the checking account and SAV-7730 the savings account when the chart has exactly one of each. */
        private Optional<Account> guess(String ref) {
            String upper = ref.toUpperCase(Locale.ROOT);
            List<Account> banks = ledger.accounts(access).stream().filter(Account::bank).toList();
            Optional<Account> byCode = banks.stream().filter(a -> a.code().equals(ref.strip())).findFirst();
            if (byCode.isPresent()) {
                return byCode;
            }
            String word = upper.matches("^(CHK|CHQ|CHECKING|GIRO).*") ? "CHECKING"
                    : upper.matches("^(SAV|SAVINGS).*") ? "SAVINGS" : null;
            if (word == null) {
                return Optional.empty();
            }
            List<Account> matches = banks.stream().filter(a -> a.name().toUpperCase(Locale.ROOT).contains(word)).toList();
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
    }

    private Account bankAccount(CompanyAccess access, String ledgerCode) {
        Account account = ledger.accountByCode(access, ledgerCode).orElseThrow(() -> new NotFoundException(
                "ingest.account.not_found", "No ledger account with code " + ledgerCode + "; use the code of a bank account."));
        if (!account.bank()) {
            throw new InvalidInputException("ingest.account.not_bank", "Ledger account " + account.label()
                    + " is not a bank account; statements belong to bank accounts only.");
        }
        return account;
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.walk(path)) {
                    children.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
