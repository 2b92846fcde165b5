package dev.sandboxorchestrator.examples.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load generator for a running {@code ./sandbox serve}, using only the JDK so it runs as a source
 * file:
 * <pre>
 * java examples/src/test/java/dev/sandboxorchestrator/examples/server/LoadGenerator.java list   URL TOKEN [CONCURRENCY] [SECONDS]
 * java examples/src/test/java/dev/sandboxorchestrator/examples/server/LoadGenerator.java create URL TOKEN BODY.json [REQUESTS]
 * </pre>
 * {@code list} hammers {@code GET /api/sandbox} from CONCURRENCY connections for SECONDS (after a 2 s
 * warm-up) and prints requests per second and latency percentiles. {@code create} posts the create request
 * REQUESTS times, one after another (after one untimed warm-up that fills the dependency cache), deleting
 * each sandbox after it is timed, and prints the latency of create.
 */
public final class LoadGenerator {
    private static final Pattern SANDBOX_ID = Pattern.compile("\"sandboxId\":\"([^\"]+)\"");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LoadGenerator list URL TOKEN [CONCURRENCY] [SECONDS] | create URL TOKEN BODY.json [REQUESTS]");
            System.exit(2);
        }
        URI base = URI.create(args[1].endsWith("/") ? args[1] : args[1] + "/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        if (args[0].equals("list")) {
            list(http, base, args[2], args.length > 3 ? Integer.parseInt(args[3]) : 16, args.length > 4 ? Integer.parseInt(args[4]) : 10);
        } else {
            create(http, base, args[2], Files.readString(Path.of(args[3])), args.length > 4 ? Integer.parseInt(args[4]) : 5);
        }
    }

    private static void list(HttpClient http, URI base, String token, int concurrency, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/sandbox")).header("Authorization", "Bearer " + token).build();
        run(http, request, concurrency, Duration.ofSeconds(2), new ArrayList<>(), new AtomicLong());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(http, request, concurrency, Duration.ofSeconds(seconds), latencies, errors);
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "GET /api/sandbox: %d requests in %.1f s from %d connections = %.0f requests/s, %d errors; latency %s%n",
                latencies.size(), took, concurrency, latencies.size() / took, errors.get(), percentiles(latencies));
    }

    private static void run(HttpClient http, HttpRequest request, int concurrency, Duration duration, List<Long> latencies, AtomicLong errors)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.execute(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration.toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void create(HttpClient http, URI base, String token, String body, int requests) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i <= requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("api/sandbox/create")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
            }
            System.out.printf(Locale.ROOT, "create %d%s: %.2f s%n", i, i == 0 ? " (warm-up)" : "", took / 1e9);
            if (i > 0) {
                latencies.add(took);
            }
            Matcher id = SANDBOX_ID.matcher(response.body());
            if (id.find()) {
                http.send(HttpRequest.newBuilder(base.resolve("api/sandbox/" + id.group(1))).header("Authorization", "Bearer " + token)
                        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        System.out.printf(Locale.ROOT, "POST /api/sandbox/create (cached project), %d sequential requests: latency %s%n",
                latencies.size(), percentiles(latencies));
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "n/a";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, max %s", time(sorted, 0.50), time(sorted, 0.90), time(sorted, 0.99),
                time(sorted, 1.0));
    }

    private static String time(List<Long> sorted, double quantile) {
        long nanos = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
        return nanos >= 1_000_000_000 ? String.format(Locale.ROOT, "%.2f s", nanos / 1e9) : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
