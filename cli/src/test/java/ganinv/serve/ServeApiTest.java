package ganinv.serve;

import ganinv.api.types.Method;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.api.GanRun;
import ganinv.api.InvertSettings;
import ganinv.api.Training;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API over HTTP on an ephemeral port: every endpoint, every error status, many clients at once. */
class ServeApiTest {
    @TempDir
    static Path tmp;

    static GanServer server;
    static String base;
    static Path run;
    static byte[] png;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        run = tmp.resolve("run");
        Training.builder(run).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(20).logEvery(10).run();
        Files.createDirectories(run.resolve("held-out"));
        BufferedImage im = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(8, 4, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(im, "png", out);
        png = out.toByteArray();
        Files.write(run.resolve("held-out/circle-00.png"), png);
        Path directions = Files.createDirectories(tmp.resolve("directions"));
        float[] dir = new float[8];
        dir[0] = 1;
        ganinv.api.NpyFiles.write(directions.resolve("left.npy"), new float[][] {dir});
        server = new GanServer(new ServeOptions(run, "127.0.0.1", 0, directions, 64 * 1024, 4, 5, 2));
        base = "http://127.0.0.1:" + server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> upload(String path, String filename, byte[] content) throws Exception {
        String boundary = "ganinvtestboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode parse(HttpResponse<byte[]> r) throws Exception {
        return json.readTree(r.body());
    }

    static String code(float value) {
        float[] c = new float[8];
        Arrays.fill(c, value);
        return "{\"code\": " + Arrays.toString(c) + "}";
    }

    @Test
    void thePageAndTheRunsMetadata() throws Exception {
        HttpResponse<byte[]> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<script src=\"/app.js\">");
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        JsonNode info = parse(get("/api/run"));
        assertThat(info.path("method").asText()).isEqualTo("dlsgan");
        assertThat(info.path("latent_dim").asInt()).isEqualTo(8);
        assertThat(info.path("elements")).hasSize(4);
        assertThat(info.path("directions").path("left")).hasSize(8);
        assertThat(info.path("examples").get(0).asText()).isEqualTo("circle-00.png");
        assertThat(get("/api/examples/circle-00.png").body()).isEqualTo(png);
        assertThat(get("/api/examples/..%2Fconfig.json").statusCode()).isEqualTo(404);
    }

    @Test
    void invertGivesTheLibrarysCodeAndRenderItsImage() throws Exception {
        HttpResponse<byte[]> r = upload("/api/invert", "../../etc/passwd.png", png);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        JsonNode out = parse(r);
        float[] expected;
        double psnr;
        try (GanRun g = GanRun.open(run)) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            expected = g.invert(List.of(image), InvertSettings.encoder())[0];
            psnr = ganinv.api.Quality.psnr(g.fit(image), g.render(new float[][] {expected}).get(0));
        }
        for (int i = 0; i < 8; i++) {
            assertThat(out.path("code").get(i).floatValue()).isEqualTo(expected[i]);
        }
        assertThat(out.path("psnr").asDouble()).isCloseTo(psnr, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.path("image").asText()).startsWith("data:image/png;base64,");
        HttpResponse<byte[]> drawn = post("/api/render", "{\"code\": " + out.path("code") + "}");
        assertThat(drawn.headers().firstValue("content-type").orElse("")).startsWith("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(drawn.body())).getWidth()).isEqualTo(16);
        JsonNode strip = parse(post("/api/interpolate", "{\"a\": " + Arrays.toString(new float[8]) + ", \"b\": "
                + out.path("code") + ", \"frames\": 5, \"slerp\": true}"));
        assertThat(strip.path("images")).hasSize(5);
        assertThat(strip.path("codes").get(4).get(3).floatValue()).isEqualTo(expected[3], org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(parse(post("/api/sample", "{\"count\": 3, \"seed\": 1}")).path("codes")).hasSize(3);
    }

    @Test
    void everyBadRequestIsOneLineWithItsStatus() throws Exception {
        assertThat(upload("/api/invert", "notes.png", "hello, not an image".getBytes()).statusCode()).isEqualTo(415);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        HttpResponse<byte[]> t = upload("/api/invert", "half.png", truncated);
        assertThat(t.statusCode()).isEqualTo(400);
        assertThat(parse(t).path("error").asText()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(upload("/api/invert", "big.png", new byte[200 * 1024]).statusCode()).isEqualTo(413);
        assertThat(post("/api/render", code(1).replace("1.0, ", "")).statusCode()).isEqualTo(400);        // 7 values
        HttpResponse<byte[]> nan = post("/api/render", "{\"code\": [1, 2, 3, 4, 5, 6, 7, \"NaN\"]}");
        assertThat(nan.statusCode()).isEqualTo(400);
        assertThat(parse(nan).path("error").asText()).contains("code[7]: not a finite number");
        assertThat(post("/api/render", "{\"code\": [1, 2, 3, 4, 5, 6, 7, NaN]}").statusCode()).isEqualTo(400);
        assertThat(post("/api/render", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/api/interpolate", "{\"a\": [0,0,0,0,0,0,0,0], \"b\": [1,1,1,1,1,1,1,1], \"frames\": 1000}").statusCode()).isEqualTo(400);
        assertThat(post("/api/sample", "{\"count\": 0}").statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/invert")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(get("/api/refine/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/run").statusCode()).isEqualTo(200);                 // still serving
    }

    @Test
    void aRefinementStreamsProgressEndsWithTheHybridCodeAndCanBeCancelled() throws Exception {
        String job = parse(upload("/api/refine", "a.png", png)).path("job").asText();
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/refine/" + job + "/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.body()).contains("event: result").contains("\"state\":\"done\"").contains("\"psnr\"");
        JsonNode done = parse(get("/api/refine/" + job));
        assertThat(done.path("done").asLong()).isEqualTo(5);
        assertThat(done.path("code")).hasSize(8);

        // a long refinement, cancelled: it ends as cancelled, and renders are served meanwhile
        GanServer slow = new GanServer(new ServeOptions(run, "127.0.0.1", 0, null, 64 * 1024, 4, 100_000, 2));
        try {
            String slowBase = "http://127.0.0.1:" + slow.start();
            String id = json.readTree(http.send(HttpRequest.newBuilder(URI.create(slowBase + "/api/refine"))
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(png))).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                    .path("job").asText();
            Thread.sleep(500);
            for (int i = 0; i < 5; i++) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(slowBase + "/api/render")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(code(0.5f))).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                        .isEqualTo(200);
            }
            http.send(HttpRequest.newBuilder(URI.create(slowBase + "/api/refine/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            String end = http.send(HttpRequest.newBuilder(URI.create(slowBase + "/api/refine/" + id + "/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(end).contains("\"state\":\"cancelled\"");
        } finally {
            slow.close();
        }
    }

    private static byte[] multipart(byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void sixteenClientsAtOnceGetTheirImagesAndNothingLeaks() throws Exception {
        int before = server.engineArrays();
        byte[] reference = post("/api/render", code(0.25f)).body();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    for (int k = 0; k < 10; k++) {
                        HttpResponse<byte[]> r = client % 4 == 0 ? upload("/api/invert", "c.png", png) : post("/api/render", code(0.25f));
                        if (r.statusCode() != 200 || client % 4 != 0 && !Arrays.equals(r.body(), reference)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(server.engineArrays()).isEqualTo(before);
    }
}
