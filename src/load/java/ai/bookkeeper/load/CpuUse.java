package ai.bookkeeper.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the machine's CPU went during the run: the server's JVM, this load generator's JVM, and everything else
 * (PostgreSQL, the neighbours). Load generator and server share the same cores, so a latency figure means little
 * without knowing how busy the machine was. The machine's share comes from /proc/stat (Linux); elsewhere it is left out.
 */
record CpuUse(long wallNanos, Duration server, Duration generator, long machineBusyTicks, long machineTotalTicks) {

    static CpuUse now(ProcessHandle server) {
        Duration serverCpu = server == null ? Duration.ZERO
                : server.info().totalCpuDuration().orElse(Duration.ZERO);
        Duration generatorCpu = Duration.ofNanos(
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
        long[] ticks = procStat().orElse(new long[] {0, 0});
        return new CpuUse(System.nanoTime(), serverCpu, generatorCpu, ticks[0], ticks[1]);
    }

    /** One line: wall time, each process's CPU seconds, and how busy all cores were on average. */
    String since(CpuUse start) {
        double wall = (wallNanos - start.wallNanos) / 1e9;
        double serverS = server.minus(start.server).toMillis() / 1e3;
        double generatorS = generator.minus(start.generator).toMillis() / 1e3;
        int cores = Runtime.getRuntime().availableProcessors();
        String line = String.format("CPU over %.0f s of load on %d cores: server JVM %.1f s (%.0f%% of one core),"
                        + " load generator %.1f s (%.0f%%)", wall, cores, serverS, 100 * serverS / wall, generatorS,
                100 * generatorS / wall);
        long total = machineTotalTicks - start.machineTotalTicks;
        if (total > 0) {
            double busy = (double) (machineBusyTicks - start.machineBusyTicks) / total;
            double rest = busy * cores * wall - serverS - generatorS;
            line += String.format(", everything else (PostgreSQL, other processes) %.1f s; all cores %.0f%% busy",
                    Math.max(0, rest), 100 * busy);
        }
        return line;
    }

    /** Busy and total jiffies of all cores from the first line of /proc/stat (busy = all but idle and iowait). */
    private static Optional<long[]> procStat() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] values = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(values, 0, Math.min(values.length, 8)).sum(); // user..steal; guest is in user
            long idle = values[3] + values[4];
            return Optional.of(new long[] {total - idle, total});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
