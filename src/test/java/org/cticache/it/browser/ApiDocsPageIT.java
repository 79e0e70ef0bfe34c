package org.cticache.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.cticache.testing.Api;
import org.cticache.testing.Browser;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The API docs at /cticache/docs/ in a real browser: Swagger UI shows every path of the WAR's own OpenAPI document,
 * loads nothing from elsewhere, and its "try it out" stores an entry with the credentials given to Authorize.
 */
class ApiDocsPageIT {

    // A deployment of its own, over plain HTTP: a browser cannot play the TLS-terminating proxy of some targets.
    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(UnaryOperator.identity());

    private final Api api = SERVICE.api();

    @Test
    void theDocsPageShowsEveryPathOfTheApiWithNothingFromElsewhere() {
        Set<String> documented = new TreeSet<>();
        Api.json(api.send(api.request("openapi.json"), null)).path("paths")
                .fieldNames().forEachRemaining(documented::add);
        try (Browser browser = Browser.start()) {
            browser.open(api.base().resolve("docs/").toString());
            Set<String> shown = browser.await("Swagger UI to show every path of the API", driver -> {
                Set<String> paths = new TreeSet<>();
                driver.findElements(By.cssSelector(".opblock-summary-path"))
                        .forEach(path -> paths.add(path.getAttribute("data-path")));
                return paths.equals(documented) ? paths : null;
            });
            assertEquals(documented, shown);
            browser.screenshot("api-docs");
            assertEquals(List.of(), browser.consoleErrors(), "the page logged errors");
        }
    }

    @Test
    void tryItOutStoresAnEntryWithTheCredentialsGivenToAuthorize() {
        String ani = Numbers.uniqueAni();
        try (Browser browser = Browser.start()) {
            browser.open(api.base().resolve("docs/").toString());
            authorize(browser, Deployment.ADMIN, "password");
            WebElement create = browser.await("the POST /DNIS-ANI operation", driver -> driver
                    .findElements(By.cssSelector(".opblock.opblock-post")).stream()
                    .filter(operation -> operation.findElements(
                            By.cssSelector(".opblock-summary-path[data-path='/DNIS-ANI']")).size() == 1)
                    .findFirst().orElse(null));
            create.findElement(By.cssSelector(".opblock-summary-control")).click();
            browser.await("Try it out", driver -> create.findElement(By.cssSelector("button.try-out__btn"))).click();
            WebElement body = browser.await("the request body editor",
                    driver -> create.findElement(By.cssSelector("textarea.body-param__text")));
            body.clear();
            body.sendKeys("{\"ani\":\"" + ani + "\",\"value\":\"account 12345678, verified\"}");
            create.findElement(By.cssSelector("button.execute")).click();
            String status = browser.await("the answer to Execute", driver -> create
                    .findElements(By.cssSelector(".live-responses-table tr.response .response-col_status")).stream()
                    .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
            assertEquals("201", status.strip());
            browser.scrollTo(create.findElement(By.cssSelector(".live-responses-table")));
            browser.screenshot("api-docs-try-it-out");

            String dnis = browser.driver().findElement(By.cssSelector(".live-responses-table .microlight"))
                    .getText().replaceAll("(?s).*\"dnis\"\\s*:\\s*\"(\\d+)\".*", "$1");
            HttpResponse<String> stored = api.get(dnis + ":" + ani);
            assertEquals(200, stored.statusCode(), stored.body());
            JsonNode entry = Api.json(stored);
            assertEquals("account 12345678, verified", entry.path("value").asText(), entry.toString());
            assertEquals(List.of(), browser.consoleErrors(), "the page logged errors");
        }
    }

    /** Types the user into Swagger UI's Authorize dialog for the basic scheme, as an integrator does. */
    private static void authorize(Browser browser, String user, String password) {
        browser.await("the Authorize button", driver -> driver.findElement(By.cssSelector(".auth-wrapper .authorize")))
                .click();
        WebElement dialog = browser.await("the Authorize dialog",
                driver -> driver.findElement(By.cssSelector(".auth-container")));
        dialog.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        dialog.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        dialog.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
        browser.await("Authorize to take the credentials", driver -> dialog.findElements(
                By.cssSelector(".auth-btn-wrapper .btn-done")).stream().findFirst().orElse(null)).click();
        assertTrue(browser.driver().findElements(By.cssSelector(".auth-container")).isEmpty(), "the dialog stayed");
    }
}
