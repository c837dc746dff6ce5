package ai.bookkeeper.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Runs the command named by the first argument. */
@Component
public class Commands {

    private final List<Command> commands;

    Commands(List<Command> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(Command::name)).toList();
    }

    public int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        String name = args.length == 0 ? "help" : args[0];
        if (name.equals("help") || name.equals("--help")) {
            help(out);
            return 0;
        }
        Optional<Command> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            err.println("Unknown command '" + name + "'.");
            help(err);
            return 2;
        }
        try {
            return command.get().run(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(name + " failed: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        }
    }

    private void help(PrintStream out) {
        out.println("Usage: java -jar ai-bookkeeper.jar <command> [options]");
        out.println("  serve        start the HTTP API and dashboard on localhost:8080 (the default)");
        commands.forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
    }
}
