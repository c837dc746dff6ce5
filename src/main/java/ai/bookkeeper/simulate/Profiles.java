package ai.bookkeeper.simulate;

import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.ledger.ChartTemplates;
import ai.bookkeeper.ledger.ChartTemplates.TemplateAccount;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The industry profiles of {@code profiles.yml}, checked on load against the ledger's chart templates: a profile
 * that books to an account its template lacks (or to a bank account) would make the ground truth unbookable.
 */
final class Profiles {

    /** Receipt line items and the sales tax, in basis points, charged on them. */
    record Category(String name, int taxBp, int maxItems, List<String> items) {
    }

    /** One counterparty as a bank statement shows it; see the header of profiles.yml for the fields. */
    record VendorSpec(String vendor, List<String> spellings, String pattern, String account, Kind kind,
            long minCents, long maxCents, boolean fixed, List<Integer> days, int weight, Category category,
            boolean receipts, List<String> people) {

        boolean hasReceipts() {
            return receipts && category != null;
        }

        /** Two genuine lines can only look identical when the bank prints no per-payment reference. */
        boolean canRepeatVerbatim() {
            return !pattern.contains("{R}") && !pattern.contains("{P}") && !pattern.contains("{Y}");
        }
    }

    /** @param season 12 weights, January first, scaled so that they sum to 1200 (an average month is 100) */
    record Profile(BusinessType type, int[] season, int revenuePerMonth, long[] openingChecking,
            long[] openingSavings, List<VendorSpec> revenue, List<VendorSpec> recurring, List<VendorSpec> variable) {

        int seasonWeight(int monthOfYear) {
            return season[monthOfYear - 1];
        }

        int recurringCount(Kind... kinds) {
            int count = 0;
            for (VendorSpec spec : recurring) {
                for (Kind kind : kinds) {
                    if (spec.kind() == kind) {
                        count += spec.days().isEmpty() ? 1 : spec.days().size();
                    }
                }
            }
            return count;
        }
    }

    private static final Map<BusinessType, Profile> PROFILES = load();

    private Profiles() {
    }

    static Profile forType(BusinessType type) {
        return PROFILES.get(type);
    }

    @SuppressWarnings("unchecked")
    private static Map<BusinessType, Profile> load() {
        Map<String, Object> raw;
        try (InputStream in = Profiles.class.getResourceAsStream("profiles.yml")) {
            raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Category> categories = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) raw.get("categories")).forEach((name, c) -> categories.put(name,
                new Category(name, (Integer) c.get("tax_bp"), (Integer) c.getOrDefault("max_items", 3),
                        List.copyOf((List<String>) c.get("items")))));
        Map<String, List<String>> people = (Map<String, List<String>>) raw.get("people");
        Map<BusinessType, Profile> profiles = new EnumMap<>(BusinessType.class);
        for (BusinessType type : BusinessType.values()) {
            Map<String, Object> p = (Map<String, Object>) raw.get(type.name());
            if (p == null) {
                throw new IllegalStateException("profiles.yml has no profile for " + type);
            }
            Profile profile = new Profile(type, season(type, (List<Integer>) p.get("season")),
                    (Integer) p.get("revenue_per_month"), range((List<String>) p.get("opening_checking")),
                    range((List<String>) p.get("opening_savings")),
                    vendors(type, p.get("revenue"), Kind.REVENUE, categories, people),
                    vendors(type, p.get("recurring"), Kind.EXPENSE, categories, people),
                    vendors(type, p.get("variable"), Kind.EXPENSE, categories, people));
            profiles.put(type, profile);
        }
        return profiles;
    }

    private static int[] season(BusinessType type, List<Integer> weights) {
        if (weights == null || weights.size() != 12) {
            throw new IllegalStateException("profiles.yml: " + type + " needs 12 season weights");
        }
        int sum = weights.stream().mapToInt(Integer::intValue).sum();
        int[] scaled = new int[12];
        for (int i = 0; i < 12; i++) {
            scaled[i] = weights.get(i) * 1200 / sum;
        }
        return scaled;
    }

    @SuppressWarnings("unchecked")
    private static List<VendorSpec> vendors(BusinessType type, Object list, Kind defaultKind,
            Map<String, Category> categories, Map<String, List<String>> people) {
        Map<String, TemplateAccount> chart = new LinkedHashMap<>();
        ChartTemplates.forType(type).forEach(a -> chart.put(a.code(), a));
        List<VendorSpec> specs = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) list) {
            String vendor = (String) v.get("vendor");
            Kind kind = v.containsKey("kind") ? Kind.valueOf(((String) v.get("kind")).toUpperCase(Locale.ROOT))
                    : defaultKind;
            String account = (String) v.getOrDefault("account", kind == Kind.REVENUE ? "4000" : null);
            TemplateAccount templateAccount = chart.get(account);
            AccountType expected = kind == Kind.REVENUE ? AccountType.INCOME : AccountType.EXPENSE;
            if (templateAccount == null || templateAccount.bank() || templateAccount.type() != expected) {
                throw new IllegalStateException("profiles.yml: " + type + " vendor '" + vendor + "' books to "
                        + account + ", which is not an " + expected + " account of the " + type + " chart template");
            }
            long[] amount = kind == Kind.REVENUE && !v.containsKey("amount") ? new long[] {0, 0}
                    : range((List<String>) v.get("amount"));
            String categoryName = (String) v.get("category");
            Category category = categoryName == null ? null : categories.get(categoryName);
            if (categoryName != null && category == null) {
                throw new IllegalStateException("profiles.yml: unknown category '" + categoryName + "'");
            }
            String peopleName = (String) v.get("people");
            List<String> names = peopleName == null ? List.of() : people.get(peopleName);
            if (names == null) {
                throw new IllegalStateException("profiles.yml: unknown people list '" + peopleName + "'");
            }
            specs.add(new VendorSpec(vendor, List.copyOf((List<String>) v.get("spellings")),
                    (String) v.get("pattern"), account, kind, amount[0], amount[1],
                    Boolean.TRUE.equals(v.get("fixed")), List.copyOf((List<Integer>) v.getOrDefault("days", List.of())),
                    (Integer) v.getOrDefault("weight", 1), category,
                    kind != Kind.REVENUE && !Boolean.FALSE.equals(v.get("receipts")), List.copyOf(names)));
        }
        return List.copyOf(specs);
    }

    private static long[] range(List<String> dollars) {
        long min = Money.of(dollars.get(0), CurrencyCode.USD).minorUnits();
        long max = Money.of(dollars.get(1), CurrencyCode.USD).minorUnits();
        if (min > max) {
            throw new IllegalStateException("profiles.yml: range " + dollars + " runs backwards");
        }
        return new long[] {min, max};
    }
}
