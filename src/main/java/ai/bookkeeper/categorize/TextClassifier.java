package ai.bookkeeper.categorize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A multinomial logistic regression over {@link Features} (Tribuo's LinearSGDTrainer, AdaGrad, seeded, so the same
 * data trains the same model), with an isotonic {@link Calibrator} fitted on out-of-fold predictions: the stated
 * confidence of a prediction is the accuracy that held-out predictions with its raw score had.
 */
final class TextClassifier {

    static final int MIN_EXAMPLES = 20;
    private static final int FOLDS = 3;
    private static final int EPOCHS = 8;
    private static final int SAMPLES_PER_CODE = 40;
    private static final int SIMILAR = 3;
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final LabelFactory LABELS = new LabelFactory();
    private static final int FORMAT = 1;

    /** A ranked answer; {@code code} is null when no allowed account scored. */
    record Prediction(String code, double raw, double confidence, List<String> similar) {
    }

    // Tribuo logs every training run at INFO; the reference keeps the configured logger from being collected
    private static final java.util.logging.Logger TRIBUO_LOG = quietTribuo();

    private final Model<Label> model;
    private final Calibrator calibrator;
    private final Map<String, List<String>> samples;
    private final Map<String, Set<String>> sampleWords = new java.util.HashMap<>();

    private TextClassifier(Model<Label> model, Calibrator calibrator, Map<String, List<String>> samples) {
        this.model = model;
        this.calibrator = calibrator;
        this.samples = samples;
        samples.values().forEach(list -> list.forEach(s -> sampleWords.put(s, new HashSet<>(Vendors.words(s)))));
    }

