package ai.bookkeeper.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-to-one matching of probes (bank lines or receipts) to targets (ledger items) with the same group and amount
 * and days within the window. Never all pairs: targets are sorted by (group, amount, day), and each probe finds its
 * candidates by binary search, so the work is O((n + m) log m + candidate pairs).
 *
 * <p>Every candidate pair gets a score; then pairs are decided globally in one deterministic order — exact (same
 * day) before heuristic, higher score, nearer date, then the canonical position of probe and target — and a pair is
 * accepted when neither side is taken yet and it is exact or scores at least the auto-accept threshold. Deciding
 * globally rather than probe by probe means the better pair wins a shared candidate, whatever the input order.
 */
final class PairMatcher {

    private static final long INDEX_MASK = (1L << 40) - 1;

    final Side probes;
    final Side targets;
    final int[] probeOrder;
    final int[] probeRank;
    private final int[] targetOrder;
    // the lookup keys copied into index order, so that binary searches read memory in sequence, not at random
    private final int[] indexGroup;
    private final long[] indexAmount;
    private final int[] indexDay;
    private final ReconcileOptions options;
    private final DescriptionSimilarity similarity;
    final Declined declined;

    /** The accepted target of each probe, or -1. */
    final int[] probeMatch;
    final boolean[] targetUsed;
    final int[] matchScore;
    final int[] matchSimilarity;

    private int pairs;
    private int[] pairProbe = new int[16];
    private int[] pairTarget = new int[16];
    private int[] pairScore = new int[16];
    private int[] pairSimilarity = new int[16];
    private long[] keys = new long[16];

    PairMatcher(Side probes, Side targets, ReconcileOptions options, DescriptionSimilarity similarity, Declined declined) {
        this.probes = probes;
        this.targets = targets;
        this.options = options;
        this.similarity = similarity;
        this.declined = declined;
        this.probeOrder = probes.byDate();
        this.probeRank = new int[probes.size];
        for (int r = 0; r < probeOrder.length; r++) {
            probeRank[probeOrder[r]] = r;
        }
        this.targetOrder = targets.byAmount();
        this.indexGroup = new int[targetOrder.length];
        this.indexAmount = new long[targetOrder.length];
        this.indexDay = new int[targetOrder.length];
        for (int pos = 0; pos < targetOrder.length; pos++) {
            indexGroup[pos] = targets.group[targetOrder[pos]];
            indexAmount[pos] = targets.amount[targetOrder[pos]];
            indexDay[pos] = targets.day[targetOrder[pos]];
        }
        this.probeMatch = new int[probes.size];
        Arrays.fill(probeMatch, -1);
        this.targetUsed = new boolean[targets.size];
        this.matchScore = new int[probes.size];
        this.matchSimilarity = new int[probes.size];
    }

    /** Scores the candidate pairs and accepts the confident ones; returns this for chaining. */
    PairMatcher run() {
        collectPairs();
        keys = Arrays.copyOf(keys, pairs);
        Arrays.sort(keys);
        for (long key : keys) {
            int p = (int) (key & INDEX_MASK);
            int probe = pairProbe[p];
            int target = pairTarget[p];
            boolean exact = probes.day[probe] == targets.day[target];
            if ((exact || pairScore[p] >= options.autoAcceptBp()) && probeMatch[probe] < 0 && !targetUsed[target]) {
                probeMatch[probe] = target;
                targetUsed[target] = true;
                matchScore[probe] = pairScore[p];
                matchSimilarity[probe] = pairSimilarity[p];
            }
        }
        return this;
    }

    /** Remaining candidate pairs of probes and targets both still free, best first, at most {@code perProbe} each. */
    List<Candidate> openCandidates(int perProbe) {
        int[] count = new int[probes.size];
        List<Candidate> open = new ArrayList<>();
        for (long key : keys) {
            int p = (int) (key & INDEX_MASK);
            int probe = pairProbe[p];
            int target = pairTarget[p];
            if (probeMatch[probe] < 0 && !targetUsed[target] && count[probe] < perProbe) {
                count[probe]++;
                open.add(new Candidate(probe, target, pairScore[p], pairSimilarity[p]));
            }
        }
        open.sort((a, b) -> Integer.compare(probeRank[a.probe], probeRank[b.probe]));
        return open;
    }

