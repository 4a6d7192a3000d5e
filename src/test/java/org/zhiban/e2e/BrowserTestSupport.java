package org.zhiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /** Every console error and uncaught script error of the journey's pages (a refused inline style is one). */
    private final List<ConsoleError> consoleErrors = new CopyOnWriteArrayList<>();

    /** Pages the journey opened that answered 4xx on purpose (an error page it checks), whose load Chromium logs. */
    private final Set<String> refusedPages = ConcurrentHashMap.newKeySet();

    private record ConsoleError(String url, String text) {

        boolean isRefusedPage(Set<String> refused) {
            return refused.contains(url) && text.startsWith("Failed to load resource: the server responded with a status of 4");
        }
    }

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

    /** Every journey fails on a console error, so that a page breaking the Content-Security-Policy is noticed. */
    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(consoleErrors.stream().filter(e -> !e.isRefusedPage(refusedPages)).toList()).as("console errors")
                .isEmpty();
    }

    protected Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)
                .setLocale("zh-CN"));
        context.setDefaultTimeout(15_000);
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(new ConsoleError(message.location().replaceFirst(":\\d+:\\d+$", ""), message.text()));
            }
        });
        context.onWebError(error -> consoleErrors.add(new ConsoleError(error.page().url(), error.error())));
        context.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.status() >= 400 && response.status() < 500) {
                refusedPages.add(response.url());
            }
        });
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
