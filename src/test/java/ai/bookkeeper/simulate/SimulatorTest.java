package ai.bookkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.bookkeeper.ledger.ChartTemplates;
import ai.bookkeeper.ledger.ChartTemplates.TemplateAccount;
import ai.bookkeeper.simulate.SimulationResult.CompanySummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pilot run (seed 42, five companies, 12 months), written once and read by every test here. */
class SimulatorTest {

    private static final Map<String, int[]> TABLE = Map.of( // slug -> {transactions, receipts} of the pilot brief
            "hamilton_coffee_co", new int[] {330, 84},
            "cincy_web_builders_llc", new int[] {357, 119},
            "liberty_childcare_center", new int[] {368, 52},
            "contreras_real_estate_group", new int[] {358, 196},
            "midwest_accounting_advisors", new int[] {289, 183});
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @TempDir
    static Path out;
    static SimulationResult result;

    @BeforeAll
    static void simulatePilot() {
        result = Simulator.generate(SimulationSpec.pilot(), out);
    }

    @Test
    void each_pilot_company_has_its_size_within_ten_percent_and_the_pilot_about_1700_transactions_and_634_receipts() {
        assertThat(result.companies()).extracting(s -> s.company().slug()).containsExactlyInAnyOrderElementsOf(
                TABLE.keySet());
        for (CompanySummary summary : result.companies()) {
            String slug = summary.company().slug();
            int transactions = Trees.csv(SimulationLayout.truthDir(out, slug).resolve("ground_truth.csv")).size();
            int receipts = Trees.list(SimulationLayout.docsDir(out, slug), "receipt_*.txt").size();
            assertThat(transactions).as(slug).isEqualTo(summary.transactions())
                    .isCloseTo(TABLE.get(slug)[0], within(TABLE.get(slug)[0] / 10));
            assertThat(receipts).as(slug).isEqualTo(summary.receipts())
                    .isCloseTo(TABLE.get(slug)[1], within(TABLE.get(slug)[1] / 10));
        }
        assertThat(result.transactions()).isCloseTo(1702, within(170));
        assertThat(result.receipts()).isCloseTo(634, within(63));
    }

    @Test
    void statements_have_the_agreed_header_formats_and_running_balances_and_descriptions_cut_like_a_bank() {
        Pattern amount = Pattern.compile("-?\\d+\\.\\d{2}");
        for (String slug : TABLE.keySet()) {
            Map<String, Long> balances = openingBalances(slug);
            List<Path> files = Trees.list(SimulationLayout.csvDir(out, slug), "bank_*.csv");
            assertThat(files).hasSize(12);
            assertThat(files.get(0).getFileName().toString()).isEqualTo("bank_202501.csv");
            for (Path file : files) {
                assertThat(Trees.header(file)).isEqualTo("Date,Description,Amount,Balance,Account");
                assertThat(Trees.read(file)).doesNotContain("\r");
                for (CSVRecord row : genuineRows(file)) {
                    LocalDate.parse(row.get("Date"), US_DATE);
                    assertThat(row.get("Amount")).matches(amount);
                    assertThat(row.get("Balance")).matches(amount);
                    assertThat(row.get("Account")).matches("(CHK|SAV)-\\d{4}");
                    assertThat(row.get("Description")).hasSizeLessThanOrEqualTo(32)
                            .isEqualTo(row.get("Description").toUpperCase(java.util.Locale.ROOT));
                    long after = balances.merge(row.get("Account"), cents(row.get("Amount")), Long::sum);
                    assertThat(cents(row.get("Balance"))).as(file + " line " + row.getRecordNumber()).isEqualTo(after);
                }
            }
        }
    }

    @Test
    void a_description_with_a_comma_is_quoted_and_reads_back_whole() {
        Path january = SimulationLayout.csvDir(out, "cincy_web_builders_llc").resolve("bank_202501.csv");
        assertThat(Trees.read(january)).contains(",\"GITHUB, INC. GITHUB.COM CA\",");
        assertThat(Trees.csv(january)).extracting(r -> r.get("Description")).contains("GITHUB, INC. GITHUB.COM CA");
    }

