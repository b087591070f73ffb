package io.clientele.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real headless Chromium (Debian's, driven through its chromedriver), as a visitor's browser. Selenium is pointed
 * at the installed driver, so it never tries to download one; the flags keep Chromium off the network it cannot
 * reach here.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws Exception {
        installChromium();
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile);
    }

    /** A new machine lacks the browser: Debian's packages bring it (the tests run as root, as CI does). */
    private static void installChromium() throws Exception {
        if (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return;
        }
        for (List<String> command : List.of(List.of("apt-get", "install", "-y", "chromium", "chromium-driver"),
                List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "chromium", "chromium-driver"))) {
            new ProcessBuilder(command).inheritIO().start().waitFor();
            if (Files.isExecutable(Path.of(CHROMEDRIVER))) {
                return;
            }
        }
        throw new IllegalStateException("Chromium is needed for the browser tests: apt-get install -y chromium chromium-driver");
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses the page's (first) submit button and waits for the page it leads to. */
    void submit() {
        WebElement button = driver.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        waitUntil(browser -> isStale(button));
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    String text(String id) {
        try {
            return driver.findElement(By.id(id)).getText();
        } catch (org.openqa.selenium.NoSuchElementException missing) {
            throw new AssertionError("No #" + id + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), missing);
        }
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        // A page that htmx changes in place may swap an element out while it is read: that is read again.
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException timedOut) {
            throw new AssertionError("Waited 60 s in vain on " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), timedOut);
        }
    }

    /** Whether every stylesheet the page links to was loaded and has rules: the page looks as it was designed. */
    boolean styled() {
        Object unstyled = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('link[rel=stylesheet]')]
                    .filter(link => { try { return link.sheet.cssRules.length === 0; } catch (e) { return true; } })
                    .map(link => link.href);""");
        return unstyled instanceof List<?> missing && missing.isEmpty()
                && !driver.findElements(By.cssSelector("link[rel=stylesheet]")).isEmpty();
    }

    /** A picture of the page as it is shown (1280 pixels wide). */
    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** The page's accessibility problems as axe finds them (WCAG 2.1 A and AA), described for a failure message. */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        return results.getViolations().stream().map(Rule::getId).toList();
    }

    /** Only the serious and critical of them: what must never be on a page. */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        return results.getViolations().stream().filter(rule -> List.of("serious", "critical").contains(rule.getImpact()))
                .map(rule -> rule.getId() + " on " + driver.getCurrentUrl() + ": " + rule.getNodes().stream()
                        .map(node -> node.getHtml()).toList()).toList();
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        }
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
