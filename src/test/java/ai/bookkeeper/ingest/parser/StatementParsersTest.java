package ai.bookkeeper.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.ingest.parser.camt.CamtParser;
import ai.bookkeeper.ingest.parser.csv.CsvDetector;
import ai.bookkeeper.ingest.parser.csv.CsvProfile;
import ai.bookkeeper.ingest.parser.csv.CsvProfileYaml;
import ai.bookkeeper.ingest.parser.csv.CsvStatementParser;
import ai.bookkeeper.ingest.parser.ofx.OfxParser;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: each sample statement is parsed and rendered (profile, lines, balances, warnings) and compared with
 * src/test/resources/ingest/golden/. A missing golden file is written and the test fails, so that a person reviews it.
 */
class StatementParsersTest {

    static final Path SAMPLES = Path.of("src/test/resources/ingest");

    @ParameterizedTest
    @ValueSource(strings = {"sim/2026-03.csv", "sim/2026-03-cr-only.csv", "csv/chase-checking.csv",
            "csv/bank-of-america.csv", "csv/wells-fargo.csv", "csv/capital-one.csv", "csv/german-volksbank.csv",
            "csv/swiss-postfinance.csv", "csv/utf16-export.csv", "csv/latin1-export.csv", "csv/pending.csv",
            "ofx/checking-v1.ofx", "ofx/checking-v2.ofx", "ofx/card.qfx", "camt/march.camt053.xml",
            "camt/april-gap.camt053.xml", "sim/2026-06-gap.csv"})
    void each_sample_statement_parses_to_its_reviewed_golden_output(String sample) throws IOException {
        assertGolden(sample, render(SAMPLES.resolve(sample)));
    }

    @Test
    void a_detected_profile_survives_the_round_trip_through_yaml() throws IOException {
        CsvProfile profile = detect(SAMPLES.resolve("csv/german-volksbank.csv"));
        assertThat(CsvProfileYaml.read(CsvProfileYaml.write(profile))).isEqualTo(profile);
    }

    @Test
    void an_entity_declaration_in_camt_is_refused_before_any_entity_is_expanded() {
        assertThatThrownBy(() -> CamtParser.parse(SAMPLES.resolve("camt/xxe.camt053.xml"), line -> { }))
                .isInstanceOf(StatementParseException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> CamtParser.parse(SAMPLES.resolve("camt/billion-laughs.camt053.xml"), line -> { }))
                .isInstanceOf(StatementParseException.class).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> OfxParser.parse(SAMPLES.resolve("ofx/xxe-v2.ofx"), line -> { }))
                .isInstanceOf(StatementParseException.class).hasMessageContaining("DOCTYPE");
    }

    static CsvProfile detect(Path file) throws IOException {
        byte[] head = TextFiles.head(file);
        Charset charset = TextFiles.detectCharset(head);
        return CsvDetector.detect(TextFiles.decodeHead(head, charset), charset.name());
    }

    static String render(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        StatementHandler handler = new StatementHandler() {
            @Override
            public void line(StatementLine l) {
                out.append("line ").append(l.line()).append(" | ").append(l.accountRef()).append(" | ")
                        .append(l.bookingDate()).append(" | ").append(l.valueDate()).append(" | ")
                        .append(l.amount().toPlainString()).append(' ').append(l.currency()).append(" | ")
                        .append(l.description()).append(" | ").append(l.counterparty()).append(" | id=")
                        .append(l.bankTxnId()).append(l.pending() ? " | PENDING" : "")
                        .append(l.balanceAfter() == null ? "" : " | balance " + l.balanceAfter().toPlainString())
                        .append('\n');
            }

            @Override
            public void balance(StatementBalance b) {
                out.append("balance ").append(b.kind()).append(' ').append(b.accountRef()).append(' ').append(b.asOf())
                        .append(' ').append(b.amount().toPlainString()).append(' ').append(b.currency())
                        .append(b.sequence() == null ? "" : " seq " + b.sequence()).append('\n');
            }

            @Override
            public void warning(long line, String message) {
                out.append("warning ").append(message).append('\n');
            }
        };
        String name = file.getFileName().toString();
        if (name.endsWith(".ofx") || name.endsWith(".qfx")) {
            OfxParser.parse(file, handler);
        } else if (name.endsWith(".xml")) {
            CamtParser.parse(file, handler);
        } else {
            CsvProfile profile = detect(file);
            out.append(CsvProfileYaml.write(profile)).append("---\n");
            new CsvStatementParser(profile, 64 * 1024, true).parse(file, handler);
        }
        return out.toString();
    }

    static void assertGolden(String sample, String actual) throws IOException {
        Path golden = SAMPLES.resolve("golden").resolve(sample.replace('/', '_') + ".txt");
        if (!Files.exists(golden)) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            throw new AssertionError("wrote " + golden + "; review it and run again");
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
