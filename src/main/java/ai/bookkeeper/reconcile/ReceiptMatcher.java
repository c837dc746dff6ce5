package ai.bookkeeper.reconcile;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pure receipt matcher: receipts against the entries that paid them, on any bank account. A receipt's total
 * paid is money out, so it matches an item of amount {@code -total} in the same currency, dated within the window,
 * scored on date and vendor similarity like a bank line; same-date pairs and pairs at or above the auto-accept score
 * are accepted, one-to-one, decided globally (best pair first), independent of input order.
 */
public final class ReceiptMatcher {

    private final ReconcileOptions options;

    public ReceiptMatcher(ReconcileOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Accepted links, in receipt order (currency, date, amount, id); {@code bankLineId} is left null. */
    public List<ReceiptMatch> match(List<ReceiptDoc> receipts, List<LedgerItem> items) {
        Set<String> seen = new HashSet<>();
        receipts.forEach(r -> {
            if (!seen.add(r.id())) {
                throw new InvalidInputException("reconcile.duplicate_id", "Receipt " + r.id()
                        + " appears more than once; pass each receipt once.");
            }
        });
        Map<CurrencyCode, Integer> groups = new HashMap<>();
        receipts.forEach(r -> groups.putIfAbsent(r.total().currency(), 0));
        items.forEach(i -> groups.putIfAbsent(i.amount().currency(), 0));
        List<CurrencyCode> sorted = groups.keySet().stream().sorted(Comparator.comparing(CurrencyCode::value)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            groups.put(sorted.get(i), i);
        }
        Side probes = new Side(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            ReceiptDoc r = receipts.get(i);
            probes.set(i, r.id(), r.vendor(), groups.get(r.total().currency()), -r.total().minorUnits(),
                    (int) r.date().toEpochDay());
        }
        Side targets = new Side(items.size());
        Set<String> itemIds = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            LedgerItem t = items.get(i);
            if (!itemIds.add(t.entryId())) {
                throw new InvalidInputException("reconcile.duplicate_id", "Entry "
                        + t.entryId() + " appears more than once among the ledger items; pass each entry once.");
            }
            targets.set(i, t.entryId(), t.description(), groups.get(t.amount().currency()), t.amount().minorUnits(),
                    (int) t.date().toEpochDay());
        }
        PairMatcher pairs = new PairMatcher(probes, targets, options, new DescriptionSimilarity(), Declined.NONE).run();
        List<ReceiptMatch> links = new ArrayList<>();
        for (int probe : pairs.probeOrder) {
            int target = pairs.probeMatch[probe];
            if (target >= 0) {
                ReceiptDoc r = receipts.get(probe);
                LedgerItem item = items.get(target);
                links.add(new ReceiptMatch(r.id(), item.entryId(), null, pairs.matchScore[probe],
                        reason(r, item, pairs.matchSimilarity[probe])));
            }
        }
        return links;
    }

    private static String reason(ReceiptDoc receipt, LedgerItem item, int similarityBp) {
        long days = Math.abs(receipt.date().toEpochDay() - item.date().toEpochDay());
        Money paid = receipt.total();
        return "receipt total " + paid + " paid by the entry, " + (days == 0 ? "same date " + receipt.date()
                : "dates " + days + " day" + (days == 1 ? "" : "s") + " apart (receipt " + receipt.date() + ", entry "
                + item.date() + ")") + ", vendor " + similarityBp / 100 + "% alike";
    }
}
