package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTest {

    @TempDir Path root;

    @Test
    void a_client_file_name_is_reduced_to_a_plain_name_without_folders() {
        assertThat(Uploads.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.sanitize("..\\x.csv")).isEqualTo("x.csv");
        assertThat(Uploads.sanitize("/etc/shadow")).isEqualTo("shadow");
        assertThat(Uploads.sanitize("C:\\Users\\me\\März 2026.csv")).isEqualTo("Marz_2026.csv");
        assertThat(Uploads.sanitize("..")).isEqualTo("upload");
        assertThat(Uploads.sanitize(".hidden")).isEqualTo("hidden");
        assertThat(Uploads.sanitize("a\u0000b\nc.csv")).isEqualTo("a_b_c.csv");
        assertThat(Uploads.sanitize(null)).isEqualTo("upload");
        assertThat(Uploads.sanitize("x".repeat(300) + ".csv")).hasSize(100).endsWith(".csv");
    }

    @Test
    void every_hostile_name_is_stored_inside_the_company_folder() throws Exception {
        Uploads uploads = new Uploads(root.toString());
        CompanyId company = new CompanyId(UUID.randomUUID());
        for (String name : List.of("../../etc/passwd", "..\\x.csv", "/abs/path.csv", "....//....//y.csv", "..", "")) {
            Uploads.StoredFile stored = uploads.store(company, name,
                    new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)));
            Path file = uploads.resolve(company, stored.storedName());
            assertThat(file.getParent()).isEqualTo(root.toAbsolutePath().resolve(company.toString()));
            assertThat(Files.readString(file)).isEqualTo("a,b\n");
            assertThat(stored.storedName()).matches("[0-9a-f-]{36}-[A-Za-z0-9._-]+");
        }
        try (var all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile))
                    .allSatisfy(f -> assertThat(f.getParent().getFileName().toString()).isEqualTo(company.toString()));
        }
    }

    @Test
    void a_stored_name_that_would_leave_the_company_folder_is_refused() {
        Uploads uploads = new Uploads(root.toString());
        CompanyId company = new CompanyId(UUID.randomUUID());
        assertThatThrownBy(() -> uploads.resolve(company, "../other/x.csv")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> uploads.resolve(company, "sub/x.csv")).isInstanceOf(InvalidInputException.class);
    }
}
