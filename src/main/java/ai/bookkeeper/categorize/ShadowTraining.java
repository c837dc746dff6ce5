package ai.bookkeeper.categorize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a candidate on 80% of the examples (seeded shuffle) and scores it beside the current model on the other
 * 20%, which neither has seen. The candidate replaces the current model only when strictly more accurate there.
 */
final class ShadowTraining {

    static final long SEED = 20260101L;

    record Outcome(TextClassifier candidate, boolean promote, int trained, int heldOut, double candidateAccuracy,
                   Double currentAccuracy, ReliabilityTable reliability) {
    }

    private ShadowTraining() {
    }

    static Outcome run(List<LabeledExample> examples, TextClassifier current) {
        List<LabeledExample> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(SEED));
        int heldOutSize = Math.max(1, shuffled.size() / 5);
        List<LabeledExample> heldOut = shuffled.subList(0, heldOutSize);
        List<LabeledExample> training = shuffled.subList(heldOutSize, shuffled.size());
        TextClassifier candidate = TextClassifier.train(training, SEED);
        double candidateAccuracy = candidate.accuracy(heldOut);
        Double currentAccuracy = current == null ? null : current.accuracy(heldOut);
        boolean promote = currentAccuracy == null || candidateAccuracy > currentAccuracy;
        return new Outcome(candidate, promote, training.size(), heldOut.size(), candidateAccuracy, currentAccuracy,
                candidate.reliability(heldOut, 10));
    }
}
