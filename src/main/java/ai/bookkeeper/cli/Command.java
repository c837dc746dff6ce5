package ai.bookkeeper.cli;

import java.io.PrintStream;
import java.util.List;

/** A command-line verb, such as {@code pilot}; modules contribute them as beans. */
public interface Command {

    String name();

    /** One line for the help listing. */
    String summary();

    /** @return the process exit status: 0 for success */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
