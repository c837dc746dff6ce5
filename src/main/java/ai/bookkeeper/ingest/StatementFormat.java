package ai.bookkeeper.ingest;

public enum StatementFormat { CSV, OFX, CAMT053, UNKNOWN }
