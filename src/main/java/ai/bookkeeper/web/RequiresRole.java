package ai.bookkeeper.web;

import ai.bookkeeper.tenancy.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an endpoint under {@code /api/v1/companies/{companyId}} needs. Every such endpoint must carry one:
 * {@link CompanyAccessInterceptor} refuses to serve a company endpoint without it, and a test walks the route table.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRole {
    Role value();
}
