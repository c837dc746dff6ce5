package ai.bookkeeper.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One bank line settling several entries (a card processor payout, one payment of several bills): among the free
 * entries of the same bank account and sign within the date window, smaller than the line, take the
 * {@code manyToOneCandidates} nearest in date and look for subsets of 2 to {@code manyToOneMaxEntries} whose amounts
 * sum exactly to the line — a bounded subset-sum, at most 2^16 subsets per line. A single solution is accepted; when
 * several subsets fit, it is ambiguous and only suggested (the nearest in date first). Lines are decided in canonical
 * order, so the outcome does not depend on input order.
 */
final class ManyToOne {

    private static final int SCAN_LIMIT = 512;

    /** The entries (target indices) one probe settles. */
    record Settlement(int probe, int[] targets, int scoreBp, int alternatives) {
        boolean unique() {
            return alternatives == 0;
        }
    }

    private final PairMatcher matcher;
    private final ReconcileOptions options;
    private final DescriptionSimilarity similarity;
    private final Side probes;
    private final Side targets;
    private int[] pool;
    private final int[] scratch = new int[SCAN_LIMIT];

    ManyToOne(PairMatcher matcher, ReconcileOptions options, DescriptionSimilarity similarity) {
        this.matcher = matcher;
        this.options = options;
        this.similarity = similarity;
        this.probes = matcher.probes;
        this.targets = matcher.targets;
    }

    /** Accepted settlements mark their entries used in the matcher; ambiguous ones are returned but change nothing. */
    List<Settlement> run() {
        List<Settlement> settlements = new ArrayList<>();
        if (options.manyToOneCandidates() < 2) {
            return settlements;
        }
        pool = freeTargetsBySignAndDate();
        for (int probe : matcher.probeOrder) {
            if (matcher.probeMatch[probe] >= 0 || probes.amount[probe] == 0) {
                continue;
            }
            Settlement found = settle(probe);
            if (found != null) {
                settlements.add(found);
                if (found.unique()) {
                    for (int t : found.targets()) {
                        matcher.targetUsed[t] = true;
                    }
                }
            }
        }
        return settlements;
    }

    private Settlement settle(int probe) {
        int[] candidates = candidates(probe);
        if (candidates.length < 2) {
            return null;
        }
        Search search = new Search(candidates, Math.abs(probes.amount[probe]), probes.day[probe]);
        search.run(0, 0, 0, 0);
        if (search.best == null) {
            return null;
        }
        int[] chosen = search.best;
        int days = 0;
        int similarityBp = 0;
        for (int t : chosen) {
            days += Math.abs(targets.day[t] - probes.day[probe]);
            similarityBp += (int) Math.round(similarity.similarity(probes.text[probe], targets.text[t]) * 10_000);
        }
        int score = PairMatcher.score((days + chosen.length / 2) / chosen.length, options.dateWindowDays(),
                similarityBp / chosen.length);
        return new Settlement(probe, chosen, score, search.solutions - 1);
    }

    /** Free entries of the probe's group and sign within the window, smaller than the probe, nearest first. */
    private int[] candidates(int probe) {
        int g = probes.group[probe];
        int sign = Long.signum(probes.amount[probe]);
        long limit = Math.abs(probes.amount[probe]);
        int day = probes.day[probe];
        int window = options.dateWindowDays();
        int n = 0;
        int start = lowerBound(g, sign, day - window);
        int end = Math.min(pool.length, start + SCAN_LIMIT);
        int[] perDistance = new int[window + 1];
        for (int pos = start; pos < end; pos++) {
            int t = pool[pos];
            if (targets.group[t] != g || Long.signum(targets.amount[t]) != sign || targets.day[t] > day + window) {
                break;
            }
            if (!matcher.targetUsed[t] && Math.abs(targets.amount[t]) < limit
                    && !matcher.declined.contains(probes.id[probe], targets.id[t])) {
                scratch[n++] = pos;
                perDistance[Math.abs(targets.day[t] - day)]++;
            }
        }
        // the k nearest in O(n): all closer than the cut-off distance, then the first ones (pool order: day, id) at it
        int k = Math.min(n, options.manyToOneCandidates());
        int cutoff = 0;
        int closer = 0;
        while (cutoff < window && closer + perDistance[cutoff] < k) {
            closer += perDistance[cutoff++];
        }
        int atCutoff = k - closer;
        Integer[] chosen = new Integer[k];
        int c = 0;
        for (int i = 0; i < n && c < k; i++) {
            int t = pool[scratch[i]];
            int distance = Math.abs(targets.day[t] - day);
            if (distance < cutoff || (distance == cutoff && atCutoff-- > 0)) {
                chosen[c++] = t;
            }
        }
        Arrays.sort(chosen, Comparator.<Integer>comparingLong(t -> -Math.abs(targets.amount[t]))
                .thenComparing(t -> targets.id[t]));
        return Arrays.stream(chosen).mapToInt(Integer::intValue).toArray();
    }

    private int[] freeTargetsBySignAndDate() {
        int[] free = new int[targets.size];
        int n = 0;
        for (int t = 0; t < targets.size; t++) {
            if (!matcher.targetUsed[t] && targets.amount[t] != 0) {
                free[n++] = t;
            }
        }
        return Side.sort(Arrays.copyOf(free, n), (a, b) -> {
            int c = Integer.compare(targets.group[a], targets.group[b]);
            if (c == 0) {
                c = Integer.compare(Long.signum(targets.amount[a]), Long.signum(targets.amount[b]));
            }
            if (c == 0) {
                c = Integer.compare(targets.day[a], targets.day[b]);
            }
            return c != 0 ? c : targets.id[a].compareTo(targets.id[b]);
        });
    }

    private int lowerBound(int g, int sign, int day) {
        int lo = 0;
        int hi = pool.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int t = pool[mid];
            int c = Integer.compare(targets.group[t], g);
            if (c == 0) {
                c = Integer.compare(Long.signum(targets.amount[t]), sign);
            }
            if (c == 0) {
                c = Integer.compare(targets.day[t], day);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Depth-first search over candidates sorted by amount descending. Among exact sums the best is the one with the
     * smallest total date distance, then the fewest entries, then the first in search order (deterministic).
     */
    private final class Search {
        final int[] candidates;
        final long[] remaining;
        final long target;
        final int day;
        final int[] stack;
        int solutions;
        int[] best;
        long bestDistance = Long.MAX_VALUE;

        Search(int[] candidates, long target, int day) {
            this.candidates = candidates;
            this.target = target;
            this.day = day;
            this.stack = new int[options.manyToOneMaxEntries()];
            this.remaining = new long[candidates.length + 1];
            for (int i = candidates.length - 1; i >= 0; i--) {
                remaining[i] = remaining[i + 1] + Math.abs(targets.amount[candidates[i]]);
            }
        }

        void run(int from, int depth, long sum, long distance) {
            if (sum == target) {
                if (depth >= 2) {
                    solutions++;
                    if (distance < bestDistance || (distance == bestDistance && depth < best.length)) {
                        bestDistance = distance;
                        best = Arrays.copyOf(stack, depth);
                    }
                }
                return;
            }
            if (depth == stack.length || sum + remaining[from] < target) {
                return;
            }
            for (int i = from; i < candidates.length; i++) {
                int t = candidates[i];
                long next = sum + Math.abs(targets.amount[t]);
                if (next > target) {
                    continue;
                }
                stack[depth] = t;
                run(i + 1, depth + 1, next, distance + Math.abs(targets.day[t] - day));
            }
        }
    }
}
