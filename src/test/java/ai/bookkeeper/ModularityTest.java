package ai.bookkeeper;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module graph acyclic and each module's internals private to it. */
class ModularityTest {

    @Test
    void modules_depend_on_each_other_only_through_their_public_api_and_without_cycles() {
        ApplicationModules.of(BookkeeperApplication.class).verify();
    }
}
