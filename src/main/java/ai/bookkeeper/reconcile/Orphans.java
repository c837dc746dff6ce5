package ai.bookkeeper.reconcile;

import java.util.List;

/**
 * What has no counterpart in a period.
 *
 * @param bankLines bank lines with no entry: money moved that the books don't show yet
 * @param entries   entries on a bank account with no bank line: booked, but not (yet) seen at the bank
 */
public record Orphans(List<BankLine> bankLines, List<LedgerItem> entries) {

    public Orphans {
        bankLines = List.copyOf(bankLines);
        entries = List.copyOf(entries);
    }
}
