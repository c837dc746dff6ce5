package ai.bookkeeper.ingest.parser.csv;

import ai.bookkeeper.ingest.parser.StatementBalance;
import ai.bookkeeper.ingest.parser.StatementHandler;
import ai.bookkeeper.ingest.parser.StatementLine;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a running-balance column line by line, per account, in whichever date order the file has (newest-first
 * exports are common), and at the end states each account's opening and closing balance.
 */
final class RunningBalances {

    private final StatementHandler handler;
    private final String currency;
    private final Map<String, State> accounts = new LinkedHashMap<>();

    RunningBalances(StatementHandler handler, String currency) {
        this.handler = handler;
        this.currency = currency;
    }

    private static final class State {
        StatementLine first;
        StatementLine previous;
        Boolean newestFirst;
        boolean broken;
    }

    void accept(StatementLine line) {
        if (line.balanceAfter() == null) {
            return;
        }
        State state = accounts.computeIfAbsent(Objects.requireNonNullElse(line.accountRef(), ""), k -> new State());
        if (state.first == null) {
            state.first = line;
            state.previous = line;
            return;
        }
        StatementLine previous = state.previous;
        int order = line.bookingDate().compareTo(previous.bookingDate());
        if (order != 0 && state.newestFirst == null) {
            state.newestFirst = order < 0;
        }
        boolean forward = previous.balanceAfter().add(line.amount()).compareTo(line.balanceAfter()) == 0;
        boolean backward = line.balanceAfter().add(previous.amount()).compareTo(previous.balanceAfter()) == 0;
        boolean consistent = state.newestFirst == null ? forward || backward : state.newestFirst ? backward : forward;
        if (!consistent) {
            state.broken = true;
            BigDecimal expected = Boolean.TRUE.equals(state.newestFirst)
                    ? previous.balanceAfter().subtract(previous.amount()) : previous.balanceAfter().add(line.amount());
            handler.warning(line.line(), "line " + line.line() + ": the running balance " + line.balanceAfter().toPlainString()
                    + " does not follow from line " + previous.line() + " (expected " + expected.toPlainString()
                    + "); a transaction is missing between them or the file was edited");
        }
        state.previous = line;
    }

    void finish() {
        accounts.forEach((ref, state) -> {
            boolean newestFirst = Boolean.TRUE.equals(state.newestFirst);
            StatementLine oldest = newestFirst ? state.previous : state.first;
            StatementLine newest = newestFirst ? state.first : state.previous;
            String account = ref.isEmpty() ? null : ref;
            handler.balance(new StatementBalance(account, StatementBalance.Kind.OPENING, oldest.bookingDate(),
                    oldest.balanceAfter().subtract(oldest.amount()), currency, null));
            handler.balance(new StatementBalance(account, StatementBalance.Kind.CLOSING, newest.bookingDate(),
                    newest.balanceAfter(), currency, null));
        });
    }
}
