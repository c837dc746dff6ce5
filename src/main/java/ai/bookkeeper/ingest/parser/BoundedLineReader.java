package ai.bookkeeper.ingest.parser;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a line longer than a limit before any parser buffers it: a single 100 MB line must end in a clear error,
 * not in an OutOfMemoryError. Counts lines the way the CSV parser does (CR, LF and CRLF each end one).
 */
public final class BoundedLineReader extends FilterReader {

    private final int maxLineChars;
    private long currentLine = 1;
    private int lineLength;
    private boolean lastWasCr;

    public BoundedLineReader(Reader in, int maxLineChars) {
        super(in);
        this.maxLineChars = maxLineChars;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            account((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            account(buffer[offset + i]);
        }
        return n;
    }

    private void account(char c) {
        if (c == '\n') {
            if (!lastWasCr) {
                currentLine++;
            }
            lineLength = 0;
            lastWasCr = false;
            return;
        }
        if (c == '\r') {
            currentLine++;
            lineLength = 0;
            lastWasCr = true;
            return;
        }
        lastWasCr = false;
        if (++lineLength > maxLineChars) {
            throw new StatementParseException(currentLine, "line " + currentLine + " is longer than " + maxLineChars
                    + " characters; this is not a statement line (raise maxLineChars only if the bank really writes such lines)");
        }
    }
}
