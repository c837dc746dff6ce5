package ai.bookkeeper.web;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Before any company endpoint runs (and before its body is even read): the caller must be a member of the company in
 * the path (else 404: to outsiders another tenant's company does not exist) and hold the endpoint's
 * {@link RequiresRole} (else 403). The resulting {@link CompanyAccess} is the handler's {@code CompanyAccess} argument.
 */
@Component
public class CompanyAccessInterceptor implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = CompanyAccess.class.getName();

    private final Tenancy tenancy;

    CompanyAccessInterceptor(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String companyText = variables == null ? null : variables.get("companyId");
        if (companyText == null) {
            return true;
        }
        RequiresRole required = method.getMethodAnnotation(RequiresRole.class);
        if (required == null) {
            throw new IllegalStateException("Company endpoint " + method + " declares no @RequiresRole");
        }
        CompanyId companyId;
        try {
            companyId = CompanyId.parse(companyText);
        } catch (InvalidInputException e) {
            throw new NotFoundException("company.not_found", "No company " + companyText + " among yours.");
        }
        CompanyAccess access = tenancy.access(CurrentUser.id(), companyId);
        access.require(required.value(), describe(request));
        request.setAttribute(ATTRIBUTE, access);
        org.slf4j.MDC.put(RequestIdFilter.COMPANY_ID, companyId.toString());
        return true;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CompanyAccess.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Object access = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (access == null) {
            throw new IllegalStateException("No company access resolved for " + parameter.getExecutable());
        }
        return access;
    }

    private static String describe(HttpServletRequest request) {
        return "call " + request.getMethod() + " " + request.getRequestURI().replaceFirst("^/api/v1/companies/[^/]+", "");
    }
}
