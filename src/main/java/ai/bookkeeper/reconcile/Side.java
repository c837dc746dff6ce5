package ai.bookkeeper.reconcile;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One side of a matching problem in columns (bank lines, ledger items or receipts), so that a million rows cost a
 * few arrays rather than a million objects. {@code group} stands for bank account and currency: only rows of the
 * same group can match. {@code day} is the epoch day.
 */
final class Side {

    final int size;
    final String[] id;
    final String[] text;
    final int[] group;
    final long[] amount;
    final int[] day;

    Side(int size) {
        this.size = size;
        this.id = new String[size];
        this.text = new String[size];
        this.group = new int[size];
        this.amount = new long[size];
        this.day = new int[size];
    }

    void set(int i, String id, String text, int group, long amount, int day) {
        this.id[i] = id;
        this.text[i] = text;
        this.group[i] = group;
        this.amount[i] = amount;
        this.day[i] = day;
    }

    /** Indices in (group, day, amount, id) order: the canonical order in which bank lines are decided. */
    int[] byDate() {
        return sorted(Comparator.<Integer>comparingInt(i -> group[i]).thenComparingInt(i -> day[i])
                .thenComparingLong(i -> amount[i]).thenComparing(i -> id[i]));
    }

    /** Indices in (group, amount, day, id) order: the index in which candidates are looked up. */
    int[] byAmount() {
        return sorted(Comparator.<Integer>comparingInt(i -> group[i]).thenComparingLong(i -> amount[i])
                .thenComparingInt(i -> day[i]).thenComparing(i -> id[i]));
    }

    private int[] sorted(Comparator<Integer> order) {
        Integer[] boxed = new Integer[size];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, order);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
