package ai.bookkeeper.ingest.parser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the head of a file to tell its encoding, and opens it as text with any byte-order mark removed. */
public final class TextFiles {

    public static final int HEAD_BYTES = 64 * 1024;
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFiles() {
    }

    public static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /**
     * The encoding the bytes are in: a byte-order mark decides; else UTF-16 shows as NUL bytes in every other place;
     * else valid UTF-8 is UTF-8, and anything else is taken as Windows-1252 (a superset of ISO-8859-1's printable
     * characters, where the euro sign is byte 0x80).
     */
    public static Charset detectCharset(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 4 && head[1] == 0 && head[3] == 0 && head[0] != 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 4 && head[0] == 0 && head[2] == 0 && head[1] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        // a multi-byte character may be cut at the end of the head: judge without its last 3 bytes
        byte[] probe = head.length == HEAD_BYTES ? Arrays.copyOf(head, head.length - 3) : head;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(probe));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /** True for content that is no text in any encoding we read: NUL bytes or many control characters. */
    public static boolean looksBinary(byte[] head, Charset charset) {
        if (charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE
                || charset.name().startsWith("UTF-16")) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return head.length > 0 && control * 20 > head.length;
    }

    /** The file as characters in {@code charset}, its byte-order mark skipped; malformed input is an error. */
    public static Reader open(Path file, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        skipBom(in, charset);
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    public static String decodeHead(byte[] head, Charset charset) {
        String text = new String(head, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void skipBom(InputStream in, Charset charset) throws IOException {
        in.mark(4);
        byte[] first = in.readNBytes(3);
        int bom = 0;
        if (charset == StandardCharsets.UTF_8 && startsWith(first, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
        } else if (startsWith(first, 0xFF, 0xFE) || startsWith(first, 0xFE, 0xFF)) {
            bom = 2;
        }
        in.reset();
        in.skipNBytes(bom);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
