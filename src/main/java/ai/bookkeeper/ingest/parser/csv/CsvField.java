package ai.bookkeeper.ingest.parser.csv;

import java.util.Locale;

/** What a column of a bank's CSV export holds. */
public enum CsvField {
    DATE, VALUE_DATE, DESCRIPTION, AMOUNT, DEBIT, CREDIT, INDICATOR, BALANCE, REFERENCE, ACCOUNT, COUNTERPARTY,
    CURRENCY, STATUS;

    /** The key in profile YAML: {@code valueDate}. */
    public String yamlKey() {
        String[] parts = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return key.toString();
    }

    public static CsvField fromYamlKey(String key) {
        for (CsvField field : values()) {
            if (field.yamlKey().equalsIgnoreCase(key)) {
                return field;
            }
        }
        return null;
    }
}
