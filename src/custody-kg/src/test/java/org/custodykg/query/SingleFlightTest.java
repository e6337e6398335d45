package org.custodykg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.jena.query.QueryCancelledException;
import org.custodykg.ArgumentException;
import org.junit.jupiter.api.Test;

/** Requests for the same missing value at once: one computes, the others wait, each within its own time. */
class SingleFlightTest {
    private final SingleFlight<String, String> flight = new SingleFlight<>();
    private final AtomicInteger computed = new AtomicInteger();

    /** A computation of "q" running on another thread, held until {@link #release} is counted down. */
    private record Running(CompletableFuture<String> result, CountDownLatch release) {}

    /** Starts computing "q" on another thread and returns once it runs; after release it does {@code then}. */
    private Running running(Runnable then) {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> flight.get("q", () -> {
            computed.incrementAndGet();
            started.countDown();
            await(release);
            then.run();
            return "answer";
        }));
        await(started);
        return new Running(result, release);
    }

    /**
     * Runs {@code get} for the key on a new thread and returns once that thread waits for the computation
     * already running (a waiting request parks with a time-out; one that computed would have finished).
     */
    private <T> CompletableFuture<T> waiting(Supplier<T> request) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(request.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        thread.start();
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.isAlive()) {
            Thread.sleep(1);
        }
        return result;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSecondRequestWaitsForTheFirstsValueInsteadOfComputingIt() throws Exception {
        Running first = running(() -> { });
        CompletableFuture<String> second = waiting(() -> flight.get("q", () -> {
            computed.incrementAndGet();
            return "computed again";
        }));
        first.release().countDown();
        assertEquals("answer", first.result().get(60, TimeUnit.SECONDS));
        assertEquals("answer", second.get(60, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
        assertEquals("next", flight.get("q", () -> "next"), "once done, the next request computes afresh");
    }

    @Test
    void aWaitingRequestStopsWhenItsOwnTimeIsUp() throws Exception {
        Running first = running(() -> { });
        assertThrows(QueryCancelledException.class,
                () -> Deadline.within(Duration.ofMillis(50), () -> flight.get("q", () -> "not computed")));
        first.release().countDown();
        assertEquals("answer", first.result().get(60, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
    }

    @Test
    void whenTheComputingRequestRunsOutOfTimeAWaitingOneComputesItself() throws Exception {
        Running first = running(() -> {
            throw new QueryCancelledException();
        });
        CompletableFuture<String> second = waiting(() -> flight.get("q", () -> "computed by the second"));
        first.release().countDown();
        assertEquals("computed by the second", second.get(60, TimeUnit.SECONDS), "the first's time ran out, not the second's");
        assertEquals(QueryCancelledException.class,
                assertThrows(ExecutionException.class, () -> first.result().get(60, TimeUnit.SECONDS)).getCause().getClass());
    }

    @Test
    void anyOtherFailureIsEveryWaitingRequestsFailure() throws Exception {
        ArgumentException unknown = new ArgumentException("service", "nothing called 'x'");
        Running first = running(() -> {
            throw unknown;
        });
        CompletableFuture<ArgumentException> second = waiting(
                () -> assertThrows(ArgumentException.class, () -> flight.get("q", () -> "not computed")));
        first.release().countDown();
        assertSame(unknown, second.get(60, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
        first.result().handle((value, failure) -> null).get(60, TimeUnit.SECONDS);
    }
}
