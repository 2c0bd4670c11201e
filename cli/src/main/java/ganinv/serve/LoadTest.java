package ganinv.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * N clients on loopback, each posting renders of random codes back to back for a bounded time:
 * what {@code bench serve} reports (latency percentiles, renders per second, errors).
 */
public final class LoadTest {
    /** @param latenciesMs every successful request's latency, sorted */
    public record Result(int clients, double seconds, long requests, long errors, double[] latenciesMs) {
        public double rendersPerSecond() {
            return latenciesMs.length / seconds;
        }

        public double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            return latenciesMs[(int) Math.min(latenciesMs.length - 1, Math.floor(p / 100 * latenciesMs.length))];
        }
    }

    private LoadTest() {
    }

    public static Result run(String baseUrl, int d, int clients, double seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long seed = c;
            futures.add(pool.submit(() -> client(http, baseUrl, d, end, new Random(seed))));
        }
        List<Long> latencies = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            errors += r[0];
            requests += r.length - 1 + r[0];
            for (int i = 1; i < r.length; i++) {
                latencies.add(r[i]);
            }
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        double[] ms = latencies.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        return new Result(clients, seconds, requests, errors, ms);
    }

    /** @return [errors, latency ns of each successful request...] */
    private static long[] client(HttpClient http, String baseUrl, int d, long end, Random random) throws Exception {
        List<Long> ok = new ArrayList<>();
        long errors = 0;
        while (System.nanoTime() < end) {
            float[] code = new float[d];
            for (int i = 0; i < d; i++) {
                code[i] = (float) random.nextGaussian();
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/render")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\": " + Arrays.toString(code) + "}")).build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200 && r.body().length > 8) {
                ok.add(System.nanoTime() - t0);
            } else {
                errors++;
            }
        }
        long[] out = new long[ok.size() + 1];
        out[0] = errors;
        for (int i = 0; i < ok.size(); i++) {
            out[i + 1] = ok.get(i);
        }
        return out;
    }
}
