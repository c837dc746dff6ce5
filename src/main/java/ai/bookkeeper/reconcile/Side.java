package ai.bookkeeper.reconcile;


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
        return sorted((a, b) -> {
            int c = Integer.compare(group[a], group[b]);
            if (c == 0) {
                c = Integer.compare(day[a], day[b]);
            }
            if (c == 0) {
                c = Long.compare(amount[a], amount[b]);
            }
            return c != 0 ? c : id[a].compareTo(id[b]);
        });
    }

    /** Indices in (group, amount, day, id) order: the index in which candidates are looked up. */
    int[] byAmount() {
        return sorted((a, b) -> {
            int c = Integer.compare(group[a], group[b]);
            if (c == 0) {
                c = Long.compare(amount[a], amount[b]);
            }
            if (c == 0) {
                c = Integer.compare(day[a], day[b]);
            }
            return c != 0 ? c : id[a].compareTo(id[b]);
        });
    }

    /** Compares two row indices. */
    @FunctionalInterface
    interface IndexOrder {
        int compare(int a, int b);
    }

    /** The row indices sorted by {@code order}: a merge sort on ints, since boxing a million indices is slow. */
    int[] sorted(IndexOrder order) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        return sort(a, order);
    }

    static int[] sort(int[] a, IndexOrder order) {
        int n = a.length;
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(lo + run, n);
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && order.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
        }
        int[] src = a;
        int[] dst = new int[n];
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    dst[k++] = order.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        return src;
    }
}
