package ai.bookkeeper.ingest;

import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.Timestamps;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores receipts and other documents (text or PDF) once per content (sha256 unique per company) and reads vendor,
 * date and total from them, ready for reconciliation to match against bank transactions.
 */
@Service
public class Receipts {

    public static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    Receipts(JdbcTemplate jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Stores the document, or returns the one stored before with the same content. */
    @Transactional
    public Document importDocument(CompanyAccess access, Path file) {
        access.require(Role.ACCOUNTANT, "add receipts");
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("ingest.document.missing", name + ": no such file.");
            }
            if (Files.size(file) > MAX_DOCUMENT_BYTES) {
                throw new InvalidInputException("ingest.document.too_large", name + " has more than "
                        + MAX_DOCUMENT_BYTES + " bytes; receipts are smaller: is this the right file?");
            }
            String sha = Statements.sha256(file);
            byte[] head = ai.bookkeeper.ingest.parser.TextFiles.head(file);
            boolean pdf = head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F';
            String text = pdf ? pdfText(file, name) : text(file, head, name);
            ReceiptParser.Fields fields = ReceiptParser.parse(text);
            CurrencyCode currency = fields.currency() != null ? CurrencyCode.of(fields.currency())
                    : tenancy.company(access).currency();
            Money total = fields.total() == null ? null : Money.of(fields.total(), currency, RoundingMode.HALF_EVEN);
            jdbc.update("""
                    INSERT INTO document (company_id, id, file_name, sha256, content_type, extracted_text, vendor,
                        document_date, total_minor, currency, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (company_id, sha256) DO NOTHING""",
                    Keys.bind(access.companyId()), Keys.bind(Ids.newId(clock)), name, sha,
                    pdf ? "application/pdf" : "text/plain", text, fields.vendor(),
                    fields.date() == null ? null : fields.date().toString(), total == null ? null : total.minorUnits(),
                    total == null ? null : currency.value(), Timestamps.format(clock.instant()));
            return jdbc.query("SELECT * FROM document WHERE company_id = ? AND sha256 = ?", DOCUMENT,
                    Keys.bind(access.companyId()), sha).get(0);
        } catch (IOException e) {
            throw new InvalidInputException("ingest.document.unreadable", name + " cannot be read: " + e.getMessage());
        }
    }

    public List<Document> documents(CompanyAccess access) {
        access.require(Role.VIEWER, "see receipts");
        return jdbc.query("SELECT * FROM document WHERE company_id = ? ORDER BY created_at, id", DOCUMENT,
                Keys.bind(access.companyId()));
    }

    private static String pdfText(Path file, String name) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new InvalidInputException("ingest.document.bad_pdf", name + " is not a readable PDF (" + e.getMessage()
                    + "); export it again or add it as a text file.");
        }
    }

    private static String text(Path file, byte[] head, String name) throws IOException {
        Charset charset = ai.bookkeeper.ingest.parser.TextFiles.detectCharset(head);
        if (ai.bookkeeper.ingest.parser.TextFiles.looksBinary(head, charset)) {
            throw new InvalidInputException("ingest.document.binary", name + " is neither text nor PDF; add receipts as"
                    + " PDF or text files.");
        }
        return ai.bookkeeper.ingest.parser.TextFiles.decodeHead(Files.readAllBytes(file), charset);
    }

    private static final RowMapper<Document> DOCUMENT = (rs, i) -> {
        String date = rs.getString("document_date");
        long total = rs.getLong("total_minor");
        boolean hasTotal = !rs.wasNull();
        return new Document(new DocumentId(Keys.get(rs, "id")), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("content_type"), rs.getString("vendor"), date == null ? null : LocalDate.parse(date),
                hasTotal ? Money.ofMinor(total, CurrencyCode.of(rs.getString("currency"))) : null,
                rs.getString("extracted_text"));
    };
}
