package ai.bookkeeper.simulate;

import ai.bookkeeper.tenancy.BusinessType;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The five pilot companies, and generated companies beyond them for load tests. */
final class CompanyRoster {

    private static final List<SimulatedCompany> PILOT = List.of(
            pilot(0, "Hamilton Coffee Co.", BusinessType.RETAIL, "sarah@hamiltoncoffee.com", "Sarah Mitchell", 330, 84),
            pilot(1, "Cincy Web Builders LLC", BusinessType.WEB_DEVELOPMENT, "mike@cincywebbuilders.com", "Mike Russo",
                    357, 119),
            pilot(2, "Liberty Childcare Center", BusinessType.CHILDCARE, "angela@libertychildcare.com", "Angela Brooks",
                    368, 52),
            pilot(3, "Contreras Real Estate Group", BusinessType.REAL_ESTATE, "david@contrerasrealestate.com",
                    "David Contreras", 358, 196),
            pilot(4, "Midwest Accounting Advisors", BusinessType.PROFESSIONAL_SERVICES, "linda@midwestaccounting.com",
                    "Linda Park", 289, 183));

    private static final List<String> PLACES = List.of("Maple", "Riverbend", "Oakwood", "Northside", "Lakeview",
            "Summit", "Fairfield", "Mason", "Clifton", "Hyde Park", "Anderson", "Blue Ash", "Loveland", "Milford",
            "Westwood", "Madeira");
    private static final List<String> FIRST_NAMES = List.of("Alex", "Jordan", "Maria", "Sam", "Priya", "Chris",
            "Dana", "Omar", "Grace", "Luis", "Nina", "Tyler");

    private CompanyRoster() {
    }

    static List<SimulatedCompany> pilot() {
        return PILOT;
    }

    /** The company at {@code index} of a run; generated ones vary their size by up to 15% either way. */
    static SimulatedCompany company(int index, SplittableRandom rng) {
        if (index < PILOT.size()) {
            return PILOT.get(index);
        }
        BusinessType type = BusinessType.values()[index % BusinessType.values().length];
        SimulatedCompany model = PILOT.get(type.ordinal());
        String name = String.format(Locale.ROOT, "%s %s %05d", PLACES.get(rng.nextInt(PLACES.size())),
                noun(type, rng), index + 1);
        String slug = SimulationLayout.slug(name);
        String first = FIRST_NAMES.get(rng.nextInt(FIRST_NAMES.size()));
        int sizePercent = rng.nextInt(85, 116);
        return new SimulatedCompany(index, name, slug, type,
                first.toLowerCase(Locale.ROOT) + "@" + slug.replace("_", "") + ".example", first + " Owner",
                model.targetTransactions() * sizePercent / 100, model.targetReceipts() * sizePercent / 100);
    }

    private static String noun(BusinessType type, SplittableRandom rng) {
        List<String> nouns = switch (type) {
            case RETAIL -> List.of("Coffee House", "Bakery", "Bike Shop", "Bookstore", "Florist", "Tea Room");
            case WEB_DEVELOPMENT -> List.of("Web Studio", "Digital", "Code Works", "Pixel Labs");
            case CHILDCARE -> List.of("Childcare Center", "Early Learning", "Kids Academy", "Daycare");
            case REAL_ESTATE -> List.of("Realty", "Real Estate Group", "Properties", "Home Team");
            case PROFESSIONAL_SERVICES -> List.of("Accounting", "Tax Advisors", "Consulting", "Bookkeeping");
        };
        return nouns.get(rng.nextInt(nouns.size()));
    }

    private static SimulatedCompany pilot(int index, String name, BusinessType type, String email, String owner,
            int transactions, int receipts) {
        return new SimulatedCompany(index, name, SimulationLayout.slug(name), type, email, owner, transactions,
                receipts);
    }
}
