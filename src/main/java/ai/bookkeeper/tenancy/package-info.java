/** Users, companies (the tenants), memberships and roles; hands out the {@link ai.bookkeeper.tenancy.CompanyAccess} every company operation needs. */
package ai.bookkeeper.tenancy;
