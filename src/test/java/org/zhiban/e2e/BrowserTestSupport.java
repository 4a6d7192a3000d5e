package org.zhiban.e2e;

import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/**
 * Browser journeys in the machine's Chromium, driven by Playwright, at the 1366×768 of a duty-office screen.
 * Screenshots of each page visited go to target/screenshots for people to look at.
 */
abstract class BrowserTestSupport extends IntegrationTestSupport {

    private static Playwright playwright;
    private static Browser browser;
    private final List<BrowserContext> contexts = new java.util.ArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    protected Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("zh-CN"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    protected Page loginAs(String username) {
        Page page = newPage();
        page.navigate(baseUrl() + "/login");
        page.fill("#username", username);
        page.fill("#password", Api.DEMO_PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(baseUrl() + "/");
        return page;
    }

    /** Clicks something that submits a form, and waits until the next page has loaded its scripts. */
    protected void submit(Page page, String selector) {
        page.click(selector);
        page.waitForLoadState(LoadState.LOAD);
    }

    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(false));
    }
}
