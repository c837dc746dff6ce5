package ai.bookkeeper.ingest;

/** PENDING: the bank shows it but has not booked it; it may change or vanish, and a BOOKED line may later link to it. */
public enum TransactionStatus { BOOKED, PENDING }
