package ai.bookkeeper.pipeline;

import ai.bookkeeper.tenancy.Tenancy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When {@code serve} is up, prints where it listens and how to sign in: as one of the pilot's company owners (from
 * the pilot's {@code data/simulated_metadata/*}/company.json}, those that exist in this database) with the pilot's
 * password, or, before any pilot ran, how to get there.
 */
@Component
class SignInHint implements ApplicationListener<WebServerInitializedEvent> {

    private final Tenancy tenancy;
    private final String address;
    private final Path pilotData;
    private final JsonMapper json = JsonMapper.builder().build();

    SignInHint(Tenancy tenancy, @Value("${server.address:localhost}") String address,
               @Value("${bookkeeper.pilot.data:data}") String pilotData) {
        this.tenancy = tenancy;
        this.address = address;
        this.pilotData = Path.of(pilotData);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        print(System.out, "http://" + address + ":" + event.getWebServer().getPort());
    }

    void print(PrintStream out, String base) {
        out.println();
        out.println("AI Bookkeeper is serving on " + base + " — API under " + base + "/api/v1, documentation at "
                + base + "/swagger-ui.html, metrics at " + base + "/actuator/prometheus.");
        List<String> owners = pilotOwners();
        if (owners.isEmpty()) {
            out.println("No pilot companies in this database yet: run `java -jar target/ai-bookkeeper.jar pilot` first,"
                    + " then sign in as any pilot owner with password '" + PilotRunner.OWNER_PASSWORD + "'.");
        } else {
            out.println("Sign in (POST " + base + "/api/v1/auth/login, or the browser) with password '"
                    + PilotRunner.OWNER_PASSWORD + "' as one of the pilot's owners:");
            owners.forEach(o -> out.println("  " + o));
        }
        out.println();
    }

    private List<String> pilotOwners() {
        Path metadata = pilotData.resolve(ai.bookkeeper.simulate.SimulationLayout.METADATA);
        List<String> owners = new ArrayList<>();
        if (!Files.isDirectory(metadata)) {
            return owners;
        }
        try (Stream<Path> companies = Files.list(metadata)) {
            for (Path company : companies.sorted().toList()) {
                Path about = company.resolve("company.json");
                if (Files.isRegularFile(about)) {
                    JsonNode node = json.readTree(about.toFile());
                    String email = node.path("owner_email").asString("");
                    if (!email.isEmpty() && tenancy.userByEmail(email).isPresent()) {
                        owners.add(email + "  (" + node.path("name").asString("") + ")");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return owners; // a hint only: never stop the server over it
        }
        return owners;
    }
}
