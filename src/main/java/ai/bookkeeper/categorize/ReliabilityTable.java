package ai.bookkeeper.categorize;

import java.util.ArrayList;
import java.util.List;

/**
 * How well confidence matches accuracy: predictions grouped by confidence; in a calibrated model the accuracy of
 * each bin is close to its mean confidence. {@code expectedCalibrationError} is the count-weighted mean gap (ECE).
 */
public record ReliabilityTable(List<Bin> bins, int total, double expectedCalibrationError) {

    /** Predictions whose confidence fell in [from, to) (the last bin includes 1.0). */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    public static ReliabilityTable of(double[] confidences, boolean[] correct, int binCount) {
        if (confidences.length != correct.length) {
            throw new IllegalArgumentException("confidences and outcomes differ in length");
        }
        int[] counts = new int[binCount];
        double[] confidenceSums = new double[binCount];
        int[] hits = new int[binCount];
        for (int i = 0; i < confidences.length; i++) {
            int bin = Math.min(binCount - 1, (int) Math.floor(confidences[i] * binCount));
            counts[bin]++;
            confidenceSums[bin] += confidences[i];
            hits[bin] += correct[i] ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        double gap = 0;
        for (int b = 0; b < binCount; b++) {
            double mean = counts[b] == 0 ? 0 : confidenceSums[b] / counts[b];
            double accuracy = counts[b] == 0 ? 0 : (double) hits[b] / counts[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, counts[b], mean, accuracy));
            gap += counts[b] * Math.abs(mean - accuracy);
        }
        int total = confidences.length;
        return new ReliabilityTable(List.copyOf(bins), total, total == 0 ? 0 : gap / total);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("confidence      count  mean   accuracy\n");
        for (Bin bin : bins) {
            if (bin.count() > 0) {
                text.append(String.format("[%.2f, %.2f)  %6d  %.3f  %.3f%n", bin.from(), bin.to(), bin.count(),
                        bin.meanConfidence(), bin.accuracy()));
            }
        }
        return text.append(String.format("ECE %.4f over %d predictions", expectedCalibrationError, total)).toString();
    }
}
