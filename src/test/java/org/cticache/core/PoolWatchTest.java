package org.cticache.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.testing.LogRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolWatchTest {

    private final DnisPool sales = DnisPool.parse("sales", "5550000001-5550000010");
    private final DnisPool byDnis = DnisPool.parse("bydnis", "5550000101-5550000104").matchedByDnis();
    private final PoolWatch watch = new PoolWatch(
            new DnisPools(DnisPool.parse(DnisPools.DEFAULT, "5559990000"), Map.of("sales", sales, "bydnis", byDnis)),
            0.8);
    private final Logger logger = Logger.getLogger(PoolWatch.class.getName());
    private LogRecords logged;

    @BeforeEach
    void capture() {
        logged = LogRecords.of(PoolWatch.class.getName(), record -> true);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void release() {
        logged.close();
        logger.setUseParentHandlers(true);
    }

    @Test
    void belowTheThresholdNothingIsLogged() {
        watch.allocated(sales, 7);
        assertEquals(List.of(), logged.all());
    }

    @Test
    void aCrossingIsLoggedOnceHoweverManyAllocationsFollow() {
        watch.allocated(sales, 8);
        watch.allocated(sales, 9);
        watch.allocated(sales, 8);
        watch.exhausted(sales);
        assertEquals(List.of("cticache: pool 'sales' is 80% used (one caller holds 8 of its 10 DNIS); warning at 80%"
                + " (cticache.pool.warn). A caller holding every DNIS gets 503: add numbers to the pool."),
                logged.messages(Level.WARNING));
    }

    @Test
    void aQuietCallerDoesNotHideABusyOne() {
        watch.allocated(sales, 8);
        watch.allocated(sales, 1);
        assertEquals(1, logged.messages(Level.WARNING).size());
        assertEquals(List.of(), logged.messages(Level.INFO), "only an exact count says the pool fell back");
    }

    @Test
    void anExactCountEndsTheCrossingAndTheNextCrossingIsLoggedAgain() {
        watch.allocated(sales, 9);
        watch.counted(List.of(new PoolOccupancy(sales, 3, 3, 0, 0)));
        watch.allocated(sales, 2);
        watch.allocated(sales, 8);
        assertEquals(2, logged.messages(Level.WARNING).size());
        assertEquals(List.of("cticache: pool 'sales' is back below 80% (30% used)"), logged.messages(Level.INFO));
    }

    @Test
    void anExhaustionIsACrossing() {
        watch.exhausted(sales);
        assertEquals(1, logged.messages(Level.WARNING).size());
    }

    @Test
    void aPoolMatchedByDnisSaysHowManyAreLeased() {
        watch.allocated(byDnis, 4);
        assertEquals(List.of("cticache: pool 'bydnis' is 100% used (4 of its 4 DNIS are in use); warning at 80%"
                + " (cticache.pool.warn). A caller holding every DNIS gets 503: add numbers to the pool."),
                logged.messages(Level.WARNING));
    }
}
