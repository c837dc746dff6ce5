package ai.bookkeeper.load;

import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Bookkeepers working in the pilot's companies (issue 10, reports/load_test.md). Each virtual user signs in once
 * (one BCrypt check, then a session cookie and its CSRF token, as the dashboard does) and then works until the end of
 * the run, pausing between actions as a person does: 70% reads (KPIs, trial balance, profit and loss, automation by
 * month), 20% review (open the queue, approve one of its entries), 10% a statement upload (a small CSV of new rows,
 * with an Idempotency-Key, then one look at the import job). Closed model: the number of users signed in and working
 * is held at {@code load.users} after a ramp.
 *
 * <p>Settings (system properties): {@code load.users} (200), {@code load.duration} seconds at full strength (45),
 * {@code load.ramp} seconds (15), {@code load.pauseMin}/{@code load.pauseMax} milliseconds between actions (1000,
 * 3000), {@code load.baseUrl} to use a running server instead of starting one, {@code load.owners} (comma-separated
 * e-mails) and {@code load.password} to sign in there, {@code load.serverOptions} (JVM options of the server we start,
 * such as {@code -Dbookkeeper.passwords.concurrent-checks=4}), {@code load.profile=true} to record the server with JFR and
 * PostgreSQL with pg_stat_statements.
 *
 * <p>Targets, as Gatling assertions (a miss fails the command): p95 below 100 ms over all requests, and no failed
 * request. A 409 from an approval is the documented answer when two reviewers pick the same entry; it is accepted
 * only with the codes that say so, and counted.
 */
public class BookkeeperLoadSimulation extends Simulation {

    private static final int USERS = Integer.getInteger("load.users", 200);
    private static final int DURATION_S = Integer.getInteger("load.duration", 45);
    private static final int RAMP_S = Integer.getInteger("load.ramp", 15);
    private static final Duration PAUSE_MIN = Duration.ofMillis(Integer.getInteger("load.pauseMin", 1000));
    private static final Duration PAUSE_MAX = Duration.ofMillis(Integer.getInteger("load.pauseMax", 3000));
    private static final String PASSWORD = System.getProperty("load.password", SystemUnderTest.PILOT_PASSWORD);
    private static final int P95_TARGET_MS = 100;
    private static final String RAMP_GROUP = "while users sign in";
    private static final String STEADY_GROUP = "all users working";

    /** The pilot's year, plus the quarter the uploads add rows to. */
    private static final String FROM = "2025-01-01";
    private static final String TO = "2026-12-31";

    private static final AtomicLong APPROVED = new AtomicLong();
    private static final AtomicLong CONFLICTS = new AtomicLong();
    private static final AtomicLong EMPTY_QUEUE = new AtomicLong();
    private static final AtomicLong UPLOADS = new AtomicLong();
    private static final AtomicLong REFUSED_SIGN_INS = new AtomicLong();
    private static final int SIGN_IN_ATTEMPTS = 5;
    private static final Map<String, AtomicLong> JOB_STATES = new java.util.concurrent.ConcurrentSkipListMap<>();

    private final SystemUnderTest sut;
    /** Users work until the end of the injection, so each signs in once and none is replaced by a new sign-in. */
    private volatile long deadlineNanos = Long.MAX_VALUE;
    /** From here on all users are signed in and working: requests are reported under {@link #STEADY_GROUP}. */
    private volatile long steadyNanos = Long.MAX_VALUE;
    private volatile CpuUse cpuAtStart;

