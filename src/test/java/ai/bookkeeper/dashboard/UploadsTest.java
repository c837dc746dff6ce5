package ai.bookkeeper.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTest {

    @TempDir Path root;

    @Test
    void a_client_file_name_loses_its_folders_and_every_unsafe_character() {
        assertThat(Uploads.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.sanitize("C:\\Users\\me\\März 2026.csv")).isEqualTo("M_rz_2026.csv");
        assertThat(Uploads.sanitize("..hidden.csv")).isEqualTo("hidden.csv");
        assertThat(Uploads.sanitize("")).isEqualTo("statement");
        assertThat(Uploads.sanitize(null)).isEqualTo("statement");
        assertThat(Uploads.sanitize("a".repeat(300) + ".csv")).hasSize(100).endsWith(".csv");
    }

    @Test
    void a_stored_upload_lands_in_its_company_folder_and_resolves_back_to_it() throws Exception {
        Uploads uploads = new Uploads(root);
        CompanyId company = CompanyId.newId();
        String name = uploads.store(company, "../march.csv", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        Path file = uploads.resolve(company, name);
        assertThat(file.getParent()).isEqualTo(root.toAbsolutePath().normalize().resolve(company.value().toString()));
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(Uploads.displayName(name)).isEqualTo("march.csv");
    }

    @Test
    void a_name_the_store_could_not_have_made_is_refused() {
        Uploads uploads = new Uploads(root);
        CompanyId company = CompanyId.newId();
        for (String bad : new String[] {"../x.csv", "0e8f1a2b-1c2d-4e5f-8a9b-0c1d2e3f4a5b-../../x", "x.csv", "",
                "0e8f1a2b-1c2d-4e5f-8a9b-0c1d2e3f4a5b-a/b.csv"}) {
            assertThatThrownBy(() -> uploads.resolve(company, bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