    private static java.util.logging.Logger quietTribuo() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.tribuo");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** An order by what an example says, not by its ids: transaction and account ids differ from run to run. */
    private static final Comparator<LabeledExample> CONTENT = Comparator
            .comparing((LabeledExample e) -> e.facts().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.facts().description(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.facts().counterparty(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(e -> e.facts().amount().minorUnits())
            .thenComparing(LabeledExample::accountCode);

    static TextClassifier train(List<LabeledExample> examples, long seed) {
        if (examples.size() < MIN_EXAMPLES || examples.stream().map(LabeledExample::accountCode).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs at least " + MIN_EXAMPLES
                    + " examples of at least two accounts, got " + examples.size());
        }
        List<LabeledExample> shuffled = new ArrayList<>(examples);
        shuffled.sort(CONTENT); // the same examples in any order (or with other ids) give the same model
        java.util.Collections.shuffle(shuffled, new Random(seed));
        double[] raw = new double[shuffled.size()];
        boolean[] correct = new boolean[shuffled.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabeledExample> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                if (i % FOLDS == fold) {
                    held.add(i);
                } else {
                    train.add(shuffled.get(i));
                }
            }
            Model<Label> foldModel = fit(train, seed + fold + 1);
            for (int i : held) {
                Prediction p = top(foldModel, shuffled.get(i).facts(), null);
                raw[i] = p.raw();
                correct[i] = shuffled.get(i).accountCode().equals(p.code());
            }
        }
        return new TextClassifier(fit(shuffled, seed), Calibrator.fit(raw, correct), samples(shuffled));
    }

    private static Model<Label> fit(List<LabeledExample> examples, long seed) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("approved-history", FIXED_TIME,
                LABELS), LABELS);
        for (LabeledExample example : examples) {
            data.add(example(example.facts(), new Label(example.accountCode())));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), EPOCHS, -1, 1, seed);
        return trainer.train(data);
    }

    private static Example<Label> example(TransactionFacts facts, Label label) {
        String[] names = Features.of(facts);
        double[] values = new double[names.length];
        Arrays.fill(values, 1.0);
        return new ArrayExample<>(label, names, values);
    }

    private static Prediction top(Model<Label> model, TransactionFacts facts, Set<String> allowed) {
        Example<Label> example = example(facts, LabelFactory.UNKNOWN_LABEL);
        // a transaction that shares no feature with the training data gets no model answer (Tribuo refuses to
        // predict it); the other tiers, or review, take it
        boolean known = false;
        for (org.tribuo.Feature feature : example) {
            if (model.getFeatureIDMap().getID(feature.getName()) >= 0) {
                known = true;
                break;
            }
        }
        if (!known) {
            return new Prediction(null, 0, 0, List.of());
        }
        org.tribuo.Prediction<Label> prediction = model.predict(example);
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, Label> score : prediction.getOutputScores().entrySet()) {
            if ((allowed == null || allowed.contains(score.getKey())) && score.getValue().getScore() > bestScore) {
                best = score.getKey();
                bestScore = score.getValue().getScore();
            }
        }
        return new Prediction(best, Math.max(bestScore, 0), 0, List.of());
    }

    /** The best account among {@code allowed} (all when null), with calibrated confidence and similar examples. */
    Prediction predict(TransactionFacts facts, Set<String> allowed) {
        Prediction p = top(model, facts, allowed);
        if (p.code() == null) {
            return p;
        }
        return new Prediction(p.code(), p.raw(), calibrator.apply(p.raw()), similar(facts, p.code()));
    }

    double accuracy(Collection<LabeledExample> examples) {
        if (examples.isEmpty()) {
            return 0;
        }
        long hits = examples.stream().filter(e -> e.accountCode().equals(top(model, e.facts(), null).code())).count();
        return (double) hits / examples.size();
    }

    ReliabilityTable reliability(List<LabeledExample> heldOut, int bins) {
        double[] confidences = new double[heldOut.size()];
        boolean[] correct = new boolean[heldOut.size()];
        for (int i = 0; i < heldOut.size(); i++) {
            Prediction p = predict(heldOut.get(i).facts(), null);
            confidences[i] = p.confidence();
            correct[i] = heldOut.get(i).accountCode().equals(p.code());
        }
        return ReliabilityTable.of(confidences, correct, bins);
    }

    private List<String> similar(TransactionFacts facts, String code) {
        Set<String> words = new HashSet<>(Vendors.words(facts.description()));
        return mostAlike(samples.getOrDefault(code, List.of()), sampleWords::get, words, SIMILAR).stream()
                .map(s -> s + " -> " + code).toList();
    }

    /**
     * The (up to) {@code limit} candidates that share the most words with {@code words}, most first; among equals,
     * the earlier candidate. Each candidate's overlap is counted once (a sort whose comparator counted it again for
     * every comparison took most of a prediction's time: see {@code CategorizerBenchmark}).
     */
    static List<String> mostAlike(List<String> candidates, java.util.function.Function<String, Set<String>> wordsOf,
                                  Set<String> words, int limit) {
        int[] overlap = new int[candidates.size()];
        for (int i = 0; i < overlap.length; i++) {
            for (String word : wordsOf.apply(candidates.get(i))) {
                if (words.contains(word)) {
                    overlap[i]++;
                }
            }
        }
        List<String> alike = new ArrayList<>(Math.min(limit, overlap.length));
        boolean[] taken = new boolean[overlap.length];
        while (alike.size() < Math.min(limit, overlap.length)) {
            int best = -1;
            for (int i = 0; i < overlap.length; i++) {
                if (!taken[i] && (best < 0 || overlap[i] > overlap[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            alike.add(candidates.get(best));
        }
        return alike;
    }

    private static Map<String, List<String>> samples(List<LabeledExample> examples) {
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (LabeledExample e : examples) {
            List<String> list = samples.computeIfAbsent(e.accountCode(), k -> new ArrayList<>());
            if (list.size() < SAMPLES_PER_CODE && !list.contains(e.facts().description())) {
                list.add(e.facts().description());
            }
        }
        return samples;
    }

    byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            double[] scores = calibrator.scores();
            double[] values = calibrator.values();
            out.writeInt(scores.length);
            for (int i = 0; i < scores.length; i++) {
                out.writeDouble(scores[i]);
                out.writeDouble(values[i]);
            }
            out.writeInt(samples.size());
            for (Map.Entry<String, List<String>> entry : samples.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (String sample : entry.getValue()) {
                    out.writeUTF(sample.length() > 500 ? sample.substring(0, 500) : sample);
                }
            }
            byte[] proto = model.serialize().toByteArray();
            out.writeInt(proto.length);
            out.write(proto);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static TextClassifier fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("stored model has format " + format + ", this build reads " + FORMAT);
            }
            int n = in.readInt();
            double[] scores = new double[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = in.readDouble();
                values[i] = in.readDouble();
            }
            Map<String, List<String>> samples = new LinkedHashMap<>();
            int codes = in.readInt();
            for (int c = 0; c < codes; c++) {
                String code = in.readUTF();
                int count = in.readInt();
                List<String> list = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    list.add(in.readUTF());
                }
                samples.put(code, list);
            }
            byte[] proto = new byte[in.readInt()];
            in.readFully(proto);
            Model<Label> model = (Model<Label>) Model.deserialize(ModelProto.parseFrom(proto));
            return new TextClassifier(model, new Calibrator(scores, values), samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
