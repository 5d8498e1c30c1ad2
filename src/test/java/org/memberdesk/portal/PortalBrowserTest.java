package org.memberdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberdesk.portal.PortalFixture.DANA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal end to end in a real browser (the Debian chromium and chromium-driver, headless):
 * the email arrives in GreenMail, its link opens in Chromium, the password is set, sign-in works.
 * Screenshots of each page go to target/screenshots/portal-*.png for review. Nothing is skipped:
 * without chromium this test fails (CI installs it).
 */
class PortalBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NEW_PASSWORD = "copper kettle morning rain";

    @TempDir
    Path dir;
    @TempDir
    Path profile;
    PortalFixture f;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void browserIsInstalled() throws IOException {
        assertThat(CHROMIUM).as("chromium (Debian package 'chromium') is required").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (Debian package 'chromium-driver') is required").isExecutable();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void start() {
        f = PortalFixture.start(dir);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--lang=en-US", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                assertThat(cspViolations()).as("the strict CSP blocked nothing on our pages").isEmpty();
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
            f.close();
        }
    }

    @Test
    void forgotPasswordEmailLinkNewPasswordSignInAndTheLinkIsThenUsed() {
        browser.get(f.base + "/");
        waitForHeading("Sign in");
        assertThat(browser.getTitle()).isEqualTo("Sign in · Member Portal");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus starts in the email field")
                .isEqualTo("email");
        screenshot("login");

        browser.findElement(By.linkText("Forgot your password?")).click();
        waitForHeading("Forgot your password?");
        browser.findElement(By.id("email")).sendKeys(DANA);
        screenshot("forgot");
        submit();
        waitForHeading("Check your email");
        screenshot("forgot-sent");

        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.url()).startsWith(f.base + "/reset/");
        browser.get(link.url());
        waitForHeading("Choose a new password");
        assertThat(text()).contains(DANA).contains("your membership");
        screenshot("reset-form");

        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.id("confirm")).sendKeys("short");
        submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
        assertThat(browser.findElement(By.id("password-error")).getText()).contains("at least 15 characters");
        assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("reset-error");

        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        submit();
        waitForHeading("Sign in");
        assertThat(text()).contains("Your new password is set");
        screenshot("login-password-set");

        signIn(DANA, NEW_PASSWORD);
        waitForHeading("Hello, Dana Whitfield");
        assertThat(text()).contains("Momentum Membership").contains("Budget Bootcamp").contains("Founders Circle");
        screenshot("memberships");

        browser.get(link.url());
        waitForHeading("Link already used");
        assertThat(text()).contains("each link works once").contains("Send me a new link");
        screenshot("used");

        browser.get(f.base + "/");
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        waitForHeading("Sign in");
        assertThat(text()).contains("You have signed out");
    }

    @Test
    void aSignInLinkFromTheLoginPageShowsAButtonThatSignsInOnce() {
        f.services.signInLinks().setEnabled(true, PortalFixture.AGENT);
        browser.get(f.base + "/");
        waitForHeading("Sign in");
        browser.findElement(By.linkText("Email me a sign-in link")).click();
        waitForHeading("Sign in with a link");
        browser.findElement(By.id("email")).sendKeys(DANA);
        submit();
        waitForHeading("Check your email");
        screenshot("signin-sent");

        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.url()).startsWith(f.base + "/signin/");
        browser.get(link.url());
        waitForHeading("Sign in to your membership");
        assertThat(text()).contains(DANA).contains("works once");
        assertThat(browser.manage().getCookieNamed("md_session")).as("the page alone signs nobody in").isNull();
        assertThat(f.state().sessions()).isZero();
        screenshot("signin-button");

        browser.findElement(By.id("sign-in")).click();
        waitForHeading("Hello, Dana Whitfield");
        assertThat(text()).contains("Momentum Membership");
        assertThat(f.state().sessions()).isEqualTo(1);

        browser.get(link.url());
        waitForHeading("Link already used");
        screenshot("signin-used");
    }

    @Test
    void aCodeReadOutByPhoneLeadsToANewPasswordOnceAndAWrongOneSaysNothingAboutTheAccount() {
        String code = f.services.credentials().recoveryCode(DANA, null,
                new org.memberdesk.service.credentials.IdentityCheck(
                        org.memberdesk.service.credentials.IdentityCheck.Method.PHONE, null), PortalFixture.AGENT).code();
        int emailsBefore = f.received();

        browser.get(f.base + "/");
        waitForHeading("Sign in");
        browser.findElement(By.linkText("I have a code")).click();
        waitForHeading("I have a code");
        screenshot("code");

        browser.findElement(By.id("email")).sendKeys("nobody@example.com");
        browser.findElement(By.id("code")).sendKeys(code);
        submit();
        waitForHeading("I have a code");
        String unknown = browser.findElement(By.id("code-error")).getText();

        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(DANA);
        browser.findElement(By.id("code")).sendKeys("1234 5678".equals(code) ? "8765 4321" : "1234 5678");
        submit();
        waitForHeading("I have a code");
        assertThat(browser.findElement(By.id("code-error")).getText()).as("a wrong code reads as an unknown email")
                .isEqualTo(unknown).contains("does not work");
        assertThat(browser.findElement(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("code-wrong");

        browser.findElement(By.id("code")).sendKeys(code);
        submit();
        waitForHeading("Choose a new password");
        assertThat(text()).contains(DANA);
        assertThat(f.received()).as("nothing was emailed").isEqualTo(emailsBefore);
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        submit();
        waitForHeading("Sign in");
        signIn(DANA, NEW_PASSWORD);
        waitForHeading("Hello, Dana Whitfield");

        browser.get(f.base + "/code");
        waitForHeading("I have a code");
        browser.findElement(By.id("email")).sendKeys(DANA);
        browser.findElement(By.id("code")).sendKeys(code);
        submit();
        waitForHeading("I have a code");
        assertThat(browser.findElement(By.id("code-error")).getText()).as("a code works once").isEqualTo(unknown);
    }

    @Test
    void theWelcomeEmailsSetPasswordLinkWorksTheSameWay() {
        f.services.credentials().resendWelcome(DANA, "Momentum Membership", PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.route()).isEqualTo("set-password");

        browser.get(link.url());
        waitForHeading("Choose your password");
        screenshot("set-password-form");
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        submit();
        waitForHeading("Sign in");
        assertThat(text()).contains("Your new password is set");

        signIn(DANA, NEW_PASSWORD);
        waitForHeading("Hello, Dana Whitfield");
        assertThat(text()).contains("Momentum Membership");

        browser.get(link.url());
        waitForHeading("Link already used");
    }

    @Test
    void anExpiredLinkShowsTheExpiryPage() {
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        f.clock.advance(Duration.ofHours(24).plusMinutes(1));

        browser.get(link.url());
        waitForHeading("Link expired");
        assertThat(text()).contains("links stop working after a while, for your safety").contains("Get a new link");
        screenshot("expired");

        browser.findElement(By.id("email")).sendKeys(DANA);
        submit();
        waitForHeading("Check your email");
        PortalFixture.MailedLink fresh = f.latestLink();
        browser.get(fresh.url());
        waitForHeading("Choose a new password");
    }

    @Test
    void aCommunityResetWorksAtItsGroupsDoorAndItsPasswordFailsAtTheMembershipLogin() {
        f.membershipPassword("membership pass phrase");
        browser.get(f.base + "/community/founders-circle");
        waitForHeading("Sign in to Founders Circle");
        assertThat(text()).contains("Founders Circle community").contains("uses the group's own password");
        screenshot("community-login");

        browser.findElement(By.linkText("Forgot your password?")).click();
        waitForHeading("Forgot your password?");
        assertThat(text()).contains("the Founders Circle community group");
        browser.findElement(By.id("email")).sendKeys(DANA);
        submit();
        waitForHeading("Check your email");

        PortalFixture.MailedLink link = f.latestLink();
        assertThat(link.url()).startsWith(f.base + "/community/founders-circle/reset/");
        browser.get(link.url());
        waitForHeading("Choose a new password");
        assertThat(text()).contains("the Founders Circle community group");
        screenshot("community-reset-form");
        browser.findElement(By.id("password")).sendKeys("group pass phrase here");
        browser.findElement(By.id("confirm")).sendKeys("group pass phrase here");
        submit();
        waitForHeading("Sign in to Founders Circle");
        assertThat(text()).contains("Your new password is set");

        signIn(DANA, "group pass phrase here");
        waitForHeading("Welcome to Founders Circle");
        screenshot("community-home");

        browser.get(f.base + "/");
        waitForHeading("Sign in");
        signIn(DANA, "group pass phrase here");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertThat(text()).contains("That email and password do not match an account").doesNotContain("Hello,");
        screenshot("login-refused");

        signIn(DANA, "membership pass phrase");
        waitForHeading("Hello, Dana Whitfield");
    }

    @Test
    void theResetPageIsNeverWiderThanTheWindow() {
        f.services.credentials().sendResetLink(DANA, null, null, PortalFixture.AGENT);
        PortalFixture.MailedLink link = f.latestLink();
        for (int width : new int[] {375, 1024}) {
            browser.manage().window().setSize(new Dimension(width, 800));
            browser.get(link.url());
            waitForHeading("Choose a new password");
            Object widths = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertThat(widths).as("document width and viewport width at %d px", width)
                    .isEqualTo(List.of(((List<?>) widths).get(1), ((List<?>) widths).get(1)));
            screenshot("reset-form-" + width);
        }
    }

    @Test
    void pagesReadWellOnAPhone() {
        f.membershipPassword(NEW_PASSWORD);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(f.base + "/");
        waitForHeading("Sign in");
        assertThat(horizontalOverflow()).as("no sideways scrolling").isFalse();
        screenshot("login-phone");
        signIn(DANA, NEW_PASSWORD);
        waitForHeading("Hello, Dana Whitfield");
        assertThat(horizontalOverflow()).isFalse();
        screenshot("memberships-phone");
        browser.get(f.base + "/community/founders-circle");
        waitForHeading("Sign in to Founders Circle");
        screenshot("community-login-phone");
    }

    // ---- helpers ----

    private void signIn(String email, String password) {
        WebElement field = browser.findElement(By.id("email"));
        field.clear();
        field.sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        submit();
    }

    private void submit() {
        WebElement button = browser.findElement(
                By.cssSelector("main form[method=post]:not(.inline-form) button[type=submit]"));
        button.click();
        wait.until(driver -> gone(button));
    }

    /**
     * The page was replaced. Chromedriver says so with a stale-element error, or, when asked in the
     * middle of the navigation, with an inspector error that the node left the document.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void waitForHeading(String heading) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), heading));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private boolean horizontalOverflow() {
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(result);
    }

    private void screenshot(String name) {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(shot, SCREENSHOTS.resolve("portal-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }
}
