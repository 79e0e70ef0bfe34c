package org.cticache.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.cticache.testing.Api;
import org.cticache.testing.Browser;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The operators' pool status page at /cticache/status in a real browser, logged in as a monitor user: every pool of
 * the deployment with its live entries, following the calls as they come, and saying so when a refresh fails.
 */
class PoolStatusPageIT {

    private static final UnaryOperator<Deployment.Builder> SETTINGS = service -> service
            .set("cticache.dnis.pool", "5550000001-5550000020")
            .set("cticache.dnis.pool.sales", "5550000101-5550000104")
            .set("cticache.dnis.pool.billing", "5550000201-5550000210")
            .set("cticache.pool.warn", "50");

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(SETTINGS);

    private final Api api = SERVICE.api();

    @Test
    void showsEveryPoolAndFollowsTheCallsAsTheyCome() {
        try (Browser browser = Browser.start()) {
            browser.logIn(Deployment.MONITOR, Deployment.MONITOR);
            browser.open(api.base().resolve("status").toString());
            Map<String, Integer> before = browser.await("the three pools", PoolStatusPageIT::liveByPool);
            assertEquals(List.of("billing", "default", "sales"), List.copyOf(before.keySet()));

            String pbx = Numbers.uniqueAni();
            for (int call = 0; call < 3; call++) {
                create(pbx, "sales");
            }
            create(Numbers.uniqueAni(), "billing");
            create(Numbers.uniqueAni(), "billing");
            create(Numbers.uniqueAni(), "default");
            Map<String, Integer> after = browser.await("the page to show the new entries", driver -> {
                Map<String, Integer> live = liveByPool(driver);
                return live != null && live.get("sales") == before.get("sales") + 3
                        && live.get("billing") == before.get("billing") + 2
                        && live.get("default") == before.get("default") + 1 ? live : null;
            });
            assertEquals(before.get("sales") + 3, after.get("sales"));
            // One caller holds 3 of the 4 DNIS of sales: above the 50 % warning, so the row is marked.
            WebElement sales = row(browser.driver(), "sales");
            assertEquals("true", sales.getAttribute("data-over"));
            assertEquals("75.0 %", sales.findElement(By.cssSelector(".percent")).getText());
            assertEquals("false", row(browser.driver(), "billing").getAttribute("data-over"));
            browser.screenshot("pool-status");
            assertEquals(List.of(), browser.consoleErrors(), "the page logged errors");
        }
    }

    @Test
    void aFailedRefreshKeepsTheLastFiguresUnderABanner() {
        TestRedis redis = SERVICE.redis();
        try (Browser browser = Browser.start()) {
            browser.logIn(Deployment.MONITOR, Deployment.MONITOR);
            browser.open(api.base().resolve("status").toString());
            Map<String, Integer> shown = browser.await("the pools", PoolStatusPageIT::liveByPool);
            WebElement failure = browser.driver().findElement(By.id("failure"));
            try (TestRedis.Frozen frozen = redis.freeze()) {
                browser.await("the banner of a failed refresh", driver -> failure.isDisplayed() ? failure : null);
                assertTrue(failure.getText().contains("503"), failure.getText());
                assertEquals("failed", browser.driver().findElement(By.tagName("body")).getAttribute("data-state"));
                assertEquals(shown, liveByPool(browser.driver()), "the last figures stay on the screen");
            }
            browser.await("the banner to go once Redis answers again", driver -> !failure.isDisplayed());
        }
    }

    private void create(String ani, String pool) {
        assertEquals(201, api.create("{\"ani\":\"" + ani + "\",\"value\":\"kept\",\"pool\":\"" + pool + "\"}")
                .statusCode());
    }

    private static WebElement row(WebDriver driver, String pool) {
        return driver.findElement(By.cssSelector("tr.pool[data-pool='" + pool + "']"));
    }

    /** Each pool's live entries as the page shows them, once it has shown any. */
    private static Map<String, Integer> liveByPool(WebDriver driver) {
        Map<String, Integer> live = new TreeMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("tr.pool"))) {
            live.put(row.getAttribute("data-pool"), Integer.valueOf(row.findElement(By.cssSelector(".live"))
                    .getText().replace(",", "")));
        }
        return live.isEmpty() ? null : live;
    }
}
