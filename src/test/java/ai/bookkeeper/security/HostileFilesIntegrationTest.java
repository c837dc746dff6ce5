package ai.bookkeeper.security;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.ingest.Document;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.ImportStatus;
import ai.bookkeeper.ingest.Receipts;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile statement and receipt files at the service level: each is answered with a clear error that names the
 * file, a FAILED import batch, and nothing of the file kept; text that looks like SQL or script is stored verbatim.
 * The XXE and billion-laughs camt.053 files and the OFX XXE file are covered in ingest's
 * StatementImportIntegrationTest; the 100 MB single-line CSV under a 256 MB heap in ingest's LargeCsvImportTest.
 */
class HostileFilesIntegrationTest extends DatabaseIntegrationTest {

    static final String SQL_LOOKING = "Robert'); DROP TABLE bank_transaction;-- \" OR 1=1";
    static final String SCRIPT_LOOKING = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired Statements statements;
    @Autowired Receipts receipts;
    @Autowired Tenancy tenancy;
    @Autowired JdbcTemplate jdbc;

    @TempDir Path dir;
    CompanyAccess owner;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
    }

    ImportReport importText(String name, String text) throws IOException {
        return importBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    ImportReport importBytes(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return statements.importFile(owner, file, ImportOptions.defaults().account("1000"));
    }

    long transactions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ?", Long.class,
                Keys.bind(owner.companyId()));
    }

    String failedBatchError(ImportReport report) {
        return jdbc.queryForObject("SELECT errors FROM import_batch WHERE company_id = ? AND id = ? AND status = 'FAILED'",
                String.class, Keys.bind(owner.companyId()), Keys.bind(report.batch()));
    }

    @Test
    void an_ofx_billion_laughs_is_refused_before_any_entity_is_expanded_and_nothing_is_kept() throws IOException {
        String laughs = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?OFX OFXHEADER="200" VERSION="220"?>
                <!DOCTYPE OFX [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
                 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
                <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD</CURDEF><BANKACCTFROM><ACCTID>1000</ACCTID>
                </BANKACCTFROM><BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260301</DTPOSTED>
                <TRNAMT>-1.00</TRNAMT><FITID>1</FITID><NAME>&h;</NAME></STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS>
                </BANKMSGSRSV1></OFX>
                """;
        ImportReport report = importText("laughs.ofx", laughs);
        assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(report.error()).startsWith("laughs.ofx: ").contains("DOCTYPE, which is refused");
        assertThat(failedBatchError(report)).isEqualTo(report.error());
        assertThat(transactions()).isZero();
    }

    @Test
    void a_doctype_smuggled_into_sgml_ofx_and_a_parameter_entity_in_camt_are_refused() throws IOException {
        String sgml = """
                OFXHEADER:100
                DATA:OFXSGML
                VERSION:102
                SECURITY:NONE
                ENCODING:USASCII
                CHARSET:1252
                COMPRESSION:NONE
                OLDFILEUID:NONE
                NEWFILEUID:NONE

                <!DOCTYPE OFX [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1000</BANKACCTFROM>
                <BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260301<TRNAMT>-1.00<FITID>1<NAME>&xxe;
                </STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
                """;
        ImportReport ofx = importText("smuggled.ofx", sgml);
        assertThat(ofx.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(ofx.error()).startsWith("smuggled.ofx: ").doesNotContain("root:");

        String camt = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
                <Ntry><Amt Ccy="EUR">1.00</Amt></Ntry></Stmt></BkToCstmrStmt></Document>
                """;
        ImportReport xml = importText("parameter-entity.camt053.xml", camt);
        assertThat(xml.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(xml.error()).startsWith("parameter-entity.camt053.xml: ").contains("DOCTYPE, which is refused");
        assertThat(transactions()).isZero();
    }

    @Test
    void a_control_character_inside_a_doctype_is_a_clean_parse_error_not_a_crash() throws IOException {
        // found by StatementParserFuzzProperties: the JDK's parser reported it as a MissingResourceException
        String laughs = Files.readString(Path.of("src/test/resources/ingest/camt/billion-laughs.camt053.xml"))
                .replace("<!ENTITY lol1 ", "<!ENTITY lol1\u0001");
        ImportReport report = importText("control-in-dtd.camt053.xml", laughs);
        assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(report.error()).startsWith("control-in-dtd.camt053.xml: line 4: the camt.053 XML is not well-formed:")
                .contains("malformed XML (InvalidCharInDTD)");
        assertThat(failedBatchError(report)).isEqualTo(report.error());
        assertThat(transactions()).isZero();
    }

    @Test
    void invalid_utf_8_after_a_valid_start_fails_the_file_naming_it_and_keeps_nothing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Date,Description,Amount\n".getBytes(StandardCharsets.UTF_8));
        // past the 64 KB head that decides the encoding, so the file is read as UTF-8 and then meets a broken byte
        for (int i = 1; bytes.size() < 80 * 1024; i++) {
            bytes.writeBytes(("03/01/2026,Caf\u00e9 " + i + ",-1.00\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("03/02/2026,Broken ".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.writeBytes(",-2.00\n".getBytes(StandardCharsets.UTF_8));
        ImportReport report = importBytes("broken-utf8.csv", bytes.toByteArray());

        assertThat(report.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(report.error()).isEqualTo("broken-utf8.csv: line 2772 holds bytes that are not valid in the file's"
                + " encoding; set 'encoding' in the profile");
        assertThat(failedBatchError(report)).isEqualTo(report.error());
        assertThat(transactions()).isZero();
    }

    @Test
    void invalid_utf_8_from_the_first_bytes_is_read_as_windows_1252_so_no_character_is_dropped() throws IOException {
        byte[] latin = "Date,Description,Amount\n03/01/2026,Caf\u00e9 Z\u00fcrich \u00ff,-1.00\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportReport report = importBytes("latin.csv", latin);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(jdbc.queryForObject("SELECT description FROM bank_transaction WHERE company_id = ?", String.class,
                Keys.bind(owner.companyId()))).isEqualTo("Caf\u00e9 Z\u00fcrich \u00ff");
    }

    @Test
    void sql_and_script_looking_descriptions_are_stored_verbatim() throws IOException {
        String csv = "Date,Description,Amount\n"
                + "03/01/2026,\"" + SQL_LOOKING.replace("\"", "\"\"") + "\",-1.00\n"
                + "03/02/2026,\"" + SCRIPT_LOOKING + "\",-2.00\n"
                + "03/03/2026,\"=HYPERLINK(\"\"http://127.0.0.1/x\"\",\"\"click\"\")\",-3.00\n";
        ImportReport report = importText("hostile-descriptions.csv", csv);
        assertThat(report.ok()).as(report.summary()).isTrue();
        List<String> stored = jdbc.queryForList("SELECT description FROM bank_transaction WHERE company_id = ?"
                + " ORDER BY booking_date", String.class, Keys.bind(owner.companyId()));
        assertThat(stored).containsExactly(SQL_LOOKING, SCRIPT_LOOKING, "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction", Long.class)).isPositive();
    }

    @Test
    void hostile_file_names_are_recorded_as_their_last_path_element_verbatim() throws IOException {
        String csv = "Date,Description,Amount\n03/01/2026,Coffee,-1.00\n";
        for (String name : List.of("'; DROP TABLE import_batch;--.csv", "<script>alert(1)<\\script>.csv",
                "..%2F..%2Fetc%2Fpasswd.csv", "line\nbreak.csv")) {
            ImportReport report = importText(name, csv);
            assertThat(report.fileName()).isEqualTo(name);
            assertThat(jdbc.queryForObject("SELECT file_name FROM import_batch WHERE company_id = ? AND id = ?",
                    String.class, Keys.bind(owner.companyId()), Keys.bind(report.batch()))).isEqualTo(name);
        }
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/traversal.csv"), "Date,Description,Amount\n03/02/2026,Tea,-2.00\n");
        ImportReport traversed = statements.importFile(owner, dir.resolve("a/b/../traversal.csv"),
                ImportOptions.defaults().account("1000"));
        assertThat(traversed.fileName()).isEqualTo("traversal.csv");
        assertThat(transactions()).isEqualTo(2);

        Path receipt = dir.resolve("..receipt <img src=x>.txt");
        Files.writeString(receipt, "ACME SUPPLIES\n2026-03-01\nTOTAL 12.50\n");
        Document document = receipts.importDocument(owner, receipt);
        assertThat(document.fileName()).isEqualTo("..receipt <img src=x>.txt");
    }

    @Test
    void oversize_statements_and_receipts_are_refused_before_they_are_read() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(Receipts.MAX_DOCUMENT_BYTES + 1); // sparse: nothing is written, nothing read
        }
        ImportReport report = statements.importFile(owner, big, ImportOptions.defaults().account("1000")
                .maxFileBytes(1024 * 1024));
        assertThat(report.error()).isEqualTo("big.csv: the file has " + (Receipts.MAX_DOCUMENT_BYTES + 1)
                + " bytes, over the limit of 1048576; split it, or raise the limit if it really is one statement");
        assertThat(failedBatchError(report)).isEqualTo(report.error());

        Path bigReceipt = dir.resolve("big-receipt.pdf");
        Files.move(big, bigReceipt);
        assertThatThrownBy(() -> receipts.importDocument(owner, bigReceipt)).isInstanceOf(InvalidInputException.class)
                .hasMessage("big-receipt.pdf has more than " + Receipts.MAX_DOCUMENT_BYTES
                        + " bytes; receipts are smaller: is this the right file?");
        assertThat(transactions()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE company_id = ?", Long.class,
                Keys.bind(owner.companyId()))).isZero();
    }
}
