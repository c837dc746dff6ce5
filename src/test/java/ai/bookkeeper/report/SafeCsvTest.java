package ai.bookkeeper.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeCsvTest {

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_neutralized() throws Exception {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = new SafeCsv(out, "description", "amount")) {
            csv.row(List.of("=HYPERLINK(\"http://evil\",\"x\")", new BigDecimal("-12.50")));
            csv.row(List.of("+1+1", new BigDecimal("3.00")));
            csv.row(List.of("-2+3", 1));
            csv.row(List.of("@SUM(A1)", 0));
            csv.row(List.of("\tTAB", 0));
            csv.row(List.of("COFFEE, BEANS \"BULK\"", 0));
        }
        assertThat(out.toString()).isEqualTo("""
                description,amount\r
                "'=HYPERLINK(""http://evil"",""x"")",-12.50\r
                '+1+1,3.00\r
                '-2+3,1\r
                '@SUM(A1),0\r
                '\tTAB,0\r
                "COFFEE, BEANS ""BULK\""",0\r
                """);
    }
}
