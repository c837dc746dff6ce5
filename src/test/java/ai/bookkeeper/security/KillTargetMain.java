package ai.bookkeeper.security;

import ai.bookkeeper.BookkeeperApplication;
import ai.bookkeeper.cli.Commands;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child JVM of {@link KillNineDuringImportTest}: starts the application as the CLI does, prints {@code IMPORTING}
 * the moment before it runs the real {@code ingest} command and then proposes the new transactions as the import job
 * does (categorize, book entries, reconcile), so that the parent can aim its SIGKILL at the import and the booking
 * rather than at the JVM's start-up. Args: SQLite file, then the ingest command's arguments.
 */
public final class KillTargetMain {

    private KillTargetMain() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BookkeeperApplication.class)
                .web(WebApplicationType.NONE).profiles("cli")
                .run("--bookkeeper.db.url=jdbc:sqlite:" + args[0], "--spring.main.lazy-initialization=true");
        Commands commands = context.getBean(Commands.class);
        String[] ingest = java.util.Arrays.copyOfRange(args, 1, args.length);
        System.out.println("IMPORTING");
        System.out.flush();
        int status = commands.run(ingest);
        if (status == 0) {
            // then what the statement-import job does after an import: propose every transaction not proposed yet
            int company = java.util.Arrays.asList(ingest).indexOf("--company") + 1;
            var access = ai.bookkeeper.tenancy.CompanyAccess.system(ai.bookkeeper.shared.CompanyId.parse(ingest[company]));
            var pipeline = context.getBean(ai.bookkeeper.pipeline.Pipeline.class);
            var outcome = pipeline.processImports(access).outcome();
            System.out.println("PROPOSED " + outcome.proposed());
        }
        context.close();
        System.exit(status);
    }
}
