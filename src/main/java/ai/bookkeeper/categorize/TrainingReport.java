package ai.bookkeeper.categorize;

/**
 * What a training run did. The candidate is scored beside the current model on the same held-out decisions and
 * replaces it only when strictly more accurate (or when there is none).
 *
 * @param currentAccuracy null when there was no current model
 * @param version         the candidate's version number (kept only when promoted)
 */
public record TrainingReport(boolean promoted, int version, int trainingExamples, int heldOutExamples,
                             double candidateAccuracy, Double currentAccuracy, ReliabilityTable reliability) {
}
