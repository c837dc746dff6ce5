package ai.bookkeeper.export;

import ai.bookkeeper.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The plain-text accounting formats the books can be exported to. */
public enum ExportFormat {
    HLEDGER("journal"), BEANCOUNT("beancount");

    private final String fileExtension;
    ExportFormat(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    public String fileExtension() {
        return fileExtension;
    }

    /** {@code hledger} or {@code beancount}, in any case. */
    public static ExportFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("export.format", "'" + text + "' is not an export format;"
                        + " use hledger or beancount."));
    }
}
