package ai.bookkeeper.categorize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic calibration: maps a model's raw top-class probability to the observed accuracy of held-out predictions
 * with that score (pool-adjacent-violators). Each pooled block's rate is smoothed as (hits + 1) / (n + 2), so a
 * small block of lucky predictions does not claim certainty; then pooled once more to stay monotone. Within a
 * block the value is flat (a block is a set of scores that earned one accuracy); between blocks it is interpolated
 * linearly, so a score no held-out prediction had gets a value between its neighbours.
 */
final class Calibrator {

    private final double[] scores;
    private final double[] values;

    Calibrator(double[] scores, double[] values) {
        this.scores = scores;
        this.values = values;
    }

    /** No data: a cautious identity capped at 0.5, so an uncalibrated model never auto-approves. */
    static Calibrator uncalibrated() {
        return new Calibrator(new double[] {0, 1}, new double[] {0, 0.5});
    }

    static Calibrator fit(double[] rawScores, boolean[] correct) {
        if (rawScores.length < 10) {
            return uncalibrated();
        }
        Integer[] order = new Integer[rawScores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> rawScores[i]));
        List<double[]> blocks = new ArrayList<>(); // {sumScore, hits, n, lowestScore, highestScore}
        for (int i : order) {
            blocks.add(new double[] {rawScores[i], correct[i] ? 1 : 0, 1, rawScores[i], rawScores[i]});
        }
        blocks = pool(blocks, b -> b[1] / b[2]);
        List<double[]> smoothed = new ArrayList<>();
        for (double[] b : blocks) {
            smoothed.add(new double[] {b[0], (b[1] + 1) / (b[2] + 2) * b[2], b[2], b[3], b[4]});
        }
        smoothed = pool(smoothed, b -> b[1] / b[2]);
        double[] scores = new double[smoothed.size() * 2];
        double[] values = new double[smoothed.size() * 2];
        for (int i = 0; i < smoothed.size(); i++) {
            double[] b = smoothed.get(i);
            scores[2 * i] = b[3];
            scores[2 * i + 1] = b[4];
            values[2 * i] = b[1] / b[2];
            values[2 * i + 1] = b[1] / b[2];
        }
        return new Calibrator(scores, values);
    }

    private static List<double[]> pool(List<double[]> input, java.util.function.ToDoubleFunction<double[]> rate) {
        List<double[]> stack = new ArrayList<>();
        for (double[] block : input) {
            double[] current = block.clone();
            while (!stack.isEmpty() && rate.applyAsDouble(stack.get(stack.size() - 1)) >= rate.applyAsDouble(current)) {
                double[] previous = stack.remove(stack.size() - 1);
                current = new double[] {previous[0] + current[0], previous[1] + current[1], previous[2] + current[2],
                    previous[3], current[4]};
            }
            stack.add(current);
        }
        return stack;
    }

    double apply(double raw) {
        if (raw <= scores[0]) {
            return values[0];
        }
        if (raw >= scores[scores.length - 1]) {
            return values[values.length - 1];
        }
        int hi = Arrays.binarySearch(scores, raw);
        if (hi >= 0) {
            return values[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (raw - scores[lo]) / (scores[hi] - scores[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }

    double[] scores() {
        return scores.clone();
    }

    double[] values() {
        return values.clone();
    }
}
