package org.cticache.it.contract;

import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import org.cticache.testing.Api;
import org.cticache.testing.Numbers;
import org.cticache.testing.SharedDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SharedDeployment.class)
class RetrieveIT {

    @Test
    void getReturnsTheValueAndLeavesTheEntry(Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"12345678\"").path("dnis").asText() + ":" + ani;

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = api.get(key);
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            assertEquals("{\"value\":\"12345678\"}", response.body());
        }
    }

    @Test
    void deleteReturnsTheValueOnceThenTheEntryIsGone(Api api) {
        String ani = Numbers.uniqueAni();
        String key = api.created(ani, "\"12345678\"").path("dnis").asText() + ":" + ani;

        HttpResponse<String> taken = api.delete(key);
        assertEquals(200, taken.statusCode());
        assertEquals("{\"value\":\"12345678\"}", taken.body());
        assertProblem(api.delete(key), 404, key);
        assertProblem(api.get(key), 404, key);
    }

    @Test
    void noAnswerCarryingCallDataMayBeCached(Api api) {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> created = api.create(ani, "\"12345678\"");
        assertEquals(201, created.statusCode());
        String key = Api.json(created).path("dnis").asText() + ":" + ani;
        for (HttpResponse<String> response : List.of(created, api.get(key), api.delete(key))) {
            assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"),
                    response.request().method() + " " + response.statusCode());
        }
    }

    @Test
    void anUnknownEntryIs404ProblemDetails(Api api) {
        String key = "5551234500:" + Numbers.uniqueAni();

        assertProblem(api.get(key), 404, "no live entry for " + key);
        assertProblem(api.delete(key), 404, "no live entry for " + key);
    }

    @Test
    void aKeyWithSeparatorsAddressesTheNormalizedEntry(Api api) {
        String ani = Numbers.uniqueAni();
        String dnis = api.created(ani, "\"v\"").path("dnis").asText();
        String dottedDnis = dnis.substring(0, 3) + "." + dnis.substring(3, 6) + "." + dnis.substring(6);
        String formattedAni = "(" + ani.substring(0, 3) + ")%20" + ani.substring(3, 6) + "-" + ani.substring(6);

        HttpResponse<String> response = api.get(dottedDnis + ":" + formattedAni);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"value\":\"v\"}", response.body());
    }

    @Test
    void aPercentEncodedColonSeparatesTheKeyToo(Api api) {
        String ani = Numbers.uniqueAni();
        String dnis = api.created(ani, "\"v\"").path("dnis").asText();

        assertEquals(200, api.get(dnis + "%3A" + ani).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5551234500", "5551234500:", ":1234567890", "5551234500:123:456", "abc:1234567890",
            "5551234500:12a4", "5551234500:+", "5551234500:1%2B2"})
    void aMalformedKeyIs400(String key, Api api) {
        assertProblem(api.get(key), 400, "");
        assertProblem(api.delete(key), 400, "");
    }
}
