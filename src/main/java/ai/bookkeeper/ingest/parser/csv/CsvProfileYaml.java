package ai.bookkeeper.ingest.parser.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Profiles as the YAML a user reads, corrects and saves. SafeConstructor: YAML from users never builds objects. */
public final class CsvProfileYaml {

    private CsvProfileYaml() {
    }

    public static String write(CsvProfile profile) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", profile.name());
        root.put("encoding", profile.encoding());
        root.put("delimiter", String.valueOf(profile.delimiter()));
        root.put("skipRecords", profile.skipRecords());
        root.put("header", profile.header());
        root.put("dateFormat", profile.dateFormat());
        root.put("decimalSeparator", String.valueOf(profile.decimalSeparator()));
        root.put("sign", profile.sign().name());
        if (profile.currency() != null) {
            root.put("currency", profile.currency());
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (CsvField field : CsvField.values()) {
            if (profile.columns().containsKey(field)) {
                columns.put(field.yamlKey(), profile.columns().get(field));
            }
        }
        root.put("columns", columns);
        if (!profile.debitIndicators().isEmpty()) {
            root.put("debitIndicators", new ArrayList<>(profile.debitIndicators()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        return new Yaml(options).dump(root);
    }

    /** @throws IllegalArgumentException naming the key that is wrong */
    public static CsvProfile read(String yaml) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the profile is not valid YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("the profile must be a YAML mapping with keys name, columns, dateFormat ...");
        }
        Map<CsvField, String> columns = new LinkedHashMap<>();
        if (!(root.get("columns") instanceof Map<?, ?> cols)) {
            throw new IllegalArgumentException("the profile needs 'columns', e.g. columns: {date: Date, amount: Amount}");
        }
        cols.forEach((key, value) -> {
            CsvField field = CsvField.fromYamlKey(String.valueOf(key));
            if (field == null) {
                throw new IllegalArgumentException("unknown column key '" + key + "'; use one of date, valueDate, "
                        + "description, amount, debit, credit, indicator, balance, reference, account, counterparty, currency, status");
            }
            columns.put(field, String.valueOf(value));
        });
        List<String> indicators = new ArrayList<>();
        if (root.get("debitIndicators") instanceof List<?> list) {
            list.forEach(v -> indicators.add(String.valueOf(v)));
        }
        String delimiter = string(root, "delimiter", ",");
        String decimal = string(root, "decimalSeparator", ".");
        CsvProfile profile = new CsvProfile(string(root, "name", "custom"), string(root, "encoding", "UTF-8"),
                delimiter.equals("\\t") ? '\t' : delimiter.charAt(0), Integer.parseInt(string(root, "skipRecords", "0")),
                Boolean.parseBoolean(string(root, "header", "true")), string(root, "dateFormat", "MM/dd/yyyy"),
                decimal.charAt(0), CsvProfile.Sign.valueOf(string(root, "sign", "SIGNED")),
                root.get("currency") == null ? null : String.valueOf(root.get("currency")), columns, indicators);
        validate(profile);
        return profile;
    }

    static void validate(CsvProfile profile) {
        if (!profile.has(CsvField.DATE)) {
            throw new IllegalArgumentException("the profile maps no 'date' column");
        }
        boolean amount = profile.has(CsvField.AMOUNT) || profile.has(CsvField.DEBIT) || profile.has(CsvField.CREDIT);
        if (!amount) {
            throw new IllegalArgumentException("the profile maps neither an 'amount' column nor 'debit'/'credit' columns");
        }
        try {
            profile.charset();
            profile.dateFormatter();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("encoding '" + profile.encoding() + "' or dateFormat '"
                    + profile.dateFormat() + "' is not valid: " + e.getMessage());
        }
    }

    private static String string(Map<?, ?> root, String key, String fallback) {
        Object value = root.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
