package ai.bookkeeper.dashboard;

import ai.bookkeeper.jobs.Job;
import ai.bookkeeper.jobs.JobId;
import ai.bookkeeper.pipeline.StatementImports;
import ai.bookkeeper.pipeline.Uploads;
import ai.bookkeeper.jobs.Jobs;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Statement upload: store the files, queue one import job, show its progress until it is done. */
@Controller
class UploadPageController {

    private final Pages pages;
    private final Uploads uploads;
    private final StatementImports imports;
    private final Jobs jobs;
    private final Ledger ledger;
    private final ObjectMapper json;

    UploadPageController(Pages pages, Uploads uploads, StatementImports imports, Jobs jobs, Ledger ledger, ObjectMapper json) {
        this.pages = pages;
        this.uploads = uploads;
        this.imports = imports;
        this.jobs = jobs;
        this.ledger = ledger;
        this.json = json;
    }

    @GetMapping("/app/companies/{companyId}/upload")
    String page(@PathVariable String companyId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        model.addAttribute("section", "upload");
        model.addAttribute("bankAccounts", ledger.accounts(page.access()).stream().filter(Account::bank).toList());
        model.addAttribute("recentJobs", jobs.recent(page.access(), 10).stream()
                .filter(j -> StatementImports.JOB_TYPE.equals(j.type())).toList());
        return "dashboard/upload";
    }

    @PostMapping("/app/companies/{companyId}/upload")
    String upload(@PathVariable String companyId, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String account, HttpServletRequest request) throws IOException {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        page.access().require(Role.ACCOUNTANT, "import bank statements");
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("upload.empty", "Choose one or more statement files (CSV, OFX, QFX or"
                    + " camt.053 XML) to upload; the ones chosen were empty or missing.");
        }
        if (account != null && !account.isBlank() && ledger.accountByCode(page.access(), account).isEmpty()) {
            throw new InvalidInputException("account.not_found", "No account " + account + " in this company's chart.");
        }
        List<Uploads.StoredFile> stored = new ArrayList<>();
        for (MultipartFile file : chosen) {
            try (InputStream in = file.getInputStream()) {
                stored.add(uploads.store(page.access().companyId(), file.getOriginalFilename(), in));
            }
        }
        JobId job = imports.submit(page.access(), stored, account == null || account.isBlank() ? null : account.strip(), null);
        return "redirect:" + page.base() + "/upload/jobs/" + job;
    }

    @GetMapping("/app/companies/{companyId}/upload/jobs/{jobId}")
    String job(@PathVariable String companyId, @PathVariable String jobId, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, null, null, request, model);
        model.addAttribute("section", "upload");
        describe(page, jobId, model);
        return "dashboard/job";
    }

    /** The polled part of the job page (htmx swaps it in every second until the job is final). */
    @GetMapping("/app/companies/{companyId}/upload/jobs/{jobId}/status")
    String status(@PathVariable String companyId, @PathVariable String jobId, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        model.addAttribute("base", page.base());
        describe(page, jobId, model);
        return "dashboard/job :: status";
    }

    private void describe(Pages.CompanyPage page, String jobId, Model model) {
        JobId id;
        try {
            id = new JobId(UUID.fromString(jobId));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("job.not_found", "No job " + jobId + " in this company.");
        }
        Job job = jobs.job(page.access(), id);
        model.addAttribute("job", job);
        List<Map<String, Object>> files = new ArrayList<>();
        if (job.result() != null) {
            for (JsonNode file : json.readTree(job.result()).path("files")) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("file", file.path("name").asString());
                f.put("ok", file.path("ok").asBoolean());
                f.put("summary", file.path("summary").asString());
                f.put("proposed", file.path("proposed").asInt());
                f.put("autoApproved", file.path("autoApproved").asInt());
                f.put("queued", file.path("queued").asInt());
                f.put("reconciled", file.path("reconciled").asInt());
                files.add(f);
            }
        }
        model.addAttribute("files", files);
    }
}
