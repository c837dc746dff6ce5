package ai.bookkeeper.categorize;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The model's view of a transaction: description words, character trigrams of the normalized vendor (robust to
 * "AMZN"/"AMAZON" style spelling drift), the vendor itself, a log-scale amount bucket and the direction. All binary.
 */
final class Features {

    private Features() {
    }

    static String[] of(TransactionFacts facts) {
        Set<String> features = new LinkedHashSet<>();
        for (String word : Vendors.words(facts.description())) {
            features.add("w=" + word);
        }
        String vendor = facts.vendor();
        features.add("v=" + vendor);
        String padded = "^" + vendor.replace(" ", "_") + "$";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            features.add("c3=" + padded.substring(i, i + 3));
        }
        if (facts.counterparty() != null && !facts.counterparty().isBlank()) {
            for (String word : Vendors.words(facts.counterparty())) {
                features.add("cp=" + word);
            }
        }
        String direction = facts.inflow() ? "in" : "out";
        String bucket = amountBucket(facts);
        features.add("dir=" + direction);
        features.add("amt=" + bucket);
        features.add("amt_dir=" + bucket + "_" + direction);
        return features.toArray(String[]::new);
    }

    // decades of the absolute amount in major units: 0 for under 10, 1 for under 100, ... capped at 5 (100k and up)
    static String amountBucket(TransactionFacts facts) {
        long major = Math.abs(facts.amount().toDecimal().longValue());
        int bucket = 0;
        while (major >= 10 && bucket < 5) {
            major /= 10;
            bucket++;
        }
        return Integer.toString(bucket);
    }
}
