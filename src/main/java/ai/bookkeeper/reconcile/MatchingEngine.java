package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure matcher: bank lines against ledger items, no database. In order:
 * <ol>
 *   <li>one-to-one ({@link PairMatcher}): same bank account, currency and amount, dates within the window; exact
 *       (same date) pairs are always accepted, heuristic ones from the auto-accept score;</li>
 *   <li>many-to-one ({@link ManyToOne}) for the lines still open;</li>
 *   <li>suggestions: the best open one-to-one candidates (up to three a line) and ambiguous many-to-one sums.</li>
 * </ol>
 * Invariants: every entry and every bank line is in at most one match, and a match's entries sum to its line's
 * amount. The result is the same whatever the order of the input lists. Not thread-safe; cheap to create.
 */
public final class MatchingEngine {

    private static final int SUGGESTIONS_PER_LINE = 3;

    private final ReconcileOptions options;

    public MatchingEngine(ReconcileOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ReconciliationResult run(List<BankLine> lines, List<LedgerItem> items) {
        return run(lines, items, Declined.NONE);
    }

    /** As {@link #run(List, List)}, never pairing a line with an entry a person unmatched it from. */
    ReconciliationResult run(List<BankLine> lines, List<LedgerItem> items, Declined declined) {
        requireUnique(lines.stream().map(BankLine::id).toList(), "bank line");
        requireUnique(items.stream().map(LedgerItem::entryId).toList(), "ledger item");
        Map<Group, Integer> groups = groups(lines, items);
        Side probes = new Side(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            BankLine l = lines.get(i);
            probes.set(i, l.id(), l.description(), groups.get(Group.of(l.bankAccount(), l.amount())),
                    l.amount().minorUnits(), (int) l.date().toEpochDay());
        }
        Side targets = new Side(items.size());
        for (int i = 0; i < items.size(); i++) {
            LedgerItem t = items.get(i);
            targets.set(i, t.entryId(), t.description(), groups.get(Group.of(t.bankAccount(), t.amount())),
                    t.amount().minorUnits(), (int) t.date().toEpochDay());
        }
        DescriptionSimilarity similarity = new DescriptionSimilarity();
        PairMatcher pairs = new PairMatcher(probes, targets, options, similarity, declined).run();
        List<ManyToOne.Settlement> settlements = new ManyToOne(pairs, options, similarity).run();
        return assemble(lines, items, pairs, settlements);
    }

    private ReconciliationResult assemble(List<BankLine> lines, List<LedgerItem> items, PairMatcher pairs,
                                          List<ManyToOne.Settlement> settlements) {
        Match[] byLine = new Match[lines.size()];
        for (int probe = 0; probe < lines.size(); probe++) {
            int target = pairs.probeMatch[probe];
            if (target >= 0) {
                byLine[probe] = pairMatch(lines.get(probe), items.get(target), pairs.matchScore[probe],
                        pairs.matchSimilarity[probe]);
            }
        }
        List<Ranked> suggestions = new ArrayList<>();
        for (ManyToOne.Settlement s : settlements) {
            BankLine line = lines.get(s.probe());
            List<LedgerItem> settled = Arrays.stream(s.targets()).mapToObj(items::get)
                    .sorted(Comparator.comparing(LedgerItem::entryId)).toList();
            if (s.unique()) {
                byLine[s.probe()] = new Match(line.id(), settled.stream().map(LedgerItem::entryId).toList(),
                        MatchKind.MANY_TO_ONE, s.scoreBp(), Reasons.manyToOne(line, settled, 0));
            } else {
                suggestions.add(new Ranked(pairs.probeRank[s.probe()], new Suggestion(line.id(),
                        settled.stream().map(LedgerItem::entryId).toList(), MatchKind.MANY_TO_ONE, s.scoreBp(),
                        Reasons.manyToOne(line, settled, s.alternatives()))));
            }
        }
        for (PairMatcher.Candidate c : pairs.openCandidates(SUGGESTIONS_PER_LINE)) {
            if (byLine[c.probe()] == null) {
                BankLine line = lines.get(c.probe());
                LedgerItem item = items.get(c.target());
                if (!pairs.targetUsed[c.target()]) {
                    suggestions.add(new Ranked(pairs.probeRank[c.probe()], new Suggestion(line.id(),
                            List.of(item.entryId()), MatchKind.HEURISTIC, c.scoreBp(),
                            Reasons.pair(line, item, c.similarityBp()))));
                }
            }
        }
        // stable: per line, the many-to-one suggestion first, then pair candidates best first
        suggestions.sort(Comparator.comparingInt(Ranked::rank));
        List<Match> matches = new ArrayList<>();
        List<BankLine> openLines = new ArrayList<>();
        for (int probe : pairs.probeOrder) {
            if (byLine[probe] != null) {
                matches.add(byLine[probe]);
            } else {
                openLines.add(lines.get(probe));
            }
        }
        List<LedgerItem> openItems = new ArrayList<>();
        for (int t = 0; t < items.size(); t++) {
            if (!pairs.targetUsed[t]) {
                openItems.add(items.get(t));
            }
        }
        openItems.sort(Comparator.comparing((LedgerItem i) -> i.bankAccount().value()).thenComparing(LedgerItem::date)
                .thenComparing(LedgerItem::entryId));
        return new ReconciliationResult(matches, suggestions.stream().map(Ranked::suggestion).toList(), openLines,
                openItems);
    }

    private record Ranked(int rank, Suggestion suggestion) {
    }

    private static Match pairMatch(BankLine line, LedgerItem item, int scoreBp, int similarityBp) {
        MatchKind kind = line.date().equals(item.date()) ? MatchKind.EXACT : MatchKind.HEURISTIC;
        return new Match(line.id(), List.of(item.entryId()), kind, scoreBp, Reasons.pair(line, item, similarityBp));
    }

    /** Numbers the (bank account, currency) groups in sorted order, so that canonical orders don't depend on input. */
    private static Map<Group, Integer> groups(List<BankLine> lines, List<LedgerItem> items) {
        Set<Group> distinct = new HashSet<>();
        lines.forEach(l -> distinct.add(Group.of(l.bankAccount(), l.amount())));
        items.forEach(i -> distinct.add(Group.of(i.bankAccount(), i.amount())));
        List<Group> sorted = distinct.stream().sorted(Comparator.comparing((Group g) -> g.account().value())
                .thenComparing(g -> g.currency().value())).toList();
        Map<Group, Integer> numbers = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            numbers.put(sorted.get(i), i);
        }
        return numbers;
    }

