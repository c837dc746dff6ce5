package ai.bookkeeper.simulate;

import ai.bookkeeper.simulate.Book.Item;
import ai.bookkeeper.simulate.Book.Receipt;
import ai.bookkeeper.simulate.Descriptions.Tokens;
import ai.bookkeeper.simulate.Profiles.Profile;
import ai.bookkeeper.simulate.Profiles.VendorSpec;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws one company's year of banking from its industry profile. All randomness of a company comes from the one
 * {@link SplittableRandom} given, consumed in a fixed order, so a seed fixes every byte of the output.
 */
final class BookGenerator {

    private static final int MIN_REVENUE_LINES = 2;
    private static final int MAX_REVENUE_LINES = 10;
    private static final int MIN_EXPENSE_LINES = 15;
    private static final int MAX_EXPENSE_LINES = 30;
    /** Transfers (2 lines each), refunds and twin pairs add about 0.9 lines a month on average. */
    private static final int EXTRA_LINES_PER_MONTH_X100 = 88;
    private static final int PDF_PERCENT = 30;

    private final SimulatedCompany company;
    private final Profile profile;
    private final SplittableRandom rng;
    private final YearMonth start;
    private final int months;
    private final boolean pdfs;
    // looked up, never iterated, so identity hashing cannot leak into the output order
    private final Map<VendorSpec, Long> fixedAmounts = new IdentityHashMap<>();
    private final Map<VendorSpec, String> stores = new IdentityHashMap<>();
    private final Map<VendorSpec, Integer> spellingUses = new IdentityHashMap<>();
    private String checkingRef;
    private String savingsRef;
    private String card;
    private int seq;

    BookGenerator(SimulatedCompany company, SplittableRandom rng, YearMonth start, int months, boolean pdfs) {
        this.company = company;
        this.profile = Profiles.forType(company.businessType());
        this.rng = rng;
        this.start = start;
        this.months = months;
        this.pdfs = pdfs;
    }

