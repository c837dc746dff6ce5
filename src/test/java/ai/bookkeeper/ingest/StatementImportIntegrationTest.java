package ai.bookkeeper.ingest;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.cli.Commands;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.ForbiddenException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class StatementImportIntegrationTest extends DatabaseIntegrationTest {

    static final Path SAMPLES = Path.of("src/test/resources/ingest");

    @Autowired Statements statements;
    @Autowired BankTransactions transactions;
    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired Commands commands;
    @Autowired IngestRepository repository;

    CompanyAccess owner;
    Account checking;
    Account savings;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        checking = ledger.accountByCode(owner, "1000").orElseThrow();
        savings = ledger.accountByCode(owner, "1010").orElseThrow();
    }

    ImportReport importSample(String sample) {
        return statements.importFile(owner, SAMPLES.resolve(sample), ImportOptions.defaults());
    }

    ImportReport importSample(String sample, ImportOptions options) {
        return statements.importFile(owner, SAMPLES.resolve(sample), options);
    }

    List<BankTransaction> all() {
        return transactions.transactions(owner, TransactionFilter.all());
    }

    @Test
    void re_importing_a_file_or_an_overlapping_export_adds_nothing_while_same_day_twins_are_both_kept() {
        ImportReport march = importSample("sim/2026-03.csv");
        assertThat(march.summary()).isEqualTo("2026-03.csv: 7 read, 7 new, 0 duplicate, 0 rejected");
        assertThat(march.profile()).contains("name: simulator");

        ImportReport again = importSample("sim/2026-03.csv");
        assertThat(again.summary()).isEqualTo("2026-03.csv: 7 read, 0 new, 7 duplicate, 0 rejected");

        ImportReport april = importSample("sim/2026-04.csv");
        assertThat(april.summary()).isEqualTo("2026-04.csv: 4 read, 2 new, 2 duplicate, 0 rejected");
        assertThat(april.warnings()).isEmpty();
        assertThat(transactions.newSince(owner, april.batch())).extracting(BankTransaction::description)
                .containsExactlyInAnyOrder("Rent April", "Interest");

        List<BankTransaction> twins = all().stream()
                .filter(t -> t.bookingDate().equals(LocalDate.of(2026, 3, 2))).toList();
        assertThat(twins).hasSize(2).extracting(BankTransaction::occurrence).containsExactlyInAnyOrder(1, 2);
        assertThat(twins).allSatisfy(t -> {
            assertThat(t.amount()).isEqualTo(Money.of("-4.50", CurrencyCode.USD));
            assertThat(t.bankAccount()).isEqualTo(checking.id());
            assertThat(t.normalizedDescription()).isEqualTo("STARBUCKS");
        });
        assertThat(all()).hasSize(9).extracting(BankTransaction::description)
                .contains("=HYPERLINK(\"http://evil.example\",\"x\")");
    }

    @Test
    void the_two_legs_of_a_transfer_between_own_accounts_are_paired() {
        importSample("sim/2026-03.csv");
        List<BankTransaction> legs = all().stream().filter(BankTransaction::isTransferLeg).toList();
        assertThat(legs).hasSize(2);
        assertThat(legs.get(0).transferPair()).isEqualTo(legs.get(1).transferPair());
        assertThat(legs).extracting(BankTransaction::bankAccount).containsExactlyInAnyOrder(checking.id(), savings.id());
        assertThat(legs).extracting(t -> t.amount().minorUnits()).containsExactlyInAnyOrder(-100000L, 100000L);
    }

    @Test
    void balances_are_stored_as_assertions_and_a_gap_or_a_broken_running_balance_is_flagged() {
        assertThat(importSample("sim/2026-03.csv").warnings()).isEmpty();
        assertThat(importSample("sim/2026-04.csv").warnings()).isEmpty();
        ImportReport june = importSample("sim/2026-06-gap.csv");

        assertThat(june.ok()).isTrue();
        assertThat(june.warnings()).containsExactlyInAnyOrder(
                "line 3: the running balance 800.00 does not follow from line 2 (expected 900.00); a transaction is"
                        + " missing between them or the file was edited",
                "balance gap in account CHK-4821: an earlier statement closed at USD 3826.47 on 2026-04-01; with the"
                        + " transactions imported since, that makes USD 2526.47 on 2026-06-02, but this file states"
                        + " USD 800.00; transactions between 2026-04-01 and 2026-06-02 are missing");
        Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM statement_balance WHERE company_id = ? AND"
                + " bank_account_id = ? AND kind = 'CLOSING'", Integer.class, Keys.bind(owner.companyId()),
                Keys.bind(checking.id()));
        assertThat(stored).isEqualTo(3);
    }

    @Test
    void a_pending_line_that_arrives_booked_later_is_linked_and_counted_once() {
        ImportReport pending = importSample("csv/pending.csv");
        ImportReport booked = importSample("csv/booked.csv");

        assertThat(pending.added()).isEqualTo(1);
        assertThat(booked.added()).isEqualTo(1);
        List<BankTransaction> visible = all();
        assertThat(visible).hasSize(1);
        BankTransaction confirmed = visible.get(0);
        assertThat(confirmed.status()).isEqualTo(TransactionStatus.BOOKED);
        assertThat(confirmed.bookingDate()).isEqualTo(LocalDate.of(2026, 3, 12));
        BankTransaction first = transactions.transactions(owner, TransactionFilter.all().withSuperseded()).stream()
                .filter(t -> t.status() == TransactionStatus.PENDING).findFirst().orElseThrow();
        assertThat(confirmed.linkedTo()).isEqualTo(first.id());
    }

    @Test
    void a_bad_file_among_good_ones_is_recorded_with_its_line_and_the_others_are_imported() {
        List<ImportReport> reports = statements.importAll(owner, List.of(SAMPLES.resolve("bad/1-good.csv"),
                SAMPLES.resolve("bad/2-bad-date.csv"), SAMPLES.resolve("bad/3-good.csv")), ImportOptions.defaults().account("1000"));

        assertThat(reports).extracting(ImportReport::status)
                .containsExactly(ImportStatus.IMPORTED, ImportStatus.FAILED, ImportStatus.IMPORTED);
        assertThat(reports.get(1).error()).isEqualTo(
                "2-bad-date.csv: line 4: the date '2026-13-45' does not match the date format MM/dd/yyyy");
        assertThat(all()).extracting(BankTransaction::description).containsExactlyInAnyOrder("Coffee", "Bagel");
        assertThat(statements.batches(owner)).filteredOn(b -> b.status() == ImportStatus.FAILED)
                .singleElement().satisfies(b -> assertThat(b.error()).contains("line 4"));
    }

    @Test
    void a_statement_failing_on_a_bad_line_keeps_neither_its_rows_nor_the_account_link_it_made(@TempDir Path dir)
            throws Exception {
        // the statement's account is linked (guessed: the chart's one checking account) while the file is parsed,
        // before the import's transaction begins; the link is written inside it, so a failure leaves none behind
        Path file = dir.resolve("chk.csv");
        Files.writeString(file, "Date,Description,Amount,Account\n03/01/2026,Coffee,-3.50,CHK-5150\n"
                + "03/15/2026,Tea,12.3.4,CHK-5150\n03/02/2026,Bagel,-2.25,CHK-5150\n");
        ImportReport failed = statements.importFile(owner, file, ImportOptions.defaults());

        assertThat(failed.status()).as(failed.summary()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).startsWith("chk.csv: line 3: the amount '12.3.4' is not an amount");
        assertThat(all()).isEmpty();
        assertThat(links("CHK-5150")).isZero();

        Files.writeString(file, "Date,Description,Amount,Account\n03/01/2026,Coffee,-3.50,CHK-5150\n"
                + "03/02/2026,Bagel,-2.25,CHK-5150\n03/15/2026,Tea,-1.75,CHK-5150\n");
        assertThat(statements.importFile(owner, file, ImportOptions.defaults()).status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(all()).extracting(BankTransaction::bankAccount).containsOnly(checking.id()).hasSize(3);
        assertThat(links("CHK-5150")).isOne();
    }

    @Test
    void an_import_holds_its_first_rows_unwritten_then_begins_writing_once_and_streams_the_rest_in_batches() {
        int[] begun = {0};
        FileImport run = countingBegins(begun);
        int line = 0;
        while (line < FileImport.STAGED_ROWS - 1) {
            run.line(statementLine(++line));
        }
        assertThat(begun[0]).isZero();
        assertThat(stored()).isZero();

        run.line(statementLine(++line));
        assertThat(begun[0]).isOne();
        assertThat(stored()).isEqualTo(FileImport.STAGED_ROWS);

        while (line < FileImport.STAGED_ROWS + FileImport.BATCH_ROWS - 1) {
            run.line(statementLine(++line));
        }
        assertThat(stored()).isEqualTo(FileImport.STAGED_ROWS);
        run.line(statementLine(++line));
        assertThat(stored()).isEqualTo(FileImport.STAGED_ROWS + FileImport.BATCH_ROWS);
        run.line(statementLine(++line));
        run.flush();
        assertThat(begun[0]).isOne();
        assertThat(stored()).isEqualTo(line);
    }

    @Test
    void rows_of_long_descriptions_end_the_staging_early_so_that_it_holds_about_16_mb() {
        int[] begun = {0};
        FileImport run = countingBegins(begun);
        String padding = "X".repeat(990);
        int line = 0;
        while (begun[0] == 0 && line < FileImport.STAGED_ROWS) {
            ai.bookkeeper.ingest.parser.StatementLine plain = statementLine(++line);
            run.line(new ai.bookkeeper.ingest.parser.StatementLine(plain.line(), plain.accountRef(), plain.bookingDate(),
                    null, plain.amount(), null, plain.description() + padding, null, null, null, false, null));
        }
        // about 4.4 KB counted per row: writing begins after some 3,800 rows, not 20,000
        assertThat(begun[0]).isOne();
        assertThat(line).isBetween(3_000, 4_500);
        assertThat(stored()).isEqualTo(line);
    }

    /** A file import into checking whose start of writing (it stores the import batch then) is counted in begun[0]. */
    FileImport countingBegins(int[] begun) {
        ImportBatchId batch = ImportBatchId.newId();
        return new FileImport(repository, owner.companyId(), batch, CurrencyCode.USD, (ref, line) -> checking.id(),
                java.time.Instant.now(), () -> {
                    begun[0]++;
                    repository.insertBatch(owner.companyId(), batch, "staged.csv", "0".repeat(64), StatementFormat.CSV,
                            null, java.time.Instant.now());
                });
    }

    static ai.bookkeeper.ingest.parser.StatementLine statementLine(int n) {
        return new ai.bookkeeper.ingest.parser.StatementLine(n + 1, "CHK-1", LocalDate.of(2026, 3, 1).plusDays(n % 28),
                null, java.math.BigDecimal.valueOf(-(100 + n), 2), null, "CARD PURCHASE " + n, null, null, null, false, null);
    }

    int stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ?", Integer.class,
                Keys.bind(owner.companyId()));
    }

    int links(String externalRef) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM statement_account WHERE company_id = ? AND external_ref = ?",
                Integer.class, Keys.bind(owner.companyId()), externalRef);
    }

    @Test
    void bad_input_gets_a_clear_error_naming_the_file_and_line() {
        ImportOptions options = ImportOptions.defaults().account("1000");
        assertThat(importSample("bad/empty.csv", options).error()).isEqualTo("empty.csv: the file is empty");
        assertThat(importSample("bad/garbage.bin", options).error())
                .isEqualTo("garbage.bin: line 1: the file is binary, not a text statement (CSV, OFX or camt.053)");
        assertThat(importSample("bad/unknown-columns.csv", options).error()).startsWith(
                "unknown-columns.csv: line 1: the columns could not be recognised: no row names a date and an amount column");
        assertThat(importSample("bad/bad-amount.csv", options).error()).isEqualTo(
                "bad-amount.csv: line 3: the amount '12.3.4' is not an amount (expected e.g. -1,234.56)");
        assertThat(importSample("sim/2026-03.csv", options.maxFileBytes(100)).error()).startsWith(
                "2026-03.csv: the file has 499 bytes, over the limit of 100; split it");
        assertThat(importSample("csv/chase-checking.csv").error()).startsWith(
                "chase-checking.csv: line 2: the file names no bank account");
        assertThat(all()).isEmpty();
    }

    @Test
    void in_lenient_mode_a_bad_row_is_rejected_and_counted_and_the_rest_is_imported() {
        ImportReport report = importSample("bad/bad-amount.csv", ImportOptions.defaults().account("1000").lenient());
        assertThat(report.summary()).isEqualTo("bad-amount.csv: 2 read, 2 new, 0 duplicate, 1 rejected, 1 warning(s)");
    }

    @Test
    void xml_with_a_doctype_is_refused_against_xxe_and_billion_laughs() {
        statements.linkAccount(owner, "DE89370400440532013000", "1000");
        assertThat(importSample("camt/xxe.camt053.xml").error()).isEqualTo("xxe.camt053.xml: line 2: the XML declares a"
                + " DOCTYPE, which is refused (DTDs and entities are switched off to prevent XXE and entity-expansion attacks)");
        assertThat(importSample("camt/billion-laughs.camt053.xml").error()).contains("DOCTYPE, which is refused");
        assertThat(importSample("ofx/xxe-v2.ofx").error()).contains("DOCTYPE, which is refused");
    }

    @Test
    void ofx_in_sgml_and_xml_share_fitids_so_the_second_adds_nothing() {
        ImportReport sgml = importSample("ofx/checking-v1.ofx");
        ImportReport xml = importSample("ofx/checking-v2.ofx");
        ImportReport qfx = importSample("ofx/card.qfx", ImportOptions.defaults().account("1010"));

        assertThat(sgml.summary()).isEqualTo("checking-v1.ofx: 3 read, 3 new, 0 duplicate, 0 rejected");
        assertThat(xml.summary()).isEqualTo("checking-v2.ofx: 3 read, 0 new, 3 duplicate, 0 rejected");
        assertThat(qfx.added()).isEqualTo(1);
        assertThat(all()).extracting(BankTransaction::bankTxnId)
                .containsExactlyInAnyOrder("202603020001", "202603020002", "202603150001", "QFX-0001");
        assertThat(all()).extracting(BankTransaction::fingerprint).contains("id:202603020001");
    }

    @Test
    void camt053_with_two_accounts_is_imported_and_balance_and_sequence_gaps_are_flagged() {
        statements.linkAccount(owner, "DE89370400440532013000", "1000");
        statements.linkAccount(owner, "0532013001", "1010");
        ImportReport march = importSample("camt/march.camt053.xml");
        assertThat(march.summary()).isEqualTo("march.camt053.xml: 4 read, 4 new, 0 duplicate, 0 rejected");
        assertThat(all()).filteredOn(t -> t.bankAccount().equals(savings.id())).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualTo(Money.of("-100.00", CurrencyCode.of("EUR"))));
        assertThat(all()).filteredOn(t -> t.status() == TransactionStatus.PENDING).hasSize(1);

        ImportReport april = importSample("camt/april-gap.camt053.xml");
        assertThat(april.warnings()).hasSize(3).anySatisfy(w -> assertThat(w).isEqualTo(
                "statement sequence gap in account DE89370400440532013000: the last statement imported was number 3,"
                        + " this one is 5; statements 4 to 4 are missing"))
                .anySatisfy(w -> assertThat(w).contains("opens at 1245.50, its booked entries sum to -10.00"))
                .anySatisfy(w -> assertThat(w).startsWith("balance gap in account DE89370400440532013000"));
    }

    @Test
    void the_common_bank_layouts_are_detected_and_a_corrected_profile_can_be_saved_and_used() {
        String yaml = statements.detectProfile(owner, SAMPLES.resolve("csv/german-volksbank.csv"));
        assertThat(yaml).contains("name: german", "delimiter: ;", "decimalSeparator: ','", "indicator: Soll/Haben");

        String name = statements.saveProfile(owner, yaml.replace("name: german", "name: my-volksbank"));
        ImportReport report = importSample("csv/german-volksbank.csv", ImportOptions.defaults().profile(name).account("1000"));
        assertThat(report.added()).isEqualTo(3);
        assertThat(all()).extracting(t -> t.amount().toString())
                .containsExactlyInAnyOrder("EUR -1234.56", "EUR 2500.00", "EUR -4.20");

        statements.saveProfile(owner, """
                name: hand-written
                columns: {date: Date, description: Text, amount: Amount}
                """);
        ImportReport wrongBank = importSample("bad/unknown-columns.csv",
                ImportOptions.defaults().profile("hand-written").account("1000"));
        assertThat(wrongBank.error()).isEqualTo("unknown-columns.csv: line 1: the profile's date column 'Date' is"
                + " not in the header, which has the columns [When, What, HowMuch]; correct the profile or choose the"
                + " right one for this bank");
    }

    @Test
    void every_sample_bank_layout_imports() {
        ImportOptions options = ImportOptions.defaults().account("1000");
        for (String sample : List.of("csv/chase-checking.csv", "csv/bank-of-america.csv", "csv/wells-fargo.csv",
                "csv/capital-one.csv", "csv/swiss-postfinance.csv", "csv/utf16-export.csv", "csv/latin1-export.csv",
                "sim/2026-03-cr-only.csv")) {
            ImportReport report = importSample(sample, options);
            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.added()).as(sample).isPositive();
        }
    }

    @Test
    void only_accountants_import_and_other_companies_see_nothing() {
        CompanyAccess viewer = Fixtures.member(tenancy, owner, Role.VIEWER);
        assertThatThrownBy(() -> statements.importFile(viewer, SAMPLES.resolve("sim/2026-03.csv"), ImportOptions.defaults()))
                .isInstanceOf(ForbiddenException.class);
        importSample("sim/2026-03.csv");
        CompanyAccess stranger = Fixtures.company(tenancy, BusinessType.RETAIL);
        assertThat(transactions.transactions(stranger, TransactionFilter.all())).isEmpty();
        assertThat(transactions.transactions(viewer, TransactionFilter.all())).hasSize(7);
    }

    @Test
    void the_ingest_command_imports_a_folder_for_a_company_named_by_name() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String company = tenancy.company(owner).name();
        int status = commands.run(new String[] {"ingest", "--company", company, SAMPLES.resolve("sim").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("2026-03-cr-only.csv: 2 read, 2 new", "2026-03.csv: 7 read, 5 new, 2 duplicate",
                "4 file(s), 0 failed");
        assertThat(status).isZero();
    }

    @Test
    void pages_and_streams_return_every_transaction_once() {
        importSample("sim/2026-03.csv");
        List<BankTransaction> first = transactions.page(owner, TransactionFilter.all(), null, 4);
        List<BankTransaction> second = transactions.page(owner, TransactionFilter.all(), first.get(3).id(), 4);
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first);
        List<BankTransaction> streamed = new java.util.ArrayList<>();
        transactions.forEach(owner, TransactionFilter.all().account(checking.id()), streamed::add);
        assertThat(streamed).hasSize(6).extracting(BankTransaction::bookingDate).isSorted();
    }
}
