package ai.bookkeeper.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The simulator's answer key, read only to measure and to play the reviewer: the categorizer never sees it.
 * Keyed like the import fingerprint: statement account, date, amount, description, occurrence.
 */
final class GroundTruth {

    record Truth(String accountCode, String vendor, String kind) {
    }

    private final Map<String, Truth> byKey;

    private GroundTruth(Map<String, Truth> byKey) {
        this.byKey = byKey;
    }

    static GroundTruth read(Path file) throws IOException {
        Map<String, Truth> truths = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                truths.put(key(r.get("account_ref"), LocalDate.parse(r.get("date")), new BigDecimal(r.get("amount")),
                        r.get("description"), Integer.parseInt(r.get("occurrence"))),
                        new Truth(r.get("true_account_code"), r.get("vendor"), r.get("kind")));
            }
        }
        return new GroundTruth(truths);
    }

    Optional<Truth> find(String accountRef, LocalDate date, BigDecimal amount, String description, int occurrence) {
        return Optional.ofNullable(byKey.get(key(accountRef, date, amount, description, occurrence)));
    }

    int size() {
        return byKey.size();
    }

    private static String key(String ref, LocalDate date, BigDecimal amount, String description, int occurrence) {
        return ref + "|" + date + "|" + amount.stripTrailingZeros().toPlainString() + "|" + description + "|" + occurrence;
    }
}
