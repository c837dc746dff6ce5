package ai.bookkeeper.dashboard;

import ai.bookkeeper.shared.BookkeeperException;
import ai.bookkeeper.web.Rejections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A rejection on a dashboard page is a page that says what is wrong and what to do (the API's problem JSON is for
 * scripts); for htmx requests just the message, which app.js shows in the page's alert area.
 */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    @ExceptionHandler(BookkeeperException.class)
    String rejected(BookkeeperException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = Rejections.apply(e, response);
        model.addAttribute("status", status.value());
        model.addAttribute("title", status.getReasonPhrase());
        model.addAttribute("message", e.getMessage());
        model.addAttribute("code", e.code());
        if (request.getHeader("HX-Request") != null) {
            return "dashboard/error :: message";
        }
        return "dashboard/error";
    }
}
