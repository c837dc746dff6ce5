package ai.bookkeeper;

import ai.bookkeeper.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. {@code serve} (the default) starts the HTTP server; every other command ({@code pilot},
 * {@code simulate}, {@code ingest}, {@code report}, …) runs without one and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookkeeperApplication {

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        SpringApplication app = new SpringApplication(BookkeeperApplication.class);
        if (!"serve".equals(command)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
        }
        var context = app.run(args);
        if (!"serve".equals(command)) {
            int status = context.getBean(Commands.class).run(args);
            context.close();
            System.exit(status);
        }
    }
}
