package ai.bookkeeper.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReceiptsIntegrationTest extends DatabaseIntegrationTest {

    static final Path SAMPLES = Path.of("src/test/resources/ingest/receipts");

    @Autowired Receipts receipts;
    @Autowired Tenancy tenancy;

    CompanyAccess owner;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
    }

    @Test
    void a_text_receipt_is_stored_once_with_vendor_date_and_total() {
        Document receipt = receipts.importDocument(owner, SAMPLES.resolve("hardware.txt"));
        assertThat(receipt.vendor()).isEqualTo("JOE'S HARDWARE");
        assertThat(receipt.date()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(receipt.total()).isEqualTo(Money.of("18.93", CurrencyCode.USD));
        assertThat(receipt.contentType()).isEqualTo("text/plain");

        Document again = receipts.importDocument(owner, SAMPLES.resolve("hardware.txt"));
        assertThat(again.id()).isEqualTo(receipt.id());
        assertThat(receipts.documents(owner)).hasSize(1);
    }

    @Test
    void a_german_receipt_reads_decimal_commas_and_euros() {
        Document receipt = receipts.importDocument(owner, SAMPLES.resolve("baeckerei.txt"));
        assertThat(receipt.vendor()).isEqualTo("Bäckerei Müller GmbH");
        assertThat(receipt.date()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(receipt.total()).isEqualTo(Money.of("4.50", CurrencyCode.of("EUR")));
    }

    @Test
    void a_pdf_receipt_is_read_through_its_text_layer() throws Exception {
        Path pdf = Files.createDirectories(Path.of("target", "ingest")).resolve("receipt-" + System.nanoTime() + ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 700);
                for (String line : new String[] {"ACME HOSTING INC", "Invoice date: 2026-03-01", "Plan Pro 49.00",
                        "Amount due: $49.00"}) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(pdf.toFile());
        }
        Document receipt = receipts.importDocument(owner, pdf);
        assertThat(receipt.contentType()).isEqualTo("application/pdf");
        assertThat(receipt.vendor()).isEqualTo("ACME HOSTING INC");
        assertThat(receipt.date()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(receipt.total()).isEqualTo(Money.of("49.00", CurrencyCode.USD));
    }

    @Test
    void binary_garbage_is_refused_as_a_receipt() {
        assertThatThrownBy(() -> receipts.importDocument(owner, Path.of("src/test/resources/ingest/bad/garbage.bin")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("garbage.bin is neither text nor PDF");
    }
}
