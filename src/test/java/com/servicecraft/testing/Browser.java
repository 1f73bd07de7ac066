package com.servicecraft.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded. Helpers
 * wait for pages and PrimeFaces ajax instead of sleeping.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final TestServer server;

    /**
     * Idle Chromiums by language, reused across tests in this JVM: starting one costs seconds, and a
     * reused one is as fresh as a new one for the application (see {@link #close()}).
     */
    private static final Map<String, Deque<WebDriver>> IDLE = new ConcurrentHashMap<>();
    private static final List<WebDriver> ALL = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(Browser::quitQuietly), "chromium-quit"));
    }

    private final String acceptLanguage;

    /** A Chromium asking for pages in {@code acceptLanguage}, without cookies, storage or cache. */
    public Browser(TestServer server, String acceptLanguage) {
        this.server = server;
        this.acceptLanguage = acceptLanguage;
        WebDriver idle = IDLE.computeIfAbsent(acceptLanguage, l -> new ConcurrentLinkedDeque<>()).pollFirst();
        this.driver = idle != null ? idle : start(acceptLanguage);
    }

    private static WebDriver start(String acceptLanguage) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=" + acceptLanguage,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        // The console (also Content-Security-Policy violations) is readable through consoleMessages().
        org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        ALL.add(driver);
        return driver;
    }

    /**
     * How long a wait sleeps between two looks at the browser. Selenium's default, half a second, was
     * idle time after most clicks (the first look comes before the page or ajax update is done).
     */
    private static final Duration POLL = Duration.ofMillis(50);

    /** A wait for a condition in this browser that looks every 50 ms (Selenium's default waits 500 ms between looks). */
    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    public static boolean isAvailable() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public Browser open(String path) {
        driver.get(server.url(path));
        waitForPage();
        return this;
    }

    /** The browser console's messages since the last call (Chromium logs every CSP violation there). */
    public java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    public WebDriver driver() {
        return driver;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(server.baseUrl().length());
    }

    public WebElement find(String css) {
        return waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public WebElement byId(String id) {
        return find("[id='" + id + "']");
    }

    public Browser type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /** Clicks and waits for the page load or ajax update that follows. */
    public Browser click(String id) {
        WebElement e = byId(id);
        e.click();
        waitForPage();
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** The visible text of the page; waits out a page that is being replaced. */
    public String pageText() {
        return waitUpTo(Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    /** Chrome reports an element of a replaced page as stale or as "not in the document", depending on timing. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** Clicks a button or link that submits the whole page (no ajax) and waits for the new page. */
    public Browser submit(String id) {
        WebElement e = byId(id);
        WebElement page = driver.findElement(By.tagName("html"));
        e.click();
        waitUpTo(Duration.ofSeconds(30)).until(d -> isGone(page));
        waitForPage();
        return this;
    }

    /** Clicks a button that asks for confirmation, then answers yes ({@code yesId}) and waits for the whole new page. */
    public Browser confirmAndSubmit(String buttonId, String yesId) {
        byId(buttonId).click();
        waitUpTo(Duration.ofSeconds(10)).until(d -> byId(yesId).isDisplayed());
        return submit(yesId);
    }

    public String source() {
        return driver.getPageSource();
    }

    public void waitForText(String text) {
        try {
            waitUpTo(Duration.ofSeconds(20)).until(d -> pageText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited for \"" + text + "\" on " + path() + ", the page says:\n" + pageText(), e);
        }
    }

    /** Waits until no PrimeFaces overlay (a date picker's calendar, a menu's list) covers the page any more. */
    public void waitForOverlaysClosed() {
        java.util.function.Function<WebDriver, Boolean> closed = d -> d.findElements(
                org.openqa.selenium.By.cssSelector(".ui-datepicker.ui-input-overlay, .ui-datepicker-panel, .ui-selectonemenu-panel")).stream()
                .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
        try {
            waitUpTo(Duration.ofSeconds(3)).until(closed);
        } catch (org.openqa.selenium.TimeoutException stillOpen) {
            // As a person would: a click on the page's heading, outside the overlay, closes it.
            driver.findElement(org.openqa.selenium.By.cssSelector("main h1")).click();
            waitUpTo(Duration.ofSeconds(10)).until(closed);
        }
    }

    public void waitForPath(String pathPrefix) {
        try {
            waitUpTo(Duration.ofSeconds(20)).until(d -> path().startsWith(pathPrefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited for " + pathPrefix + " but am on " + path() + ", the page says:\n" + pageText(), e);
        }
        waitForPage();
    }

    public void waitForPage() {
        waitUpTo(Duration.ofSeconds(30)).until(d -> {
            Object ready = ((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                            + " && (!window.jQuery || jQuery.active === 0) && !(window.scPendingSaves > 0)");
            return Boolean.TRUE.equals(ready);
        });
    }

    /** Saves a picture of the page when SERVICECRAFT_SCREENSHOTS names a folder (for looking at pages by eye). */
    public void screenshot(String name) {
        String dir = System.getenv("SERVICECRAFT_SCREENSHOTS");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Gives the Chromium back for the next test, as fresh as a new one: only a new blank tab is
     * left, and every cookie, the cache, this server's storage and the console are emptied. A
     * Chromium that cannot be cleaned is quit.
     */
    @Override
    public void close() {
        try {
            String fresh = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
            for (String window : driver.getWindowHandles()) {
                if (!window.equals(fresh)) {
                    driver.switchTo().window(window).close();
                }
            }
            driver.switchTo().window(fresh);
            ChromeDriver chrome = (ChromeDriver) driver;
            chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
            chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", server.baseUrl(), "storageTypes", "all"));
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
            if (driver.getWindowHandles().size() != 1) {
                throw new IllegalStateException("Chromium kept state");
            }
            IDLE.get(acceptLanguage).addFirst(driver);
        } catch (RuntimeException notReusable) {
            ALL.remove(driver);
            quitQuietly(driver);
        }
    }

    private static void quitQuietly(WebDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