    @Test
    void each_month_export_after_an_overlap_repeats_the_last_rows_of_the_previous_file_byte_for_byte() {
        int overlapsSeen = 0;
        for (String slug : TABLE.keySet()) {
            List<Path> files = Trees.list(SimulationLayout.csvDir(out, slug), "bank_*.csv");
            for (int i = 1; i < files.size(); i++) {
                List<String> previous = Trees.read(files.get(i - 1)).lines().toList();
                List<String> current = Trees.read(files.get(i)).lines().toList();
                YearMonth month = YearMonth.parse(files.get(i).getFileName().toString().substring(5, 11),
                        DateTimeFormatter.ofPattern("yyyyMM"));
                int repeated = 0;
                while (!YearMonth.from(LocalDate.parse(current.get(1 + repeated).substring(0, 10), US_DATE))
                        .equals(month)) {
                    repeated++;
                }
                assertThat(current.subList(1, 1 + repeated)).as(files.get(i).toString())
                        .isEqualTo(previous.subList(previous.size() - repeated, previous.size()));
                overlapsSeen += repeated > 0 ? 1 : 0;
            }
            assertThat(result.companies().stream().filter(s -> s.company().slug().equals(slug)).findFirst()
                    .orElseThrow().overlapRows()).isPositive();
        }
        assertThat(overlapsSeen).isGreaterThanOrEqualTo(TABLE.size());
    }

    @Test
    void the_ground_truth_lists_every_genuine_statement_row_once_in_order_and_never_the_repeated_ones() {
        for (String slug : TABLE.keySet()) {
            List<String> statementRows = new ArrayList<>();
            for (Path file : Trees.list(SimulationLayout.csvDir(out, slug), "bank_*.csv")) {
                for (CSVRecord row : genuineRows(file)) {
                    statementRows.add(row.get("Account") + "|" + LocalDate.parse(row.get("Date"), US_DATE) + "|"
                            + row.get("Amount") + "|" + row.get("Description"));
                }
            }
            List<CSVRecord> truth = Trees.csv(SimulationLayout.truthDir(out, slug).resolve("ground_truth.csv"));
            assertThat(truth).extracting(t -> t.get("account_ref") + "|" + t.get("date") + "|" + t.get("amount") + "|"
                    + t.get("description")).as(slug).isEqualTo(statementRows);
            Map<String, Integer> seen = new HashMap<>();
            for (CSVRecord t : truth) {
                String key = t.get("account_ref") + t.get("date") + t.get("amount") + t.get("description");
                assertThat(Integer.parseInt(t.get("occurrence"))).isEqualTo(seen.merge(key, 1, Integer::sum));
            }
        }
        assertThat(Trees.header(SimulationLayout.truthDir(out, "hamilton_coffee_co").resolve("ground_truth.csv")))
                .isEqualTo("account_ref,date,amount,description,occurrence,true_account_code,vendor,kind");
    }

    @Test
    void every_true_account_is_in_the_company_chart_and_only_a_transfer_books_to_a_bank_account() {
        for (CompanySummary summary : result.companies()) {
            String slug = summary.company().slug();
            List<TemplateAccount> template = ChartTemplates.forType(summary.company().businessType());
            Set<String> codes = template.stream().map(TemplateAccount::code).collect(Collectors.toSet());
            Set<String> bankCodes = template.stream().filter(TemplateAccount::bank).map(TemplateAccount::code)
                    .collect(Collectors.toSet());
            String coa = Trees.read(SimulationLayout.metadataDir(out, slug).resolve("coa.json"));
            for (CSVRecord t : Trees.csv(SimulationLayout.truthDir(out, slug).resolve("ground_truth.csv"))) {
                String code = t.get("true_account_code");
                assertThat(codes).as(slug + " " + t.get("description")).contains(code);
                assertThat(coa).contains("\"code\" : \"" + code + "\"");
                assertThat(bankCodes.contains(code)).as(t.toString()).isEqualTo(t.get("kind").equals("transfer"));
                assertThat(t.get("kind")).isIn("revenue", "expense", "payroll", "transfer", "refund");
            }
        }
    }

