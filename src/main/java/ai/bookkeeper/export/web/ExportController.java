package ai.bookkeeper.export.web;

import ai.bookkeeper.export.BooksExport;
import ai.bookkeeper.export.ExportFormat;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The books as an hledger journal or a Beancount file, for download. */
@RestController
class ExportController {

    private final BooksExport export;

    ExportController(BooksExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/companies/{companyId}/export")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<String> export(CompanyAccess access, @RequestParam(defaultValue = "hledger") String format) {
        ExportFormat parsed = ExportFormat.parse(format);
        String fileName = "books-" + access.companyId() + "." + parsed.fileExtension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(export.export(access, parsed));
    }
}
