package ai.bookkeeper.security;

import ai.bookkeeper.ingest.parser.StatementHandler;
import ai.bookkeeper.ingest.parser.StatementLine;
import ai.bookkeeper.ingest.parser.StatementParseException;
import ai.bookkeeper.ingest.parser.TextFiles;
import ai.bookkeeper.ingest.parser.camt.CamtParser;
import ai.bookkeeper.ingest.parser.csv.CsvDetector;
import ai.bookkeeper.ingest.parser.csv.CsvProfile;
import ai.bookkeeper.ingest.parser.csv.CsvStatementParser;
import ai.bookkeeper.ingest.parser.ofx.OfxParser;
import ai.bookkeeper.shared.BookkeeperException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the statement parsers the way an import reaches them (encoding sniffing, format detection, then the CSV,
 * OFX or camt.053 parser) with arbitrary bytes and with mutated copies of the sample statements. A clean refusal
 * ({@link StatementParseException}, a {@link BookkeeperException}, an undecodable byte) is fine; any other exception
 * is a crash and fails. Bounded by tries (about 20-40 s together on the 2-core CI machine).
 */
class StatementParserFuzzProperties {

    static final Path SAMPLES = Path.of("src/test/resources/ingest");
    static final Path WORK = Path.of("target", "fuzz");
    static final List<byte[]> SEEDS = seeds();
    static final String[] TOKENS = {"<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<", ">", "</", "]]>", "\"", ",", ";",
            "\t", "\n", "\r\n", "-", "(", ")", "99999999999999999999999999.999", "1e308", "NaN", "0000-00-00",
            "2026-02-30", "31/12/9999", "\u0000", "\uFEFF", "<STMTTRN>", "<TRNAMT>", "<DTPOSTED>99999999", "<Ntry>",
            "<Amt Ccy=\"XXX\">", "CdtDbtInd", "=cmd|' /C calc'!A0", "\u202e"};

    @Property(tries = 1500)
    void arbitrary_bytes_are_parsed_or_refused_cleanly(@ForAll("bytes") byte[] input) throws IOException {
        parseLikeAnImport(input);
    }

    @Property(tries = 2500)
    void mutated_sample_statements_are_parsed_or_refused_cleanly(@ForAll("mutatedSamples") byte[] input)
            throws IOException {
        parseLikeAnImport(input);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 64),
                Arbitraries.of(TOKENS), Arbitraries.bytes()).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(SEEDS), mutation.list().ofMinSize(1).ofMaxSize(8))
                .as(StatementParserFuzzProperties::mutate);
    }

    record Mutation(int kind, double at, int length, String token, byte value) {
    }

    static byte[] mutate(byte[] seed, List<Mutation> mutations) {
        List<Byte> bytes = new ArrayList<>(seed.length + 64);
        for (byte b : seed) {
            bytes.add(b);
        }
        for (Mutation m : mutations) {
            int at = (int) (m.at() * bytes.size());
            switch (m.kind()) {
                case 0 -> { // flip a byte
                    if (!bytes.isEmpty()) {
                        int i = Math.min(at, bytes.size() - 1);
                        bytes.set(i, (byte) (bytes.get(i) ^ m.value()));
                    }
                }
                case 1 -> { // insert a token that parsers care about
                    byte[] token = m.token().getBytes(StandardCharsets.UTF_8);
                    for (int i = token.length - 1; i >= 0; i--) {
                        bytes.add(at, token[i]);
                    }
                }
                case 2 -> bytes.subList(at, Math.min(bytes.size(), at + m.length())).clear(); // delete a range
                case 3 -> { // duplicate a range
                    List<Byte> copy = new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + m.length() * 8)));
                    bytes.addAll(at, copy);
                }
                default -> bytes.subList(Math.min(at, bytes.size()), bytes.size()).clear(); // truncate
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    /** What {@code Statements.importFile} does before and while parsing, minus the database. */
    static void parseLikeAnImport(byte[] input) throws IOException {
        Files.createDirectories(WORK);
        Path file = WORK.resolve("input-" + Thread.currentThread().getId());
        Files.write(file, input);
        StatementHandler handler = new StatementHandler() {
            @Override
            public void line(StatementLine line) {
                Objects.requireNonNull(line.bookingDate(), "a parsed line has a booking date");
                Objects.requireNonNull(line.amount(), "a parsed line has an amount");
            }
        };
        try {
            if (input.length == 0) {
                return;
            }
            byte[] head = TextFiles.head(file);
            Charset charset = TextFiles.detectCharset(head);
            if (TextFiles.looksBinary(head, charset)) {
                return;
            }
            String text = TextFiles.decodeHead(head, charset);
            if (OfxParser.looksLikeOfx(text)) {
                OfxParser.parse(file, handler);
            } else if (text.stripLeading().startsWith("<")) {
                if (CamtParser.looksLikeCamt(text)) {
                    CamtParser.parse(file, handler);
                }
            } else {
                CsvProfile profile = CsvDetector.detect(text, charset.name());
                new CsvStatementParser(profile, 64 * 1024, true).parse(file, handler);
                new CsvStatementParser(profile, 64 * 1024, false).parse(file, handler);
            }
        } catch (StatementParseException | BookkeeperException refused) {
            // a clean refusal: the import would report it, naming the line
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CharacterCodingException)) {
                throw e;
            }
        }
    }

    static List<byte[]> seeds() {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("golden")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> files = Files.list(WORK)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
