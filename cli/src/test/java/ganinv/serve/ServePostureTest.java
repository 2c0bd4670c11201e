package ganinv.serve;

import ganinv.api.types.Method;
import ganinv.api.Training;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server refuses before any work: bombs, cross-site requests, rebinding hosts, watchers past the cap. */
class ServePostureTest {
    @TempDir
    static Path tmp;

    static Path run;
    static GanServer server;
    static String base;
    static byte[] png;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        run = tmp.resolve("run");
        Training.builder(run).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(10).logEvery(10).run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", out);
        png = out.toByteArray();
        server = new GanServer(new ServeOptions(run, "127.0.0.1", 0, null, 1 << 20, 4, 100_000, 2));
        base = "http://127.0.0.1:" + server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * A valid PNG of about 260 KB whose header declares 16384 x 16384 gray pixels: zero rows,
     * which zlib squeezes a thousandfold. Decoded, it would take 268 MB (1 GB as ints).
     */
    static byte[] bomb() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(16384);
        h.writeInt(16384);
        h.write(new byte[] {8, 0, 0, 0, 0});                   // 8-bit gray, deflate, no interlace
        chunk(file, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
            byte[] row = new byte[16385];                      // filter byte 0, then 16384 zero pixels
            for (int y = 0; y < 16384; y++) {
                z.write(row);
            }
        }
        chunk(file, "IDAT", idat.toByteArray());
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws Exception {
        DataOutputStream d = new DataOutputStream(file);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    static byte[] multipart(byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static HttpResponse<String> upload(String path, byte[] content, boolean chunked) throws Exception {
        byte[] body = multipart(content);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))      // no Content-Length
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> render(String contentType, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/render"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": [0,0,0,0,0,0,0,0]}"));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Jetty's request threads (Javalin names its pool), alive now. */
    static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().contains("JettyServerThreadPool") || t.getName().startsWith("qtp"))).count();
    }

    static long rssBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void sixteenBombsAtOnceAreRefusedFromTheHeaderAndEveryOtherRequestIsServed() throws Exception {
        byte[] bomb = bomb();
        assertThat(bomb.length).isLessThan(300_000);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long idle = rssBytes();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> bombs = new ArrayList<>();
            List<Future<HttpResponse<String>>> others = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                bombs.add(pool.submit(() -> upload("/api/invert", bomb, false)));
            }
            for (int i = 0; i < 4; i++) {
                boolean renders = i % 2 == 0;
                others.add(pool.submit(() -> renders ? render("application/json", null) : upload("/api/invert", png, false)));
            }
            for (Future<HttpResponse<String>> f : bombs) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).isEqualTo(413);
                assertThat(r.body()).contains("16384x16384 = 268435456 pixels, more than the limit of 25000000 (--max-pixels)")
                        .doesNotContain("\\n").doesNotContain("Exception");
            }
            for (Future<HttpResponse<String>> f : others) {
                assertThat(f.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rssBytes() - idle).as("RSS growth over the bombs").isLessThan(200L << 20);
    }

    @Test
    void aChunkedUploadWithoutContentLengthIsServedOrStoppedAtTheLimit() throws Exception {
        assertThat(upload("/api/invert", png, true).statusCode()).isEqualTo(200);
        HttpResponse<String> big = upload("/api/invert", new byte[2 << 20], true);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("--max-upload");
        assertThat(render("application/json", null).statusCode()).isEqualTo(200);          // still serving
    }

    @Test
    void jsonEndpointsRequireJsonAndCrossSiteRequestsAreRefused() throws Exception {
        assertThat(render("application/json; charset=utf-8", null).statusCode()).isEqualTo(200);
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            HttpResponse<String> r = render(type, null);
            assertThat(r.statusCode()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(r.body()).contains("application/json");
        }
        assertThat(render("application/json", base).statusCode()).isEqualTo(200);          // the page itself
        assertThat(render("application/json", "http://evil.example").statusCode()).isEqualTo(403);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/api/invert"))
                .header("Content-Type", "multipart/form-data; boundary=b").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(png))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(403);
    }

    @Test
    void onALoopbackBindOnlyLoopbackHostNamesAreAnswered() throws Exception {
        // java.net.http will not send a forged Host header, so speak HTTP/1.1 on a socket.
        int port = URI.create(base).getPort();
        assertThat(rawGet(port, "rebind.evil.example:" + port)).startsWith("HTTP/1.1 403");
        assertThat(rawGet(port, "localhost:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet(port, "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
        assertThat(Posture.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(Posture.hostName("LocalHost")).isEqualTo("localhost");
    }

    private static String rawGet(int port, String host) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET /api/run HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void watchersHoldNoThreadGetHeartbeatsAndAreCapped() throws Exception {
        // a long refinement runs; the watched one waits behind it, so only heartbeats keep its stream alive
        String running = new com.fasterxml.jackson.databind.ObjectMapper().readTree(upload("/api/refine", png, false).body())
                .path("job").asText();
        String job = new com.fasterxml.jackson.databind.ObjectMapper().readTree(upload("/api/refine", png, false).body())
                .path("job").asText();
        long threadsBefore = serverThreads();
        assertThat(threadsBefore).as("Jetty's request threads, found by name").isPositive();
        List<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> watchers = new ArrayList<>();
        HttpClient many = HttpClient.newHttpClient();
        for (int i = 0; i < 64; i++) {
            watchers.add(many.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/refine/" + job + "/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        for (CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> w : watchers) {
            assertThat(w.get().statusCode()).isEqualTo(200);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.openWatchers() < 64 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.openWatchers()).isEqualTo(64);
        assertThat(serverThreads() - threadsBefore).as("server threads added for 64 watchers").isLessThan(16);
        HttpResponse<String> over = http.send(HttpRequest.newBuilder(URI.create(base + "/api/refine/" + job + "/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(over.statusCode()).isEqualTo(503);
        assertThat(render("application/json", null).statusCode()).isEqualTo(200);

        // one watcher reads on: its first progress event, then a heartbeat within the heartbeat period
        java.util.Iterator<String> lines = watchers.get(0).get().body().iterator();
        long until = System.nanoTime() + (RefineEvents.HEARTBEAT_MS + 3000) * 1_000_000L;
        boolean progress = false;
        boolean heartbeat = false;
        while (System.nanoTime() < until && !(progress && heartbeat) && lines.hasNext()) {
            String line = lines.next();
            progress |= line.equals("event: progress");
            heartbeat |= line.startsWith(":");
        }
        assertThat(progress).isTrue();
        assertThat(heartbeat).isTrue();
        for (String id : new String[] {job, running}) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/refine/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        }
        deadline = System.nanoTime() + 10_000_000_000L;
        while (server.openWatchers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.openWatchers()).as("every watcher closed once the job ended").isZero();
    }
}
