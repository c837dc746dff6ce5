package ai.bookkeeper.ingest;

/** IMPORTED: the file's transactions are committed. FAILED: nothing of the file was kept; the report says why. */
public enum ImportStatus { IMPORTED, FAILED }
