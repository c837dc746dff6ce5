package ai.bookkeeper.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an independent accounting tool (hledger, bean-check) installed from the Debian packages. A missing tool is
 * never silent: under CI (the CI environment variable set) the test fails; elsewhere it is skipped with a banner.
 */
final class ExternalTool {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalTool() {
    }

    static void require(String tool, String debianPackage) {
        if (onPath(tool)) {
            return;
        }
        String message = tool + " is not installed, so the cross-check against it cannot run."
                + " Install it: apt-get update && apt-get install -y " + debianPackage;
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI requires " + tool + ". " + message);
        }
        System.err.println("\n************************************************************************\n*  SKIPPED: "
                + message + "\n************************************************************************\n");
        Assumptions.abort(message);
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var stdout = process.getInputStream();
        var stderr = process.getErrorStream();
        // hledger's output is small; read stderr on the side so that neither pipe can fill up and block
        var errText = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try {
                errText.append(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        });
        errReader.start();
        String out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        errReader.join();
        return new Result(process.exitValue(), out, errText.toString());
    }

    private static boolean onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        return dirs.stream().anyMatch(d -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(d, tool)));
    }
}
