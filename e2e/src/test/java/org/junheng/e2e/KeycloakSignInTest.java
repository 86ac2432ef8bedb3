package org.junheng.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junheng.infra.Keycloak;
import org.junheng.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through a real identity provider: Keycloak with the sample district's realm (deploy/keycloak), the console
 * in OIDC authorization-code mode, the services trusting the realm's tokens beside the development key. Proves the
 * sign-in, the mapping of roles and the district/dept/school claims to what the services expect, sign-out, and a
 * session that expires.
 */
class KeycloakSignInTest {

    static final String DISTRICT = "500117";
    /** Tokens live 10 s (refreshed meanwhile); a sign-in lasts at most 30 s. */
    static final int TOKEN_SECONDS = 10;
    static final int SESSION_SECONDS = 30;
    static final int SESSION_END_SLACK_SECONDS = 5;

    static Keycloak keycloak;
    static Cluster cluster;
    static String console;
    static Playwright playwright;
    static Browser browser;
    static final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path repository = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Map<String, String> config = new HashMap<>(TestInfrastructure.shared().quarkusConfig());
        // the cluster's ports first: Keycloak's realm names the console's address as its redirect target
        cluster = new Cluster(config, 1, "service-logs-keycloak");
        int consolePort = cluster.reservePort();
        keycloak = Keycloak.start(Path.of(System.getProperty("junheng.keycloak.home")), repository, DISTRICT, 0,
                consolePort, true, TOKEN_SECONDS, SESSION_SECONDS, repository.resolve("e2e/target/keycloak.log"));
        cluster.withConfig(keycloak.serviceConfig());
        cluster.startAll();
        SampleDistrict.load(cluster.url("school-intake"), DISTRICT, () -> { });
        String tasks = cluster.url("rectification") + "/api/v1/tasks?district=" + DISTRICT + "&kind=RECTIFICATION";
        await().atMost(Duration.ofSeconds(90)).until(() -> Api.getAnswer(tasks).status() == 200
                && Api.get(tasks).size() == 19);
        console = cluster.startConsole(DISTRICT, consolePort, keycloak.consoleConfig());
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        Files.createDirectories(ConsoleTest.SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        contexts.forEach(BrowserContext::close);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void eachRoleSignsInAtTheIdentityProviderAndSeesWhatItsClaimsAllow() {
        Page office = signIn("wangdx");
        assertTrue(office.url().endsWith("/overview"), office.url());
        assertTrue(office.locator("header .who").innerText().contains("王督学（教育督导室）"));
        // the services took the realm's token: the office's district, every reason of it
        JsonNode readiness = Api.get(cluster.url("indicator-evaluation") + "/api/v1/districts/" + DISTRICT
                + "/periods/2024/readiness");
        assertEquals(readiness.path("reasons").size(), office.locator("#reasons li").count());
        ConsoleTest.screenshot(office, "keycloak-office-overview");

        Page department = signIn("liming");
        assertTrue(department.url().endsWith("/my-tasks"), department.url());
        assertEquals(17, department.locator("#lead table.board tbody tr").count(), "区教委 (dept jw) leads 17");
        Page finance = signIn("chenfang");
        assertEquals(2, finance.locator("#lead table.board tbody tr").count(), "区财政局 (dept cz) leads 2");

        Page school = signIn("ganghua");
        assertTrue(school.url().endsWith("/my-school"), school.url());
        assertTrue(school.locator("h1").innerText().contains("钢花小学"), "the school claim names 钢花小学");
        assertTrue(school.locator("#findings").innerText().contains("GG13"));

        Page leader = signIn("zhangqz");
        leader.navigate(console + "/tasks");
        leader.locator("table.board tbody a").first().click();
        assertEquals(0, leader.locator("#actions").count(), "a leader reads only");
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProviderToo() {
        Page office = signIn("wangdx");
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("退出")).click();
        office.waitForURL("**/signed-out?**");
        ConsoleTest.screenshot(office, "keycloak-signed-out");
        assertTrue(office.locator("h1").innerText().contains("您已安全退出"));
        office.navigate(console + "/overview");
        assertTrue(office.url().contains("/realms/junheng/protocol/openid-connect/auth"),
                "signed out at Keycloak as well: its sign-in form again, not " + office.url());
        assertTrue(office.locator("#username").isVisible());
    }

    @Test
    void aSessionLastsUntilTheProvidersLimitWithTokensRefreshedMeanwhile() {
        long signedIn = System.nanoTime();
        Page office = signIn("wangdx");
        List<Double> servedAfter = new ArrayList<>();
        await().atMost(Duration.ofSeconds(SESSION_SECONDS + 40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            office.navigate(console + "/overview");
            if (office.url().contains("/realms/junheng/")) {
                return true;
            }
            assertTrue(office.locator("#verdict").isVisible(), "the overview, while signed in: " + office.url());
            servedAfter.add((System.nanoTime() - signedIn) / 1e9);
            return false;
        });
        double expiredAfter = (System.nanoTime() - signedIn) / 1e9;
        // pages went on after the first token had expired (refreshed), and stopped once the sign-in ran out
        assertTrue(servedAfter.stream().anyMatch(t -> t > TOKEN_SECONDS + 1), servedAfter.toString());
        // Keycloak counts a session in whole seconds and caps the last refreshed token at the session's end, so the
        // end falls a few seconds short of the limit (28.4 s once on CI); well past two token lifetimes all the same
        assertTrue(expiredAfter >= SESSION_SECONDS - SESSION_END_SLACK_SECONDS, "expired after " + expiredAfter + " s");
        assertTrue(expiredAfter <= SESSION_SECONDS + 20, "expired after " + expiredAfter + " s");
        assertTrue(office.locator("#username").isVisible(), "Keycloak asks to sign in again");
    }

    /** A fresh browser: the console sends it to Keycloak, which signs the user in and sends it back. */
    private static Page signIn(String username) {
        BrowserContext context = Chromium.window(browser);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(console + "/");
        assertTrue(page.url().contains("/realms/junheng/protocol/openid-connect/auth"), page.url());
        if (username.equals("wangdx")) {
            ConsoleTest.screenshot(page, "keycloak-signin");
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill("junheng");
        page.locator("#kc-login").click();
        page.waitForURL(console + "/**");
        page.waitForLoadState();
        return page;
    }
}
