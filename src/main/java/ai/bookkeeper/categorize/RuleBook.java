package ai.bookkeeper.categorize;

import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.tenancy.BusinessType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and writes rules as YAML. Parsing uses SnakeYAML's SafeConstructor (plain maps, lists and scalars only: no
 * class instantiation from untrusted text). Every validation error names the rule and the field.
 */
final class RuleBook {

    static final BigDecimal DEFAULT_USER_CONFIDENCE = new BigDecimal("0.95");
    private static final Set<String> RULE_KEYS = Set.of("id", "priority", "confidence", "when", "account", "split", "memo");
    private static final Set<String> WHEN_KEYS = Set.of("description_contains", "description_regex",
            "counterparty_contains", "amount_min", "amount_max", "direction", "bank_account", "business_types");

    private RuleBook() {
    }

    /** A document {@code rules: [ ... ]} or a bare list of rules; {@code origin} names it in error messages. */
    static List<Rule> parse(String yamlText, String origin) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw invalid(origin + " is not valid YAML: " + e.getMessage());
        }
        if (root instanceof Map<?, ?> map && map.containsKey("rules")) {
            root = map.get("rules");
        }
        if (root instanceof Map<?, ?> single) {
            root = List.of(single);
        }
        if (!(root instanceof List<?> list)) {
            throw invalid(origin + " must hold a list of rules under 'rules:'.");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw invalid(origin + ", rule #" + (i + 1) + ": a rule is a mapping with id, when and account.");
            }
            rules.add(rule(map, origin + ", rule #" + (i + 1)));
        }
        return rules;
    }

    /** The YAML text of one rule, in the form {@link #parse} reads back. */
    static String toYaml(Map<String, Object> rule) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(rule);
    }

    private static Rule rule(Map<?, ?> map, String where) {
        Object idValue = map.get("id");
        if (idValue == null || idValue.toString().isBlank()) {
            throw invalid(where + ": field 'id' is missing; give every rule a short unique id.");
        }
        String id = idValue.toString().strip();
        String name = "Rule '" + id + "' (" + where + ")";
        for (Object key : map.keySet()) {
            if (!RULE_KEYS.contains(String.valueOf(key))) {
                throw invalid(name + ": unknown field '" + key + "'; the fields are " + sorted(RULE_KEYS) + ".");
            }
        }
        int priority = integer(map.get("priority"), name, "priority", 0);
        BigDecimal confidence = decimal(map.get("confidence"), name, "confidence", DEFAULT_USER_CONFIDENCE);
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw invalid(name + ": field 'confidence' must be between 0 and 1, not " + confidence.toPlainString() + ".");
        }
        Rule.Match match = match(map.get("when"), name);
        List<Rule.Share> shares = shares(map, name);
        Object memo = map.get("memo");
        Map<String, Object> ordered = new LinkedHashMap<>();
        map.forEach((k, v) -> ordered.put(String.valueOf(k), v));
        return new Rule(id, priority, confidence, match, shares, memo == null ? null : memo.toString(), toYaml(ordered));
    }

    private static Rule.Match match(Object value, String name) {
        if (!(value instanceof Map<?, ?> when) || when.isEmpty()) {
            throw invalid(name + ": field 'when' is missing; say what the rule matches, e.g. description_contains: [GUSTO].");
        }
        for (Object key : when.keySet()) {
            if (!WHEN_KEYS.contains(String.valueOf(key))) {
                throw invalid(name + ": unknown field 'when." + key + "'; the conditions are " + sorted(WHEN_KEYS) + ".");
            }
        }
        Pattern regex = null;
        if (when.get("description_regex") != null) {
            try {
                regex = Pattern.compile(when.get("description_regex").toString(), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw invalid(name + ": field 'when.description_regex' is not a valid regular expression: "
                        + e.getDescription() + ".");
            }
        }
        Rule.Direction direction = null;
        if (when.get("direction") != null) {
            String text = when.get("direction").toString().toUpperCase(Locale.ROOT);
            if (!text.equals("IN") && !text.equals("OUT")) {
                throw invalid(name + ": field 'when.direction' is 'in' (money received) or 'out' (money paid), not '"
                        + when.get("direction") + "'.");
            }
            direction = Rule.Direction.valueOf(text);
        }
        BigDecimal min = decimal(when.get("amount_min"), name, "when.amount_min", null);
        BigDecimal max = decimal(when.get("amount_max"), name, "when.amount_max", null);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw invalid(name + ": field 'when.amount_min' (" + min.toPlainString() + ") is above 'when.amount_max' ("
                    + max.toPlainString() + ").");
        }
        Set<BusinessType> types = EnumSet.noneOf(BusinessType.class);
        for (String type : strings(when.get("business_types"), name, "when.business_types")) {
            try {
                types.add(BusinessType.valueOf(type.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid(name + ": field 'when.business_types' names '" + type + "'; the types are "
                        + List.of(BusinessType.values()) + ".");
            }
        }
        Object bank = when.get("bank_account");
        return new Rule.Match(patterns(when.get("description_contains"), name, "when.description_contains"), regex,
                patterns(when.get("counterparty_contains"), name, "when.counterparty_contains"), min, max, direction,
                bank == null ? null : bank.toString(), types);
    }

    private static List<Rule.Share> shares(Map<?, ?> map, String name) {
        Object account = map.get("account");
        Object split = map.get("split");
        if ((account == null) == (split == null)) {
            throw invalid(name + ": give exactly one of 'account' (one account code) or 'split' (a list of shares).");
        }
        if (account != null) {
            return List.of(new Rule.Share(code(account, name, "account"), null, null));
        }
        if (!(split instanceof List<?> parts) || parts.isEmpty()) {
            throw invalid(name + ": field 'split' is a list of {account, percent} or {account, amount}.");
        }
        List<Rule.Share> shares = new ArrayList<>();
        BigDecimal percentTotal = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            String field = "split[" + i + "]";
            if (!(parts.get(i) instanceof Map<?, ?> part)) {
                throw invalid(name + ": field '" + field + "' is a mapping {account, percent} or {account, amount}.");
            }
            BigDecimal percent = decimal(part.get("percent"), name, field + ".percent", null);
            BigDecimal amount = decimal(part.get("amount"), name, field + ".amount", null);
            boolean last = i == parts.size() - 1;
            if (percent != null && amount != null) {
                throw invalid(name + ": field '" + field + "' has both percent and amount; give one.");
            }
            if (!last && percent == null && amount == null) {
                throw invalid(name + ": field '" + field + "' needs a percent or an amount; only the last share may"
                        + " omit both and take the remainder.");
            }
            if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
                throw invalid(name + ": field '" + field + ".percent' must be above 0 and at most 100.");
            }
            if (amount != null && amount.signum() <= 0) {
                throw invalid(name + ": field '" + field + ".amount' must be positive.");
            }
            if (percent != null) {
                percentTotal = percentTotal.add(percent);
            }
            shares.add(new Rule.Share(code(part.get("account"), name, field + ".account"), percent, amount));
        }
        if (percentTotal.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw invalid(name + ": field 'split' percentages add up to " + percentTotal.toPlainString() + ", over 100.");
        }
        return List.copyOf(shares);
    }

    private static String code(Object value, String name, String field) {
        if (value == null || !value.toString().matches("[0-9A-Za-z.-]{1,20}")) {
            throw invalid(name + ": field '" + field + "' must be an account code such as 6100, not '" + value + "'.");
        }
        return value.toString();
    }

    private static List<String> patterns(Object value, String name, String field) {
        List<String> patterns = new ArrayList<>();
        for (String raw : strings(value, name, field)) {
            String text = Vendors.text(raw);
            if (text.isEmpty()) {
                throw invalid(name + ": field '" + field + "' has '" + raw + "', which has no letters or digits.");
            }
            patterns.add(text);
        }
        return List.copyOf(patterns);
    }

    private static List<String> strings(Object value, String name, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof Map<?, ?>) {
            throw invalid(name + ": field '" + field + "' is a text or a list of texts.");
        }
        return List.of(value.toString());
    }

    private static int integer(Object value, String name, String field, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(name + ": field '" + field + "' must be a whole number, not '" + value + "'.");
        }
    }

    private static BigDecimal decimal(Object value, String name, String field, BigDecimal fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(name + ": field '" + field + "' must be a number, not '" + value + "'.");
        }
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("rule.invalid", message);
    }
}