    private static void requireUnique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>(ids.size() * 2);
        List<String> duplicates = ids.stream().filter(id -> !seen.add(id)).distinct().limit(5).toList();
        if (!duplicates.isEmpty()) {
            throw new InvalidInputException("reconcile.duplicate_id", "Each " + what + " may appear once, but "
                    + duplicates.stream().collect(Collectors.joining(", ")) + " appear(s) more than once; remove the"
                    + " duplicates before reconciling.");
        }
    }

    private record Group(AccountId account, CurrencyCode currency) {
        static Group of(AccountId account, Money amount) {
            return new Group(account, amount.currency());
        }
    }

    /** Reasons for people; short, because a million of them may be built. */
    static final class Reasons {
        private static final Map<CurrencyCode, Integer> FRACTION_DIGITS = new java.util.concurrent.ConcurrentHashMap<>();

        private Reasons() {
        }

        static String pair(BankLine line, LedgerItem item, int similarityBp) {
            long days = Math.abs(line.date().toEpochDay() - item.date().toEpochDay());
            String when = days == 0 ? "same date " + line.date()
                    : "dates " + days + " day" + (days == 1 ? "" : "s") + " apart (bank " + line.date() + ", entry "
                    + item.date() + ")";
            return "same amount " + format(line.amount()) + ", " + when + ", descriptions " + similarityBp / 100 + "% alike";
        }

        /** As {@link Money#toString()}, without a BigDecimal per call. */
        static String format(Money money) {
            int digits = FRACTION_DIGITS.computeIfAbsent(money.currency(), CurrencyCode::fractionDigits);
            long minor = money.minorUnits();
            StringBuilder text = new StringBuilder(money.currency().value()).append(' ');
            if (minor < 0) {
                text.append('-');
            }
            String units = minor < 0 ? Long.toString(minor).substring(1) : Long.toString(minor);
            if (digits == 0) {
                return text.append(units).toString();
            }
            if (units.length() <= digits) {
                units = "0".repeat(digits - units.length() + 1) + units;
            }
            return text.append(units, 0, units.length() - digits).append('.')
                    .append(units, units.length() - digits, units.length()).toString();
        }

        static String manyToOne(BankLine line, List<LedgerItem> settled, int alternatives) {
            LocalDate first = settled.stream().map(LedgerItem::date).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = settled.stream().map(LedgerItem::date).max(Comparator.naturalOrder()).orElseThrow();
            String reason = settled.size() + " entries dated " + first + (first.equals(last) ? "" : ".." + last)
                    + " sum exactly to the bank line's " + format(line.amount());
            return alternatives == 0 ? reason : reason + "; " + alternatives + " other combination"
                    + (alternatives == 1 ? "" : "s") + " also sum to it, so pick by hand";
        }
    }
}
