package ai.bookkeeper.ingest;

/**
 * How to import.
 *
 * @param defaultAccountCode ledger code of the bank account for files that name no account (CSV without an Account
 *                           column); may be null
 * @param profileName        a saved CSV profile to use instead of detecting the layout; may be null
 * @param strict             true: any unreadable row fails the whole file (nothing of it is kept); false: such rows
 *                           are skipped and counted as rejected
 * @param maxFileBytes       larger files are refused before reading
 * @param maxLineChars       a longer line is refused (bounds memory: a 100 MB line must not be buffered)
 */
public record ImportOptions(String defaultAccountCode, String profileName, boolean strict, long maxFileBytes,
                            int maxLineChars) {

    public static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;
    public static final int DEFAULT_MAX_LINE_CHARS = 64 * 1024;

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, true, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_CHARS);
    }

    public ImportOptions account(String ledgerCode) {
        return new ImportOptions(ledgerCode, profileName, strict, maxFileBytes, maxLineChars);
    }

    public ImportOptions profile(String name) {
        return new ImportOptions(defaultAccountCode, name, strict, maxFileBytes, maxLineChars);
    }

    public ImportOptions lenient() {
        return new ImportOptions(defaultAccountCode, profileName, false, maxFileBytes, maxLineChars);
    }

    public ImportOptions maxFileBytes(long bytes) {
        return new ImportOptions(defaultAccountCode, profileName, strict, bytes, maxLineChars);
    }
}