    @Test
    void every_company_has_a_transfer_a_refund_identical_twins_and_a_vendor_under_two_spellings() {
        for (CompanySummary summary : result.companies()) {
            String slug = summary.company().slug();
            List<CSVRecord> truth = Trees.csv(SimulationLayout.truthDir(out, slug).resolve("ground_truth.csv"));
            // transfer: checking -> savings, one row on each account, same day, same amount
            CSVRecord out1000 = truth.stream().filter(t -> t.get("kind").equals("transfer")
                    && t.get("account_ref").startsWith("CHK-")).findFirst().orElseThrow();
            assertThat(out1000.get("true_account_code")).isEqualTo("1010");
            assertThat(out1000.get("amount")).startsWith("-");
            assertThat(truth).anySatisfy(t -> {
                assertThat(t.get("account_ref")).startsWith("SAV-");
                assertThat(t.get("true_account_code")).isEqualTo("1000");
                assertThat(t.get("date")).isEqualTo(out1000.get("date"));
                assertThat(t.get("amount")).isEqualTo(out1000.get("amount").substring(1));
            });
            // refund: money back from a vendor, booked against the expense it reverses
            assertThat(truth).anySatisfy(t -> {
                assertThat(t.get("kind")).isEqualTo("refund");
                assertThat(cents(t.get("amount"))).isPositive();
                assertThat(t.get("true_account_code")).matches("[56]\\d{3}");
            });
            // twins: two genuine rows alike in date, amount and description; only the balance differs
            CSVRecord second = truth.stream().filter(t -> t.get("occurrence").equals("2")).findFirst().orElseThrow();
            List<CSVRecord> pair = Trees.list(SimulationLayout.csvDir(out, slug), "bank_*.csv").stream()
                    .flatMap(f -> genuineRows(f).stream())
                    .filter(r -> r.get("Description").equals(second.get("description"))
                            && r.get("Amount").equals(second.get("amount"))
                            && LocalDate.parse(r.get("Date"), US_DATE).toString().equals(second.get("date")))
                    .toList();
            assertThat(pair).hasSize(2);
            assertThat(pair.get(0).get("Balance")).isNotEqualTo(pair.get(1).get("Balance"));
            // one vendor, two spellings, both on the statements
            String vendors = Trees.read(SimulationLayout.metadataDir(out, slug).resolve("vendors.json"));
            Matcher twoSpellings = Pattern.compile("\"spellings\" : \\[\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"\\s*]")
                    .matcher(vendors);
            assertThat(twoSpellings.find()).as(slug + " vendors.json names a vendor with two spellings").isTrue();
            assertThat(truth).anyMatch(t -> t.get("description").contains(twoSpellings.group(1)));
            assertThat(truth).anyMatch(t -> t.get("description").contains(twoSpellings.group(2)));
        }
    }

    @Test
    void a_receipt_belongs_to_an_expense_with_the_same_total_dated_up_to_three_days_before_the_bank_line() {
        for (String slug : TABLE.keySet()) {
            Map<String, CSVRecord> truth = new HashMap<>();
            for (CSVRecord t : Trees.csv(SimulationLayout.truthDir(out, slug).resolve("ground_truth.csv"))) {
                truth.put(key(t), t);
            }
            List<CSVRecord> receipts = Trees.csv(SimulationLayout.truthDir(out, slug).resolve("receipts_truth.csv"));
            assertThat(receipts).hasSize(Trees.list(SimulationLayout.docsDir(out, slug), "receipt_*.txt").size());
            for (CSVRecord r : receipts) {
                CSVRecord line = truth.get(key(r));
                assertThat(line).as(r.toString()).isNotNull();
                assertThat(line.get("kind")).isEqualTo("expense");
                String text = Trees.read(SimulationLayout.docsDir(out, slug).resolve(r.get("receipt_file")));
                assertThat(field(text, "Total")).isEqualTo(r.get("amount").substring(1));
                assertThat(cents(field(text, "Subtotal")) + cents(field(text, "Tax")))
                        .isEqualTo(cents(field(text, "Total")));
                assertThat(field(text, "Vendor")).isEqualTo(r.get("vendor"));
                LocalDate receiptDate = LocalDate.parse(field(text, "Date"));
                assertThat(r.get("receipt_file")).matches("receipt_\\d{3}_" + receiptDate.toString().replace("-", "")
                        + "\\.txt");
                assertThat(ChronoUnit.DAYS.between(receiptDate, LocalDate.parse(r.get("date")))).isBetween(0L, 3L);
            }
        }
    }

    @Test
    void about_thirty_percent_of_pilot_receipts_are_pdfs_that_pdfbox_reads_back_with_the_text_receipts_total()
            throws IOException {
        int pdfs = 0;
        for (String slug : TABLE.keySet()) {
            for (Path pdf : Trees.list(SimulationLayout.docsDir(out, slug), "receipt_*.pdf")) {
                String text = Trees.read(Path.of(pdf.toString().replace(".pdf", ".txt")));
                try (PDDocument document = Loader.loadPDF(new File(pdf.toString()))) {
                    String extracted = new PDFTextStripper().getText(document);
                    assertThat(field(extracted, "Total")).as(pdf.toString()).isEqualTo(field(text, "Total"));
                    assertThat(field(extracted, "Vendor")).isEqualTo(field(text, "Vendor"));
                    assertThat(field(extracted, "Date")).isEqualTo(field(text, "Date"));
                }
                pdfs++;
            }
        }
        assertThat(pdfs).isEqualTo(result.pdfs());
        assertThat(pdfs * 100 / result.receipts()).isBetween(22, 38);
    }

