package ganinv.serve;

import ganinv.api.types.Method;
import ganinv.api.NpyFiles;
import ganinv.api.Training;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser: Debian's chromium, headless, driven by its chromedriver (.ci/run
 * installs both). Upload an image, wait for its reconstruction, drag a slider and see the image
 * change, interpolate, refine; the screenshot goes to target/serve-page.png.
 */
class ServeBrowserTest {
    @TempDir
    Path tmp;

    private static File binary(String... candidates) {
        for (String c : candidates) {
            if (new File(c).canExecute()) {
                return new File(c);
            }
        }
        throw new IllegalStateException("the browser test needs " + String.join(" or ", candidates)
                + ": run .ci/run (it installs Debian's chromium and chromium-driver) or apt-get install chromium chromium-driver");
    }

    /** A checksum of the pixels an img shows, read through a canvas in the page. */
    private static long pixels(WebDriver driver, String id) {
        Object sum = ((JavascriptExecutor) driver).executeScript(
                "const img = document.getElementById(arguments[0]); const c = document.createElement('canvas');"
                        + "c.width = img.naturalWidth; c.height = img.naturalHeight; const g = c.getContext('2d');"
                        + "g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;"
                        + "let s = 0; for (let i = 0; i < d.length; i++) s = (s * 31 + d[i]) % 1000000007; return s;", id);
        return ((Number) sum).longValue();
    }

    private static int version(WebDriver driver, String id) {
        String v = driver.findElement(By.id(id)).getAttribute("data-version");
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** Images that show a broken-image box: a src that did not load, or no src and still visible. */
    @SuppressWarnings("unchecked")
    private static java.util.List<String> brokenImages(WebDriver driver) {
        return (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.images).filter(img => img.getAttribute('src')"
                        + " ? (img.complete && img.naturalWidth === 0)"
                        + " : getComputedStyle(img).visibility !== 'hidden').map(img => img.id || img.title || img.alt);");
    }

    private static void heldOut(Path run) throws Exception {
        Path folder = Files.createDirectories(run.resolve("held-out"));
        String[] classes = {"circle", "square", "triangle"};
        for (String c : classes) {
            for (int i = 0; i < 10; i++) {
                BufferedImage im = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = im.createGraphics();
                g.setColor(new Color(200, 40 + 20 * i, 60));
                switch (c) {
                    case "circle" -> g.fillOval(3, 3, 10, 10);
                    case "square" -> g.fillRect(3, 3, 10, 10);
                    default -> g.fillPolygon(new int[] {8, 2, 14}, new int[] {2, 14, 14}, 3);
                }
                g.dispose();
                ImageIO.write(im, "png", folder.resolve(String.format("%s-%02d.png", c, i)).toFile());
            }
        }
    }

    @Test
    void uploadReconstructDragInterpolateRefine() throws Exception {
        Path run = tmp.resolve("run");
        Training.builder(run).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(30).logEvery(10).run();
        Path directions = Files.createDirectories(tmp.resolve("directions"));
        NpyFiles.write(directions.resolve("brighter.npy"), new float[][] {{1, 0, 0, 0, 0, 0, 0, 1}});
        BufferedImage im = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(new Color(40, 180, 220));
        g.fillRect(10, 12, 24, 20);
        g.dispose();
        Path upload = tmp.resolve("box.png");
        ImageIO.write(im, "png", upload.toFile());

        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + tmp.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binary("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            // First look at a run without held-out images: empty slots that say what to do, no broken image.
            try (GanServer bare = new GanServer(new ServeOptions(run, "127.0.0.1", 0, null, 1 << 20, 4, 20, 2))) {
                driver.get("http://127.0.0.1:" + bare.start() + "/");
                wait.until(d -> d.findElement(By.id("meta")).getText().contains("dlsgan"));
                assertThat(brokenImages(driver)).isEmpty();
                assertThat(driver.findElement(By.tagName("body")).getText()).contains("drop an image or click an example")
                        .doesNotContain("the image as the run sees it");
            }
            // With held-out images: the strip spans the classes and the first one is already inverted.
            heldOut(run);
            try (GanServer server = new GanServer(new ServeOptions(run, "127.0.0.1", 0, directions, 1 << 20, 4, 20, 2))) {
                String url = "http://127.0.0.1:" + server.start() + "/";
                driver.get(url);
                wait.until(d -> d.findElement(By.id("meta")).getText().contains("dlsgan"));
                wait.until(d -> d.findElement(By.id("scores")).getText().contains("PSNR"));
                java.util.List<String> titles = driver.findElements(By.cssSelector("#examples img")).stream()
                        .map(e -> e.getAttribute("title")).toList();
                assertThat(titles).hasSize(24);
                assertThat(titles.subList(0, 3)).containsExactly("circle-00.png", "square-00.png", "triangle-00.png");
                wait.until(d -> version(d, "current") >= 1 && (Boolean) ((JavascriptExecutor) d)
                        .executeScript("return document.getElementById('current').complete"));
                wait.until(d -> brokenImages(d).isEmpty());
                int inputShown = version(driver, "input");
                int rendered = version(driver, "current");
                assertThat(driver.findElements(By.cssSelector("#sliders input[type=range]"))).hasSize(4);
                assertThat(driver.findElements(By.cssSelector("#direction-sliders input[type=range]"))).hasSize(1);

                WebElement file = driver.findElement(By.id("file"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].style.display = 'block';", file);
                file.sendKeys(upload.toAbsolutePath().toString());
                wait.until(d -> version(d, "input") > inputShown);
                wait.until(d -> version(d, "current") > rendered && (Boolean) ((JavascriptExecutor) d)
                        .executeScript("return document.getElementById('current').complete"));
                long before = pixels(driver, "current");
                int shown = version(driver, "current");

                WebElement slider = driver.findElement(By.cssSelector("#sliders input[type=range]"));
                new Actions(driver).clickAndHold(slider).moveByOffset(60, 0).release().perform();
                wait.until(d -> version(d, "current") > shown && (Boolean) ((JavascriptExecutor) d)
                        .executeScript("return document.getElementById('current').complete"));
                assertThat(pixels(driver, "current")).as("the slider changed the rendered image").isNotEqualTo(before);

                driver.findElement(By.id("set-a")).click();
                new Actions(driver).clickAndHold(slider).moveByOffset(-120, 0).release().perform();
                driver.findElement(By.id("set-b")).click();
                driver.findElement(By.id("interpolate")).click();
                wait.until(d -> d.findElements(By.cssSelector("#strip img")).size() == 8);
                WebElement scrubber = driver.findElement(By.id("scrubber"));
                new Actions(driver).clickAndHold(scrubber).moveByOffset(30, 0).release().perform();
                wait.until(d -> d.findElement(By.id("frame-label")).getText().matches("frame [2-8] of 8"));

                driver.findElement(By.id("refine")).click();
                wait.until(d -> d.findElement(By.id("refine-state")).getText().equals("refined"));
                assertThat(driver.findElement(By.id("scores")).getText()).startsWith("hybrid (20 steps): PSNR");
                driver.findElement(By.id("sample")).click();
                wait.until(d -> d.findElements(By.cssSelector("#samples img")).size() == 8);
                assertThat(driver.findElement(By.id("status")).getText()).isEmpty();

                assertThat(brokenImages(driver)).isEmpty();
                Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, Path.of("target", "serve-page.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            driver.quit();
        }
    }
}