    Book generate() {
        checkingRef = "CHK-" + rng.nextInt(1000, 10000);
        savingsRef = "SAV-" + rng.nextInt(1000, 10000);
        card = Integer.toString(rng.nextInt(1000, 10000));
        long checking = draw(profile.openingChecking());
        long savings = draw(profile.openingSavings());
        long openingChecking = checking;
        long openingSavings = savings;
        int[] transfers = spread(2 + rng.nextInt(3));
        int[] refunds = spread(1 + rng.nextInt(2));
        int[] twins = spread(1 + rng.nextInt(2));
        List<List<BankLine>> book = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            List<BankLine> lines = month(start.plusMonths(i), checking, transfers[i], refunds[i], twins[i]);
            for (BankLine line : lines) {
                if (line.accountRef.equals(checkingRef)) {
                    checking += line.amountCents;
                    line.balanceCents = checking;
                } else {
                    savings += line.amountCents;
                    line.balanceCents = savings;
                }
            }
            book.add(lines);
        }
        numberOccurrences(book);
        int[] overlap = new int[months];
        for (int i = 1; i < months; i++) {
            // the second month always overlaps, so that every run has repeated rows to deduplicate
            overlap[i] = i == 1 || rng.nextInt(2) == 0 ? 2 + rng.nextInt(3) : 0;
        }
        return new Book(company, checkingRef, savingsRef, openingChecking, openingSavings, start, book, overlap,
                receipts(book));
    }

    private List<BankLine> month(YearMonth month, long checkingAtStart, int transfers, int refunds, int twins) {
        int weight = profile.seasonWeight(month.getMonthValue());
        int damped = 100 + (weight - 100) / 2;
        List<BankLine> lines = new ArrayList<>(40);
        for (VendorSpec spec : profile.recurring()) {
            if (spec.days().isEmpty()) {
                lines.add(line(spec, postingDate(month, rng.nextInt(1, month.lengthOfMonth() + 1)), amount(spec)));
            } else {
                for (int day : spec.days()) {
                    lines.add(line(spec, postingDate(month, day), amount(spec)));
                }
            }
        }
        int expenses = clamp(randomRound(baseExpensesX100() * damped / 100), MIN_EXPENSE_LINES, MAX_EXPENSE_LINES);
        int variable = Math.max(0, expenses - profile.recurringCount(Kind.EXPENSE, Kind.PAYROLL));
        for (int i = 0; i < variable; i++) {
            VendorSpec spec = pick(profile.variable(), false);
            lines.add(line(spec, randomDate(month), amount(spec)));
        }
        List<BankLine> purchases = lines.stream().filter(l -> l.kind == Kind.EXPENSE && l.spec.hasReceipts()
                && profile.variable().contains(l.spec)).toList();
        for (int i = 0; i < refunds && !purchases.isEmpty(); i++) {
            lines.add(refund(purchases.get(rng.nextInt(purchases.size())), month));
        }
        for (int i = 0; i < twins; i++) {
            VendorSpec spec = pick(profile.variable(), true);
            BankLine first = line(spec, randomDate(month), amount(spec));
            lines.add(first);
            lines.add(first.twin(seq++));
        }
        addRevenue(lines, month, weight);
        for (int i = 0; i < transfers; i++) {
            addTransfer(lines, month, checkingAtStart);
        }
        lines.sort(Comparator.comparing((BankLine l) -> l.date).thenComparingInt(l -> l.seq));
        return lines;
    }

    private long baseExpensesX100() {
        return company.targetTransactions() * 100L / 12 - profile.revenuePerMonth() * 100L
                - profile.recurringCount(Kind.REVENUE) * 100L - EXTRA_LINES_PER_MONTH_X100;
    }

    /**
     * Revenue follows the month's spending with a margin, times the season's full weight: a busy month earns more
     * than it spends, a quiet one less (spending, mostly payroll and rent, hardly moves with the season).
     */
    private void addRevenue(List<BankLine> lines, YearMonth month, int weight) {
        long outflow = 0;
        long recurringRevenue = 0;
        for (BankLine line : lines) {
            if (line.kind.outflow()) {
                outflow -= line.amountCents;
            } else if (line.kind == Kind.REVENUE) {
                recurringRevenue += line.amountCents;
            }
        }
        int deposits = clamp(randomRound(profile.revenuePerMonth() * weight), MIN_REVENUE_LINES, MAX_REVENUE_LINES);
        long marginBp = rng.nextInt(10_500, 12_000);
        long target = outflow * marginBp / 10_000 * weight / 100;
        long remaining = Math.max(target - recurringRevenue, deposits * 20_000L);
        int[] weights = new int[deposits];
        int weightSum = 0;
        for (int i = 0; i < deposits; i++) {
            weights[i] = rng.nextInt(50, 151);
            weightSum += weights[i];
        }
        long left = remaining;
        for (int i = 0; i < deposits; i++) {
            long amount = i == deposits - 1 ? left : remaining * weights[i] / weightSum;
            left -= amount;
            lines.add(line(pick(profile.revenue(), false), randomDate(month), amount));
        }
    }

    private void addTransfer(List<BankLine> lines, YearMonth month, long checkingAtStart) {
        // whole hundreds of dollars, 8-20% of what checking held when the month began, at least $500
        long amount = Math.max(50_000, checkingAtStart * rng.nextInt(8, 21) / 100 / 10_000 * 10_000);
        LocalDate date = randomDate(month);
        String toSavings = "ONLINE TRANSFER TO SAV ..." + savingsRef.substring(4);
        String fromChecking = "ONLINE TRANSFER FROM CHK ..." + checkingRef.substring(4);
        lines.add(new BankLine(seq++, checkingRef, date, date, -amount, toSavings, "1010", "Transfer to savings",
                Kind.TRANSFER, null, 0));
        lines.add(new BankLine(seq++, savingsRef, date, date, amount, fromChecking, "1000", "Transfer from checking",
                Kind.TRANSFER, null, 0));
    }

    /** Money back from a vendor a few days after a purchase: all of it, or part (a returned item). */
    private BankLine refund(BankLine purchase, YearMonth month) {
        long paid = -purchase.amountCents;
        long amount = rng.nextBoolean() ? paid : Math.max(1, paid * rng.nextInt(20, 81) / 100);
        LocalDate date = purchase.date.plusDays(rng.nextInt(2, 8));
        if (!YearMonth.from(date).equals(month)) {
            date = purchase.date;
        }
        String rendered = render(purchase.spec, purchase.spelling, date, date);
        String description = Descriptions.cut(rendered.startsWith("POS DEBIT")
                ? "POS CREDIT" + rendered.substring("POS DEBIT".length()) : "REFUND " + rendered);
        return new BankLine(seq++, checkingRef, date, date, amount, description, purchase.trueAccount,
                purchase.vendor, Kind.REFUND, purchase.spec, purchase.spelling);
    }

    private BankLine line(VendorSpec spec, LocalDate posted, long amountCents) {
        LocalDate purchased = spec.kind() == Kind.REVENUE || !spec.days().isEmpty() ? posted
                : posted.minusDays(rng.nextInt(0, 4));
        int spelling = spelling(spec);
        long signed = spec.kind() == Kind.REVENUE ? amountCents : -amountCents;
        return new BankLine(seq++, checkingRef, posted, purchased, signed, render(spec, spelling, purchased, posted),
                spec.account(), spec.vendor(), spec.kind(), spec, spelling);
    }

    private String render(VendorSpec spec, int spelling, LocalDate purchased, LocalDate posted) {
        String store = stores.computeIfAbsent(spec, s -> Integer.toString(rng.nextInt(100, 10_000)));
        String person = spec.people().isEmpty() ? "" : spec.people().get(rng.nextInt(spec.people().size()));
        return Descriptions.render(spec.pattern(),
                new Tokens(spec.spellings().get(spelling), purchased, posted, store, card, reference(), person));
    }

    /** A vendor with two spellings shows the first, then the second, then either: both are always present. */
    private int spelling(VendorSpec spec) {
        int count = spec.spellings().size();
        if (count == 1) {
            return 0;
        }
        int uses = spellingUses.merge(spec, 1, Integer::sum) - 1;
        return uses < count ? uses : rng.nextInt(count);
    }

    private long amount(VendorSpec spec) {
        if (spec.fixed()) {
            return fixedAmounts.computeIfAbsent(spec, s -> rng.nextLong(s.minCents(), s.maxCents() + 1));
        }
        return rng.nextLong(spec.minCents(), spec.maxCents() + 1);
    }

    private VendorSpec pick(List<VendorSpec> specs, boolean verbatimOnly) {
        int total = 0;
        for (VendorSpec spec : specs) {
            total += verbatimOnly && !spec.canRepeatVerbatim() ? 0 : spec.weight();
        }
        if (total == 0) {
            throw new IllegalStateException("profiles.yml: " + profile.type()
                    + " needs a variable vendor without {R}, {P} or {Y} so that identical twin lines can occur");
        }
        int ticket = rng.nextInt(total);
        for (VendorSpec spec : specs) {
            int weight = verbatimOnly && !spec.canRepeatVerbatim() ? 0 : spec.weight();
            if (ticket < weight) {
                return spec;
            }
            ticket -= weight;
        }
        throw new IllegalStateException("unreachable: weighted pick ran past the end");
    }

    private List<Receipt> receipts(List<List<BankLine>> book) {
        List<BankLine> eligible = new ArrayList<>();
        for (List<BankLine> month : book) {
            for (BankLine line : month) {
                if (line.kind == Kind.EXPENSE && line.spec.hasReceipts()) {
                    eligible.add(line);
                }
            }
        }
        int wanted = Math.min(eligible.size(), (int) ((company.targetReceipts() * (long) months + 6) / 12));
        int[] order = new int[eligible.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < wanted; i++) { // partial Fisher-Yates: the first `wanted` are a uniform sample
            int j = rng.nextInt(i, order.length);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, wanted);
        Arrays.sort(chosen);
        List<Receipt> receipts = new ArrayList<>(wanted);
        for (int index : chosen) {
            receipts.add(receipt(receipts.size() + 1, eligible.get(index)));
        }
        return receipts;
    }

    private Receipt receipt(int number, BankLine line) {
        long total = -line.amountCents;
        int taxBp = line.spec.category().taxBp();
        long subtotal = (total * 10_000 + (10_000 + taxBp) / 2) / (10_000 + taxBp);
        List<String> names = new ArrayList<>(line.spec.category().items());
        int count = 1 + rng.nextInt(Math.min(line.spec.category().maxItems(), names.size()));
        int[] weights = new int[count];
        int weightSum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = rng.nextInt(1, 11);
            weightSum += weights[i];
        }
        List<Item> items = new ArrayList<>(count);
        long left = subtotal;
        for (int i = 0; i < count; i++) {
            String name = names.remove(rng.nextInt(names.size()));
            long cents = i == count - 1 ? left : subtotal * weights[i] / weightSum;
            left -= cents;
            items.add(new Item(name, cents));
        }
        String payment = line.spec.pattern().startsWith("ACH") || line.description.contains(" DES:")
                ? "ACH debit" : "Card ending " + card;
        boolean pdf = pdfs && company.pilot() && rng.nextInt(100) < PDF_PERCENT;
        return new Receipt(number, line, line.purchaseDate, items, subtotal, total - subtotal, payment, pdf);
    }

    private static void numberOccurrences(List<List<BankLine>> book) {
        Map<String, Integer> seen = new HashMap<>(); // looked up only, never iterated
        for (List<BankLine> month : book) {
            for (BankLine line : month) {
                line.occurrence = seen.merge(line.identity(), 1, Integer::sum);
            }
        }
    }

    /** How many of {@code perYear} events fall in each month: scaled to the run's length, at least one. */
    private int[] spread(int perYear) {
        int[] perMonth = new int[months];
        int count = Math.max(1, (perYear * months + 6) / 12);
        for (int i = 0; i < count; i++) {
            perMonth[rng.nextInt(months)]++;
        }
        return perMonth;
    }

    private LocalDate randomDate(YearMonth month) {
        return postingDate(month, rng.nextInt(1, month.lengthOfMonth() + 1));
    }

    /** Banks post on weekdays: a weekend day moves to Monday, or back to Friday at the end of the month. */
    private static LocalDate postingDate(YearMonth month, int day) {
        LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            LocalDate monday = date.plusDays(dow == DayOfWeek.SATURDAY ? 2 : 1);
            return YearMonth.from(monday).equals(month) ? monday : date.minusDays(dow == DayOfWeek.SATURDAY ? 1 : 2);
        }
        return date;
    }

    private long draw(long[] range) {
        return rng.nextLong(range[0], range[1] + 1);
    }

    private int randomRound(long valueX100) {
        long whole = valueX100 / 100;
        return (int) (whole + (rng.nextInt(100) < valueX100 % 100 ? 1 : 0));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private String reference() {
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            int v = rng.nextInt(36);
            chars[i] = (char) (v < 10 ? '0' + v : 'A' + v - 10);
        }
        return new String(chars);
    }
}
