package ai.bookkeeper.testing;

import ai.bookkeeper.BookkeeperApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application without a web server on the run's test database, for tests outside Spring's JUnit extension (jqwik). */
public final class TestApplication {

    private static ConfigurableApplicationContext context;

    private TestApplication() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(BookkeeperApplication.class)
                    .web(WebApplicationType.NONE)
                    // command-line arguments outrank application.yml; builder "properties" would not
                    .run("--bookkeeper.db.url=" + TestDatabase.url(), "--bookkeeper.db.user=" + TestDatabase.user(),
                            "--bookkeeper.db.password=" + TestDatabase.password());
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}
