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

    /** What axe or the phone's width found wrong with a page the journey photographed. */
    private final List<String> screenProblems = new CopyOnWriteArrayList<>();

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
        assertThat(screenProblems).as("accessibility and width at 1366×768 and 390×844").isEmpty();
    }

    protected Page newPage() {
        return newPage(new Browser.NewContextOptions().setViewportSize(ScreenCheck.DESK_WIDTH, ScreenCheck.DESK_HEIGHT));
    }

    /** A phone's screen, touched rather than clicked. */
    protected Page newPhonePage() {
        return newPage(new Browser.NewContextOptions().setViewportSize(ScreenCheck.PHONE_WIDTH,
                ScreenCheck.PHONE_HEIGHT).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    private Page newPage(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setLocale("zh-CN"));
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
        return logIn(newPage(), username);
    }

    protected Page loginOnPhoneAs(String username) {
        return logIn(newPhonePage(), username);
    }

    private Page logIn(Page page, String username) {
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

    /**
     * Photographs the page, and checks it with axe and for its width; a desk-sized page is photographed and checked
     * again at the phone's size ({@code name-phone.png}). A failure fails the journey when it ends.
     */
    protected void screenshot(Page page, String name) {
        boolean desk = page.viewportSize().width == ScreenCheck.DESK_WIDTH;
        photograph(page, name);
        if (desk) {
            page.setViewportSize(ScreenCheck.PHONE_WIDTH, ScreenCheck.PHONE_HEIGHT);
            photograph(page, name + "-phone");
            page.setViewportSize(ScreenCheck.DESK_WIDTH, ScreenCheck.DESK_HEIGHT);
        }
    }

    /**
     * Only photographs: for a third party's markup that the project does not render (Swagger UI). The capture has a
     * minute, not the context's 15 seconds: with PostgreSQL and the suite on two cores, Chromium once took longer than
     * that to repaint the roster's month after the switch to the phone's width, and a photograph asserts nothing.
     */
    protected void photographUnchecked(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
                .setFullPage(false).setTimeout(60_000));
    }

    private void photograph(Page page, String name) {
        photographUnchecked(page, name);
        String size = page.viewportSize().width + "×" + page.viewportSize().height;
        ScreenCheck.axe(page).forEach(failure -> screenProblems.add(name + " at " + size + " " + failure));
        if (page.viewportSize().width == ScreenCheck.PHONE_WIDTH) {
            ScreenCheck.tooWide(page).forEach(failure -> screenProblems.add(name + " " + failure));
        }
    }
}