    @Test
    void metadata_names_the_owner_the_business_type_and_the_statement_account_of_each_bank_account()
            throws IOException {
        Path metadata = SimulationLayout.metadataDir(out, "hamilton_coffee_co");
        String company = Files.readString(metadata.resolve("company.json"));
        assertThat(company).contains("\"name\" : \"Hamilton Coffee Co.\"", "\"business_type\" : \"RETAIL\"",
                "\"currency\" : \"USD\"", "\"owner_email\" : \"sarah@hamiltoncoffee.com\"",
                "\"owner_name\" : \"Sarah Mitchell\"");
        String coa = Files.readString(metadata.resolve("coa.json"));
        String checking = Trees.csv(SimulationLayout.csvDir(out, "hamilton_coffee_co").resolve("bank_202501.csv"))
                .get(0).get("Account");
        assertThat(coa).containsPattern("\"code\" : \"1000\",[^}]*\"statement_account\" : \"" + checking + "\"")
                .containsPattern("\"code\" : \"1010\",[^}]*\"statement_account\" : \"SAV-\\d{4}\"");
        assertThat(coa.split("\"code\"")).hasSize(ChartTemplates.forType(ai.bookkeeper.tenancy.BusinessType.RETAIL)
                .size() + 1);
    }

    @Test
    void the_seasons_show_coffee_busier_in_winter_childcare_dipping_in_summer_real_estate_peaking_in_spring() {
        assertThat(revenue("hamilton_coffee_co", 11, 12, 1, 2)).isGreaterThan(revenue("hamilton_coffee_co", 6, 7, 8, 9));
        assertThat(revenue("liberty_childcare_center", 9, 10, 11)).isGreaterThan(
                revenue("liberty_childcare_center", 6, 7, 8));
        assertThat(revenue("contreras_real_estate_group", 3, 4, 5, 6)).isGreaterThan(
                revenue("contreras_real_estate_group", 11, 12, 1, 2) * 2);
    }

    private static long revenue(String slug, int... months) {
        Set<Integer> wanted = java.util.Arrays.stream(months).boxed().collect(Collectors.toSet());
        return Trees.csv(SimulationLayout.truthDir(out, slug).resolve("ground_truth.csv")).stream()
                .filter(t -> t.get("kind").equals("revenue"))
                .filter(t -> wanted.contains(LocalDate.parse(t.get("date")).getMonthValue()))
                .mapToLong(t -> cents(t.get("amount"))).sum();
    }

    /** The rows of a month file that belong to its month: the repeated rows of the previous month come first. */
    static List<CSVRecord> genuineRows(Path file) {
        YearMonth month = YearMonth.parse(file.getFileName().toString().substring(5, 11),
                DateTimeFormatter.ofPattern("yyyyMM"));
        return Trees.csv(file).stream()
                .filter(r -> YearMonth.from(LocalDate.parse(r.get("Date"), US_DATE)).equals(month)).toList();
    }

    private Map<String, Long> openingBalances(String slug) {
        String company = Trees.read(SimulationLayout.metadataDir(out, slug).resolve("company.json"));
        Matcher m = Pattern.compile("\"statement_account\" : \"([A-Z]{3}-\\d{4})\",\\s*\"ledger_account\" : \"\\d+\","
                + "\\s*\"amount\" : \"([\\d.]+)\"").matcher(company);
        Map<String, Long> balances = new HashMap<>();
        while (m.find()) {
            balances.put(m.group(1), cents(m.group(2)));
        }
        assertThat(balances).hasSize(2);
        return balances;
    }

    private static String key(CSVRecord r) {
        return r.get("account_ref") + "|" + r.get("date") + "|" + r.get("amount") + "|" + r.get("description") + "|"
                + r.get("occurrence");
    }

    static String field(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": (.+?)\\s*$").matcher(text);
        assertThat(m.find()).as("'" + name + ":' in\n" + text).isTrue();
        return m.group(1);
    }

    static long cents(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
