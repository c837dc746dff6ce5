package ai.bookkeeper.reconcile;

import java.util.List;

/**
 * What one reconciliation run decided.
 *
 * @param matches        accepted matches, in bank line order (bank account, date, amount, id)
 * @param suggestions    candidates below the auto-accept score, for a person
 * @param unmatchedLines bank lines with no entry
 * @param unmatchedItems entries on the bank accounts with no bank line
 */
public record ReconciliationResult(List<Match> matches, List<Suggestion> suggestions, List<BankLine> unmatchedLines,
                                   List<LedgerItem> unmatchedItems) {

    public ReconciliationResult {
        matches = List.copyOf(matches);
        suggestions = List.copyOf(suggestions);
        unmatchedLines = List.copyOf(unmatchedLines);
        unmatchedItems = List.copyOf(unmatchedItems);
    }
}
