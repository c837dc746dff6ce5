package ai.bookkeeper.tenancy;

/** The kinds of business the chart-of-accounts templates know. */
public enum BusinessType {
    RETAIL("Retail (POS-heavy)"),
    WEB_DEVELOPMENT("Web development services"),
    CHILDCARE("Childcare / tuition"),
    REAL_ESTATE("Real estate / commissions"),
    PROFESSIONAL_SERVICES("Professional services");

    private final String label;

    BusinessType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
