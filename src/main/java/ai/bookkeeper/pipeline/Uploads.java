package ai.bookkeeper.pipeline;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded files at {@code <storage dir>/<company id>/<uuid>-<sanitized name>}. The client's file name is
 * reduced to its last path segment and to letters, digits, dot, dash and underscore, and never starts with a dot, so
 * no name ({@code ../../etc/passwd}, {@code ..\x.csv}, an absolute path) can place a file outside the company's
 * folder; every path is also checked against that folder after it is resolved.
 */
@Component
public class Uploads {

    /** A stored upload. {@code storedName} is relative to the company's folder. */
    public record StoredFile(String storedName, String originalName, long bytes) {
    }

    private static final int MAX_NAME_CHARS = 100;

    private final Path root;

    Uploads(@Value("${bookkeeper.storage.dir:data/uploads}") String directory) {
        this.root = Path.of(directory).toAbsolutePath().normalize();
    }

    public StoredFile store(CompanyId company, String clientName, InputStream content) throws IOException {
        String name = sanitize(clientName);
        String stored = Ids.newId() + "-" + name;
        Path target = resolve(company, stored);
        Files.createDirectories(target.getParent());
        long bytes = Files.copy(content, target);
        return new StoredFile(stored, clientName == null ? name : clientName, bytes);
    }

    /** The stored file's path; refuses any name that would leave the company's folder. */
    public Path resolve(CompanyId company, String storedName) {
        Path folder = root.resolve(company.toString()).normalize();
        Path file = folder.resolve(storedName).normalize();
        if (!file.getParent().equals(folder)) {
            throw new InvalidInputException("upload.path", "The stored file name '" + storedName
                    + "' is not a plain file name; upload the file again.");
        }
        return file;
    }

    Path root() {
        return root;
    }

    /** A file name that is safe on any file system: no folders, no leading dot, only {@code [A-Za-z0-9._-]}. */
    public static String sanitize(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("_{2,}", "_").replaceAll("^[._-]+", "");
        if (name.length() > MAX_NAME_CHARS) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME_CHARS - extension.length()) + extension;
        }
        return name.isEmpty() ? "upload" : name;
    }
}