    public BookkeeperLoadSimulation() throws Exception {
        // started here, not in before(): the protocol needs the base URL when the simulation is built
        sut = SystemUnderTest.start();

        HttpProtocolBuilder protocol = http.baseUrl(sut.baseUrl())
                .acceptHeader("application/json")
                .userAgentHeader("ai-bookkeeper-load-test");

        ChainBuilder action = randomSwitch().on(
                percent(17.5).then(read("KPIs", "/analytics/kpis?from=" + FROM + "&to=" + TO)),
                percent(17.5).then(read("trial balance", "/reports/trial-balance?asOf=" + TO)),
                percent(17.5).then(read("profit and loss", "/reports/profit-and-loss?from=" + FROM + "&to=" + TO)),
                percent(17.5).then(read("automation by month", "/analytics/automation")),
                percent(20.0).then(review()),
                percent(10.0).then(upload()));

        // a sign-in refused as busy (503 auth.busy) counts as a failed request, and the user tries again after the
        // Retry-After the server sent, as a browser or script would, up to SIGN_IN_ATTEMPTS times
        ChainBuilder signIn = exec(session -> session.set("attempts", 0).set("signedIn", false))
                .asLongAs(session -> !session.getBoolean("signedIn") && session.getInt("attempts") < SIGN_IN_ATTEMPTS
                        && System.nanoTime() < deadlineNanos).on(
                        exec(http("sign in").post("/api/v1/auth/login")
                                .body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\"}")).asJson()
                                .check(status().saveAs("signInStatus"), header("Retry-After").optional().saveAs("retryAfter"),
                                        status().is(200), jsonPath("$.companies[0].id").saveAs("company")))
                                .exec(session -> session.markAsSucceeded()
                                        .set("attempts", session.getInt("attempts") + 1)
                                        .set("signedIn", session.contains("signInStatus") && session.getInt("signInStatus") == 200))
                                .doIf(session -> !session.getBoolean("signedIn")).then(
                                        exec(session -> {
                                            REFUSED_SIGN_INS.incrementAndGet();
                                            return session;
                                        })
                                        .pause(session -> Duration.ofSeconds(session.contains("retryAfter")
                                                ? Long.parseLong(session.getString("retryAfter")) : 5))))
                .exitHereIf(session -> !session.getBoolean("signedIn"));

        ChainBuilder work = signIn
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
                .asLongAs(session -> System.nanoTime() < deadlineNanos).on(
                        pause(PAUSE_MIN, PAUSE_MAX)
                                .exec(session -> session.set("phase", System.nanoTime() < steadyNanos ? RAMP_GROUP : STEADY_GROUP))
                                .group("#{phase}").on(action));

        // a user the closed model starts in the last moments, after the others stopped working, signs in for nothing:
        // it idles instead, so that the figures hold one sign-in per user
        ScenarioBuilder bookkeepers = scenario("bookkeepers")
                .feed(owners(sut.owners()))
                .doIfOrElse(session -> System.nanoTime() < deadlineNanos).then(work).orElse(pause(Duration.ofSeconds(1)));

        setUp(bookkeepers.injectClosed(
                rampConcurrentUsers(0).to(USERS).during(RAMP_S),
                constantConcurrentUsers(USERS).during(DURATION_S)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP_S + DURATION_S + 120L))
                .assertions(
                        global().responseTime().percentile(95.0).lt(P95_TARGET_MS),
                        global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        long start = System.nanoTime();
        steadyNanos = start + Duration.ofSeconds(RAMP_S).toNanos();
        deadlineNanos = start + Duration.ofSeconds(RAMP_S + DURATION_S).toNanos();
        cpuAtStart = CpuUse.now(sut.serverProcess());
        SystemUnderTest.log(String.format("%d users (ramp %d s, then %d s), pauses %d-%d ms, against %s",
                USERS, RAMP_S, DURATION_S, PAUSE_MIN.toMillis(), PAUSE_MAX.toMillis(), sut.baseUrl()));
    }

    @Override
    public void after() {
        SystemUnderTest.log("sign-ins refused (then retried after Retry-After): " + REFUSED_SIGN_INS.get());
        SystemUnderTest.log("uploads accepted: " + UPLOADS.get() + " (" + Statements.ROWS + " rows each); approvals: "
                + APPROVED.get() + " approved, " + CONFLICTS.get() + " answered 409 (another reviewer was first), "
                + EMPTY_QUEUE.get() + " found the queue empty; import jobs when looked at 1 s after upload: " + JOB_STATES);
        SystemUnderTest.log(CpuUse.now(sut.serverProcess()).since(cpuAtStart));
        sut.stop();
    }

    private static Iterator<Map<String, Object>> owners(List<String> emails) {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of("email",
                emails.get(Math.floorMod(next.getAndIncrement(), emails.size())))).iterator();
    }

    private static ChainBuilder read(String name, String path) {
        return exec(http(name).get("/api/v1/companies/#{company}" + path).check(status().is(200)));
    }

    private static ChainBuilder review() {
        return exec(http("review queue").get("/api/v1/companies/#{company}/review?limit=50")
                        .check(status().is(200),
                                jsonPath("$[*].entryId").findAll().optional().saveAs("entryIds"),
                                jsonPath("$[*].version").ofInt().findAll().optional().saveAs("versions")))
                .exec(BookkeeperLoadSimulation::pickEntry)
                .doIf(session -> session.contains("entryId")).then(
                        exec(http("approve").post("/api/v1/companies/#{company}/review/#{entryId}/approve")
                                .header("X-XSRF-TOKEN", "#{xsrf}")
                                .body(StringBody("{\"version\":#{version}}")).asJson()
                                .check(status().in(200, 409).saveAs("approveStatus"))
                                .checkIf((response, session) -> response.status().code() == 409)
                                .then(jsonPath("$.code").in("proposal.decided", "entry.concurrent_change")))
                        .exec(session -> {
                            (session.getInt("approveStatus") == 200 ? APPROVED : CONFLICTS).incrementAndGet();
                            return session;
                        }));
    }

    /** One entry of the queue at random, so that reviewers of one company seldom pick the same one. */
    private static Session pickEntry(Session session) {
        Session cleared = session.remove("entryId").remove("version");
        List<String> ids = session.contains("entryIds") ? session.getList("entryIds") : List.of();
        if (ids.isEmpty()) {
            EMPTY_QUEUE.incrementAndGet();
            return cleared;
        }
        List<Integer> versions = session.getList("versions");
        int i = ThreadLocalRandom.current().nextInt(ids.size());
        return cleared.set("entryId", ids.get(i)).set("version", versions.get(i));
    }

    private static ChainBuilder upload() {
        return exec(session -> session.set("statement", Statements.next())
                        .set("idempotencyKey", UUID.randomUUID().toString()))
                .exec(http("upload statement").post("/api/v1/companies/#{company}/statements")
                        .header("X-XSRF-TOKEN", "#{xsrf}")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .bodyPart(StringBodyPart("files", "#{statement}").fileName("statement-#{idempotencyKey}.csv")
                                .contentType("text/csv"))
                        .bodyPart(StringBodyPart("account", "1000"))
                        .asMultipartForm()
                        .check(status().is(202), jsonPath("$.jobId").saveAs("job")))
                .exec(session -> {
                    UPLOADS.incrementAndGet();
                    return session;
                })
                .pause(Duration.ofSeconds(1))
                .exec(http("import job").get("/api/v1/companies/#{company}/jobs/#{job}")
                        .check(status().is(200), jsonPath("$.status").saveAs("jobStatus")))
                .exec(session -> {
                    String state = session.contains("jobStatus") ? session.getString("jobStatus") : "(no answer)";
                    JOB_STATES.computeIfAbsent(state, k -> new AtomicLong()).incrementAndGet();
                    return session;
                });
    }
}
