package ai.bookkeeper.web;

import ai.bookkeeper.shared.BookkeeperException;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error an API client sees is an RFC 9457 problem: a status, a title, a detail that says what to fix, and
 * a {@code type} naming the entry of the error catalogue. Never a stack trace.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    private final String maxUpload;
    private final String maxRequest;

    ProblemDetails(@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:1MB}") String maxUpload,
                   @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:10MB}") String maxRequest) {
        this.maxUpload = maxUpload;
        this.maxRequest = maxRequest;
    }

    @ExceptionHandler(BookkeeperException.class)
    ProblemDetail rejected(BookkeeperException e, HttpServletResponse response) {
        return problem(Rejections.apply(e, response), e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "request.parameter", "The value '" + e.getValue() + "' of '" + e.getName()
                + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())
                + (e.getRequiredType() == java.time.LocalDate.class ? " (write dates as YYYY-MM-DD)" : "") + ".");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "upload.not_multipart", "Send the files as multipart/form-data, one form"
                + " part named 'files' per file (curl: -F files=@march.csv).");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "upload.too_large", "The upload is larger than this server accepts (" + maxUpload + " per file, "
                        + maxRequest + " per request); split it into smaller files or fewer files per request."));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "upload.missing_part", "The form part '"
                + e.getRequestPartName() + "' is missing; attach each file as a part named '" + e.getRequestPartName()
                + "'."));
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unhandled error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side; nothing you sent"
                + " was partly applied. Try again, and report it if it persists.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint; check it against the OpenAPI document"
                + " at /v3/api-docs.";
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            detail = "The field '" + unknown.getPropertyName() + "' is not accepted here; remove it. Accepted fields: "
                    + unknown.getKnownPropertyIds() + ".";
        } else if (cause instanceof tools.jackson.core.exc.StreamConstraintsException) {
            detail = "A value in the request body is too large; " + cause.getMessage();
        } else if (cause instanceof tools.jackson.databind.DatabindException bind && !bind.getPath().isEmpty()) {
            detail = "The field '" + bind.getPath().stream().map(r -> r.getPropertyName() == null ? "[" + r.getIndex() + "]"
                    : r.getPropertyName()).collect(Collectors.joining(".")) + "' has a value of the wrong form.";
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.body", detail));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> "'" + f.getField() + "' " + f.getDefaultMessage())
                .sorted().collect(Collectors.joining("; "));
        return ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "request.invalid",
                "Fix these fields: " + detail + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        String detail = e.getAllErrors().stream().map(org.springframework.context.MessageSourceResolvable::getDefaultMessage)
                .sorted().collect(Collectors.joining("; "));
        return ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT, "request.invalid",
                "Fix the request: " + detail + "."));
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://aibookkeeper.dev/errors/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
