package ai.bookkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorDeterminismTest {

    @Test
    void the_same_seed_writes_a_byte_identical_tree_even_under_another_locale_and_time_zone(@TempDir Path first,
            @TempDir Path second) {
        Simulator.generate(SimulationSpec.pilot(), first);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            // a decimal comma and a clock nine hours ahead must not reach a single byte
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            Simulator.generate(SimulationSpec.pilot(), second);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        SortedMap<String, String> expected = Trees.hashes(first);
        assertThat(expected.keySet()).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".json"))
                .anyMatch(f -> f.endsWith("ground_truth.csv")).hasSizeGreaterThan(900);
        assertThat(Trees.hashes(second)).isEqualTo(expected);
    }

    @Test
    void another_seed_draws_other_data_in_the_same_layout(@TempDir Path first, @TempDir Path second) {
        SimulationSpec spec = SimulationSpec.pilot().withCompanies(2).withMonths(3).withPdfs(false);
        Simulator.generate(spec, first);
        Simulator.generate(spec.withSeed(43), second);
        for (String file : new String[] {"simulated_csv/hamilton_coffee_co/bank_202502.csv",
                "simulated_truth/cincy_web_builders_llc/ground_truth.csv"}) {
            assertThat(Trees.header(first.resolve(file))).isEqualTo(Trees.header(second.resolve(file)));
            assertThat(Trees.read(first.resolve(file))).isNotEqualTo(Trees.read(second.resolve(file)));
        }
    }

    @Test
    void a_company_is_the_same_whether_the_run_has_one_company_or_more(@TempDir Path alone, @TempDir Path crowd) {
        SimulationSpec spec = SimulationSpec.pilot().withMonths(2).withPdfs(false);
        Simulator.generate(spec.withCompanies(1), alone);
        Simulator.generate(spec.withCompanies(7), crowd);
        SortedMap<String, String> crowdHashes = Trees.hashes(crowd);
        Trees.hashes(alone).forEach((file, hash) -> assertThat(crowdHashes).containsEntry(file, hash));
    }

    @Test
    void a_second_run_replaces_the_simulated_directories_and_leaves_everything_else_alone(@TempDir Path out)
            throws Exception {
        Path database = java.nio.file.Files.writeString(out.resolve("aibookkeeper.db"), "keep me");
        Simulator.generate(SimulationSpec.pilot().withCompanies(7).withMonths(1).withPdfs(false), out);
        Simulator.generate(SimulationSpec.pilot().withCompanies(1).withMonths(1).withPdfs(false), out);
        assertThat(Trees.hashes(out.resolve(SimulationLayout.CSV))).containsOnlyKeys(
                "hamilton_coffee_co/bank_202501.csv");
        assertThat(Trees.read(database)).isEqualTo("keep me");
    }

    @Test
    void without_receipts_the_statements_metadata_and_bank_truth_are_byte_identical_and_no_receipt_is_written(
            @TempDir Path full, @TempDir Path lean) {
        SimulationSpec spec = SimulationSpec.pilot().withCompanies(2).withMonths(3);
        SimulationResult withReceipts = Simulator.generate(spec, full);
        SimulationResult without = Simulator.generate(spec.withReceipts(false), lean);

        SortedMap<String, String> fullHashes = Trees.hashes(full);
        SortedMap<String, String> leanHashes = Trees.hashes(lean);
        assertThat(fullHashes.keySet()).anyMatch(f -> f.endsWith(".txt")).anyMatch(f -> f.endsWith(".pdf"));
        leanHashes.forEach((file, hash) -> {
            if (!file.endsWith("receipts_truth.csv")) {
                assertThat(fullHashes).as(file).containsEntry(file, hash);
            }
        });
        // the same files but the receipts: statements, metadata and both truth files are all there
        assertThat(leanHashes.keySet()).containsExactlyElementsOf(fullHashes.keySet().stream()
                .filter(f -> !f.startsWith(SimulationLayout.DOCS + "/")).toList());
        Path receiptsTruth = SimulationLayout.truthDir(lean, "hamilton_coffee_co").resolve("receipts_truth.csv");
        assertThat(Trees.csv(receiptsTruth)).isEmpty();
        assertThat(Trees.header(receiptsTruth)).isEqualTo(Trees.header(
                SimulationLayout.truthDir(full, "hamilton_coffee_co").resolve("receipts_truth.csv")));
        assertThat(without.transactions()).isEqualTo(withReceipts.transactions());
        assertThat(withReceipts.receipts()).isPositive();
        assertThat(without.receipts()).isZero();
        assertThat(without.pdfs()).isZero();
    }

    @Test
    void pdf_receipts_without_receipt_files_are_refused_with_what_to_pass_instead() {
        assertThatThrownBy(() -> new SimulationSpec(42, 1, 2, SimulationSpec.DEFAULT_START, true, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--no-pdf");
        assertThat(SimulationSpec.pilot().withReceipts(false).pdfs()).isFalse();
    }
}
