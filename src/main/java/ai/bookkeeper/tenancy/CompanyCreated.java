package ai.bookkeeper.tenancy;

/** Published inside the creating transaction, so that listeners (the chart of accounts) commit with the company. */
public record CompanyCreated(Company company) {
}
