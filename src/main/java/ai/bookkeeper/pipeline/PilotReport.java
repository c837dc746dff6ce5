package ai.bookkeeper.pipeline;

import ai.bookkeeper.categorize.ReliabilityTable;
import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the pilot's results: metrics JSON, the Markdown KPI report and the PNG chart of automation by month. */
final class PilotReport {

    private PilotReport() {
    }

    static void writeJson(List<CompanyMetrics> companies, ReliabilityTable reliability, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("companies", companies);
        document.put("totals", totals(companies));
        document.put("reliability", reliability);
        Files.writeString(file, json.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
    }

    static Map<String, Object> totals(List<CompanyMetrics> companies) {
        long txns = companies.stream().mapToLong(CompanyMetrics::transactions_ingested).sum();
        long proposed = companies.stream().mapToLong(CompanyMetrics::journal_entries_proposed).sum();
        long auto = companies.stream().mapToLong(CompanyMetrics::journal_entries_auto_approved).sum();
        long matched = companies.stream().mapToLong(CompanyMetrics::reconciliation_matched).sum();
        long receipts = companies.stream().mapToLong(CompanyMetrics::receipts).sum();
        long receiptsMatched = companies.stream().mapToLong(CompanyMetrics::receipts_matched).sum();
        double autoRight = companies.stream().mapToDouble(c -> c.auto_approval_precision() * c.journal_entries_auto_approved()).sum();
        double right = companies.stream().mapToDouble(c -> c.categorization_accuracy() * c.journal_entries_proposed()).sum();
        return new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("companies", companies.size()),
                Map.entry("transactions_ingested", txns),
                Map.entry("journal_entries_proposed", proposed),
                Map.entry("journal_entries_auto_approved", auto),
                Map.entry("auto_approval_rate", PilotRunner.ratio(auto, proposed)),
                Map.entry("auto_approval_precision", auto == 0 ? 0 : Math.round(autoRight / auto * 10000) / 10000.0),
                Map.entry("categorization_accuracy", proposed == 0 ? 0 : Math.round(right / proposed * 10000) / 10000.0),
                Map.entry("reconciliation_matched", matched),
                Map.entry("reconciliation_rate", PilotRunner.ratio(matched, txns)),
                Map.entry("receipts", receipts),
                Map.entry("receipts_matched", receiptsMatched),
                Map.entry("duplicates_skipped", companies.stream().mapToLong(CompanyMetrics::duplicates_skipped).sum()),
                Map.entry("errors", companies.stream().mapToLong(c -> c.errors().size()).sum())));
    }

    static void writeChart(List<CompanyMetrics> companies, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(480).title("Automation % by month (auto-approved / proposed)")
                .xAxisTitle("Month").yAxisTitle("Automation %").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setChartBackgroundColor(Color.WHITE)
                .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        TreeSet<String> months = new TreeSet<>();
        companies.forEach(c -> months.addAll(c.automation_by_month().keySet()));
        List<String> axis = new ArrayList<>(months);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            int i = (int) Math.round(x) - 1;
            return i >= 0 && i < axis.size() ? axis.get(i) : "";
        });
        for (CompanyMetrics c : companies) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < axis.size(); i++) {
                Double value = c.automation_by_month().get(axis.get(i));
                if (value != null) {
                    xs.add(i + 1.0);
                    ys.add(value);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(c.company_name(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        Files.createDirectories(file.getParent());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static void writeMarkdown(List<CompanyMetrics> companies, ReliabilityTable reliability, String chartFile, String command,
                              Path file) throws IOException {
        Map<String, Object> t = totals(companies);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Pilot metrics\n\nProduced by `" + command + "` (seed 42, five simulated companies, 12 months).\n\n");
            out.write("| Company | Transactions | Proposed | Auto-approved | Automation % | Auto-approval precision |"
                    + " Accuracy | Reconciled % | Receipts matched | Duplicates skipped | Errors |\n");
            out.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (CompanyMetrics c : companies) {
                out.write(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f%% | %.1f%% | %.1f | %d / %d | %d | %d |%n",
                        c.company_name(), c.transactions_ingested(), c.journal_entries_proposed(),
                        c.journal_entries_auto_approved(), c.auto_approval_rate() * 100, c.auto_approval_precision() * 100,
                        c.categorization_accuracy() * 100, c.reconciliation_rate() * 100, c.receipts_matched(), c.receipts(),
                        c.duplicates_skipped(), c.errors().size()));
            }
            out.write(String.format(Locale.ROOT, "| **Total** | %d | %d | %d | %.1f | %.1f%% | %.1f%% | %.1f | %d / %d | %d | %d |%n%n",
                    (long) t.get("transactions_ingested"), (long) t.get("journal_entries_proposed"),
                    (long) t.get("journal_entries_auto_approved"), (double) t.get("auto_approval_rate") * 100,
                    (double) t.get("auto_approval_precision") * 100, (double) t.get("categorization_accuracy") * 100,
                    (double) t.get("reconciliation_rate") * 100, (long) t.get("receipts_matched"), (long) t.get("receipts"),
                    (long) t.get("duplicates_skipped"), (long) t.get("errors")));
            out.write("![Automation % by month](" + chartFile + ")\n\n");
            out.write("""
                    How to read it:
                    - *Automation %*: proposed entries approved without a person (confidence at or above the company's
                      threshold, 0.85), over all proposed entries; transfers between own accounts are excluded.
                    - *Accuracy*: the suggested account equals the simulator's ground truth. Each month is predicted
                      before the reviewer's decisions on it are learned, so every prediction is on unseen data.
                    - *Auto-approval precision*: of the auto-approved entries, the share whose account is right.
                    - *Reconciled %*: bank lines matched to a ledger entry, over all bank lines.
                    - The reviewer is simulated: it approves what the ground truth confirms and corrects the rest.
                    """);
            out.write("\n## Calibration\n\nOf the suggestions made with a given confidence, how many were right (all five"
                    + " companies, ground truth; expected calibration error "
                    + String.format(Locale.ROOT, "%.3f", reliability.expectedCalibrationError()) + "):\n\n");
            out.write("| Confidence | Suggestions | Mean confidence | Accuracy |\n|---|---:|---:|---:|\n");
            for (ReliabilityTable.Bin bin : reliability.bins()) {
                if (bin.count() > 0) {
                    out.write(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", bin.from(), bin.to(),
                            bin.count(), bin.meanConfidence(), bin.accuracy()));
                }
            }
            out.write("\nPer tier accuracy and month-by-month automation are in `simulation_metrics.json`.\n");
        }
    }
}
