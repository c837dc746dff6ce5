package ai.bookkeeper.simulate;

import ai.bookkeeper.ledger.ChartTemplates;
import ai.bookkeeper.ledger.ChartTemplates.TemplateAccount;
import ai.bookkeeper.simulate.Profiles.Profile;
import ai.bookkeeper.simulate.Profiles.VendorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a company tells its bookkeeper: its chart, its vendors, itself. Maps are insertion-ordered and the
 * indenter's line feed is '\n' on every platform, so the JSON bytes are fixed by the data.
 */
final class MetadataFiles {

    private static final ObjectWriter JSON = JsonMapper.builder().build().writer()
            .with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private MetadataFiles() {
    }

    static void write(Path dir, Book book) throws IOException {
        Files.createDirectories(dir);
        SimulatedCompany company = book.company();
        write(dir.resolve("coa.json"), chart(book));
        write(dir.resolve("vendors.json"), vendors(Profiles.forType(company.businessType())));
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("name", company.name());
        about.put("slug", company.slug());
        about.put("business_type", company.businessType().name());
        about.put("currency", "USD");
        about.put("owner_email", company.ownerEmail());
        about.put("owner_name", company.ownerName());
        about.put("first_month", book.start().toString());
        about.put("months", book.months().size());
        about.put("opening_balances", List.of(
                balance(book.checkingRef(), "1000", book.openingCheckingCents()),
                balance(book.savingsRef(), "1010", book.openingSavingsCents())));
        write(dir.resolve("company.json"), about);
    }

    private static List<Map<String, Object>> chart(Book book) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (TemplateAccount account : ChartTemplates.forType(book.company().businessType())) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("code", account.code());
            a.put("name", account.name());
            a.put("type", account.type().name());
            a.put("bank", account.bank());
            if (account.code().equals("1000")) {
                a.put("statement_account", book.checkingRef());
            } else if (account.code().equals("1010")) {
                a.put("statement_account", book.savingsRef());
            }
            accounts.add(a);
        }
        return accounts;
    }

    /** One entry per vendor and account: Square's deposits (income) and its fees (expense) are two entries. */
    private static List<Map<String, Object>> vendors(Profile profile) {
        Map<String, Map<String, Object>> byVendorAndAccount = new LinkedHashMap<>();
        List<VendorSpec> all = new ArrayList<>(profile.revenue());
        all.addAll(profile.recurring());
        all.addAll(profile.variable());
        for (VendorSpec spec : all) {
            Map<String, Object> v = byVendorAndAccount.computeIfAbsent(spec.vendor() + '|' + spec.account(), k -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("vendor", spec.vendor());
                entry.put("spellings", new ArrayList<String>());
                entry.put("true_account_code", spec.account());
                entry.put("kind", spec.kind().label());
                return entry;
            });
            @SuppressWarnings("unchecked")
            List<String> spellings = (List<String>) v.get("spellings");
            spec.spellings().stream().filter(s -> !spellings.contains(s)).forEach(spellings::add);
        }
        return new ArrayList<>(byVendorAndAccount.values());
    }

    private static Map<String, Object> balance(String ref, String code, long cents) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("statement_account", ref);
        b.put("ledger_account", code);
        b.put("amount", Cents.format(cents));
        return b;
    }

    private static void write(Path file, Object value) throws IOException {
        byte[] json = JSON.writeValueAsBytes(value);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        Files.write(file, withNewline);
    }
}
