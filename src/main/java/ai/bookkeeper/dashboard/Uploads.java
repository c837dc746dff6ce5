package ai.bookkeeper.dashboard;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploaded statements wait for their import job: {@code <root>/<company id>/<uuid>-<sanitized name>}. The
 * client's file name is only ever a hint for the extension and for people: its folders are dropped and every
 * character outside {@code [A-Za-z0-9._-]} replaced, so a name can't climb out of the company's folder.
 */
@Component
class Uploads {

    private static final Pattern STORED = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[A-Za-z0-9._-]{1,100}");
    private static final int MAX_NAME = 100;

    private final Path root;

    Uploads(@Value("${bookkeeper.dashboard.uploads:data/uploads}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Stores the bytes under a fresh name; returns that name (the job's payload refers to it). */
    String store(CompanyId company, String clientName, InputStream content) throws IOException {
        Path folder = folder(company);
        Files.createDirectories(folder);
        String name = UUID.randomUUID() + "-" + sanitize(clientName);
        Files.copy(content, folder.resolve(name)); // fails rather than replaces: the uuid makes a clash a bug
        return name;
    }

    /** The stored file of {@code name} in the company's folder; refuses anything {@link #store} can't have made. */
    Path resolve(CompanyId company, String name) {
        if (name == null || !STORED.matcher(name).matches()) {
            throw new InvalidInputException("upload.name", "'" + name + "' is not the name of an uploaded statement.");
        }
        Path folder = folder(company);
        Path file = folder.resolve(name).normalize();
        if (!file.getParent().equals(folder)) {
            throw new InvalidInputException("upload.name", "'" + name + "' is not the name of an uploaded statement.");
        }
        return file;
    }

    /** The name people see: the stored name without its uuid prefix. */
    static String displayName(String stored) {
        return stored.length() > 37 ? stored.substring(37) : stored;
    }

    /** The last segment of the client's name, with anything but letters, digits, dot, dash and underscore replaced. */
    static String sanitize(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return name.isEmpty() ? "statement" : name;
    }

    private Path folder(CompanyId company) {
        return root.resolve(company.value().toString());
    }
}
