package ai.bookkeeper.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void isotonic_calibration_turns_overconfident_scores_into_honest_probabilities() {
        Random random = new Random(7);
        double[] fitScores = new double[4000];
        boolean[] fitCorrect = new boolean[4000];
        double[] scores = new double[4000];
        boolean[] correct = new boolean[4000];
        for (int i = 0; i < 4000; i++) {
            // raw scores overstate: a score of s is right with probability s squared
            fitScores[i] = random.nextDouble();
            fitCorrect[i] = random.nextDouble() < fitScores[i] * fitScores[i];
            scores[i] = random.nextDouble();
            correct[i] = random.nextDouble() < scores[i] * scores[i];
        }
        ReliabilityTable raw = ReliabilityTable.of(scores, correct, 10);
        Calibrator calibrator = Calibrator.fit(fitScores, fitCorrect);
        double[] calibrated = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            calibrated[i] = calibrator.apply(scores[i]);
        }
        ReliabilityTable table = ReliabilityTable.of(calibrated, correct, 10);
        assertThat(raw.expectedCalibrationError()).isGreaterThan(0.1);
        assertThat(table.expectedCalibrationError()).as(table.toString()).isLessThan(0.03);
    }

    @Test
    void the_trained_model_is_calibrated_on_held_out_transactions_and_survives_serialization() {
        List<LabeledExample> data = SyntheticBooks.generate(11, 1600);
        TextClassifier model = TextClassifier.train(data.subList(0, 1000), 3);
        List<LabeledExample> heldOut = data.subList(1000, 1600);
        ReliabilityTable table = model.reliability(heldOut, 10);
        assertThat(table.expectedCalibrationError()).as(table.toString()).isLessThan(0.05);
        assertThat(table.total()).isEqualTo(600);

        TextClassifier restored = TextClassifier.fromBytes(model.toBytes());
        TransactionFacts facts = heldOut.get(0).facts();
        assertThat(restored.predict(facts, null)).isEqualTo(model.predict(facts, null));
    }

    @Test
    void training_is_deterministic_for_a_seed() {
        List<LabeledExample> data = SyntheticBooks.generate(5, 300);
        TransactionFacts probe = SyntheticBooks.generate(6, 1).get(0).facts();
        assertThat(TextClassifier.train(data, 9).predict(probe, null))
                .isEqualTo(TextClassifier.train(data, 9).predict(probe, null));
    }
}