    /** A scored pair of a probe and a target (indices into the sides). */
    record Candidate(int probe, int target, int scoreBp, int similarityBp) {
    }

    /**
     * Amount must be equal; the rest of the score is 15% for the date (full on the same day, falling linearly over
     * the window) and 35% for the description similarity.
     */
    static int score(int days, int window, int similarityBp) {
        int dateBp = (int) ((1500L * (window + 1 - days) + (window + 1) / 2) / (window + 1));
        int descriptionBp = (int) ((3500L * similarityBp + 5000) / 10_000);
        return 5000 + dateBp + descriptionBp;
    }

    private void collectPairs() {
        int window = options.dateWindowDays();
        int cap = options.maxCandidatesPerLine();
        int[] found = new int[Math.max(cap, 64)];
        for (int rank = 0; rank < probeOrder.length; rank++) {
            int probe = probeOrder[rank];
            int g = probes.group[probe];
            long amount = probes.amount[probe];
            int day = probes.day[probe];
            int n = 0;
            for (int pos = lowerBound(g, amount, day - window);
                 pos < targetOrder.length && indexGroup[pos] == g && indexAmount[pos] == amount && indexDay[pos] <= day + window;
                 pos++) {
                if (declined.contains(probes.id[probe], targets.id[targetOrder[pos]])) {
                    continue;
                }
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = targetOrder[pos];
            }
            if (n > cap) {
                found = nearest(found, n, day, cap);
                n = cap;
            }
            for (int k = 0; k < n; k++) {
                addPair(probe, found[k], window);
            }
        }
    }

    /** The {@code cap} targets nearest to {@code day}, ties by canonical position (their order in {@code found}). */
    private int[] nearest(int[] found, int n, int day, int cap) {
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Integer.compare(Math.abs(targets.day[found[a]] - day), Math.abs(targets.day[found[b]] - day));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] chosen = new int[Math.max(found.length, cap)];
        int[] sortedPositions = Arrays.stream(order).limit(cap).mapToInt(Integer::intValue).sorted().toArray();
        for (int i = 0; i < sortedPositions.length; i++) {
            chosen[i] = found[sortedPositions[i]];
        }
        return chosen;
    }

    private void addPair(int probe, int target, int window) {
        int days = Math.abs(probes.day[probe] - targets.day[target]);
        int similarityBp = (int) Math.round(similarity.similarity(probes.text[probe], targets.text[target]) * 10_000);
        int score = score(days, window, similarityBp);
        if (pairs == keys.length) {
            // pairs is an int index that must fit the key's 40-bit field and the doubled array size an int: guard the
            // doubling itself (the former check against the 40-bit mask could never be true for an int)
            if (pairs > Integer.MAX_VALUE / 2 - 8) {
                throw new IllegalStateException("more than " + pairs + " candidate pairs; reconcile a shorter period");
            }
            int grown = pairs * 2;
            pairProbe = Arrays.copyOf(pairProbe, grown);
            pairTarget = Arrays.copyOf(pairTarget, grown);
            pairScore = Arrays.copyOf(pairScore, grown);
            pairSimilarity = Arrays.copyOf(pairSimilarity, grown);
            keys = Arrays.copyOf(keys, grown);
        }
        pairProbe[pairs] = probe;
        pairTarget[pairs] = target;
        pairScore[pairs] = score;
        pairSimilarity[pairs] = similarityBp;
        // exact first, then higher score, then nearer date, then creation order (canonical probe, then target order)
        long exactBit = days == 0 ? 0 : 1;
        keys[pairs] = exactBit << 62 | (long) (10_000 - score) << 48 | (long) days << 40 | pairs;
        pairs++;
    }

    /** First position in the amount index at or after (g, amount, day). */
    private int lowerBound(int g, long amount, int day) {
        int lo = 0;
        int hi = targetOrder.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compare(indexGroup[mid], g);
            if (c == 0) {
                c = Long.compare(indexAmount[mid], amount);
            }
            if (c == 0) {
                c = Integer.compare(indexDay[mid], day);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
