package ai.bookkeeper.ingest;

import ai.bookkeeper.BookkeeperApplication;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs in a child JVM with a capped heap ({@link LargeCsvImportTest}): imports a large CSV and a file with one
 * enormous line, and prints what happened. Args: csv file, single-line file, SQLite database file.
 */
public final class LargeImportMain {

    private LargeImportMain() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BookkeeperApplication.class)
                .web(WebApplicationType.NONE)
                .run("--bookkeeper.db.url=jdbc:sqlite:" + args[2], "--logging.level.root=warn")) {
            Tenancy tenancy = context.getBean(Tenancy.class);
            Statements statements = context.getBean(Statements.class);
            String tag = UUID.randomUUID().toString().substring(0, 8);
            User user = tenancy.registerUser("large-" + tag + "@example.com", "Large", "correct horse battery");
            Company company = tenancy.createCompany(user.id(), NewCompany.of("Large " + tag, BusinessType.RETAIL));
            var access = tenancy.access(user.id(), company.id());

            long start = System.nanoTime();
            ImportReport large = statements.importFile(access, Path.of(args[0]), ImportOptions.defaults().account("1000"));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("large: " + large.summary());
            System.out.printf("seconds=%.1f rows_per_second=%.0f max_heap_mb=%d%n", seconds, large.read() / seconds,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));

            ImportReport oneLine = statements.importFile(access, Path.of(args[1]), ImportOptions.defaults().account("1000"));
            System.out.println("one-line: " + oneLine.summary());
            System.out.println("transactions=" + context.getBean(BankTransactions.class)
                    .page(access, TransactionFilter.all(), null, 1).size());
        }
    }
}
