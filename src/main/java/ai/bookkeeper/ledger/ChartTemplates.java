package ai.bookkeeper.ledger;

import ai.bookkeeper.tenancy.BusinessType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The starting chart of accounts of each business type, read from {@code chart-templates.yml}. */
public final class ChartTemplates {

    /** One account of a template. */
    public record TemplateAccount(String code, String name, AccountType type, boolean bank) {
    }

    private static final Map<BusinessType, List<TemplateAccount>> TEMPLATES = load();

    private ChartTemplates() {
    }

    public static List<TemplateAccount> forType(BusinessType type) {
        return TEMPLATES.get(type);
    }

    @SuppressWarnings("unchecked")
    private static Map<BusinessType, List<TemplateAccount>> load() {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = ChartTemplates.class.getResourceAsStream("chart-templates.yml")) {
            Map<String, List<Map<String, Object>>> raw = yaml.load(in);
            Map<BusinessType, List<TemplateAccount>> templates = new EnumMap<>(BusinessType.class);
            for (BusinessType type : BusinessType.values()) {
                List<Map<String, Object>> accounts = raw.get(type.name());
                if (accounts == null) {
                    throw new IllegalStateException("chart-templates.yml has no template for " + type);
                }
                templates.put(type, accounts.stream().map(a -> new TemplateAccount((String) a.get("code"),
                        (String) a.get("name"), AccountType.valueOf((String) a.get("type")),
                        Boolean.TRUE.equals(a.get("bank")))).toList());
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
