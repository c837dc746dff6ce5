package ai.bookkeeper.simulate;

import java.nio.file.Path;
import java.util.Locale;

/** Run by {@link SimulatorAtScaleTest} in a child JVM with a small heap: {@code <out> <companies> <months>}. */
public final class SimulateAtScaleMain {

    private SimulateAtScaleMain() {
    }

    public static void main(String[] args) {
        SimulationSpec spec = SimulationSpec.pilot().withCompanies(Integer.parseInt(args[1]))
                .withMonths(Integer.parseInt(args[2])).withPdfs(false);
        SimulationResult result = Simulator.generate(spec, Path.of(args[0]));
        System.out.printf(Locale.ROOT, "companies=%d transactions=%d receipts=%d pdfs=%d maxHeapMb=%d%n",
                result.companies().size(), result.transactions(), result.receipts(), result.pdfs(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
