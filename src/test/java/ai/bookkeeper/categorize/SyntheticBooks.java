package ai.bookkeeper.categorize;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of labeled bank transactions for a web-development company: vendors with several spellings,
 * card-network prefixes, store numbers and cities, amounts from per-vendor ranges, an ambiguous vendor whose
 * purchases belong to two accounts, and a small share of reviewer label noise.
 */
final class SyntheticBooks {

    private record Vendor(String code, boolean inflow, int minDollars, int maxDollars, String... spellings) {
    }

    private static final List<Vendor> VENDORS = List.of(
            new Vendor("6150", false, 20, 900, "HETZNER ONLINE GMBH", "HETZNER.COM", "Hetzner Online"),
            new Vendor("6150", false, 5, 300, "FLY.IO", "FLY IO INC", "fly.io billing"),
            new Vendor("6150", false, 7, 250, "RENDER.COM", "RENDER SERVICES INC", "render com"),
            new Vendor("6200", false, 12, 150, "FIGMA", "FIGMA.COM SAN FRANCISCO CA", "Figma Inc"),
            new Vendor("6200", false, 10, 700, "JETBRAINS AMERICAS", "JETBRAINS S.R.O.", "jetbrains.com"),
            new Vendor("6200", false, 3, 60, "1PASSWORD", "AGILEBITS 1PASSWORD", "1password.com"),
            new Vendor("6200", false, 8, 120, "LINEAR APP", "LINEAR ORBIT INC", "linear.app"),
            new Vendor("6200", false, 26, 300, "SENTRY.IO", "FUNCTIONAL SOFTWARE SENTRY", "sentry io"),
            new Vendor("6400", false, 50, 3000, "TWITTER ADS", "X CORP ADS", "twitter ads billing"),
            new Vendor("6400", false, 40, 2000, "REDDIT ADS", "REDDIT INC ADVERTISING", "reddit ads"),
            new Vendor("6400", false, 100, 1500, "CARBON ADS", "BUYSELLADS CARBON", "carbonads"),
            new Vendor("6500", false, 5, 400, "STAPLES 00123", "STAPLES STORE", "staples.com"),
            new Vendor("6500", false, 5, 400, "OFFICE DEPOT 1042", "OFFICEDEPOT.COM", "Office Depot"),
            new Vendor("6000", false, 500, 6000, "UPWORK ESCROW", "UPWORK GLOBAL INC", "upwork"),
            new Vendor("6000", false, 1000, 9000, "DEEL INC", "DEEL PAYMENTS", "deel.com contractor"),
            new Vendor("6000", false, 800, 7000, "TOPTAL LLC", "TOPTAL INVOICE", "toptal"),
            new Vendor("6300", false, 80, 400, "EMBROKER INSURANCE SERVICES", "EMBROKER", "embroker policy"),
            new Vendor("4000", true, 1500, 25000, "INVOICE PAYMENT ACME CORP", "ACH CREDIT ACME CORP", "acme corp inv"),
            new Vendor("4000", true, 800, 15000, "WIRE FROM BETA LABS", "BETA LABS LLC ACH", "beta labs payment"),
            new Vendor("4000", true, 300, 5000, "ZELLE FROM GAMMA STUDIO", "GAMMA STUDIO", "gamma studio zelle"),
            new Vendor("6100", false, 3000, 3000, "WEWORK 500 7TH AVE", "WEWORK MEMBERSHIP", "wework"));
    private static final String[] PREFIXES = {"", "", "POS ", "DEBIT CARD PURCHASE ", "CHECKCARD 0312 ", "ACH DEBIT "};
    private static final String[] SUFFIXES = {"", "", " #", " REF ", " NEW YORK NY", " SF CA"};

    private SyntheticBooks() {
    }

    static List<LabeledExample> generate(long seed, int count) {
        Random random = new Random(seed);
        List<LabeledExample> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean ambiguous = random.nextInt(20) == 0;
            String description;
            String code;
            boolean inflow;
            int dollars;
            if (ambiguous) {
                // the same marketplace sells office supplies and, less often, server hardware
                description = "AMAZON MKTPLACE PMTS AMZN.COM/BILL WA";
                code = random.nextInt(10) < 7 ? "6500" : "6150";
                inflow = false;
                dollars = 10 + random.nextInt(600);
            } else {
                Vendor vendor = VENDORS.get(random.nextInt(VENDORS.size()));
                String spelling = vendor.spellings()[random.nextInt(vendor.spellings().length)];
                String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
                if (suffix.endsWith("#") || suffix.endsWith("REF ")) {
                    suffix = suffix + (1000 + random.nextInt(90000));
                }
                description = PREFIXES[random.nextInt(PREFIXES.length)] + spelling + suffix;
                // one decision in two hundred is a reviewer's slip
                code = random.nextInt(200) == 0 ? VENDORS.get(random.nextInt(VENDORS.size())).code() : vendor.code();
                inflow = vendor.inflow();
                dollars = vendor.minDollars() + random.nextInt(vendor.maxDollars() - vendor.minDollars() + 1);
            }
            long cents = dollars * 100L + random.nextInt(100);
            Money amount = Money.ofMinor(inflow ? cents : -cents, CurrencyCode.USD);
            TransactionFacts facts = new TransactionFacts("syn-" + i, LocalDate.of(2026, 1, 1).plusDays(i % 365),
                    amount, description, null, Charts.CHECKING.id());
            examples.add(new LabeledExample(facts, code));
        }
        return examples;
    }
}
