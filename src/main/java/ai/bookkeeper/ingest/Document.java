package ai.bookkeeper.ingest;

import ai.bookkeeper.shared.Money;
import java.time.LocalDate;

/**
 * A stored receipt or other document, with what could be read from it for reconciliation.
 *
 * @param vendor        may be null when no line reads as a merchant name
 * @param date          may be null
 * @param total         may be null when no total line was found
 * @param extractedText the document's text (PDF text layer, or the text file itself)
 */
public record Document(DocumentId id, String fileName, String sha256, String contentType, String vendor,
                       LocalDate date, Money total, String extractedText) {
}
